// The options of the WASM score() call (score_options_from_json): as_of, profile, insights and a
// shop override that lets the page change shop facts without reading the files again.
#include <catch2/catch.hpp>

#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;

namespace {

// 31 delivered FBT orders and one 1-star review (nrr 1/31). Opened 2026-01-01, as_of 2026-11-20:
// 323 days old, so the shop does not qualify for protection unless the override says so.
std::string dataset_json() {
    std::string orders;
    for (int i = 1; i <= 31; ++i) {
        if (i > 1) orders += ",";
        orders += R"({"id": "O)" + std::to_string(i) +
                  R"(", "created": "2026-11-02 09:00", "delivered": "2026-11-05 09:00", "fulfillment": "fbt"})";
    }
    return R"({"shop": {"as_of": "2026-11-20", "opened": "2026-01-01"}, "orders": [)" + orders +
           R"(], "reviews": [{"order_id": "O1", "sku": "S", "rating": 1, "created": "2026-11-06 09:00"}]})";
}

}  // namespace

TEST_CASE("options: empty text and {} mean the defaults", "[options]") {
    CHECK_FALSE(score_options_from_json("").as_of);
    const ScoreOptions o = score_options_from_json("{}");
    CHECK_FALSE(o.as_of);
    CHECK(o.profiles.empty());
    CHECK_FALSE(o.insights);
    CHECK_FALSE(o.shop);
}

TEST_CASE("options: a shop override replaces only the facts it gives", "[options]") {
    const Dataset d = dataset_from_json(dataset_json(), "d.json");
    const Result before = score(d, score_options_from_json("{}"));
    CHECK_FALSE(before.shop_qualifies);

    // Opened 2026-10-01: 50 days before as_of -> the shop qualifies for protection.
    // nrr: 1 negative of 31 delivered; adjusted (1 + 10*.012)/(31 + 10) = 1.12/41 = .027317 > worst
    // (.0227 + .0107/3 = .026267) -> raw 0; denominator 31 > 30, so even a young shop's nrr
    // stays unprotected in "all" mode; but the shop-level flag changes.
    const Result after = score(d, score_options_from_json(R"({"shop": {"opened": "2026-10-01", "reputation_points": 12000}})"));
    CHECK(after.shop_qualifies);
    REQUIRE(after.metrics[kNrr].raw_score);
    CHECK(*after.metrics[kNrr].raw_score == Approx(0));
    CHECK_FALSE(after.metrics[kNrr].is_protected);
    CHECK(after.as_of == before.as_of);  // as_of kept from the dataset
}

TEST_CASE("options: benefits follow the overridden shop facts", "[options]") {
    // Direct metrics at their 4-point benchmarks give sps 4.0 exactly (every score 4), official
    // with 500 delivered orders. Violations decide mega campaigns: 0 in the dataset (eligible),
    // 5 in the override (< 3 fails -> false).
    const Dataset d = dataset_from_json(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500, "violations_30d": 0},
      "metrics": {"nrr": {"value": 0.012}, "nbfr": {"value": 0.0176}, "otdr": {"value": 0.9516},
                  "sfcr": {"value": 0.0087}, "imd": {"value": 0.1701}, "aht": {"value": 26.5}}})", "d.json");
    auto mega = [](const Result& r) {
        for (const BenefitResult& b : r.benefits)
            if (b.id == "mega_campaigns") return b.eligible;
        FAIL("no mega_campaigns benefit");
        return std::optional<bool>();
    };
    CHECK(mega(score(d, score_options_from_json("{}"))) == std::optional<bool>(true));
    CHECK(mega(score(d, score_options_from_json(R"({"shop": {"violations_30d": 5}})"))) == std::optional<bool>(false));
}

TEST_CASE("options: as_of in the options wins over the dataset's", "[options]") {
    const Dataset d = dataset_from_json(dataset_json(), "d.json");
    // As of 2026-11-04 nothing is delivered yet: nrr has no data, the gate counts 0.
    const Result r = score(d, score_options_from_json(R"({"as_of": "2026-11-04"})"));
    CHECK(format_day(r.as_of) == "2026-11-04");
    CHECK(r.delivered_orders_90d == 0);
    CHECK(r.metrics[kNrr].no_data);
    CHECK(r.status == Status::not_enough_orders);
}

TEST_CASE("options: bad values name the field", "[options]") {
    CHECK_THROWS_WITH(score_options_from_json(R"({"shop": {"opened": "soon"}})"),
                      Catch::StartsWith("options: shop.opened: expected a date like 2026-11-20"));
    CHECK_THROWS_WITH(score_options_from_json(R"({"insights": "yes"})"),
                      Catch::StartsWith("options: insights: expected true or false"));
    CHECK_THROWS_AS(score_options_from_json("{"), InputError);
}

TEST_CASE("options: scenarios.aht_cap_hours is above 0 and at most 10000", "[options][boundary]") {
    // docs/insights.md "Scenarios": capping every request at 0 hours is no SOP; 0 is refused, the
    // smallest positive number is taken, and so is 10000 (not 10000.5).
    CHECK_THROWS_WITH(score_options_from_json(R"({"scenarios": {"aht_cap_hours": 0}})"),
                      Catch::Contains("scenarios.aht_cap_hours: expected a number of hours above 0"));
    CHECK(*score_options_from_json(R"({"scenarios": {"aht_cap_hours": 0.01}})").insight_options.scenarios.aht_cap_hours == 0.01);
    CHECK(*score_options_from_json(R"({"scenarios": {"aht_cap_hours": 10000}})").insight_options.scenarios.aht_cap_hours == 10000);
    CHECK_THROWS_AS(score_options_from_json(R"({"scenarios": {"aht_cap_hours": 10000.5}})"), InputError);
}
