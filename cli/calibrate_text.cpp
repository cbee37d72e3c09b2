// The calibration report to read: does the fitted profile match Seller Center, where not, what
// was fitted, and which metric values Seller Center counts differently (docs/calibration.md).
#include <cstdio>
#include <string>

#include "calibrate_command.h"
#include "shopscore/result.h"

namespace shopscore::cli {
namespace {

std::string fixed(double v, int decimals) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

// A metric value as Seller Center shows it: a percent with two decimals, hours with one.
std::string metric_value(const std::string& what, double v) {
    return what.rfind("aht", 0) == 0 ? fixed(v, 1) + " h" : fixed(v * 100, 2) + " %";
}

std::string shown_text(const Comparison& c, const std::optional<double>& v, bool shown_side) {
    if (!v) return "No data";
    if (c.what.find(".value") != std::string::npos) return metric_value(c.what, *v);
    return shown_side ? fixed(*v, 1) : fixed(*v, 3) + " (" + display_one_decimal(*v) + ")";
}

std::string day_text(Day d) { return d == kNoDay ? "(no date)" : format_day(d); }

std::string pad(std::string s, size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

}  // namespace

std::string calibration_text(const Calibration& c, const std::string& out_path) {
    std::string t;
    std::string days;
    for (const SnapshotReport& s : c.snapshots) days += (days.empty() ? "" : ", ") + day_text(s.as_of);
    t += c.matches ? "Matches your Seller Center readings of " + days + " to within rounding.\n"
                   : "Does not match every Seller Center reading (" + days + "): see the rows marked DIFFERS.\n";
    t += "Profile \"" + c.profile.id + "\" written to " + out_path + " (use it with score --profile).\n";
    for (const SnapshotReport& s : c.snapshots) {
        t += "\n" + day_text(s.as_of) + (s.matches ? "" : "  (does not match)") + "\n";
        t += "  " + pad("", 14) + pad("Seller Center", 15) + pad("ShopScore", 18) + "\n";
        for (const Comparison& cmp : s.comparisons)
            t += "  " + pad(cmp.what, 14) + pad(shown_text(cmp, cmp.shown, true), 15) +
                 pad(shown_text(cmp, cmp.computed, false), 18) + (cmp.matches ? "ok" : "DIFFERS") + "\n";
    }
    if (c.largest && c.largest_gap == 0)
        t += "\nLargest disagreement: none; every shown score is reproduced.\n";
    else if (c.largest)
        t += "\nLargest disagreement: " + c.largest->what + " on " + day_text(c.largest_as_of.value_or(kNoDay)) +
             ", " + fixed(c.largest_gap, 1) + " after rounding.\n";
    for (const SnapshotReport& s : c.snapshots)
        for (const Comparison& cmp : s.comparisons)
            if (!cmp.matches && cmp.shown.has_value() != cmp.computed.has_value() && cmp.what.find(".value") == std::string::npos) {
                t += "\n" + day_text(s.as_of) + ": " + cmp.what + (cmp.shown ? " has a score at Seller Center but no data here"
                                                                     : " shows No data at Seller Center but has a score here") +
                     "; no parameter can change that.\n";
            }
    t += "\nParameters (fitted: the readings pin them; unconstrained / no_effect: kept near the default)\n";
    for (const FittedParameter& p : c.parameters)
        t += "  " + pad(p.name, 26) + pad(fixed(p.value, 4), 10) + "default " + pad(fixed(p.fallback, 4), 10) +
             pad(p.status, 14) + (p.status == "fitted" ? fixed(p.low, 4) + " to " + fixed(p.high, 4) : "") + "\n";
    for (const ValueFinding& f : c.findings) {
        const std::string name = kMetricNames[f.metric];
        std::string upper = name;
        for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
        std::string line = "\n" + day_text(f.as_of) + ": Seller Center shows " + upper + " " + metric_value(name, f.shown) +
                           ", your exports give " + (f.computed ? metric_value(name, *f.computed) : "no value");
        if (f.denominator) {
            const std::string count = fixed(f.count_difference < 0 ? -f.count_difference : f.count_difference, 0);
            line += ": " + count + (f.metric == kAht ? " hours" : count == "1" ? " record" : " records") + " counted differently";
        }
        t += line + ".\n";
        if (!f.candidates.empty()) {
            t += "  Candidate orders (" + std::to_string(f.candidate_count) + "):";
            for (const std::string& id : f.candidates) t += " " + id;
            t += "\n";
        }
    }
    for (const std::string& n : c.notes) t += "Note: " + n + "\n";
    return t;
}

}  // namespace shopscore::cli
