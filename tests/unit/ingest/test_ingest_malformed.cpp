// Issue 4: malformed exports give "FILE:ROW:COLUMN: expected ..." (the CLI prints it and exits
// 2), never a crash or a silently wrong number. ROW is the row a spreadsheet shows (header = 1);
// COLUMN is the header text, or the column letter where there is none.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>

#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;
using Catch::Matchers::Contains;
using Catch::Matchers::Matches;
using Catch::Matchers::StartsWith;

namespace {

std::string error_reading(const std::string& relative, ExportKind kind = ExportKind::orders, bool text_is_utf8 = false,
                          const std::vector<size_t>& cuts = {}) {
    const std::string bytes = fixture("malformed/" + relative);
    return error_of([&] {
        Ingest ingest(Shop{});
        read_text(ingest, kind, relative, bytes, cuts, text_is_utf8);
        ingest.finish();
    });
}

std::string error_text(const std::string& text, ExportKind kind = ExportKind::orders, const std::string& name = "x.csv") {
    return error_of([&] {
        Ingest ingest(Shop{});
        read_text(ingest, kind, name, text);
    });
}

}  // namespace

TEST_CASE("ingest/malformed: a missing required column names it on the header row", "[ingest][malformed]") {
    CHECK_THAT(error_reading("missing_column.csv"),
               StartsWith("missing_column.csv:1:Created Time: expected a column \"Created Time\" (or created, Create Time, "
                          "Order Created Time) in the orders header row, not found"));
    CHECK_THAT(error_text("Order ID,Reason\n1,fraud\n", ExportKind::returns),
               StartsWith("x.csv:1:Time Requested: expected a column \"Time Requested\""));
}

TEST_CASE("ingest/malformed: a bad date names row and column", "[ingest][malformed]") {
    CHECK(error_reading("bad_date.csv") ==
          std::string("bad_date.csv:14:Delivered Time: expected ") + kTimestampExpectation + ", got \"31/31/2026\"");
    CHECK(error_text("Order ID,Created Time\nA1,2026-02-30 10:00\n") ==
          std::string("x.csv:2:Created Time: expected ") + kTimestampExpectation + ", got \"2026-02-30 10:00\"");
    CHECK_THAT(error_text("Order ID,Created Time\nA1,\n"), StartsWith("x.csv:2:Created Time: expected the order's creation time, got an empty cell"));
}

TEST_CASE("ingest/malformed: Handling Days is a whole number of days 0-365, as in the dataset JSON", "[ingest][malformed][boundary]") {
    // 365 is read; 366, a typo such as 3650 or 36509 (once read: its deliver-by day years later
    // made a late order on time), a sign, a decimal and text name the cell. Empty: not given.
    const std::string header = "Order ID,Created Time,Normal or Pre-order,Handling Days\n";
    Ingest ingest(Shop{});
    read_text(ingest, ExportKind::orders, "x.csv",
              header + "A1,2026-11-01 09:30,Made-to-order,365\nA2,2026-11-01 09:30,Made-to-order,0\nA3,2026-11-01 09:30,Made-to-order,\n");
    const Dataset d = ingest.finish();
    CHECK(d.find_order("A1")->handling_days == 365);
    CHECK(d.find_order("A2")->handling_days == 0);
    CHECK(d.find_order("A3")->handling_days == -1);
    for (const char* bad : {"366", "3650", "36509", "99999999999", "-1", "5.5", "5 days"}) {
        INFO(bad);
        CHECK(error_text(header + "A1,2026-11-01 09:30,Made-to-order,5\nA2,2026-11-01 09:30,Made-to-order," + bad + "\n") ==
              std::string("x.csv:3:Handling Days: expected a whole number of days 0-365, got \"") + bad + "\"");
    }
}

TEST_CASE("ingest/malformed: an unterminated quote names the row where the cell starts", "[ingest][malformed]") {
    CHECK(error_reading("unterminated_quote.csv") ==
          "unterminated_quote.csv:6:Product Name: expected a closing quote (\") for the quoted cell that starts on this row");
}

TEST_CASE("ingest/malformed: bytes that are neither UTF-8 nor GB18030", "[ingest][malformed]") {
    CHECK(error_reading("latin1.csv") == "latin1.csv:2:Recipient: expected UTF-8 or GB18030 text, got byte 0xE9 that is not part of it");
    // The page passes text already decoded: anything but UTF-8 is refused.
    CHECK(error_reading("latin1.csv", ExportKind::orders, true) ==
          "latin1.csv:2:Recipient: expected UTF-8 text, got byte 0xE9 that is not part of it");
    // A UTF-8 é then a Latin-1 é: a two-byte character is no evidence for UTF-8, the lone 0xE9 is
    // evidence against it, so GB18030, which cannot read 0xE9 before a line end either.
    const std::string utf8_then_bad = "Order ID,Created Time,Product Category\nA1,2026-11-02 09:30,Caf\xC3\xA9\nA2,2026-11-02 09:30,Caf\xE9\n";
    CHECK(error_text(utf8_then_bad) == "x.csv:3:Product Category: expected UTF-8 or GB18030 text, got byte 0xE9 that is not part of it");
}

TEST_CASE("ingest/malformed: a file that ends inside a UTF-8 sequence: its last cell is a bad cell", "[ingest][malformed]") {
    // Still UTF-8 (a cut-off end is no evidence of GB18030), so not "Caf茅" read as GB18030: the
    // cut-off cell is named and read as empty, as any cell UTF-8 cannot read (issue 17).
    Ingest ingest(Shop{});
    const FileSummary s =
        ingest_test::read_text(ingest, ExportKind::orders, "x.csv", "Order ID,Created Time,Product Category\nA1,2026-11-02 09:30,Caf\xC3\xA9\xE8\xAE");
    CHECK(s.encoding == "utf-8");
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].code == "bad_cell_encoding");
    CHECK(s.warnings[0].examples == std::vector<std::string>{"x.csv:2:Product Category"});
    const Dataset d = ingest.finish();
    REQUIRE(d.orders.size() == 1);
    CHECK(d.category(d.orders[0]).empty());
}

TEST_CASE("ingest/malformed: empty files", "[ingest][malformed]") {
    CHECK(error_reading("empty.csv") == "empty.csv:1:A: expected a header row, got an empty file");
    CHECK(error_reading("blank_lines.csv") == "blank_lines.csv:1:A: expected a header row, got an empty file");
    CHECK(error_reading("empty.csv", ExportKind::auto_detect) == "empty.csv:1:A: expected a header row, got an empty file");
}

TEST_CASE("ingest/malformed: binary garbage is refused with a position, not read", "[ingest][malformed]") {
    const std::string e = error_reading("garbage.bin", ExportKind::auto_detect);
    CHECK_THAT(e, Matches("garbage\\.bin:[0-9]+:[A-Z]+: expected .*"));
    CHECK(error_text(std::string("Order ID,Created Time\nA1,2026-11-02 09:30\n\0\0\0", 44)) ==
          "x.csv:3:Order ID: expected text, got binary data (byte 0x00)");
    CHECK(error_reading("zip_as_text.csv") == "zip_as_text.csv:1:A: expected CSV/TSV text, got an XLSX (zip) file: open it as XLSX");
    // Seeded random bytes of every length up to 200, in every kind: always an InputError.
    std::mt19937 rng(20261120);
    for (int n = 1; n <= 200; ++n) {
        std::string bytes(static_cast<size_t>(n), '\0');
        for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
        for (ExportKind kind : {ExportKind::auto_detect, ExportKind::orders}) {
            INFO("random bytes, length " << n);
            CHECK_THAT(error_text(bytes, kind, "r.bin"), Matches("r\\.bin:[0-9]+:[A-Z].*: .*"));
        }
    }
}

TEST_CASE("ingest/malformed: a second header row that is not descriptions", "[ingest][malformed]") {
    CHECK(error_reading("second_header.csv") ==
          "second_header.csv:2:Order ID: expected data or a row of column descriptions after the header, got a second header row");
    CHECK(error_reading("second_header_zh.csv") ==
          "second_header_zh.csv:2:Order ID: expected data or a row of column descriptions after the header, got a second header row");
}

TEST_CASE("ingest/malformed: a date in the other order than the rest of the file", "[ingest][malformed]") {
    CHECK(error_reading("mixed_date_order.csv") ==
          std::string("mixed_date_order.csv:3:Delivered Time: expected ") + kTimestampExpectation +
              ", got \"25/11/2026 03:00:00 PM\" (this file writes dates month-first, like 11/25/2026, see row 3)");
}

// Unknown values of enumerated columns (Fulfillment Type, Cancel By, Return Type, exclusion
// reasons) are warnings now, not errors: tests/unit/ingest/test_ingest_shapes.cpp.
TEST_CASE("ingest/malformed: values outside the known sets", "[ingest][malformed]") {
    CHECK_THAT(error_reading("number_id.csv"),
               StartsWith("number_id.csv:5:Order ID: expected an order ID as text, got \"5.77123456789E+17\""));
    CHECK_THAT(error_text("order_id,sku,rating,created\nA1,S1,6,2026-11-02 09:30\n", ExportKind::reviews),
               StartsWith("x.csv:2:rating: expected a star rating 1-5, got \"6\""));
}

TEST_CASE("ingest/malformed: a header nobody knows, and JSON given as an export", "[ingest][malformed]") {
    CHECK_THAT(error_text("Foo,Bar\n1,2\n", ExportKind::auto_detect),
               StartsWith("x.csv:1:A: expected the header row of an orders, returns, reviews, chats or exclusions export"));
    CHECK_THAT(error_text("{\"orders\": []}", ExportKind::orders), StartsWith("x.csv:1:A: expected a CSV/TSV orders export, got JSON"));
}

TEST_CASE("ingest/malformed: errors are the same whatever the chunking", "[ingest][malformed]") {
    for (const char* name : {"bad_date.csv", "unterminated_quote.csv", "latin1.csv", "second_header.csv", "mixed_date_order.csv"}) {
        const std::string bytes = fixture(std::string("malformed/") + name);
        const std::string whole = error_reading(name);
        bool same = true;
        for (size_t cut = 0; cut <= bytes.size() && same; cut += 3) same = error_reading(name, ExportKind::orders, false, {cut}) == whole;
        INFO(name);
        CHECK(same);
    }
}

TEST_CASE("ingest/malformed: broken XLSX sheet XML", "[ingest][malformed]") {
    auto sheet_error = [](const std::string& shared, const std::string& sheet) {
        return error_of([&] {
            Ingest ingest(Shop{});
            read_xlsx(ingest, ExportKind::orders, "book.xlsx", Unzipped{shared, sheet});
        });
    };
    const std::string shared = R"(<sst><si><t>Order ID</t></si><si><t>Created Time</t></si><si><t>A1</t></si></sst>)";
    const std::string head = R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)";
    CHECK(sheet_error(shared, head + R"(<row r="2"><c r="A2" t="s"><v>7</v></c></row></sheetData></worksheet>)") ==
          "book.xlsx:2:Order ID: expected a shared string index below 3, got \"7\"");
    CHECK(sheet_error(shared, head + R"(<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>12</v></c></row></sheetData></worksheet>)") ==
          std::string("book.xlsx:2:Created Time: expected ") + kTimestampExpectation + ", got \"12\"");
    CHECK_THAT(sheet_error(shared, head + R"(<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>2026-11-02 09:30</t></is></c></row></sheetData></works)"),
               StartsWith("book.xlsx:1:A: expected well-formed XLSX sheet XML"));
    CHECK(sheet_error(shared, R"(<worksheet><sheetData></sheetData></worksheet>)") == "book.xlsx:1:A: expected a header row, got an empty file");
}
