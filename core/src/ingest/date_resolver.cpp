#include "ingest/date_resolver.h"

#include <cmath>
#include <cstdlib>

#include "ingest/cell_error.h"

namespace shopscore::ingest {
namespace {

// The two leading numbers of a slash date ("11/02/2026 ..."), if `text` is one.
bool slash_parts(std::string_view text, int& first, int& second) {
    size_t i = 0;
    auto number = [&](int& out) {
        const size_t start = i;
        out = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 3) out = out * 10 + (text[i++] - '0');
        return i > start && i - start <= 2;
    };
    if (!number(first) || i >= text.size() || text[i] != '/') return false;
    ++i;
    if (!number(second) || i >= text.size() || text[i] != '/') return false;
    return true;
}

const char* order_example(DateOrder order) {
    return order == DateOrder::day_first ? "day-first, like 25/11/2026" : "month-first, like 11/25/2026";
}

}  // namespace

std::optional<Seconds> excel_serial_to_seconds(std::string_view text) {
    if (text.empty() || text.size() > 24) return std::nullopt;
    bool dot = false;
    for (char c : text) {
        if (c == '.' && !dot) dot = true;
        else if (c < '0' || c > '9') return std::nullopt;
    }
    if (text.front() == '.' || text.back() == '.') return std::nullopt;
    const double serial = std::strtod(std::string(text).c_str(), nullptr);
    // 61 = 1900-03-01; before it Excel counts a 29 February 1900 that never was. 2958465 = 9999-12-31.
    if (!(serial >= 61 && serial < 2958466)) return std::nullopt;
    const double whole = std::floor(serial);
    int64_t seconds = std::llround((serial - whole) * 86400.0);
    int64_t days = static_cast<int64_t>(whole);
    if (seconds >= 86400) ++days, seconds -= 86400;
    return static_cast<Seconds>(days_from_civil(1899, 12, 30) + days) * kSecondsPerDay + seconds;
}

bool DateResolver::looks_like_time(std::string_view text) const {
    text = trim_cell(text);
    if (text.empty()) return false;
    if (xlsx_ && excel_serial_to_seconds(text)) return true;
    return parse_timestamp(text, offset_, DateOrder::month_first) || parse_timestamp(text, offset_, DateOrder::day_first);
}

Seconds DateResolver::parse_decided(std::string_view text, int64_t row, int column) const {
    const DateOrder order = order_.value_or(DateOrder::month_first);
    if (auto t = parse_timestamp(text, offset_, order)) return *t;
    std::string note;
    int a, b;
    const DateOrder other = order == DateOrder::month_first ? DateOrder::day_first : DateOrder::month_first;
    if (order_ && slash_parts(text, a, b) && parse_timestamp(text, offset_, other)) {
        note = "this file writes dates " + std::string(order_example(*order_)) + ", see row " + std::to_string(evidence_row_);
        fail_cell(row, column, "date_order_conflict", kTimestampExpectation, text, note);
    }
    fail_cell(row, column, "bad_date", kTimestampExpectation, text);
}

Seconds DateResolver::parse(std::string_view text, int64_t row, int column, TimeSlot slot) {
    text = trim_cell(text);
    if (text.empty()) return kNoTime;
    if (xlsx_) {
        if (auto t = excel_serial_to_seconds(text)) return *t;
    }
    int a = 0, b = 0;
    if (order_ || !slash_parts(text, a, b)) return parse_decided(text, row, column);
    if (a > 12 && b <= 12) {
        decide(DateOrder::day_first, row);
        return parse_decided(text, row, column);
    }
    if (b > 12 && a <= 12) {
        decide(DateOrder::month_first, row);
        return parse_decided(text, row, column);
    }
    // Both parts <= 12 (or both > 12, which no order can read): check the rest now, so the
    // error (if any) names this row.
    const Seconds value = parse_decided(text, row, column);
    if (a == b) return value;  // 05/05/2026 reads the same either way
    ++ambiguous_count_;
    if (ambiguous_examples_.size() < 3) ambiguous_examples_.emplace_back(text);
    pending_.push_back(Pending{slot, row, column, std::string(text)});
    return kPendingTime;
}

void DateResolver::decide(DateOrder order, int64_t row) {
    order_ = order;
    evidence_row_ = row;
    ambiguous_count_ = 0;
    ambiguous_examples_.clear();
    std::vector<Pending> pending;
    pending.swap(pending_);
    for (const Pending& p : pending) write(p.slot, parse_decided(p.text, p.row, p.column));
}

std::optional<Warning> DateResolver::resolve() {
    std::optional<Warning> warning;
    if (!pending_.empty()) {
        warning = Warning{"ambiguous_dates",
                          "every slash date in this file reads both as month/day and as day/month; read as "
                          "month-first (the US form, 11/02/2026 = 2 November 2026)",
                          ambiguous_examples_, ambiguous_count_};
        decide(DateOrder::month_first, 0);
    }
    return warning;
}

void DateResolver::write(const TimeSlot& slot, Seconds value) {
    auto put = [&](Seconds& field) {
        if (field == kPendingTime) field = value;
    };
    switch (slot.target) {
        case Target::order: {
            Order& o = dataset_.orders.at(slot.index);
            switch (slot.field) {
                case TimeField::created: put(o.created); break;
                case TimeField::delivered: put(o.delivered); break;
                case TimeField::cancelled: put(o.cancelled); break;
                case TimeField::deliver_by:
                    if (o.deliver_by == kPendingDay) o.deliver_by = day_of(value);
                    break;
                default: break;
            }
            break;
        }
        case Target::after_sale: {
            AfterSale& a = dataset_.after_sales.at(slot.index);
            switch (slot.field) {
                case TimeField::requested: put(a.requested); break;
                case TimeField::decided: put(a.decided); break;
                case TimeField::item_received: put(a.item_received); break;
                case TimeField::inspected: put(a.inspected); break;
                default: break;
            }
            break;
        }
        case Target::review: put(dataset_.reviews.at(slot.index).created); break;
        case Target::chat: put(dataset_.chats.at(slot.index).ended); break;
    }
}

}  // namespace shopscore::ingest
