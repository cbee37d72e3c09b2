#include "insights_scorer.h"

#include <algorithm>

#include "shopscore/rules.h"

namespace shopscore {

MetricCounts Scorer::window_counts(Day day) const {
    MetricCounts out;
    for (size_t m = 0; m < kMetricCount; ++m)
        out[m] = c_.counters.metric_between(static_cast<MetricId>(m), day - kMetricWindowDays[m] + 1, day);
    return out;
}

bool Scorer::opened_known() const { return c_.shop.opened && c_.dated; }

Day Scorer::first_day() const {
    const Day back = c_.counters.as_of() - 89;
    return opened_known() ? std::max(back, *c_.shop.opened) : back;
}

bool Scorer::shop_age_ok(Day day) const {
    return opened_known() && (day - *c_.shop.opened) < c_.profile.protection.max_shop_age_days;
}

ScoredDay Scorer::at(Day day, const MetricCounts& counts, double delivered_90d, const Profile& profile) const {
    ScoredDay s;
    s.profile = &profile;
    for (size_t m = 0; m < kMetricCount; ++m) {
        const auto id = static_cast<MetricId>(m);
        s.metrics[m] = measure_metric(id, counts[m], c_.direct_metrics[m], profile);
        mark_missing(s.metrics[m], id, c_.absent);
    }
    const int64_t delivered = c_.shop.delivered_orders_90d.value_or(static_cast<int64_t>(delivered_90d + 0.5));
    const bool age_ok = opened_known() && (day - *c_.shop.opened) < profile.protection.max_shop_age_days;
    apply_protection(s.metrics, delivered, profile.protection, age_ok, opened_known());
    const Combined combined = combine_with_missing(s.metrics, profile, s.dimensions);
    s.sps = combined.sps;
    s.range = combined.range;
    s.scored = delivered >= kGateOrders;
    return s;
}

const Profile& Scorer::profile_on(Day day) const {
    if (!c_.shop.category.empty()) return c_.profile;  // given, so the same on every day
    return choose_profile(c_.profiles, c_.counters.main_category(day));
}

const DailyCounters& Scorer::counters_with(const Profile& profile) const {
    if (&profile == &c_.profile) return c_.counters;
    std::shared_ptr<const DailyCounters>& made = other_counters_[&profile];
    if (!made) made = c_.counters_with(profile);
    return *made;
}

ScoredDay Scorer::past(Day day) const {
    // As Seller Center showed it on `day`: only the records known by then (docs/insights.md),
    // so this is `score --as-of day` exactly.
    const Profile& profile = profile_on(day);
    const DailyCounters& counters = counters_with(profile);
    MetricCounts counts;
    for (size_t m = 0; m < kMetricCount; ++m)
        counts[m] = counters.metric_known_by(static_cast<MetricId>(m), day - kMetricWindowDays[m] + 1, day, day);
    return at(day, counts, static_cast<double>(counters.delivered_between(day - (kGateWindowDays - 1), day)), profile);
}

std::optional<double> Scorer::combine(const std::array<MetricResult, kMetricCount>& metrics) const {
    std::array<DimensionResult, kDimensionCount> dimensions;
    return combine_dimensions(metrics, c_.profile, dimensions);
}

std::optional<double> Scorer::sps_with(const std::array<MetricResult, kMetricCount>& today, MetricId m,
                                       const Counts& counts, int64_t delivered_90d, Day as_of) const {
    std::array<MetricResult, kMetricCount> metrics = today;
    metrics[m] = measure_metric(m, counts, std::nullopt, c_.profile);
    apply_protection(metrics, delivered_90d, c_.profile.protection, shop_age_ok(as_of), opened_known());
    return combine(metrics);
}

std::optional<double> Scorer::sps_with_value(const std::array<MetricResult, kMetricCount>& today, MetricId m,
                                             double value) const {
    std::array<MetricResult, kMetricCount> metrics = today;
    metrics[m].value = metrics[m].adjusted_value = value;
    metrics[m].raw_score = metrics[m].score = curve_score(m, c_.profile.benchmarks[m], value);
    metrics[m].is_protected = false;
    return combine(metrics);
}

std::array<double, kMetricCount> metric_shares(const std::array<MetricResult, kMetricCount>& metrics,
                                               const std::array<DimensionResult, kDimensionCount>& dimensions,
                                               const Profile& profile) {
    std::array<double, kDimensionCount> in_dimension{};
    for (size_t m = 0; m < kMetricCount; ++m)
        if (!metrics[m].no_data && profile.metric_weights[m] > 0) in_dimension[kMetricDimension[m]] += profile.metric_weights[m];
    std::array<double, kMetricCount> out{};
    for (size_t m = 0; m < kMetricCount; ++m) {
        const DimensionId d = kMetricDimension[m];
        if (metrics[m].no_data || profile.metric_weights[m] <= 0 || dimensions[d].no_data) continue;
        out[m] = dimensions[d].effective_weight * profile.metric_weights[m] / in_dimension[d];
    }
    return out;
}

}  // namespace shopscore
