// Each metric's part of the SPS (core/src/sps_parts.cpp, docs/history.md): score x share, the
// share being why-it-moved's (dimension effective weight x the metric's part of its dimension's
// metric weights). The page splits the change between two stored readings as the difference of
// these parts, so they must sum to the SPS. Values worked out by hand from the quick-mode
// metrics of rules_support.h (nrr 4.5, nbfr 4, otdr 5, sfcr 4, imd 4, aht 2.5).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "rules_support.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;
using namespace rules_test;

namespace {
double sum_parts(const Result& r) {
    double s = 0;
    for (const auto& p : r.sps_parts) s += *p;
    return s;
}
}  // namespace

TEST_CASE("sps parts: all six metrics, default weights", "[rules][score][history]") {
    // Each dimension has two metrics of weight 1: share = dimension weight / 2.
    // nrr 4.5*0.12 = 0.54, nbfr 4*0.12 = 0.48, otdr 5*0.26 = 1.3, sfcr 4*0.26 = 1.04,
    // imd 4*0.12 = 0.48, aht 2.5*0.12 = 0.3; sum 4.14 = the SPS.
    const Result r = run(quick(kAllSix));
    REQUIRE(r.sps);
    CHECK(*r.sps_parts[kNrr] == Approx(0.54));
    CHECK(*r.sps_parts[kNbfr] == Approx(0.48));
    CHECK(*r.sps_parts[kOtdr] == Approx(1.3));
    CHECK(*r.sps_parts[kSfcr] == Approx(1.04));
    CHECK(*r.sps_parts[kImd] == Approx(0.48));
    CHECK(*r.sps_parts[kAht] == Approx(0.3));
    CHECK(std::abs(sum_parts(r) - *r.sps) < 1e-12);
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["metrics"]["otdr"]["sps_part"].get<double>() == Approx(1.3));
}

TEST_CASE("sps parts: a metric without data has part 0, its weight goes to its neighbour", "[rules][score][history]") {
    // aht typed as no data: service = imd alone, share 0.24: imd 4*0.24 = 0.96, aht 0.
    // sps = 0.54+0.48 + 1.3+1.04 + 0.96 = 4.32.
    const Result r = run(quick(R"("nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 1.0},
                                  "sfcr": {"value": 0.0087}, "imd": {"value": 0.1701})"));
    REQUIRE(r.sps);
    CHECK(*r.sps == Approx(4.32));
    CHECK(*r.sps_parts[kAht] == 0.0);
    CHECK(*r.sps_parts[kImd] == Approx(0.96));
    CHECK(std::abs(sum_parts(r) - *r.sps) < 1e-12);
    // Metric weight 0 (aht left out by the profile): the same split, aht's part 0 though it has data.
    const Result w = run(quick(kAllSix), R"({"id": "default", "metric_weights": {"aht": 0}})");
    CHECK(*w.sps_parts[kAht] == 0.0);
    CHECK(*w.sps_parts[kImd] == Approx(0.96));
    CHECK(std::abs(sum_parts(w) - *w.sps) < 1e-12);
}

TEST_CASE("sps parts: a dimension without data gives its weight to the others", "[rules][score][history]") {
    // Only nrr (4.5) and otdr (2.5): effective weights 0.24/0.76 and 0.52/0.76, each the only
    // metric of its dimension: nrr 4.5*0.24/0.76 = 1.08/0.76, otdr 2.5*0.52/0.76 = 1.3/0.76;
    // sum 2.38/0.76 = the SPS. The service metrics' parts are 0.
    const Result r = run(quick(R"("nrr": {"value": 0.006}, "otdr": {"value": 0.93})"));
    REQUIRE(r.sps);
    CHECK(*r.sps_parts[kNrr] == Approx(1.08 / 0.76));
    CHECK(*r.sps_parts[kOtdr] == Approx(1.3 / 0.76));
    CHECK(*r.sps_parts[kImd] == 0.0);
    CHECK(*r.sps_parts[kAht] == 0.0);
    CHECK(std::abs(sum_parts(r) - 2.38 / 0.76) < 1e-12);
}

TEST_CASE("sps parts: null without one SPS (no data at all, or a range while a metric is missing)", "[rules][score][history]") {
    const Result none = run(quick(""));
    CHECK_FALSE(none.sps);
    for (const auto& p : none.sps_parts) CHECK_FALSE(p);
    // Five metrics typed, imd left out: a range, no one SPS, so no parts (never a guessed split).
    const Result range = run(quick_missing(R"("nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 1.0},
                                              "sfcr": {"value": 0.0087}, "aht": {"value": 38.3})"));
    CHECK_FALSE(range.sps);
    REQUIRE(range.sps_range.low);
    for (const auto& p : range.sps_parts) CHECK_FALSE(p);
    const nlohmann::json j = nlohmann::json::parse(result_to_json(range));
    CHECK(j["metrics"]["nrr"]["sps_part"].is_null());
}
