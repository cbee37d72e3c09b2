// Goal seek (docs/rules.md §27) with hand-worked limits. Metrics are given directly with their counts, so
// the volume prior (k = 10) applies but the numbers stay easy to follow; no shop.opened, so no
// protection. The other metrics sit exactly on their 4-point benchmark.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;

namespace {

const char* kOthersAtFour = R"("nbfr": {"value": 0.0176}, "sfcr": {"value": 0.0087}, "aht": {"value": 26.5})";

std::string dataset(const std::string& nrr, const std::string& otdr, const std::string& imd = R"({"value": 0.1701})") {
    return R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500}, "metrics": {"nrr": )" + nrr +
           R"(, "otdr": )" + otdr + R"(, "imd": )" + imd + ", " + kOthersAtFour + "}}";
}

Result run(const std::string& json) {
    ScoreOptions options;
    options.insights = true;
    return score(dataset_from_json(json, "goal.json"), options);
}

const GoalSeekMetric& seek(const Result& r, double target, MetricId m) {
    for (const GoalSeekTarget& t : r.insights->goal_seek)
        if (t.target == target)
            for (const GoalSeekMetric& g : t.metrics)
                if (g.metric == m) return g;
    FAIL("no goal seek entry");
    throw;
}

std::string counts(double n, double d) {
    return R"({"value": )" + std::to_string(n / d) + R"(, "numerator": )" + std::to_string(n) +
           R"(, "denominator": )" + std::to_string(d) + "}";
}

}  // namespace

TEST_CASE("goal seek: most negative-review orders that still reach 4.0", "[insights][goal]") {
    // nrr 20 of 990: adjusted (n + 10*0.012) / (990 + 10) <= 0.012 scores >= 4, so n <= 11.88:
    // at most 11. With every other metric at 4, the SPS reaches 4.0 exactly when nrr does.
    const Result r = run(dataset(counts(20, 990), R"({"value": 0.9516})"));
    const GoalSeekMetric& g = seek(r, 4.0, kNrr);
    REQUIRE(g.reachable);
    CHECK(*g.limit == 11);
    CHECK(*g.denominator == 990);
    CHECK(*g.current == 20);
    CHECK(*g.value == Approx(11.0 / 990));
    // Or keep the 20 and add clean deliveries: 20.12 / (1000 + y) <= 0.012 -> y >= 676.67 -> 677.
    CHECK(*g.more_clean == 677);
    // Recompute the score at the count and at one more.
    CHECK(*run(dataset(counts(11, 990), R"({"value": 0.9516})")).sps >= 4.0);
    CHECK(*run(dataset(counts(12, 990), R"({"value": 0.9516})")).sps < 4.0);
    CHECK(*run(dataset(counts(20, 1667), R"({"value": 0.9516})")).sps >= 4.0);
    CHECK(*run(dataset(counts(20, 1666), R"({"value": 0.9516})")).sps < 4.0);
    // 3.5: sps = .24*(s+4)/2 + .52*4 + .24*4 = 3.52 + .12 s >= 3.5 for any s >= 0: every order may be bad.
    CHECK(*seek(r, 3.5, kNrr).limit == 990);
}

TEST_CASE("goal seek: fewest on-time deliveries for otdr", "[insights][goal]") {
    // otdr n on time of 990: (n + 10*0.9516) / 1000 >= 0.9516 -> n >= 942.084 -> 943 (47 late).
    const Result r = run(dataset(R"({"value": 0.012})", counts(900, 990)));
    const GoalSeekMetric& g = seek(r, 4.0, kOtdr);
    REQUIRE(g.reachable);
    CHECK(*g.limit == 943);
    CHECK(*g.current == 900);
    CHECK(*run(dataset(R"({"value": 0.012})", counts(943, 990))).sps >= 4.0);
    CHECK(*run(dataset(R"({"value": 0.012})", counts(942, 990))).sps < 4.0);
    // Or more on-time deliveries: (909.516 + y) / (1000 + y) >= .9516 -> .0484 y >= 42.084
    // -> y >= 869.5 -> 870.
    CHECK(*g.more_clean == 870);
}

TEST_CASE("goal seek: longest AHT, and an unreachable target", "[insights][goal]") {
    // imd at poor (score 1): sps = .24*4 + .52*4 + .24*(1+s)/2 = 3.16 + .12 s; 3.5 needs
    // aht score s >= 2.8333 -> adjusted <= 26.5 + 23.6*(1.16667/3) = 35.6778 h.
    // 90 requests: (90 h + 10*26.5) / 100 <= 35.6778 -> h <= 36.6975 -> 36.6 h (tenths).
    const std::string json = R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500}, "metrics": {
      "nrr": {"value": 0.012}, "nbfr": {"value": 0.0176}, "otdr": {"value": 0.9516}, "sfcr": {"value": 0.0087},
      "imd": {"value": 0.3218}, "aht": {"value": 40, "numerator": 3600, "denominator": 90}}})";
    const Result r = run(json);
    const GoalSeekMetric& g = seek(r, 3.5, kAht);
    REQUIRE(g.reachable);
    CHECK(*g.value == Approx(36.6));
    CHECK(*g.current == 40);
    // 4.0 needs service 4: (1 + s)/2 = 4 -> s = 7, above the curve's 5: unreachable by aht alone.
    CHECK_FALSE(seek(r, 4.0, kAht).reachable);
    // The plan for 4.0 may move several metrics; imd and aht have no order counts here, so no plan.
    for (const GoalSeekTarget& t : r.insights->goal_seek)
        if (t.target == 4.0) CHECK_FALSE(t.plan_reachable);
}

TEST_CASE("goal seek: user targets and the combined plan", "[insights][goal]") {
    // nrr 20/990 (adjusted .02012 -> 4 - 3*(.02012-.012)/.0107 = 1.7234) and otdr 900/990
    // (adjusted .9095 -> 1 + 3*(.9095-.9084)/.0432 = 1.0781). Each order cut is worth:
    // nrr per order: 3/.0107/1000 * .12 = 0.0336 SPS; otdr per order: 3/.0432/1000 * .26 = 0.0181.
    // So the plan cuts nrr first, down to 11 (nrr 4 -> SPS gain .12*(4-1.7234) = .2732 over 9 orders),
    // then continues where the gain per order is largest.
    ScoreOptions options;
    options.insights = true;
    options.insight_options.targets = {3.8, 3.5};
    const Result r = score(dataset_from_json(dataset(counts(20, 990), counts(900, 990)), "g.json"), options);
    REQUIRE(r.insights->goal_seek.size() == 4);  // 2.5, 3.5, 3.8, 4.0 (3.5 once)
    CHECK(r.insights->goal_seek[2].target == 3.8);
    for (const GoalSeekTarget& t : r.insights->goal_seek) {
        REQUIRE(t.plan_reachable);
        CHECK(*t.plan_sps >= t.target);
        double orders = 0;
        for (const PlanStep& s : t.plan) orders += s.fewer;
        CHECK(orders == t.plan_orders);
    }
    const GoalSeekTarget& four = r.insights->goal_seek[3];
    REQUIRE(four.plan.size() == 2);
    CHECK(four.plan[0].metric == kNrr);
    CHECK(four.plan[1].metric == kOtdr);
    // The plan reaches 4.0 with both metrics at their limits: 9 fewer bad reviews (20 -> 11) and 43
    // fewer late orders (90 -> 47) is one way (52 orders); greedy cannot need more than that.
    CHECK(four.plan_orders <= 52);
}

TEST_CASE("goal seek: the combined plan is the cheapest, where greedy is not", "[insights][goal][plan]") {
    // Everything but nrr and otdr at its 4-point benchmark, so for 4.0 the plan needs
    // .12 (s_nrr - 4) + .26 (s_otdr - 4) >= 0.
    // nrr 60 of 990: adjusted (60 + .12) / 1000 = .06012, past the curve's zero point
    // (.0227 + .0107/3 = .026267): score 0 until n <= 26 (34 cuts), then .0336 SPS per order.
    // otdr 900 of 990 on time: score 1.0775, .0181 SPS per order up to good, .0054 beyond.
    // Greedy's cheapest first step is one otdr order (.0181 per order against nrr's
    // .12 * .0412 / 34 = .00015 per order over its plateau), and otdr stays ahead until all 90 late
    // orders are gone (score 4.99, +.2574): then nrr needs s >= 1.855, adjusted <= .019650,
    // n <= 19: 41 cuts. Greedy: 131 orders.
    // Cheapest: nrr down to good and otdr just short of it. nrr 11 (4.0733, +.0088) needs otdr
    // adjusted >= .9084 + 2.96615/3 * .0432 = .951113 -> 942 on time: 49 + 42 = 91; nrr 12
    // (3.96636, -.0040) needs otdr >= .952352 -> 943: 48 + 43 = 91; nrr 10 or 13 cost 92 and 97.
    const std::string others = R"("nbfr": {"value": 0.0176}, "sfcr": {"value": 0.0087}, "imd": {"value": 0.1701}, "aht": {"value": 26.5})";
    auto shop = [&](double nrr_bad, double otdr_on_time) {
        return R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500}, "metrics": {"nrr": )" + counts(nrr_bad, 990) +
               R"(, "otdr": )" + counts(otdr_on_time, 990) + ", " + others + "}}";
    };
    const Result r = run(shop(60, 900));
    const GoalSeekTarget* four = nullptr;
    for (const GoalSeekTarget& t : r.insights->goal_seek)
        if (t.target == 4.0) four = &t;
    REQUIRE(four);
    REQUIRE(four->plan_reachable);
    CHECK(four->plan_orders == 91);
    CHECK(*four->plan_sps >= 4.0);
    double nrr_cut = 0, otdr_cut = 0;
    for (const PlanStep& s : four->plan) (s.metric == kNrr ? nrr_cut : otdr_cut) += s.fewer;
    CHECK(nrr_cut + otdr_cut == 91);
    // The plan's own counts reach 4.0, re-scored from scratch.
    CHECK(*run(shop(60 - nrr_cut, 900 + otdr_cut)).sps >= 4.0);
    // And no split of 90 orders does (every one re-scored from scratch).
    for (double a = 0; a <= 60; ++a) CHECK(*run(shop(60 - a, 900 + (90 - a))).sps < 4.0);
}

TEST_CASE("goal seek: the plan equals a brute-force search over every split", "[insights][goal][plan][heavy]") {
    // Small random shops (nrr, otdr, sfcr with counts; half of them new enough for small-seller
    // protection): every combination of cuts is scored from scratch, and for each target the
    // fewest orders that reach it must be the plan's.
    std::mt19937 rng(12);
    auto pick = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
    for (int shop = 0; shop < 8; ++shop) {
        const int nrr_den = pick(20, 400), otdr_den = pick(20, 400), sfcr_den = pick(20, 400);
        const int nrr_bad = pick(1, 10), otdr_late = pick(1, 10), sfcr_bad = pick(1, 10);
        const bool young = shop % 2 == 1;
        auto json = [&](int a, int b, int c) {
            return std::string(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500)") +
                   (young ? R"(, "opened": "2026-10-01")" : "") + R"(}, "metrics": {"nrr": )" + counts(nrr_bad - a, nrr_den) +
                   R"(, "otdr": )" + counts(otdr_den - otdr_late + b, otdr_den) + R"(, "sfcr": )" + counts(sfcr_bad - c, sfcr_den) +
                   R"(, "nbfr": {"value": 0.03}, "imd": {"value": 0.25}, "aht": {"value": 40}}})";
        };
        INFO("shop " << shop << ": " << json(0, 0, 0));
        std::vector<std::pair<double, int>> splits;  // (SPS, orders) of every split
        for (int a = 0; a <= nrr_bad; ++a)
            for (int b = 0; b <= otdr_late; ++b)
                for (int c = 0; c <= sfcr_bad; ++c) splits.push_back({*score(dataset_from_json(json(a, b, c), "b.json"), {}).sps, a + b + c});
        const Result r = run(json(0, 0, 0));
        for (const GoalSeekTarget& t : r.insights->goal_seek) {
            if (t.reached_today) continue;
            int fewest = -1;
            for (const auto& [sps, orders] : splits)
                if (sps >= t.target && (fewest < 0 || orders < fewest)) fewest = orders;
            INFO("target " << t.target);
            CHECK(t.plan_reachable == (fewest >= 0));
            if (fewest >= 0) CHECK(t.plan_orders == fewest);
        }
    }
}
