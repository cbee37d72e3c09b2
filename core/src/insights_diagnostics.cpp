// Diagnostics tables (docs/rules.md §31): Seller Center's diagnostics, from the records as of as_of and
// each in its metric's window. One pass over each record list. A table keeps the first `row_limit`
// rows (the result JSON shows the first rows; a CSV download builds its table whole): the long
// ones, a row per late order, request or chat, are sorted as (key, record) pairs and only the
// rows kept are made into cells (at a million orders the whole tables took ~10 MB of the WASM
// heap, which never shrinks; docs/performance.md "The compact dataset").
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "scoring_internal.h"

namespace shopscore {
namespace {

Cell num(double x) { return {Cell::number, x, {}}; }
Cell text(std::string s) { return s.empty() ? Cell{} : Cell{Cell::text, 0, std::move(s)}; }
Cell day_cell(Day d) { return d == kNoDay ? Cell{} : text(format_day(d)); }
Cell rounded(double x, double scale) { return num(std::round(x * scale) / scale); }
Cell rate(double n, double d) { return d > 0 ? rounded(n / d, 1e6) : Cell{}; }
Cell hours(double h) { return rounded(h, 100); }

std::string time_text(Seconds t) {
    if (t == kNoTime) return "";
    const Seconds in_day = t - static_cast<Seconds>(day_of(t)) * kSecondsPerDay;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, " %02d:%02d", static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60));
    return format_day(day_of(t)) + buffer;
}

// "reason (n); reason (n)" for the three most frequent texts.
std::string top_texts(const std::map<std::string, int>& counts) {
    std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (size_t i = 0; i < v.size() && i < 3; ++i)
        out += (i ? "; " : "") + (v[i].first.empty() ? std::string("(none)") : v[i].first) + " (" + std::to_string(v[i].second) + ")";
    return out;
}

// Sorts rows by a numeric column descending, ties by the first column (stable for input order).
void sort_rows(Table& t, size_t column) {
    std::stable_sort(t.rows.begin(), t.rows.end(), [&](const std::vector<Cell>& a, const std::vector<Cell>& b) {
        return a[column].num > b[column].num;
    });
}

// A long table's rows from its records, in the order of their keys (descending or ascending; ties
// keep the records' order, as the stable sort of whole rows did), cells made for the first `limit`.
struct Keyed {
    double key;
    uint32_t record;
};
template <class MakeRow>
void add_rows(Table& t, std::vector<Keyed>& keyed, bool descending, size_t limit, MakeRow make_row) {
    std::stable_sort(keyed.begin(), keyed.end(),
                     [&](const Keyed& a, const Keyed& b) { return descending ? a.key > b.key : a.key < b.key; });
    const size_t kept = std::min(limit, keyed.size());
    t.rows.reserve(kept);
    for (size_t i = 0; i < kept; ++i) t.rows.push_back(make_row(keyed[i].record));
    t.more_rows = keyed.size() - kept;
}

struct Window {
    Day first, last;
    bool has(Seconds t) const { return t != kNoTime && day_of(t) >= first && day_of(t) <= last; }
    bool has_day(Day d) const { return d != kNoDay && d >= first && d <= last; }
};

struct ProductTally {
    double delivered = 0, bad = 0;
    std::map<std::string, int> reasons;
};

class Builder {
public:
    Builder(const Dataset& d, const Profile& p, Day as_of, size_t row_limit)
        : d_(d), p_(p), faults_(p.fault_reasons), as_of_(as_of), end_((static_cast<Seconds>(as_of) + 1) * kSecondsPerDay),
          limit_(row_limit) {}

    std::vector<Table> build() {
        std::vector<Table> out;
        out.push_back(negative_reviews());
        out.push_back(returns());
        late(out);
        out.push_back(cancellations());
        out.push_back(slowest_after_sales());
        out.push_back(low_star_chats());
        out.push_back(unmapped());
        for (Table& t : out)  // the short tables, made whole, cut the same way
            if (t.rows.size() > limit_) {
                t.more_rows += t.rows.size() - limit_;
                t.rows.resize(limit_);
            }
        return out;
    }

private:
    std::string product_name(const Order& o) const {
        const std::string_view name = d_.product(o);
        return name.empty() ? "(unknown)" : std::string(name);
    }
    Window window(MetricId m) const { return {as_of_ - kMetricWindowDays[m] + 1, as_of_}; }
    bool known_by_as_of(Seconds t) const { return t != kNoTime && t < end_; }
    bool delivered_in(const Order& o, MetricId m) const {
        return !o.excluded() && known_by_as_of(o.delivered) && window(m).has(o.delivered);
    }

    // reasons_column: the column of each product's three most frequent texts (nullptr: none).
    Table by_product(const char* id, const char* bad_column, MetricId m, const std::set<std::string>& bad_orders,
                     const std::unordered_map<std::string, std::map<std::string, int>>& reasons_of,
                     const char* reasons_column) {
        std::map<std::string, ProductTally> products;
        for (const Order& o : d_.orders) {
            if (!delivered_in(o, m)) continue;
            if (m == kNbfr && known_by_as_of(o.cancelled)) continue;
            ProductTally& t = products[product_name(o)];
            ++t.delivered;
            if (const std::string order_id = d_.order_id(o); bad_orders.count(order_id)) {
                ++t.bad;
                if (auto it = reasons_of.find(order_id); it != reasons_of.end())
                    for (const auto& [reason, n] : it->second) t.reasons[reason] += n;
            }
        }
        Table t{id, {"product", "delivered_orders", bad_column, "rate"}, {}};
        if (reasons_column) t.columns.push_back(reasons_column);
        for (const auto& [name, tally] : products) {
            if (tally.bad == 0) continue;
            t.rows.push_back({text(name), num(tally.delivered), num(tally.bad), rate(tally.bad, tally.delivered)});
            if (reasons_column) t.rows.back().push_back(text(top_texts(tally.reasons)));
        }
        sort_rows(t, 2);
        return t;
    }

    Table negative_reviews() {
        // Initial review per (order, SKU), as in the NRR count.
        std::map<std::pair<std::string, std::string>, const Review*> initial;
        for (const Review& r : d_.reviews) {
            if (!known_by_as_of(r.created)) continue;
            auto [it, inserted] = initial.try_emplace({r.order_id, r.sku}, &r);
            if (!inserted && r.created < it->second->created) it->second = &r;
        }
        std::set<std::string> negative;
        // The negative reviews' words per order; the column exists only when some review has words.
        std::unordered_map<std::string, std::map<std::string, int>> texts;
        bool any_text = false;
        for (const auto& [key, r] : initial)
            if (!(r->flags & (kFlagFbtLogistics | kFlagExcluded)) && r->rating <= 2) {
                negative.insert(r->order_id);
                if (r->text.empty()) continue;  // the column lists words only
                ++texts[r->order_id][r->text];
                any_text = true;
            }
        return by_product("negative_reviews_by_product", "negative_review_orders", kNrr, negative, texts,
                          any_text ? "top_review_texts" : nullptr);
    }

    Table returns() {
        std::set<std::string> bad;
        std::unordered_map<std::string, std::map<std::string, int>> reasons;
        for (const AfterSale& a : d_.after_sales) {
            if (!known_by_as_of(a.requested) || (a.flags & (kFlagFbtLogistics | kFlagExcluded))) continue;
            if (a.type != RequestType::refund && a.type != RequestType::return_) continue;
            const Fault f = faults_.return_reason(a.reason);
            if (f == Fault::unmapped) ++unmapped_["return"][a.reason];
            if (f != Fault::seller) continue;
            bad.insert(a.order_id);
            ++reasons[a.order_id][a.reason];
        }
        return by_product("returns_by_product", "non_buyer_fault_return_orders", kNbfr, bad, reasons, "top_reasons");
    }

    void late(std::vector<Table>& out) {
        Table orders{"late_orders",
                     {"order_id", "type", "sla_business_days", "deliver_by", "delivered", "days_late", "carrier", "warehouse"},
                     {}};
        std::map<std::string, std::pair<double, double>> carriers, warehouses;  // name -> (orders, late)
        const Window w = window(kOtdr);
        std::vector<Keyed> late;  // days late, order index
        for (size_t i = 0; i < d_.orders.size(); ++i) {
            const Order& o = d_.orders[i];
            if (o.excluded() || o.fulfillment == Fulfillment::fbt || known_by_as_of(o.cancelled)) continue;
            const Day due = deliver_by_day(o, p_);
            if (!w.has_day(due)) continue;
            const bool delivered = known_by_as_of(o.delivered);
            const bool on_time = delivered && day_of(o.delivered) <= due;
            const std::string carrier(d_.carrier(o)), warehouse(d_.warehouse(o));
            auto& c = carriers[carrier];
            auto& wh = warehouses[warehouse];
            ++c.first, ++wh.first;
            if (on_time) continue;
            ++c.second, ++wh.second;
            late.push_back({static_cast<double>((delivered ? day_of(o.delivered) : as_of_) - due), static_cast<uint32_t>(i)});
        }
        add_rows(orders, late, true, limit_, [&](uint32_t i) {
            const Order& o = d_.orders[i];
            const Day due = deliver_by_day(o, p_);
            const bool delivered = known_by_as_of(o.delivered);
            Cell sla;
            if (o.deliver_by == kNoDay)
                sla = num(o.type == OrderType::regular ? p_.delivery_sla_business_days : o.handling_days + 5);
            static const char* const kTypes[] = {"regular", "made_to_order", "pre_order"};
            return std::vector<Cell>{text(d_.order_id(o)), text(kTypes[static_cast<int>(o.type)]), sla, day_cell(due),
                                     text(delivered ? time_text(o.delivered) : ""),
                                     num((delivered ? day_of(o.delivered) : as_of_) - due), text(std::string(d_.carrier(o))),
                                     text(std::string(d_.warehouse(o)))};
        });
        out.push_back(std::move(orders));
        for (auto [id, tallies] : {std::pair{"late_by_carrier", &carriers}, std::pair{"late_by_warehouse", &warehouses}}) {
            Table t{id, {id == std::string("late_by_carrier") ? "carrier" : "warehouse", "orders", "late_orders", "late_rate"}, {}};
            for (const auto& [name, n] : *tallies)
                t.rows.push_back({text(name.empty() ? "(unknown)" : name), num(n.first), num(n.second), rate(n.second, n.first)});
            sort_rows(t, 2);
            out.push_back(std::move(t));
        }
    }

    Table cancellations() {
        std::map<std::string, int> reasons;
        const Window w = window(kSfcr);
        for (const Order& o : d_.orders) {
            if (o.excluded() || o.fulfillment == Fulfillment::fbt || !known_by_as_of(o.cancelled) || !w.has(o.created)) continue;
            const std::string reason(d_.cancel_reason(o));
            const Fault f = faults_.cancellation(o.cancel_by, reason);
            if (f == Fault::unmapped) ++unmapped_["cancellation"][reason];
            if (f == Fault::seller) ++reasons[reason];
        }
        Table t{"seller_cancellations_by_reason", {"reason", "orders"}, {}};
        for (const auto& [reason, n] : reasons) t.rows.push_back({text(reason.empty() ? "(none)" : reason), num(n)});
        sort_rows(t, 1);
        return t;
    }

    Table slowest_after_sales() {
        static const char* const kTypes[] = {"refund", "return", "cancel", "replacement"};
        Table t{"slowest_after_sales", {"order_id", "type", "requested", "review_hours", "inspection_hours", "total_hours"}, {}};
        const Window w = window(kAht);
        struct Hours {
            double review = 0, inspection = 0;
            bool inspected = false;
        };
        auto hours_of = [&](const AfterSale& a) {
            Hours h;
            h.review = static_cast<double>(std::max<Seconds>(0, a.decided - a.requested)) / 3600;
            h.inspected = a.type == RequestType::return_ && a.item_received != kNoTime && known_by_as_of(a.inspected);
            if (h.inspected) h.inspection = static_cast<double>(std::max<Seconds>(0, a.inspected - a.item_received)) / 3600;
            return h;
        };
        std::vector<Keyed> slow;  // total hours as shown (rounded), request index
        for (size_t i = 0; i < d_.after_sales.size(); ++i) {
            const AfterSale& a = d_.after_sales[i];
            if ((a.flags & (kFlagFbtLogistics | kFlagExcluded)) || a.handled_by == HandledBy::platform) continue;
            if (!w.has(a.requested) || !known_by_as_of(a.decided)) continue;
            if (const Order* o = d_.find_order(a.order_id); o && o->excluded()) continue;
            const Hours h = hours_of(a);
            slow.push_back({hours(h.review + h.inspection).num, static_cast<uint32_t>(i)});
        }
        add_rows(t, slow, true, limit_, [&](uint32_t i) {
            const AfterSale& a = d_.after_sales[i];
            const Hours h = hours_of(a);
            return std::vector<Cell>{text(a.order_id), text(kTypes[static_cast<int>(a.type)]), text(time_text(a.requested)),
                                     hours(h.review), h.inspected ? hours(h.inspection) : Cell{}, hours(h.review + h.inspection)};
        });
        return t;
    }

    Table low_star_chats() {
        Table t{"low_star_chats", {"chat_id", "order_id", "ended", "rating"}, {}};
        const Window w = window(kImd);
        std::vector<Keyed> low;  // rating, chat index
        for (size_t i = 0; i < d_.chats.size(); ++i) {
            const Chat& c = d_.chats[i];
            if (c.rating < 1 || c.rating > 3 || !w.has(c.ended) || !known_by_as_of(c.ended)) continue;
            if (const Order* o = c.order_id.empty() ? nullptr : d_.find_order(c.order_id); o && o->excluded()) continue;
            low.push_back({static_cast<double>(c.rating), static_cast<uint32_t>(i)});
        }
        // Lowest rating first, then input order.
        add_rows(t, low, false, limit_, [&](uint32_t i) {
            const Chat& c = d_.chats[i];
            return std::vector<Cell>{text(c.id), text(c.order_id), text(time_text(c.ended)), num(c.rating)};
        });
        return t;
    }

    Table unmapped() {
        Table t{"unmapped_reasons", {"kind", "reason", "count"}, {}};
        for (const auto& [kind, reasons] : unmapped_)
            for (const auto& [reason, n] : reasons) t.rows.push_back({text(kind), text(reason.empty() ? "(none)" : reason), num(n)});
        sort_rows(t, 2);
        return t;
    }

    const Dataset& d_;
    const Profile& p_;
    const FaultClassifier faults_;  // the profile's rules parsed once, not per record
    Day as_of_;
    Seconds end_;
    size_t limit_;  // rows kept per table
    std::map<std::string, std::map<std::string, int>> unmapped_;  // kind -> reason -> count
};

}  // namespace

std::vector<Table> diagnostics(const Dataset& dataset, const Profile& profile, Day as_of, size_t row_limit) {
    return Builder(dataset, profile, as_of, row_limit).build();
}

}  // namespace shopscore
