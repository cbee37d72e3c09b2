// Calibration (docs/calibration.md): fit a profile to what the seller's Seller Center SPS page
// shows, so ShopScore's numbers round to Seller Center's, and report how well they agree.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopscore/dataset.h"
#include "shopscore/profile.h"

namespace shopscore {

// One metric as the SPS page shows it; every field may be absent (the seller typed part of it).
struct ShownMetric {
    std::optional<double> value;   // fraction, or hours for aht
    std::optional<double> line_4;  // the category line that scores 4 ("excellent")
    std::optional<double> line_1;  // the line that scores 1 ("poor")
    std::optional<double> score;   // 0-5, one decimal
};

// A dimension card. `shown` with no score: the page says 无数据 / No data.
struct ShownDimension {
    bool shown = false;
    std::optional<double> score;
    std::optional<double> weight;  // fraction
};

struct Snapshot {
    std::optional<Day> as_of;  // absent: the dataset's as_of (the score's default day)
    bool sps_shown = false;
    std::optional<double> sps;  // shown with no score: No data
    std::array<ShownDimension, kDimensionCount> dimensions{};
    std::array<ShownMetric, kMetricCount> metrics{};
    std::string category;  // the API's primary_category, when given
};

// A --seller-center file: ShopScore's snapshot form (one object or an array), or the official
// SPS API's shop_performances/overview and /metrics responses (docs/calibration.md "Input").
// Parts with the same date (or both undated) merge into one snapshot; sorted by date, undated
// last. Errors are InputError with stable codes (docs/errors.md: snapshot_*).
std::vector<Snapshot> snapshots_from_json(std::string_view text, const std::string& file_name);

// ---- the result --------------------------------------------------------------------------

// One shown number beside ShopScore's: `matches` when the computed one rounds (or, for metric
// values, reads) as shown. A number the page shows but ShopScore cannot compute never matches.
struct Comparison {
    std::string what;  // "sps", "product", "nrr.value", "nrr.score"
    std::optional<double> shown;
    std::optional<double> computed;
    bool matches = false;
};

struct SnapshotReport {
    Day as_of = kNoDay;
    std::vector<Comparison> comparisons;  // with the fitted profile
    bool matches = false;                 // every shown score reproduced
};

// One fitted parameter: where the fit put it, its default, and the values that still reproduce
// every shown number with the others held (the rounding interval seen through the model).
struct FittedParameter {
    std::string name;  // "metric_weights.nrr", "volume_prior", "benchmarks.otdr.best"
    double value = 0;
    double fallback = 0;  // the base profile's value
    double low = 0, high = 0;
    // fitted: the shown numbers pin it to [low, high]; unconstrained: it moves them but any value
    // in its range fits (kept near the default); no_effect: no shown number depends on it.
    std::string status;
};

// A metric value Seller Center shows that the exports do not give: counted differently.
struct ValueFinding {
    Day as_of = kNoDay;
    MetricId metric = kNrr;
    double shown = 0;
    std::optional<double> computed;
    std::optional<double> denominator;
    // Records Seller Center counts the other way (hours for aht): shown x denominator - numerator;
    // for sfcr (a cancellation not the seller's fault leaves the denominator) k with (n + k) / (d + k) = shown.
    double count_difference = 0;
    std::vector<std::string> candidates;  // orders that may be counted differently (at most 10)
    int64_t candidate_count = 0;
};

struct Calibration {
    Profile profile;
    std::vector<SnapshotReport> snapshots;
    std::vector<FittedParameter> parameters;
    std::vector<ValueFinding> findings;
    std::vector<std::string> notes;  // stable codes: lines or weights differ between snapshots, ...
    bool matches = false;            // every snapshot matches
    // The largest gap between a shown score and the computed one rounded as Seller Center does.
    std::optional<Comparison> largest;
    std::optional<Day> largest_as_of;
    double largest_gap = 0;
};

// Fits `base` to the snapshots: lines and dimension weights as shown (the latest snapshot's);
// metric weights, volume prior and curve ends fitted; the rest of `base` unchanged.
Calibration calibrate(const Dataset& dataset, const std::vector<Snapshot>& snapshots, const Profile& base);

std::string calibration_to_json(const Calibration& calibration);

}  // namespace shopscore
