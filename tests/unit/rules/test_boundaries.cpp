// Boundary tests that a mutation run (issue 9) showed missing: each pins one rule exactly at its
// edge, where an off-by-one (< vs <=, > vs >=, the 4th vs the last Monday) changes the answer.
// Every expected value is worked out by hand in the comment next to it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "rules_support.h"
#include "scoring_internal.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"
#include "shopscore/us_calendar.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace rules_test;

namespace {

Day D(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

bool has_warning(const Result& r, const std::string& code) {
    for (const Warning& w : r.warnings)
        if (w.code == code) return true;
    return false;
}

const Warning* warning(const Result& r, const std::string& code) {
    for (const Warning& w : r.warnings)
        if (w.code == code) return &w;
    return nullptr;
}

Result run_insights(const std::string& json, const std::string& profile_json) {
    ScoreOptions o;
    o.insights = true;
    o.profiles = profiles_from_json(profile_json, "profile.json");
    return score(dataset_from_json(json, "dataset.json"), o);
}

const MetricPriority& priority_of(const Result& r, MetricId m) {
    for (const MetricPriority& p : r.insights->priorities)
        if (p.metric == m) return p;
    FAIL("metric missing from priorities");
    throw;
}

// A profile whose nrr benchmarks are binary fractions, so curve scores come out exact:
// good 0.25 (4), poor 1.0 (1); between them score = 4 - 3 * (v - 0.25) / 0.75, so
// v = 0.375 -> 4 - 0.375/0.75 = 3.5 exactly, and v = 0.3125 -> 3.75 exactly.
const char* kExactNrr = R"("benchmarks": {"nrr": {"good": 0.25, "poor": 1.0}})";

}  // namespace

TEST_CASE("boundary: half-up display of a computed 1.0499999999999998 is 1.1", "[boundary][rounding]") {
    // 0.35 * 3 is 1.0499999999999998 in binary, a computed stand-in for 1.05: half up -> "1.1".
    // Without the 1e-9 nudge floor(10.499999999999998 + 0.5) / 10 gives "1.0".
    const double computed = 0.35 * 3;
    REQUIRE(computed < 1.05);
    CHECK(display_one_decimal(computed) == "1.1");
    // Through a real SPS: product only (weights 1/0/0), nrr 0.006 -> 4.5, nbfr 0.0176 -> 4:
    // (4.5 + 4) / 2 = 4.25 (exact in binary) shows "4.3", half up.
    const Result r = run(quick(R"("nrr": {"value": 0.006}, "nbfr": {"value": 0.0176})"),
                         R"({"id": "p", "weights": {"product": 1, "fulfillment": 0, "service": 0}})");
    REQUIRE(r.sps);
    CHECK(*r.sps == 4.25);
    CHECK(display_one_decimal(*r.sps) == "4.3");
}

TEST_CASE("boundary: a raw score exactly at the 3.5 floor is not 'protected'", "[boundary][protection]") {
    // Young shop (opened 2026-06-01, 172 days before 2026-11-20), volume prior off, nrr given
    // with counts 3 of 8 = 0.375 -> raw 3.5 exactly (kExactNrr). Denominator 8 <= 30, affected
    // 3 <= 3: the shop qualifies, but protection only raises a score *below* 3.5, so nothing is
    // raised and nrr is not listed as protected.
    const std::string profile = std::string(R"({"id": "p", "volume_prior": 0, )") + kExactNrr + "}";
    const std::string data = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2026-06-01",
        "delivered_orders_90d": 40}, "metrics": {"nrr": {"value": 0.375, "numerator": 3, "denominator": 8}}})";
    const Result r = run(data, profile);
    REQUIRE(r.metrics[kNrr].raw_score);
    CHECK(*r.metrics[kNrr].raw_score == 3.5);
    CHECK(*r.metrics[kNrr].score == 3.5);
    CHECK_FALSE(r.metrics[kNrr].is_protected);
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r));
    CHECK(j["protection"]["metrics"] == nlohmann::json::array());
    // One more negative order (4 of 8 = 0.5 -> 4 - 0.75/0.75 = 3.0): affected 4 > 3, not raised.
    const Result four = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2026-06-01",
        "delivered_orders_90d": 40}, "metrics": {"nrr": {"value": 0.5, "numerator": 4, "denominator": 8}}})", profile);
    CHECK(*four.metrics[kNrr].score == 3.0);
}

TEST_CASE("boundary: 'any' protection mode at exactly 30 delivered orders", "[boundary][protection]") {
    // Old shop (opened 2020), combine "any": the shop qualifies by volume when its 90-day
    // delivered count is <= 30. imd given with counts 5 of 10 one-star: adjusted
    // (5 + 1.701)/20 = 0.33505, between poor 0.3218 (1) and worst 0.3218 + 0.1517/3 = 0.37237 (0):
    // raw = 1 - (0.33505 - 0.3218)/(0.37237 - 0.3218) = 1 - 0.01325/0.0505667 = 0.73797 < 2.0.
    auto data = [](int delivered) {
        return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
            "delivered_orders_90d": )" + std::to_string(delivered) +
               R"(}, "metrics": {"imd": {"value": 0.5, "numerator": 5, "denominator": 10}}})";
    };
    const char* any = R"({"id": "any", "protection": {"combine": "any"}})";
    const Result at30 = run(data(30), any);
    CHECK(at30.shop_qualifies);
    CHECK(*at30.metrics[kImd].raw_score == Approx(0.737969).epsilon(1e-5));
    CHECK(*at30.metrics[kImd].score == 2.0);
    CHECK(at30.metrics[kImd].is_protected);
    const Result at31 = run(data(31), any);
    CHECK_FALSE(at31.shop_qualifies);
    CHECK_FALSE(at31.metrics[kImd].is_protected);
    // Per metric, a denominator of exactly 30 is small: nrr 3 of 30 on the same old shop, "any"
    // mode: (volume) and affected 3 <= 3 -> raised. adjusted (3 + 0.12)/40 = 0.078 -> raw 0.
    auto nrr = [](int den) {
        return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
            "delivered_orders_90d": 500}, "metrics": {"nrr": {"value": 0.1, "numerator": 3, "denominator": )" +
               std::to_string(den) + "}}}";
    };
    CHECK(*run(nrr(30), any).metrics[kNrr].score == 3.5);
    CHECK(*run(nrr(31), any).metrics[kNrr].score == 0.0);
}

TEST_CASE("boundary: Memorial Day is the last Monday of May, also when May has five", "[boundary][dates]") {
    // May 2027 has Mondays 3, 10, 17, 24, 31: Memorial Day is the 31st, not the 4th Monday (24th).
    CHECK(is_us_federal_holiday(D(2027, 5, 31)));
    CHECK_FALSE(is_us_federal_holiday(D(2027, 5, 24)));
    CHECK(is_us_federal_holiday(D(2026, 5, 25)));        // May 2026: four Mondays, the last is the 25th
    CHECK(is_us_federal_holiday(D(2026, 9, 7)));         // Labor Day: 1st Monday of September 2026
    CHECK_FALSE(is_us_federal_holiday(D(2026, 9, 14)));
    CHECK(is_us_federal_holiday(D(2027, 2, 15)));        // Washington's Birthday: 3rd Monday of Feb 2027
    CHECK_FALSE(is_us_federal_holiday(D(2027, 2, 22)));
    // Created Mon 2027-05-24: Tue 25 (1), Wed 26 (2), Thu 27 (3), Fri 28 (4), Mon 31 Memorial
    // Day (skip), Tue Jun 1 (5), Wed Jun 2 (6).
    CHECK(add_us_business_days(D(2027, 5, 24), 6) == D(2027, 6, 2));
    // Created Tue 2026-09-01: Wed 2 (1), Thu 3 (2), Fri 4 (3), Mon 7 Labor Day (skip), Tue 8 (4),
    // Wed 9 (5), Thu 10 (6).
    CHECK(add_us_business_days(D(2026, 9, 1), 6) == D(2026, 9, 10));
    // Created Wed 2027-02-10: Thu 11 (1), Fri 12 (2), Mon 15 Washington's Birthday (skip), Tue 16
    // (3), Wed 17 (4), Thu 18 (5), Fri 19 (6).
    CHECK(add_us_business_days(D(2027, 2, 10), 6) == D(2027, 2, 19));
}

TEST_CASE("boundary: a derived deliver-by across Memorial Day and Labor Day decides on time", "[boundary][dates]") {
    // Each order is delivered on the deliver-by day worked out above (on time) and a twin one
    // day later (late): otdr 1 of 2 in each window, volume prior off.
    auto otdr = [](const char* as_of, const char* created, const char* on_time, const char* late) {
        const std::string data = std::string(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": ")") + as_of +
            R"(", "opened": "2020-01-01"}, "orders": [{"id": "A", "created": ")" + created + R"(", "delivered": ")" + on_time +
            R"("}, {"id": "B", "created": ")" + created + R"(", "delivered": ")" + late + R"("}]})";
        const Result r = run(data, R"({"id": "p", "volume_prior": 0})");
        return std::pair{*r.metrics[kOtdr].numerator, *r.metrics[kOtdr].denominator};
    };
    CHECK(otdr("2027-06-20", "2027-05-24 10:00", "2027-06-02 18:00", "2027-06-03 09:00") == std::pair{1.0, 2.0});
    CHECK(otdr("2026-09-20", "2026-09-01 10:00", "2026-09-10 18:00", "2026-09-11 09:00") == std::pair{1.0, 2.0});
    CHECK(otdr("2027-03-01", "2027-02-10 10:00", "2027-02-19 18:00", "2027-02-20 09:00") == std::pair{1.0, 2.0});
}

TEST_CASE("boundary: a slash date starting with 12 is ambiguous until a later row decides", "[boundary][dates][ingest]") {
    // 12/05/2026 could be 5 December (month first) or 12 May (day first): 12 is a valid month, so
    // the first part alone decides nothing. The next row's 11/25/2026 (25 > 12) decides month
    // first, so the first order was created on 5 December.
    using namespace ingest_test;
    Ingest ingest{Shop{}};
    read_text(ingest, ExportKind::orders, "t.csv", "Order ID,Created Time\nA1,12/05/2026 10:00\nA2,11/25/2026 10:00\n");
    const Dataset d = ingest.finish();
    REQUIRE(d.orders.size() == 2);
    CHECK(d.orders[0].created == *parse_timestamp("2026-12-05 10:00", 0));
    CHECK(d.orders[1].created == *parse_timestamp("2026-11-25 10:00", 0));
    // And 13/05/2026 does decide day first (13 cannot be a month): 13 May.
    Ingest day_first{Shop{}};
    read_text(day_first, ExportKind::orders, "t.csv", "Order ID,Created Time\nA1,13/05/2026 10:00\nA2,12/05/2026 10:00\n");
    const Dataset e = day_first.finish();
    CHECK(e.orders[1].created == *parse_timestamp("2026-05-12 10:00", 0));
}

TEST_CASE("boundary: a header with as many commas as semicolons is comma-separated", "[boundary][ingest]") {
    // "Order ID,Created Time,Note;a;b": 2 commas, 2 semicolons. Semicolons win only when there are
    // more of them, so the columns are Order ID | Created Time | Note;a;b (an unknown column).
    using namespace ingest_test;
    Ingest ingest{Shop{}};
    read_text(ingest, ExportKind::orders, "t.csv", "Order ID,Created Time,Note;a;b\nA1,2026-11-02 10:00,x;y;z\n");
    const Dataset d = ingest.finish();
    REQUIRE(d.orders.size() == 1);
    CHECK(d.order_id(d.orders[0]) == "A1");
    CHECK(d.orders[0].created == *parse_timestamp("2026-11-02 10:00", 0));
}

TEST_CASE("boundary: priority gain of exactly 0.05 is a key opportunity", "[boundary][insights]") {
    // Profile weights product 0.2, fulfillment 0.4, service 0.4; nrr 0.375 -> 3.5 (kExactNrr),
    // nbfr good -> 4, otdr good 0.9516 -> 4, sfcr good -> 4, imd good -> 4, aht good 26.5 -> 4.
    // product (3.5 + 4)/2 = 3.75; sps = 0.2*3.75 + 0.4*4 + 0.4*4 = 3.95. nrr raised to 4:
    // product 4, sps 4.0: gain 0.05 exactly (in doubles 4.0 - 3.95 = 0.04999999999999982).
    // docs/rules.md §26: the largest gain >= 0.05 is the key opportunity.
    const std::string profile = std::string(R"({"id": "p", "weights": {"product": 0.2, "fulfillment": 0.4, "service": 0.4}, )") +
                                kExactNrr + "}";
    const Result r = run_insights(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500},
      "metrics": {"nrr": {"value": 0.375}, "nbfr": {"value": 0.0176}, "otdr": {"value": 0.9516},
                  "sfcr": {"value": 0.0087}, "imd": {"value": 0.1701}, "aht": {"value": 26.5}}})", profile);
    REQUIRE(r.sps);
    CHECK(*r.sps == Approx(3.95));
    CHECK(priority_of(r, kNrr).gain == Approx(0.05));
    CHECK(priority_of(r, kNrr).label == Priority::key_opportunity);
}

TEST_CASE("boundary: a metric at exactly 3.5 does not need attention", "[boundary][insights]") {
    // nrr 0.375 -> 3.5 exactly (kExactNrr); sfcr at poor 0.0165 -> 1 (the key opportunity: its
    // gain 0.52 * 0.5 * 3 = 0.78 is the largest). "Every other metric scoring below 3.5 is
    // needs_attention": 3.5 is not below 3.5, so nrr gets no label.
    const std::string profile = std::string(R"({"id": "p", )") + kExactNrr + "}";
    const Result r = run_insights(R"({"shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500},
      "metrics": {"nrr": {"value": 0.375}, "nbfr": {"value": 0.0176}, "otdr": {"value": 0.9516},
                  "sfcr": {"value": 0.0165}, "imd": {"value": 0.1701}, "aht": {"value": 26.5}}})", profile);
    REQUIRE(*r.metrics[kNrr].score == 3.5);
    CHECK(priority_of(r, kSfcr).label == Priority::key_opportunity);
    CHECK(priority_of(r, kNrr).label == Priority::none);
}

TEST_CASE("boundary: no orders and no as_of: as_of from the other records, else null", "[boundary][dates]") {
    // No orders: the default as_of is the latest day of any timestamp, here the chat ended
    // 2026-11-10 08:00 -> as_of 2026-11-10; both chats (11-03, 11-10) are in the 60-day window:
    // imd 1 of 2.
    const Result r = run(R"({"schema": "shopscore.dataset/1", "shop": {}, "chats": [
        {"id": "C1", "ended": "2026-11-03 18:00", "rating": 1}, {"id": "C2", "ended": "2026-11-10 08:00", "rating": 5}]})");
    CHECK(r.as_of == D(2026, 11, 10));
    CHECK(*r.metrics[kImd].numerator == 1.0);
    CHECK(*r.metrics[kImd].denominator == 2.0);
    CHECK(r.status == Status::not_enough_orders);
    // Nothing dated at all: no as_of, no data, no SPS.
    const Result none = run(R"({"schema": "shopscore.dataset/1", "shop": {}})");
    CHECK(none.as_of == kNoDay);
    CHECK_FALSE(none.sps);
    const nlohmann::json j = nlohmann::json::parse(result_to_json(none));
    CHECK(j["as_of"].is_null());
    CHECK(j["status"] == "not_enough_orders");
}

TEST_CASE("boundary: a main-category tie goes to the alphabetically first category", "[boundary][profile]") {
    // 2 delivered "Home" orders listed first, then 2 "Beauty": a tie, so the main category is
    // Beauty (alphabetically first, docs/scoring.md), whatever the input order.
    const char* profiles = R"([
      {"id": "home", "categories": ["Home"]},
      {"id": "beauty", "categories": ["Beauty"]}])";
    std::string orders;
    for (int i = 0; i < 4; ++i) {
        if (i) orders += ",";
        orders += R"({"id": "P)" + std::to_string(i) + R"(", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00",
                     "category": ")" + (i < 2 ? "Home" : "Beauty") + "\"}";
    }
    const Result r = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"}, "orders": [)" + orders + "]}",
                         profiles);
    CHECK(r.profile_id == "beauty");
}

TEST_CASE("boundary: a cancellation without cancel_by is decided by its reason", "[boundary][sfcr]") {
    // 40 delivered orders created 11-02, plus three cancelled ones with cancel_by unknown:
    //   "Out of stock"  -> seller fault (fault_reasons.seller_cancel): numerator and denominator;
    //   "See note 17" twice -> unknown: not seller fault, out of the denominator, and reported
    //   once as unmapped_cancel_reasons with count 2 and the text as its example.
    // sfcr = 1 / 41.
    std::string orders;
    for (int i = 0; i < 40; ++i)
        orders += R"({"id": "D)" + std::to_string(i) + R"(", "created": "2026-11-02 09:00", "delivered": "2026-11-05 09:00"},)";
    orders += R"({"id": "X1", "created": "2026-11-03 09:00", "cancelled": "2026-11-04 09:00", "cancel_reason": "Out of stock"},
                 {"id": "X2", "created": "2026-11-03 09:00", "cancelled": "2026-11-04 09:00", "cancel_reason": "See note 17"},
                 {"id": "X3", "created": "2026-11-03 09:00", "cancelled": "2026-11-04 09:00", "cancel_by": null, "cancel_reason": "See note 17"})";
    const Result r = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"}, "orders": [)" +
                         orders + "]}");
    CHECK(*r.metrics[kSfcr].numerator == 1.0);
    CHECK(*r.metrics[kSfcr].denominator == 41.0);
    const Warning* w = warning(r, "unmapped_cancel_reasons");
    REQUIRE(w != nullptr);
    CHECK(w->count == 2);
    CHECK(w->examples == std::vector<std::string>{"See note 17"});
    // A mapped reason raises no such warning.
    const Result mapped = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"}, "orders": [
        {"id": "X1", "created": "2026-11-03 09:00", "cancelled": "2026-11-04 09:00", "cancel_reason": "Out of stock"}]})");
    CHECK_FALSE(has_warning(mapped, "unmapped_cancel_reasons"));
}

TEST_CASE("boundary: a direct imd without counts is not floored, even for a protected shop", "[boundary][protection]") {
    // Young shop: it qualifies. imd given as 0.5 alone -> beyond worst (0.37237) -> 0. docs/rules.md §11:
    // without numerator and denominator protection is skipped, so it stays 0. With counts (5 of 10:
    // raw 0.73797, see above) the 2.0 floor applies.
    const Result bare = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2026-06-01",
        "delivered_orders_90d": 40}, "metrics": {"imd": {"value": 0.5}}})");
    CHECK(bare.shop_qualifies);
    CHECK(*bare.metrics[kImd].score == 0.0);
    CHECK_FALSE(bare.metrics[kImd].is_protected);
    const Result counted = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2026-06-01",
        "delivered_orders_90d": 40}, "metrics": {"imd": {"value": 0.5, "numerator": 5, "denominator": 10}}})");
    CHECK(*counted.metrics[kImd].score == 2.0);
    CHECK(counted.metrics[kImd].is_protected);
}

TEST_CASE("boundary: an imd raw score between the 2.0 floor and 3.5 is kept", "[boundary][protection]") {
    // Young shop (qualifies). imd 3 of 10 with counts: adjusted (3 + 1.701)/20 = 0.23505 ->
    // 4 - 3 * (0.23505 - 0.1701)/0.1517 = 4 - 1.284443 = 2.715557: above the imd floor 2.0 (the
    // 3.5 floor is for nrr/nbfr/otdr/sfcr only), so it is neither raised nor lowered.
    const Result r = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2026-06-01",
        "delivered_orders_90d": 40}, "metrics": {"imd": {"value": 0.3, "numerator": 3, "denominator": 10}}})");
    REQUIRE(r.shop_qualifies);
    CHECK(*r.metrics[kImd].raw_score == Approx(2.715557).epsilon(1e-6));
    CHECK(*r.metrics[kImd].score == Approx(2.715557).epsilon(1e-6));
    CHECK_FALSE(r.metrics[kImd].is_protected);
}

TEST_CASE("boundary: a negative after-sales span counts as 0 hours", "[boundary][aht]") {
    // docs/scoring.md: negative spans (bad data) count as 0. Three handled requests, as_of 11-20:
    //   R1 refund requested 11-10 10:00, decided 11-10 08:00 (2 h *before*) -> 0 h;
    //   R2 refund requested 11-10 10:00, decided 11-10 20:00 -> 10 h;
    //   R3 return requested 11-10 10:00, decided 11-10 12:00 (2 h), item received 11-14 09:00,
    //      inspected 11-14 07:00 (2 h before receipt) -> 2 + 0 = 2 h.
    // aht = (0 + 10 + 2) / 3 = 4 h (unclamped it would be (-2 + 10 + 0) / 3 = 2.667 h).
    const Result r = run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"},
      "orders": [{"id": "A", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00"}],
      "after_sales": [
        {"order_id": "A", "type": "refund", "reason": "Damaged", "requested": "2026-11-10 10:00", "decided": "2026-11-10 08:00"},
        {"order_id": "A", "type": "refund", "reason": "Damaged", "requested": "2026-11-10 10:00", "decided": "2026-11-10 20:00"},
        {"order_id": "A", "type": "return", "reason": "Damaged", "requested": "2026-11-10 10:00", "decided": "2026-11-10 12:00",
         "item_received": "2026-11-14 09:00", "inspected": "2026-11-14 07:00"}]})");
    CHECK(*r.metrics[kAht].denominator == 3.0);
    CHECK(*r.metrics[kAht].value == Approx(4.0));
}

TEST_CASE("boundary: century leap years in dates", "[boundary][dates]") {
    // Gregorian rule: divisible by 4, except centuries not divisible by 400. 2000 and 2028 are
    // leap years; 1900 and 2100 are not, so 29 February of those years is no date.
    CHECK(parse_timestamp("2000-02-29 10:00", 0));
    CHECK(parse_timestamp("2028-02-29 10:00", 0));
    CHECK_FALSE(parse_timestamp("2100-02-29 10:00", 0));
    CHECK_FALSE(parse_timestamp("1900-02-29 10:00", 0));
    CHECK_FALSE(parse_timestamp("02/29/2100 10:00:00 AM", 0));
}

TEST_CASE("boundary: a review at midnight after as_of is not yet known", "[boundary][nrr]") {
    // as_of 2026-11-20 is a whole day that ends at 2026-11-21 00:00. A 1-star review created at
    // exactly 2026-11-21 00:00 is the next day's: nrr 0 of 1. One minute earlier it counts: 1 of 1.
    auto nrr = [](const char* review_time) {
        const Result r = run(std::string(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"},
          "orders": [{"id": "A", "created": "2026-11-01 10:00", "delivered": "2026-11-10 10:00"}],
          "reviews": [{"order_id": "A", "sku": "s", "rating": 1, "created": ")") + review_time + R"("}]})");
        return *r.metrics[kNrr].numerator;
    };
    CHECK(nrr("2026-11-21 00:00") == 0.0);
    CHECK(nrr("2026-11-20 23:59") == 1.0);
}

TEST_CASE("boundary: a review at midnight after as_of of an order not in the data is not reported", "[boundary][nrr]") {
    // Records after as_of are not read at all: a review written at exactly 2026-11-21 00:00 (the
    // day after as_of) of an unknown order raises no unknown_review_orders; at 11-20 23:59 it does.
    auto warned = [](const char* review_time) {
        const Result r = run(std::string(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"},
          "orders": [{"id": "A", "created": "2026-11-01 10:00", "delivered": "2026-11-10 10:00"}],
          "reviews": [{"order_id": "Z", "sku": "s", "rating": 1, "created": ")") + review_time + R"("}]})");
        return has_warning(r, "unknown_review_orders");
    };
    CHECK_FALSE(warned("2026-11-21 00:00"));
    CHECK(warned("2026-11-20 23:59"));
}
