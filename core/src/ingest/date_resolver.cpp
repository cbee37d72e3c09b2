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

// The clock a slash date-time is written with: 12 (AM/PM), 24 (a time without AM/PM), 0 (no time).
int clock_of(std::string_view text) {
    const size_t space = text.find_first_of(" T");
    if (space == std::string_view::npos || text.find(':', space) == std::string_view::npos) return 0;
    for (size_t i = space; i + 1 < text.size(); ++i) {
        const char a = static_cast<char>(text[i] | 0x20), b = static_cast<char>(text[i + 1] | 0x20);
        if ((a == 'a' || a == 'p') && b == 'm') return 12;
    }
    return 24;
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

DateResolver::Evidence DateResolver::look(std::string_view text) {
    text = trim_cell(text);
    int a = 0, b = 0;
    if (text.empty() || (xlsx_ && excel_serial_to_seconds(text)) || !slash_parts(text, a, b)) return Evidence::none;
    saw_slash_date_ = true;
    if (order_) return Evidence::none;
    const int clock = clock_of(text);
    twelve_hour_ += clock == 12;
    twenty_four_hour_ += clock == 24;
    evidence_text_ = std::string(text);
    if (a > 12 && b <= 12) return Evidence::day_first;
    if (b > 12 && a <= 12) return Evidence::month_first;
    if (a == b || a > 12) return Evidence::none;  // 05/05 reads the same either way; 13/13 no way (an error)
    // Only a date that really reads both ways is an example; a bad one is an error when mapped.
    if (!parse_timestamp(text, offset_, DateOrder::month_first) || !parse_timestamp(text, offset_, DateOrder::day_first))
        return Evidence::none;
    ++ambiguous_count_;
    if (ambiguous_examples_.size() < 3) ambiguous_examples_.emplace_back(text);
    return Evidence::ambiguous;
}

void DateResolver::decide(DateOrder order, int64_t row) {
    order_ = order;
    basis_ = Basis::data;
    evidence_row_ = row;
    ambiguous_count_ = 0;
    ambiguous_examples_.clear();
}

void DateResolver::absorb_undecided(const DateResolver& later) {
    saw_slash_date_ = saw_slash_date_ || later.saw_slash_date_;
    twelve_hour_ += later.twelve_hour_;
    twenty_four_hour_ += later.twenty_four_hour_;
    ambiguous_count_ += later.ambiguous_count_;
    for (const std::string& e : later.ambiguous_examples_)
        if (ambiguous_examples_.size() < 3) ambiguous_examples_.push_back(e);
}

void DateResolver::save(ByteWriter& out) const {
    // (The offset and the xlsx flag are the file's: the reader that loads this has them.)
    out.u(given_ ? 1 + static_cast<uint64_t>(*given_) : 0);
    out.u(order_ ? 1 + static_cast<uint64_t>(*order_) : 0);
    out.u(static_cast<uint64_t>(basis_));
    out.i(evidence_row_);
    out.text(evidence_text_);
    out.u(saw_slash_date_);
    out.i(twelve_hour_);
    out.i(twenty_four_hour_);
    out.i(ambiguous_count_);
    out.u(ambiguous_examples_.size());
    for (const std::string& e : ambiguous_examples_) out.text(e);
}

void DateResolver::load(ByteReader& in) {
    auto order = [](uint64_t v) -> std::optional<DateOrder> {
        if (v == 0) return std::nullopt;
        return static_cast<DateOrder>(v - 1);
    };
    given_ = order(in.u());
    order_ = order(in.u());
    basis_ = static_cast<Basis>(in.u());
    evidence_row_ = in.i();
    evidence_text_ = std::string(in.text());
    saw_slash_date_ = in.u() != 0;
    twelve_hour_ = in.i();
    twenty_four_hour_ = in.i();
    ambiguous_count_ = in.i();
    ambiguous_examples_.resize(in.u());
    for (std::string& e : ambiguous_examples_) e = std::string(in.text());
}

void DateResolver::decide_by_clock() {
    if (order_) return;
    // Without any clock the US form, the one ShopScore's rules are written for.
    if (twelve_hour_ == 0 && twenty_four_hour_ == 0) basis_ = Basis::date_only;
    else basis_ = twelve_hour_ >= twenty_four_hour_ ? Basis::clock_12h : Basis::clock_24h;
    order_ = basis_ == Basis::clock_24h ? DateOrder::day_first : DateOrder::month_first;
}

Seconds DateResolver::parse(std::string_view text, int64_t row, int column) const {
    text = trim_cell(text);
    if (text.empty()) return kNoTime;
    if (xlsx_) {
        if (auto t = excel_serial_to_seconds(text)) return *t;
    }
    const DateOrder order = slash_order();
    if (auto t = parse_timestamp(text, offset_, order)) return *t;
    int a, b;
    const DateOrder other = order == DateOrder::month_first ? DateOrder::day_first : DateOrder::month_first;
    if (order_ && slash_parts(text, a, b) && parse_timestamp(text, offset_, other)) {
        const std::string why = basis_ == Basis::option ? "the date order given"
                                : basis_ == Basis::data ? "see row " + std::to_string(evidence_row_)
                                                        : "read from its clock";
        fail_cell(row, column, "date_order_conflict", kTimestampExpectation, text,
                  "this file writes dates " + std::string(order_example(*order_)) + ", " + why);
    }
    fail_cell(row, column, "bad_date", kTimestampExpectation, text);
}

std::vector<Warning> DateResolver::warnings() const {
    std::vector<Warning> out;
    if (!saw_slash_date_ || !order_ || basis_ == Basis::data) return out;
    const bool mdy = *order_ == DateOrder::month_first;
    const char* basis = "";
    std::string why;
    switch (basis_) {
        case Basis::option: basis = "option", why = "as stated for this file"; break;
        case Basis::data: break;  // certain: no note
        case Basis::clock_12h: basis = "clock_12h", why = "every date reads both ways; AM/PM times are the US export's form"; break;
        case Basis::clock_24h: basis = "clock_24h", why = "every date reads both ways; 24-hour times are the form outside the US"; break;
        case Basis::date_only: basis = "date_only", why = "every date reads both ways; read in the US form"; break;
    }
    const std::string reading = mdy ? "month-first (11/02/2026 = 2 November 2026)" : "day-first (11/02/2026 = 11 February 2026)";
    Warning order{"date_order", "slash dates read " + reading + ": " + why, {}, 1};
    order.params = {{"order", mdy ? "mdy" : "dmy"}, {"basis", basis}};
    out.push_back(order);
    if (ambiguous_count_ > 0 && basis_ != Basis::option && basis_ != Basis::data) {
        Warning w{"ambiguous_dates",
                  "every slash date in this file reads both as month/day and as day/month; read " + reading +
                      " because " + why.substr(why.find(';') + 2) + "; if that is wrong, state the order (--date-order mdy|dmy)",
                  ambiguous_examples_, ambiguous_count_};
        w.params = order.params;
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace shopscore::ingest
