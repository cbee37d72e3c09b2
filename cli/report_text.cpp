// The report's sections follow Seller Center's page: the score and its status, the three
// dimensions, the six metrics against their 1- and 4-point lines, the benefits ladder, what to
// fix first, warnings. Numbers are rounded for reading only; the unrounded SPS is cut (not
// rounded) to 4 decimals so 3.49996 never shows as a 3.5 the benefits do not grant.
#include "report_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include "shopscore/insight_picks.h"
#include "shopscore/rules.h"
#include "text_table.h"

namespace shopscore::cli {
namespace {

constexpr const char* kBold = "1";
constexpr const char* kGreen = "32";
constexpr const char* kYellow = "33";
constexpr const char* kRed = "31";
constexpr const char* kDim = "2";

std::string printf_str(const char* format, double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, x);
    return buf;
}

std::string cut4(double x) { return printf_str("%.4f", std::floor(x * 10000.0) / 10000.0); }

// A count: whole numbers without decimals, hours with one.
std::string count_text(double x) { return x == std::floor(x) ? printf_str("%.0f", x) : printf_str("%.1f", x); }

// Colour of a score by the benefit thresholds it reaches.
const char* score_colour(double s) { return s >= 3.5 ? kGreen : s >= 2.5 ? kYellow : kRed; }

class Report {
public:
    Report(const Result& r, const Profile& p, Lang lang, bool colour, bool insight_lines)
        : r_(r), p_(p), lang_(lang), l_(labels(lang)), colour_(colour), insight_lines_(insight_lines) {}

    std::string render() {
        header();
        dimensions();
        metrics();
        benefits();
        fix_first();
        if (insight_lines_) goal_seek_and_forecast();
        warnings();
        return out_;
    }

private:
    void heading(const char* text) { out_ += "\n" + paint(text, kBold, colour_) + "\n"; }

    std::string value_text(size_t m, double v) const {
        return m == kAht ? fill(l_.hours, {{"h", printf_str("%.1f", v)}}) : printf_str("%.2f%%", v * 100.0);
    }

    std::string days(int d) const { return d == 1 ? l_.one_day : fill(l_.window, {{"d", std::to_string(d)}}); }

    void header() {
        out_ += paint(l_.title, kBold, colour_) + "\n";
        const std::string date = r_.as_of == kNoDay ? "-" : format_day(r_.as_of);
        // The profile's own name says whether its benchmarks are estimates ("General (estimates)").
        std::string profile = lang_ == Lang::zh ? p_.name_zh : p_.name_en;
        if (profile.empty()) profile = r_.profile_id;
        out_ += fill(l_.meta, {{"date", date}, {"profile", profile}}) + "\n\n";
        if (r_.sps) {
            out_ += std::string(l_.sps) + "  " + paint(display_one_decimal(*r_.sps), score_colour(*r_.sps), colour_) + "  " +
                    fill(l_.unrounded, {{"value", cut4(*r_.sps)}}) + "\n";
        } else if (r_.sps_range.low && r_.sps_range.high) {
            // Missing metrics leave a range (docs/scoring.md): its two ends, never one guess.
            const double low = *r_.sps_range.low, high = *r_.sps_range.high;
            out_ += std::string(l_.sps) + "  " + display_one_decimal(low) + "-" + display_one_decimal(high) + "  " +
                    fill(l_.unrounded, {{"value", cut4(low) + "-" + cut4(high)}}) + "\n";
        } else {
            out_ += std::string(l_.sps) + "  -  " + l_.no_sps + "\n";
        }
        const std::string n = std::to_string(r_.delivered_orders_90d);
        if (r_.status == Status::scored) {
            out_ += fill(l_.scored, {{"n", n}}) + "\n";
        } else {
            const std::string need = std::to_string(kGateOrders - r_.delivered_orders_90d);
            out_ += paint(fill(l_.provisional, {{"need", need}, {"n", n}, {"gate", std::to_string(kGateOrders)}}), kYellow,
                          colour_) + "\n";
        }
        if (r_.shop_qualifies) out_ += std::string(l_.shop_protected) + "\n";
        out_ += fill(l_.settlement, {{"days", days(r_.settlement_days)}}) + "\n";
    }

    void dimensions() {
        heading(l_.dimensions);
        TextTable t({false, true, true}, colour_);
        t.add({{l_.col_dimension}, {l_.col_score}, {l_.col_weight}});
        for (size_t d = 0; d < kDimensionCount; ++d) {
            const DimensionResult& dim = r_.dimensions[d];
            TableCell score = dim.score ? TableCell{display_one_decimal(*dim.score), score_colour(*dim.score)} : TableCell{l_.no_data, kDim};
            t.add({{l_.dimension_names[d]}, score, {printf_str("%.0f%%", dim.effective_weight * 100.0)}});
        }
        out_ += t.render(2);
    }

    void metrics() {
        heading(l_.metrics);
        TextTable t({false, true, true, true, true, true, true, false}, colour_);
        t.add({{l_.col_metric}, {l_.col_value}, {l_.col_count}, {l_.col_window}, {l_.col_score}, {l_.col_poor},
               {l_.col_good}, {l_.col_notes}});
        for (size_t m = 0; m < kMetricCount; ++m) {
            const MetricResult& x = r_.metrics[m];
            std::string count = "-";
            if (x.numerator && x.denominator)
                count = m == kAht ? fill(l_.hours, {{"h", count_text(*x.numerator)}}) + " / " + count_text(*x.denominator)
                                  : count_text(*x.numerator) + " / " + count_text(*x.denominator);
            TableCell notes;
            if (x.no_data) notes = {l_.no_data, kDim};
            else if (x.is_protected && x.raw_score)
                notes = {fill(l_.protected_from, {{"raw", printf_str("%.2f", *x.raw_score)}}), kYellow};
            t.add({{l_.metric_names[m]},
                   {x.value ? value_text(m, *x.value) : "-"},
                   {x.no_data ? "-" : count},
                   {days(x.window_days)},
                   x.score ? TableCell{printf_str("%.2f", *x.score), score_colour(*x.score)} : TableCell{"-"},
                   {value_text(m, p_.benchmarks[m].poor)},
                   {value_text(m, p_.benchmarks[m].good)},
                   notes});
        }
        out_ += t.render(2);
    }

    void benefits() {
        heading(r_.sps ? fill(l_.benefits, {{"value", cut4(*r_.sps)}}).c_str() : l_.ladder);
        const bool official = r_.status == Status::scored && r_.sps;
        if (!official) out_ += std::string("  ") + l_.no_official_score + "\n";
        double tier = -1;
        TextTable t({false, false, false}, colour_);
        for (const BenefitResult& b : r_.benefits) {
            if (b.min_sps != tier) {  // the core lists benefits by threshold, lowest first
                tier = b.min_sps;
                const bool reached = official && *r_.sps >= tier;
                t.add({{fill(l_.tier, {{"v", printf_str("%.1f", tier)}}), kBold},
                       {reached ? l_.reached : l_.not_reached, reached ? kGreen : kDim}});
            }
            TableCell state = !b.eligible ? TableCell{l_.unknown, kYellow} : *b.eligible ? TableCell{l_.eligible, kGreen} : TableCell{l_.not_eligible, kDim};
            std::string name = benefit_name(lang_, b.id);
            if (!b.missing.empty()) {  // what is missing, in the report's words
                std::string list;
                for (const std::string& in : b.missing)
                    if (official || in != "sps")  // said once above the ladder
                        list += (list.empty() ? "" : l_.list_sep) + input_name(lang_, in);
                if (!list.empty()) name += " (" + fill(l_.missing, {{"list", list}}) + ")";
            }
            t.add({{""}, state, {name}});
        }
        out_ += t.render(2);
    }

    void fix_first() {
        heading(l_.fix_first);
        TextTable t({false, false, false}, colour_);
        if (r_.insights)
            for (const MetricPriority& p : r_.insights->priorities) {
                if (p.label == Priority::none) continue;
                const bool key = p.label == Priority::key_opportunity;
                t.add({{key ? l_.key_opportunity : l_.needs_attention, key ? kRed : kYellow},
                       {l_.metric_names[p.metric]},
                       {fill(l_.gain, {{"gain", printf_str("%.2f", p.gain)}})}});
            }
        const std::string rows = t.render(2);
        out_ += rows.empty() ? std::string("  ") + l_.nothing_stands_out + "\n" : rows;
    }

    // The next target for the key opportunity alone (issue 12's goal seek) and the forecast's
    // first threshold event per scenario, under "what to fix first".
    void goal_seek_and_forecast() {
        if (const auto goal = next_goal(r_)) {
            const GoalSeekMetric& m = *goal->metric;
            const std::string target = printf_str("%.1f", goal->target);
            const std::string name = l_.metric_names[m.metric];
            std::string line;
            if (!m.reachable) line = fill(l_.goal_unreachable, {{"target", target}, {"metric", name}});
            else if (m.metric == kAht && m.value && m.current)
                line = fill(l_.goal_aht, {{"target", target}, {"metric", name}, {"value", value_text(kAht, *m.value)},
                                          {"current", value_text(kAht, *m.current)}});
            else if (m.limit && m.denominator && m.current)
                line = fill(m.metric == kOtdr ? l_.goal_otdr : l_.goal,
                            {{"target", target}, {"metric", name}, {"limit", count_text(*m.limit)},
                             {"denominator", count_text(*m.denominator)}, {"current", count_text(*m.current)}});
            if (!line.empty()) out_ += "  " + line + "\n";
        }
        if (!r_.insights || r_.insights->forecast.empty()) return;
        for (int s = 0; s < 2; ++s) {
            const auto e = next_threshold(r_, s);
            const std::string event =
                e ? fill(e->reached ? l_.event_reached : l_.event_lost,
                         {{"threshold", printf_str("%.1f", e->threshold)}, {"date", format_day(e->day)}})
                  : l_.event_none;
            out_ += "  " + fill(s == 0 ? l_.forecast_clean : l_.forecast_steady, {{"event", event}}) + "\n";
        }
    }

    void warnings() {
        heading(l_.warnings);
        if (r_.warnings.empty()) out_ += std::string("  ") + l_.no_warnings + "\n";
        for (const Warning& w : r_.warnings) {
            out_ += "  - " + warning_text(lang_, w) + "\n";
            if (!w.examples.empty()) {
                std::string list;
                for (const std::string& e : w.examples) list += (list.empty() ? "" : l_.list_sep) + ("\"" + e + "\"");
                out_ += "    " + fill(l_.examples, {{"list", list}}) + "\n";
            }
        }
    }

    const Result& r_;
    const Profile& p_;
    Lang lang_;
    const Labels& l_;
    bool colour_;
    bool insight_lines_;
    std::string out_;
};

}  // namespace

std::string text_report(const Result& result, const Profile& profile, Lang lang, bool colour, bool insight_lines) {
    return Report(result, profile, lang, colour, insight_lines).render();
}

bool stdout_wants_colour() {
    const char* no_colour = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && (!no_colour || !*no_colour);
}

}  // namespace shopscore::cli
