// docs/rules.md §26 priority labels, on direct metric inputs (no counts: no volume prior, no protection)
// so every score is read straight off the default benchmarks.
#include <catch2/catch.hpp>

#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;

namespace {

Result score_with_insights(const char* json) {
    ScoreOptions options;
    options.insights = true;
    return score(dataset_from_json(json, "insights.json"), options);
}

const MetricPriority& priority_of(const Result& r, MetricId m) {
    for (const MetricPriority& p : r.insights->priorities)
        if (p.metric == m) return p;
    FAIL("metric missing from priorities");
    throw;
}

}  // namespace

TEST_CASE("the metric whose fix raises the SPS most is the key opportunity", "[insights]") {
    // nrr 0.6 % -> 4.5; nbfr, otdr, imd, aht at their 4-point benchmark -> 4; sfcr at poor -> 1.
    // product (4.5+4)/2 = 4.25, fulfillment (4+1)/2 = 2.5, service 4
    // sps = .24*4.25 + .52*2.5 + .24*4 = 1.02 + 1.30 + 0.96 = 3.28
    // sfcr raised to 4: fulfillment 4 -> sps 1.02 + 2.08 + 0.96 = 4.06, gain 0.78.
    const Result r = score_with_insights(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500},
      "metrics": {"nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 0.9516},
                  "sfcr": {"value": 0.0165}, "imd": {"value": 0.1701}, "aht": {"value": 26.5}}})");
    REQUIRE(r.sps);
    CHECK(*r.sps == Approx(3.28));
    REQUIRE(r.insights);
    REQUIRE(r.insights->priorities.size() == 6);
    CHECK(r.insights->priorities.front().metric == kSfcr);
    CHECK(r.insights->priorities.front().gain == Approx(0.78));
    CHECK(r.insights->priorities.front().label == Priority::key_opportunity);
    CHECK(priority_of(r, kNrr).gain == Approx(0).margin(1e-12));  // already above 4
    CHECK(priority_of(r, kNrr).label == Priority::none);
    CHECK(priority_of(r, kAht).label == Priority::none);
}

TEST_CASE("other metrics below 3.5 need attention", "[insights]") {
    // As above but aht at poor (50.1 h) -> 1: service (4+1)/2 = 2.5
    // sps = 1.02 + 1.30 + .24*2.5 = 2.92; sfcr gain .52*1.5 = 0.78 (key); aht gain .24*1.5 = 0.36.
    const Result r = score_with_insights(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500},
      "metrics": {"nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 0.9516},
                  "sfcr": {"value": 0.0165}, "imd": {"value": 0.1701}, "aht": {"value": 50.1}}})");
    REQUIRE(r.sps);
    CHECK(*r.sps == Approx(2.92));
    CHECK(priority_of(r, kSfcr).label == Priority::key_opportunity);
    CHECK(priority_of(r, kAht).gain == Approx(0.36));
    CHECK(priority_of(r, kAht).label == Priority::needs_attention);
    CHECK(priority_of(r, kImd).label == Priority::none);
}

TEST_CASE("a largest gain under 0.05 is no key opportunity", "[insights]") {
    // Every metric at 4 except imd at 3.9 (value between good .1701 and poor .3218 where the
    // score is 4 - 3*(v-.1701)/.1517 = 3.9 -> v = .1701 + .1517/30). Service (4+3.9)/2 = 3.95;
    // gain of imd: .24 * .05 = 0.012 < 0.05, and 3.9 >= 3.5: no label at all.
    const Result r = score_with_insights(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500},
      "metrics": {"nrr": {"value": 0.012}, "nbfr": {"value": 0.0176}, "otdr": {"value": 0.9516},
                  "sfcr": {"value": 0.0087}, "imd": {"value": 0.17515666666666667}, "aht": {"value": 26.5}}})");
    CHECK(priority_of(r, kImd).gain == Approx(0.012));
    for (const MetricPriority& p : r.insights->priorities) CHECK(p.label == Priority::none);
}

TEST_CASE("insights are only computed when asked for", "[insights]") {
    const Result r = score(dataset_from_json(R"({"metrics": {"nrr": {"value": 0.01}}})", "x.json"), {});
    CHECK_FALSE(r.insights);
}
