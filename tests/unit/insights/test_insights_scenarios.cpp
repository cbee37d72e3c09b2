// Scenarios and diagnostics (docs/rules.md §31, §32) on a hand-worked shop, as of 2026-11-30:
// - 200 seller-fulfilled orders, 10 created each day 11-01 .. 11-20, deliver_by = created + 3
//   days, delivered created + 2 days, except the first of each day 11-01 .. 11-10 (10 orders),
//   delivered created + 5 (late). The first two of each of those days go by UPS, the rest USPS:
//   UPS 20 orders, 10 late.
// - 4 refunds "Package never arrived" (a carrier reason) on delivered orders, not yet decided.
// - 4 cancel requests handled in 10, 20, 30 and 100 hours (AHT 40 h).
// - 20 rated chats: 10 at 1 star, 10 at 5.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "shopscore/json_io.h"
#include "shopscore/score.h"
#include "ingest_support.h"

using namespace shopscore;

namespace {

std::string shop() {
    std::string orders, requests;
    int n = 0;
    for (Day d = *parse_day("2026-11-01"); d <= *parse_day("2026-11-20"); ++d)
        for (int i = 0; i < 10; ++i) {
            const bool late = i == 0 && d <= *parse_day("2026-11-10");
            const std::string id = "O" + std::to_string(n++);
            if (!orders.empty()) orders += ",";
            orders += R"({"id": ")" + id + R"(", "created": ")" + format_day(d) + R"( 09:00", "delivered": ")" +
                      format_day(d + (late ? 5 : 2)) + R"( 12:00", "deliver_by": ")" + format_day(d + 3) +
                      R"(", "carrier": ")" + (i < 2 && d <= *parse_day("2026-11-10") ? "UPS" : "USPS") +
                      R"(", "warehouse": "LA", "product": "Mug"})";
        }
    for (int i = 0; i < 4; ++i)
        requests += R"({"order_id": "O)" + std::to_string(50 + i) +
                    R"(", "type": "refund", "reason": "Package never arrived", "requested": "2026-11-25 10:00"},)";
    const int hours[] = {10, 20, 30, 100};
    for (int h : hours)
        requests += R"({"order_id": "O)" + std::to_string(100 + h) + R"(", "type": "cancel", "requested": "2026-11-10 00:00", "decided": ")" +
                    format_day(*parse_day("2026-11-10") + h / 24) + " " + (h % 24 < 10 ? "0" : "") + std::to_string(h % 24) + R"(:00"},)";
    requests.pop_back();
    std::string chats;
    for (int i = 0; i < 20; ++i)
        chats += std::string(i ? "," : "") + R"({"id": "C)" + std::to_string(i) + R"(", "ended": "2026-11-15 10:00", "rating": )" +
                 (i < 10 ? "1" : "5") + "}";
    return R"({"shop": {"as_of": "2026-11-30"}, "orders": [)" + orders + R"(], "after_sales": [)" + requests +
           R"(], "chats": [)" + chats + R"(], "reviews": []})";
}

Result run(ScoreOptions options = {}) {
    options.insights = true;
    return score(dataset_from_json(shop(), "scenarios.json"), options);
}

const ScenarioResult& scenario(const Result& r, const std::string& id) {
    for (const ScenarioResult& s : r.insights->scenarios)
        if (s.id == id) return s;
    FAIL("no scenario " + id);
    throw;
}

}  // namespace

TEST_CASE("scenarios: each lever re-scores today's counts", "[insights][scenarios]") {
    const Result r = run();
    // Today: otdr 190/200 -> (190 + 9.516)/210 = .950076 -> 4 - 3*.001524/.0432 = 3.894180;
    // aht 160 h / 4 -> (160 + 265)/14 = 30.357 -> 4 - 3*3.857/23.6 = 3.509685.
    CHECK(*r.metrics[kOtdr].score == Approx(3.894180).epsilon(1e-6));
    CHECK(*r.metrics[kAht].score == Approx(3.509685).epsilon(1e-6));
    // fbt 0.5: otdr 95 of 100 -> 104.516/110 = .950145 -> 4 - 3*.0014545/.0432 = 3.898990;
    // sfcr 0 of 100 -> .087/110 -> 5 - .00079091/.0087 = 4.909091.
    const ScenarioResult& fbt = scenario(r, "fbt");
    CHECK(*fbt.metrics[kOtdr].score == Approx(3.898990).epsilon(1e-6));
    CHECK(*fbt.metrics[kSfcr].score == Approx(4.909091).epsilon(1e-6));
    // aht capped at 24 h: 10 + 20 + 24 + 24 = 78 -> (78 + 265)/14 = 24.5 -> 5 - 24.5/26.5 = 4.075472.
    CHECK(*scenario(r, "aht_cap").metrics[kAht].score == Approx(4.075472).epsilon(1e-6));
    // Carrier returns halved: nbfr 4 -> 2 of 200: 2.176/210 = .0103619 -> 5 - .0103619/.0176 = 4.411255.
    CHECK(*r.metrics[kNbfr].numerator == 4);
    CHECK(*scenario(r, "carrier_returns").metrics[kNbfr].score == Approx(4.411255).epsilon(1e-6));
    // IM dissatisfaction cut by 30 %: 10 -> 7 of 20: 8.701/30 = .2900333 -> 4 - 3*.1199333/.1517 = 1.628214.
    CHECK(*scenario(r, "im_replies").metrics[kImd].score == Approx(1.628214).epsilon(1e-6));
    // combined: every lever at once; its SPS beats each single lever's.
    const ScenarioResult& all = scenario(r, "combined");
    // Every input is given (reviews as an empty list), so each SPS is a point, never null.
    REQUIRE(all.sps);
    for (const ScenarioResult& s : r.insights->scenarios) {
        REQUIRE(s.sps);
        CHECK(*all.sps >= *s.sps);
    }
    CHECK(all.benefits.size() == r.benefits.size());
}

TEST_CASE("scenarios: carrier reasons are the profile's carrier_fault list", "[insights][scenarios][carrier]") {
    // The 4 "Package never arrived" refunds are seller fault (NBFR 4 of 200) either way; with a
    // carrier_fault list that does not name them, no return is the carrier's, so the scenario
    // leaves NBFR as today: 4.176/210 = .0198857 -> 4 - 3*.0022857/.0157 = 3.563240.
    ScoreOptions options = score_options_from_json(R"({"profile": {"fault_reasons": {"carrier_fault": ["broken"]}}})");
    const Result r = run(options);
    CHECK(*r.metrics[kNbfr].numerator == 4);
    CHECK(*r.metrics[kNbfr].score == Approx(3.563240).epsilon(1e-6));
    CHECK(*scenario(r, "carrier_returns").metrics[kNbfr].score == Approx(3.563240).epsilon(1e-6));
    // A list naming them ("arriv*") halves them as the built-in list does (4.411255 above).
    options = score_options_from_json(R"({"profile": {"fault_reasons": {"carrier_fault": ["arriv*"]}}})");
    CHECK(*scenario(run(options), "carrier_returns").metrics[kNbfr].score == Approx(4.411255).epsilon(1e-6));
}

TEST_CASE("scenarios: an overseas warehouse delivering within the SLA fixes its share of late orders", "[insights][scenarios]") {
    ScoreOptions options;
    options.insight_options.scenarios.warehouse_delivery_days = 3;
    const Result r = run(options);
    // 10 late -> 5: (195 + 9.516)/210 = .9738857 -> 5 - .0261143/.0484 = 4.460449.
    CHECK(*scenario(r, "overseas_warehouse").metrics[kOtdr].score == Approx(4.460449).epsilon(1e-6));
}

TEST_CASE("diagnostics: late orders by carrier, and the CSV text", "[insights][diagnostics]") {
    const Result r = run();
    // UPS: 20 orders (2 a day 11-01 .. 11-10), 10 late; USPS 180, none late. Most late first.
    CHECK(insights_csv(r, "late_by_carrier") ==
          "carrier,orders,late_orders,late_rate\r\nUPS,20,10,0.5\r\nUSPS,180,0,0\r\n");
    for (const Table& t : r.insights->diagnostics_tables()) {
        if (t.id == "late_orders") {
            REQUIRE(t.rows.size() == 10);
            // deliver_by from the data: no SLA days; 2 days late (created + 5 vs created + 3).
            CHECK(t.rows[0][0].str == "O0");
            CHECK(t.rows[0][2].kind == Cell::empty);
            CHECK(t.rows[0][3].str == "2026-11-04");
            CHECK(t.rows[0][4].str == "2026-11-06 12:00");
            CHECK(t.rows[0][5].num == 2);
            CHECK(t.rows[0][6].str == "UPS");
        }
        if (t.id == "slowest_after_sales") {
            REQUIRE(t.rows.size() == 4);
            CHECK(t.rows[0][5].num == 100);
        }
        if (t.id == "low_star_chats") CHECK(t.rows.size() == 10);
        if (t.id == "returns_by_product") {
            REQUIRE(t.rows.size() == 1);
            CHECK(t.rows[0][4].str == "Package never arrived (4)");
        }
    }
    CHECK_THROWS_WITH(insights_csv(r, "nope"), Catch::Contains("--csv: expected one of trend | negative_reviews_by_product"));
}

TEST_CASE("diagnostics: a score keeps the rows its result shows, a CSV download its table whole", "[insights][diagnostics][boundary]") {
    // The shop above with diagnostics_rows 3: late_orders has 10 rows, all 2 days late, so the
    // first three by input order (O0, O10, O20: the first order of 11-01, 11-02, 11-03) and 7
    // more; slowest_after_sales 4 (100, 30, 20 hours kept, 10 left out); low_star_chats 10 at 1
    // star (C0-C2 kept); late_by_carrier's 2 rows all kept. diagnostics_rows 0: none kept, the
    // totals the same.
    auto table = [](const Result& r, const std::string& id) -> const Table& {
        for (const Table& t : r.insights->diagnostics_tables())
            if (t.id == id) return t;
        FAIL("no table " + id);
        throw;
    };
    ScoreOptions three;
    three.insight_options.diagnostics_rows = 3;
    const Result r = run(three);
    const Table& late = table(r, "late_orders");
    REQUIRE(late.rows.size() == 3);
    CHECK(late.more_rows == 7);
    CHECK(late.rows[0][0].str == "O0");
    CHECK(late.rows[1][0].str == "O10");
    CHECK(late.rows[2][0].str == "O20");
    CHECK(late.rows[2][5].num == 2);
    const Table& slow = table(r, "slowest_after_sales");
    REQUIRE(slow.rows.size() == 3);
    CHECK(slow.more_rows == 1);
    CHECK(slow.rows[0][5].num == 100);
    CHECK(slow.rows[2][5].num == 20);
    const Table& chats = table(r, "low_star_chats");
    REQUIRE(chats.rows.size() == 3);
    CHECK(chats.more_rows == 7);
    CHECK(chats.rows[2][0].str == "C2");
    CHECK(table(r, "late_by_carrier").rows.size() == 2);
    CHECK(table(r, "late_by_carrier").more_rows == 0);
    // The result JSON counts every row and lists the kept ones.
    const auto json = nlohmann::json::parse(result_to_json(r));
    for (const auto& t : json["insights"]["diagnostics"])
        if (t["id"] == "late_orders") {
            CHECK(t["total_rows"] == 10);
            REQUIRE(t["rows"].size() == 3);
            CHECK(t["rows"][2][0] == "O20");
        }
    // A cut table never becomes a CSV; the CSV download (the csv option) makes the whole table.
    CHECK_THROWS(insights_csv(r, "late_orders"));
    ScoreOptions csv = three;
    csv.insight_options.csv = "late_orders";
    const std::string text = insights_csv(run(csv), "late_orders");
    CHECK(std::count(text.begin(), text.end(), '\n') == 11);  // the header and 10 rows
    CHECK(text.find("\r\nO0,") != std::string::npos);
    CHECK(text.find("\r\nO90,") != std::string::npos);  // the tenth, left out of the result
    ScoreOptions none;
    none.insight_options.diagnostics_rows = 0;
    const Result empty = run(none);
    CHECK(table(empty, "late_orders").rows.empty());
    CHECK(table(empty, "late_orders").more_rows == 10);
    CHECK(table(empty, "late_by_carrier").rows.empty());
    CHECK(table(empty, "late_by_carrier").more_rows == 2);
}

TEST_CASE("CSV quotes commas and quotes and defuses formulas", "[insights][diagnostics]") {
    Result r;
    r.insights = Insights{};
    r.insights->diagnostics = std::make_shared<const std::vector<Table>>(
        std::vector<Table>{{"t", {"a", "b"}, {{{Cell::text, 0, "x, \"y\""}, {Cell::text, 0, "=1+1"}}}}});
    CHECK(insights_csv(r, "t") == "a,b\r\n\"x, \"\"y\"\"\",'=1+1\r\n");
}

TEST_CASE("CSV in Chinese: column names and the core's values worded, the seller's texts kept", "[insights][diagnostics]") {
    // docs/insights.md "CSV": core/src/diagnostics_labels.json words columns, `type`/`kind` ids and
    // the placeholders; numbers, dates, products and reasons stay as they are.
    Result r;
    r.insights = Insights{};
    std::vector<Table> tables;
    const auto t = [](const char* s) { return Cell{Cell::text, 0, s}; };
    const auto n = [](double x) { return Cell{Cell::number, x, ""}; };
    tables.push_back({"returns_by_product",
                      {"product", "delivered_orders", "non_buyer_fault_return_orders", "rate", "top_reasons"},
                      {{t("(unknown)"), n(4), n(3), n(0.75), t("(none) (2); Damaged (1)")},
                       {t("Mug"), n(2), n(1), n(0.5), t("Damaged (1)")}}});
    tables.push_back({"slowest_after_sales", {"order_id", "type", "requested", "total_hours"},
                      {{t("A1"), t("return"), t("2026-11-08 10:00"), n(50)},
                       {t("A2"), t("replacement"), t("2026-11-09 10:00"), n(2.5)}}});
    tables.push_back({"unmapped_reasons", {"kind", "reason", "count"},
                      {{t("cancellation"), t("(none)"), n(3)}, {t("return"), t("Other"), n(1)}}});
    r.insights->diagnostics = std::make_shared<const std::vector<Table>>(std::move(tables));
    CHECK(insights_csv(r, "returns_by_product", "zh") ==
          "商品,已送达订单,非买家责任退货,比率,主要原因\r\n"
          "未知,4,3,0.75,未填写原因 (2); Damaged (1)\r\n"
          "Mug,2,1,0.5,Damaged (1)\r\n");
    CHECK(insights_csv(r, "slowest_after_sales", "zh") ==
          "订单,类型,申请时间,合计（小时）\r\nA1,退货退款,2026-11-08 10:00,50\r\nA2,换货,2026-11-09 10:00,2.5\r\n");
    CHECK(insights_csv(r, "unmapped_reasons", "zh") == "类别,原因,次数\r\n取消订单,未填写原因,3\r\n退货退款,Other,1\r\n");
    // English keeps the ids and the core's text: what scripts read since the CSV exists.
    CHECK(insights_csv(r, "unmapped_reasons") == "kind,reason,count\r\ncancellation,(none),3\r\nreturn,Other,1\r\n");
    CHECK(insights_csv(r, "unmapped_reasons", "en") == insights_csv(r, "unmapped_reasons"));
}

TEST_CASE("score options: csv_lang is en or zh", "[insights][diagnostics]") {
    CHECK(score_options_from_json(R"({"csv": "late_orders", "csv_lang": "zh"})").insight_options.csv_lang == "zh");
    CHECK(score_options_from_json(R"({"csv": "late_orders"})").insight_options.csv_lang == "en");
    CHECK_THROWS_WITH(score_options_from_json(R"({"csv_lang": "fr"})"), Catch::Contains("csv_lang: expected en or zh"));
}

TEST_CASE("diagnostics: the orders export's product, shipping provider and warehouse are read", "[insights][diagnostics]") {
    // tests/data/exports/tsv/orders.tsv, first row: Product Name "Tea ""Sencha"" tin",
    // Warehouse Name "Main WH", Shipping Provider Name "USPS".
    Ingest ingest(Shop{});
    ingest_test::read_text(ingest, ExportKind::orders, "orders.tsv", ingest_test::fixture("tsv/orders.tsv"));
    const Dataset d = ingest.finish();
    const Order* o = d.find_order("577123456789000001");
    REQUIRE(o);
    CHECK(d.product(*o) == "Tea \"Sencha\" tin");
    CHECK(d.carrier(*o) == "USPS");
    CHECK(d.warehouse(*o) == "Main WH");
}

TEST_CASE("diagnostics: the most common words of the negative reviews, when reviews have words", "[insights][diagnostics][reviews]") {
    // 4 delivered Mug orders: O1 and O2 reviewed 1 star "Cracked", O3 2 stars "Too small", O4 5 stars
    // "Cracked" (not negative). Negative: 3 of 4 = .75; words: Cracked (2); Too small (1).
    std::string reviews;
    const char* texts[] = {"Cracked", "Cracked", "Too small", "Cracked"};
    const int stars[] = {1, 1, 2, 5};
    std::string orders;
    for (int i = 0; i < 4; ++i) {
        orders += std::string(i ? "," : "") + R"({"id": "O)" + std::to_string(i + 1) +
                  R"(", "created": "2026-11-01 09:00", "delivered": "2026-11-03 12:00", "product": "Mug"})";
        reviews += std::string(i ? "," : "") + R"({"order_id": "O)" + std::to_string(i + 1) + R"(", "rating": )" +
                   std::to_string(stars[i]) + R"(, "created": "2026-11-05 10:00", "text": ")" + texts[i] + R"("})";
    }
    ScoreOptions options;
    options.insights = true;
    const std::string head = R"({"shop": {"as_of": "2026-11-30"}, "orders": [)" + orders + "], \"reviews\": [";
    const Result r = score(dataset_from_json(head + reviews + "]}", "words.json"), options);
    CHECK(insights_csv(r, "negative_reviews_by_product") ==
          "product,delivered_orders,negative_review_orders,rate,top_review_texts\r\nMug,4,3,0.75,Cracked (2); Too small (1)\r\n");
    // Without words, the column is not there (as before).
    std::string plain = reviews;
    for (const char* t : {R"(, "text": "Cracked")", R"(, "text": "Too small")"})
        for (size_t at; (at = plain.find(t)) != std::string::npos;) plain.erase(at, std::string(t).size());
    const Result p = score(dataset_from_json(head + plain + "]}", "plain.json"), options);
    CHECK(insights_csv(p, "negative_reviews_by_product") == "product,delivered_orders,negative_review_orders,rate\r\nMug,4,3,0.75\r\n");
}

TEST_CASE("scenarios: a warehouse delivering exactly at the SLA is within it; one day more is not", "[insights][scenarios][boundary]") {
    // docs/insights.md: the moved share of late orders becomes on time when N <= the profile's SLA
    // (6 business days in the built-in profile). N = 6: as with 3 above, 10 late -> 5: 4.460449.
    // N = 7: nothing changes, otdr stays today's 3.894180.
    ScoreOptions at_sla;
    at_sla.insight_options.scenarios.warehouse_delivery_days = 6;
    CHECK(*scenario(run(at_sla), "overseas_warehouse").metrics[kOtdr].score == Approx(4.460449).epsilon(1e-6));
    ScoreOptions past_sla;
    past_sla.insight_options.scenarios.warehouse_delivery_days = 7;
    CHECK(*scenario(run(past_sla), "overseas_warehouse").metrics[kOtdr].score == Approx(3.894180).epsilon(1e-6));
}

TEST_CASE("scenarios: the aht cap takes the requests of aht's 60-day window only", "[insights][scenarios][boundary]") {
    // As of 11-30 the aht window is 10-02 .. 11-30. R1 requested 10-02 (its first day), decided
    // after 50 h; R2 requested 10-01 (one day before), decided after 100 h.
    // Today: R1 alone: (50 + 10 x 26.5)/11 = 28.636364 -> 4 - 3 x 2.136364/23.6 = 3.728428.
    // Capped at 24 h: (24 + 265)/11 = 26.272727 -> 5 - 26.272727/26.5 = 4.008576 (R2 counted too
    // would give (48 + 265)/12 = 26.083333 -> 4.015723).
    const std::string json = R"({"shop": {"as_of": "2026-11-30"}, "orders": [
        {"id": "O1", "created": "2026-09-20 09:00", "delivered": "2026-09-25 09:00"},
        {"id": "O2", "created": "2026-09-20 09:00", "delivered": "2026-09-25 09:00"}], "after_sales": [
        {"order_id": "O1", "type": "cancel", "requested": "2026-10-02 10:00", "decided": "2026-10-04 12:00"},
        {"order_id": "O2", "type": "cancel", "requested": "2026-10-01 10:00", "decided": "2026-10-05 14:00"}],
        "reviews": [], "chats": []})";
    ScoreOptions options;
    options.insights = true;
    const Result r = score(dataset_from_json(json, "aht.json"), options);
    CHECK(*r.metrics[kAht].denominator == 1);
    CHECK(*r.metrics[kAht].score == Approx(3.728428).epsilon(1e-6));
    CHECK(*scenario(r, "aht_cap").metrics[kAht].score == Approx(4.008576).epsilon(1e-6));
}

TEST_CASE("diagnostics: each table counts in its metric's window on the metric's own day", "[insights][diagnostics][boundary]") {
    // As of 11-30; the 30-day windows (sfcr, otdr) are 11-01 .. 11-30.
    // - C1 created 10-31 (one day before), C2 created 11-01 (the first day), both cancelled by the
    //   seller on 11-20 "Out of stock": sfcr counts an order in the window of its creation day,
    //   so C2 only (1 of C2, D1, D2 = 3), and the table lists 1 order, not 2.
    // - D1 delivered on its deliver-by day 11-05 (on time), D2 the day after (late, 1 day):
    //   late_orders lists D2 alone; by carrier: (unknown) 2 orders, 1 late.
    // - V1 and V2 (Vase) delivered 11-10 with a "Damaged item" refund; V2 was also cancelled: a
    //   cancelled order leaves NBFR, so Vase has 1 delivered order, 1 with a return, not 2 and 2.
    // - chats of 3 and 4 stars: 3 is low (1-3 stars), 4 is not.
    const std::string json = R"({"shop": {"as_of": "2026-11-30"}, "orders": [
        {"id": "C1", "created": "2026-10-31 09:00", "cancelled": "2026-11-20 10:00", "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "C2", "created": "2026-11-01 09:00", "cancelled": "2026-11-20 10:00", "cancel_by": "seller", "cancel_reason": "Out of stock"},
        {"id": "D1", "created": "2026-11-01 09:00", "deliver_by": "2026-11-05", "delivered": "2026-11-05 20:00", "product": "Mug"},
        {"id": "D2", "created": "2026-11-01 09:00", "deliver_by": "2026-11-05", "delivered": "2026-11-06 08:00", "product": "Mug"},
        {"id": "V1", "created": "2026-11-08 09:00", "delivered": "2026-11-10 09:00", "product": "Vase", "fulfillment": "fbt"},
        {"id": "V2", "created": "2026-11-08 09:00", "delivered": "2026-11-10 09:00", "cancelled": "2026-11-11 09:00",
         "cancel_by": "buyer", "product": "Vase", "fulfillment": "fbt"}], "after_sales": [
        {"order_id": "V1", "type": "refund", "reason": "Damaged item", "requested": "2026-11-12 10:00"},
        {"order_id": "V2", "type": "refund", "reason": "Damaged item", "requested": "2026-11-12 10:00"}],
        "chats": [{"id": "H3", "ended": "2026-11-15 10:00", "rating": 3}, {"id": "H4", "ended": "2026-11-15 10:00", "rating": 4}],
        "reviews": []})";
    ScoreOptions options;
    options.insights = true;
    const Result r = score(dataset_from_json(json, "windows.json"), options);
    CHECK(*r.metrics[kSfcr].numerator == 1);
    CHECK(*r.metrics[kSfcr].denominator == 3);
    CHECK(insights_csv(r, "seller_cancellations_by_reason") == "reason,orders\r\nOut of stock,1\r\n");
    CHECK(insights_csv(r, "late_by_carrier") == "carrier,orders,late_orders,late_rate\r\n(unknown),2,1,0.5\r\n");
    CHECK(insights_csv(r, "late_orders") ==
          "order_id,type,sla_business_days,deliver_by,delivered,days_late,carrier,warehouse\r\n"
          "D2,regular,,2026-11-05,2026-11-06 08:00,1,,\r\n");  // no carrier given: empty here
    CHECK(insights_csv(r, "returns_by_product") ==
          "product,delivered_orders,non_buyer_fault_return_orders,rate,top_reasons\r\nVase,1,1,1,Damaged item (1)\r\n");
    CHECK(insights_csv(r, "low_star_chats") == "chat_id,order_id,ended,rating\r\nH3,,2026-11-15 10:00,3\r\n");
}
