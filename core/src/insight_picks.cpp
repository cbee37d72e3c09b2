#include "shopscore/insight_picks.h"

namespace shopscore {

std::optional<GoalPick> next_goal(const Result& r) {
    if (!r.insights || r.insights->priorities.empty()) return std::nullopt;
    MetricId metric = r.insights->priorities.front().metric;  // sorted by gain, largest first
    for (const MetricPriority& p : r.insights->priorities)
        if (p.label == Priority::key_opportunity) metric = p.metric;
    for (const GoalSeekTarget& t : r.insights->goal_seek) {  // targets ascending
        if (t.reached_today) continue;
        for (const GoalSeekMetric& m : t.metrics)
            if (m.metric == metric) return GoalPick{t.target, &m};
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<ThresholdEvent> next_threshold(const Result& r, int scenario) {
    if (!r.insights) return std::nullopt;
    std::optional<ThresholdEvent> best;
    for (const Crossing& x : r.insights->crossings) {
        const auto s = static_cast<size_t>(scenario);
        for (const auto& [day, reached] : {std::pair{x.reached[s], true}, std::pair{x.lost[s], false}})
            if (day && (!best || *day < best->day)) best = ThresholdEvent{x.threshold, reached, *day};
    }
    return best;
}

}  // namespace shopscore
