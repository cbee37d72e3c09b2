// The batch row and its CSV (core/src/batch_row.cpp): written by `shopscore batch` and, through
// the WASM binding, by the page's Shops view, which assembles the file from the header and one
// line per shop. Expected texts are written out here by hand from docs/cli.md "batch".
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "rules_support.h"
#include "shopscore/batch_row.h"

using namespace shopscore;

namespace {
size_t count_of(const std::string& s, char c) { return static_cast<size_t>(std::count(s.begin(), s.end(), c)); }
}  // namespace

TEST_CASE("batch CSV: the header is the BOM, the columns and LF; the file is header plus lines", "[batch_row]") {
    const std::string header = batch_csv_header();
    REQUIRE(header.rfind("\xEF\xBB\xBF" "shop,as_of,profile,status,delivered_orders_90d,sps,sps_display,sps_low,sps_high,", 0) == 0);
    REQUIRE(header.size() > 4);
    CHECK(header.find(",warnings,error,error_code\n") == header.size() - std::string(",warnings,error,error_code\n").size());
    CHECK(count_of(header, ',') + 1 == batch_columns().size());
    CHECK(batch_csv_header(true).find(",error_code,previous_as_of,previous_sps,sps_change\n") != std::string::npos);

    const Result scored = rules_test::run(rules_test::quick(rules_test::kAllSix));
    const std::vector<ShopRow> rows = {ShopRow{"a", scored, "", "", false, std::nullopt},
                                       ShopRow{"b", std::nullopt, "b/orders.csv: bad", "unknown_header", false, std::nullopt}};
    CHECK(rows_to_csv(rows, false) == header + batch_csv_line(rows[0], false) + batch_csv_line(rows[1], false));
    CHECK(rows_to_csv(rows, true, true) ==
          batch_csv_header(true) + batch_csv_line(rows[0], true, true) + batch_csv_line(rows[1], true, true));
}

TEST_CASE("batch CSV: a failed shop's line is its name, empty cells, the error and its code", "[batch_row]") {
    const size_t n = batch_columns().size();
    // A name starting with = gets the formula guard; an error holding a comma and quotes is quoted.
    const ShopRow bad{"=HYPERLINK(1)", std::nullopt, "s/x.csv: got \"a, b\"", "unknown_header", false, std::nullopt};
    std::string expected = "'=HYPERLINK(1)";
    for (size_t i = 0; i < n - 3; ++i) expected += ",";
    expected += ",\"s/x.csv: got \"\"a, b\"\"\",unknown_header\n";
    CHECK(batch_csv_line(bad, false) == expected);
    // An error starting with - is guarded too: it is text, not a number.
    const ShopRow minus{"m", std::nullopt, "-x", "internal_error", true, std::nullopt};
    const std::string line = batch_csv_line(minus, false);
    CHECK(line.substr(line.size() - std::string(",'-x,internal_error\n").size()) == ",'-x,internal_error\n");
}

TEST_CASE("batch CSV: a scored line writes numbers as the result JSON does", "[batch_row]") {
    // kAllSix: nrr typed 0.6 % -> the cell 0.006; otdr 100 % -> 1 (a whole number, no ".0").
    const Result r = rules_test::run(rules_test::quick(rules_test::kAllSix));
    const std::string line = batch_csv_line(ShopRow{"shop 1", r, "", "", false, std::nullopt}, false);
    std::vector<std::string> cells;
    size_t start = 0;
    for (size_t i = 0; i <= line.size() - 1; ++i)
        if (line[i] == ',' || line[i] == '\n') cells.push_back(line.substr(start, i - start)), start = i + 1;
    const std::vector<std::string> columns = batch_columns();
    REQUIRE(cells.size() == columns.size());
    auto cell = [&](const std::string& column) {
        for (size_t i = 0; i < columns.size(); ++i)
            if (columns[i] == column) return cells[i];
        FAIL("no column " << column);
        return std::string();
    };
    CHECK(cell("shop") == "shop 1");
    CHECK(cell("as_of") == "2026-11-20");
    CHECK(cell("status") == "scored");
    CHECK(cell("nrr") == "0.006");
    CHECK(cell("otdr") == "1");
    CHECK(cell("nrr_denominator").empty());  // typed without counts: empty, never 0
    CHECK(cell("error").empty());
    CHECK(cell("error_code").empty());
    CHECK(cell("forecast_clean").empty());  // without --insights columns
}

TEST_CASE("no_exports_error: the words and code of a shop folder without exports", "[batch_row]") {
    const InputError e = no_exports_error("shops/s1");
    CHECK(std::string(e.what()) ==
          "shops/s1: expected the shop's export files (orders, returns, reviews, chats) in its folder, found none");
    CHECK(e.detail().code == "no_exports");
    CHECK(e.detail().file == "shops/s1");
}
