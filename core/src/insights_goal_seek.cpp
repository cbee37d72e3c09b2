// Goal seek (docs/rules.md §27): for each target, each metric alone moved until the SPS reaches it, as a
// count the seller can act on; and a combined plan touching the fewest orders (insights_plan.cpp). Every candidate
// is re-scored through the same measure/protection/combine steps as score(), so the volume
// prior and small-seller protection are part of the answer.
#include <algorithm>
#include <cmath>

#include "insights_plan.h"

namespace shopscore {
namespace {

// Exactly as benefits decide: the unrounded SPS at or above the target.
bool reaches(const std::optional<double>& sps, double target) { return sps && *sps >= target; }

bool has_counts(const MetricResult& r) { return r.numerator && r.denominator && *r.denominator > 0; }

// Counts for metric m with `defects` defects (otdr: late orders) out of `denominator`.
Counts with_defects(MetricId m, double defects, double denominator) {
    if (m == kOtdr) return {denominator - defects, denominator, defects};
    return {defects, denominator, defects};
}

// The smallest y in [lo, hi] with ok(y), given ok(hi) and ok monotone on [lo, hi].
template <class F>
double first_true(double lo, double hi, F ok) {
    while (lo < hi) {
        const double mid = std::floor((lo + hi) / 2);
        if (ok(mid)) hi = mid; else lo = mid + 1;
    }
    return hi;
}

// More defect-free records (otdr: on-time deliveries) that alone would reach the target. The
// first 40 are tried one by one (protection ends past 30 orders, so the SPS is not monotone
// there); beyond that adding clean records only helps.
std::optional<double> more_clean(const Scorer& s, const Result& today, MetricId m, double target) {
    const MetricResult& r = today.metrics[m];
    auto ok = [&](double y) {
        const Counts c = m == kOtdr ? Counts{*r.numerator + y, *r.denominator + y, *r.denominator - *r.numerator}
                                    : Counts{*r.numerator, *r.denominator + y, *r.numerator};
        return reaches(s.sps_with(today.metrics, m, c, today.delivered_orders_90d, today.as_of), target);
    };
    for (double y = 0; y <= 40; ++y)
        if (ok(y)) return y;
    double hi = 64;
    while (!ok(hi)) {
        if (hi > 1e9) return std::nullopt;
        hi *= 2;
    }
    return first_true(41, hi, ok);
}

GoalSeekMetric seek_counts(const Scorer& s, const Result& today, MetricId m, double target) {
    const MetricResult& r = today.metrics[m];
    GoalSeekMetric g;
    g.metric = m;
    const double D = std::floor(*r.denominator);
    g.denominator = *r.denominator;
    g.current = *r.numerator;
    auto ok_defects = [&](double defects) {
        return reaches(s.sps_with(today.metrics, m, with_defects(m, defects, D), today.delivered_orders_90d, today.as_of),
                       target);
    };
    g.reachable = ok_defects(0);
    if (g.reachable) {
        // Most defects that still reach the target: the SPS falls as defects grow.
        const double most = ok_defects(D) ? D : first_true(0, D, [&](double x) { return !ok_defects(x + 1); });
        g.limit = m == kOtdr ? D - most : most;
        g.value = *g.limit / D;
    }
    g.more_clean = more_clean(s, today, m, target);
    return g;
}

GoalSeekMetric seek_aht(const Scorer& s, const Result& today, double target) {
    const MetricResult& r = today.metrics[kAht];
    GoalSeekMetric g;
    g.metric = kAht;
    g.current = *r.value;
    auto ok_hours = [&](double tenths) {
        const double hours = tenths / 10;
        if (has_counts(r)) {
            g.denominator = *r.denominator;
            return reaches(s.sps_with(today.metrics, kAht, {hours * *r.denominator, *r.denominator, 0},
                                      today.delivered_orders_90d, today.as_of),
                           target);
        }
        return reaches(s.sps_with_value(today.metrics, kAht, hours), target);
    };
    g.reachable = ok_hours(0);
    if (!g.reachable) return g;
    const double hi = 100000;  // tenths of an hour: 10000 h, far past any benchmark's zero
    if (ok_hours(hi)) return g;  // any handling time reaches it: no limit
    g.value = first_true(0, hi, [&](double t) { return !ok_hours(t + 1); }) / 10;
    return g;
}

// A rate given without counts: bisection on the value itself.
GoalSeekMetric seek_value(const Scorer& s, const Result& today, MetricId m, double target) {
    GoalSeekMetric g;
    g.metric = m;
    g.current = today.metrics[m].value;
    const bool higher_better = m == kOtdr;
    auto ok = [&](double v) { return reaches(s.sps_with_value(today.metrics, m, v), target); };
    double good_end = higher_better ? 1 : 0, bad_end = higher_better ? 0 : 1;
    g.reachable = ok(good_end);
    if (!g.reachable) return g;
    if (ok(bad_end)) return g;
    for (int i = 0; i < 60; ++i) {
        const double mid = (good_end + bad_end) / 2;
        (ok(mid) ? good_end : bad_end) = mid;
    }
    g.value = good_end;
    return g;
}

}  // namespace

std::vector<GoalSeekTarget> goal_seek(const Result& today, const Scorer& scorer) {
    std::vector<double> targets = {2.5, 3.5, 4.0};
    for (double t : scorer.context().options.targets) targets.push_back(t);
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    std::vector<GoalSeekTarget> out;
    if (!today.sps) return out;
    const PlanFinder finder(scorer, today);
    for (double t : targets) {
        GoalSeekTarget g;
        g.target = t;
        g.reached_today = reaches(today.sps, t);
        for (size_t i = 0; i < kMetricCount; ++i) {
            const auto m = static_cast<MetricId>(i);
            const MetricResult& r = today.metrics[m];
            if (r.no_data) continue;
            if (m == kAht) g.metrics.push_back(seek_aht(scorer, today, t));
            else if (has_counts(r)) g.metrics.push_back(seek_counts(scorer, today, m, t));
            else g.metrics.push_back(seek_value(scorer, today, m, t));
        }
        finder.plan(g);
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace shopscore
