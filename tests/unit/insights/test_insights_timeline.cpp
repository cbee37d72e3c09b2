// Forecast, trend and why it moved (docs/rules.md §28-§30) on a shop whose numbers are worked by hand:
// two orders delivered every day from 2026-09-02 to 2026-11-30, all FBT (so only the product
// dimension has data: nrr and nbfr, equal weights), no returns, and three 1-star reviews on
// orders delivered 2026-10-05, 10-10 and 10-15. A 60-day window as of D holds D-59 .. D, so
// those reviews leave it on 12-04, 12-09 and 12-14.
#include <catch2/catch.hpp>
#include <string>

#include "rules_support.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;

namespace {

// fbt = false: the same orders fulfilled by the seller, each due (deliver_by) on its delivered
// day, so otdr and sfcr (30-day windows) have data too.
std::string shop(bool fbt = true) {
    std::string orders;
    for (Day d = *parse_day("2026-09-02"); d <= *parse_day("2026-11-30"); ++d)
        for (int i = 0; i < 2; ++i) {
            if (!orders.empty()) orders += ",";
            const std::string id = format_day(d) + "-" + std::to_string(i);
            orders += R"({"id": ")" + id + R"(", "created": ")" + format_day(d - 2) + R"( 10:00", "delivered": ")" +
                      format_day(d) + R"( 12:00", )" +
                      (fbt ? R"("fulfillment": "fbt"})" : R"("deliver_by": ")" + format_day(d) + R"("})");
        }
    std::string reviews;
    for (const char* day : {"2026-10-05", "2026-10-10", "2026-10-15"}) {
        if (!reviews.empty()) reviews += ",";
        reviews += R"({"order_id": ")" + std::string(day) + R"(-0", "rating": 1, "created": ")" + day + R"( 18:00"})";
    }
    return R"({"orders": [)" + orders + R"(], "reviews": [)" + reviews + "]}";
}

Result run(ScoreOptions options, bool fbt = true) {
    options.insights = true;
    return score(dataset_from_json(rules_test::every_export(shop(fbt)), "timeline.json"), options);
}

std::optional<double> clean_on(const Result& r, const char* day) {
    for (const ForecastDay& f : r.insights->forecast)
        if (f.day == *parse_day(day)) return f.clean;
    FAIL("day not in the forecast");
    throw;
}

}  // namespace

TEST_CASE("forecast: the score steps up exactly when old negative reviews leave the window", "[insights][forecast]") {
    // clean keeps 2 deliveries a day, so nrr and nbfr keep 120 orders; k = 10 adds 10 to each.
    // nbfr 0: adjusted 10*.0176/130 = .0013538 -> 5 - .0013538/.0176 = 4.923077.
    // nrr 3 bad: 3.12/130 = .024 (past poor .0227; worst .0262667) -> 1 - .0013/.0035667 = 0.635514
    // nrr 2 bad: 2.12/130 = .0163077 -> 4 - 3*(.0043077/.0107) = 2.792236
    // nrr 1 bad: 1.12/130 = .0086154 -> 5 - .0086154/.012 = 4.282051
    // nrr 0 bad: .12/130 = .00092308 -> 5 - .076923 = 4.923077
    // sps = (nrr + nbfr) / 2.
    const Result r = run({});
    REQUIRE(r.as_of == *parse_day("2026-11-30"));
    CHECK(*r.sps == Approx((0.635514 + 4.923077) / 2).epsilon(1e-5));
    REQUIRE(r.insights->forecast.size() == 60);
    CHECK(r.insights->forecast.front().day == *parse_day("2026-12-01"));
    CHECK(*clean_on(r, "2026-12-03") == Approx(*r.sps).epsilon(1e-12));
    CHECK(*clean_on(r, "2026-12-04") == Approx((2.792236 + 4.923077) / 2).epsilon(1e-5));
    CHECK(*clean_on(r, "2026-12-08") == Approx(*clean_on(r, "2026-12-04")).epsilon(1e-12));
    CHECK(*clean_on(r, "2026-12-09") == Approx((4.282051 + 4.923077) / 2).epsilon(1e-5));
    CHECK(*clean_on(r, "2026-12-13") == Approx(*clean_on(r, "2026-12-09")).epsilon(1e-12));
    CHECK(*clean_on(r, "2026-12-14") == Approx(4.923077).epsilon(1e-5));
    // No negative review in the last 30 days: steady is clean here.
    for (const ForecastDay& f : r.insights->forecast) CHECK(*f.steady == Approx(*f.clean).epsilon(1e-12));
    // Thresholds: 2.5 is held today (2.7793) and never lost; 3.5 is first reached on 12-04
    // (3.8577), 4.0 on 12-09 (4.6026).
    REQUIRE(r.insights->crossings.size() == 3);
    CHECK_FALSE(r.insights->crossings[0].reached[0]);
    CHECK_FALSE(r.insights->crossings[0].lost[0]);
    CHECK(*r.insights->crossings[1].reached[0] == *parse_day("2026-12-04"));
    CHECK(*r.insights->crossings[2].reached[0] == *parse_day("2026-12-09"));
    CHECK_FALSE(r.insights->crossings[2].lost[0]);
}

TEST_CASE("trend: one score per day the data covers, the last one today's", "[insights][trend]") {
    const Result r = run({});
    // The data starts on 2026-09-02 = as_of - 89: all 90 days.
    REQUIRE(r.insights->trend.size() == 90);
    CHECK(r.insights->trend.front().day == *parse_day("2026-09-02"));
    CHECK(*r.insights->trend.back().sps == *r.sps);
    // As of 2026-10-04: nrr window 08-06 .. 10-04 holds 33 days x 2 = 66 orders, no bad review yet
    // (the first is on an order delivered 10-05): adjusted .12/76 -> 5 - .0015789/.012 = 4.868421.
    const DayScore& d = r.insights->trend[32];
    REQUIRE(d.day == *parse_day("2026-10-04"));
    CHECK(*d.values[kNrr] == 0);
    CHECK(*d.scores[kNrr] == Approx(4.868421).epsilon(1e-6));
    CHECK(d.scored);  // 66 delivered in 90 days
}

TEST_CASE("why it moved: contributions sum to the change; inside nrr, records that left", "[insights][moved]") {
    // as_of 12-09 (no orders after 11-30), compared with 12-03.
    // 12-03: nrr window 10-05 .. 12-03 = 57 days x 2 = 114 orders, 3 bad: adjusted 3.12/124 = .0251613
    //   -> 1 - (.0251613 - .0227)/.0035667 = 0.309946; nbfr .176/124 = .0014194 -> 4.919355.
    // 12-09: window 10-11 .. 12-09 = 51 x 2 = 102 orders, 1 bad (10-15): 1.12/112 = .01 -> 4.166667;
    //   nbfr .176/112 = .0015714 -> 4.910714.
    // Shares .5 each: change = .5*(4.166667+4.910714) - .5*(.309946+4.919355) = 1.924040.
    ScoreOptions options;
    options.as_of = *parse_day("2026-12-09");
    options.insight_options.moved_from = *parse_day("2026-12-03");
    const Result r = run(options);
    REQUIRE(r.insights->moved);
    const WhyMoved& w = *r.insights->moved;
    CHECK(w.change == Approx(1.924040).epsilon(1e-5));
    double sum = 0;
    for (const MetricMove& m : w.metrics) sum += m.contribution;
    CHECK(sum == Approx(w.change).margin(1e-12));
    const MetricMove& nrr = w.metrics[kNrr];
    CHECK(nrr.contribution == Approx(0.5 * (4.166667 - 0.309946)).epsilon(1e-5));
    CHECK(w.metrics[kNbfr].contribution == Approx(0.5 * (4.910714 - 4.919355)).epsilon(1e-4));
    CHECK(w.metrics[kOtdr].contribution == 0);
    // Left: 10-05 .. 10-10 = 12 orders, 2 bad; entered 12-04 .. 12-09: nothing.
    CHECK(nrr.left.denominator == 12);
    CHECK(nrr.left.numerator == 2);
    CHECK(nrr.entered.denominator == 0);
    // Value 3/114 -> (3-2)/(114-12) = 1/102 by records leaving; entering adds nothing.
    CHECK(*nrr.left_effect == Approx(1.0 / 102 - 3.0 / 114));
    CHECK(*nrr.entered_effect == Approx(0).margin(1e-15));
    // The volume prior's part: (.01 - 1/102) - (3.12/124 - 3/114).
    CHECK(*nrr.adjustment_effect == Approx((0.01 - 1.0 / 102) - (3.12 / 124 - 3.0 / 114)));
}

TEST_CASE("why it moved: a day outside the look-back is bad input", "[insights][moved]") {
    ScoreOptions options;
    options.insight_options.moved_from = *parse_day("2026-01-01");
    CHECK_THROWS_WITH(run(options), Catch::Contains("moved_from: expected a date from 2026-09-02 to 2026-11-30"));
}

TEST_CASE("trend: a day is scored with what was known on it, as score --as-of that day", "[insights][trend]") {
    // Issue 17. The shop above plus a 1-star review written on 2026-11-20 of an order delivered
    // 2026-11-10. As of 11-19 Seller Center did not know it: the nrr window 09-21 .. 11-19 holds
    // 60 days x 2 = 120 orders and the three early bad reviews, 3/120 = .025; from 11-20 on it
    // counts on its order's delivered day: 4/120 on 11-20 (window 09-22 .. 11-20).
    std::string json = shop();
    json.insert(json.size() - 2, R"(, {"order_id": "2026-11-10-0", "rating": 1, "created": "2026-11-20 09:00"})");
    const Dataset data = dataset_from_json(json, "timeline.json");
    ScoreOptions options;
    options.insights = true;
    const Result r = score(data, options);
    REQUIRE(r.insights->trend.size() == 90);
    auto on = [&](const char* day) -> const DayScore& {
        for (const DayScore& d : r.insights->trend)
            if (d.day == *parse_day(day)) return d;
        FAIL("day not in the trend");
        throw;
    };
    CHECK(*on("2026-11-19").values[kNrr] == 3.0 / 120);
    CHECK(*on("2026-11-20").values[kNrr] == 4.0 / 120);
    // Every day equals a score as of it, number for number.
    for (const DayScore& d : r.insights->trend) {
        INFO(format_day(d.day));
        ScoreOptions then;
        then.as_of = d.day;
        const Result s = score(data, then);
        CHECK(d.sps == s.sps);
        CHECK(d.scored == (s.status != Status::not_enough_orders));
        for (size_t m = 0; m < kMetricCount; ++m) {
            CHECK(d.values[m] == s.metrics[m].value);
            CHECK(d.scores[m] == s.metrics[m].score);
        }
    }
}

TEST_CASE("trend: a day is scored with the profile of its own main category", "[insights][trend]") {
    // The shop above with categories: orders delivered 09-02 .. 09-30 are Toys (29 days x 2 =
    // 58), later ones Home. As of D the 90 days hold 58 Toys and 2 x (D - 09-30) Home: on 10-28
    // 56 Home, so Toys is the main category; on 10-29 58 each, and a tie goes to the first name,
    // Home. Toys' profile weighs nrr 3 : nbfr 1, Home's 1 : 1 (only the product dimension has data).
    // 10-28: 114 orders in the 60-day windows. nrr 3 bad: 3.12/124 = .0251613, past poor .0227 ->
    //   1 - .0024613/.0035667 = .309915; nbfr 0: .176/124 = .0014194 -> 5 - .0014194/.0176 = 4.919355;
    //   Toys: (3 x .309915 + 4.919355) / 4 = 1.462275.
    // 10-29: 116 orders. nrr 3.12/126 = .0247619 -> .421904; nbfr .176/126 -> 4.920635;
    //   Home: (.421904 + 4.920635) / 2 = 2.671270.
    nlohmann::ordered_json root = nlohmann::ordered_json::parse(rules_test::every_export(shop()));
    for (auto& o : root["orders"]) o["category"] = o["delivered"].get<std::string>() < "2026-10-01" ? "Toys" : "Home";
    const Dataset data = dataset_from_json(root.dump(), "categories.json");
    ScoreOptions options;
    options.profiles = profiles_from_json(R"([{"id": "toys", "categories": ["Toys"], "metric_weights": {"nrr": 3, "nbfr": 1}},
                                              {"id": "home", "categories": ["Home"]}])", "profiles.json");
    options.insights = true;
    const Result r = score(data, options);
    REQUIRE(r.profile_id == "home");
    auto on = [&](const char* day) -> const DayScore& {
        for (const DayScore& d : r.insights->trend)
            if (d.day == *parse_day(day)) return d;
        FAIL("day not in the trend");
        throw;
    };
    CHECK(*on("2026-10-28").sps == Approx(1.462275).epsilon(1e-5));
    CHECK(*on("2026-10-29").sps == Approx(2.671270).epsilon(1e-5));
    for (const char* day : {"2026-10-28", "2026-10-29", "2026-11-30"}) {
        ScoreOptions then = options;
        then.insights = false;
        then.as_of = *parse_day(day);
        const Result s = score(data, then);
        INFO(day << " scored with " << s.profile_id);
        CHECK(on(day).sps == s.sps);
    }
    // Why it moved between the two days splits the change with each day's own weights.
    ScoreOptions moved = options;
    moved.insight_options.moved_from = *parse_day("2026-10-28");
    moved.insight_options.moved_to = *parse_day("2026-10-29");
    const WhyMoved w = *score(data, moved).insights->moved;
    double sum = 0;
    for (const MetricMove& m : w.metrics) sum += m.contribution;
    CHECK(sum == Approx(2.671270 - 1.462275).epsilon(1e-5));
    CHECK(w.metrics[kNrr].from_share == Approx(0.75));
    CHECK(w.metrics[kNrr].to_share == Approx(0.5));
}

TEST_CASE("forecast: each window takes at most its own length of future days", "[insights][forecast][boundary]") {
    // The seller-fulfilled shop (all on time, none cancelled, no chats or requests: the service
    // dimension has no data, so SPS = (.24 product + .52 fulfillment) / .76). Clean per day, from
    // the last 30 days (11-01 .. 11-30): nrr/nbfr 60 deliveries / 30 = 2; otdr 60 due / 30 = 2, all on
    // time; sfcr: created 11-01 .. 11-28 (created = delivered - 2) = 56 / 30 a day.
    // 2027-01-14 = as_of + 45. nrr/nbfr (60 days: 11-16 .. 01-14): 15 counted days x 2 = 30 + 45
    //   future days x 2 = 120, none bad: .12/130 -> 5 - 1/13 = 4.923077 (nbfr .176/130 the same).
    //   otdr/sfcr (30 days: 12-16 .. 01-14): no counted day, and 30 future days, not 45:
    //   otdr 60 of 60 on time: (60 + 9.516)/70 -> 5 - (.484/70)/.0484 = 5 - 1/7 = 4.857143;
    //   sfcr 0 of 56: .087/66 -> 5 - 10/66 = 4.848485. Fulfillment (4.857143 + 4.848485)/2 = 4.852814.
    //   SPS = (.24 x 4.923077 + .52 x 4.852814) / .76 = 4.875002.
    //   (45 future days for otdr/sfcr would give 90 and 84 orders: 4.9, 4.893617 -> SPS 4.905104;
    //   29 would give 4.872056.)
    // 2027-01-29 = as_of + 60: nrr/nbfr take exactly 60 future days (120 orders, as above) and
    //   otdr/sfcr 30: the same SPS 4.875002 (59 days for nrr: 118 orders -> 4.921875, SPS 4.871677).
    const Result r = run({}, false);
    CHECK(*clean_on(r, "2027-01-14") == Approx(4.875002).epsilon(1e-6));
    CHECK(*clean_on(r, "2027-01-29") == Approx(4.875002).epsilon(1e-6));
    CHECK(r.insights->forecast.back().day == *parse_day("2027-01-29"));
}

TEST_CASE("trend: exactly 30 delivered orders pass the 30-order gate", "[insights][trend][boundary]") {
    // Two deliveries a day from 09-02: as of 09-16 the 90 days hold 15 x 2 = 30 (scored), as of
    // 09-15 28 (not scored).
    const Result r = run({});
    REQUIRE(r.insights->trend.size() == 90);
    const DayScore &before = r.insights->trend[13], &at = r.insights->trend[14];
    REQUIRE(before.day == *parse_day("2026-09-15"));
    REQUIRE(at.day == *parse_day("2026-09-16"));
    CHECK_FALSE(before.scored);
    CHECK(at.scored);
}

namespace {

// A shop of FBT orders (only nrr and nbfr have data, none bad), as of 2026-11-30: `recent`
// delivered on 11-10 (in the last 30 days) and `old` on 10-01 (as_of - 60, inside the 90 days
// until 12-29 but outside the 60-day windows); `first` on 09-02 (as_of - 89, the first of the 90
// days: it leaves them the day after as_of).
Result gate_shop(int recent, int old, int first = 0) {
    std::string orders;
    for (int i = 0; i < recent + old + first; ++i)
        orders += std::string(i ? "," : "") + R"({"id": "G)" + std::to_string(i) + R"(", "created": ")" +
                  (i < recent ? "2026-11-08" : i < recent + old ? "2026-09-29" : "2026-08-31") + R"( 10:00", "delivered": ")" +
                  (i < recent ? "2026-11-10" : i < recent + old ? "2026-10-01" : "2026-09-02") + R"( 12:00", "fulfillment": "fbt"})";
    ScoreOptions options;
    options.insights = true;
    return score(dataset_from_json(rules_test::every_export(R"({"shop": {"as_of": "2026-11-30"}, "orders": [)" + orders + "]}"),
                                   "gate.json"),
                 options);
}

}  // namespace

TEST_CASE("forecast: a fractional delivered count is rounded half up for the 30-order gate", "[insights][forecast][boundary]") {
    // docs/insights.md "Forecast": a future day's delivered orders = those counted in its 90 days
    // + the last 30 days' deliveries / 30 per future day, rounded half up to whole orders.
    // 15 recent + 14 old = 29 today (not scored). 12-01: 29 + 15/30 = 29.5 -> 30: scored.
    //   nrr (10-03 .. 12-01): 15 + .5 = 15.5 orders, none bad: .12/25.5 -> 5 - 10/25.5 = 4.607843;
    //   nbfr .176/25.5 -> the same. SPS 4.607843, clean and steady alike (no defects).
    const Result half = gate_shop(15, 14);
    CHECK(half.status == Status::not_enough_orders);
    const ForecastDay& first = half.insights->forecast.front();
    REQUIRE(first.day == *parse_day("2026-12-01"));
    REQUIRE(first.clean);
    CHECK(*first.clean == Approx(4.607843).epsilon(1e-6));
    REQUIRE(first.steady);
    CHECK(*first.steady == Approx(4.607843).epsilon(1e-6));
    // 14 recent + 15 old: 12-01: 29 + 14/30 = 29.467 -> 29: not scored; 12-02: 29.933 -> 30:
    //   nrr 14 + 28/30 = 14.933 orders: 5 - 10/24.933 = 4.598930.
    const Result below = gate_shop(14, 15);
    CHECK_FALSE(below.insights->forecast[0].clean);
    CHECK_FALSE(below.insights->forecast[0].steady);
    REQUIRE(below.insights->forecast[1].clean);
    CHECK(*below.insights->forecast[1].clean == Approx(4.598930).epsilon(1e-6));
}

TEST_CASE("trend: a past day's 30-order gate counts the 90 days ending that day", "[insights][trend][boundary]") {
    // One FBT order delivered 09-01 and 29 delivered 11-10, as of 11-30. As of 11-29 the 90 days
    // are 09-01 .. 11-29: 1 + 29 = 30, scored. As of 11-30 they are 09-02 .. 11-30: 29, not
    // scored, as score --as-of 11-30 says (91 days would still hold the 09-01 order).
    std::string orders = R"({"id": "E", "created": "2026-08-30 10:00", "delivered": "2026-09-01 12:00", "fulfillment": "fbt"})";
    for (int i = 0; i < 29; ++i)
        orders += R"(, {"id": "N)" + std::to_string(i) + R"(", "created": "2026-11-08 10:00", "delivered": "2026-11-10 12:00", "fulfillment": "fbt"})";
    ScoreOptions options;
    options.insights = true;
    const Result r = score(dataset_from_json(rules_test::every_export(R"({"shop": {"as_of": "2026-11-30"}, "orders": [)" + orders + "]}"),
                                             "gate90.json"),
                           options);
    CHECK(r.status == Status::not_enough_orders);
    REQUIRE(r.insights->trend.size() >= 2);
    const DayScore &before = r.insights->trend[r.insights->trend.size() - 2], &today = r.insights->trend.back();
    REQUIRE(before.day == *parse_day("2026-11-29"));
    CHECK(before.scored);
    CHECK_FALSE(today.scored);
}

TEST_CASE("forecast: a future day's gate counts only the deliveries still in its 90 days", "[insights][forecast][boundary]") {
    // gate_shop(14, 15) plus one order delivered 09-02: 30 today (09-02 .. 11-30), scored. On
    // 12-01 the 90 days are 09-03 .. 12-01: the 09-02 order has left, 29 + 14/30 = 29.467 -> 29,
    // not scored (with it: 30.467 -> 30).
    const Result r = gate_shop(14, 15, 1);
    CHECK(r.status == Status::scored);
    REQUIRE(r.insights->forecast[0].day == *parse_day("2026-12-01"));
    CHECK_FALSE(r.insights->forecast[0].clean);
    CHECK_FALSE(r.insights->forecast[0].steady);
}

TEST_CASE("trend: no day before the shop opened (score --as-of such a day is bad input)", "[insights][trend]") {
    // The shop above opened 2026-11-01: the trend runs 11-01 .. 11-30 (30 days), not 90; a
    // moved_from of 10-31 is outside it, 11-01 inside.
    nlohmann::ordered_json root = nlohmann::ordered_json::parse(rules_test::every_export(shop()));
    root["shop"] = {{"opened", "2026-11-01"}};
    const Dataset data = dataset_from_json(root.dump(), "opened.json");
    ScoreOptions options;
    options.insights = true;
    const Result r = score(data, options);
    REQUIRE(r.insights->trend.size() == 30);
    CHECK(r.insights->trend.front().day == *parse_day("2026-11-01"));
    options.insight_options.moved_from = *parse_day("2026-10-31");
    CHECK_THROWS_WITH(score(data, options), Catch::Contains("moved_from: expected a date from 2026-11-01 to 2026-11-30"));
    options.insight_options.moved_from = *parse_day("2026-11-01");
    CHECK(score(data, options).insights->moved->from == *parse_day("2026-11-01"));
}

TEST_CASE("trend: a seller-fault cancellation and return count from the day they happened", "[insights][trend][boundary]") {
    // The seller-fulfilled shop above (two orders delivered a day, created two days before), plus
    //   X  created 2026-11-20 10:00, cancelled by the seller 2026-11-25 10:00 ("Out of stock");
    //   a "Damaged" refund of 2026-11-10-1 (delivered 11-10) requested 2026-11-22 10:00.
    // sfcr (30 days by creation): on 11-24 the window 10-26 .. 11-24 holds 30 x 2 + X = 61 orders
    // and X is not cancelled yet: 0/61; on 11-25 (10-27 .. 11-25) 1/61.
    // nbfr (60 days by delivery): on 11-21 (09-23 .. 11-21, 120 orders) nothing was requested
    // yet: 0/120; on 11-22, 1/120. Each day also equals score --as-of that day.
    std::string json = shop(false);
    json.insert(json.find(R"(], "reviews")"), R"(, {"id": "X", "created": "2026-11-20 10:00", "cancelled": "2026-11-25 10:00",
        "cancel_by": "seller", "cancel_reason": "Out of stock"})");
    json.insert(json.size() - 1, R"(, "after_sales": [{"order_id": "2026-11-10-1", "type": "refund", "reason": "Damaged",
        "requested": "2026-11-22 10:00"}])");
    const Dataset data = dataset_from_json(rules_test::every_export(json), "timeline.json");
    ScoreOptions options;
    options.insights = true;
    const Result r = score(data, options);
    auto on = [&](const char* day) -> const DayScore& {
        for (const DayScore& d : r.insights->trend)
            if (d.day == *parse_day(day)) return d;
        FAIL("day not in the trend");
        throw;
    };
    CHECK(*on("2026-11-24").values[kSfcr] == 0.0);
    CHECK(*on("2026-11-25").values[kSfcr] == 1.0 / 61);
    CHECK(*on("2026-11-21").values[kNbfr] == 0.0);
    CHECK(*on("2026-11-22").values[kNbfr] == 1.0 / 120);
    for (const char* day : {"2026-11-21", "2026-11-22", "2026-11-24", "2026-11-25"}) {
        INFO(day);
        ScoreOptions then;
        then.as_of = parse_day(day);
        const Result s = score(data, then);
        CHECK(on(day).values[kSfcr] == s.metrics[kSfcr].value);
        CHECK(on(day).values[kNbfr] == s.metrics[kNbfr].value);
    }
}
