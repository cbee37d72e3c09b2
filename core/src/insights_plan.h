// The cheapest combined plan of goal seek: the fewest orders (fewer defects over nrr, nbfr, otdr,
// sfcr, imd) that reach a target. Exact; see insights_plan.cpp for why a small enumeration is.
#pragma once

#include <vector>

#include "insights_scorer.h"

namespace shopscore {

// One metric the plan can cut.
struct PlanLever {
    MetricId metric = kNrr;
    double defects = 0, denominator = 0;
    std::vector<double> gain;  // gain[j]: the SPS change with j fewer defects, others unchanged
    std::vector<size_t> ends;  // the j where the gain per order changes, with 0 and defects
};

class PlanFinder {
public:
    // Scores every cut of every lever once; then plan() per target is enumeration only.
    PlanFinder(const Scorer& scorer, const Result& today);
    // Fills out.plan, plan_orders, plan_sps and plan_reachable for out.target.
    void plan(GoalSeekTarget& out) const;

private:
    bool solve(double target, std::vector<size_t>& cuts) const;
    std::optional<double> rescore(const std::vector<size_t>& cuts) const;

    const Scorer& s_;
    const Result& today_;
    std::vector<PlanLever> levers_;
};

}  // namespace shopscore
