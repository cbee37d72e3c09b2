// Issue 4: the reader takes chunks split anywhere (inside a quoted field, a CRLF, a UTF-8 or
// GB18030 sequence, an XML tag or entity) and builds the same dataset whatever the split.
// Every text fixture is split in two at every byte boundary, and fed one byte at a time; the XLSX
// parts likewise (the sheet XML at a stride, to keep the run short, and one byte at a time).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

const std::vector<std::pair<ExportKind, std::string>> kTextFixtures = {
    {ExportKind::orders, "us_bom_crlf/orders.csv"},        {ExportKind::returns, "us_bom_crlf/returns.csv"},
    {ExportKind::reviews, "us_bom_crlf/reviews.csv"},      {ExportKind::chats, "us_bom_crlf/chats.csv"},
    {ExportKind::exclusions, "us_bom_crlf/exclusions.txt"}, {ExportKind::orders, "zh_gb18030/orders.csv"},
    {ExportKind::returns, "zh_gb18030/returns.csv"},       {ExportKind::reviews, "zh_gb18030/reviews.csv"},
    {ExportKind::chats, "zh_gb18030/chats.csv"},           {ExportKind::exclusions, "zh_gb18030/exclusions.csv"},
    {ExportKind::orders, "tsv/orders.tsv"},                {ExportKind::returns, "tsv/returns.tsv"},
    {ExportKind::reviews, "tsv/reviews.tsv"},              {ExportKind::chats, "tsv/chats.tsv"},
    {ExportKind::exclusions, "tsv/exclusions.tsv"},        {ExportKind::orders, "semicolon_day_first/orders.csv"},
    {ExportKind::returns, "semicolon_day_first/returns.csv"}, {ExportKind::reviews, "semicolon_day_first/reviews.csv"},
    {ExportKind::chats, "semicolon_day_first/chats.csv"},  {ExportKind::exclusions, "semicolon_day_first/exclusions.csv"},
    {ExportKind::dataset_json, "dataset_zh.json"},
    // Issue 8 shapes: rows held while the date order is open must not depend on the split either.
    {ExportKind::orders, "us_one_week/orders.csv"},        {ExportKind::orders, "intl_day_first/orders.csv"},
    {ExportKind::orders, "pending_dates/orders.csv"},
    {ExportKind::orders, "conflicting_rows/orders.csv"},
};

// One file read alone, with the summary, as text.
std::string read_one(ExportKind kind, const std::string& name, const std::string& bytes, const std::vector<size_t>& cuts) {
    Ingest ingest(Shop{});
    const FileSummary s = read_text(ingest, kind, name, bytes, cuts);
    return file_summary_to_json(s) + "\n" + fingerprint(ingest.finish());
}

// Records in a fingerprint: its lines that start with "order ", "review ", "request " or "chat ".
size_t record_lines(const std::string& fingerprint_text) {
    size_t n = 0;
    for (size_t at = 0; at < fingerprint_text.size();) {
        const size_t end = std::min(fingerprint_text.find('\n', at), fingerprint_text.size());
        const std::string_view line(fingerprint_text.data() + at, end - at);
        for (const char* kind : {"order ", "review ", "request ", "chat "})
            if (line.substr(0, std::strlen(kind)) == kind) ++n;
        at = end + 1;
    }
    return n;
}

std::vector<size_t> every_byte(size_t n) {
    std::vector<size_t> cuts;
    for (size_t i = 1; i < n; ++i) cuts.push_back(i);
    return cuts;
}

}  // namespace

TEST_CASE("ingest: text fixtures split at every byte boundary read the same", "[ingest][chunks]") {
    for (const auto& [kind, path] : kTextFixtures) {
        SECTION(path) {
            const std::string bytes = fixture(path);
            const std::string whole = read_one(kind, path, bytes, {});
            // The fixture must give records, or every split would trivially read "the same" nothing.
            // An exclusions file read alone gives no records: its rows show as the count of its
            // exclusion_unknown_order warning, which a lost or doubled row would change.
            INFO(whole);
            if (kind == ExportKind::exclusions) {
                REQUIRE(whole.find("warning exclusion_unknown_order 3\n") != std::string::npos);
            } else {
                REQUIRE(record_lines(whole) >= 1);
            }
            bool all_same = true;
            size_t first_bad = 0;
            for (size_t cut = 0; cut <= bytes.size() && all_same; ++cut) {
                if (read_one(kind, path, bytes, {cut}) != whole) {
                    all_same = false;
                    first_bad = cut;
                }
            }
            INFO("first differing split at byte " << first_bad);
            CHECK(all_same);
            CHECK(read_one(kind, path, bytes, every_byte(bytes.size())) == whole);
        }
    }
}

TEST_CASE("ingest: exclusions read before or after the orders give the same dataset", "[ingest][chunks]") {
    auto run = [](bool exclusions_first) {
        Ingest ingest(Shop{});
        if (exclusions_first) read_text(ingest, ExportKind::exclusions, "x.txt", fixture("us_bom_crlf/exclusions.txt"));
        read_text(ingest, ExportKind::orders, "o.csv", fixture("us_bom_crlf/orders.csv"));
        if (!exclusions_first) read_text(ingest, ExportKind::exclusions, "x.txt", fixture("us_bom_crlf/exclusions.txt"));
        return fingerprint(ingest.finish());
    };
    CHECK(run(true) == run(false));
}

TEST_CASE("ingest: XLSX parts split anywhere read the same", "[ingest][chunks][chunks_xlsx]") {
    const Unzipped parts = unzip_xlsx(fixture("xlsx/orders.xlsx"));
    auto read = [&](const std::vector<size_t>& shared_cuts, const std::vector<size_t>& sheet_cuts) {
        Ingest ingest(Shop{});
        const FileSummary s = read_xlsx(ingest, ExportKind::auto_detect, "orders.xlsx", parts, shared_cuts, sheet_cuts);
        return file_summary_to_json(s) + "\n" + fingerprint(ingest.finish());
    };
    const std::string whole = read({}, {});
    bool all_same = true;
    for (size_t cut = 0; cut <= parts.shared_strings.size() && all_same; ++cut) all_same = read({cut}, {}) == whole;
    CHECK(all_same);
    // The sheet XML is ~60 KB; every 7th boundary plus every boundary of its first 4 KB.
    for (size_t cut = 0; cut <= parts.sheet.size() && all_same; cut += cut < 4096 ? 1 : 7) all_same = read({}, {cut}) == whole;
    CHECK(all_same);
    CHECK(read(every_byte(parts.shared_strings.size()), every_byte(parts.sheet.size())) == whole);
}
