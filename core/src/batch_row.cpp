// The columns: who and when, the score, benefits, the three dimensions, each metric's value with
// its counts and score, what to fix first, how many warnings, and the error of a shop that could
// not be scored. Values are the result's unrounded numbers (sps_display is Seller Center's).
#include "shopscore/batch_row.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "shopscore/insight_picks.h"
#include "result_json_internal.h"

namespace shopscore {
namespace {

// Numbers and the headline fields are written by the result JSON's own code
// (result_json_internal.h), so a cell reads exactly like the same value in `shopscore score`'s JSON.

std::string short_number(const char* format, double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, x);
    return buf;
}

// "nbfr <= 2 of 251", "otdr >= 110 of 116", "aht <= 24.9 h", "nbfr unreachable": what the key
// opportunity alone must reach for the next target, in the metric ids a script can split.
ordered goal_cell(const GoalPick& g) {
    const GoalSeekMetric& m = *g.metric;
    const std::string id = kMetricNames[m.metric];
    if (!m.reachable) return id + " unreachable";
    if (m.metric == kAht) return m.value ? ordered(id + " <= " + short_number("%.1f", *m.value) + " h") : ordered(nullptr);
    if (!m.limit || !m.denominator) return nullptr;
    return id + (m.metric == kOtdr ? " >= " : " <= ") + short_number("%.0f", *m.limit) + " of " +
           short_number("%.0f", *m.denominator);
}

// "4 reached 2026-12-03" / "3.5 lost 2026-11-28": the forecast's first threshold event.
ordered event_cell(const Result& r, int scenario) {
    if (!r.insights || r.insights->forecast.empty()) return nullptr;
    const auto e = next_threshold(r, scenario);
    if (!e) return "none in 60 days";
    return ordered(e->threshold).dump() + (e->reached ? " reached " : " lost ") + format_day(e->day);
}

ordered scored_columns(const std::string& shop, const Result& r, bool insight_columns) {
    ordered summary, j;
    j["shop"] = shop;
    add_summary_fields(summary, r);
    // A row is flat: sps_range becomes the cells sps_low and sps_high, in its place.
    for (auto& [key, value] : summary.items()) {
        if (key != "sps_range") {
            j[key] = value;
            continue;
        }
        j["sps_low"] = value["low"];
        j["sps_high"] = value["high"];
    }
    // The highest threshold the low end of the SPS reaches with an official score (what the shop
    // is sure of when metrics are missing), and the benefits granted (eligible: true) by id.
    std::optional<double> tier;
    std::string granted;
    for (const BenefitResult& b : r.benefits) {
        if (r.status == Status::scored && r.sps_range.low && *r.sps_range.low >= b.min_sps) tier = b.min_sps;
        if (b.eligible.value_or(false)) granted += (granted.empty() ? "" : " ") + b.id;
    }
    j["benefit_tier"] = number(tier);
    j["benefits"] = granted;
    for (size_t d = 0; d < kDimensionCount; ++d) j[kDimensionNames[d]] = number(r.dimensions[d].score);
    for (size_t m = 0; m < kMetricCount; ++m) {
        const MetricResult& x = r.metrics[m];
        const std::string name = kMetricNames[m];
        j[name] = number(x.value);
        j[name + "_numerator"] = number(x.numerator);
        j[name + "_denominator"] = number(x.denominator);
        j[name + "_score"] = number(x.score);
    }
    const MetricPriority* key = nullptr;
    if (r.insights)
        for (const MetricPriority& p : r.insights->priorities)
            if (p.label == Priority::key_opportunity) key = &p;
    j["key_opportunity"] = key ? ordered(kMetricNames[key->metric]) : ordered(nullptr);
    j["key_opportunity_gain"] = key ? number(key->gain) : ordered(nullptr);
    // Issue 12's goal seek and forecast (with --insights).
    const auto goal = insight_columns ? next_goal(r) : std::nullopt;
    j["next_target"] = goal ? number(goal->target) : ordered(nullptr);
    j["goal_seek"] = goal ? goal_cell(*goal) : ordered(nullptr);
    j["forecast_clean"] = insight_columns ? event_cell(r, 0) : ordered(nullptr);
    j["forecast_steady"] = insight_columns ? event_cell(r, 1) : ordered(nullptr);
    j["warnings"] = static_cast<int64_t>(r.warnings.size());
    j["error"] = nullptr;
    j["error_code"] = nullptr;
    return j;
}

// Every column, for the header and for a shop that failed (all null but shop and error).
const ordered& template_row() {
    static const ordered row = scored_columns("", Result{}, false);
    return row;
}

// The change since the shop's previous reading: null when there is none, or when either SPS is
// a range (a difference of ranges is not one number).
void add_history_columns(ordered& j, const ShopRow& row) {
    const Reading* p = row.previous ? &*row.previous : nullptr;
    j["previous_as_of"] = p ? ordered(format_day(p->as_of)) : ordered(nullptr);
    j["previous_sps"] = p ? number(p->sps) : ordered(nullptr);
    const bool both = p && p->sps && row.result && row.result->sps;
    j["sps_change"] = both ? number(*row.result->sps - *p->sps) : ordered(nullptr);
}

ordered row_json(const ShopRow& row, bool insight_columns, bool history_columns) {
    ordered j;
    if (row.result) j = scored_columns(row.shop, *row.result, insight_columns);
    else {
        for (const auto& [key, value] : template_row().items()) j[key] = nullptr;
        j["shop"] = row.shop;
        j["error"] = row.error;
        j["error_code"] = row.error_code;
    }
    if (history_columns) add_history_columns(j, row);
    return j;
}

std::string csv_text(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// A text starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula
// (a shop folder named "=HYPERLINK(...)"); the same guard as the diagnostics CSV (docs/insights.md).
// Numbers are JSON numbers, never guarded: "-0.5" stays a number.
std::string csv_cell(const ordered& v) {
    if (v.is_null()) return "";
    if (!v.is_string()) return csv_text(v.dump());
    const std::string& s = v.get_ref<const std::string&>();
    const bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
    return csv_text(formula ? "'" + s : s);
}

}  // namespace

std::vector<std::string> batch_columns() {
    std::vector<std::string> out;
    for (const auto& [key, value] : template_row().items()) out.push_back(key);
    return out;
}

std::string batch_csv_header(bool history_columns) {
    std::string header;
    std::vector<std::string> columns = batch_columns();
    if (history_columns) columns.insert(columns.end(), {"previous_as_of", "previous_sps", "sps_change"});
    for (const std::string& key : columns) header += (header.empty() ? "" : ",") + csv_text(key);
    return "\xEF\xBB\xBF" + header + "\n";
}

std::string batch_csv_line(const ShopRow& row, bool insight_columns, bool history_columns) {
    std::string line;
    bool first = true;
    const ordered cells = row_json(row, insight_columns, history_columns);  // kept alive: items() only refers to it
    for (const auto& [key, value] : cells.items()) {
        line += (first ? "" : ",") + csv_cell(value);
        first = false;
    }
    return line + "\n";
}

std::string rows_to_csv(const std::vector<ShopRow>& rows, bool insight_columns, bool history_columns) {
    std::string out = batch_csv_header(history_columns);
    for (const ShopRow& row : rows) out += batch_csv_line(row, insight_columns, history_columns);
    return out;
}

void keep_batch_columns_only(Result& result) {
    if (!result.insights) return;
    Insights& ins = *result.insights;
    // Swapped with empty vectors, so that their memory is freed now (clear() keeps the capacity);
    // the diagnostics tables are let go (the cache may still hold them for the next score).
    ins.diagnostics.reset();
    std::vector<ScenarioResult>().swap(ins.scenarios);
    std::vector<DayScore>().swap(ins.trend);
    ins.moved.reset();
}

InputError no_exports_error(const std::string& folder) {
    return InputError(folder, "expected the shop's export files (orders, returns, reviews, chats) in its folder, found none",
                      ErrorDetail{"no_exports", folder, 0, {}, {}, "the shop's export files", {}});
}

std::string rows_to_json(const std::vector<ShopRow>& rows, bool insight_columns, bool history_columns) {
    ordered array = ordered::array();
    for (const ShopRow& row : rows) array.push_back(row_json(row, insight_columns, history_columns));
    return array.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

}  // namespace shopscore
