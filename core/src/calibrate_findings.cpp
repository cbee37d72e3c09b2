// Orders that may explain why Seller Center shows another metric value than the exports give
// (docs/calibration.md "Findings"): cancellations whose fault the mapping decides (SFCR) and
// deliveries within a day of their deadline, where a time zone moves them (OTDR). The other
// metrics name no orders: their records are not ones the seller can look up by order.
#include <algorithm>

#include "calibrate_internal.h"

namespace shopscore::calibration {
namespace {

constexpr size_t kListed = 10;

void sfcr_candidates(const Dataset& dataset, const Profile& profile, ValueFinding& f) {
    // More cancellations at Seller Center: ones counted as not the seller's fault (reasons the
    // mapping does not know first); fewer: ones counted as the seller's.
    const bool seller_center_counts_more = f.count_difference > 0;
    const FaultClassifier faults(profile.fault_reasons);
    std::vector<std::pair<int, std::string>> found;  // (unmapped first, order id)
    for (const Order& o : dataset.orders) {
        const Seconds created = o.created, cancelled = o.cancelled;
        if (o.excluded() || o.fulfillment == Fulfillment::fbt || cancelled == kNoTime) continue;
        const Day day = day_of(created);
        if (day > f.as_of || day <= f.as_of - kMetricWindowDays[kSfcr] || day_of(cancelled) > f.as_of) continue;
        const Fault fault = faults.cancellation(o.cancel_by, dataset.cancel_reason(o));
        if ((fault == Fault::seller) == seller_center_counts_more) continue;
        found.emplace_back(fault == Fault::unmapped ? 0 : 1, dataset.order_id(o));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    f.candidate_count = static_cast<int64_t>(found.size());
    for (size_t i = 0; i < found.size() && i < kListed; ++i) f.candidates.push_back(found[i].second);
}

void otdr_candidates(const Dataset& dataset, const Profile& profile, ValueFinding& f) {
    // A lower on-time rate at Seller Center: deliveries on their last day or the day before; a
    // higher one: deliveries one day late.
    const bool seller_center_counts_more_late = f.count_difference < 0;
    for (const Order& o : dataset.orders) {
        const Seconds delivered = o.delivered, cancelled = o.cancelled;
        if (o.excluded() || o.fulfillment == Fulfillment::fbt || cancelled != kNoTime || delivered == kNoTime) continue;
        const Day due = deliver_by_day(o, profile);
        if (due == kNoDay || due > f.as_of || due <= f.as_of - kMetricWindowDays[kOtdr]) continue;
        const int late_by = day_of(delivered) - due;
        if (seller_center_counts_more_late ? (late_by == 0 || late_by == -1) : late_by == 1) {
            ++f.candidate_count;
            if (f.candidates.size() < kListed) f.candidates.push_back(dataset.order_id(o));
        }
    }
}

}  // namespace

void find_candidates(const Dataset& dataset, const Profile& profile, ValueFinding& finding) {
    if (finding.metric == kSfcr) sfcr_candidates(dataset, profile, finding);
    if (finding.metric == kOtdr) otdr_candidates(dataset, profile, finding);
}

}  // namespace shopscore::calibration
