// docs/rules.md §14 (volume adjustment) and §15 (the curve). Expected values worked out by hand.
#include <catch2/catch.hpp>

#include <string>

#include "scoring_internal.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

#include "rules_support.h"

using namespace shopscore;
using namespace rules_test;

namespace {

Benchmark bench(MetricId m) { return default_profile().benchmarks[m]; }

// `n` seller-fulfilled orders created 2026-11-01, delivered 2026-11-05, deliver-by 2026-11-10
// (all on time), no reviews; scored as of 2026-11-20.
std::string clean_orders_dataset(int n, const std::string& extra = "") {
    std::string orders;
    for (int i = 0; i < n; ++i) {
        if (i) orders += ",";
        orders += R"({"id": "O)" + std::to_string(i) +
                  R"(", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "deliver_by": "2026-11-10"})";
    }
    return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"}, "orders": [)" + orders + "]" +
           extra + "}";
}

}  // namespace

TEST_CASE("rules/curve: nrr anchors and the guide's example", "[rules][curve]") {
    // good 1.2 %, poor 2.27 %, best 0, worst = 2.27 + (2.27 - 1.2)/3 = 2.6267 %.
    const Benchmark b = bench(kNrr);
    REQUIRE(b.good == Approx(0.012));
    REQUIRE(b.poor == Approx(0.0227));
    CHECK(curve_score(kNrr, b, 0.0) == Approx(5.0));
    CHECK(curve_score(kNrr, b, 0.012) == Approx(4.0));
    CHECK(curve_score(kNrr, b, 0.0227) == Approx(1.0));
    CHECK(curve_score(kNrr, b, 0.0227 + 0.0107 / 3) == Approx(0.0).margin(1e-9));
    // The guide: 0.6 % -> 4.5 (half-way best..good); 1.735 % -> 2.5 (half-way good..poor); 3 % -> 0.
    CHECK(curve_score(kNrr, b, 0.006) == Approx(4.5));
    CHECK(curve_score(kNrr, b, 0.01735) == Approx(2.5));
    CHECK(curve_score(kNrr, b, 0.03) == 0.0);
    // Half-way poor..worst: 2.27 % + 0.1783 % -> 0.5.
    CHECK(curve_score(kNrr, b, 0.0227 + 0.0107 / 6) == Approx(0.5));
    // Clamped to 0..5.
    CHECK(curve_score(kNrr, b, 0.9) == 0.0);
    CHECK(curve_score(kNrr, b, 1.0) == 0.0);
}

TEST_CASE("rules/curve: otdr is higher-is-better with best 1.0", "[rules][curve]") {
    // good 95.16 %, poor 90.84 %, worst = 90.84 - (95.16 - 90.84)/3 = 89.40 %.
    const Benchmark b = bench(kOtdr);
    CHECK(curve_score(kOtdr, b, 1.0) == Approx(5.0));
    CHECK(curve_score(kOtdr, b, 0.9516) == Approx(4.0));
    CHECK(curve_score(kOtdr, b, 0.9084) == Approx(1.0));
    CHECK(curve_score(kOtdr, b, 0.894) == Approx(0.0).margin(1e-9));
    CHECK(curve_score(kOtdr, b, 0.9758) == Approx(4.5));  // half-way 1.0 .. 0.9516
    CHECK(curve_score(kOtdr, b, 0.93) == Approx(2.5));    // half-way 0.9516 .. 0.9084
    CHECK(curve_score(kOtdr, b, 0.9012) == Approx(0.5));  // half-way 0.9084 .. 0.894
    CHECK(curve_score(kOtdr, b, 0.5) == 0.0);
    CHECK(curve_score(kOtdr, b, 0.0) == 0.0);
}

TEST_CASE("rules/curve: the other metrics' anchors (aht in hours)", "[rules][curve]") {
    // aht good 26.5 h, poor 50.1 h, worst = 50.1 + 23.6/3 = 57.9667 h.
    const Benchmark a = bench(kAht);
    CHECK(curve_score(kAht, a, 0.0) == Approx(5.0));
    CHECK(curve_score(kAht, a, 13.25) == Approx(4.5));
    CHECK(curve_score(kAht, a, 26.5) == Approx(4.0));
    CHECK(curve_score(kAht, a, 38.3) == Approx(2.5));
    CHECK(curve_score(kAht, a, 50.1) == Approx(1.0));
    CHECK(curve_score(kAht, a, 57.9666666667) == Approx(0.0).margin(1e-6));
    CHECK(curve_score(kAht, a, 200.0) == 0.0);
    // nbfr good 1.76 %, poor 3.33 %: 2.545 % is half-way -> 2.5.
    CHECK(curve_score(kNbfr, bench(kNbfr), 0.02545) == Approx(2.5));
    // sfcr good 0.87 %, poor 1.65 %: 0.435 % -> 4.5.
    CHECK(curve_score(kSfcr, bench(kSfcr), 0.00435) == Approx(4.5));
    // imd good 17.01 %, poor 32.18 %: 32.18 % -> 1.
    CHECK(curve_score(kImd, bench(kImd), 0.3218) == Approx(1.0));
}

TEST_CASE("rules/curve: a user profile's benchmarks move the anchors", "[rules][curve]") {
    // nrr good 2 %, poor 5 %: worst = 5 + 3/3 = 6 %; 5.5 % is half-way poor..worst -> 0.5;
    // 1 % is half-way best..good -> 4.5; 3.5 % half-way good..poor -> 2.5.
    const std::vector<Profile> p =
        profiles_from_json(R"({"id": "custom", "benchmarks": {"nrr": {"good": 0.02, "poor": 0.05}}})", "p.json");
    REQUIRE(p.size() == 1);
    const Benchmark b = p[0].benchmarks[kNrr];
    CHECK(curve_score(kNrr, b, 0.055) == Approx(0.5));
    CHECK(curve_score(kNrr, b, 0.01) == Approx(4.5));
    CHECK(curve_score(kNrr, b, 0.035) == Approx(2.5));
    // Fields left out keep the default's: nbfr is unchanged.
    CHECK(p[0].benchmarks[kNbfr].good == Approx(0.0176));
    CHECK(p[0].volume_prior == Approx(10));
}

TEST_CASE("rules/curve: volume adjustment formula", "[rules][curve]") {
    // (num + k*good) / (den + k)
    CHECK(volume_adjusted(0, 20, 10, 0.012) == Approx(0.12 / 30));          // 0.004
    CHECK(volume_adjusted(3, 500, 10, 0.012) == Approx(3.12 / 510));
    CHECK(volume_adjusted(18, 20, 10, 0.9516) == Approx(27.516 / 30));      // otdr: on-time count
    CHECK(volume_adjusted(10, 2, 10, 26.5) == Approx(275.0 / 12));          // aht: hours / requests
    CHECK(volume_adjusted(1, 4, 0, 0.012) == Approx(0.25));                 // k = 0: off
}

TEST_CASE("rules/curve: volume adjustment on (default k=10) and off (k=0) end to end", "[rules][curve]") {
    // 20 delivered orders, none with a negative review, all on time, none cancelled.
    // nrr value 0; adjusted (0 + 10*0.012)/(20 + 10) = 0.004 -> score 5 - 0.004/0.012 = 4.6667.
    // otdr value 1; adjusted (20 + 9.516)/30 = 0.98387 -> 5 - (1 - 0.98387)/0.0484 = 4.6667.
    // sfcr value 0; adjusted 0.087/30 = 0.0029 -> 5 - 0.0029/0.0087 = 4.6667.
    const std::string json = clean_orders_dataset(20);
    const Result on = run(json);
    CHECK(*on.metrics[kNrr].value == 0.0);
    CHECK(*on.metrics[kNrr].adjusted_value == Approx(0.004));
    CHECK(*on.metrics[kNrr].score == Approx(14.0 / 3));
    CHECK(*on.metrics[kOtdr].value == 1.0);
    CHECK(*on.metrics[kOtdr].adjusted_value == Approx(29.516 / 30));
    CHECK(*on.metrics[kOtdr].score == Approx(14.0 / 3));
    CHECK(*on.metrics[kSfcr].adjusted_value == Approx(0.0029));
    CHECK(*on.metrics[kSfcr].score == Approx(14.0 / 3));

    // k = 0: adjusted = value, scores 5.
    const Result off = run(json, R"({"id": "default", "volume_prior": 0})");
    CHECK(*off.metrics[kNrr].adjusted_value == 0.0);
    CHECK(*off.metrics[kNrr].score == Approx(5.0));
    CHECK(*off.metrics[kOtdr].adjusted_value == 1.0);
    CHECK(*off.metrics[kOtdr].score == Approx(5.0));

    // k = 5: nrr adjusted 0.06/25 = 0.0024 -> 5 - 0.2 = 4.8.
    const Result five = run(json, R"({"id": "default", "volume_prior": 5})");
    CHECK(*five.metrics[kNrr].adjusted_value == Approx(0.0024));
    CHECK(*five.metrics[kNrr].score == Approx(4.8));
}

TEST_CASE("rules/curve: aht volume adjustment uses hours and requests", "[rules][curve]") {
    // Two refund requests decided after 4 h and 6 h: total 10 h, 2 requests, value 5 h.
    // adjusted (10 + 10*26.5)/(2 + 10) = 275/12 = 22.9167 h -> 5 - 22.9167/26.5 = 4.13522.
    const std::string json = clean_orders_dataset(2, R"(, "after_sales": [
        {"order_id": "O0", "type": "refund", "reason": "Changed my mind", "requested": "2026-11-06 08:00",
         "decided": "2026-11-06 12:00", "handled_by": "seller"},
        {"order_id": "O1", "type": "refund", "reason": "Changed my mind", "requested": "2026-11-07 08:00",
         "decided": "2026-11-07 14:00", "handled_by": "seller"}])");
    const Result r = run(json);
    const MetricResult& aht = r.metrics[kAht];
    CHECK(*aht.numerator == Approx(10.0));
    CHECK(*aht.denominator == 2);
    CHECK(*aht.value == Approx(5.0));
    CHECK(*aht.adjusted_value == Approx(275.0 / 12));
    CHECK(*aht.score == Approx(5.0 - (275.0 / 12) / 26.5));
    // k = 0: 5 h -> 5 - 5/26.5 = 4.81132.
    const Result off = run(json, R"({"id": "default", "volume_prior": 0})");
    CHECK(*off.metrics[kAht].adjusted_value == Approx(5.0));
    CHECK(*off.metrics[kAht].score == Approx(4.811320755));
}
