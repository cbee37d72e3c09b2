// Re-scoring from counts, shared by every insight: a day's windows summed from the per-day
// counters (trend, why it moved), counts extended into the future (forecast) or changed by a
// lever (goal seek, scenarios). Nothing here reads the records again.
#pragma once

#include <map>

#include "scoring_internal.h"

namespace shopscore {

using MetricCounts = std::array<Counts, kMetricCount>;

// One day's full score as the insights compute it (not calibrate.h's Snapshot, a Seller Center
// reading: two types of one name in one namespace broke the one-definition rule under ASan).
struct ScoredDay {
    std::array<MetricResult, kMetricCount> metrics{};
    std::array<DimensionResult, kDimensionCount> dimensions{};
    std::optional<double> sps;  // null when missing metrics leave a range
    SpsRange range;
    bool scored = false;  // the 30-order gate
    const Profile* profile = nullptr;  // the profile it was scored with
};

class Scorer {
public:
    explicit Scorer(const InsightContext& context) : c_(context) {}

    // The windows ending on `day` (day <= as_of), summed from the counters.
    MetricCounts window_counts(Day day) const;
    // A full score (metrics, protection, dimensions, SPS) as of `day` from the given counts, with
    // today's profile or the given one.
    ScoredDay at(Day day, const MetricCounts& counts, double delivered_90d) const { return at(day, counts, delivered_90d, c_.profile); }
    ScoredDay at(Day day, const MetricCounts& counts, double delivered_90d, const Profile& profile) const;
    // The score as of a past `day` (<= as_of) with what was known on that day, and the profile
    // of that day's main category: score --as-of day.
    ScoredDay past(Day day) const;
    // Today's metrics with metric m replaced by one measured from `counts`, protection applied.
    std::optional<double> sps_with(const std::array<MetricResult, kMetricCount>& today, MetricId m,
                                   const Counts& counts, int64_t delivered_90d, Day as_of) const;
    // Today's metrics with metric m's (direct, countless) value replaced.
    std::optional<double> sps_with_value(const std::array<MetricResult, kMetricCount>& today, MetricId m,
                                         double value) const;
    std::optional<double> combine(const std::array<MetricResult, kMetricCount>& metrics) const;
    bool shop_age_ok(Day day) const;
    bool opened_known() const;  // as score(): shop.opened and a known as_of
    // The first day a past score may be asked for: 90 days back, and not before the shop opened.
    Day first_day() const;
    const InsightContext& context() const { return c_; }

private:
    const Profile& profile_on(Day day) const;  // as score --as-of day chooses it
    const DailyCounters& counters_with(const Profile& profile) const;

    const InsightContext& c_;
    // Counts with the profiles of past main categories other than today's, made when first needed.
    mutable std::map<const Profile*, std::shared_ptr<const DailyCounters>> other_counters_;
};

// Per-metric share of the SPS: dimension effective weight times the metric's share of its
// dimension's metric weights (0 without data). Sum over metrics is 1 when the SPS exists.
std::array<double, kMetricCount> metric_shares(const std::array<MetricResult, kMetricCount>& metrics,
                                               const std::array<DimensionResult, kDimensionCount>& dimensions,
                                               const Profile& profile);

}  // namespace shopscore
