// docs/rules.md §19 (benefits use the unrounded SPS) and §20 (benefits, settlement days, missing inputs,
// the provisional not_enough_orders status). Metrics are given directly so the SPS is known:
//   all six at anchors (see test_rules_score.cpp): sps 4.14
//   nrr alone at good 0.012: the curve gives exactly 4, so sps is exactly 4.0
//   nrr alone at 0.01307 = good + 0.1*(poor - good): 4 - 3*0.1 = 3.7
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "scoring_internal.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

#include "rules_support.h"

using namespace shopscore;
using namespace rules_test;

namespace {

const char* kAllInputs = R"(, "reputation_points": 12000, "has_logo": true, "products_for_sale": 12,
                            "violations_30d": 0, "positive_rating_rate": 0.85)";

const BenefitResult& benefit(const Result& r, const std::string& id) {
    for (const BenefitResult& b : r.benefits)
        if (b.id == id) return b;
    FAIL("no benefit " << id);
    throw 0;
}

std::set<std::string> missing(const Result& r, const std::string& id) {
    const BenefitResult& b = benefit(r, id);
    return {b.missing.begin(), b.missing.end()};
}

// eligible as text: "true", "false" or "null"
std::string eligible(const Result& r, const std::string& id) {
    const BenefitResult& b = benefit(r, id);
    return !b.eligible ? "null" : *b.eligible ? "true" : "false";
}

}  // namespace

TEST_CASE("rules/benefits: the ten benefits and their thresholds", "[rules][benefits]") {
    const Result r = run(quick(kAllSix, kAllInputs));  // sps 4.14, every input known and good
    REQUIRE(r.benefits.size() == 10);
    const std::pair<const char*, double> expected[] = {
        {"flash_deals", 2.5},    {"tiktok_funded_promotions", 2.5}, {"shop_ads_boost", 2.5},
        {"affiliate", 3.5},      {"settlement_accelerated", 3.5},   {"official_shop", 3.5},
        {"mega_campaigns", 3.5}, {"settlement_express", 4.0},       {"gold_star", 4.0},
        {"silver_star", 4.0}};
    for (const auto& [id, min] : expected) {
        INFO(id);
        CHECK(benefit(r, id).min_sps == min);
        CHECK(eligible(r, id) == "true");
        CHECK(benefit(r, id).missing.empty());
    }
    CHECK(r.settlement_days == 1);
}

TEST_CASE("rules/benefits: settlement days 8 / 5 / 1", "[rules][benefits][settlement]") {
    // sps exactly 4.0 -> express (1 day)
    const Result four = run(quick(R"("nrr": {"value": 0.012})"));
    REQUIRE(*four.sps == 4.0);
    CHECK(four.settlement_days == 1);
    CHECK(eligible(four, "settlement_express") == "true");
    // sps 3.7 -> accelerated (5 days)
    const Result mid = run(quick(R"("nrr": {"value": 0.01307})"));
    CHECK(*mid.sps == Approx(3.7));
    CHECK(mid.settlement_days == 5);
    CHECK(eligible(mid, "settlement_accelerated") == "true");
    CHECK(eligible(mid, "settlement_express") == "false");
    // sps 1 (nrr at poor 0.0227) -> standard (8 days); 2.5 benefits fail too
    const Result low = run(quick(R"("nrr": {"value": 0.0227})"));
    CHECK(*low.sps == Approx(1.0));
    CHECK(low.settlement_days == 8);
    CHECK(eligible(low, "settlement_accelerated") == "false");
    CHECK(eligible(low, "flash_deals") == "false");
    const nlohmann::json j = nlohmann::json::parse(result_to_json(mid));
    CHECK(j["settlement_days"] == 5);
}

TEST_CASE("rules/benefits: thresholds are inclusive (sps exactly 2.5 and 3.5)", "[rules][benefits]") {
    // Profile weights 1/1/1. nrr at good (4) and nbfr at poor (1): product exactly 2.5.
    const char* equal = R"({"id": "default", "weights": {"product": 1, "fulfillment": 1, "service": 1}})";
    const Result a = run(quick(R"("nrr": {"value": 0.012}, "nbfr": {"value": 0.0333})"), equal);
    REQUIRE(*a.sps == 2.5);
    CHECK(eligible(a, "flash_deals") == "true");
    CHECK(eligible(a, "affiliate") == "false");
    CHECK(a.settlement_days == 8);
    // ... plus otdr 1.0 (5) and sfcr at good (4): fulfillment 4.5; sps (2.5 + 4.5)/2 = 3.5 exactly.
    const Result b = run(quick(R"("nrr": {"value": 0.012}, "nbfr": {"value": 0.0333}, "otdr": {"value": 1.0},
                                  "sfcr": {"value": 0.0087})"), equal);
    REQUIRE(*b.sps == 3.5);
    CHECK(eligible(b, "affiliate") == "true");
    CHECK(eligible(b, "official_shop") == "true");
    CHECK(b.settlement_days == 5);
    CHECK(eligible(b, "settlement_express") == "false");
}

TEST_CASE("rules/benefits: benefits use the unrounded SPS (3.46 shows 3.5 but does not reach it)", "[rules][benefits][rounding]") {
    // Each metric at the value that scores 3.46: good + (4 - 3.46)/3 * (poor - good) = good + 0.18*(poor - good)
    //   nrr  0.012  + 0.18*0.0107 = 0.013926
    //   nbfr 0.0176 + 0.18*0.0157 = 0.020426
    //   otdr 0.9516 - 0.18*0.0432 = 0.943824
    //   sfcr 0.0087 + 0.18*0.0078 = 0.010104
    //   imd  0.1701 + 0.18*0.1517 = 0.197406
    //   aht  26.5   + 0.18*23.6   = 30.748 h
    // Every dimension 3.46 -> sps 3.46 -> display "3.5"; 3.5 benefits are not reached.
    const Result r = run(quick(R"("nrr": {"value": 0.013926}, "nbfr": {"value": 0.020426}, "otdr": {"value": 0.943824},
        "sfcr": {"value": 0.010104}, "imd": {"value": 0.197406}, "aht": {"value": 30.748})", kAllInputs));
    for (size_t m = 0; m < kMetricCount; ++m) {
        INFO(kMetricNames[m]);
        CHECK(*r.metrics[m].score == Approx(3.46));
    }
    REQUIRE(r.sps);
    CHECK(*r.sps == Approx(3.46));
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["sps_display"] == "3.5");
    CHECK(j["dimensions"]["product"]["display"] == "3.5");
    CHECK(eligible(r, "flash_deals") == "true");
    CHECK(eligible(r, "affiliate") == "false");
    CHECK(eligible(r, "settlement_accelerated") == "false");
    CHECK(eligible(r, "official_shop") == "false");
    CHECK(eligible(r, "mega_campaigns") == "false");
    CHECK(r.settlement_days == 8);
}

TEST_CASE("rules/benefits: missing inputs give null with their names; never read as zero", "[rules][benefits][missing]") {
    // sps 4.14, shop facts all missing, no reviews.
    const Result r = run(quick(kAllSix));
    CHECK(eligible(r, "gold_star") == "null");
    CHECK(missing(r, "gold_star") ==
          std::set<std::string>{"reputation_points", "positive_rating_rate", "has_logo", "products_for_sale"});
    CHECK(eligible(r, "silver_star") == "null");
    CHECK(missing(r, "silver_star") ==
          std::set<std::string>{"reputation_points", "positive_rating_rate", "has_logo", "products_for_sale"});
    CHECK(eligible(r, "mega_campaigns") == "null");
    CHECK(missing(r, "mega_campaigns") == std::set<std::string>{"violations_30d"});
    CHECK(eligible(r, "flash_deals") == "true");
    CHECK(eligible(r, "affiliate") == "true");
    CHECK(missing(r, "affiliate").empty());
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    for (const auto& b : j["benefits"])
        if (b["id"] == "gold_star") {
            CHECK(b["eligible"].is_null());
            CHECK(b["missing"].size() == 4);
        }
}

TEST_CASE("rules/benefits: a known failing condition gives false", "[rules][benefits][missing]") {
    SECTION("reputation 2500: gold fails (< 10000) even with others missing; silver still null") {
        const Result r = run(quick(kAllSix, R"(, "reputation_points": 2500)"));
        CHECK(eligible(r, "gold_star") == "false");
        CHECK(eligible(r, "silver_star") == "null");
        CHECK(missing(r, "silver_star") == std::set<std::string>{"positive_rating_rate", "has_logo", "products_for_sale"});
    }
    SECTION("reputation 2500 with all else known: silver true, gold false") {
        const Result r = run(quick(kAllSix, R"(, "reputation_points": 2500, "has_logo": true, "products_for_sale": 1,
                                               "violations_30d": 2, "positive_rating_rate": 0.8)"));
        CHECK(eligible(r, "gold_star") == "false");
        CHECK(eligible(r, "silver_star") == "true");  // 2500 >= 2000, 80 % >= 80 %, 1 product
        CHECK(eligible(r, "mega_campaigns") == "true");  // 2 < 3 violations
    }
    SECTION("reputation exactly 10000 qualifies for gold") {
        const Result r = run(quick(kAllSix, R"(, "reputation_points": 10000, "has_logo": true, "products_for_sale": 3,
                                               "violations_30d": 0, "positive_rating_rate": 0.9)"));
        CHECK(eligible(r, "gold_star") == "true");
    }
    SECTION("3 violations fail mega campaigns") {
        const Result r = run(quick(kAllSix, R"(, "violations_30d": 3)"));
        CHECK(eligible(r, "mega_campaigns") == "false");
        CHECK(eligible(r, "affiliate") == "true");
    }
    SECTION("no logo / no products / low positive rate fail the stars") {
        CHECK(eligible(run(quick(kAllSix, R"(, "has_logo": false)")), "silver_star") == "false");
        CHECK(eligible(run(quick(kAllSix, R"(, "products_for_sale": 0)")), "silver_star") == "false");
        CHECK(eligible(run(quick(kAllSix, R"(, "positive_rating_rate": 0.79)")), "silver_star") == "false");
    }
    SECTION("sps below 4 fails the stars even with inputs missing") {
        const Result r = run(quick(R"("nrr": {"value": 0.01307})"));  // sps 3.7
        CHECK(eligible(r, "gold_star") == "false");
        CHECK(eligible(r, "silver_star") == "false");
        CHECK(eligible(r, "mega_campaigns") == "null");  // 3.7 >= 3.5, violations unknown
    }
}

TEST_CASE("rules/benefits: positive rating rate from the last 30 days' counted initial reviews", "[rules][benefits][reviews]") {
    // Orders Q1..Q10 delivered 2026-10-01; all metrics given directly (sps 4.14), 100 orders in 90 d.
    // Reviews (the 30-day window is 2026-10-22 .. 11-20):
    //   Q1 5, Q2 4, Q3 5 stars, Q4 3 stars, Q5 5 stars created 10-22 (day 30)   counted
    //   Q6 1 star created 10-21 (day 31)                                        out
    //   Q7 5 stars, later edited to 1 star                                      counted as 5
    //   Q8 1 star flagged excluded                                              out
    //   Q9 2 stars created 11-21 (after as_of)                                  out
    //   Q11 (a fraud order) 1 star                                             out
    // -> 5 of 6 are 4-5 stars = 83 % >= 80 %: silver star (2500 points, logo, products) true.
    // With Q10 2 stars on 11-05 added: 5 of 7 = 71 % -> false.
    // shop.positive_rating_rate, when given, is used instead.
    auto dataset = [](bool with_q10, const std::string& shop_extra) {
        std::string orders;
        for (int i = 1; i <= 11; ++i) {
            if (i > 1) orders += ",";
            orders += R"({"id": "Q)" + std::to_string(i) + R"(", "created": "2026-09-28 10:00", "delivered": "2026-10-01 10:00")" +
                      (i == 11 ? R"(, "flags": ["fraud"]})" : "}");
        }
        std::string reviews = R"(
          {"order_id": "Q1", "sku": "a", "rating": 5, "created": "2026-11-01 10:00"},
          {"order_id": "Q2", "sku": "a", "rating": 4, "created": "2026-11-02 10:00"},
          {"order_id": "Q3", "sku": "a", "rating": 5, "created": "2026-11-03 10:00"},
          {"order_id": "Q4", "sku": "a", "rating": 3, "created": "2026-11-04 10:00"},
          {"order_id": "Q5", "sku": "a", "rating": 5, "created": "2026-10-22 00:00"},
          {"order_id": "Q6", "sku": "a", "rating": 1, "created": "2026-10-21 23:59"},
          {"order_id": "Q7", "sku": "a", "rating": 5, "created": "2026-11-05 10:00"},
          {"order_id": "Q7", "sku": "a", "rating": 1, "created": "2026-11-06 10:00"},
          {"order_id": "Q8", "sku": "a", "rating": 1, "created": "2026-11-05 10:00", "flags": ["excluded"]},
          {"order_id": "Q9", "sku": "a", "rating": 2, "created": "2026-11-21 10:00"},
          {"order_id": "Q11", "sku": "a", "rating": 1, "created": "2026-11-05 10:00"})";
        if (with_q10) reviews += R"(, {"order_id": "Q10", "sku": "a", "rating": 2, "created": "2026-11-05 10:00"})";
        return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
                   "delivered_orders_90d": 100, "reputation_points": 2500, "has_logo": true, "products_for_sale": 12,
                   "violations_30d": 0)" + shop_extra + R"(}, "orders": [)" + orders + R"(], "reviews": [)" + reviews +
               R"(], "metrics": {)" + kAllSix + "}}";
    };
    const Result r = run(dataset(false, ""));
    REQUIRE(*r.sps == Approx(4.14));
    CHECK(eligible(r, "silver_star") == "true");
    const Result low = run(dataset(true, ""));
    CHECK(eligible(low, "silver_star") == "false");
    const Result given = run(dataset(true, R"(, "positive_rating_rate": 0.9)"));
    CHECK(eligible(given, "silver_star") == "true");
}

TEST_CASE("rules/benefits: not_enough_orders is provisional: every benefit null with sps missing", "[rules][benefits][gate]") {
    // 10 clean delivered orders (< 30), all shop facts known (has_logo false would fail the stars
    // if the score were official). Provisional sps: nrr 0/10 -> adjusted 0.12/20 = 0.006 -> 4.5
    // and likewise every computed rate metric at 4.5, so the provisional sps is 4.5 -- yet no
    // benefit is decided and settlement is the standard 8 days.
    std::string orders;
    for (int i = 0; i < 10; ++i) {
        if (i) orders += ",";
        orders += R"({"id": "P)" + std::to_string(i) + R"(", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "deliver_by": "2026-11-10"})";
    }
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
        "reputation_points": 12000, "has_logo": false, "products_for_sale": 12, "violations_30d": 0,
        "positive_rating_rate": 0.9}, "orders": [)" + orders + "]}";
    const Result r = run(json);
    CHECK(r.status == Status::not_enough_orders);
    CHECK(r.delivered_orders_90d == 10);
    REQUIRE(r.sps);
    CHECK(*r.sps == Approx(4.5));
    CHECK(r.settlement_days == 8);
    REQUIRE(r.benefits.size() == 10);
    for (const BenefitResult& b : r.benefits) {
        INFO(b.id);
        CHECK_FALSE(b.eligible.has_value());
        CHECK(std::find(b.missing.begin(), b.missing.end(), "sps") != b.missing.end());
    }
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["status"] == "not_enough_orders");
    CHECK(j["settlement_days"] == 8);
    for (const auto& b : j["benefits"]) CHECK(b["eligible"].is_null());
}
