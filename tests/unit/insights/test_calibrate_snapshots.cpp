// Seller Center snapshots: ShopScore's own form and the official SPS API's responses
// (docs/calibration.md "Input"). The API fixture (tests/data/calibration/api-responses.json) is
// written from the published field list: weights in percent, values as strings, PERCENT 0-100.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "shopscore/calibrate.h"
#include "shopscore/error.h"

using namespace shopscore;
using Catch::Detail::Approx;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(SHOPSCORE_TEST_DATA_DIR) + "/calibration/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The error code (and field) a snapshot file is refused with.
std::pair<std::string, std::string> refusal(const std::string& text) {
    try {
        snapshots_from_json(text, "snap.json");
    } catch (const InputError& e) {
        return {e.detail().code, e.detail().field};
    }
    return {"accepted", ""};
}

std::string api_metric(const std::string& code, const std::string& value, const std::string& unit) {
    return R"({"data": {"metrics": [{"metric_code": ")" + code + R"(", "value": )" + value +
           (unit.empty() ? "" : R"(, "value_unit": ")" + unit + "\"") + "}]}}";
}

}  // namespace

TEST_CASE("snapshots: the issue's own form", "[calibrate][snapshots]") {
    const auto s = snapshots_from_json(R"([{"as_of": "2026-11-08", "sps": 3.6,
        "dimensions": {"product": {"score": 3.4, "weight": 0.24}, "service": {"score": null, "weight": 0.24}},
        "metrics": {"nrr": {"value": 0.0085, "line_4": 0.012, "line_1": 0.0227, "score": 4.3}, "aht": {"value": 31.2}}},
        {"as_of": "2026-11-01", "sps": 3.5}])", "snap.json");
    REQUIRE(s.size() == 2);
    CHECK(format_day(*s[0].as_of) == "2026-11-01");  // sorted by date
    const Snapshot& b = s[1];
    CHECK(*b.sps == 3.6);
    CHECK(b.dimensions[kProduct].shown);
    CHECK(*b.dimensions[kProduct].score == 3.4);
    CHECK(b.dimensions[kService].shown);
    CHECK_FALSE(b.dimensions[kService].score);  // No data
    CHECK_FALSE(b.dimensions[kFulfillment].shown);
    CHECK(*b.metrics[kNrr].line_1 == 0.0227);
    CHECK(*b.metrics[kNrr].score == 4.3);
    CHECK(*b.metrics[kAht].value == 31.2);
    CHECK_FALSE(b.metrics[kOtdr].value);
}

TEST_CASE("snapshots: the SPS API's overview and metrics responses merge into one, units normalised", "[calibrate][snapshots]") {
    const auto s = snapshots_from_json(fixture("api-responses.json"), "api-responses.json");
    REQUIRE(s.size() == 1);
    const Snapshot& a = s[0];
    CHECK(format_day(*a.as_of) == "2026-11-20");
    CHECK(a.category == "Home Supplies");
    CHECK(*a.sps == 3.6);
    CHECK(*a.dimensions[kFulfillment].weight == Approx(0.52));  // "52" percent
    CHECK(*a.dimensions[kFulfillment].score == 3.9);
    CHECK(a.dimensions[kService].shown);
    CHECK_FALSE(a.dimensions[kService].score);
    CHECK(*a.metrics[kNrr].value == Approx(0.0085));       // "0.85" PERCENT
    CHECK(*a.metrics[kNbfr].value == Approx(0.011));       // "1.10%" PERCENT
    CHECK(*a.metrics[kNbfr].line_1 == Approx(0.0333));     // "3.33%"
    CHECK(*a.metrics[kOtdr].line_4 == Approx(0.9516));     // "95.16"
    CHECK(*a.metrics[kImd].value == Approx(0.12));         // IM_DSAT
    CHECK(*a.metrics[kAht].value == Approx(31.2));         // HOURS
    CHECK(*a.metrics[kAht].line_1 == Approx(50.1));
    CHECK(*a.metrics[kAht].score == 3.8);
    CHECK_FALSE(a.metrics[kSfcr].score);
    // A bare response (no "data" wrapper) reads the same.
    const auto bare = snapshots_from_json(R"({"sps_score": 4, "dimensions": [{"name": "CUSTOMER_SERVICE", "score": "4.1", "weight": "24%"}]})", "s.json");
    CHECK(*bare[0].dimensions[kService].weight == Approx(0.24));
    CHECK_FALSE(bare[0].as_of);
}

TEST_CASE("snapshots: units that cannot be read are refused with a code naming the field", "[calibrate][snapshots]") {
    using R = std::pair<std::string, std::string>;
    // AHT is hours: a PERCENT AHT, an HOURS rate, an unknown unit, a rate with no unit at all.
    CHECK(refusal(api_metric("AHT", "\"31.2\"", "PERCENT")) == R{"snapshot_bad_unit", "data.metrics[0].value"});
    CHECK(refusal(api_metric("NRR", "\"0.85\"", "HOURS")) == R{"snapshot_bad_unit", "data.metrics[0].value"});
    CHECK(refusal(api_metric("NRR", "\"0.85\"", "RATIO")) == R{"snapshot_bad_unit", "data.metrics[0].value_unit"});
    CHECK(refusal(api_metric("NRR", "\"0.85\"", "")) == R{"snapshot_bad_unit", "data.metrics[0].value"});
    CHECK(refusal(api_metric("NRR", "\"0.85h\"", "PERCENT")) == R{"snapshot_bad_unit", "data.metrics[0].value"});
    // A suffix states the unit when value_unit is missing; AHT alone defaults to hours.
    CHECK(refusal(api_metric("NRR", "\"0.85%\"", "")) == R{"accepted", ""});
    CHECK(refusal(api_metric("AHT", "\"31.2\"", "")) == R{"accepted", ""});
    // Unreadable numbers, out-of-range percents, unknown codes.
    CHECK(refusal(api_metric("NRR", "\"abc\"", "PERCENT")) == R{"snapshot_bad_value", "data.metrics[0].value"});
    CHECK(refusal(api_metric("NRR", "\"120\"", "PERCENT")) == R{"snapshot_bad_value", "data.metrics[0].value"});
    CHECK(refusal(api_metric("XYZ", "\"1\"", "PERCENT")) == R{"snapshot_unknown_name", "data.metrics[0].metric_code"});
    CHECK(refusal(R"({"sps_score": "3.6x"})") == R{"snapshot_bad_value", "sps_score"});
    CHECK(refusal(R"({"sps_score": "5.1"})") == R{"snapshot_bad_value", "sps_score"});
    CHECK(refusal(R"({"dimensions": [{"name": "PRODUCT", "weight": "140"}]})") == R{"snapshot_bad_unit", "dimensions[0].weight"});
    // The own form: fractions, so a weight of 52 or a rate of 0.85 % typed as 85 is refused.
    CHECK(refusal(R"({"dimensions": {"product": {"weight": 52}}})") == R{"snapshot_bad_unit", "dimensions.product.weight"});
    CHECK(refusal(R"({"metrics": {"nrr": {"value": 85}}})") == R{"snapshot_bad_unit", "metrics.nrr.value"});
    CHECK(refusal(R"({"metrics": {"nrx": {"value": 0.1}}})") == R{"snapshot_unknown_name", "metrics.nrx"});
    CHECK(refusal(R"({"sps": 6})") == R{"invalid_value", "sps"});
    CHECK(refusal(R"([])") == R{"snapshot_none", "(top level)"});
    // Two parts of one day that disagree.
    CHECK(refusal(R"([{"as_of": "2026-11-01", "sps": 3.5}, {"as_of": "2026-11-01", "sps": 3.6}])") ==
          R{"snapshot_conflict", "[1].sps"});
}
