#include "scoring_internal.h"

namespace shopscore {

double default_best(MetricId metric) { return metric == kOtdr ? 1.0 : 0.0; }
double default_worst(const Benchmark& b) { return b.poor + (b.poor - b.good) / 3.0; }

double curve_score(MetricId metric, const Benchmark& b, double value) {
    const double best = curve_best(metric, b);
    const double worst = curve_worst(b);
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
