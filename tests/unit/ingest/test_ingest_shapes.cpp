// Issue 8 (export shapes Seller Center writes) and issue 9 finding 1 (a date left half-read):
// each case is written from the issue's description, expected values worked out by hand in the
// comments.
#include <catch2/catch.hpp>

#include <algorithm>

#include "shopscore/score.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

Seconds at(const char* iso) { return *parse_timestamp(iso, 0); }

Dataset read_one(const std::string& text, ExportKind kind, FileSummary* summary = nullptr,
                 std::optional<DateOrder> order = std::nullopt) {
    Ingest ingest(Shop{});
    ingest.set_date_order(order);
    FileSummary s = read_text(ingest, kind, "t.csv", text);
    if (summary) *summary = s;
    return ingest.finish();
}

const Warning* find_warning(const std::vector<Warning>& warnings, const std::string& code) {
    for (const Warning& w : warnings)
        if (w.code == code) return &w;
    return nullptr;
}

}  // namespace

TEST_CASE("ingest/pending date: a row whose second date decides the order keeps its first", "[ingest][shapes]") {
    // Row 2: 11/02/2026 reads both ways; 11/14/2026 in the same row decides month-first. Created
    // must be 2 November, not a placeholder (it once stayed unset: the order left OTDR and SFCR).
    const Dataset d = read_one("Order ID,Created Time,Delivered Time\nA1,11/02/2026 09:30,11/14/2026 10:00\n", ExportKind::orders);
    REQUIRE(d.orders.size() == 1);
    CHECK(d.orders[0].created == at("2026-11-02 09:30"));
    CHECK(d.orders[0].delivered == at("2026-11-14 10:00"));
    // The 2-line file of the fuzzing run: as_of is the delivery day, not year 1587287.
    const Result r = score(d, {});
    CHECK(format_day(r.as_of) == "2026-11-14");
    // Its deliver-by: Mon 2 Nov 2026 + 6 business days (the default profile's SLA) = Tue 10 Nov
    // (3, 4, 5, 6, 9, 10 Nov); delivered 14 Nov: late. So OTDR counts it: 0 of 1 on time.
    REQUIRE(r.metrics[kOtdr].denominator);
    CHECK(*r.metrics[kOtdr].denominator == 1);
    CHECK(*r.metrics[kOtdr].numerator == 0);

    // Deliver By decided by Delivered Time in the same row.
    const Dataset e = read_one("Order ID,Created Time,Deliver By,Delivered Time\nA1,2026-11-01 09:30,11/05/2026,11/14/2026 10:00\n",
                               ExportKind::orders);
    CHECK(format_day(e.orders[0].deliver_by) == "2026-11-05");
}

TEST_CASE("ingest/pending date: returns and XLSX rows read whole", "[ingest][shapes]") {
    // Returns: the request is only stored after its row; the decision once wrote to a request that
    // did not exist yet (exit 1, vector::_M_range_check).
    FileSummary s;
    const Dataset d = read_one(
        "Return Order ID,Order ID,Return Type,Return Reason,Time Requested,Time Approved\n"
        "R1,A1,Return and refund,Damaged,11/02/2026 09:30:00 AM,11/14/2026 10:00:00 AM\n"
        "R2,A2,Refund only,Damaged,11/03/2026 09:30:00 AM,\n",
        ExportKind::returns, &s);
    REQUIRE(d.after_sales.size() == 2);
    CHECK(d.after_sales[0].requested == at("2026-11-02 09:30"));
    CHECK(d.after_sales[0].decided == at("2026-11-14 10:00"));
    CHECK(d.after_sales[1].requested == at("2026-11-03 09:30"));

    // XLSX with dates stored as text (a sheet saved from a CSV without date conversion).
    const std::string sheet =
        R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Order ID</t></is></c>)"
        R"(<c r="B1" t="inlineStr"><is><t>Created Time</t></is></c><c r="C1" t="inlineStr"><is><t>Delivered Time</t></is></c></row>)"
        R"(<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="inlineStr"><is><t>11/02/2026 09:30</t></is></c>)"
        R"(<c r="C2" t="inlineStr"><is><t>11/14/2026 10:00</t></is></c></row></sheetData></worksheet>)";
    Ingest ingest(Shop{});
    read_xlsx(ingest, ExportKind::orders, "book.xlsx", Unzipped{{}, sheet});
    const Dataset x = ingest.finish();
    REQUIRE(x.orders.size() == 1);
    CHECK(x.orders[0].created == at("2026-11-02 09:30"));
}

TEST_CASE("ingest/dates: the seller states the order; the reading is named", "[ingest][shapes]") {
    // 03/04 and 05/06 read both ways; stated dmy: 3 April, 5 June; no ambiguity warning.
    FileSummary s;
    Dataset d = read_one("Order ID,Created Time\nA1,03/04/2026 10:00 AM\nA2,05/06/2026 10:00 AM\n", ExportKind::orders, &s,
                         DateOrder::day_first);
    CHECK(d.orders[0].created == at("2026-04-03 10:00"));
    CHECK(d.orders[1].created == at("2026-06-05 10:00"));
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].code == "date_order");
    CHECK(s.warnings[0].params == std::map<std::string, std::string>{{"order", "dmy"}, {"basis", "option"}});
    // A date that only reads the other way is an error naming the stated order.
    CHECK_THAT(error_of([] { read_one("Order ID,Created Time\nA1,11/25/2026 10:00\n", ExportKind::orders, nullptr, DateOrder::day_first); }),
               Catch::Contains("this file writes dates day-first, like 25/11/2026, the date order given"));
    CHECK(date_order_from_name("mdy") == DateOrder::month_first);
    CHECK(date_order_from_name("dmy") == DateOrder::day_first);
    CHECK_FALSE(date_order_from_name("ymd"));
}

TEST_CASE("ingest/dates: Seller Center's fixed form with its tab, in the file's order", "[ingest][shapes][boundary]") {
    // Month-first (11/14 decides it in row 2): created 2 Nov 09:30:00, delivered 14 Nov 13:05:09.
    // Row 3 is the same instant with a space before and two tabs after: the general reading.
    const Dataset m = read_one(
        "Order ID,Created Time,Delivered Time\n"
        "A1,11/02/2026 09:30:00 AM\t,11/14/2026 01:05:09 PM\t\n"
        "A2, 11/02/2026 09:30:00 AM\t\t,\n",
        ExportKind::orders);
    REQUIRE(m.orders.size() == 2);
    CHECK(m.orders[0].created == at("2026-11-02 09:30:00"));
    CHECK(m.orders[0].delivered == at("2026-11-14 13:05:09"));
    CHECK(m.orders[1].created == at("2026-11-02 09:30:00"));

    // Day-first, 24-hour (other markets; 14/11 decides it in row 2): 2 Nov 21:30, 14 Nov 08:00,
    // then 3 Nov midnight (month-first it would be 11 March).
    const Dataset d = read_one(
        "Order ID,Created Time,Delivered Time\n"
        "A1,02/11/2026 21:30:00\t,14/11/2026 08:00:00\t\n"
        "A2,03/11/2026 00:00:00\t,\n",
        ExportKind::orders);
    REQUIRE(d.orders.size() == 2);
    CHECK(d.orders[0].created == at("2026-11-02 21:30:00"));
    CHECK(d.orders[0].delivered == at("2026-11-14 08:00:00"));
    CHECK(d.orders[1].created == at("2026-11-03 00:00:00"));

    // Stated day-first: 03/04 is 3 April, 10 PM = 22:00.
    const Dataset s = read_one("Order ID,Created Time\nA1,03/04/2026 10:00:00 PM\t\n", ExportKind::orders, nullptr,
                               DateOrder::day_first);
    CHECK(s.orders[0].created == at("2026-04-03 22:00:00"));

    // In the fixed form's shape but no date (31 November), no hour (13 PM) or no minute (60):
    // errors on their row and column, not a time.
    for (const char* bad : {"11/31/2026 09:30:00 AM", "11/02/2026 13:30:00 PM", "2026-11-02 09:60:00"}) {
        CAPTURE(bad);
        const std::string text = std::string("Order ID,Created Time\nA1,") + bad + "\t\n";
        CHECK(error_of([&] { read_one(text, ExportKind::orders); }) ==
              std::string("t.csv:2:Created Time: expected ") + kTimestampExpectation + ", got \"" + bad + "\"");
    }
}

TEST_CASE("ingest/values: known spellings, and unknown values counted instead of fatal", "[ingest][shapes]") {
    // Row 2: the real US value "Fulfillment by TikTok" -> fbt; row 3 "FBT"; row 4 "Fulfilled by
    // TikTok"; row 5 "Fulfilled by seller"; row 6 "Drone delivery" (unknown -> seller, counted);
    // row 7 "Teleport" (unknown, second example). Cancel By "Aliens" on row 8: unknown, but a
    // value: the order is cancelled (Cancelled Time too).
    FileSummary s;
    const Dataset d = read_one(
        "Order ID,Created Time,Fulfillment Type,Cancel By,Cancelled Time\n"
        "A1,2026-11-02 09:30,Fulfillment by TikTok,,\n"
        "A2,2026-11-02 09:30,FBT,,\n"
        "A3,2026-11-02 09:30,Fulfilled by TikTok,,\n"
        "A4,2026-11-02 09:30,Fulfilled by seller,,\n"
        "A5,2026-11-02 09:30,Drone delivery,,\n"
        "A6,2026-11-02 09:30,Teleport,,\n"
        "A7,2026-11-02 09:30,,Aliens,2026-11-03 10:00\n",
        ExportKind::orders, &s);
    REQUIRE(d.orders.size() == 7);
    CHECK(d.orders[0].fulfillment == Fulfillment::fbt);
    CHECK(d.orders[1].fulfillment == Fulfillment::fbt);
    CHECK(d.orders[2].fulfillment == Fulfillment::fbt);
    CHECK(d.orders[3].fulfillment == Fulfillment::seller);
    CHECK(d.orders[4].fulfillment == Fulfillment::seller);
    CHECK(d.orders[5].fulfillment == Fulfillment::seller);
    CHECK(d.orders[6].cancelled == at("2026-11-03 10:00"));
    CHECK(d.orders[6].cancel_by == CancelBy::unknown);
    // Two warnings, one per column: Fulfillment Type (2: Drone delivery, Teleport), Cancel By (1).
    std::vector<const Warning*> unknown;
    for (const Warning& w : s.warnings)
        if (w.code == "unknown_value") unknown.push_back(&w);
    REQUIRE(unknown.size() == 2);
    CHECK(unknown[0]->params.at("column") == "Fulfillment Type");
    CHECK(unknown[0]->count == 2);
    CHECK(unknown[0]->examples == std::vector<std::string>{"Drone delivery", "Teleport"});
    CHECK(unknown[1]->params.at("column") == "Cancel By");
    CHECK(unknown[1]->count == 1);
    CHECK(find_warning(d.warnings, "unknown_value")->params.at("file") == "t.csv");

    // Returns: an unknown Return Type is a refund (NBFR by reason, not AHT); an unknown Handled By is
    // the seller. Exclusions: an unknown reason leaves the order counted.
    const Dataset r = read_one("Return Order ID,Order ID,Return Type,Return Reason,Time Requested,Handled By\n"
                               "R1,A1,Swap,Damaged,2026-11-02 09:30,Robot\n",
                               ExportKind::returns, &s);
    REQUIRE(r.after_sales.size() == 1);
    CHECK(r.after_sales[0].type == RequestType::refund);
    CHECK(r.after_sales[0].handled_by == HandledBy::seller);
    CHECK(s.warnings.size() == 2);
    Ingest ex(Shop{});
    read_text(ex, ExportKind::orders, "o.csv", "Order ID,Created Time\nA1,2026-11-02 09:30\n");
    const FileSummary es = read_text(ex, ExportKind::exclusions, "x.csv", "Order ID,Reason\nA1,lost\n");
    CHECK(ex.finish().orders[0].flags == 0);
    REQUIRE(es.warnings.size() == 1);
    CHECK(es.warnings[0].code == "unknown_value");
    CHECK(es.warnings[0].params.at("column") == "Reason");
}

TEST_CASE("ingest/description row: recognised by content in any language", "[ingest][shapes]") {
    // Chinese and Thai descriptions have no spaces: the Order ID cell "平台唯一订单号。" could be an ID,
    // but the date cells hold prose, not dates. 1 data row each.
    FileSummary s;
    Dataset d = read_one("订单号,创建时间,送达时间\n平台唯一订单号。,订单创建的时间。,订单送达的时间。\n5771,2026-11-02 09:30,\n",
                         ExportKind::orders, &s);
    CHECK(s.rows == 1);
    REQUIRE(d.orders.size() == 1);
    CHECK(d.order_id(d.orders[0]) == "5771");
    d = read_one("Order ID,Created Time\nหมายเลขคำสั่งซื้อ,เวลาที่สร้างคำสั่งซื้อ\n5771,2026-11-02 09:30\n", ExportKind::orders, &s);
    CHECK(s.rows == 1);
    // An English description whose Order ID cell has no space ("Platform_unique_order_ID.").
    d = read_one("Order ID,Created Time\nPlatform_unique_order_ID.,Time the order was created.\n5771,2026-11-02 09:30\n", ExportKind::orders, &s);
    CHECK(s.rows == 1);
    // Date cells left empty: the key cell's prose (with a space, which no ID has) says it.
    d = read_one("Order ID,Created Time\nPlatform unique order ID.,\n5771,2026-11-02 09:30\n", ExportKind::orders, &s);
    CHECK(s.rows == 1);
    // A bad date in the first data row is still an error, not a description.
    CHECK_THAT(error_of([] { read_one("Order ID,Created Time\n5771,31/31/2026\n", ExportKind::orders); }),
               Catch::StartsWith("t.csv:2:Created Time: expected a date-time"));
    // So is a date typed with full-width digits (１, and ０ and ９, the range's ends), which once
    // made the first data row a description row: its order was dropped without a word.
    for (const char* typed : {"１１/02/2026 09:30:00 AM", "０1/02/2026 09:30:00 AM", "９/02/2026 09:30:00 AM"}) {
        CAPTURE(typed);
        const std::string text = std::string("Order ID,Created Time\n5771,") + typed + "\t\n5772,11/02/2026 09:30:00 AM\t\n";
        CHECK(error_of([&] { read_one(text, ExportKind::orders); }) ==
              std::string("t.csv:2:Created Time: expected ") + kTimestampExpectation + ", got \"" + typed + "\"");
    }
}

TEST_CASE("ingest/status: cancelled in any language; Cancelled Time or Cancel By settle it", "[ingest][shapes]") {
    // Rows 2-8: cancelled by their status in seven languages (each with a Cancelled Time, as the
    // export writes). Row 9: status "Completed" but a Cancel By value and no delivery: cancelled,
    // dated at creation (no Cancelled Time). Row 10: unknown status "Annulé", Cancelled Time set:
    // cancelled. Row 11: unknown status "Zugestellt", nothing else: not cancelled. Row 12: Delivered
    // with a Cancelled Time on it: delivered wins (a cancelled SKU line), not cancelled.
    FileSummary s;
    const Dataset d = read_one(
        "Order ID,Order Status,Created Time,Delivered Time,Cancelled Time,Cancel By\n"
        "A1,Cancelado,2026-11-02 09:30,,2026-11-02 12:00,Seller\n"
        "A2,Dibatalkan,2026-11-02 09:30,,2026-11-02 12:00,Seller\n"
        "A3,ยกเลิกแล้ว,2026-11-02 09:30,,2026-11-02 12:00,Seller\n"
        "A4,Đã hủy,2026-11-02 09:30,,2026-11-02 12:00,Seller\n"
        "A5,已取消,2026-11-02 09:30,,2026-11-02 12:00,Seller\n"
        "A6,Canceled,2026-11-02 09:30,,2026-11-02 12:00,Seller\n"
        "A7,Cancelled,2026-11-02 09:30,,2026-11-02 12:00,Seller\n"
        "A8,Completed,2026-11-02 09:30,,,Seller\n"
        "A9,Annulé,2026-11-02 09:30,,2026-11-02 12:00,\n"
        "A10,Zugestellt,2026-11-02 09:30,,,\n"
        "A11,Delivered,2026-11-02 09:30,2026-11-05 09:00,2026-11-02 12:00,\n",
        ExportKind::orders, &s);
    REQUIRE(d.orders.size() == 11);
    for (int i = 0; i < 7; ++i) {
        INFO(d.order_id(d.orders[i]));
        CHECK(d.orders[i].cancelled == at("2026-11-02 12:00"));
        CHECK(d.orders[i].cancel_by == CancelBy::seller);
    }
    CHECK(d.orders[7].cancelled == at("2026-11-02 09:30"));
    CHECK(d.orders[8].cancelled == at("2026-11-02 12:00"));
    CHECK(d.orders[9].cancelled == kNoTime);
    CHECK(d.orders[10].cancelled == kNoTime);
    const Warning* unknown = find_warning(s.warnings, "unknown_status");
    REQUIRE(unknown);
    CHECK(unknown->count == 2);
    CHECK(unknown->examples == std::vector<std::string>{"Annulé", "Zugestellt"});
    CHECK(find_warning(s.warnings, "cancelled_without_time")->count == 1);
}

TEST_CASE("ingest/values: a column's remembered values, long Thai values and more values than it remembers", "[ingest][shapes][boundary]") {
    // The mapper remembers the last four values of a column. Order Status runs through five known
    // values, so Completed on row 7 is looked up again; Cancelled (rows 6, 8) and Thai ยกเลิกแล้ว
    // (row 11) cancel A5, A7, A10. A 70-byte unknown status (rows 9, 10) is too long to remember:
    // counted twice, one example. The Thai Return/Refund (49 bytes) marks A1 and A6 returned.
    const std::string unknown(70, 'x');
    const std::string thai_return = "คืนสินค้า/คืนเงิน";
    REQUIRE(thai_return.size() == 49);
    FileSummary s;
    const Dataset d = read_one("Order ID,Order Status,Cancelation/Return Type,Created Time\n"
                               "A1,Completed," + thai_return + ",2026-11-02 09:30\n"
                               "A2,Shipped,,2026-11-02 09:30\n"
                               "A3,Delivered,,2026-11-02 09:30\n"
                               "A4,To ship,,2026-11-02 09:30\n"
                               "A5,Cancelled,,2026-11-02 09:30\n"
                               "A6,Completed," + thai_return + ",2026-11-02 09:30\n"
                               "A7,Cancelled,,2026-11-02 09:30\n"
                               "A8," + unknown + ",,2026-11-02 09:30\n"
                               "A9," + unknown + ",,2026-11-02 09:30\n"
                               "A10,ยกเลิกแล้ว,,2026-11-02 09:30\n",
                               ExportKind::orders, &s);
    REQUIRE(d.orders.size() == 10);
    std::vector<std::string> cancelled;
    for (const Order& o : d.orders)
        if (o.cancelled != kNoTime) cancelled.push_back(d.order_id(o));
    CHECK(cancelled == std::vector<std::string>{"A5", "A7", "A10"});
    const Warning* returned = find_warning(d.warnings, "returns_export_missing");
    REQUIRE(returned);
    CHECK(returned->examples == std::vector<std::string>{"A1", "A6"});
    const Warning* unknown_status = find_warning(s.warnings, "unknown_status");
    REQUIRE(unknown_status);
    CHECK(unknown_status->count == 2);
    CHECK(unknown_status->examples == std::vector<std::string>{unknown});
}

TEST_CASE("ingest/returns marked in the orders export, no returns export", "[ingest][shapes]") {
    // A1 Cancelation/Return Type = Return/Refund; A2 Sku Quantity of return 1; A3 Order Refund
    // Amount "BRL 35,91"; A4 "$0.00" and quantity 0: not marked; A5 "82.912₫": marked. 4 orders.
    const std::string orders =
        "Order ID,Created Time,Cancelation/Return Type,Sku Quantity of return,Order Refund Amount\n"
        "A1,2026-11-02 09:30,Return/Refund,0,$0.00\n"
        "A2,2026-11-02 09:30,,1,\n"
        "A3,2026-11-02 09:30,,0,\"BRL 35,91\"\n"
        "A4,2026-11-02 09:30,,0,$0.00\n"
        "A5,2026-11-02 09:30,,,82.912₫\n";
    const Dataset d = read_one(orders, ExportKind::orders);
    const Warning* w = find_warning(d.warnings, "returns_export_missing");
    REQUIRE(w);
    CHECK(w->count == 4);
    CHECK(w->examples == std::vector<std::string>{"A1", "A2", "A3", "A5"});
    // With a returns export (even one with no requests in it) there is nothing to say.
    Ingest ingest(Shop{});
    read_text(ingest, ExportKind::orders, "o.csv", orders);
    read_text(ingest, ExportKind::returns, "r.csv", "Return Order ID,Order ID,Return Type,Return Reason,Time Requested\n");
    CHECK_FALSE(find_warning(ingest.finish().warnings, "returns_export_missing"));
}

TEST_CASE("ingest/orders without a reviews export: NRR would read 0 %, so a warning says so", "[ingest][shapes]") {
    // A1, A2 delivered, A3 not: 2 delivered orders.
    const std::string orders =
        "Order ID,Created Time,Delivered Time\n"
        "A1,2026-11-02 09:30,2026-11-05 10:00\n"
        "A2,2026-11-02 09:30,2026-11-06 10:00\n"
        "A3,2026-11-02 09:30,\n";
    const Dataset d = read_one(orders, ExportKind::orders);
    const Warning* w = find_warning(d.warnings, "reviews_export_missing");
    REQUIRE(w);
    CHECK(w->count == 2);
    CHECK(w->params.at("orders") == "2");
    // With a reviews export, even one without rows, there is nothing to say.
    Ingest ingest(Shop{});
    read_text(ingest, ExportKind::orders, "o.csv", orders);
    read_text(ingest, ExportKind::reviews, "v.csv", "Order ID,Rating,Review Time\n");
    CHECK_FALSE(find_warning(ingest.finish().warnings, "reviews_export_missing"));
    // Nothing delivered: NRR has no data anyway, no warning.
    CHECK_FALSE(find_warning(read_one("Order ID,Created Time\nB1,2026-11-02 09:30\n", ExportKind::orders).warnings,
                             "reviews_export_missing"));
}

TEST_CASE("ingest/money and IDs: currency cells and trailing tabs never break a file", "[ingest][shapes]") {
    // Every amount shape from the issue, and IDs ending with a tab (Seller Center's text trick).
    const Dataset d = read_one(
        "Order ID,Created Time,Order Refund Amount,SKU Unit Original Price\n"
        "5771\t,2026-11-02 09:30,$19.99,THB 120\n"
        "5772\t,2026-11-02 09:30,\"BRL 35,91\",82.912₫\n"
        "5773\t,2026-11-02 09:30,,\n",
        ExportKind::orders);
    REQUIRE(d.orders.size() == 3);
    CHECK(d.order_id(d.orders[0]) == "5771");
    CHECK(d.find_order("5773"));
}

TEST_CASE("ingest/conflicting rows: one order, rows that disagree, any row order", "[ingest][shapes]") {
    // A1's two rows disagree: created 09:30 vs 10:30, one says Delivered 5 Nov and FBT, the other
    // Cancelled by the seller and seller fulfilment. Rules: earliest created (09:30), delivered
    // (delivery wins: not cancelled), seller fulfilment (FBT only when every row says FBT).
    const std::string header = "Order ID,Order Status,Created Time,Delivered Time,Cancelled Time,Cancel By,Fulfillment Type\n";
    const std::string a = "A1,Delivered,2026-11-02 09:30,2026-11-05 09:00,,,Fulfillment by TikTok Shop\n";
    const std::string b = "A1,Cancelled,2026-11-02 10:30,,2026-11-02 12:00,Seller,Fulfilled by seller\n";
    FileSummary s1, s2;
    const Dataset d1 = read_one(header + a + b, ExportKind::orders, &s1);
    const Dataset d2 = read_one(header + b + a, ExportKind::orders, &s2);
    CHECK(fingerprint(d1) == fingerprint(d2));
    REQUIRE(d1.orders.size() == 1);
    CHECK(d1.orders[0].created == at("2026-11-02 09:30"));
    CHECK(d1.orders[0].delivered == at("2026-11-05 09:00"));
    CHECK(d1.orders[0].cancelled == kNoTime);
    CHECK(d1.orders[0].fulfillment == Fulfillment::seller);
    const Warning* w = find_warning(s1.warnings, "conflicting_order_rows");
    REQUIRE(w);
    CHECK(w->count == 1);
    CHECK(w->examples == std::vector<std::string>{"A1 (Created Time)"});

    // Two cancelled rows with different Cancel By: the seller's is kept whichever comes first.
    const std::string c = "A2,Cancelled,2026-11-02 09:30,,2026-11-02 12:00,Buyer,\n";
    const std::string e = "A2,Cancelled,2026-11-02 09:30,,2026-11-02 12:00,Seller,\n";
    CHECK(read_one(header + c + e, ExportKind::orders).orders[0].cancel_by == CancelBy::seller);
    CHECK(read_one(header + e + c, ExportKind::orders).orders[0].cancel_by == CancelBy::seller);
}

TEST_CASE("ingest/SKU rows: the latest Delivered Time and the earliest Cancelled Time, in any row order", "[ingest][shapes][boundary]") {
    // docs/exports.md: an order is delivered when its last package is (the latest Delivered Time
    // of its rows) and cancelled when its first cancelled row is. A1's rows: delivered 11-05 and
    // 11-07 (its deliver-by day is 11-06: the order is late, delivered 11-07, whichever row comes
    // first). A2's rows: both cancelled, 11-02 12:00 and 11-03 12:00: cancelled 11-02 12:00.
    const std::string header = "Order ID,Order Status,Created Time,Delivered Time,Cancelled Time,Cancel By\n";
    const std::string a = "A1,Delivered,2026-11-01 09:30,2026-11-05 09:00,,\n";
    const std::string b = "A1,Delivered,2026-11-01 09:30,2026-11-07 09:00,,\n";
    const std::string c = "A2,Cancelled,2026-11-01 09:30,,2026-11-03 12:00,Seller\n";
    const std::string e = "A2,Cancelled,2026-11-01 09:30,,2026-11-02 12:00,Seller\n";
    for (const std::string& rows : {a + b + c + e, b + a + e + c}) {
        const Dataset d = read_one(header + rows, ExportKind::orders);
        REQUIRE(d.orders.size() == 2);
        CHECK(d.find_order("A1")->delivered == at("2026-11-07 09:00"));
        CHECK(d.find_order("A2")->cancelled == at("2026-11-02 12:00"));
    }
}

TEST_CASE("ingest/SKU rows over two orders exports: a later file's rows of an order combine as in one file", "[ingest][shapes][boundary]") {
    // docs/exports.md: the rows of one order combine by the same rules wherever they are. File 1:
    // A1 cancelled 11-02 12:00 by the seller, A4 cancelled without a Cancelled Time (Cancel By
    // only). File 2: A1 again, now with a Delivered Time (11-05 09:00): a delivered order with a
    // cancelled SKU line was delivered, so A1 is not cancelled; A4 twice more, still without a
    // time: one cancelled_without_time in file 2's warnings (one order), dated at its creation;
    // A3 new. Three orders, not four. A1's cancel reason goes with its cancellation; A4 keeps its.
    const std::string header = "Order ID,Order Status,Created Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason\n";
    Ingest ingest(Shop{});
    read_text(ingest, ExportKind::orders, "first.csv",
              header + "A1,Cancelled,2026-11-01 09:30,,2026-11-02 12:00,Seller,Out of stock\n"
                       "A4,Completed,2026-11-01 10:00,,,Seller,Pricing error\n");
    const FileSummary second =
        read_text(ingest, ExportKind::orders, "second.csv",
                  header + "A1,Delivered,2026-11-01 09:30,2026-11-05 09:00,,,\n"
                           "A4,Completed,2026-11-01 10:00,,,Seller,\n"
                           "A4,Completed,2026-11-01 10:00,,,Seller,\n"
                           "A3,Delivered,2026-11-01 11:00,2026-11-04 09:00,,,\n");
    const Dataset d = ingest.finish();
    REQUIRE(d.orders.size() == 3);
    const Order& a1 = *d.find_order("A1");
    CHECK(a1.delivered == at("2026-11-05 09:00"));
    CHECK(a1.cancelled == kNoTime);
    CHECK(a1.cancel_by == CancelBy::unknown);
    CHECK(d.cancel_reason(a1).empty());
    CHECK(d.find_order("A4")->cancelled == at("2026-11-01 10:00"));
    CHECK(d.cancel_reason(*d.find_order("A4")) == "Pricing error");
    CHECK(d.find_order("A3")->delivered == at("2026-11-04 09:00"));
    const Warning* without_time = find_warning(second.warnings, "cancelled_without_time");
    REQUIRE(without_time);
    CHECK(without_time->count == 1);
    CHECK(without_time->examples == std::vector<std::string>{"A4"});
}

TEST_CASE("ingest/SKU rows over two orders exports: later rows combine with what earlier rows said, not with a settled field", "[ingest][shapes][boundary]") {
    // What the rows of an order said lives in the order while an Ingest reads (Order::reading,
    // docs/performance.md "The compact dataset"); its fields are settled when a dataset is handed
    // out, and a dataset handed out between two files must not change what the next file's rows
    // combine with. File 1: A1 cancelled 11-02 12:00 by the buyer and delivered 11-05 in another
    // row (delivered, not cancelled); A2 Cancelled without a time (dated at its creation, 11-01
    // 09:30). File 2: A1 cancelled again, 11-03 12:00 by the seller: its rows now disagree on
    // Cancelled Time (11-02 12:00 was read, though the settled field is empty) and Cancel By, and
    // the warning names the first of the two; A1 stays delivered. A2 gets a Cancelled Time, 11-02
    // 08:00: that is its time, and no conflict (the creation time was a stand-in, not a value read).
    const std::string header = "Order ID,Order Status,Created Time,Delivered Time,Cancelled Time,Cancel By\n";
    Ingest ingest(Shop{});
    const FileSummary first = read_text(ingest, ExportKind::orders, "first.csv",
                                        header + "A1,Cancelled,2026-11-01 09:30,,2026-11-02 12:00,Buyer\n"
                                                 "A1,Delivered,2026-11-01 09:30,2026-11-05 09:00,,\n"
                                                 "A2,Cancelled,2026-11-01 09:30,,,\n");
    CHECK_FALSE(find_warning(first.warnings, "conflicting_order_rows"));
    const Dataset between = ingest.finish();
    CHECK(between.find_order("A1")->cancelled == kNoTime);
    CHECK(between.find_order("A1")->cancel_by == CancelBy::unknown);
    CHECK(between.find_order("A2")->cancelled == at("2026-11-01 09:30"));
    for (const Order& o : between.orders) CHECK(o.reading == 0);

    const FileSummary second = read_text(ingest, ExportKind::orders, "second.csv",
                                         header + "A1,Cancelled,2026-11-01 09:30,,2026-11-03 12:00,Seller\n"
                                                  "A2,Cancelled,2026-11-01 09:30,,2026-11-02 08:00,\n");
    const Warning* differ = find_warning(second.warnings, "conflicting_order_rows");
    REQUIRE(differ);
    CHECK(differ->count == 1);
    CHECK(differ->examples == std::vector<std::string>{"A1 (Cancelled Time)"});
    CHECK_FALSE(find_warning(second.warnings, "cancelled_without_time"));
    const Dataset d = ingest.finish();
    const Order& a1 = *d.find_order("A1");
    CHECK(a1.delivered == at("2026-11-05 09:00"));
    CHECK(a1.cancelled == kNoTime);
    CHECK(a1.cancel_by == CancelBy::unknown);
    const Order& a2 = *d.find_order("A2");
    CHECK(a2.cancelled == at("2026-11-02 08:00"));
    for (const Order& o : d.orders) CHECK(o.reading == 0);
}

TEST_CASE("ingest/SKU rows after a dataset JSON: an order's cancellation comes from its rows alone", "[ingest][shapes][boundary]") {
    // A dataset JSON read first gives A1 cancelled 11-02 08:00 by the buyer ("Changed mind") and
    // FBT; an orders export then has A1's row, cancelled 11-03 12:00 by the seller with no reason.
    // As fulfilment and type, the cancellation is the rows' (11-03 12:00, seller, no reason), not
    // the earlier of the two times, and no conflict; the fulfilment is the rows' too (none said:
    // seller).
    const std::string json = R"({"schema":"shopscore.dataset/1","orders":[{"id":"A1","created":"2026-11-01 09:30",)"
                             R"("cancelled":"2026-11-02 08:00","cancel_by":"buyer","cancel_reason":"Changed mind",)"
                             R"("fulfillment":"fbt"}]})";
    Ingest ingest(Shop{});
    read_text(ingest, ExportKind::auto_detect, "d.json", json);
    const FileSummary rows = read_text(ingest, ExportKind::orders, "o.csv",
                                       "Order ID,Order Status,Created Time,Cancelled Time,Cancel By\n"
                                       "A1,Cancelled,2026-11-01 09:30,2026-11-03 12:00,Seller\n");
    CHECK_FALSE(find_warning(rows.warnings, "conflicting_order_rows"));
    const Dataset d = ingest.finish();
    REQUIRE(d.orders.size() == 1);
    const Order& a1 = d.orders[0];
    CHECK(a1.created == at("2026-11-01 09:30"));
    CHECK(a1.cancelled == at("2026-11-03 12:00"));
    CHECK(a1.cancel_by == CancelBy::seller);
    CHECK(d.cancel_reason(a1).empty());
    CHECK(a1.fulfillment == Fulfillment::seller);
    CHECK(a1.reading == 0);
}

TEST_CASE("ingest/SKU rows: category, product, carrier and warehouse are each the first in text order, in any row order", "[ingest][shapes][boundary]") {
    // docs/exports.md: each of these texts is the least non-empty one of the order's rows, part by
    // part (an empty cell never wins). Rows x, y, z of A1 in all six orders: category min(Toys,
    // Kitchen) = Kitchen, product min(Zebra mug, Apple tin) = Apple tin, carrier min(USPS, DHL) =
    // DHL (from the third row alone), warehouse min(East WH, West WH) = East WH.
    const std::string header = "Order ID,Created Time,Product Category,Product Name,Shipping Provider Name,Warehouse Name\n";
    std::vector<std::string> rows = {"A1,2026-11-01 09:30,Toys,Zebra mug,USPS,East WH\n",
                                     "A1,2026-11-01 09:30,Kitchen,Apple tin,,West WH\n", "A1,2026-11-01 09:30,,,DHL,\n"};
    std::sort(rows.begin(), rows.end());
    int orders_tried = 0;
    do {
        const Dataset d = read_one(header + rows[0] + rows[1] + rows[2], ExportKind::orders);
        REQUIRE(d.orders.size() == 1);
        const Order& o = d.orders[0];
        CHECK(d.category(o) == "Kitchen");
        CHECK(d.product(o) == "Apple tin");
        CHECK(d.carrier(o) == "DHL");
        CHECK(d.warehouse(o) == "East WH");
        ++orders_tried;
    } while (std::next_permutation(rows.begin(), rows.end()));
    CHECK(orders_tried == 6);
}

TEST_CASE("ingest/blank rows: a row of whitespace-only cells is no row at all", "[ingest][shapes][boundary]") {
    // Spaces, a tab and a no-break space (U+00A0) in every cell: skipped like an empty line, so the
    // file reads as the same two data rows with no warning. A row with one real cell is a row: its
    // missing Order ID is an error naming it (row 3).
    const std::string header = "Order ID,Order Status,Created Time\n";
    const std::string rows = "A1,Delivered,2026-11-01 09:30\nA2,Delivered,2026-11-01 10:30\n";
    FileSummary plain, spaced;
    const Dataset d1 = read_one(header + rows, ExportKind::orders, &plain);
    const Dataset d2 = read_one(header + "A1,Delivered,2026-11-01 09:30\n  ,\t,\xC2\xA0 \nA2,Delivered,2026-11-01 10:30\n",
                                ExportKind::orders, &spaced);
    CHECK(spaced.rows == 2);
    CHECK(spaced.rows == plain.rows);
    CHECK(spaced.warnings.size() == plain.warnings.size());
    CHECK(fingerprint(d1) == fingerprint(d2));
    CHECK(error_of([&] { read_one(header + "A1,Delivered,2026-11-01 09:30\n ,x, \n", ExportKind::orders); }) != "(no error)");
}

TEST_CASE("ingest/reviews: the review words column, English and Chinese headers", "[ingest][shapes][reviews]") {
    // The words are kept as written (trimmed); a review without words has none.
    const Dataset en = read_one("Order ID,Rating,Review Time,Review Content\n"
                                "A1,1,2026-11-05 10:00,\" Arrived broken \"\n"
                                "A2,5,2026-11-05 11:00,\n",
                                ExportKind::reviews);
    REQUIRE(en.reviews.size() == 2);
    CHECK(en.reviews[0].text == "Arrived broken");
    CHECK(en.reviews[1].text.empty());
    const Dataset zh = read_one("订单号,评分,评价时间,评价内容\nB1,2,2026-11-05 10:00,与描述不符\n", ExportKind::reviews);
    REQUIRE(zh.reviews.size() == 1);
    CHECK(zh.reviews[0].text == "与描述不符");
}
