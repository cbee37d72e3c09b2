// The export-shape sets of issue 8 (tests/data/exports/make_shape_fixtures.py): each directory is
// read as the CLI reads it (its own shop.json, options.json's date order) and checked against its
// expected.json, whose numbers were worked out by hand in the generator's comments. Also: the
// result does not depend on the order of the data rows (issue 9 finding 6).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "shopscore/score.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;
using nlohmann::json;

namespace {

const char* const kSets[] = {"us_one_week", "intl_day_first", "pending_dates", "pending_dates_xlsx", "stated_dmy", "conflicting_rows"};
const char* const kKinds[] = {"orders", "returns"};

bool exists(const std::string& path) { return std::ifstream(path).good(); }

struct Read {
    Dataset dataset;
    std::map<std::string, int64_t> rows;
};

// `reverse_rows`: the data rows of every CSV in the opposite order (header and description kept).
Read read_set(const std::string& set, bool reverse_rows = false) {
    const std::string dir = set + "/";
    Ingest ingest(shop_from_json(fixture(dir + "shop.json"), "shop.json"));
    if (exists(exports_dir() + dir + "options.json"))
        ingest.set_date_order(date_order_from_name(json::parse(fixture(dir + "options.json")).at("date_order").get<std::string>()));
    Read out;
    for (const char* kind : kKinds) {
        for (const char* ext : {".csv", ".xlsx"}) {
            const std::string name = std::string(kind) + ext;
            if (!exists(exports_dir() + dir + name)) continue;
            const ExportKind k = export_kind_from_name(kind);
            std::string bytes = fixture(dir + name);
            FileSummary s;
            if (std::string(ext) == ".xlsx") {
                s = read_xlsx(ingest, k, name, unzip_xlsx(bytes));
            } else {
                if (reverse_rows) {
                    // Lines end with CRLF and no cell holds a line break in these sets.
                    std::vector<std::string> lines;
                    for (size_t at = 0; at < bytes.size();) {
                        const size_t end = bytes.find("\r\n", at);
                        lines.push_back(bytes.substr(at, end - at + 2));
                        at = end + 2;
                    }
                    const bool described = lines.size() > 1 && (lines[1].find("Platform unique order ID") != std::string::npos ||
                                                                lines[1].find("平台唯一订单号") != std::string::npos);
                    const size_t keep = described ? 2 : 1;
                    std::reverse(lines.begin() + static_cast<long>(keep), lines.end());
                    bytes.clear();
                    for (const auto& l : lines) bytes += l;
                }
                s = read_text(ingest, k, name, bytes);
            }
            out.rows[name] = s.rows;
        }
    }
    out.dataset = ingest.finish();
    return out;
}

}  // namespace

TEST_CASE("ingest sets: each shape set reads as worked out by hand", "[ingest][sets]") {
    for (const char* set : kSets) {
        SECTION(set) {
            const json want = json::parse(fixture(std::string(set) + "/expected.json"));
            const Read got = read_set(set);
            const Dataset& d = got.dataset;
            for (const auto& [file, rows] : want.at("rows").items()) CHECK(got.rows.at(file) == rows.get<int64_t>());
            CHECK(d.orders.size() == want.at("orders").get<size_t>());
            const Result r = score(d, {});
            CHECK(format_day(r.as_of) == want.at("as_of").get<std::string>());
            for (const auto& [metric, counts] : want.at("metrics").items()) {
                INFO(metric);
                const size_t m = static_cast<size_t>(std::find(kMetricNames.begin(), kMetricNames.end(), metric) - kMetricNames.begin());
                REQUIRE(m < kMetricCount);
                REQUIRE(r.metrics[m].numerator);
                CHECK(*r.metrics[m].numerator == counts[0].get<double>());
                CHECK(*r.metrics[m].denominator == counts[1].get<double>());
            }
            // Every warning of the result, by code: the sum of its counts (one date_order per file).
            // metric_no_data (one per metric without data, no count) is checked by its metrics.
            std::map<std::string, int64_t> warnings, expected;
            // metric_missing likewise: a metric whose export is not in the set (never 0 %).
            std::vector<std::string> no_data, missing;
            for (const Warning& w : r.warnings) {
                if (w.code == "metric_no_data") no_data.push_back(w.params.at("metric"));
                else if (w.code == "metric_missing") missing.push_back(w.params.at("metric"));
                else warnings[w.code] += w.count;
            }
            CHECK(no_data == want.at("no_data").get<std::vector<std::string>>());
            CHECK(missing == want.at("missing").get<std::vector<std::string>>());
            for (const auto& [code, count] : want.at("warnings").items()) expected[code] = count.get<int64_t>();
            CHECK(warnings == expected);
            if (want.contains("date_order"))
                for (const Warning& w : r.warnings)
                    if (w.code == "date_order") CHECK(w.params.at("order") == want.at("date_order").get<std::string>());
            std::vector<std::string> fbt, cancelled;
            for (const Order& o : d.orders) {
                if (o.fulfillment == Fulfillment::fbt) fbt.push_back(d.order_id(o));
                if (o.cancelled != kNoTime) cancelled.push_back(d.order_id(o));
            }
            CHECK(fbt == want.at("fbt").get<std::vector<std::string>>());
            CHECK(cancelled == want.at("cancelled").get<std::vector<std::string>>());
        }
    }
}

TEST_CASE("ingest sets: the data rows in the opposite order give the same result", "[ingest][sets]") {
    for (const char* set : {"us_one_week", "intl_day_first", "conflicting_rows", "pending_dates"}) {
        SECTION(set) {
            Dataset forward = read_set(set).dataset, backward = read_set(set, true).dataset;
            // Record order follows the rows; the result must not.
            Result a = score(forward, {}), b = score(backward, {});
            // Warnings list examples (and the deciding row) in file order: compared by code and count.
            auto codes = [](Result& r) {
                std::map<std::string, int64_t> out;
                for (const Warning& w : r.warnings) out[w.code] += w.count;
                r.warnings.clear();
                return out;
            };
            CHECK(codes(a) == codes(b));
            CHECK(result_to_json(a) == result_to_json(b));
        }
    }
}
