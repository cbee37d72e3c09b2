#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

#include "scoring_internal.h"
#include "shopscore/us_calendar.h"

namespace shopscore {
namespace {

// Collects distinct texts for a warning (the page lets the seller classify them).
struct Tally {
    int64_t count = 0;
    std::set<std::string, std::less<>> examples;
    void add(std::string_view text, int64_t times = 1) {
        count += times;
        if (examples.size() < 50 && !examples.count(text)) examples.emplace(text);
    }
    void report(std::vector<Warning>& out, const char* code, const std::string& message) const {
        if (count == 0) return;
        out.push_back({code, message, {examples.begin(), examples.end()}, count});
    }
};

bool known(Seconds t) { return t != kNoTime; }

// Classifies each distinct (canceller, reason) once: exports repeat a handful of reason texts.
class CachedFaults {
public:
    explicit CachedFaults(const Profile& profile) : classifier_(profile.fault_reasons) {}
    // A cancellation by its interned reason: a table lookup after the first.
    Fault cancellation(const Dataset& dataset, CancelBy by, TextId reason) {
        const size_t i = static_cast<size_t>(reason) * 4 + static_cast<size_t>(by);
        if (i >= order_cancels_.size()) order_cancels_.resize(dataset.texts[Dataset::kReasons].size() * 4, kUnknown);
        if (order_cancels_[i] == kUnknown)
            order_cancels_[i] = static_cast<uint8_t>(classifier_.cancellation(by, dataset.texts[Dataset::kReasons].text(reason)));
        return static_cast<Fault>(order_cancels_[i]);
    }
    Fault return_reason(const std::string& reason) {
        auto it = returns_.find(reason);
        if (it == returns_.end()) it = returns_.emplace(reason, classifier_.return_reason(reason)).first;
        return it->second;
    }
    bool carrier_return(const std::string& reason) {
        auto it = carriers_.find(reason);
        if (it == carriers_.end()) it = carriers_.emplace(reason, classifier_.carrier_return(reason)).first;
        return it->second;
    }

private:
    static constexpr uint8_t kUnknown = 0xff;
    FaultClassifier classifier_;
    std::vector<uint8_t> order_cancels_;  // (reason id, canceller) -> Fault, kUnknown until asked
    std::unordered_map<std::string, Fault> returns_;
    std::unordered_map<std::string, bool> carriers_;
};

}  // namespace

SlaGroups::Group& SlaGroups::at(Day created, Day delivered, Day cancelled) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash(created, delivered, cancelled) & mask;
    for (; slots_[i] != 0; i = (i + 1) & mask) {
        Group& g = groups_[slots_[i] - 1];
        if (g.created == created && g.delivered == delivered && g.cancelled == cancelled) return g;
    }
    groups_.push_back({created, delivered, cancelled, 0});
    slots_[i] = static_cast<uint32_t>(groups_.size());
    if (2 * groups_.size() > slots_.size()) grow();
    return groups_.back();
}

size_t SlaGroups::hash(Day a, Day b, Day c) {
    const uint64_t x = (uint64_t{static_cast<uint32_t>(a)} << 32 | static_cast<uint32_t>(b)) * 0x9E3779B97F4A7C15ull ^
                       static_cast<uint32_t>(c) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<size_t>(x ^ x >> 29);
}

void SlaGroups::grow() {
    std::vector<uint32_t> slots(slots_.size() * 2, 0);
    const size_t mask = slots.size() - 1;
    for (size_t g = 0; g < groups_.size(); ++g) {
        size_t i = hash(groups_[g].created, groups_[g].delivered, groups_[g].cancelled) & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = static_cast<uint32_t>(g + 1);
    }
    slots_.swap(slots);
}

std::string counting_key(const Profile& profile) {
    std::string key = std::to_string(profile.delivery_sla_business_days);
    const FaultReasons& f = profile.fault_reasons;
    // Every list of FaultReasons is in the key; a list added there must be added here too.
    static_assert(sizeof(FaultReasons) == 7 * sizeof(std::vector<std::string>), "a FaultReasons list is missing from the key");
    for (const auto* list : {&f.seller_fault, &f.buyer_fault, &f.carrier_fault, &f.late_shipment_cancel, &f.seller_cancel, &f.buyer_cancel,
                             &f.system_late_cancel}) {
        key += '\x1e';
        for (const std::string& reason : *list) key += reason + '\x1f';
    }
    return key;
}

namespace {
// A regular order without a deliver-by date of its own is due by the profile's SLA.
bool due_by_sla(const Order& order) {
    return order.deliver_by == kNoDay && order.type == OrderType::regular && order.created != kNoTime;
}
}  // namespace

Day deliver_by_day(const Order& order, const Profile& profile) {
    if (order.deliver_by != kNoDay) return order.deliver_by;
    const Seconds created = order.created;
    if (created == kNoTime) return kNoDay;
    if (order.type == OrderType::regular)
        return add_us_business_days(day_of(created), profile.delivery_sla_business_days);
    if (order.handling_days >= 0) return add_us_business_days(day_of(created), order.handling_days + 5);
    return kNoDay;  // made-to-order / pre-order without its handling time: cannot be judged
}

DailyCounters::DailyCounters(Day as_of, int days)
    : as_of_(as_of), days_(days), delivered_(days), reviews_(days), carrier_nbfr_(days) {
    for (auto& series : metrics_) series.resize(days);
    for (auto& rows : kept_rows_) rows.assign(static_cast<size_t>(days) + 1, 0);
}

DailyCounters::DailyCounters(const Dataset& dataset, const Profile& profile, Day as_of, int days)
    : DailyCounters(*count_base(dataset, as_of, days), dataset, profile) {}

std::shared_ptr<const DailyCounters::Base> DailyCounters::count_base(const Dataset& dataset, Day as_of, int days) {
    // Each step counts into its own metrics' triangles, kept compact before the next step's:
    // at most three triangles at once (count_orders'), not six (docs/performance.md).
    auto base = std::make_shared<Base>(as_of, days);
    DailyCounters& counted = base->counted;
    counted.count_orders(dataset, *base);
    counted.compact();
    counted.count_reviews(dataset, *base);
    counted.compact();
    counted.count_chats(dataset);
    counted.compact();
    return base;
}

// The base's counts, then the profile's part: OTDR of the orders due by the SLA, SFCR of the
// cancellations, and the after-sales requests (NBFR by the fault mapping, and AHT with them).
// The warnings keep the order of one pass: cancellations, orders, reviews, requests.
DailyCounters::DailyCounters(const Base& base, const Dataset& dataset, const Profile& profile)
    : DailyCounters(base.counted) {
    // The base's cells, then each profile-dependent step counts into its metrics' triangles
    // (made from the kept cells when first counted into), kept compact before the next step.
    for (const Base::SlaOrders& s : base.sla_orders) {
        const Day due = add_us_business_days(s.created, profile.delivery_sla_business_days);
        const bool on_time = s.delivered != kNoDay && s.delivered <= due;
        const double n = static_cast<double>(s.orders);
        add_metric(kOtdr, due, kNoDay, on_time ? n : 0, n, on_time ? 0 : n);
        if (s.cancelled != kNoDay) add_metric(kOtdr, due, s.cancelled, on_time ? -n : 0, -n, on_time ? 0 : -n);
    }
    compact();
    CachedFaults faults(profile);
    Tally unmapped_cancels;
    for (const Base::Cancels& c : base.cancels) {
        const Fault fault = faults.cancellation(dataset, c.by, c.reason);
        if (fault == Fault::unmapped) unmapped_cancels.add(dataset.texts[Dataset::kReasons].text(c.reason), c.orders);
        const double n = static_cast<double>(c.orders);
        // Counted in the denominator from its creation (count_orders); from its cancellation on,
        // a seller-fault one is a defect too, any other one leaves the denominator.
        if (fault == Fault::seller) add_metric(kSfcr, c.created, c.cancelled, n, 0, n);
        else add_metric(kSfcr, c.created, c.cancelled, 0, -n, 0);
    }
    compact();
    unmapped_cancels.report(warnings_, "unmapped_cancel_reasons",
                            "cancellation reasons not in the fault mapping were counted as not seller fault");
    for (const auto* list : {&base.order_warnings, &base.review_warnings})
        warnings_.insert(warnings_.end(), list->begin(), list->end());
    count_after_sales(dataset, profile);
    compact();
    finish_metrics();
}

void DailyCounters::add_metric(MetricId m, Day d, Day known, double numerator, double denominator, double affected) {
    if (known != kNoDay && known > as_of_) return;  // not yet known on as_of
    const bool counts = numerator > 0 || denominator > 0;  // not a record's later correction
    if (counts && d <= as_of_ && (first_data_day_ == kNoDay || d < first_data_day_)) first_data_day_ = d;
    const int w = slot(d);
    if (w < 0) return;
    const int k = known == kNoDay || known <= d ? w : slot(known);
    if (cells_[m].empty()) expand(m);  // the first count into m since it was kept compact
    Counts& c = cell_row(m, w)[k];
    c.numerator += numerator;
    c.denominator += denominator;
    c.affected += affected;
}

void DailyCounters::finish_metrics() {
    // Each window day's cells in known order, as a triangle's row summed whole: the zero cells
    // left out change no sum.
    for (size_t m = 0; m < kMetricCount; ++m)
        for (size_t w = 0; w < static_cast<size_t>(days_); ++w) {
            Counts sum;
            for (uint32_t i = kept_rows_[m][w]; i < kept_rows_[m][w + 1]; ++i) {
                const Counts& c = kept_[m][i].counts;
                sum.numerator += c.numerator;
                sum.denominator += c.denominator;
                sum.affected += c.affected;
            }
            metrics_[m][w] = sum;
        }
}

void DailyCounters::compact() {
    for (size_t m = 0; m < kMetricCount; ++m) {
        if (cells_[m].empty()) continue;  // nothing counted into it since it was kept
        std::vector<KnownCell>& kept = kept_[m];
        std::vector<uint32_t>& rows = kept_rows_[m];
        kept.clear();
        rows.assign(static_cast<size_t>(days_) + 1, 0);
        for (int w = 0; w < days_; ++w) {
            const Counts* row = cell_row(static_cast<MetricId>(m), w);
            for (int k = w; k < days_; ++k)
                if (row[k].numerator != 0 || row[k].denominator != 0 || row[k].affected != 0) kept.push_back({k, row[k]});
            rows[static_cast<size_t>(w) + 1] = static_cast<uint32_t>(kept.size());
        }
        kept.shrink_to_fit();
        std::vector<Counts>().swap(cells_[m]);
    }
}

void DailyCounters::expand(MetricId m) {
    cells_[m].assign(static_cast<size_t>(days_) * static_cast<size_t>(days_ + 1) / 2, Counts{});
    for (int w = 0; w < days_; ++w) {
        Counts* row = cell_row(m, w);
        for (uint32_t i = kept_rows_[m][static_cast<size_t>(w)]; i < kept_rows_[m][static_cast<size_t>(w) + 1]; ++i)
            row[kept_[m][i].known] = kept_[m][i].counts;
    }
}

Counts DailyCounters::metric_known_by(MetricId metric, Day first, Day last, Day known_by) const {
    // The same sums as finish_metrics() and metric_between() of counters made as of known_by:
    // each window day's cells over its known days in ascending order, then the days in order
    // (the kept cells, in the same order: the zero ones change no sum).
    Counts sum;
    const Day end = std::min({last, known_by, as_of_});
    const int last_known = slot(std::min(known_by, as_of_));
    const std::vector<KnownCell>& kept = kept_[metric];
    const std::vector<uint32_t>& rows = kept_rows_[metric];
    for (Day d = std::max(first, first_counted_day()); d <= end; ++d) {
        const size_t w = static_cast<size_t>(slot(d));
        Counts day;
        for (uint32_t i = rows[w]; i < rows[w + 1] && kept[i].known <= last_known; ++i) {
            day.numerator += kept[i].counts.numerator;
            day.denominator += kept[i].counts.denominator;
            day.affected += kept[i].counts.affected;
        }
        sum.numerator += day.numerator;
        sum.denominator += day.denominator;
        sum.affected += day.affected;
    }
    return sum;
}

void DailyCounters::add(std::vector<Counts>& series, Day d, double numerator, double denominator,
                        double affected) {
    if (d <= as_of_ && (first_data_day_ == kNoDay || d < first_data_day_)) first_data_day_ = d;
    const int i = slot(d);
    if (i < 0) return;
    series[i].numerator += numerator;
    series[i].denominator += denominator;
    series[i].affected += affected;
}

void DailyCounters::count_orders(const Dataset& dataset, Base& base) {
    const Seconds end = (static_cast<Seconds>(as_of_) + 1) * kSecondsPerDay;  // as_of is a whole day
    auto by_as_of = [&](Seconds t) { return known(t) && t < end; };
    Tally no_deliver_by;
    // Delivered orders by category id and day: the main category of any day's 90 days (trend).
    std::vector<std::vector<int64_t>> categories(dataset.texts[Dataset::kCategories].size());
    SlaGroups sla_groups(base.sla_orders);
    std::map<std::tuple<Day, Day, CancelBy, TextId>, size_t> cancel_at;  // -> index in base.cancels
    for (const Order& o : dataset.orders) {
        if (o.excluded()) continue;
        const Seconds delivered_at = o.delivered, cancelled_at = o.cancelled, created_at = o.created;
        const bool delivered = by_as_of(delivered_at);
        const bool cancelled = by_as_of(cancelled_at);
        const Day delivered_day = delivered ? day_of(delivered_at) : kNoDay;
        const Day cancelled_day = cancelled ? day_of(cancelled_at) : kNoDay;
        if (delivered) {
            const int i = slot(delivered_day);
            if (i >= 0) {
                ++delivered_[i];
                std::vector<int64_t>& by_day = categories[dataset.text_id(o, Dataset::kCategories)];
                if (by_day.empty()) by_day.resize(days_);
                ++by_day[i];
            }
            // nbfr's denominator: delivered and not cancelled (its numerator is added with the
            // requests): from the delivery until the cancellation.
            add_metric(kNbfr, delivered_day, delivered_day, 0, 1, 0);
            if (cancelled) add_metric(kNbfr, delivered_day, cancelled_day, 0, -1, 0);
        }
        if (o.fulfillment == Fulfillment::fbt) continue;  // FBT orders are left out of OTDR and SFCR

        // otdr: counted on its due day while not cancelled, so a cancelled order counts on the
        // days before its cancellation (scores as of those days did not know of it).
        if (due_by_sla(o)) {
            ++sla_groups.at(day_of(created_at), delivered_day, cancelled_day).orders;
        } else {
            const Day due = deliver_by_day(o, default_profile());  // not by the SLA: the profile is not read
            if (due == kNoDay) {
                if (!cancelled) no_deliver_by.add(dataset.order_id(o));
            } else {
                const bool on_time = delivered && delivered_day <= due;
                add_metric(kOtdr, due, kNoDay, on_time ? 1 : 0, 1, on_time ? 0 : 1);
                if (cancelled) add_metric(kOtdr, due, cancelled_day, on_time ? -1 : 0, -1, on_time ? 0 : -1);
            }
        }
        // sfcr: in the denominator from the creation; a cancellation is sorted by the profile's
        // fault mapping (the DailyCounters(base, ...) constructor) from its cancel day on.
        if (by_as_of(created_at)) {
            const Day created = day_of(created_at);
            add_metric(kSfcr, created, created, 0, 1, 0);
            if (cancelled) {
                const TextId reason = dataset.text_id(o, Dataset::kReasons);
                auto [at, added] = cancel_at.try_emplace({created, cancelled_day, o.cancel_by, reason}, base.cancels.size());
                if (added) base.cancels.push_back({created, cancelled_day, o.cancel_by, reason, 0});
                ++base.cancels[at->second].orders;
            }
        }
    }
    for (size_t id = 0; id < categories.size(); ++id)
        if (!categories[id].empty())
            categories_.emplace(dataset.texts[Dataset::kCategories].text(static_cast<TextId>(id)), std::move(categories[id]));
    no_deliver_by.report(base.order_warnings, "missing_deliver_by",
                         "made-to-order or pre-order orders without deliver_by or handling_days are left out of OTDR");
}

void DailyCounters::count_reviews(const Dataset& dataset, Base& base) {
    const Seconds end = (static_cast<Seconds>(as_of_) + 1) * kSecondsPerDay;
    // The initial review of each (order, SKU): the earliest by `created`, ties in input order.
    std::unordered_map<std::string, const Review*> initial;
    Tally unknown_orders;
    for (const Review& r : dataset.reviews) {
        if (r.created >= end) continue;
        const Order* order = dataset.find_order(r.order_id);
        if (!order) {
            unknown_orders.add(r.order_id);
            continue;
        }
        if (order->excluded()) continue;
        std::string key = r.order_id;
        key += '\x1F';
        key += r.sku;
        auto [it, inserted] = initial.try_emplace(std::move(key), &r);
        if (!inserted && r.created < it->second->created) it->second = &r;
    }
    // The day each order's first negative initial review was written (kNoDay: none), by order
    // row. An initial review as of an earlier day is this one if it was written by then, else
    // there was none yet: so the order is negative from that day on.
    std::vector<Day> negative_orders(initial.empty() ? 0 : dataset.orders.size(), kNoDay);
    for (const auto& [key, r] : initial) {
        if (r->flags & (kFlagFbtLogistics | kFlagExcluded)) continue;  // a flagged first review never counts
        if (r->rating <= 2) {
            Day& first = negative_orders[*dataset.find_order_index(r->order_id)];  // found above
            if (first == kNoDay || day_of(r->created) < first) first = day_of(r->created);
        }
        add(reviews_, day_of(r->created), r->rating >= 4 ? 1 : 0, 1, 0);
    }
    // nrr: delivered orders by delivered day; the numerator counts each order once, however many
    // of its SKUs got a negative first review.
    for (size_t row = 0; row < dataset.orders.size(); ++row) {
        const Order& o = dataset.orders[row];
        const Seconds delivered = o.delivered;
        if (o.excluded() || !known(delivered) || delivered >= end) continue;
        const Day d = day_of(delivered);
        add_metric(kNrr, d, d, 0, 1, 0);
        const Day negative = negative_orders.empty() ? kNoDay : negative_orders[row];
        if (negative != kNoDay) add_metric(kNrr, d, negative, 1, 0, 1);
    }
    unknown_orders.report(base.review_warnings, "unknown_review_orders", "reviews of orders not in the data were ignored");
}

void DailyCounters::count_after_sales(const Dataset& dataset, const Profile& profile) {
    const Seconds end = (static_cast<Seconds>(as_of_) + 1) * kSecondsPerDay;
    // Orders with a seller/carrier-fault return or refund -> a carrier reason among them, and the
    // day of the first such request (the order counts in NBFR's numerator from then on).
    struct NbfOrder {
        bool carrier = false;
        Day first = kNoDay;
    };
    std::map<std::string, NbfOrder> nbf_orders;
    Tally unmapped;
    CachedFaults faults(profile);
    // Requests from the after-sales diagnostics download carry Seller Center's own handling hours;
    // when there are any, AHT is theirs alone, so a request also in a returns file counts once.
    const bool diagnostics = std::any_of(dataset.after_sales.begin(), dataset.after_sales.end(),
                                         [](const AfterSale& a) { return a.handling_hours.has_value(); });
    for (const AfterSale& a : dataset.after_sales) {
        if (a.requested >= end || (a.flags & (kFlagFbtLogistics | kFlagExcluded))) continue;
        const Order* order = dataset.find_order(a.order_id);
        if (order && order->excluded()) continue;

        if (a.handling_hours) {  // docs/rules.md §12: review + inspection hours, by request day
            if (a.handled_by != HandledBy::platform) add_metric(kAht, day_of(a.requested), day_of(a.requested), *a.handling_hours, 1, 0);
            continue;
        }
        if (a.type == RequestType::refund || a.type == RequestType::return_) {
            const Fault fault = faults.return_reason(a.reason);
            if (fault == Fault::unmapped) unmapped.add(a.reason);
            if (fault == Fault::seller) {
                NbfOrder& o = nbf_orders[a.order_id];
                if (faults.carrier_return(a.reason)) o.carrier = true;
                if (o.first == kNoDay || day_of(a.requested) < o.first) o.first = day_of(a.requested);
            }
        }
        // aht: handled requests, by the seller, its own rules or a time-out; not platform defaults.
        if (diagnostics || a.handled_by == HandledBy::platform || !known(a.decided) || a.decided >= end) continue;
        // Known from the decision; an inspection known later adds its hours from its own day.
        double seconds = static_cast<double>(std::max<Seconds>(0, a.decided - a.requested));
        const Day requested = day_of(a.requested), decided = day_of(a.decided);
        double later = 0;
        Day inspected = kNoDay;
        if (a.type == RequestType::return_ && known(a.item_received) && known(a.inspected) && a.inspected < end) {
            const double inspection = static_cast<double>(std::max<Seconds>(0, a.inspected - a.item_received));
            inspected = day_of(a.inspected);
            if (inspected <= decided) seconds += inspection;
            else later = inspection;
        }
        add_metric(kAht, requested, decided, seconds / 3600.0, 1, 0);
        if (later > 0) add_metric(kAht, requested, inspected, later / 3600.0, 0, 0);
        if (slot(requested) >= 0) aht_requests_.emplace_back(requested, (seconds + later) / 3600.0);
    }
    for (const auto& [id, nbf] : nbf_orders) {
        const Order* o = dataset.find_order(id);
        if (!o) continue;
        const Seconds delivered = o->delivered, cancelled = o->cancelled;
        if (!known(delivered) || delivered >= end) continue;
        // In the numerator from the delivery and the request until the cancellation.
        const Day d = day_of(delivered);
        const Day from = std::max(d, nbf.first);
        add_metric(kNbfr, d, from, 1, 0, 1);
        if (known(cancelled) && cancelled < end) {
            add_metric(kNbfr, d, std::max(from, day_of(cancelled)), -1, 0, -1);
            continue;
        }
        if (nbf.carrier && slot(d) >= 0) carrier_nbfr_[slot(d)] += 1;
    }
    unmapped.report(warnings_, "unmapped_reasons",
                    "return/refund reasons not in the fault mapping were counted as buyer fault");
}

void DailyCounters::count_chats(const Dataset& dataset) {
    const Seconds end = (static_cast<Seconds>(as_of_) + 1) * kSecondsPerDay;
    for (const Chat& c : dataset.chats) {
        if (c.rating == 0 || c.ended >= end) continue;
        if (!c.order_id.empty()) {
            const Order* order = dataset.find_order(c.order_id);
            if (order && order->excluded()) continue;
        }
        const bool dissatisfied = c.rating <= 2;  // 3 stars is neutral
        add_metric(kImd, day_of(c.ended), day_of(c.ended), dissatisfied ? 1 : 0, 1, dissatisfied ? 1 : 0);
    }
}

Counts DailyCounters::metric_between(MetricId metric, Day first, Day last) const {
    Counts sum;
    for (Day d = std::max(first, first_counted_day()); d <= std::min(last, as_of_); ++d) {
        const Counts& c = metrics_[metric][slot(d)];
        sum.numerator += c.numerator;
        sum.denominator += c.denominator;
        sum.affected += c.affected;
    }
    return sum;
}

int64_t DailyCounters::delivered_between(Day first, Day last) const {
    int64_t sum = 0;
    for (Day d = std::max(first, first_counted_day()); d <= std::min(last, as_of_); ++d) sum += delivered_[slot(d)];
    return sum;
}

double DailyCounters::carrier_nbfr_between(Day first, Day last) const {
    double sum = 0;
    for (Day d = std::max(first, first_counted_day()); d <= std::min(last, as_of_); ++d) sum += carrier_nbfr_[slot(d)];
    return sum;
}

Counts DailyCounters::positive_reviews(int window_days) const {
    Counts sum;
    for (Day d = std::max(as_of_ - window_days + 1, first_counted_day()); d <= as_of_; ++d) {
        sum.numerator += reviews_[slot(d)].numerator;
        sum.denominator += reviews_[slot(d)].denominator;
    }
    return sum;
}

std::string DailyCounters::main_category(Day last) const {
    std::string best;
    int64_t most = 0;
    for (const auto& [category, by_day] : categories_) {  // std::map: ties go to the first name
        int64_t count = 0;
        for (Day d = std::max(last - kDays + 1, first_counted_day()); d <= std::min(last, as_of_); ++d) count += by_day[slot(d)];
        if (!category.empty() && count > most) {
            best = category;
            most = count;
        }
    }
    return best;
}

}  // namespace shopscore
