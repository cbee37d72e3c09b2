// Each metric's part of the SPS (docs/history.md "Change since the last reading"): the metric's
// score times its share of the SPS, the share being why-it-moved's (its dimension's effective
// weight x its part of that dimension's metric weights, 0 without data; docs/insights.md). The
// parts sum to the SPS, so the change between two readings splits by metric as a plain
// difference of parts: the page (web/src/history/) subtracts numbers both results carry and
// copies no scoring rule.
#include "insights_scorer.h"
#include "scoring_internal.h"

namespace shopscore {

std::array<std::optional<double>, kMetricCount> sps_parts(const std::array<MetricResult, kMetricCount>& metrics,
                                                          const std::array<DimensionResult, kDimensionCount>& dimensions,
                                                          const Profile& profile, std::optional<double> sps) {
    std::array<std::optional<double>, kMetricCount> out{};
    // No score, or a range while inputs are missing: no split (a range has no one SPS to split).
    if (!sps) return out;
    const std::array<double, kMetricCount> share = metric_shares(metrics, dimensions, profile);
    for (size_t m = 0; m < kMetricCount; ++m) out[m] = share[m] > 0 && metrics[m].score ? *metrics[m].score * share[m] : 0.0;
    return out;
}

}  // namespace shopscore
