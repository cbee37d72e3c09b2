// The default as_of, and the checks on a dataset that do not stop scoring but would surprise the
// seller (issue 9 finding 6). Each check gives a warning with a stable code (docs/errors.md);
// the records are scored as they are.
#include <algorithm>

#include "shopscore/error.h"
#include "scoring_internal.h"

namespace shopscore {
namespace {

constexpr int kGapDays = 92;          // more than the longest metric window (90 days)
constexpr double kOutlierShare = 0.05;

Day latest_day(const Order& o) {
    Seconds t = o.created;
    t = std::max<Seconds>(t, o.delivered);
    t = std::max<Seconds>(t, o.cancelled);
    return t == kNoTime ? kNoDay : day_of(t);
}

}  // namespace

// Default as_of: the latest day of the orders' timestamps, leaving out a few orders dated far
// ahead of the rest (a typo such as 2062 for 2026 once pulled as_of decades ahead, and every real
// order fell out of the windows). From the median order day the days are walked upwards; a gap
// of more than 92 days (longer than any window) with at most 5 % of the orders beyond it ends
// the data. Those orders are named in a "future_dates_ignored" warning. Without orders: the
// latest timestamp of any record.
std::optional<Day> default_as_of(const Dataset& d, std::vector<Warning>& warnings) {
    std::vector<Day> days;
    days.reserve(d.orders.size());
    for (const Order& o : d.orders)
        if (Day day = latest_day(o); day != kNoDay) days.push_back(day);
    if (!days.empty()) {
        std::sort(days.begin(), days.end());
        size_t i = days.size() / 2;
        while (i + 1 < days.size()) {
            const bool gap = days[i + 1] - days[i] > kGapDays;
            if (gap && static_cast<double>(days.size() - i - 1) <= kOutlierShare * static_cast<double>(days.size())) break;
            ++i;
        }
        const Day as_of = days[i];
        if (i + 1 < days.size()) {
            Examples beyond;
            for (const Order& o : d.orders)
                if (Day day = latest_day(o); day != kNoDay && day > as_of) beyond.add(d, o);
            Warning w{"future_dates_ignored",
                      "orders dated far after all the others (more than " + std::to_string(kGapDays) +
                          " days) were not used to choose as_of (" + format_day(as_of) + "); check their dates or give as_of",
                      beyond.examples, beyond.count};
            w.params = {{"as_of", format_day(as_of)}, {"first_ignored", format_day(days[i + 1])}};
            warnings.push_back(std::move(w));
        }
        return as_of;
    }
    Seconds latest = kNoTime;
    auto see = [&](Seconds t) { latest = std::max(latest, t); };
    for (const Review& r : d.reviews) see(r.created);
    for (const AfterSale& a : d.after_sales) {
        see(a.requested);
        see(a.decided);
        see(a.inspected);
    }
    for (const Chat& c : d.chats) see(c.ended);
    if (latest == kNoTime) return std::nullopt;
    return day_of(latest);
}

void Examples::add(const Dataset& d, const Order& o) {
    ++count;
    if (examples.size() < 5) examples.push_back(d.order_id(o));
}

OrderChecks scan_orders(const Dataset& d) {
    OrderChecks c;
    for (const Order& o : d.orders) {
        const Seconds created_at = o.created, delivered_at = o.delivered;
        if (created_at == kNoTime) continue;
        const Day created = day_of(created_at);
        if (c.first == kNoDay || created < c.first) c.first = created;
        if (o.deliver_by != kNoDay && o.deliver_by < created) c.deliver_by_early.add(d, o);
        if (delivered_at != kNoTime && delivered_at < created_at) c.delivered_early.add(d, o);
    }
    return c;
}

void check_dataset(const Dataset& d, const Shop& shop, std::optional<Day> as_of, std::vector<Warning>& warnings) {
    check_dataset(scan_orders(d), shop, as_of, warnings);
}

void check_dataset(const OrderChecks& scanned, const Shop& shop, std::optional<Day> as_of, std::vector<Warning>& warnings) {
    const Examples& deliver_by_early = scanned.deliver_by_early;
    const Examples& delivered_early = scanned.delivered_early;
    const Day first = scanned.first;
    if (deliver_by_early.count)
        warnings.push_back({"deliver_by_before_created",
                            "orders whose deliver-by date is before their creation: counted as given (late unless "
                            "delivered that day)",
                            deliver_by_early.examples, deliver_by_early.count});
    if (delivered_early.count)
        warnings.push_back({"delivered_before_created",
                            "orders delivered before they were created: counted as given; check the time zone or the dates",
                            delivered_early.examples, delivered_early.count});
    if (!as_of) return;
    // Dates that cannot be right are bad input, not facts (docs/scoring.md): a shop opened after
    // its evaluation day would get small-seller protection, and an evaluation day before every
    // order would show every metric as "no data".
    if (shop.opened && *as_of < *shop.opened) {
        const std::string expected = "a date on or before as_of (" + format_day(*as_of) + ")";
        throw InputError("options", "shop.opened: expected " + expected + ", got " + format_day(*shop.opened),
                         ErrorDetail{"opened_after_as_of", {}, 0, {}, "shop.opened", expected, format_day(*shop.opened)});
    }
    if (first != kNoDay && *as_of < first) {
        const std::string expected = "a date on or after the first order's creation (" + format_day(first) + ")";
        throw InputError("options", "as_of: expected " + expected + ", got " + format_day(*as_of),
                         ErrorDetail{"as_of_before_data", {}, 0, {}, "as_of", expected, format_day(*as_of)});
    }
}

}  // namespace shopscore
