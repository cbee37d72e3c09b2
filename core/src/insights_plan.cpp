// The cheapest combined plan of goal seek (docs/rules.md §27): the fewest orders taken out of nrr, nbfr,
// otdr, sfcr and imd (aht is hours, not orders) that reach a target, found exactly.
//
// Why exact enumeration is small: with every denominator kept, the SPS is a fixed weighted sum
// of metric scores (combine_dimensions), and each metric's score depends on its own counts only
// (the volume prior, the curve, protection). So SPS = today + sum of g_m(j_m), g_m(j) being the
// gain of cutting j defects of metric m alone, a non-decreasing step/linear function of j with a
// few pieces (the curve's knots, its 0 and 5 clamps, the protection step). Inside pieces the
// gain per order is constant, so if two metrics sat strictly inside pieces, moving cuts from the
// one with the lower gain per order to the other would keep the cost and not lower the SPS, until
// one reaches a piece end. Hence a cheapest plan exists where every metric but at most one sits
// on a piece end; trying every combination of piece ends, with the one free metric's count found
// by binary search, finds it. Greedy (the earlier version) is not exact: a metric stuck at score
// 0 only pays off after a long plateau (tests/unit/insights/test_insights_goal_seek.cpp has a worked case).
#include <algorithm>
#include <cmath>
#include <functional>

#include "insights_plan.h"

namespace shopscore {
namespace {

// Slopes closer than this are one piece: SPS values carry ~1e-15 of rounding, real slopes of
// different pieces differ by far more (the curve's slopes are benchmark ratios).
constexpr double kSlopeTolerance = 1e-12;

bool reaches(const std::optional<double>& sps, double target) { return sps && *sps >= target; }

Counts with_defects(MetricId m, double defects, double denominator) {
    if (m == kOtdr) return {denominator - defects, denominator, defects};
    return {defects, denominator, defects};
}

using Lever = PlanLever;

// Sums of gains decide, except within kNearTarget of the target, where the plan is re-scored
// from scratch (a sum of gains and the SPS can differ in the last bits).
constexpr double kNearTarget = 1e-12;

struct Search {
    const std::vector<Lever>& levers;
    double need = 0;  // the SPS the cuts must add
    std::function<bool(const std::vector<size_t>&)> rescored_ok;
    std::vector<size_t> cuts, best;
    double best_cost = 0, best_gain = 0;
    bool found = false;

    bool enough(double gain) {
        if (gain >= need + kNearTarget) return true;
        return gain >= need - kNearTarget && rescored_ok(cuts);
    }
    // Fewest orders; among those, the highest SPS; then the first found.
    void consider(double cost, double gain) {
        if (found && (cost > best_cost || (cost == best_cost && gain <= best_gain))) return;
        if (!enough(gain)) return;
        found = true, best = cuts, best_cost = cost, best_gain = gain;
    }
    // Levers before `i` are fixed in `cuts`; `free_lever` (or none: levers.size()) is solved last.
    void run(size_t i, size_t free_lever, double cost, double gain) {
        if (found && cost > best_cost) return;
        if (i == levers.size()) {
            if (free_lever == levers.size()) return consider(cost, gain);
            const std::vector<double>& g = levers[free_lever].gain;
            auto at = std::lower_bound(g.begin(), g.end(), need - gain - kNearTarget);
            for (; at != g.end(); ++at) {
                cuts[free_lever] = static_cast<size_t>(at - g.begin());
                if (enough(gain + *at)) return consider(cost + static_cast<double>(cuts[free_lever]), gain + *at);
            }
            return;
        }
        if (i == free_lever) return run(i + 1, free_lever, cost, gain);
        for (size_t j : levers[i].ends) {
            cuts[i] = j;
            run(i + 1, free_lever, cost + static_cast<double>(j), gain + levers[i].gain[j]);
        }
        cuts[i] = 0;
    }
};

}  // namespace

PlanFinder::PlanFinder(const Scorer& scorer, const Result& today) : s_(scorer), today_(today) {
    for (MetricId m : {kNrr, kNbfr, kOtdr, kSfcr, kImd}) {
        const MetricResult& r = today.metrics[m];
        if (r.no_data || !r.numerator || !r.denominator || *r.denominator <= 0) continue;
        Lever l;
        l.metric = m;
        l.denominator = std::floor(*r.denominator);
        l.defects = std::floor(m == kOtdr ? *r.denominator - *r.numerator : *r.numerator);
        if (l.defects <= 0) continue;
        const double base = *today.sps;
        const auto n = static_cast<size_t>(l.defects);
        l.gain.resize(n + 1);
        for (size_t j = 0; j <= n; ++j) {
            const Counts c = with_defects(m, l.defects - static_cast<double>(j), l.denominator);
            // A cut never lowers the SPS; the running max keeps rounding from making it look so.
            const double sps = s_.sps_with(today.metrics, m, c, today.delivered_orders_90d, today.as_of).value_or(base);
            l.gain[j] = std::max(sps - base, j ? l.gain[j - 1] : 0.0);
        }
        l.ends.push_back(0);
        for (size_t j = 1; j < n; ++j)
            if (std::fabs((l.gain[j + 1] - l.gain[j]) - (l.gain[j] - l.gain[j - 1])) > kSlopeTolerance) l.ends.push_back(j);
        if (n > 0) l.ends.push_back(n);
        levers_.push_back(std::move(l));
    }
}

std::optional<double> PlanFinder::rescore(const std::vector<size_t>& cuts) const {
    std::array<MetricResult, kMetricCount> metrics = today_.metrics;
    for (size_t i = 0; i < levers_.size(); ++i) {
        const Lever& l = levers_[i];
        metrics[l.metric] = measure_metric(l.metric, with_defects(l.metric, l.defects - static_cast<double>(cuts[i]), l.denominator),
                                           std::nullopt, s_.context().profile);
    }
    apply_protection(metrics, today_.delivered_orders_90d, s_.context().profile.protection, s_.shop_age_ok(today_.as_of),
                     s_.opened_known());
    return s_.combine(metrics);
}

void PlanFinder::plan(GoalSeekTarget& out) const {
    std::vector<size_t> cuts;
    if (!solve(out.target, cuts)) return;
    const std::optional<double> sps = rescore(cuts);
    if (!reaches(sps, out.target)) return;  // cannot happen: near the target, solve() re-scores
    out.plan_reachable = true;
    out.plan_sps = sps;
    for (size_t i = 0; i < levers_.size(); ++i)
        if (cuts[i] > 0) {
            out.plan.push_back({levers_[i].metric, static_cast<double>(cuts[i])});
            out.plan_orders += static_cast<double>(cuts[i]);
        }
}

bool PlanFinder::solve(double target, std::vector<size_t>& cuts) const {
    if (!today_.sps) return false;
    auto ok = [&](const std::vector<size_t>& c) { return reaches(rescore(c), target); };
    Search search{levers_, target - *today_.sps, ok, std::vector<size_t>(levers_.size(), 0), {}, 0, 0, false};
    for (size_t free_lever = 0; free_lever <= levers_.size(); ++free_lever) {
        std::fill(search.cuts.begin(), search.cuts.end(), 0);
        search.run(0, free_lever, 0, 0);
    }
    if (!search.found) return false;
    cuts = search.best;
    return true;
}

}  // namespace shopscore
