// Issue 4, piece by piece: the alias table, encodings, the CSV shapes, day-first detection,
// Excel serial dates, SKU-row merging, warnings, and the XLSX package helpers.
#include <catch2/catch.hpp>

#include "ingest/date_resolver.h"
#include "ingest/header_map.h"
#include "ingest/row_mapper.h"
#include "ingest/text_decoder.h"
#include "ingest/xlsx_reader.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

Dataset read_csv(const std::string& text, ExportKind kind = ExportKind::auto_detect, FileSummary* summary = nullptr,
                 Shop shop = Shop{}) {
    Ingest ingest(std::move(shop));
    FileSummary s = read_text(ingest, kind, "t.csv", text);
    if (summary) *summary = s;
    return ingest.finish();
}

Seconds at(const char* iso) { return *parse_timestamp(iso, 0); }

std::string decode(const std::string& bytes, std::string* encoding = nullptr) {
    ingest::TextDecoder d(false);
    std::string out;
    REQUIRE(d.decode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out));
    REQUIRE(d.finish(out));
    if (encoding) *encoding = d.encoding();
    return out;
}

}  // namespace

TEST_CASE("ingest/aliases: every field the readers use is in header_aliases.json", "[ingest][units]") {
    // Building each mapper resolves its field names; a missing one throws std::logic_error.
    ingest::IngestState state;
    ingest::DateResolver dates(0, false);
    std::vector<Warning> warnings;
    for (ExportKind kind : {ExportKind::orders, ExportKind::returns, ExportKind::reviews, ExportKind::chats, ExportKind::exclusions}) {
        INFO(export_kind_name(kind));
        CHECK_NOTHROW(ingest::make_row_mapper(kind, state, dates, warnings, "f.csv"));
    }
    CHECK(ingest::normalize_label(" Order_ID ") == "orderid");
    CHECK(ingest::normalize_label("订单号：") == "订单号");
    // Each sequence that carries no meaning, alone, between letters and cut short at the end
    // (a cut sequence is kept byte for byte: it is not the character).
    CHECK(ingest::normalize_label("a\xE3\x80\x80" "b\xEF\xBC\x88" "c\xEF\xBC\x89" "d\xEF\xBC\x9A" "e\xEF\xBB\xBF" "f\xC2\xA0" "g") == "abcdefg");
    CHECK(ingest::normalize_label("\xEF\xBB\xBF" "Order ID") == "orderid");
    CHECK(ingest::normalize_label("a\xE3\x80") == "a\xE3\x80");
    CHECK(ingest::normalize_label("a\xEF\xBC") == "a\xEF\xBC");
    CHECK(ingest::normalize_label("a\xC2") == "a\xC2");
    // A label is a view into the file's text: the bytes after its end are another cell's, never
    // part of a sequence (here the full-width space's last byte lies just past the view).
    CHECK(ingest::normalize_label(std::string_view("a\xE3\x80\x80", 3)) == "a\xE3\x80");
    CHECK(ingest::normalize_label(std::string_view("a\xC2\xA0", 2)) == "a\xC2");
    CHECK(ingest::normalize_label("\xE3\x80\x81") == "\xE3\x80\x81");  // U+3001 (、) is kept
    CHECK(ingest::normalize_label("\xEF\xBC\x8A") == "\xEF\xBC\x8A");  // U+FF0A (＊) is kept
    CHECK(ingest::normalize_label("\xC2\xA1") == "\xC2\xA1");            // U+00A1 (¡) is kept
    const auto& t = ingest::AliasTable::get();
    CHECK(t.value("fulfillment", "Fulfillment by TikTok Shop") == "fbt");
    CHECK(t.value("cancel_by", "商家") == "seller");
    CHECK(t.value("request_type", "Return/Refund") == "return");
    CHECK(t.value("request_type", "Refund only") == "refund");
    CHECK(t.value("exclusion_flag", "Creator sample") == "sample");
    CHECK(t.value("fulfillment", "by pigeon").empty());
}

TEST_CASE("ingest/decoder: encodings are detected from the bytes", "[ingest][units]") {
    std::string enc;
    CHECK(decode("a,b\n", &enc) == "a,b\n");
    CHECK(enc == "utf-8");
    CHECK(decode("\xEF\xBB\xBF" "a\n", &enc) == "a\n");
    CHECK(enc == "utf-8-bom");
    CHECK(decode("\xB6\xA9\xB5\xA5\xBA\xC5", &enc) == "订单号");  // GBK bytes of 订单号
    CHECK(enc == "gb18030");
    // Supplementary planes are a linear range in GB18030 (computed, not iconv's table).
    CHECK(decode("x\x95\x32\x82\x36", &enc) == "x\xF0\xA0\x80\x80");  // U+20000
    CHECK(decode("\x80", &enc) == "\xE2\x82\xAC");                    // code page 936 euro sign
    CHECK(decode(std::string("\xFF\xFE" "a\0,\0b\0", 8), &enc) == "a,b");             // Excel "Unicode text"
    CHECK(enc == "utf-16le");
}

TEST_CASE("ingest/csv: shapes Excel and Seller Center write", "[ingest][units]") {
    const std::string text =
        "sep=;\r\n"
        "Order ID;Created Time;Product Category;Cancel Reason;Order Status;Cancel By\r\n"
        "A1;2026-11-02 09:30;\"Home; \"\"Deco\"\"\r\nline 2\";;Completed;\r\n"
        "A2;2026-11-03 10:00;\"Kit\"chen;\"Out of stock\";Cancelled;Seller\r\n"
        "\r\n\r\n";
    FileSummary s;
    const Dataset d = read_csv(text, ExportKind::auto_detect, &s);
    CHECK(s.kind == ExportKind::orders);
    CHECK(s.rows == 2);
    REQUIRE(d.orders.size() == 2);
    CHECK(d.category(d.orders[0]) == "Home; \"Deco\"\r\nline 2");
    CHECK(d.category(d.orders[1]) == "Kitchen");
    CHECK(d.orders[1].cancel_by == CancelBy::seller);
    CHECK(d.cancel_reason(d.orders[1]) == "Out of stock");
    CHECK(d.orders[1].cancelled == d.orders[1].created);  // no Cancelled Time column: dated at creation
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].code == "cancelled_without_time");
    CHECK(s.warnings[0].examples == std::vector<std::string>{"A2"});
}

TEST_CASE("ingest/orders: SKU rows merge into one order; a description row is skipped", "[ingest][units]") {
    const std::string text =
        "Order ID,SKU ID,Created Time,Delivered Time,Fulfillment Type,Normal or Pre-order,Product Category\n"
        "Platform unique order ID.,SKU ID.,Order created time.,Delivered time.,How fulfilled.,Order type.,Category.\n"
        "A1,S1,11/02/2026 09:30:00 AM\t,11/06/2026 03:00:00 PM\t,Fulfillment by TikTok Shop,Pre-order,Home\n"
        "A1,S2,11/02/2026 09:30:00 AM\t,11/06/2026 03:00:00 PM\t,Fulfillment by TikTok Shop,Pre-order,Home\n"
        "A2,S1,11/13/2026 10:00:00 AM\t,,Fulfilled by seller,Normal,\n";
    FileSummary s;
    const Dataset d = read_csv(text, ExportKind::orders, &s);
    CHECK(s.rows == 3);
    REQUIRE(d.orders.size() == 2);
    CHECK(d.order_id(d.orders[0]) == "A1");
    CHECK(d.orders[0].created == at("2026-11-02 09:30"));
    CHECK(d.orders[0].delivered == at("2026-11-06 15:00"));
    CHECK(d.orders[0].fulfillment == Fulfillment::fbt);
    CHECK(d.orders[0].type == OrderType::pre_order);
    CHECK(d.orders[1].delivered == kNoTime);
    CHECK(d.orders[1].fulfillment == Fulfillment::seller);
}

TEST_CASE("ingest/dates: the slash order is found per file", "[ingest][units]") {
    // Day first: decided by 25/11 on the last row, applied to the rows before it.
    FileSummary s;
    Dataset d = read_csv("Order ID,Created Time\nA1,03/04/2026 10:00\nA2,25/11/2026 10:00\n", ExportKind::orders, &s);
    CHECK(d.orders[0].created == at("2026-04-03 10:00"));
    CHECK(d.orders[1].created == at("2026-11-25 10:00"));
    CHECK(s.warnings.empty());  // settled by the data: no note
    // Month first, with the 24-hour clock: the data outweighs the clock.
    d = read_csv("Order ID,Created Time\nA1,03/04/2026 10:00\nA2,11/25/2026 10:00\n", ExportKind::orders, &s);
    CHECK(d.orders[0].created == at("2026-03-04 10:00"));
    CHECK(s.warnings.empty());
    // Undecided by the data, AM/PM times: the US export, month first, with a warning that names
    // examples (05/05 reads the same either way and is not one).
    d = read_csv("Order ID,Created Time\nA1,03/04/2026 10:00 AM\nA2,05/05/2026 10:00 PM\n", ExportKind::orders, &s);
    CHECK(d.orders[0].created == at("2026-03-04 10:00"));
    REQUIRE(s.warnings.size() == 2);
    CHECK(s.warnings[0].code == "date_order");
    CHECK(s.warnings[0].params.at("basis") == "clock_12h");
    CHECK(s.warnings[1].code == "ambiguous_dates");
    CHECK(s.warnings[1].count == 1);
    CHECK(s.warnings[1].examples == std::vector<std::string>{"03/04/2026 10:00 AM"});
    CHECK(s.warnings[1].params.at("order") == "mdy");
    REQUIRE(d.warnings.size() == 2);  // also in the dataset, for the result's warnings
    CHECK(d.warnings[1].params.at("file") == "t.csv");
    // Undecided, 24-hour times: another market's export, day first (3 April).
    d = read_csv("Order ID,Created Time\nA1,03/04/2026 10:00\nA2,05/05/2026 10:00\n", ExportKind::orders, &s);
    CHECK(d.orders[0].created == at("2026-04-03 10:00"));
    REQUIRE(s.warnings.size() == 2);
    CHECK(s.warnings[0].params.at("basis") == "clock_24h");
    CHECK(s.warnings[1].params.at("order") == "dmy");
    // Dates only: the US form.
    d = read_csv("Order ID,Created Time\nA1,03/04/2026\n", ExportKind::orders, &s);
    CHECK(d.orders[0].created == at("2026-03-04 00:00"));
    CHECK(s.warnings[0].params.at("basis") == "date_only");
    // Offsets move a timestamp to the shop's clock.
    Shop shop;
    shop.utc_offset_seconds = -8 * 3600;
    d = read_csv("Order ID,Created Time\nA1,2026-11-02T17:30:00Z\n", ExportKind::orders, nullptr, shop);
    CHECK(d.orders[0].created == at("2026-11-02 09:30"));
}

TEST_CASE("ingest/dates: Excel serial numbers in XLSX date columns", "[ingest][units]") {
    CHECK(ingest::excel_serial_to_seconds("46328.3958333333") == at("2026-11-02 09:30"));
    CHECK(ingest::excel_serial_to_seconds("46328") == at("2026-11-02 00:00"));
    CHECK_FALSE(ingest::excel_serial_to_seconds("12"));  // before 1900-03-01: not a date here
    CHECK_FALSE(ingest::excel_serial_to_seconds("1e5"));
    const std::string shared =
        "<sst><si><t>Order ID</t></si><si><r><t>Created</t></r><r><t> Time</t></r><rPh><t>x</t></rPh></si>"
        "<si><t>Cancel Reason</t></si><si><t>Out of_x000D_\nstock _x005F_x0041_</t></si></sst>";
    const std::string sheet =
        R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)"
        R"(<row r="3"><c r="A3" t="inlineStr"><is><t>A&amp;1</t></is></c><c r="B3" s="2"><v>46328.3958333333</v></c></row>)"
        R"(</sheetData></worksheet>)";
    Ingest ingest(Shop{});
    const FileSummary s = read_xlsx(ingest, ExportKind::auto_detect, "book.xlsx", Unzipped{shared, sheet});
    CHECK(s.kind == ExportKind::orders);
    CHECK(s.encoding == "xlsx");
    const Dataset d = ingest.finish();
    REQUIRE(d.orders.size() == 1);
    CHECK(d.order_id(d.orders[0]) == "A&1");
    CHECK(d.orders[0].created == at("2026-11-02 09:30"));
    // No Order Status column and no Cancelled Time: not cancelled, and the reason is not taken.
    CHECK(d.orders[0].cancelled == kNoTime);
    CHECK(d.cancel_reason(d.orders[0]).empty());
    // Excel's _xHHHH_ escapes are undone in shared strings.
    std::vector<std::string> table;
    ingest::SharedStringsReader reader(table);
    reader.feed(shared);
    reader.finish();
    REQUIRE(table.size() == 4);
    CHECK(table[1] == "Created Time");
    CHECK(table[3] == "Out of\r\nstock _x0041_");
}

TEST_CASE("ingest/returns: one request per Return Order ID, times from the columns present", "[ingest][units]") {
    const std::string text =
        "Return Order ID,Order ID,Return Reason,Return Type,Time Requested,Time Approved,Time Received,Time Inspected,Handled By,flags\n"
        "R1,A1,Damaged,Return and refund,2026-11-08 10:00,2026-11-09 12:00,2026-11-12 09:00,2026-11-13 09:00,,fbt_logistics\n"
        "R1,A1,Damaged,Return and refund,2026-11-08 10:00,2026-11-09 12:00,2026-11-12 09:00,2026-11-13 09:00,,fbt_logistics\n"
        "R2,A2, Changed my mind ,Refund only,2026-11-08 11:00,,,,Timeout,\n";
    FileSummary s;
    const Dataset d = read_csv(text, ExportKind::auto_detect, &s);
    CHECK(s.kind == ExportKind::returns);
    REQUIRE(d.after_sales.size() == 2);
    CHECK(d.after_sales[0].type == RequestType::return_);
    CHECK(d.after_sales[0].decided == at("2026-11-09 12:00"));
    CHECK(d.after_sales[0].item_received == at("2026-11-12 09:00"));
    CHECK(d.after_sales[0].inspected == at("2026-11-13 09:00"));
    CHECK(d.after_sales[0].flags == kFlagFbtLogistics);
    CHECK(d.after_sales[0].handled_by == HandledBy::seller);
    CHECK(d.after_sales[1].reason == "Changed my mind");  // verbatim, trimmed
    CHECK(d.after_sales[1].type == RequestType::refund);
    CHECK(d.after_sales[1].handled_by == HandledBy::timeout);
    CHECK(d.after_sales[1].decided == kNoTime);
}

TEST_CASE("ingest/reviews and chats: canonical names and variants", "[ingest][units]") {
    FileSummary s;
    Dataset d = read_csv("订单号,评分,评价时间\nA1,5星,2026-11-08 10:00\nA2,★★,2026-11-08 11:00\n", ExportKind::auto_detect, &s);
    CHECK(s.kind == ExportKind::reviews);
    REQUIRE(d.reviews.size() == 2);
    CHECK(d.reviews[0].rating == 5);
    CHECK(d.reviews[1].rating == 2);
    d = read_csv("End Time,Rating\n2026-11-03 18:00,4\n2026-11-04 18:00,\n", ExportKind::auto_detect, &s);
    CHECK(s.kind == ExportKind::chats);
    REQUIRE(d.chats.size() == 2);
    CHECK(d.chats[0].rating == 4);
    CHECK(d.chats[1].rating == 0);  // not rated
    CHECK(d.chats[0].id != d.chats[1].id);
}

TEST_CASE("ingest/exclusions: pasted lists flag orders, whenever they arrive", "[ingest][units]") {
    Ingest ingest(Shop{});
    read_text(ingest, ExportKind::auto_detect, "x.txt", "A1 fraud\nA9 risky buyer\nA2\tCreator sample\n");
    read_text(ingest, ExportKind::orders, "o.csv", "Order ID,Created Time\nA1,2026-11-02 09:30\nA2,2026-11-02 09:30\n");
    read_text(ingest, ExportKind::exclusions, "y.csv", "A1,gift\n");
    const Dataset d = ingest.finish();
    CHECK(d.orders[0].flags == (kFlagFraud | kFlagGift));
    CHECK(d.orders[1].flags == kFlagSample);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].code == "exclusion_unknown_order");
    CHECK(d.warnings[0].examples == std::vector<std::string>{"A9"});
}

TEST_CASE("ingest/xlsx: the sheet named OrderSKUList is preferred, else the first", "[ingest][units]") {
    const std::string workbook =
        R"(<workbook xmlns:r="r"><sheets><sheet name="Summary" sheetId="1" r:id="rId1"/>)"
        R"(<sheet name="OrderSKUList" sheetId="2" r:id="rId2"/></sheets></workbook>)";
    const std::string rels =
        R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>)"
        R"(<Relationship Id="rId2" Type="x/worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
        R"(<Relationship Id="rId3" Type="http://x/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";
    auto parts = ingest::find_workbook_parts(workbook, rels);
    REQUIRE(parts);
    CHECK(parts->sheet_path == "xl/worksheets/sheet2.xml");
    CHECK(parts->shared_strings_path == "xl/sharedStrings.xml");
    parts = ingest::find_workbook_parts(workbook, rels, "Returns");
    REQUIRE(parts);
    CHECK(parts->sheet_path == "xl/worksheets/sheet1.xml");
    CHECK_FALSE(ingest::find_workbook_parts("<workbook/>", rels));
    // What the CLI and the page (findWorkbookParts) use: the same choice, a bad_xlsx error instead
    // of nullopt, and the usual shared-strings path when the relationships name none.
    CHECK(choose_workbook_parts("o.xlsx", workbook, rels).sheet_path == "xl/worksheets/sheet2.xml");
    CHECK(choose_workbook_parts("o.xlsx", workbook, R"(<Relationships><Relationship Id="rId2" Target="worksheets/a.xml"/></Relationships>)")
              .shared_strings_path == "xl/sharedStrings.xml");
    CHECK_THROWS_WITH(choose_workbook_parts("o.xlsx", "<workbook/>", rels),
                      "o.xlsx:1:A: expected an XLSX workbook, got a workbook without a readable sheet list");
    CHECK(workbook_parts_to_json(choose_workbook_parts("o.xlsx", workbook, rels)) ==
          R"({"sheet_path":"xl/worksheets/sheet2.xml","sheet_name":"OrderSKUList","shared_strings_path":"xl/sharedStrings.xml"})");
    // The fixture's zip directory, as the CLI reads it.
    const std::string zip = fixture("xlsx/orders.xlsx");
    const auto loc = ingest::find_zip_directory(zip, zip.size());
    REQUIRE(loc);
    const auto entries = ingest::read_zip_directory(zip.substr(loc->offset, loc->size), loc->entries);
    REQUIRE(entries);
    CHECK(entries->size() == loc->entries);
    CHECK_FALSE(ingest::find_zip_directory("PK\x03\x04 not really", 16));
}
