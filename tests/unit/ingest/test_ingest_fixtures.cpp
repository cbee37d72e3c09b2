// Issue 4: real Seller Center exports read as the same dataset (and the same result) as their
// canonical JSON twins, in every variant of encoding, delimiter, date order and container.
// Fixtures and twins: tests/data/exports (written by make_fixtures.py from one shop model).
#include <catch2/catch.hpp>

#include "ingest/text_decoder.h"
#include "shopscore/score.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

struct File {
    ExportKind kind;
    std::string path;  // relative to tests/data/exports
    const char* encoding;
};

struct Variant {
    const char* name;
    const char* twin;
    std::vector<File> files;
};

const std::vector<Variant>& variants() {
    static const std::vector<Variant> v = {
        {"us_bom_crlf", "dataset_en.json",
         {{ExportKind::orders, "us_bom_crlf/orders.csv", "utf-8-bom"},
          {ExportKind::returns, "us_bom_crlf/returns.csv", "utf-8-bom"},
          {ExportKind::reviews, "us_bom_crlf/reviews.csv", "utf-8-bom"},
          {ExportKind::chats, "us_bom_crlf/chats.csv", "utf-8-bom"},
          {ExportKind::exclusions, "us_bom_crlf/exclusions.txt", "utf-8"}}},
        {"zh_gb18030", "dataset_zh.json",
         {{ExportKind::orders, "zh_gb18030/orders.csv", "gb18030"},
          {ExportKind::returns, "zh_gb18030/returns.csv", "gb18030"},
          {ExportKind::reviews, "zh_gb18030/reviews.csv", "gb18030"},
          {ExportKind::chats, "zh_gb18030/chats.csv", "gb18030"},
          {ExportKind::exclusions, "zh_gb18030/exclusions.csv", "gb18030"}}},
        {"tsv", "dataset_en.json",
         {{ExportKind::orders, "tsv/orders.tsv", "utf-8"},
          {ExportKind::returns, "tsv/returns.tsv", "utf-8"},
          {ExportKind::reviews, "tsv/reviews.tsv", "utf-8"},
          {ExportKind::chats, "tsv/chats.tsv", "utf-8"},
          {ExportKind::exclusions, "tsv/exclusions.tsv", "utf-8"}}},
        {"semicolon_day_first", "dataset_en.json",
         {{ExportKind::orders, "semicolon_day_first/orders.csv", "utf-8"},
          {ExportKind::returns, "semicolon_day_first/returns.csv", "utf-8"},
          {ExportKind::reviews, "semicolon_day_first/reviews.csv", "utf-8"},
          {ExportKind::chats, "semicolon_day_first/chats.csv", "utf-8"},
          {ExportKind::exclusions, "semicolon_day_first/exclusions.csv", "utf-8"}}},
        {"xlsx", "dataset_en.json",
         {{ExportKind::orders, "xlsx/orders.xlsx", "xlsx"},
          {ExportKind::returns, "xlsx/returns.csv", "utf-8-bom"},
          {ExportKind::reviews, "xlsx/reviews.csv", "utf-8-bom"},
          {ExportKind::chats, "xlsx/chats.csv", "utf-8-bom"},
          {ExportKind::exclusions, "xlsx/exclusions.txt", "utf-8"}}},
    };
    return v;
}

Shop fixture_shop() { return shop_from_json(fixture("shop.json"), "shop.json"); }

bool is_xlsx(const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".xlsx") == 0; }

// Reads a variant's files; `auto_kind` lets the Ingest recognise each file from its header.
Dataset read_variant(const Variant& v, bool auto_kind, std::vector<FileSummary>* summaries = nullptr) {
    Ingest ingest(fixture_shop());
    for (const File& f : v.files) {
        const ExportKind kind = auto_kind ? ExportKind::auto_detect : f.kind;
        const std::string bytes = fixture(f.path);
        FileSummary s = is_xlsx(f.path) ? read_xlsx(ingest, kind, f.path, unzip_xlsx(bytes)) : read_text(ingest, kind, f.path, bytes);
        if (summaries) summaries->push_back(std::move(s));
    }
    return ingest.finish();
}

}  // namespace

TEST_CASE("ingest: every export variant reads as its canonical JSON twin", "[ingest][fixtures]") {
    for (const Variant& v : variants()) {
        SECTION(v.name) {
            const Dataset twin = dataset_from_json(fixture(v.twin), v.twin);
            std::vector<FileSummary> summaries;
            const Dataset got = read_variant(v, false, &summaries);
            require_same_records(got, twin);
            CHECK(got.shop.as_of == twin.shop.as_of);
            CHECK(got.shop.utc_offset_seconds == twin.shop.utc_offset_seconds);

            // The number that matters: the same result, byte for byte.
            CHECK(result_to_json(score(got, {})) == result_to_json(score(twin, {})));

            REQUIRE(summaries.size() == v.files.size());
            for (size_t i = 0; i < v.files.size(); ++i) {
                INFO(v.files[i].path);
                CHECK(summaries[i].kind == v.files[i].kind);
                CHECK(summaries[i].encoding == v.files[i].encoding);
                CHECK(summaries[i].warnings.empty());  // dates settled by the data need no note
            }
        }
    }
}

TEST_CASE("ingest: the kind of each export is recognised from its header row", "[ingest][fixtures]") {
    for (const Variant& v : variants()) {
        SECTION(v.name) {
            std::vector<FileSummary> summaries;
            const Dataset got = read_variant(v, true, &summaries);
            for (size_t i = 0; i < v.files.size(); ++i) {
                INFO(v.files[i].path);
                CHECK(summaries[i].kind == v.files[i].kind);
            }
            CHECK(fingerprint(got) == fingerprint(read_variant(v, false)));
        }
    }
}

TEST_CASE("ingest: a canonical JSON dataset fed as a file merges like the others", "[ingest][fixtures]") {
    const std::string json = fixture("dataset_en.json");
    const Dataset twin = dataset_from_json(json, "dataset_en.json");
    Ingest ingest(Shop{});
    const FileSummary s = read_text(ingest, ExportKind::auto_detect, "dataset_en.json", json);
    CHECK(s.kind == ExportKind::dataset_json);
    const Dataset got = ingest.finish();
    require_same_records(got, twin);
    CHECK(result_to_json(score(got, {})) == result_to_json(score(twin, {})));
}

TEST_CASE("ingest: the page's already-decoded UTF-8 gives the same dataset as GB18030 bytes", "[ingest][fixtures]") {
    // The page decodes GB18030 files with TextDecoder('gb18030') and passes text_is_utf8 = true.
    const Variant& zh = variants()[1];
    Ingest ingest(fixture_shop());
    for (const File& f : zh.files) {
        const std::string gb = fixture(f.path);
        std::string utf8;
        ingest::TextDecoder decoder(false);
        REQUIRE(decoder.decode(reinterpret_cast<const uint8_t*>(gb.data()), gb.size(), utf8));
        REQUIRE(decoder.finish(utf8));
        REQUIRE(std::string(decoder.encoding()) == "gb18030");
        const FileSummary s = read_text(ingest, f.kind, f.path, utf8, {}, true);
        CHECK(s.encoding == "utf-8");
    }
    CHECK(fingerprint(ingest.finish()) == fingerprint(read_variant(zh, false)));
}

TEST_CASE("ingest: a UTF-8 export with two GBK cells scores as its twin with those cells empty", "[ingest][fixtures][encoding]") {
    // Issue 17, tests/data/exports/mixed_encoding (make_mixed_encoding.py): the zh shop saved as
    // UTF-8 with the product name of row 2 and the cancel reason of row 40 ("缺货", seller fault)
    // saved as GBK. Read in chunks of every size, including 1 byte (the row-40 cell then arrives
    // thousands of chunks after the encoding was decided).
    auto read = [](const std::string& orders, size_t step, std::vector<Warning>* warnings) {
        Ingest ingest(fixture_shop());
        for (const char* name : {"orders", "returns", "reviews", "chats", "exclusions"}) {
            const std::string path = std::string("mixed_encoding/") + (std::string(name) == "orders" ? orders : std::string(name) + ".csv");
            const std::string bytes = fixture(path);
            std::vector<size_t> cuts;
            for (size_t at = step; step && at < bytes.size(); at += step) cuts.push_back(at);
            const FileSummary s = read_text(ingest, ExportKind::auto_detect, name + std::string(".csv"), bytes, cuts);
            CHECK(s.encoding == "utf-8");
            if (warnings)
                for (const Warning& w : s.warnings) warnings->push_back(w);
        }
        return ingest.finish();
    };
    const Dataset clean = read("orders_clean.csv", 0, nullptr);
    const std::optional<double> clean_sps = score(clean, {}).sps;
    REQUIRE(clean_sps);
    for (size_t step : {0, 1, 7, 4096}) {
        INFO("chunk size " << step);
        std::vector<Warning> warnings;
        const Dataset got = read("orders.csv", step, &warnings);
        require_same_records(got, clean);
        CHECK(score(got, {}).sps == clean_sps);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].code == "bad_cell_encoding");
        CHECK(warnings[0].count == 2);
        CHECK(warnings[0].examples ==
              std::vector<std::string>{"orders.csv:2:\u5546\u54C1\u540D\u79F0", "orders.csv:40:\u53D6\u6D88\u539F\u56E0"});  // 商品名称, 取消原因
    }
}
