// docs/rules.md §1-§13: the six metrics, their windows, exclusions, FBT, first reviews, SKU rows, fault
// reasons, the 30-order gate and direct input. Each test has a small dataset; the expected
// numerators and denominators are counted by hand in the comments. as_of is 2026-11-20, so the
// windows are: 60 d = 2026-09-22..11-20, 30 d = 2026-10-22..11-20, 90 d = 2026-08-23..11-20.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "scoring_internal.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

#include "rules_support.h"

using namespace shopscore;
using namespace rules_test;

namespace {

const Warning* find_warning(const Result& r, const std::string& code) {
    for (const Warning& w : r.warnings)
        if (w.code == code) return &w;
    return nullptr;
}

bool has_example(const Warning& w, const std::string& text) {
    return std::find(w.examples.begin(), w.examples.end(), text) != w.examples.end();
}

// `n` clean orders (ids P0..P{n-1}): created 2026-11-01, delivered 2026-11-05 (before their
// deliver-by 2026-11-10), nothing else. Returned as a JSON fragment without brackets.
std::string clean_orders(int n, const std::string& prefix = "P") {
    std::string out;
    for (int i = 0; i < n; ++i) {
        if (i) out += ",\n";
        out += R"({"id": ")" + prefix + std::to_string(i) +
               R"(", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "deliver_by": "2026-11-10"})";
    }
    return out;
}

}  // namespace

// ---- windows -----------------------------------------------------------------------------

TEST_CASE("rules/metrics: nrr and nbfr windows by delivered date (day 60 in, 61 out)", "[rules][metrics][window]") {
    // Shop at -08:00. Delivered (shop-local):
    //   W1 2026-09-22 00:00           day 60: in   1-star review, Damaged refund
    //   W2 2026-09-21 23:59           day 61: out  1-star review, Damaged refund
    //   W3 2026-11-21T05:00Z = 11-20 21:00 local: in   2-star review
    //   W4 2026-11-21T09:00Z = 11-21 01:00 local: after as_of: out  1-star review
    //   W5 2026-10-10                 in    no review, Damaged refund
    //   W6 2026-09-22T07:59Z = 09-21 23:59 local: out  1-star review
    //   W7 2026-09-22T08:00Z = 09-22 00:00 local: in    no review
    // nrr: den W1 W3 W5 W7 = 4, num W1 W3 = 2 -> 0.5
    // nbfr: den 4, num W1 W5 = 2 -> 0.5 (W2's request is for an order out of the window)
    const char* json = R"({"schema": "shopscore.dataset/1",
      "shop": {"as_of": "2026-11-20", "opened": "2020-01-01", "utc_offset": "-08:00"},
      "orders": [
        {"id": "W1", "created": "2026-09-15 10:00", "delivered": "2026-09-22 00:00"},
        {"id": "W2", "created": "2026-09-15 10:00", "delivered": "2026-09-21 23:59"},
        {"id": "W3", "created": "2026-11-15 10:00", "delivered": "2026-11-21T05:00:00Z"},
        {"id": "W4", "created": "2026-11-15 10:00", "delivered": "2026-11-21T09:00:00Z"},
        {"id": "W5", "created": "2026-10-01 10:00", "delivered": "2026-10-10 10:00"},
        {"id": "W6", "created": "2026-09-15 10:00", "delivered": "2026-09-22T07:59:00Z"},
        {"id": "W7", "created": "2026-09-15 10:00", "delivered": "2026-09-22T08:00:00Z"}
      ],
      "reviews": [
        {"order_id": "W1", "sku": "S", "rating": 1, "created": "2026-09-25 10:00"},
        {"order_id": "W2", "sku": "S", "rating": 1, "created": "2026-09-25 10:00"},
        {"order_id": "W3", "sku": "S", "rating": 2, "created": "2026-11-20 22:00"},
        {"order_id": "W4", "sku": "S", "rating": 1, "created": "2026-11-21 02:00"},
        {"order_id": "W6", "sku": "S", "rating": 1, "created": "2026-09-25 10:00"}
      ],
      "after_sales": [
        {"order_id": "W1", "type": "refund", "reason": "Damaged", "requested": "2026-09-23 10:00"},
        {"order_id": "W2", "type": "refund", "reason": "Damaged", "requested": "2026-09-23 10:00"},
        {"order_id": "W5", "type": "refund", "reason": "Damaged", "requested": "2026-10-12 10:00"}
      ]})";
    const Result r = run(json);
    const MetricResult& nrr = r.metrics[kNrr];
    REQUIRE_FALSE(nrr.no_data);
    CHECK(nrr.window_days == 60);
    CHECK(*nrr.numerator == 2);
    CHECK(*nrr.denominator == 4);
    CHECK(*nrr.value == Approx(0.5));
    const MetricResult& nbfr = r.metrics[kNbfr];
    REQUIRE_FALSE(nbfr.no_data);
    CHECK(nbfr.window_days == 60);
    CHECK(*nbfr.numerator == 2);
    CHECK(*nbfr.denominator == 4);
}

TEST_CASE("rules/metrics: otdr window by deliver-by date (day 30 in, 31 out); late rules", "[rules][metrics][window]") {
    //   T1 deliver-by 10-22 (day 30), delivered 10-22 23:00   on time, in
    //   T2 deliver-by 10-21 (day 31), delivered late          out
    //   T3 deliver-by 11-10, delivered 11-11                  late
    //   T4 deliver-by 11-18, never delivered                  late
    //   T5 deliver-by 11-21 (after as_of), not delivered      out
    //   T6 FBT, late                                          out (FBT)
    //   T7 cancelled by the buyer 11-02                       out (cancelled)
    //   T8 deliver-by 11-20, delivered 11-21 (after as_of)    late (not delivered by as_of)
    //   T9 deliver-by 11-19, delivered 11-19 08:00            on time
    //   T10 deliver-by 11-19, cancelled 11-21 (after as_of)   not cancelled yet, undelivered: late
    //   T11 fraud, late                                       out (excluded)
    // otdr = on time {T1, T9} = 2 / {T1 T3 T4 T8 T9 T10} = 6; affected (late) = 4.
    const char* json = R"({"schema": "shopscore.dataset/1",
      "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [
        {"id": "T1", "created": "2026-10-15 09:00", "deliver_by": "2026-10-22", "delivered": "2026-10-22 23:00"},
        {"id": "T2", "created": "2026-10-15 09:00", "deliver_by": "2026-10-21", "delivered": "2026-10-25 10:00"},
        {"id": "T3", "created": "2026-11-01 09:00", "deliver_by": "2026-11-10", "delivered": "2026-11-11 09:00"},
        {"id": "T4", "created": "2026-11-05 09:00", "deliver_by": "2026-11-18"},
        {"id": "T5", "created": "2026-11-12 09:00", "deliver_by": "2026-11-21"},
        {"id": "T6", "created": "2026-11-01 09:00", "deliver_by": "2026-11-10", "delivered": "2026-11-15 09:00",
         "fulfillment": "fbt"},
        {"id": "T7", "created": "2026-11-01 09:00", "deliver_by": "2026-11-10", "cancelled": "2026-11-02 09:00",
         "cancel_by": "buyer", "cancel_reason": "Changed my mind"},
        {"id": "T8", "created": "2026-11-10 09:00", "deliver_by": "2026-11-20", "delivered": "2026-11-21 10:00"},
        {"id": "T9", "created": "2026-11-10 09:00", "deliver_by": "2026-11-19", "delivered": "2026-11-19 08:00"},
        {"id": "T10", "created": "2026-11-10 09:00", "deliver_by": "2026-11-19", "cancelled": "2026-11-21 09:00",
         "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "T11", "created": "2026-11-01 09:00", "deliver_by": "2026-11-10", "delivered": "2026-11-15 09:00",
         "flags": ["fraud"]}
      ]})";
    const Result r = run(json);
    const MetricResult& otdr = r.metrics[kOtdr];
    REQUIRE_FALSE(otdr.no_data);
    CHECK(otdr.window_days == 30);
    CHECK(*otdr.numerator == 2);
    CHECK(*otdr.denominator == 6);
    CHECK(*otdr.value == Approx(2.0 / 6.0));
    CHECK(*otdr.affected == 4);
}

TEST_CASE("rules/metrics: sfcr window by created date (day 30 in, 31 out) and cancel reasons", "[rules][metrics][window]") {
    //   S1 created 10-22 00:00 (day 30), seller cancel               num, den
    //   S2 created 10-21 23:59 (day 31), seller cancel               out
    //   S3 created 11-01, not cancelled                              den
    //   S4 buyer cancel                                              leaves den
    //   S5 system "Package wasn't shipped in time"                   num, den
    //   S6 system "超时未发货"                                        num, den
    //   S7 system "Unpaid order" (not a seller reason)               leaves den
    //   S8 FBT, seller cancel                                        out (FBT)
    //   S9 seller cancel on 11-21 (after as_of): not cancelled yet   den
    //   S10 created 11-21 (after as_of)                              out
    //   S11 fraud, seller cancel                                     out
    //   S12 system "Late dispatch"                                   num, den
    // sfcr = {S1 S5 S6 S12} 4 / {S1 S3 S5 S6 S9 S12} 6.
    const char* json = R"({"schema": "shopscore.dataset/1",
      "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [
        {"id": "S1", "created": "2026-10-22 00:00", "cancelled": "2026-10-22 05:00", "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "S2", "created": "2026-10-21 23:59", "cancelled": "2026-10-22 05:00", "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "S3", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00"},
        {"id": "S4", "created": "2026-11-02 10:00", "cancelled": "2026-11-02 11:00", "cancel_by": "buyer", "cancel_reason": "Changed my mind"},
        {"id": "S5", "created": "2026-11-03 10:00", "cancelled": "2026-11-08 10:00", "cancel_by": "system", "cancel_reason": "Package wasn't shipped in time"},
        {"id": "S6", "created": "2026-11-04 10:00", "cancelled": "2026-11-09 10:00", "cancel_by": "system", "cancel_reason": "超时未发货"},
        {"id": "S7", "created": "2026-11-05 10:00", "cancelled": "2026-11-06 10:00", "cancel_by": "system", "cancel_reason": "Unpaid order"},
        {"id": "S8", "created": "2026-11-06 10:00", "cancelled": "2026-11-07 10:00", "cancel_by": "seller", "cancel_reason": "Out of stock", "fulfillment": "fbt"},
        {"id": "S9", "created": "2026-11-07 10:00", "cancelled": "2026-11-21 10:00", "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "S10", "created": "2026-11-21 10:00", "cancelled": "2026-11-21 11:00", "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "S11", "created": "2026-11-08 10:00", "cancelled": "2026-11-08 11:00", "cancel_by": "seller", "cancel_reason": "Out of stock", "flags": ["fraud"]},
        {"id": "S12", "created": "2026-11-08 10:00", "cancelled": "2026-11-14 10:00", "cancel_by": "system", "cancel_reason": "Late dispatch"}
      ]})";
    const Result r = run(json);
    const MetricResult& sfcr = r.metrics[kSfcr];
    REQUIRE_FALSE(sfcr.no_data);
    CHECK(sfcr.window_days == 30);
    CHECK(*sfcr.numerator == 4);
    CHECK(*sfcr.denominator == 6);
    CHECK(*sfcr.value == Approx(4.0 / 6.0));
}

TEST_CASE("rules/metrics: the 30-order gate counts delivered orders of 90 days (day 90 in, 91 out)", "[rules][metrics][window][gate]") {
    // 29 clean orders delivered 2026-11-05 plus G:
    //   G delivered 2026-08-23 00:00 (day 90) -> 30 -> scored
    //   G delivered 2026-08-22 23:59 (day 91) -> 29 -> not_enough_orders
    //   G delivered 2026-11-21 (after as_of)  -> 29 -> not_enough_orders
    auto with_g = [](const std::string& delivered) {
        return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
          "orders": [)" + clean_orders(29) + R"(,
            {"id": "G", "created": "2026-08-20 10:00", "delivered": ")" + delivered + R"("}]})";
    };
    const Result in = run(with_g("2026-08-23 00:00"));
    CHECK(in.delivered_orders_90d == 30);
    CHECK(in.status == Status::scored);
    const Result out = run(with_g("2026-08-22 23:59"));
    CHECK(out.delivered_orders_90d == 29);
    CHECK(out.status == Status::not_enough_orders);
    const Result future = run(with_g("2026-11-21 08:00"));
    CHECK(future.delivered_orders_90d == 29);
    CHECK(future.status == Status::not_enough_orders);
}

TEST_CASE("rules/metrics: shop.delivered_orders_90d overrides the computed gate count", "[rules][metrics][gate]") {
    // Two orders only, but the shop gives 45 delivered orders in 90 days -> scored with 45.
    const std::string json = R"({"schema": "shopscore.dataset/1",
      "shop": {"as_of": "2026-11-20", "opened": "2020-01-01", "delivered_orders_90d": 45},
      "orders": [)" + clean_orders(2) + "]}";
    const Result r = run(json);
    CHECK(r.delivered_orders_90d == 45);
    CHECK(r.status == Status::scored);
    // The other way round: 35 orders in the data but the shop says 12 -> not enough.
    const std::string json2 = R"({"schema": "shopscore.dataset/1",
      "shop": {"as_of": "2026-11-20", "opened": "2020-01-01", "delivered_orders_90d": 12},
      "orders": [)" + clean_orders(35) + "]}";
    const Result r2 = run(json2);
    CHECK(r2.delivered_orders_90d == 12);
    CHECK(r2.status == Status::not_enough_orders);
}

// ---- exclusions, FBT, SKU rows -------------------------------------------------------------

TEST_CASE("rules/metrics: excluded orders and their reviews, requests and chats count nowhere", "[rules][metrics][exclusions]") {
    // 29 clean orders P0..P28 plus two orders carrying the flag under test:
    //   X1 delivered 11-05 after its deliver-by 11-03 (late), 1-star review, Damaged refund decided
    //      after 5 h, a 1-star chat tied to it
    //   X2 created 11-01, cancelled by the seller
    // Without the flag: 30 delivered -> scored; nrr 1/30; nbfr 1/30; otdr 29/30; sfcr 1/31;
    //   imd 1/1; aht 5 h / 1.
    // With the flag: 29 delivered -> not_enough_orders; nrr 0/29; nbfr 0/29; otdr 29/29;
    //   sfcr 0/29; imd and aht no data.
    auto dataset = [](const std::string& flags) {
        return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
          "orders": [)" + clean_orders(29) + R"(,
            {"id": "X1", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "deliver_by": "2026-11-03",
             "flags": )" + flags + R"(},
            {"id": "X2", "created": "2026-11-01 10:00", "cancelled": "2026-11-02 10:00", "cancel_by": "seller",
             "cancel_reason": "Out of stock", "flags": )" + flags + R"(}],
          "reviews": [{"order_id": "X1", "sku": "S", "rating": 1, "created": "2026-11-06 10:00"}],
          "after_sales": [{"order_id": "X1", "type": "refund", "reason": "Damaged", "requested": "2026-11-06 10:00",
                           "decided": "2026-11-06 15:00", "handled_by": "seller"}],
          "chats": [{"id": "C1", "order_id": "X1", "ended": "2026-11-06 10:00", "rating": 1}]})";
    };
    SECTION("control: no flag") {
        const Result r = run(dataset("[]"));
        CHECK(r.delivered_orders_90d == 30);
        CHECK(r.status == Status::scored);
        CHECK(*r.metrics[kNrr].numerator == 1);
        CHECK(*r.metrics[kNrr].denominator == 30);
        CHECK(*r.metrics[kNbfr].numerator == 1);
        CHECK(*r.metrics[kNbfr].denominator == 30);
        CHECK(*r.metrics[kOtdr].numerator == 29);
        CHECK(*r.metrics[kOtdr].denominator == 30);
        CHECK(*r.metrics[kSfcr].numerator == 1);
        CHECK(*r.metrics[kSfcr].denominator == 31);
        CHECK(*r.metrics[kImd].numerator == 1);
        CHECK(*r.metrics[kImd].denominator == 1);
        CHECK(*r.metrics[kAht].numerator == Approx(5.0));
        CHECK(*r.metrics[kAht].denominator == 1);
    }
    for (const char* flag : {"fraud", "sample", "gift", "appealed", "risky_buyer"}) {
        DYNAMIC_SECTION("flag " << flag) {
            const Result r = run(dataset(std::string("[\"") + flag + "\"]"));
            CHECK(r.delivered_orders_90d == 29);
            CHECK(r.status == Status::not_enough_orders);
            CHECK(*r.metrics[kNrr].numerator == 0);
            CHECK(*r.metrics[kNrr].denominator == 29);
            CHECK(*r.metrics[kNbfr].numerator == 0);
            CHECK(*r.metrics[kNbfr].denominator == 29);
            CHECK(*r.metrics[kOtdr].numerator == 29);
            CHECK(*r.metrics[kOtdr].denominator == 29);
            CHECK(*r.metrics[kSfcr].numerator == 0);
            CHECK(*r.metrics[kSfcr].denominator == 29);
            CHECK(r.metrics[kImd].no_data);
            CHECK(r.metrics[kAht].no_data);
        }
    }
}

TEST_CASE("rules/metrics: FBT orders count in NRR/NBFR but not in OTDR/SFCR", "[rules][metrics][fbt]") {
    //   F1 FBT, delivered 11-05 after deliver-by 11-03, 1-star review, Damaged refund
    //   F2 seller-fulfilled, on time
    //   F3 FBT, cancelled by the seller
    // nrr 1/2 and nbfr 1/2 (F1 counts); otdr 1/1 (F2 only); sfcr 0/1 (F2 only); gate 2.
    const char* json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [
        {"id": "F1", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "deliver_by": "2026-11-03", "fulfillment": "fbt"},
        {"id": "F2", "created": "2026-11-01 10:00", "delivered": "2026-11-02 10:00", "deliver_by": "2026-11-03", "fulfillment": "seller"},
        {"id": "F3", "created": "2026-11-01 10:00", "cancelled": "2026-11-01 12:00", "cancel_by": "seller",
         "cancel_reason": "Out of stock", "fulfillment": "fbt"}],
      "reviews": [{"order_id": "F1", "sku": "S", "rating": 1, "created": "2026-11-06 10:00"}],
      "after_sales": [{"order_id": "F1", "type": "refund", "reason": "Damaged", "requested": "2026-11-06 10:00"}]})";
    const Result r = run(json);
    CHECK(r.delivered_orders_90d == 2);
    CHECK(*r.metrics[kNrr].numerator == 1);
    CHECK(*r.metrics[kNrr].denominator == 2);
    CHECK(*r.metrics[kNbfr].numerator == 1);
    CHECK(*r.metrics[kNbfr].denominator == 2);
    CHECK(*r.metrics[kOtdr].numerator == 1);
    CHECK(*r.metrics[kOtdr].denominator == 1);
    CHECK(*r.metrics[kSfcr].numerator == 0);
    CHECK(*r.metrics[kSfcr].denominator == 1);
}

TEST_CASE("rules/metrics: several SKU rows of one order count as one order", "[rules][metrics][sku]") {
    //   M1: three rows (SKUs a, b, c), delivered on time; SKU b gets a 1-star review
    //   M2: one row, delivered on time
    //   M3: two rows (SKUs a, b), cancelled by the seller
    // gate 2; nrr 1/2; otdr 2/2; sfcr 1/3 (M3 once, not twice).
    const char* json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [
        {"id": "M1", "sku": "a", "created": "2026-11-01 10:00", "delivered": "2026-11-04 10:00", "deliver_by": "2026-11-10"},
        {"id": "M1", "sku": "b", "created": "2026-11-01 10:00", "delivered": "2026-11-04 10:00", "deliver_by": "2026-11-10"},
        {"id": "M1", "sku": "c", "created": "2026-11-01 10:00", "delivered": "2026-11-04 10:00", "deliver_by": "2026-11-10"},
        {"id": "M2", "sku": "a", "created": "2026-11-01 10:00", "delivered": "2026-11-04 10:00", "deliver_by": "2026-11-10"},
        {"id": "M3", "sku": "a", "created": "2026-11-01 10:00", "cancelled": "2026-11-02 10:00", "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "M3", "sku": "b", "created": "2026-11-01 10:00", "cancelled": "2026-11-02 10:00", "cancel_by": "seller", "cancel_reason": "Out of stock"}],
      "reviews": [{"order_id": "M1", "sku": "b", "rating": 1, "created": "2026-11-06 10:00"}]})";
    const Result r = run(json);
    CHECK(r.delivered_orders_90d == 2);
    CHECK(*r.metrics[kNrr].numerator == 1);
    CHECK(*r.metrics[kNrr].denominator == 2);
    CHECK(*r.metrics[kNbfr].denominator == 2);
    CHECK(*r.metrics[kOtdr].numerator == 2);
    CHECK(*r.metrics[kOtdr].denominator == 2);
    CHECK(*r.metrics[kSfcr].numerator == 1);
    CHECK(*r.metrics[kSfcr].denominator == 3);
}

// ---- NRR: initial reviews --------------------------------------------------------------------

TEST_CASE("rules/metrics: nrr counts only the initial review of each (order, SKU)", "[rules][metrics][nrr]") {
    // All orders delivered 2026-11-01. Reviews (in input order):
    //   R1: 1 star 11-05, edited to 5 stars 11-08              -> negative (initial 1)
    //   R2: 5 stars 11-05, edited to 1 star 11-08              -> not (edits never count)
    //   R3: 5 stars created 11-10 listed first, 2 stars 11-08  -> negative (earliest by created)
    //   R4: 2 stars and 5 stars, same created time             -> negative (tie: input order)
    //   R5: 5 stars and 1 star, same created time              -> not
    //   R6: initial 1 star flagged fbt_logistics, later 1 star -> not (flagged initial review)
    //   R7: 2 stars flagged excluded                           -> not
    //   R8: SKU a 5 stars, SKU b 1 star                        -> negative
    //   R9: SKU a 1 star, SKU b 2 stars                        -> negative, counted once
    //   R10: fraud order, 1 star                               -> out of num and den
    //   ZZ: review of an order not in the data                 -> ignored, warning
    //   R12: 3 stars                                           -> not
    //   R13: 1 star created 11-21 (after as_of)                -> not yet known
    //   R14: no review; R15: two SKU rows, 4-star review       -> not
    //   R16: SKU a initial 1 star flagged fbt_logistics, SKU b 2 stars -> negative (SKU b)
    // den = R1..R9, R12..R16 = 14; num = R1 R3 R4 R8 R9 R16 = 6.
    std::string orders;
    for (int i = 1; i <= 16; ++i) {
        if (i == 11) continue;
        if (!orders.empty()) orders += ",";
        orders += R"({"id": "R)" + std::to_string(i) + R"(", "sku": "a", "created": "2026-10-28 10:00", "delivered": "2026-11-01 10:00")" +
                  (i == 10 ? R"(, "flags": ["fraud"]})" : "}");
    }
    orders += R"(, {"id": "R15", "sku": "b", "created": "2026-10-28 10:00", "delivered": "2026-11-01 10:00"})";
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [)" + orders + R"(],
      "reviews": [
        {"order_id": "R1", "sku": "a", "rating": 1, "created": "2026-11-05 10:00"},
        {"order_id": "R1", "sku": "a", "rating": 5, "created": "2026-11-08 10:00"},
        {"order_id": "R2", "sku": "a", "rating": 5, "created": "2026-11-05 10:00"},
        {"order_id": "R2", "sku": "a", "rating": 1, "created": "2026-11-08 10:00"},
        {"order_id": "R3", "sku": "a", "rating": 5, "created": "2026-11-10 10:00"},
        {"order_id": "R3", "sku": "a", "rating": 2, "created": "2026-11-08 10:00"},
        {"order_id": "R4", "sku": "a", "rating": 2, "created": "2026-11-06 10:00"},
        {"order_id": "R4", "sku": "a", "rating": 5, "created": "2026-11-06 10:00"},
        {"order_id": "R5", "sku": "a", "rating": 5, "created": "2026-11-06 10:00"},
        {"order_id": "R5", "sku": "a", "rating": 1, "created": "2026-11-06 10:00"},
        {"order_id": "R6", "sku": "a", "rating": 1, "created": "2026-11-05 10:00", "flags": ["fbt_logistics"]},
        {"order_id": "R6", "sku": "a", "rating": 1, "created": "2026-11-07 10:00"},
        {"order_id": "R7", "sku": "a", "rating": 2, "created": "2026-11-05 10:00", "flags": ["excluded"]},
        {"order_id": "R8", "sku": "a", "rating": 5, "created": "2026-11-05 10:00"},
        {"order_id": "R8", "sku": "b", "rating": 1, "created": "2026-11-05 10:00"},
        {"order_id": "R9", "sku": "a", "rating": 1, "created": "2026-11-05 10:00"},
        {"order_id": "R9", "sku": "b", "rating": 2, "created": "2026-11-05 10:00"},
        {"order_id": "R10", "sku": "a", "rating": 1, "created": "2026-11-05 10:00"},
        {"order_id": "ZZ", "sku": "a", "rating": 1, "created": "2026-11-05 10:00"},
        {"order_id": "R12", "sku": "a", "rating": 3, "created": "2026-11-05 10:00"},
        {"order_id": "R13", "sku": "a", "rating": 1, "created": "2026-11-21 10:00"},
        {"order_id": "R15", "sku": "a", "rating": 4, "created": "2026-11-05 10:00"},
        {"order_id": "R16", "sku": "a", "rating": 1, "created": "2026-11-05 10:00", "flags": ["fbt_logistics"]},
        {"order_id": "R16", "sku": "b", "rating": 2, "created": "2026-11-05 10:00"}
      ]})";
    const Result r = run(json);
    const MetricResult& nrr = r.metrics[kNrr];
    CHECK(*nrr.denominator == 14);
    CHECK(*nrr.numerator == 6);
    CHECK(*nrr.value == Approx(6.0 / 14.0));
    // The review of an unknown order is reported (docs/rules.md §10: "ignored with a warning").
    const Warning* w = find_warning(r, "unknown_review_orders");
    REQUIRE(w != nullptr);
    CHECK(w->count == 1);
}

// ---- NBFR: reasons -------------------------------------------------------------------------

TEST_CASE("rules/metrics: nbfr counts seller/carrier-fault refunds and returns only", "[rules][metrics][nbfr]") {
    // All orders delivered 2026-11-05; requests made 11-07.
    //   N1 refund "Damaged"             seller fault  -> num
    //   N2 return "包裹破损"             seller fault  -> num
    //   N3 refund "Not as described"    seller fault  -> num
    //   N4 return "Changed my mind"     buyer fault
    //   N5 refund "Xyzzy weird reason"  unknown -> buyer fault, unmapped
    //   N6 cancel "Damaged"             type cancel does not count
    //   N7 replacement "Defective"      type replacement does not count
    //   N8 return "Damaged" flagged fbt_logistics -> ignored
    //   N9 no request
    //   N10 refund "Damaged" and return "Damaged box" -> num once
    //   N11 delivered, then cancelled, refund "Damaged" -> out of num and den
    //   N12 FBT order, refund "Damaged" (not flagged)  -> num (FBT counts in NBFR)
    //   N13 fraud order, refund "Damaged" -> out
    //   N14 return "Something odd"      unknown -> buyer fault, unmapped
    //   N15 refund "Damaged" flagged excluded -> ignored
    // den = N1..N10, N12, N14, N15 = 13; num = N1 N2 N3 N10 N12 = 5.
    // unmapped_reasons: count 2, examples "Xyzzy weird reason" and "Something odd".
    std::string orders;
    for (int i = 1; i <= 15; ++i) {
        if (i > 1) orders += ",";
        orders += R"({"id": "N)" + std::to_string(i) + R"(", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00")";
        if (i == 11) orders += R"(, "cancelled": "2026-11-06 10:00", "cancel_by": "buyer")";
        if (i == 12) orders += R"(, "fulfillment": "fbt")";
        if (i == 13) orders += R"(, "flags": ["fraud"])";
        orders += "}";
    }
    auto req = [](const char* id, const char* type, const char* reason, const char* flags = "[]") {
        return std::string(R"({"order_id": ")") + id + R"(", "type": ")" + type + R"(", "reason": ")" + reason +
               R"(", "requested": "2026-11-07 10:00", "flags": )" + flags + "}";
    };
    const std::string requests = req("N1", "refund", "Damaged") + "," + req("N2", "return", "包裹破损") + "," +
                                 req("N3", "refund", "Not as described") + "," + req("N4", "return", "Changed my mind") +
                                 "," + req("N5", "refund", "Xyzzy weird reason") + "," + req("N6", "cancel", "Damaged") +
                                 "," + req("N7", "replacement", "Defective") + "," +
                                 req("N8", "return", "Damaged", R"(["fbt_logistics"])") + "," +
                                 req("N10", "refund", "Damaged") + "," + req("N10", "return", "Damaged box") + "," +
                                 req("N11", "refund", "Damaged") + "," + req("N12", "refund", "Damaged") + "," +
                                 req("N13", "refund", "Damaged") + "," + req("N14", "return", "Something odd") + "," +
                                 req("N15", "refund", "Damaged", R"(["excluded"])");
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [)" + orders + R"(], "after_sales": [)" + requests + "]}";
    const Result r = run(json);
    const MetricResult& nbfr = r.metrics[kNbfr];
    CHECK(*nbfr.denominator == 13);
    CHECK(*nbfr.numerator == 5);
    CHECK(*nbfr.value == Approx(5.0 / 13.0));
    const Warning* w = find_warning(r, "unmapped_reasons");
    REQUIRE(w != nullptr);
    CHECK(w->count == 2);
    CHECK(has_example(*w, "Xyzzy weird reason"));
    CHECK(has_example(*w, "Something odd"));
    CHECK_FALSE(has_example(*w, "Changed my mind"));
}

TEST_CASE("rules/metrics: return-reason classification (English and Chinese)", "[rules][metrics][nbfr]") {
    const FaultReasons& f = default_profile().fault_reasons;
    CHECK(classify_return_reason(f, "Damaged") == Fault::seller);
    CHECK(classify_return_reason(f, "Item arrived DAMAGED") == Fault::seller);
    CHECK(classify_return_reason(f, "破损") == Fault::seller);
    CHECK(classify_return_reason(f, "Not as described") == Fault::seller);
    CHECK(classify_return_reason(f, "Wrong item") == Fault::seller);
    CHECK(classify_return_reason(f, "Package not received") == Fault::seller);
    CHECK(classify_return_reason(f, "Changed my mind") == Fault::buyer);
    CHECK(classify_return_reason(f, "No longer needed") == Fault::buyer);
    CHECK(classify_return_reason(f, "Ordered by mistake") == Fault::buyer);
    CHECK(classify_return_reason(f, "Xyzzy weird reason") == Fault::unmapped);
}

TEST_CASE("rules/metrics: no warning for unmapped reasons when every reason is known", "[rules][metrics][nbfr]") {
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [)" + clean_orders(2) + R"(],
      "after_sales": [{"order_id": "P0", "type": "refund", "reason": "Changed my mind", "requested": "2026-11-07 10:00"},
                      {"order_id": "P1", "type": "return", "reason": "Damaged", "requested": "2026-11-07 10:00"}]})";
    const Result r = run(json);
    CHECK(find_warning(r, "unmapped_reasons") == nullptr);
    CHECK(*r.metrics[kNbfr].numerator == 1);
    CHECK(*r.metrics[kNbfr].denominator == 2);
}

// ---- AHT ---------------------------------------------------------------------------------

TEST_CASE("rules/metrics: aht hours per handled request, window by requested date", "[rules][metrics][aht]") {
    //   A1 refund, seller: 11-01 10:00 -> 11-02 10:00                          24 h
    //   A2 return, seller_rule: 12 h to decide + inspection 11-06 09:00 -> 15:00 6 h = 18 h
    //   A3 cancel, timeout: 6 h                                                  6 h
    //   A4 replacement, platform: excluded
    //   A5 refund, not decided: excluded
    //   A6 refund requested 09-21 23:00 (day 61): out
    //   A7 replacement requested 09-22 00:00 (day 60), decided 12:00            12 h
    //   A8 return, 2 h to decide, item received but not inspected                2 h
    //   A9 refund requested 11-19, decided 11-21 (after as_of): not handled yet
    //   A10 refund flagged fbt_logistics: out;  A11 request of a fraud order: out
    //   A12 refund flagged excluded: out
    //   A13 refund (not a return) with received/inspected set: 1 h only         1 h
    //   A14 return decided after 3 h, inspected 11-21 (after as_of): 3 h only    3 h
    // total = 24 + 18 + 6 + 12 + 2 + 1 + 3 = 66 h over 7 requests = 9.4286 h.
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [)" + clean_orders(14, "O") + R"(,
        {"id": "F1", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "flags": ["fraud"]}],
      "after_sales": [
        {"order_id": "O1", "type": "refund", "reason": "Damaged", "requested": "2026-11-01 10:00", "decided": "2026-11-02 10:00", "handled_by": "seller"},
        {"order_id": "O2", "type": "return", "reason": "Damaged", "requested": "2026-11-03 08:00", "decided": "2026-11-03 20:00",
         "item_received": "2026-11-06 09:00", "inspected": "2026-11-06 15:00", "handled_by": "seller_rule"},
        {"order_id": "O3", "type": "cancel", "reason": "Changed my mind", "requested": "2026-11-04 00:00", "decided": "2026-11-04 06:00", "handled_by": "timeout"},
        {"order_id": "O4", "type": "replacement", "reason": "Damaged", "requested": "2026-11-05 00:00", "decided": "2026-11-09 04:00", "handled_by": "platform"},
        {"order_id": "O5", "type": "refund", "reason": "Damaged", "requested": "2026-11-05 00:00", "handled_by": "seller"},
        {"order_id": "O6", "type": "refund", "reason": "Damaged", "requested": "2026-09-21 23:00", "decided": "2026-09-22 01:00", "handled_by": "seller"},
        {"order_id": "O7", "type": "replacement", "reason": "Damaged", "requested": "2026-09-22 00:00", "decided": "2026-09-22 12:00", "handled_by": "seller"},
        {"order_id": "O8", "type": "return", "reason": "Damaged", "requested": "2026-11-10 00:00", "decided": "2026-11-10 02:00",
         "item_received": "2026-11-12 10:00", "handled_by": "seller"},
        {"order_id": "O9", "type": "refund", "reason": "Damaged", "requested": "2026-11-19 10:00", "decided": "2026-11-21 10:00", "handled_by": "seller"},
        {"order_id": "O10", "type": "refund", "reason": "Damaged", "requested": "2026-11-01 00:00", "decided": "2026-11-05 04:00",
         "handled_by": "seller", "flags": ["fbt_logistics"]},
        {"order_id": "F1", "type": "refund", "reason": "Damaged", "requested": "2026-11-01 00:00", "decided": "2026-11-03 02:00", "handled_by": "seller"},
        {"order_id": "O11", "type": "refund", "reason": "Damaged", "requested": "2026-11-01 00:00", "decided": "2026-11-03 02:00",
         "handled_by": "seller", "flags": ["excluded"]},
        {"order_id": "O12", "type": "refund", "reason": "Damaged", "requested": "2026-11-12 00:00", "decided": "2026-11-12 01:00",
         "item_received": "2026-11-13 00:00", "inspected": "2026-11-14 00:00", "handled_by": "seller"},
        {"order_id": "O13", "type": "return", "reason": "Damaged", "requested": "2026-11-15 00:00", "decided": "2026-11-15 03:00",
         "item_received": "2026-11-20 10:00", "inspected": "2026-11-21 10:00", "handled_by": "seller"}
      ]})";
    const Result r = run(json);
    const MetricResult& aht = r.metrics[kAht];
    REQUIRE_FALSE(aht.no_data);
    CHECK(aht.window_days == 60);
    CHECK(*aht.numerator == Approx(66.0));
    CHECK(*aht.denominator == 7);
    CHECK(*aht.value == Approx(66.0 / 7.0));
}

// ---- IMD ---------------------------------------------------------------------------------

TEST_CASE("rules/metrics: imd counts rated chats; 3 stars neutral; unrated ignored", "[rules][metrics][imd]") {
    //   C1 1 star, C2 2 stars -> dissatisfied; C3 3 stars -> denominator only; C4 4, C5 5
    //   C6 rating null, C11 no rating -> ignored
    //   C7 ended 09-21 23:00 (day 61) 1 star -> out
    //   C8 ended 09-22 00:30 (day 60) 2 stars -> dissatisfied
    //   C9 tied to a fraud order, 1 star -> out
    //   C10 ended 11-21 (after as_of) 1 star -> out
    // imd = {C1 C2 C8} 3 / {C1 C2 C3 C4 C5 C8} 6 = 0.5.
    const char* json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [{"id": "F1", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "flags": ["fraud"]}],
      "chats": [
        {"id": "C1", "ended": "2026-11-01 18:00", "rating": 1},
        {"id": "C2", "ended": "2026-11-02 18:00", "rating": 2},
        {"id": "C3", "ended": "2026-11-03 18:00", "rating": 3},
        {"id": "C4", "ended": "2026-11-04 18:00", "rating": 4},
        {"id": "C5", "ended": "2026-11-05 18:00", "rating": 5},
        {"id": "C6", "ended": "2026-11-06 18:00", "rating": null},
        {"id": "C7", "ended": "2026-09-21 23:00", "rating": 1},
        {"id": "C8", "ended": "2026-09-22 00:30", "rating": 2},
        {"id": "C9", "order_id": "F1", "ended": "2026-11-06 18:00", "rating": 1},
        {"id": "C10", "ended": "2026-11-21 09:00", "rating": 1},
        {"id": "C11", "ended": "2026-11-07 18:00"}
      ]})";
    const Result r = run(json);
    const MetricResult& imd = r.metrics[kImd];
    REQUIRE_FALSE(imd.no_data);
    CHECK(imd.window_days == 60);
    CHECK(*imd.numerator == 3);
    CHECK(*imd.denominator == 6);
    CHECK(*imd.value == Approx(0.5));
}

TEST_CASE("rules/metrics: a metric with a zero denominator has no data", "[rules][metrics]") {
    // Only chats without ratings and no orders: every metric has no data, values and scores null.
    const char* json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "chats": [{"id": "C1", "ended": "2026-11-01 18:00"}]})";
    const Result r = run(json);
    for (size_t m = 0; m < kMetricCount; ++m) {
        INFO(kMetricNames[m]);
        CHECK(r.metrics[m].no_data);
        CHECK_FALSE(r.metrics[m].value);
        CHECK_FALSE(r.metrics[m].score);
    }
}

// ---- direct input -------------------------------------------------------------------------

TEST_CASE("rules/metrics: a direct metric replaces the computed one", "[rules][metrics][direct]") {
    // Computed nrr would be 1/2 (P0 has a 1-star review); the dataset gives nrr 0.6 % directly,
    // without counts: value 0.006, no volume adjustment (adjusted = 0.006), score 4.5.
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [)" + clean_orders(2) + R"(],
      "reviews": [{"order_id": "P0", "sku": "a", "rating": 1, "created": "2026-11-06 10:00"}],
      "metrics": {"nrr": {"value": 0.006}}})";
    const Result r = run(json);
    const MetricResult& nrr = r.metrics[kNrr];
    CHECK(*nrr.value == Approx(0.006));
    CHECK(*nrr.adjusted_value == Approx(0.006));
    CHECK_FALSE(nrr.numerator);
    CHECK_FALSE(nrr.denominator);
    CHECK(*nrr.score == Approx(4.5));
    // The other metrics are still computed: nbfr 0/2.
    CHECK(*r.metrics[kNbfr].denominator == 2);
}

TEST_CASE("rules/metrics: a direct metric with counts is volume-adjusted", "[rules][metrics][direct]") {
    // nrr 0.6 % with 3 of 500: adjusted (3 + 10*0.012)/(500 + 10) = 3.12/510 = 0.0061176
    //   -> score 5 - 0.0061176/0.012 = 4.490196.
    // otdr 0.9758 given alone (no counts) -> 4.5, not adjusted.
    // sfcr given with denominator 0 -> no data.
    const char* json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "delivered_orders_90d": 500},
      "metrics": {"nrr": {"value": 0.006, "numerator": 3, "denominator": 500},
                  "otdr": {"value": 0.9758},
                  "sfcr": {"value": 0, "numerator": 0, "denominator": 0}}})";
    const Result r = run(json);
    CHECK(*r.metrics[kNrr].value == Approx(0.006));
    CHECK(*r.metrics[kNrr].adjusted_value == Approx(3.12 / 510));
    CHECK(*r.metrics[kNrr].score == Approx(4.490196078));
    CHECK(*r.metrics[kNrr].numerator == 3);
    CHECK(*r.metrics[kNrr].denominator == 500);
    CHECK(*r.metrics[kOtdr].adjusted_value == Approx(0.9758));
    CHECK(*r.metrics[kOtdr].score == Approx(4.5));
    CHECK(r.metrics[kSfcr].no_data);
    CHECK(r.metrics[kAht].no_data);
}

TEST_CASE("rules/metrics: requests made after as_of are not yet known", "[rules][metrics][after-as-of]") {
    // P0..P3 delivered 2026-11-05.
    //   P0 refund "Damaged" requested 11-20 23:00 (on as_of) decided 11-20 23:30   nbfr num; aht 0.5 h
    //   P1 refund "Damaged" requested 11-21 08:00 (after as_of), decided 09:00      counts nowhere
    //   P2 return "Wrong item" requested 11-10, decided 11-10 04:00                 nbfr num; aht 4 h
    //   U1 (not delivered) refund "Package not received" requested 11-10           not in nbfr (order
    //      not delivered); aht: undecided
    // nbfr = {P0 P2} 2 / {P0..P3} 4; aht = 4.5 h / 2.
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [)" + clean_orders(4) + R"(, {"id": "U1", "created": "2026-11-01 10:00"}],
      "after_sales": [
        {"order_id": "P0", "type": "refund", "reason": "Damaged", "requested": "2026-11-20 23:00", "decided": "2026-11-20 23:30"},
        {"order_id": "P1", "type": "refund", "reason": "Damaged", "requested": "2026-11-21 08:00", "decided": "2026-11-21 09:00"},
        {"order_id": "P2", "type": "return", "reason": "Wrong item", "requested": "2026-11-10 00:00", "decided": "2026-11-10 04:00"},
        {"order_id": "U1", "type": "refund", "reason": "Package not received", "requested": "2026-11-10 00:00"}
      ]})";
    const Result r = run(json);
    CHECK(*r.metrics[kNbfr].numerator == 2);
    CHECK(*r.metrics[kNbfr].denominator == 4);
    CHECK(*r.metrics[kAht].numerator == Approx(4.5));
    CHECK(*r.metrics[kAht].denominator == 2);
}

TEST_CASE("rules/metrics: late-dispatch system cancellations with a typographic apostrophe", "[rules][metrics][sfcr]") {
    // Seller Center texts may use U+2019: "Package wasn’t shipped in time" is still late dispatch.
    // K1 system cancel (’ form) -> num; K2 not cancelled -> den. sfcr = 1/2.
    const char* json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [
        {"id": "K1", "created": "2026-11-03 10:00", "cancelled": "2026-11-08 10:00", "cancel_by": "system",
         "cancel_reason": "Package wasn’t shipped in time"},
        {"id": "K2", "created": "2026-11-03 10:00", "delivered": "2026-11-05 10:00"}]})";
    const Result r = run(json);
    CHECK(*r.metrics[kSfcr].numerator == 1);
    CHECK(*r.metrics[kSfcr].denominator == 2);
}

TEST_CASE("rules/metrics: made-to-order without deliver_by or handling_days is left out of OTDR", "[rules][metrics][otdr]") {
    // docs/rules.md §7: made_to_order / pre_order orders need deliver_by or handling_days. Without them the
    // order cannot be judged (docs: left out of OTDR with warning "missing_deliver_by").
    //   B1 regular, deliver-by 11-10, on time -> 1/1; B2 made_to_order without either -> out.
    const char* json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [
        {"id": "B1", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "deliver_by": "2026-11-10"},
        {"id": "B2", "created": "2026-11-01 10:00", "type": "made_to_order"}]})";
    const Result r = run(json);
    CHECK(*r.metrics[kOtdr].numerator == 1);
    CHECK(*r.metrics[kOtdr].denominator == 1);
    const Warning* w = find_warning(r, "missing_deliver_by");
    REQUIRE(w != nullptr);
    CHECK(w->count == 1);
}

TEST_CASE("rules/metrics: warnings in the result JSON carry code, count and examples", "[rules][metrics][json]") {
    // One unmapped return reason; no shop.opened.
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"},
      "orders": [)" + clean_orders(1) + R"(],
      "after_sales": [{"order_id": "P0", "type": "return", "reason": "Colour is odd", "requested": "2026-11-07 10:00"}]})";
    const nlohmann::json j = nlohmann::json::parse(result_to_json(run(json)));
    bool unmapped = false, no_opened = false;
    for (const auto& w : j["warnings"]) {
        if (w["code"] == "unmapped_reasons") {
            unmapped = true;
            CHECK(w["count"] == 1);
            CHECK(w["examples"] == nlohmann::json::array({"Colour is odd"}));
        }
        if (w["code"] == "no_opened_date") no_opened = true;
    }
    CHECK(unmapped);
    CHECK(no_opened);
    CHECK(j["metrics"]["nbfr"]["numerator"] == 0);
    CHECK(j["metrics"]["nbfr"]["denominator"] == 1);
}

TEST_CASE("rules/metrics: a flag on a later edit does not disqualify an unflagged initial review", "[rules][metrics][nrr]") {
    // E0: initial 1 star (unflagged) 11-05, edit 11-08 flagged fbt_logistics -> negative.
    // E1: no review. nrr = 1/2.
    const std::string json = R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
      "orders": [)" + clean_orders(2, "E") + R"(],
      "reviews": [
        {"order_id": "E0", "sku": "a", "rating": 1, "created": "2026-11-05 10:00"},
        {"order_id": "E0", "sku": "a", "rating": 1, "created": "2026-11-08 10:00", "flags": ["fbt_logistics"]}]})";
    const Result r = run(json);
    CHECK(*r.metrics[kNrr].numerator == 1);
    CHECK(*r.metrics[kNrr].denominator == 2);
}

TEST_CASE("rules/metrics: reviews created at the same time: the first in input order is the initial one", "[rules][metrics][nrr]") {
    // One order, two reviews of the same SKU with the same `created`; separate datasets so the
    // two orders of listing cannot cancel out.
    auto dataset = [](int first, int second) {
        return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"},
          "orders": [{"id": "T", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00"}],
          "reviews": [{"order_id": "T", "sku": "a", "rating": )" + std::to_string(first) + R"(, "created": "2026-11-06 10:00"},
                      {"order_id": "T", "sku": "a", "rating": )" + std::to_string(second) + R"(, "created": "2026-11-06 10:00"}]})";
    };
    CHECK(*run(dataset(2, 5)).metrics[kNrr].numerator == 1);  // initial 2 stars: negative
    CHECK(*run(dataset(5, 1)).metrics[kNrr].numerator == 0);  // initial 5 stars: not
    CHECK(*run(dataset(1, 4)).metrics[kNrr].numerator == 1);
    CHECK(*run(dataset(4, 2)).metrics[kNrr].numerator == 0);
}
