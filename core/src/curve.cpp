#include "scoring_internal.h"

namespace shopscore {

double curve_score(MetricId metric, const Benchmark& b, double value) {
    // best scores 5: a 0 rate / 0 hours, or a 100 % on-time rate. worst sits a third of the
    // good-to-poor distance beyond poor, so the 4->1 slope continues down to 0.
    const double best = metric == kOtdr ? 1.0 : 0.0;
    const double worst = b.poor + (b.poor - b.good) / 3.0;
    const double xs[4] = {best, b.good, b.poor, worst};
    const double ys[4] = {5, 4, 1, 0};
    const bool lower_is_better = b.good > best;
    auto reached = [&](double v, double x) { return lower_is_better ? v <= x : v >= x; };
    if (reached(value, xs[0])) return 5;
    for (int i = 0; i < 3; ++i)
        if (reached(value, xs[i + 1])) return ys[i] + (ys[i + 1] - ys[i]) * (value - xs[i]) / (xs[i + 1] - xs[i]);
    return 0;
}

double volume_adjusted(double numerator, double denominator, double k, double good) {
    return (numerator + k * good) / (denominator + k);
}

}  // namespace shopscore
