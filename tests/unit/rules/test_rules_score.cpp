// docs/rules.md §17-§19 and §23: dimension scores, weight redistribution, the SPS, rounding, the
// result JSON. Metrics are given directly (quick mode) at values whose curve scores are exact
// anchors or half-way points, so every score below is worked out by hand:
//   nrr   0.006  -> 4.5   (half-way 0 .. good 0.012)
//   nbfr  0.0176 -> 4     (good)
//   otdr  1.0    -> 5     (best);  0.93 -> 2.5 (half-way good 0.9516 .. poor 0.9084)
//   sfcr  0.0087 -> 4     (good)
//   imd   0.1701 -> 4     (good)
//   aht   38.3 h -> 2.5   (half-way good 26.5 .. poor 50.1)
// Without numerator/denominator there is no volume adjustment.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "scoring_internal.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

#include "rules_support.h"

using namespace shopscore;
using namespace rules_test;

TEST_CASE("rules/score: dimension scores and the weighted SPS", "[rules][score]") {
    // product (4.5 + 4)/2 = 4.25; fulfillment (5 + 4)/2 = 4.5; service (4 + 2.5)/2 = 3.25
    // sps = 0.24*4.25 + 0.52*4.5 + 0.24*3.25 = 1.02 + 2.34 + 0.78 = 4.14
    const Result r = run(quick(kAllSix));
    CHECK(r.status == Status::scored);
    CHECK(*r.dimensions[kProduct].score == Approx(4.25));
    CHECK(*r.dimensions[kFulfillment].score == Approx(4.5));
    CHECK(*r.dimensions[kService].score == Approx(3.25));
    CHECK(r.dimensions[kProduct].weight == Approx(0.24));
    CHECK(r.dimensions[kFulfillment].effective_weight == Approx(0.52));
    REQUIRE(r.sps);
    CHECK(*r.sps == Approx(4.14));
    // Half up on display: 4.25 -> "4.3", 3.25 -> "3.3", 4.14 -> "4.1".
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["sps_display"] == "4.1");
    CHECK(j["dimensions"]["product"]["display"] == "4.3");
    CHECK(j["dimensions"]["fulfillment"]["display"] == "4.5");
    CHECK(j["dimensions"]["service"]["display"] == "3.3");
    CHECK(j["status"] == "scored");
    CHECK(j["delivered_orders_90d"] == 100);
}

TEST_CASE("rules/score: profile metric weights and dimension weights", "[rules][score]") {
    // metric_weights nrr 3: product (3*4.5 + 4)/4 = 4.375; sps = 0.24*4.375 + 2.34 + 0.78 = 4.17.
    const Result a = run(quick(kAllSix), R"({"id": "default", "metric_weights": {"nrr": 3}})");
    CHECK(*a.dimensions[kProduct].score == Approx(4.375));
    CHECK(*a.sps == Approx(4.17));
    // metric weight 0 leaves aht out: service = imd = 4; sps = 1.02 + 2.34 + 0.96 = 4.32.
    const Result b = run(quick(kAllSix), R"({"id": "default", "metric_weights": {"aht": 0}})");
    CHECK(*b.dimensions[kService].score == Approx(4.0));
    CHECK(*b.sps == Approx(4.32));
    // weights 0.5/0.3/0.2: sps = 2.125 + 1.35 + 0.65 = 4.125.
    const Result c = run(quick(kAllSix), R"({"id": "default", "weights": {"product": 0.5, "fulfillment": 0.3, "service": 0.2}})");
    CHECK(*c.sps == Approx(4.125));
}

TEST_CASE("rules/score: a dimension without data gives its weight to the others", "[rules][score]") {
    // nrr 0.006 -> 4.5 (product), otdr 0.93 -> 2.5 (fulfillment), no service metric.
    // effective weights: 0.24/0.76 = 0.315789, 0.52/0.76 = 0.684211, 0.
    // sps = (0.24*4.5 + 0.52*2.5)/0.76 = 2.38/0.76 = 3.131579 -> "3.1"
    const Result r = run(quick(R"("nrr": {"value": 0.006}, "otdr": {"value": 0.93})"));
    CHECK(r.dimensions[kService].no_data);
    CHECK_FALSE(r.dimensions[kService].score);
    CHECK(r.dimensions[kService].effective_weight == 0.0);
    CHECK(r.dimensions[kService].weight == Approx(0.24));
    CHECK(r.dimensions[kProduct].effective_weight == Approx(0.24 / 0.76));
    CHECK(r.dimensions[kFulfillment].effective_weight == Approx(0.52 / 0.76));
    CHECK(*r.dimensions[kProduct].score == Approx(4.5));
    CHECK(*r.dimensions[kFulfillment].score == Approx(2.5));
    CHECK(*r.sps == Approx(2.38 / 0.76));
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["sps_display"] == "3.1");
    CHECK(j["dimensions"]["service"]["no_data"] == true);
    CHECK(j["dimensions"]["service"]["score"].is_null());
    CHECK(j["dimensions"]["service"]["display"].is_null());
    CHECK(j["dimensions"]["service"]["effective_weight"] == 0);
    CHECK(j["metrics"]["imd"]["value"].is_null());
    CHECK(j["metrics"]["imd"]["score"].is_null());
    CHECK(j["metrics"]["imd"]["no_data"] == true);

    // Only the service dimension has data: imd 0.1701 -> 4, effective weight 1, sps 4.
    const Result s = run(quick(R"("imd": {"value": 0.1701})"));
    CHECK(s.dimensions[kService].effective_weight == Approx(1.0));
    CHECK(s.dimensions[kProduct].effective_weight == 0.0);
    CHECK(*s.sps == Approx(4.0));
}

TEST_CASE("rules/score: sps is null when no dimension has data", "[rules][score]") {
    const Result r = run(quick(""));
    CHECK_FALSE(r.sps);
    for (const DimensionResult& d : r.dimensions) {
        CHECK(d.no_data);
        CHECK(d.effective_weight == 0.0);
    }
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["sps"].is_null());
    CHECK(j["sps_display"].is_null());
    // All six metrics and three dimensions are always present.
    for (const char* m : {"nrr", "nbfr", "otdr", "sfcr", "imd", "aht"}) CHECK(j["metrics"].contains(m));
    for (const char* d : {"product", "fulfillment", "service"}) CHECK(j["dimensions"].contains(d));
    CHECK(j["settlement_days"] == 8);
    // Without a score nothing can be decided: every benefit null with "sps" missing.
    for (const auto& b : j["benefits"]) {
        CHECK(b["eligible"].is_null());
        CHECK(b["missing"][0] == "sps");
    }
}

TEST_CASE("rules/score: display rounding is one decimal, half up", "[rules][score][rounding]") {
    CHECK(display_one_decimal(3.45) == "3.5");
    CHECK(display_one_decimal(3.44) == "3.4");
    CHECK(display_one_decimal(3.95) == "4.0");
    CHECK(display_one_decimal(3.46) == "3.5");
    CHECK(display_one_decimal(2.25) == "2.3");
    CHECK(display_one_decimal(4.05) == "4.1");
    CHECK(display_one_decimal(4.049) == "4.0");
    CHECK(display_one_decimal(0.0) == "0.0");
    CHECK(display_one_decimal(5.0) == "5.0");
    CHECK(display_one_decimal(0.05) == "0.1");
}

TEST_CASE("rules/score: result JSON writes whole numbers as integers", "[rules][score][json]") {
    const std::string text = result_to_json(run(quick(kAllSix)));
    CHECK(text.find("\"min_sps\": 4,") != std::string::npos);
    CHECK(text.find("\"min_sps\": 4.0") == std::string::npos);
    CHECK(text.find("\"min_sps\": 2.5,") != std::string::npos);
    CHECK(text.find("\"min_sps\": 3.5,") != std::string::npos);
    CHECK(text.find("\"delivered_orders_90d\": 100,") != std::string::npos);
    CHECK(text.find("\"schema\": \"shopscore.result/1\"") != std::string::npos);
    const nlohmann::json j = nlohmann::json::parse(text);
    CHECK(j["as_of"] == "2026-11-20");
    CHECK(j["profile"] == "default");
    CHECK(j["metrics"]["otdr"]["value"] == 1);
    CHECK(j["metrics"]["otdr"]["score"] == 5);
    CHECK(j["metrics"]["nrr"]["window_days"] == 60);
    CHECK(j["metrics"]["otdr"]["window_days"] == 30);
    CHECK(j["metrics"]["sfcr"]["window_days"] == 30);
    CHECK(j["metrics"]["aht"]["window_days"] == 60);
}

TEST_CASE("rules/score: weights come from the profile of the main category", "[rules][score][profile]") {
    // Two profiles; "beauty" weights only product, "home" weights only fulfillment.
    // 3 delivered "Beauty" orders, 2 "Home" orders -> main category Beauty -> profile "beauty".
    const char* profiles = R"([
      {"id": "beauty", "categories": ["Beauty"], "weights": {"product": 1, "fulfillment": 0, "service": 0}},
      {"id": "home", "categories": ["Home"], "weights": {"product": 0, "fulfillment": 1, "service": 0}}])";
    auto dataset = [](const std::string& shop_extra, const char* second_category) {
        std::string orders;
        for (int i = 0; i < 5; ++i) {
            if (i) orders += ",";
            orders += R"({"id": "P)" + std::to_string(i) + R"(", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00",
                         "deliver_by": "2026-11-10", "category": ")" + (i < 3 ? "Beauty" : second_category) + "\"}";
        }
        return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01")" +
               shop_extra + R"(}, "orders": [)" + orders + "]}";
    };
    const Result r = run(dataset("", "Home"), profiles);
    CHECK(r.profile_id == "beauty");
    CHECK(r.dimensions[kProduct].effective_weight == Approx(1.0));
    CHECK(r.dimensions[kFulfillment].effective_weight == 0.0);
    // shop.category names the main category when the orders have none of their own.
    const Result h = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "category": "Home"},
        "orders": [{"id": "A", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00"}]})", profiles);
    CHECK(h.profile_id == "home");
}
