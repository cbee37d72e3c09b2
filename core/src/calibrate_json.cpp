// The calibration report as JSON (docs/calibration.md "Report"): the CLI's --format json and
// the WASM calibrate() answer, byte-identical.
#include "result_json_internal.h"
#include "shopscore/calibrate.h"
#include "shopscore/json_io.h"

namespace shopscore {
namespace {

ordered comparison_json(const Comparison& c) {
    ordered j;
    j["what"] = c.what;
    j["shown"] = number(c.shown);
    j["computed"] = number(c.computed);
    j["matches"] = c.matches;
    return j;
}

ordered day_json(Day d) { return d == kNoDay ? ordered(nullptr) : ordered(format_day(d)); }

}  // namespace

std::string calibration_to_json(const Calibration& c) {
    ordered j;
    j["matches"] = c.matches;
    ordered largest = nullptr;
    if (c.largest) {
        largest = comparison_json(*c.largest);
        largest["as_of"] = day_json(c.largest_as_of.value_or(kNoDay));
        largest["gap"] = number(c.largest_gap);
    }
    j["largest_disagreement"] = largest;
    ordered snaps = ordered::array();
    for (const SnapshotReport& s : c.snapshots) {
        ordered sj;
        sj["as_of"] = day_json(s.as_of);
        sj["matches"] = s.matches;
        sj["comparisons"] = ordered::array();
        for (const Comparison& cmp : s.comparisons) sj["comparisons"].push_back(comparison_json(cmp));
        snaps.push_back(sj);
    }
    j["snapshots"] = snaps;
    ordered params = ordered::array();
    for (const FittedParameter& p : c.parameters)
        params.push_back({{"name", p.name}, {"value", number(p.value)}, {"default", number(p.fallback)},
                          {"low", number(p.low)}, {"high", number(p.high)}, {"status", p.status}});
    j["parameters"] = params;
    ordered findings = ordered::array();
    for (const ValueFinding& f : c.findings) {
        ordered fj;
        fj["code"] = "metric_value_differs";
        fj["as_of"] = day_json(f.as_of);
        fj["metric"] = kMetricNames[f.metric];
        fj["shown"] = number(f.shown);
        fj["computed"] = number(f.computed);
        fj["denominator"] = number(f.denominator);
        fj["count_difference"] = number(f.count_difference);
        fj["candidate_count"] = f.candidate_count;
        fj["candidates"] = f.candidates;
        findings.push_back(fj);
    }
    j["findings"] = findings;
    j["notes"] = c.notes;
    j["profile"] = ordered::parse(profile_to_json(c.profile));
    return j.dump(2) + "\n";
}

}  // namespace shopscore
