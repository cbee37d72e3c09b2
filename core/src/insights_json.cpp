// Insights -> JSON (the `insights` object of the result) and diagnostics tables -> CSV. Numbers
// go through the same formatter in both, so the page's CSV equals the CLI's byte for byte.
#include <stdexcept>

#include "diagnostics_labels.h"
#include "result_json_internal.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"

namespace shopscore {
namespace {

ordered day_json(Day d) { return d == kNoDay ? ordered(nullptr) : ordered(format_day(d)); }
ordered day_json(const std::optional<Day>& d) { return d ? day_json(*d) : ordered(nullptr); }

ordered cell_json(const Cell& c) {
    if (c.kind == Cell::number) return number(c.num);
    if (c.kind == Cell::text) return c.str;
    return nullptr;
}

ordered goal_seek_json(const GoalSeekTarget& g) {
    ordered j;
    j["target"] = number(g.target);
    j["reached_today"] = g.reached_today;
    j["metrics"] = ordered::array();
    for (const GoalSeekMetric& m : g.metrics) {
        ordered mj;
        mj["metric"] = kMetricNames[m.metric];
        mj["reachable"] = m.reachable;
        mj["value"] = number(m.value);
        mj["limit"] = number(m.limit);
        mj["denominator"] = number(m.denominator);
        mj["current"] = number(m.current);
        mj["more_clean"] = number(m.more_clean);
        j["metrics"].push_back(mj);
    }
    ordered plan;
    plan["reachable"] = g.plan_reachable;
    plan["orders"] = number(g.plan_orders);
    plan["sps"] = number(g.plan_sps);
    plan["steps"] = ordered::array();
    for (const PlanStep& s : g.plan) plan["steps"].push_back({{"metric", kMetricNames[s.metric]}, {"fewer", number(s.fewer)}});
    j["plan"] = plan;
    return j;
}

ordered metric_values_json(const DayScore& d) {
    ordered j = ordered::object();
    for (size_t m = 0; m < kMetricCount; ++m) j[kMetricNames[m]] = {{"value", number(d.values[m])}, {"score", number(d.scores[m])}};
    return j;
}

ordered counts_json(const WindowCounts& c) { return {{"numerator", number(c.numerator)}, {"denominator", number(c.denominator)}}; }

ordered moved_json(const WhyMoved& w) {
    ordered j;
    j["from"] = day_json(w.from);
    j["to"] = day_json(w.to);
    j["sps_from"] = number(w.sps_from);
    j["sps_to"] = number(w.sps_to);
    j["change"] = number(w.change);
    j["metrics"] = ordered::array();
    for (const MetricMove& m : w.metrics) {
        ordered mj;
        mj["metric"] = kMetricNames[m.metric];
        mj["contribution"] = number(m.contribution);
        mj["score_effect"] = number(m.score_effect);
        mj["weight_effect"] = number(m.weight_effect);
        mj["from_score"] = number(m.from_score);
        mj["to_score"] = number(m.to_score);
        mj["from_share"] = number(m.from_share);
        mj["to_share"] = number(m.to_share);
        mj["from_value"] = number(m.from_value);
        mj["to_value"] = number(m.to_value);
        mj["from_adjusted"] = number(m.from_adjusted);
        mj["to_adjusted"] = number(m.to_adjusted);
        mj["left"] = counts_json(m.left);
        mj["entered"] = counts_json(m.entered);
        mj["left_effect"] = number(m.left_effect);
        mj["entered_effect"] = number(m.entered_effect);
        mj["adjustment_effect"] = number(m.adjustment_effect);
        j["metrics"].push_back(mj);
    }
    return j;
}

ordered scenario_json(const ScenarioResult& s) {
    ordered j;
    j["id"] = s.id;
    j["params"] = ordered::object();
    for (const auto& [k, v] : s.params) j["params"][k] = number(v);
    j["sps"] = number(s.sps);
    j["sps_display"] = s.sps ? ordered(display_one_decimal(*s.sps)) : ordered(nullptr);
    j["sps_range"] = sps_range_json(s.sps_range);
    j["settlement_days"] = s.settlement_days;
    ordered metrics = ordered::object();
    for (size_t m = 0; m < kMetricCount; ++m) metrics[kMetricNames[m]] = metric_json(s.metrics[m]);
    j["metrics"] = metrics;
    j["benefits"] = benefits_json(s.benefits);
    return j;
}

ordered table_json(const Table& t, int rows) {
    ordered j;
    j["id"] = t.id;
    j["columns"] = t.columns;
    j["total_rows"] = t.rows.size() + t.more_rows;
    j["rows"] = ordered::array();
    for (size_t i = 0; i < t.rows.size() && i < static_cast<size_t>(std::max(rows, 0)); ++i) {
        ordered row = ordered::array();
        for (const Cell& c : t.rows[i]) row.push_back(cell_json(c));
        j["rows"].push_back(row);
    }
    return j;
}

std::string csv_field(const Cell& c) {
    if (c.kind == Cell::empty) return "";
    if (c.kind == Cell::number) return number(c.num).dump();
    // Quote when needed; a leading =+-@ is prefixed with ' so spreadsheets do not run it.
    std::string s = c.str;
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s = "'" + s;
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

}  // namespace

ordered insights_json(const Insights& in) {
    ordered j;
    ordered priorities = ordered::array();
    for (const MetricPriority& p : in.priorities) {
        ordered pj;
        pj["metric"] = kMetricNames[p.metric];
        pj["gain"] = number(p.gain);
        pj["label"] = p.label == Priority::key_opportunity   ? ordered("key_opportunity")
                      : p.label == Priority::needs_attention ? ordered("needs_attention")
                                                             : ordered(nullptr);
        priorities.push_back(pj);
    }
    j["priorities"] = priorities;
    j["goal_seek"] = ordered::array();
    for (const GoalSeekTarget& g : in.goal_seek) j["goal_seek"].push_back(goal_seek_json(g));
    j["trend"] = ordered::array();
    for (const DayScore& d : in.trend)
        j["trend"].push_back({{"date", day_json(d.day)}, {"sps", number(d.sps)}, {"scored", d.scored},
                                    // under the 30-order gate: not an official score (docs/insights.md)
                                    {"provisional", !d.scored}, {"metrics", metric_values_json(d)}});
    ordered forecast;
    forecast["days"] = ordered::array();
    for (const ForecastDay& f : in.forecast)
        forecast["days"].push_back({{"date", day_json(f.day)}, {"clean", number(f.clean)}, {"steady", number(f.steady)}});
    forecast["crossings"] = ordered::array();
    for (const Crossing& x : in.crossings) {
        ordered xj;
        xj["threshold"] = number(x.threshold);
        xj["benefits"] = x.benefits;
        xj["clean"] = {{"reached", day_json(x.reached[0])}, {"lost", day_json(x.lost[0])}};
        xj["steady"] = {{"reached", day_json(x.reached[1])}, {"lost", day_json(x.lost[1])}};
        forecast["crossings"].push_back(xj);
    }
    j["forecast"] = forecast;
    j["moved"] = in.moved ? moved_json(*in.moved) : ordered(nullptr);
    j["scenarios"] = ordered::array();
    for (const ScenarioResult& s : in.scenarios) j["scenarios"].push_back(scenario_json(s));
    j["diagnostics"] = ordered::array();
    for (const Table& t : in.diagnostics_tables()) j["diagnostics"].push_back(table_json(t, in.diagnostics_rows));
    return j;
}

std::string table_to_csv(const Table& t) {
    // No BOM here: a JavaScript TextDecoder would drop it on the way out of WASM. The CLI and the
    // page each put it in front when writing the file (kCsvBom).
    if (t.more_rows) throw std::logic_error("table " + t.id + " was built without all its rows");  // never a cut CSV
    std::string out;
    auto line = [&](const std::vector<Cell>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    };
    std::vector<Cell> header;
    for (const std::string& c : t.columns) header.push_back({Cell::text, 0, c});
    line(header);
    for (const auto& row : t.rows) line(row);
    return out;
}

namespace {
// The trend as a table: each day's SPS, whether it was scored or provisional (under the 30-order
// gate: never an official score, docs/insights.md), and each metric's value as known that day.
Table trend_table(const std::vector<DayScore>& trend) {
    Table t{"trend", {"date", "sps", "status"}, {}};
    for (const char* m : kMetricNames) t.columns.push_back(m);
    auto num = [](const std::optional<double>& v) { return v ? Cell{Cell::number, *v, {}} : Cell{}; };
    for (const DayScore& d : trend) {
        std::vector<Cell> row{{Cell::text, 0, format_day(d.day)}, num(d.sps), {Cell::text, 0, d.scored ? "scored" : "provisional"}};
        for (const std::optional<double>& v : d.values) row.push_back(num(v));
        t.rows.push_back(std::move(row));
    }
    return t;
}
}  // namespace

std::string insights_csv(const Result& result, const std::string& table, const std::string& lang) {
    if (result.insights) {
        if (table == "trend" && !result.insights->trend.empty()) return table_to_csv(worded_table(trend_table(result.insights->trend), lang));
        for (const Table& t : result.insights->diagnostics_tables())
            if (t.id == table) return table_to_csv(worded_table(t, lang));
    }
    std::string known;
    if (result.insights) {
        if (!result.insights->trend.empty()) known = "trend";
        for (const Table& t : result.insights->diagnostics_tables()) known += (known.empty() ? "" : " | ") + t.id;
    }
    const std::string expected =
        "one of " + (known.empty() ? std::string("the diagnostics tables (needs dated data)") : known);
    throw InputError("--csv", "expected " + expected + ", got \"" + table + "\"",
                     ErrorDetail{"invalid_value", {}, 0, {}, "csv", expected, table});
}

}  // namespace shopscore

namespace shopscore {

std::string score_output(const Result& result, const ScoreOptions& options) {
    return options.insight_options.csv.empty() ? result_to_json(result) : insights_csv(result, options.insight_options.csv, options.insight_options.csv_lang);
}

}  // namespace shopscore
