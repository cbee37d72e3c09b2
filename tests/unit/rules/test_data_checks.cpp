// Issue 9 finding 6: surprises in the data that do not stop scoring get a warning with a stable
// code; the default as_of is not pulled years ahead by a mistyped date; records of one order that
// disagree give the same result in any order. Expected values worked out by hand in comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "rules_support.h"
#include "shopscore/error.h"

using namespace shopscore;
using rules_test::run;

namespace {

const Warning* find(const Result& r, const std::string& code) {
    for (const Warning& w : r.warnings)
        if (w.code == code) return &w;
    return nullptr;
}

// `n` (at most 28) orders created on consecutive days from 2026-10-01 09:00, each delivered two days later.
std::string orders(int n, const std::string& extra = "") {
    std::string out;
    for (int i = 0; i < n; ++i) {
        char line[200];
        std::snprintf(line, sizeof line,
                      R"({"id": "O%d", "created": "2026-10-%02d 09:00", "delivered": "2026-10-%02d 09:00"},)", i + 1, i + 1,
                      i + 3);
        out += line;
    }
    out += extra;
    if (!out.empty() && out.back() == ',') out.pop_back();
    return out;
}

std::string dataset(const std::string& orders_json, const std::string& shop = "") {
    return R"({"schema": "shopscore.dataset/1", "shop": {"opened": "2026-01-01")" + shop + R"(}, "orders": [)" + orders_json + "]}";
}

}  // namespace

TEST_CASE("data checks: one order dated decades ahead does not pull as_of", "[data_checks]") {
    // 20 orders delivered 2026-10-03 .. 10-22, and one created 2062-10-05 (a typo for 2026). 1 of 21
    // orders beyond a gap of more than 92 days is within 5 % (1.05): as_of = 2026-10-22.
    const Result r = run(dataset(orders(20, R"({"id": "TYPO", "created": "2062-10-05 09:00"})")));
    CHECK(format_day(r.as_of) == "2026-10-22");
    const Warning* w = find(r, "future_dates_ignored");
    REQUIRE(w);
    CHECK(w->count == 1);
    CHECK(w->examples == std::vector<std::string>{"TYPO"});
    CHECK(w->params.at("as_of") == "2026-10-22");
    CHECK(w->params.at("first_ignored") == "2062-10-05");
    // The 20 real deliveries count (delivered_orders_90d 20), not 0 as with as_of in 2062.
    CHECK(r.delivered_orders_90d == 20);

    // Without the typo: as_of is the last delivery, no warning.
    const Result plain = run(dataset(orders(20)));
    CHECK(format_day(plain.as_of) == "2026-10-22");
    CHECK_FALSE(find(plain, "future_dates_ignored"));
    // Two far-ahead orders among 3 are not outliers (2 > 5 % of 3): the latest day is as_of.
    const Result few = run(dataset(orders(1, R"({"id": "A", "created": "2027-06-01 09:00"}, {"id": "B", "created": "2027-06-02 09:00"})")));
    CHECK(format_day(few.as_of) == "2027-06-02");
    CHECK_FALSE(find(few, "future_dates_ignored"));
}

TEST_CASE("data checks: dates that contradict each other, and an as_of before the shop or the data", "[data_checks]") {
    // O1 delivered 1 Oct 08:00, before its creation at 09:00; O2 due 30 Sep, created 1 Oct.
    const Result r = run(dataset(R"({"id": "O1", "created": "2026-10-01 09:00", "delivered": "2026-10-01 08:00"},
                                    {"id": "O2", "created": "2026-10-01 09:00", "deliver_by": "2026-09-30"})"));
    REQUIRE(find(r, "delivered_before_created"));
    CHECK(find(r, "delivered_before_created")->examples == std::vector<std::string>{"O1"});
    REQUIRE(find(r, "deliver_by_before_created"));
    CHECK(find(r, "deliver_by_before_created")->examples == std::vector<std::string>{"O2"});

    // A date that cannot be right is bad input (issue 22), never a protection or a silent "no data".
    auto error_of = [](const std::string& json) -> ErrorDetail {
        try {
            run(json);
        } catch (const InputError& e) {
            return e.detail();
        }
        FAIL("no error");
        throw;
    };
    // Opened 2026-01-01: as_of 2025-12-31 is the day before (outside), 2026-01-01 the day itself (inside).
    const ErrorDetail opened = error_of(dataset(orders(3), R"(, "as_of": "2025-12-31")"));
    CHECK(opened.code == "opened_after_as_of");
    CHECK(opened.field == "shop.opened");
    CHECK(opened.got == "2026-01-01");
    CHECK(opened.expected == "a date on or before as_of (2025-12-31)");
    CHECK(run(dataset("", R"(, "as_of": "2026-01-01")")).as_of == *parse_day("2026-01-01"));  // no orders: no data check
    // The first order is created 2026-10-01: as_of 2026-09-30 is before every order, the 1st is not.
    const ErrorDetail early = error_of(dataset(orders(3), R"(, "as_of": "2026-09-30")"));
    CHECK(early.code == "as_of_before_data");
    CHECK(early.field == "as_of");
    CHECK(early.got == "2026-09-30");
    CHECK(early.expected == "a date on or after the first order's creation (2026-10-01)");
    CHECK(run(dataset(orders(3), R"(, "as_of": "2026-10-01")")).as_of == *parse_day("2026-10-01"));
}

TEST_CASE("data checks: a negative delivered_orders_90d is refused", "[data_checks]") {
    try {
        run(dataset(orders(1), R"(, "delivered_orders_90d": -5)"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "dataset.json: shop.delivered_orders_90d: expected a count of orders, 0 or more, got -5");
    }
}

TEST_CASE("data checks: records of one order that disagree give one result in any order", "[data_checks]") {
    // Two records of X1: one delivered on time and FBT, the other cancelled by the seller for
    // "Out of stock" with seller fulfilment. Combined either way: created 09:00 (earliest), seller
    // fulfilment (they disagree), cancel_by seller, delivered 3 Oct and cancelled 1 Oct 12:00.
    const std::string a = R"({"id": "X1", "created": "2026-10-01 09:00", "delivered": "2026-10-03 09:00", "fulfillment": "fbt"})";
    const std::string b = R"({"id": "X1", "created": "2026-10-01 10:00", "cancelled": "2026-10-01 12:00", "cancel_by": "seller",
                              "cancel_reason": "Out of stock", "fulfillment": "seller"})";
    const std::string rest = orders(20);  // other orders, so the metrics have data
    const Result ab = run(dataset(rest + "," + a + "," + b));
    const Result ba = run(dataset(rest + "," + b + "," + a));
    CHECK(result_to_json(ab) == result_to_json(ba));
    const Warning* w = find(ab, "conflicting_order_rows");
    REQUIRE(w);
    CHECK(w->examples == std::vector<std::string>{"X1"});
    CHECK(w->params.at("file") == "dataset.json");
}

TEST_CASE("data checks: the default as_of at its edges (a gap of exactly 92 days, 5 %, cancel times)", "[data_checks][boundary]") {
    // orders(20): delivered 2026-10-03 .. 10-22. One more order created 92 days after 10-22
    // (2027-01-22: 9 + 30 + 31 + 22) is no gap ("more than 92 days"): as_of = 2027-01-22, no
    // warning. 93 days (2027-01-23) is a gap: as_of stays 10-22 and the order is named.
    const Result at_92 = run(dataset(orders(20, R"({"id": "LATE", "created": "2027-01-22 09:00"})")));
    CHECK(format_day(at_92.as_of) == "2027-01-22");
    CHECK_FALSE(find(at_92, "future_dates_ignored"));
    const Result at_93 = run(dataset(orders(20, R"({"id": "LATE", "created": "2027-01-23 09:00"})")));
    CHECK(format_day(at_93.as_of) == "2026-10-22");
    REQUIRE(find(at_93, "future_dates_ignored"));
    CHECK(find(at_93, "future_dates_ignored")->params.at("first_ignored") == "2027-01-23");

    // At most 5 % of the orders may lie beyond the gap: 1 of 20 (exactly 5 %) is left out; 1 of
    // 19 (5.3 %) is not, so it sets as_of. orders(19) is delivered 10-03 .. 10-21.
    const Result five = run(dataset(orders(19, R"({"id": "TYPO", "created": "2062-10-05 09:00"})")));
    CHECK(format_day(five.as_of) == "2026-10-21");
    const Result over = run(dataset(orders(18, R"({"id": "TYPO", "created": "2062-10-05 09:00"})")));
    CHECK(format_day(over.as_of) == "2062-10-05");

    // A cancellation is a timestamp of its order: X cancelled 10-25 09:00, after every delivery
    // (the last 10-22), gives as_of 10-25.
    const Result cancelled = run(dataset(orders(20, R"({"id": "X", "created": "2026-10-20 09:00", "cancelled": "2026-10-25 09:00",
                                                       "cancel_by": "buyer"})")));
    CHECK(format_day(cancelled.as_of) == "2026-10-25");
}

TEST_CASE("data checks: several records of one order: earliest cancel time, latest delivery", "[data_checks][boundary]") {
    // docs/exports.md, as for the orders export: X1's records are cancelled 10-02 12:00 and 10-01
    // 12:00 (kept: 10-01 12:00) and delivered 10-03 and 10-05 (kept: 10-05), in either order.
    const std::string a = R"({"id": "X1", "created": "2026-10-01 09:00", "cancelled": "2026-10-02 12:00", "delivered": "2026-10-03 09:00"})";
    const std::string b = R"({"id": "X1", "created": "2026-10-01 09:00", "cancelled": "2026-10-01 12:00", "delivered": "2026-10-05 09:00"})";
    for (const std::string& records : {a + "," + b, b + "," + a}) {
        const Dataset d = dataset_from_json(dataset(records), "dataset.json");
        REQUIRE(d.orders.size() == 1);
        CHECK(d.orders[0].cancelled == *parse_timestamp("2026-10-01 12:00", 0));
        CHECK(d.orders[0].delivered == *parse_timestamp("2026-10-05 09:00", 0));
    }
}

TEST_CASE("data checks: without orders, the latest review, request or chat gives the default as_of", "[data_checks][boundary]") {
    // No order has a timestamp: as_of is the day of the latest timestamp of any record. Review
    // 11-05, request decided 11-04, chat 11-03: as_of 11-05; without the review, 11-04.
    const std::string reviews = R"("reviews": [{"order_id": "O1", "rating": 5, "created": "2026-11-05 10:00"}])";
    const std::string rest = R"("after_sales": [{"order_id": "O1", "type": "refund", "requested": "2026-11-01 10:00",
                                                  "decided": "2026-11-04 10:00"}],
                                "chats": [{"id": "C1", "ended": "2026-11-03 10:00", "rating": 5}])";
    const std::string head = R"({"schema": "shopscore.dataset/1", "shop": {"opened": "2026-01-01"}, "orders": [], )";
    CHECK(format_day(run(head + reviews + ", " + rest + "}").as_of) == "2026-11-05");
    CHECK(format_day(run(head + rest + "}").as_of) == "2026-11-04");
}
