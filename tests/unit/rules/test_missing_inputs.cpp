// Missing inputs (issue 22, docs/scoring.md "Missing, typed and no data"): an export not given and
// a value not typed is never 0 % nor "no data"; the SPS is the range of what it could be and only
// what holds over the whole range is decided. Typed values are read by one rule.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "rules_support.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;
using rules_test::quick;
using rules_test::quick_missing;
using rules_test::run;

namespace {
std::string eligible(const Result& r, const std::string& id) {
    for (const BenefitResult& b : r.benefits)
        if (b.id == id) return b.eligible ? (*b.eligible ? "true" : "false") : "null";
    return "?";
}
const BenefitResult& benefit(const Result& r, const std::string& id) {
    for (const BenefitResult& b : r.benefits)
        if (b.id == id) return b;
    throw std::logic_error(id);
}
// Ten delivered orders, as the orders export gives them, and nothing else.
std::string ten_orders(const std::string& more = "") {
    std::string orders;
    for (int i = 0; i < 10; ++i)
        orders += std::string(i ? "," : "") + R"({"id": "O)" + std::to_string(i) +
                  R"(", "created": "2026-11-02 09:00", "delivered": "2026-11-04 18:00", "deliver_by": "2026-11-10"})";
    return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
               "delivered_orders_90d": 100}, "orders": [)" + orders + "]" + more + "}";
}
}  // namespace

TEST_CASE("missing: five typed metrics and imd left out give a range, not a better score", "[missing]") {
    // kAllSix without imd: nrr 4.5, nbfr 4 (product 4.25); otdr 5, sfcr 4 (fulfillment 4.5);
    // aht 2.5, imd open. Default weights 0.24/0.52/0.24, metric weights equal within dimensions.
    // imd scored 0: service 1.25 -> sps = 0.24*4.25 + 0.52*4.5 + 0.24*1.25 = 1.02+2.34+0.30 = 3.66.
    // imd scored 5: service 3.75 -> 1.02 + 2.34 + 0.90 = 4.26.
    // imd no data (possible: a shop may have no rated chats): service 2.5 -> 1.02+2.34+0.60 = 3.96.
    const Result r = run(quick_missing(R"("nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 1.0},
                                          "sfcr": {"value": 0.0087}, "aht": {"value": 38.3})"));
    CHECK(r.metrics[kImd].input == MetricInput::missing);
    CHECK(r.metrics[kNrr].input == MetricInput::typed);
    CHECK_FALSE(r.sps);
    CHECK(*r.sps_range.low == Approx(3.66));
    CHECK(*r.sps_range.high == Approx(4.26));
    CHECK(r.status == Status::scored);
    // 2.5 and 3.5: reached at the low end. 4.0: open -> null, imd named.
    CHECK(eligible(r, "flash_deals") == "true");
    CHECK(eligible(r, "affiliate") == "true");
    CHECK(eligible(r, "settlement_express") == "null");
    CHECK(benefit(r, "settlement_express").missing == std::vector<std::string>{"imd"});
    CHECK(r.settlement_days == 5);  // what the low end is sure of
    CHECK_FALSE(r.dimensions[kService].score);
    CHECK(*r.dimensions[kProduct].score == Approx(4.25));
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["metrics"]["imd"]["input"] == "missing");
    CHECK(j["metrics"]["imd"]["no_data"] == false);
    CHECK(j["metrics"]["aht"]["input"] == "typed");
    CHECK(j["sps"].is_null());
    CHECK(j["sps_range"]["low"].get<double>() == Approx(3.66));
    // The same shop with imd typed as no data (Seller Center's 无数据) is a point: 3.96.
    const Result none = run(quick(R"("nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 1.0},
                                     "sfcr": {"value": 0.0087}, "aht": {"value": 38.3})"));
    CHECK(*none.sps == Approx(3.96));
    CHECK(*none.sps_range.low == *none.sps);
    CHECK(*none.sps_range.high == *none.sps);
    CHECK(none.metrics[kImd].input == MetricInput::typed);
    CHECK(none.metrics[kImd].no_data);
}

TEST_CASE("missing: a missing metric below a threshold's reach decides false", "[missing]") {
    // nrr typed at poor (0.0227 -> 1): product open with nbfr missing; every other metric typed no
    // data except nrr. nbfr 0: product 0.5, nbfr 5: product 3 -> sps 0.5..3 (only product has data),
    // or nbfr no data: product 1 -> 1. Range 0.5..3: 3.5 and 4.0 are false, 2.5 open.
    const Result r = run(quick_missing(R"("nrr": {"value": 0.0227}, "otdr": {"value": 0, "denominator": 0},
                                          "sfcr": {"value": 0, "denominator": 0}, "imd": {"value": 0, "denominator": 0},
                                          "aht": {"value": 0, "denominator": 0})"));
    CHECK(*r.sps_range.low == Approx(0.5));
    CHECK(*r.sps_range.high == Approx(3.0));
    CHECK(eligible(r, "affiliate") == "false");
    CHECK(eligible(r, "settlement_express") == "false");
    CHECK(eligible(r, "flash_deals") == "null");
    CHECK(benefit(r, "flash_deals").missing == std::vector<std::string>{"nbfr"});
    CHECK(r.settlement_days == 8);
}

TEST_CASE("missing: an orders export without reviews leaves NRR missing, not 0 %", "[missing]") {
    // 10 orders delivered on time, nothing cancelled: otdr 10/10 and sfcr 0/10. Without the lists
    // reviews, after_sales and chats, nrr, nbfr, imd and aht are missing (was: nrr and nbfr 0 %).
    ScoreOptions o;
    const Result bare = score(dataset_from_json(ten_orders(), "d.json"), o);
    for (MetricId m : {kNrr, kNbfr, kImd, kAht}) {
        INFO(kMetricNames[m]);
        CHECK(bare.metrics[m].input == MetricInput::missing);
        CHECK_FALSE(bare.metrics[m].score);
    }
    CHECK(bare.metrics[kOtdr].input == MetricInput::export_);
    // Whatever could be typed is possible: 0..5 or no data.
    CHECK(bare.metrics[kNrr].may_be_no_data);
    CHECK(bare.metrics[kNrr].may_have_data);
    CHECK_FALSE(bare.sps);
    REQUIRE(bare.sps_range.low);
    CHECK(*bare.sps_range.low < *bare.sps_range.high);
    // "reviews": [] is given and empty: nrr is 0/10 from the export.
    const Result given = score(dataset_from_json(ten_orders(R"(, "reviews": [])"), "d.json"), o);
    CHECK(given.metrics[kNrr].input == MetricInput::export_);
    CHECK(*given.metrics[kNrr].value == 0.0);
    bool warned = false;
    for (const Warning& w : bare.warnings)
        if (w.code == "metric_missing" && w.params.at("metric") == "nrr") warned = w.params.at("input") == "reviews";
    CHECK(warned);
}

TEST_CASE("missing: quick mode with 420 delivered orders and six typed metrics is scored", "[missing]") {
    const Result r = score(dataset_from_json(std::string(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 420},
        "metrics": {)") + rules_test::kAllSix + "}}", "q.json"), {});
    CHECK(r.status == Status::scored);
    CHECK(r.delivered_orders_90d == 420);
    CHECK(r.sps);
    CHECK(*r.sps_range.low == *r.sps);
}

TEST_CASE("typed values: one forgiving rule for every rate", "[missing][typed]") {
    auto v = [](MetricId m, const char* text) { return read_metric_value(m, text, "f"); };
    CHECK(v(kOtdr, "93.4").value == Approx(0.934));
    CHECK_FALSE(v(kOtdr, "93.4").read_as_fraction);
    CHECK(v(kOtdr, "93.4 %").value == Approx(0.934));
    CHECK(v(kOtdr, "\xEF\xBC\x99\xEF\xBC\x93\xEF\xBC\x8E\xEF\xBC\x94\xEF\xBC\x85").value == Approx(0.934));  // ９３．４％
    CHECK(v(kNrr, "0.85").value == Approx(0.0085));  // Seller Center's 0.85 %
    CHECK_FALSE(v(kNrr, "0.85").read_as_fraction);
    // More than two decimals and at most 1: a fraction, for NRR as for OTDR, and said so.
    CHECK(v(kOtdr, "0.934").value == Approx(0.934));
    CHECK(v(kOtdr, "0.934").read_as_fraction);
    CHECK(v(kNrr, "0.0085").value == Approx(0.0085));
    CHECK(v(kNrr, "0.0085").read_as_fraction);
    CHECK(v(kAht, "18.5 h").value == Approx(18.5));
    for (const char* bad : {"abc", "150", "-5", "93.4 percent", "", "100.01"}) {
        INFO(bad);
        try {
            v(kOtdr, bad);
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(e.detail().code == "invalid_value");
            CHECK(e.detail().field == "f");
        }
    }
    CHECK(v(kOtdr, "100").value == Approx(1.0));  // just inside
    // The note reaches the result when a dataset's metric is given as text.
    const Result r = run(quick(R"("otdr": {"value": "0.934"})"));
    bool noted = false;
    for (const Warning& w : r.warnings) noted = noted || (w.code == "rate_read_as_fraction" && w.params.at("metric") == "otdr");
    CHECK(noted);
    CHECK(*r.metrics[kOtdr].value == Approx(0.934));
}
