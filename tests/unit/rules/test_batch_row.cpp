// The batch row and its CSV (core/src/batch_row.cpp): written by `shopscore batch` and, through
// the WASM binding, by the page's Shops view, which assembles the file from the header and one
// line per shop. Expected texts are written out here by hand from docs/cli.md "batch".
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "rules_support.h"
#include "shopscore/batch_row.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

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

namespace {

// Two FBT orders delivered every day from 2026-09-02 to 2026-11-30 and three 1-star reviews
// (test_insights_timeline.cpp's shop, SPS 2.78 rising to 3.5 on 2026-12-04 as the reviews leave
// the window): its insights have a key opportunity, a goal seek, forecast crossings, a trend and
// diagnostics tables.
Result shop_with_insights() {
    std::string orders;
    for (Day d = *parse_day("2026-09-02"); d <= *parse_day("2026-11-30"); ++d)
        for (int i = 0; i < 2; ++i) {
            const std::string id = format_day(d) + "-" + std::to_string(i);
            orders += std::string(orders.empty() ? "" : ",") + R"({"id": ")" + id + R"(", "created": ")" +
                      format_day(d - 2) + R"( 10:00", "delivered": ")" + format_day(d) + R"( 12:00", "fulfillment": "fbt"})";
        }
    std::string reviews;
    for (const char* day : {"2026-10-05", "2026-10-10", "2026-10-15"})
        reviews += std::string(reviews.empty() ? "" : ",") + R"({"order_id": ")" + day + R"(-0", "rating": 1, "created": ")" +
                   day + R"( 18:00"})";
    ScoreOptions options;
    options.insights = true;
    return score(dataset_from_json(rules_test::every_export(R"({"orders": [)" + orders + R"(], "reviews": [)" + reviews + "]}"),
                                   "timeline.json"),
                 options);
}

}  // namespace

TEST_CASE("keep_batch_columns_only: frees what no column reads, the row's bytes stay the same", "[batch_row]") {
    const Result full = shop_with_insights();
    REQUIRE(full.insights);
    // What is freed was there, so the comparison below is of a result that lost something.
    REQUIRE_FALSE(full.insights->diagnostics_tables().empty());
    REQUIRE_FALSE(full.insights->trend.empty());
    REQUIRE(full.insights->moved);
    Result slim = full;
    keep_batch_columns_only(slim);
    CHECK_FALSE(slim.insights->diagnostics);
    CHECK(slim.insights->scenarios.empty());
    CHECK(slim.insights->trend.empty());
    CHECK_FALSE(slim.insights->moved);

    const ShopRow before{"s", full, "", "", false, Reading{*parse_day("2026-11-01"), 3.0}};
    const ShopRow after{"s", slim, "", "", false, Reading{*parse_day("2026-11-01"), 3.0}};
    const std::string line = batch_csv_line(before, true, true);
    // The insight columns are filled (a key opportunity, a goal seek, a forecast event), so a
    // result that lost what they read would not give this line.
    INFO(line);
    CHECK(line.find(",nrr,") != std::string::npos);
    CHECK(line.find("nrr <= ") != std::string::npos);
    CHECK(line.find(" reached 2026-12-") != std::string::npos);
    CHECK(batch_csv_line(after, true, true) == line);
    CHECK(rows_to_json({after}, true, true) == rows_to_json({before}, true, true));
    Result none = rules_test::run(rules_test::quick(rules_test::kAllSix));  // no insights: nothing to free
    keep_batch_columns_only(none);
    CHECK_FALSE(none.insights);
}
