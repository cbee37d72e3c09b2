// docs/rules.md §16: small-seller protection in both combine modes, the IMD floor, no opened date.
// as_of 2026-11-20. "Young" shop: opened 2026-06-01 = 172 days before as_of (< 180).
// "Old" shop: opened 2025-01-01. Default profile: k = 10, floor 3.5, imd floor 2.0.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "scoring_internal.h"
#include "rules_support.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;

namespace {

const char* kYoung = R"(, "opened": "2026-06-01")";
const char* kOld = R"(, "opened": "2025-01-01")";
const char* kAny = R"({"id": "default", "protection": {"combine": "any"}})";

struct Spec {
    std::string shop_extra;  // appended inside "shop"
    int orders = 20;         // delivered orders P0.. (created 11-01, delivered 11-05)
    int negative = 0;        // the first `negative` get a 1-star review
    int late = 0;            // the first `late` have deliver-by 11-03 (late), others 11-10
    int damaged = 0;         // the first `damaged` get a "Damaged" refund request
    int cancels = 0;         // extra orders created 11-01 and cancelled by the seller
    std::string chats{};     // JSON fragment
    std::string metrics{};   // JSON fragment for "metrics"
};

std::string build(const Spec& s) {
    std::string orders, reviews, requests;
    for (int i = 0; i < s.orders; ++i) {
        if (i) orders += ",";
        orders += R"({"id": "P)" + std::to_string(i) + R"(", "created": "2026-11-01 10:00", "delivered": "2026-11-05 10:00", "deliver_by": ")" +
                  (i < s.late ? "2026-11-03" : "2026-11-10") + "\"}";
        if (i < s.negative) {
            if (!reviews.empty()) reviews += ",";
            reviews += R"({"order_id": "P)" + std::to_string(i) + R"(", "sku": "a", "rating": 1, "created": "2026-11-06 10:00"})";
        }
        if (i < s.damaged) {
            if (!requests.empty()) requests += ",";
            requests += R"({"order_id": "P)" + std::to_string(i) + R"(", "type": "refund", "reason": "Damaged", "requested": "2026-11-06 10:00"})";
        }
    }
    for (int i = 0; i < s.cancels; ++i) {
        if (!orders.empty()) orders += ",";
        orders += R"({"id": "C)" + std::to_string(i) +
                  R"(", "created": "2026-11-01 10:00", "cancelled": "2026-11-02 10:00", "cancel_by": "seller", "cancel_reason": "Out of stock"})";
    }
    return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20")" + s.shop_extra + "}, \"orders\": [" +
           orders + "], \"reviews\": [" + reviews + "], \"after_sales\": [" + requests + "], \"chats\": [" + s.chats +
           "], \"metrics\": {" + s.metrics + "}}";
}

Spec make(const std::string& shop_extra, int orders, int negative = 0) {
    Spec s;
    s.shop_extra = shop_extra;
    s.orders = orders;
    s.negative = negative;
    return s;
}

Result run(const Spec& s, const char* profile_json = nullptr) {
    ScoreOptions o;
    if (profile_json) o.profiles = profiles_from_json(profile_json, "profile.json");
    return score(dataset_from_json(rules_test::every_export(build(s)), "dataset.json"), o);
}

std::string chats(int one_star, int five_star) {
    std::string out;
    for (int i = 0; i < one_star + five_star; ++i) {
        if (i) out += ",";
        out += R"({"id": "H)" + std::to_string(i) + R"(", "ended": "2026-11-10 10:00", "rating": )" +
               (i < one_star ? "1" : "5") + "}";
    }
    return out;
}

bool has_warning(const Result& r, const std::string& code) {
    for (const Warning& w : r.warnings)
        if (w.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("rules/protection: 'all' mode needs age, volume and few affected orders", "[rules][protection]") {
    SECTION("young, 20 orders, 2 negative -> raised to 3.5") {
        // nrr 2/20; adjusted (2 + 0.12)/30 = 0.07067 > worst 0.02627 -> raw 0; den 20 <= 30,
        // affected 2 <= 3, age 172 < 180 -> score 3.5.
        const Result r = run(make(kYoung, 20, 2));
        const MetricResult& nrr = r.metrics[kNrr];
        CHECK(*nrr.raw_score == 0.0);
        CHECK(*nrr.score == Approx(3.5));
        CHECK(nrr.is_protected);
        CHECK(r.shop_qualifies);
        // The others score 4.67 (> 3.5) and are left alone.
        CHECK_FALSE(r.metrics[kNbfr].is_protected);
        CHECK_FALSE(r.metrics[kOtdr].is_protected);
        CHECK_FALSE(r.metrics[kSfcr].is_protected);
    }
    SECTION("edges: 30 orders and 3 affected still qualify") {
        // nrr 3/30; adjusted 3.12/40 = 0.078 -> raw 0 -> 3.5.
        const Result r = run(make(kYoung, 30, 3));
        CHECK(*r.metrics[kNrr].denominator == 30);
        CHECK(*r.metrics[kNrr].score == Approx(3.5));
        CHECK(r.metrics[kNrr].is_protected);
    }
    SECTION("young, 4 affected -> not protected") {
        // adjusted 4.12/30 = 0.1373 -> raw 0, affected 4 > 3.
        const Result r = run(make(kYoung, 20, 4));
        CHECK(*r.metrics[kNrr].score == 0.0);
        CHECK_FALSE(r.metrics[kNrr].is_protected);
    }
    SECTION("young, 31 orders -> not protected") {
        // adjusted 2.12/41 = 0.0517 -> raw 0, den 31 > 30.
        const Result r = run(make(kYoung, 31, 2));
        CHECK(*r.metrics[kNrr].score == 0.0);
        CHECK_FALSE(r.metrics[kNrr].is_protected);
    }
    SECTION("old shop -> not protected") {
        const Result r = run(make(kOld, 20, 2));
        CHECK(*r.metrics[kNrr].score == 0.0);
        CHECK_FALSE(r.metrics[kNrr].is_protected);
        CHECK_FALSE(r.shop_qualifies);
    }
    SECTION("age edge: 179 days qualifies, 180 does not") {
        // 2026-05-25 .. 2026-11-20 = 179 days; 2026-05-24 .. 2026-11-20 = 180 days.
        const Result in = run(make(R"(, "opened": "2026-05-25")", 20, 2));
        CHECK(*in.metrics[kNrr].score == Approx(3.5));
        CHECK(in.shop_qualifies);
        const Result out = run(make(R"(, "opened": "2026-05-24")", 20, 2));
        CHECK(*out.metrics[kNrr].score == 0.0);
        CHECK_FALSE(out.shop_qualifies);
    }
    SECTION("a score above the floor is never lowered and is not marked protected") {
        // 0 negative: adjusted 0.004 -> 4.6667.
        const Result r = run(make(kYoung, 20, 0));
        CHECK(*r.metrics[kNrr].score == Approx(14.0 / 3));
        CHECK_FALSE(r.metrics[kNrr].is_protected);
        CHECK(r.shop_qualifies);
    }
}

TEST_CASE("rules/protection: 'any' mode: (age or volume) and few affected orders", "[rules][protection]") {
    SECTION("old shop, 20 orders, 2 affected -> protected by volume") {
        const Result r = run(make(kOld, 20, 2), kAny);
        CHECK(*r.metrics[kNrr].raw_score == 0.0);
        CHECK(*r.metrics[kNrr].score == Approx(3.5));
        CHECK(r.metrics[kNrr].is_protected);
        // shop_qualifies: opened known and (age, or delivered_orders_90d 20 <= 30).
        CHECK(r.shop_qualifies);
    }
    SECTION("young shop, 31 orders, 2 affected -> protected by age") {
        const Result r = run(make(kYoung, 31, 2), kAny);
        CHECK(*r.metrics[kNrr].score == Approx(3.5));
        CHECK(r.metrics[kNrr].is_protected);
    }
    SECTION("old shop, 31 orders -> neither") {
        const Result r = run(make(kOld, 31, 2), kAny);
        CHECK(*r.metrics[kNrr].score == 0.0);
        CHECK_FALSE(r.metrics[kNrr].is_protected);
        CHECK_FALSE(r.shop_qualifies);
    }
    SECTION("young shop, 20 orders, 4 affected -> not protected") {
        const Result r = run(make(kYoung, 20, 4), kAny);
        CHECK(*r.metrics[kNrr].score == 0.0);
        CHECK_FALSE(r.metrics[kNrr].is_protected);
    }
}

TEST_CASE("rules/protection: nbfr, otdr (late orders) and sfcr are protected too", "[rules][protection]") {
    SECTION("otdr: 2 late of 20 -> 1.61 raised to 3.5") {
        // otdr 18/20; adjusted (18 + 9.516)/30 = 0.91720 -> 1 + 3*(0.91720 - 0.9084)/0.0432 = 1.6111.
        Spec s = make(kYoung, 20);
        s.late = 2;
        const Result r = run(s);
        CHECK(*r.metrics[kOtdr].raw_score == Approx(1.0 + 3 * (27.516 / 30 - 0.9084) / 0.0432));
        CHECK(*r.metrics[kOtdr].raw_score == Approx(1.611111).epsilon(1e-5));
        CHECK(*r.metrics[kOtdr].score == Approx(3.5));
        CHECK(r.metrics[kOtdr].is_protected);
    }
    SECTION("otdr: 4 late of 20 -> not protected") {
        // adjusted (16 + 9.516)/30 = 0.85053 < worst 0.894 -> 0; 4 late > 3.
        Spec s = make(kYoung, 20);
        s.late = 4;
        const Result r = run(s);
        CHECK(*r.metrics[kOtdr].score == 0.0);
        CHECK_FALSE(r.metrics[kOtdr].is_protected);
    }
    SECTION("nbfr: 2 damaged of 20 -> 3.5") {
        // adjusted (2 + 0.176)/30 = 0.07253 -> 0 -> 3.5.
        Spec s = make(kYoung, 20);
        s.damaged = 2;
        const Result r = run(s);
        CHECK(*r.metrics[kNbfr].raw_score == 0.0);
        CHECK(*r.metrics[kNbfr].score == Approx(3.5));
        CHECK(r.metrics[kNbfr].is_protected);
    }
    SECTION("sfcr: 2 seller cancels of 20 -> 3.5") {
        // 18 delivered + 2 seller-cancelled: sfcr 2/20; adjusted (2 + 0.087)/30 = 0.06957 -> 0 -> 3.5.
        Spec s = make(kYoung, 18);
        s.cancels = 2;
        const Result r = run(s);
        CHECK(*r.metrics[kSfcr].numerator == 2);
        CHECK(*r.metrics[kSfcr].denominator == 20);
        CHECK(*r.metrics[kSfcr].raw_score == 0.0);
        CHECK(*r.metrics[kSfcr].score == Approx(3.5));
        CHECK(r.metrics[kSfcr].is_protected);
    }
}

TEST_CASE("rules/protection: the imd floor 2.0 for a qualifying shop", "[rules][protection][imd]") {
    // 10 one-star chats: imd 1.0; adjusted (10 + 1.701)/20 = 0.58505 -> raw 0.
    SECTION("young shop -> 2.0 (however many chats are affected)") {
        Spec s = make(kYoung, 20);
        s.chats = chats(10, 0);
        const Result r = run(s);
        CHECK(*r.metrics[kImd].raw_score == 0.0);
        CHECK(*r.metrics[kImd].score == Approx(2.0));
        CHECK(r.metrics[kImd].is_protected);
    }
    SECTION("old shop -> 0") {
        Spec s = make(kOld, 20);
        s.chats = chats(10, 0);
        const Result r = run(s);
        CHECK(*r.metrics[kImd].score == 0.0);
        CHECK_FALSE(r.metrics[kImd].is_protected);
    }
    SECTION("old shop, 'any' mode, 20 delivered orders (<= 30) -> the shop qualifies -> 2.0") {
        Spec s = make(kOld, 20);
        s.chats = chats(10, 0);
        const Result r = run(s, kAny);
        CHECK(r.shop_qualifies);
        CHECK(*r.metrics[kImd].score == Approx(2.0));
    }
    SECTION("old shop, 'any' mode, 31 delivered orders -> 0") {
        Spec s = make(kOld, 31);
        s.chats = chats(10, 0);
        const Result r = run(s, kAny);
        CHECK_FALSE(r.shop_qualifies);
        CHECK(*r.metrics[kImd].score == 0.0);
    }
    SECTION("a raw imd score above 2.0 is kept") {
        // 2 of 10 dissatisfied: adjusted (2 + 1.701)/20 = 0.18505 -> 4 - 3*(0.18505 - 0.1701)/0.1517 = 3.70435.
        Spec s = make(kYoung, 20);
        s.chats = chats(2, 8);
        const Result r = run(s);
        CHECK(*r.metrics[kImd].score == Approx(3.704350692));
        CHECK_FALSE(r.metrics[kImd].is_protected);
    }
}

TEST_CASE("rules/protection: without shop.opened nothing is protected and a warning says so", "[rules][protection]") {
    Spec s = make("", 20, 2);
    s.chats = chats(10, 0);
    const Result r = run(s);
    CHECK(has_warning(r, "no_opened_date"));
    CHECK_FALSE(r.shop_qualifies);
    CHECK(*r.metrics[kNrr].score == 0.0);
    CHECK_FALSE(r.metrics[kNrr].is_protected);
    CHECK(*r.metrics[kImd].score == 0.0);
    // Also in 'any' mode, although 20 orders <= 30.
    const Result any = run(s, kAny);
    CHECK(has_warning(any, "no_opened_date"));
    CHECK_FALSE(any.shop_qualifies);
    CHECK(*any.metrics[kNrr].score == 0.0);
    // With an opened date there is no such warning.
    const Result known = run(make(kYoung, 20, 2));
    CHECK_FALSE(has_warning(known, "no_opened_date"));
}

TEST_CASE("rules/protection: direct metrics without counts skip protection", "[rules][protection][direct]") {
    // nrr 3 % given alone -> score 0, not raised (no counts to judge).
    // nbfr 10 % with 1 of 10 -> adjusted (1 + 0.176)/20 = 0.0588 -> raw 0 -> raised to 3.5.
    Spec s = make(kYoung, 0);
    s.shop_extra += R"(, "delivered_orders_90d": 10)";
    s.metrics = R"("nrr": {"value": 0.03}, "nbfr": {"value": 0.1, "numerator": 1, "denominator": 10})";
    const Result r = run(s);
    CHECK(*r.metrics[kNrr].score == 0.0);
    CHECK_FALSE(r.metrics[kNrr].is_protected);
    CHECK(*r.metrics[kNbfr].adjusted_value == Approx(1.176 / 20));
    CHECK(*r.metrics[kNbfr].score == Approx(3.5));
    CHECK(r.metrics[kNbfr].is_protected);
}

TEST_CASE("rules/protection: result JSON lists protected metrics", "[rules][protection][json]") {
    Spec s = make(kYoung, 20, 2);
    s.chats = chats(10, 0);
    const nlohmann::json j = nlohmann::json::parse(result_to_json(run(s)));
    CHECK(j["protection"]["shop_qualifies"] == true);
    CHECK(j["protection"]["metrics"] == nlohmann::json::array({"nrr", "imd"}));
    CHECK(j["metrics"]["nrr"]["raw_score"] == 0);
    CHECK(j["metrics"]["nrr"]["score"] == 3.5);
    CHECK(j["metrics"]["nrr"]["protected"] == true);
    CHECK(j["metrics"]["nbfr"]["protected"] == false);
    CHECK(j["metrics"]["imd"]["score"] == 2);
}

TEST_CASE("rules/protection: direct otdr counts: affected orders are the late ones (den - num)", "[rules][protection][direct]") {
    // Young shop. otdr 18 on time of 20: adjusted (18 + 9.516)/30 = 0.9172 -> 1.611; 2 late -> 3.5.
    // otdr 16 of 20: adjusted 25.516/30 = 0.8505 -> 0; 4 late (> 3) -> stays 0.
    Spec s = make(kYoung, 0);
    s.shop_extra += R"(, "delivered_orders_90d": 20)";
    s.metrics = R"("otdr": {"value": 0.9, "numerator": 18, "denominator": 20})";
    const Result two = run(s);
    CHECK(*two.metrics[kOtdr].raw_score == Approx(1.611111).epsilon(1e-5));
    CHECK(*two.metrics[kOtdr].score == Approx(3.5));
    CHECK(two.metrics[kOtdr].is_protected);
    s.metrics = R"("otdr": {"value": 0.8, "numerator": 16, "denominator": 20})";
    const Result four = run(s);
    CHECK(*four.metrics[kOtdr].score == 0.0);
    CHECK_FALSE(four.metrics[kOtdr].is_protected);
}
