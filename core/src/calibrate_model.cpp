// One snapshot day re-scored with trial parameters: the counts score() measured are kept, so a
// trial is the volume prior, the curve, protection and two weighted means (docs/calibration.md).
#include <cmath>

#include "calibrate_internal.h"

namespace shopscore::calibration {

Scored score_observation(const Observation& o) {
    std::array<MetricResult, kMetricCount> metrics = o.measured;
    const Profile& p = o.scratch;
    for (size_t m = 0; m < kMetricCount; ++m) {
        MetricResult& r = metrics[m];
        if (r.no_data) continue;
        // As measure_metric(): the prior pulls a counted value toward the good line.
        r.adjusted_value = r.numerator && p.volume_prior > 0
                               ? volume_adjusted(*r.numerator, *r.denominator, p.volume_prior, p.benchmarks[m].good)
                               : *r.value;
        r.raw_score = r.score = curve_score(static_cast<MetricId>(m), p.benchmarks[m], *r.adjusted_value);
        r.is_protected = false;
    }
    apply_protection(metrics, o.delivered_90d, p.protection, o.shop_age_ok, o.opened_known);
    std::array<DimensionResult, kDimensionCount> dims;
    Scored out;
    out.sps = combine_dimensions(metrics, p, dims);
    for (size_t m = 0; m < kMetricCount; ++m) out.metrics[m] = metrics[m].score;
    for (size_t d = 0; d < kDimensionCount; ++d) out.dimensions[d] = dims[d].score;
    return out;
}

// display_one_decimal() shows x as s when floor(10x + 0.5 + 1e-9) = 10s.
double shown_low(double shown) { return (std::round(shown * 10) - 0.5 - 1e-9) / 10; }
double shown_high(double shown) { return (std::round(shown * 10) + 0.5 - 1e-9) / 10; }

}  // namespace shopscore::calibration
