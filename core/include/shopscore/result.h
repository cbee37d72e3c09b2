// The score (docs/rules.md §23) in memory. result_json.cpp writes it out in that field order.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shopscore/profile.h"

namespace shopscore {

// Where a metric's number came from (docs/scoring.md "Missing, typed and no data").
enum class MetricInput : uint8_t {
    export_,  // computed from the exports / records given
    typed,    // given directly (the dataset's `metrics`, CLI --metric, WASM option "metrics")
    missing,  // its export was not given and nothing was typed: no value, never 0 %
};

struct MetricResult {
    std::optional<double> value;           // unadjusted; fraction, or hours for aht
    std::optional<double> adjusted_value;  // after the volume prior; = value when it is skipped
    std::optional<double> numerator;       // total hours for aht
    std::optional<double> denominator;     // requests for aht
    std::optional<double> affected;        // numerator, or late orders for otdr (protection)
    int window_days = 0;
    std::optional<double> raw_score;       // before protection
    std::optional<double> score;           // after protection
    bool is_protected = false;             // protection raised the score
    bool no_data = true;                   // given, but nothing in the window (also set, internally,
                                           // for a missing metric so nothing scores it; the JSON says false)
    MetricInput input = MetricInput::export_;
    // For a missing metric: what the given data leaves possible. NRR/NBFR with the orders given
    // have a known denominator: data when it is > 0, none when it is 0.
    bool may_have_data = true;
    bool may_be_no_data = false;
};

// The least and greatest SPS over every value the missing metrics could take; both equal `sps`
// when nothing is missing (both null when there is no score at all).
struct SpsRange {
    std::optional<double> low, high;
};

struct DimensionResult {
    std::optional<double> score;
    double weight = 0;
    double effective_weight = 0;
    bool no_data = true;
};

struct BenefitResult {
    std::string id;
    double min_sps = 0;
    std::optional<bool> eligible;        // nullopt: every known condition holds, inputs missing
    std::vector<std::string> missing;
};

// docs/rules.md §26 priority labels: what to fix first.
enum class Priority { none, key_opportunity, needs_attention };
struct MetricPriority {
    MetricId metric = kNrr;
    double gain = 0;  // SPS increase if this metric alone scored max(its score, 4.0)
    Priority label = Priority::none;
};

// Goal seek: one metric alone moved until the SPS reaches a target (docs/rules.md §27).
struct GoalSeekMetric {
    MetricId metric = kNrr;
    bool reachable = false;
    std::optional<double> value;        // the metric value at the limit (fraction, or hours for aht)
    std::optional<double> limit;        // most defects allowed (otdr: fewest on-time orders needed)
    std::optional<double> denominator;  // of the same window, unchanged
    std::optional<double> current;      // today's defects (otdr: on-time orders; aht: mean hours)
    std::optional<double> more_clean;   // or: this many more defect-free records (otdr: on-time deliveries)
};
struct PlanStep {
    MetricId metric = kNrr;
    double fewer = 0;  // fewer defects (otdr: fewer late orders)
};
struct GoalSeekTarget {
    double target = 0;
    bool reached_today = false;
    std::vector<GoalSeekMetric> metrics;  // metrics with data
    bool plan_reachable = false;          // the combined plan (aht left out: it has no orders)
    double plan_orders = 0;
    std::vector<PlanStep> plan;
    std::optional<double> plan_sps;
};

// The score of one day from the per-day counts (trend, forecast).
struct DayScore {
    Day day = kNoDay;
    std::optional<double> sps;
    bool scored = false;  // the 30-order gate held
    std::array<std::optional<double>, kMetricCount> values{};
    std::array<std::optional<double>, kMetricCount> scores{};
};
struct ForecastDay {
    Day day = kNoDay;
    std::optional<double> clean;
    std::optional<double> steady;
};
struct Crossing {
    double threshold = 0;
    std::vector<std::string> benefits;
    std::array<std::optional<Day>, 2> reached{};  // clean, steady: first day at or above, from below
    std::array<std::optional<Day>, 2> lost{};     // clean, steady: first day below, from at or above
};

struct WindowCounts {
    double numerator = 0;
    double denominator = 0;
};
// Why it moved: one metric's part of the SPS change between two days.
struct MetricMove {
    MetricId metric = kNrr;
    std::optional<double> from_score, to_score;  // after protection
    double from_share = 0, to_share = 0;         // the metric's share of the SPS (0 without data)
    double contribution = 0;                     // to_score*to_share - from_score*from_share
    double score_effect = 0;                     // of which the metric's own score change
    double weight_effect = 0;                    // of which shares moving (a metric gaining/losing data)
    std::optional<double> from_value, to_value, from_adjusted, to_adjusted;
    WindowCounts left, entered;                  // records leaving / entering the window
    std::optional<double> left_effect, entered_effect, adjustment_effect;  // on the metric value
};
struct WhyMoved {
    Day from = kNoDay, to = kNoDay;
    std::optional<double> sps_from, sps_to;
    double change = 0;
    std::vector<MetricMove> metrics;
};

struct ScenarioResult {
    std::string id;
    std::vector<std::pair<std::string, double>> params;
    std::array<MetricResult, kMetricCount> metrics{};
    std::optional<double> sps;
    SpsRange sps_range;
    std::vector<BenefitResult> benefits;
    int settlement_days = 8;
};

// A diagnostics table; cells are numbers, texts or empty.
struct Cell {
    enum Kind : uint8_t { empty, number, text } kind = empty;
    double num = 0;
    std::string str;
};
struct Table {
    std::string id;
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
    // Rows left out after `rows` (a score keeps only the rows its result shows; a CSV download
    // builds its table whole): the table has rows.size() + more_rows rows.
    size_t more_rows = 0;
};

struct Insights {
    std::vector<MetricPriority> priorities;  // metrics with data, largest gain first
    std::vector<GoalSeekTarget> goal_seek;
    std::vector<ForecastDay> forecast;
    std::vector<Crossing> crossings;
    std::vector<DayScore> trend;
    std::optional<WhyMoved> moved;
    std::vector<ScenarioResult> scenarios;
    // Shared with the score session's cache (ScoreCache), never copied: at a million orders the
    // tables hold tens of thousands of rows, and a re-score would copy them all. Null = none.
    std::shared_ptr<const std::vector<Table>> diagnostics;
    const std::vector<Table>& diagnostics_tables() const;  // empty when none
    int diagnostics_rows = 50;  // rows per table written into the result JSON
};

enum class Status { scored, not_enough_orders };


struct Result {
    Day as_of = kNoDay;
    std::string profile_id;
    Status status = Status::not_enough_orders;
    int64_t delivered_orders_90d = 0;
    std::optional<double> sps;  // null when missing metrics leave a range (sps_range)
    SpsRange sps_range;
    int settlement_days = 8;    // from sps_range.low: what the shop is sure of
    std::array<DimensionResult, kDimensionCount> dimensions{};
    std::array<MetricResult, kMetricCount> metrics{};
    // Each metric's part of the SPS (docs/history.md): score x its share of the SPS, 0 for a
    // metric without data; the six parts sum to `sps`. All null when `sps` is (no score, range).
    std::array<std::optional<double>, kMetricCount> sps_parts{};
    bool shop_qualifies = false;
    std::vector<BenefitResult> benefits;
    std::vector<Warning> warnings;
    std::optional<Insights> insights;
};

// One decimal, half up: 3.45 -> "3.5", 3.44 -> "3.4". Used for dimension scores and the SPS.
std::string display_one_decimal(double score);

}  // namespace shopscore
