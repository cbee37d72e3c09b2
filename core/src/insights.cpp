// SPEC §9 insights [model]. Priority labels: the metric whose improvement to 4.0 would raise
// the SPS most is the key opportunity (重点机会); others scoring below 3.5 need attention (需要关注).
#include <algorithm>

#include "scoring_internal.h"

namespace shopscore {

Insights compute_insights(const Result& result, const Profile& profile) {
    Insights out;
    if (!result.sps) return out;
    for (size_t m = 0; m < kMetricCount; ++m) {
        if (result.metrics[m].no_data) continue;
        std::array<MetricResult, kMetricCount> improved = result.metrics;
        improved[m].score = std::max(*improved[m].score, 4.0);
        std::array<DimensionResult, kDimensionCount> dimensions;
        const double gain = combine_dimensions(improved, profile, dimensions).value_or(*result.sps) - *result.sps;
        out.priorities.push_back({static_cast<MetricId>(m), gain, Priority::none});
    }
    // Largest gain first; ties keep the spec's metric order.
    std::stable_sort(out.priorities.begin(), out.priorities.end(),
                     [](const MetricPriority& a, const MetricPriority& b) { return a.gain > b.gain; });
    for (MetricPriority& p : out.priorities) {
        const bool first = &p == &out.priorities.front();
        // The gain is a difference of two SPS values near 4, so a gain that is exactly 0.05 on
        // paper (4.0 - 3.95) comes out as 0.04999999999999982: compare with the same 1e-9
        // allowance the display rounding uses.
        if (first && p.gain >= 0.05 - 1e-9)
            p.label = Priority::key_opportunity;
        else if (*result.metrics[p.metric].score < 3.5)
            p.label = Priority::needs_attention;
    }
    return out;
}

}  // namespace shopscore
