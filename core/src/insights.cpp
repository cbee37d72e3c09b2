// docs/rules.md §26-§32 insights [model], computed by the core so every interface shows the same numbers.
// Priority labels live here; goal seek, the timeline (trend, forecast, why it moved), scenarios
// and diagnostics each have their own file and share the Scorer (insights_scorer.h).
#include <algorithm>

#include "insights_scorer.h"
#include "shopscore/error.h"
#include "shopscore/rules.h"

namespace shopscore {

std::vector<GoalSeekTarget> goal_seek(const Result& today, const Scorer& scorer);
std::vector<DayScore> trend(const Scorer& s);
std::vector<ForecastDay> forecast(const Scorer& s);
std::vector<Crossing> crossings(const std::optional<double>& today, const std::vector<ForecastDay>& days);
WhyMoved why_moved(const Scorer& s, Day from, Day to);
std::vector<ScenarioResult> scenarios(const Result& today, const Scorer& s);

namespace {

// The metric whose improvement to 4.0 would raise the SPS most is the key opportunity
// (重点机会); others scoring below 3.5 need attention (需要关注). docs/rules.md §26; the numbers
// are in rules.h.
std::vector<MetricPriority> priorities(const Result& result, const Profile& profile) {
    std::vector<MetricPriority> out;
    if (!result.sps) return out;
    for (size_t m = 0; m < kMetricCount; ++m) {
        if (result.metrics[m].no_data) continue;
        std::array<MetricResult, kMetricCount> improved = result.metrics;
        improved[m].score = std::max(*improved[m].score, kPriorityTarget);
        std::array<DimensionResult, kDimensionCount> dimensions;
        const double gain = combine_dimensions(improved, profile, dimensions).value_or(*result.sps) - *result.sps;
        out.push_back({static_cast<MetricId>(m), gain, Priority::none});
    }
    // Largest gain first; ties keep the metric order of docs/rules.md §6.
    std::stable_sort(out.begin(), out.end(), [](const MetricPriority& a, const MetricPriority& b) { return a.gain > b.gain; });
    for (MetricPriority& p : out) {
        const bool first = &p == &out.front();
        // The gain is a difference of two SPS values near 4, so a gain that is exactly 0.05 on
        // paper (4.0 - 3.95) comes out as 0.04999999999999982: compare with the same 1e-9
        // allowance the display rounding uses.
        if (first && p.gain >= kKeyOpportunityMinGain - 1e-9)
            p.label = Priority::key_opportunity;
        else if (*result.metrics[p.metric].score < kNeedsAttentionBelow)
            p.label = Priority::needs_attention;
    }
    return out;
}

// Why-it-moved days must lie where the counters reach, a 90-day look-back from as_of, and not
// before the shop opened (no score existed then).
Day checked_day(const std::optional<Day>& given, Day fallback, Day first, Day as_of, const char* name) {
    const Day d = given.value_or(fallback);
    if (given && (d > as_of || d < first))
    {
        const std::string expected = "a date from " + format_day(first) + " to " + format_day(as_of);
        throw InputError("options", std::string(name) + ": expected " + expected + ", got \"" + format_day(d) + "\"",
                         ErrorDetail{"invalid_value", {}, 0, {}, name, expected, format_day(d)});
    }
    return std::clamp(d, std::min(first, as_of), as_of);
}

}  // namespace

Insights compute_insights(const Result& result, const InsightContext& context) {
    Insights out;
    out.priorities = priorities(result, context.profile);
    const Scorer scorer(context);
    out.goal_seek = goal_seek(result, scorer);
    if (!context.dated) return out;
    const Day as_of = result.as_of;
    out.trend = trend(scorer);
    out.forecast = forecast(scorer);
    out.crossings = crossings(result.status == Status::scored ? result.sps : std::nullopt, out.forecast);
    const Day first = scorer.first_day();
    const Day from = checked_day(context.options.moved_from, as_of - 7, first, as_of, "moved_from");
    const Day to = checked_day(context.options.moved_to, as_of, first, as_of, "moved_to");
    out.moved = why_moved(scorer, from, to);
    out.scenarios = scenarios(result, scorer);
    out.diagnostics = context.diagnostics_tables();
    out.diagnostics_rows = context.options.diagnostics_rows;
    return out;
}

const std::vector<Table>& Insights::diagnostics_tables() const {
    static const std::vector<Table> kNone;
    return diagnostics ? *diagnostics : kNone;
}

}  // namespace shopscore
