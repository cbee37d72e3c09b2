// Pieces of calibration shared by calibrate*.cpp (docs/calibration.md).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "json_read.h"
#include "scoring_internal.h"
#include "shopscore/calibrate.h"

namespace shopscore::calibration {

using json_read::json;
using json_read::Reader;

// ---- calibrate_api.cpp: the official SPS API's responses --------------------------------------
// True when `obj` (or its "data") is a shop_performances/overview or /metrics response.
bool is_api_response(const json& obj);
// Reads one response into `out` (which may already hold the other response's half).
void read_api_response(const Reader& r, const json& obj, const std::string& path, Snapshot& out);

// ---- calibrate_model.cpp: one snapshot day scored with trial parameters ------------------------
// What score() measured on a snapshot's day, kept so a trial profile re-scores it with a few sums.
struct Observation {
    Day as_of = kNoDay;
    std::array<MetricResult, kMetricCount> measured{};  // counts and values (shown values laid in)
    int64_t delivered_90d = 0;
    bool shop_age_ok = false, opened_known = false;
    Profile scratch;  // the snapshot's lines and weights; trial fields written in place
};
struct Scored {
    std::array<std::optional<double>, kMetricCount> metrics{};
    std::array<std::optional<double>, kDimensionCount> dimensions{};
    std::optional<double> sps;
};
// Scores `o` as score() would with o.scratch (the same functions: measure, protect, combine).
Scored score_observation(const Observation& o);

// Seller Center's rounding (half up, one decimal): the unrounded scores that show as `shown`.
double shown_low(double shown);
double shown_high(double shown);  // exclusive

// ---- calibrate_fit.cpp ---------------------------------------------------------------------
// The fitted parameters: per dimension the first metric's share of its weight, the volume prior,
// each metric's curve ends. Written into every observation's scratch profile.
struct Parameters {
    std::array<double, kDimensionCount> share{};
    double volume_prior = 0;
    std::array<double, kMetricCount> best{}, worst{};
};
struct FitResult {
    Parameters fitted;
    std::vector<FittedParameter> report;
};
FitResult fit(std::vector<Observation>& observations, const std::vector<Snapshot>& snapshots, const Profile& base);
void apply(const Parameters& p, Profile& profile);

// ---- calibrate_findings.cpp -------------------------------------------------------------------
// Orders that may explain a metric value Seller Center counts differently (at most 10 listed).
void find_candidates(const Dataset& dataset, const Profile& profile, ValueFinding& finding);

}  // namespace shopscore::calibration
