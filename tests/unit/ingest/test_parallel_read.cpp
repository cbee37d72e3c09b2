// Issue 21: one export read in slices (Ingest::read_file, core/src/ingest/parallel_read.cpp) gives
// what one pass gives, byte for byte: the dataset, the file summary, the warnings in their order
// and the result JSON, or the same first error. The slices run one after another here (the
// merge does not depend on the threads; the CLI's threads are checked by tests/cli), so the same
// test runs natively and in WASM.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "ingest_support.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

Shop test_shop() { return shop_from_json(read_bytes(exports_dir() + "shop.json"), "shop.json"); }

// Everything a reading gives, as text: the summary, every warning whole, the records, the result.
std::string outcome(const std::function<FileSummary(Ingest&)>& read, const Shop& shop) {
    std::ostringstream o;
    try {
        Ingest ingest(shop);
        const FileSummary summary = read(ingest);
        const Dataset d = ingest.take();
        o << file_summary_to_json(summary) << '\n' << fingerprint(d);
        for (const Warning& w : d.warnings) {
            o << w.code << ' ' << w.count << ' ' << w.message;
            for (const auto& e : w.examples) o << " | " << e;
            for (const auto& [k, v] : w.params) o << ' ' << k << '=' << v;
            o << '\n';
        }
        try {
            o << result_to_json(score(d, ScoreOptions{}));
        } catch (const std::exception& e) {
            o << "score: " << e.what();
        }
    } catch (const InputError& e) {
        o << "error: " << e.what();
    }
    return o.str();
}

std::string one_pass(const std::string& bytes, ExportKind kind, const Shop& shop = test_shop()) {
    std::vector<size_t> cuts;  // one pass in pieces too
    for (size_t cut : {size_t{7}, size_t{100}})
        if (cut < bytes.size()) cuts.push_back(cut);
    return outcome([&](Ingest& in) { return read_text(in, kind, "t.csv", bytes, cuts); }, shop);
}

std::string in_slices(const std::string& bytes, ExportKind kind, unsigned jobs, ParallelReadReport* report = nullptr,
                      const Shop& shop = test_shop()) {
    ParallelRead options;
    options.jobs = jobs;
    options.min_slice_bytes = 1;
    options.chunk_bytes = 61;  // slices are fed in small pieces: records cross them
    const ReadAt read_at = [&](uint64_t at, uint8_t* out, size_t n) { std::copy_n(bytes.data() + at, n, out); };
    return outcome([&](Ingest& in) { return in.read_file(kind, "t.csv", bytes.size(), read_at, options, report); }, shop);
}

const char* kHeader =
    "Order ID,Order Status,Product Name,Created Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,"
    "Fulfillment Type,Product Category";
const char* kDescriptions =
    "Order ID of the SKU line.,Status of the order.,Name of the product.,Time the order was created.,Time it was "
    "delivered.,Time it was cancelled.,Who cancelled.,Why.,Who ships.,Category of the product.";

// An orders export of `orders` orders, two SKU rows each (the second may disagree), product names
// quoted with a line break inside, the given line ends; the dates read both ways until `decide_at`.
std::string orders_export(int orders, const std::string& eol, int decide_at = 1 << 30) {
    std::string s = std::string(kHeader) + eol + kDescriptions + eol;
    for (int i = 0; i < orders; ++i) {
        const int day = i >= decide_at ? 13 + i % 15 : 1 + i % 9;
        const std::string created = "11/0" + std::to_string(1 + i % 9) + "/2026 09:" + std::to_string(10 + i % 50) + ":00 AM";
        const std::string delivered = "11/" + std::to_string(day < 10 ? 10 : day) + "/2026 10:00:00 AM";
        const std::string id = std::to_string(5770001000 + i);
        const bool cancelled = i % 7 == 3;
        for (int sku = 0; sku < 2; ++sku) {
            s += id + (cancelled ? ",Cancelled," : ",Delivered,");
            s += "\"Mug \"\"classic\"\" " + std::to_string(sku) + eol + "second line, with a comma\",";
            // Every fifth order's rows disagree on Created Time (conflicting_order_rows).
            s += (sku == 1 && i % 5 == 0 ? "11/09/2026 11:11:00 AM" : created) + ",";
            s += (cancelled ? std::string(",11/09/2026 12:00:00 PM,Buyer,No longer needed") : delivered + ",,,") + ",";
            // Unknown values spread over the file: the unknown_value warning keeps the first 5.
            s += (i % 11 == 0 ? "Ship by drone " + std::to_string(i) : i % 4 == 0 ? "Fulfilled by TikTok" : "Fulfilled by seller") + ",";
            s += (sku == 0 ? "Home" : "Kitchen") + std::string(i % 3 == 0 ? "" : " & Dining") + eol;
        }
    }
    return s;
}

}  // namespace

TEST_CASE("parallel read: every fixture in slices equals one pass (N = 1, 2, 3, 7)", "[ingest][parallel]") {
    namespace fs = std::filesystem;
    int files = 0, split = 0;
    for (const auto& entry : fs::recursive_directory_iterator(SHOPSCORE_TEST_DATA_DIR)) {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".csv" && ext != ".tsv" && ext != ".txt")) continue;
        const std::string bytes = read_bytes(entry.path().string());
        const fs::path shop_path = entry.path().parent_path() / "shop.json";
        const Shop shop = fs::exists(shop_path) ? shop_from_json(read_bytes(shop_path.string()), "shop.json") : test_shop();
        for (ExportKind kind : {ExportKind::auto_detect, ExportKind::orders}) {
            const std::string want = one_pass(bytes, kind, shop);
            for (unsigned jobs : {1u, 2u, 3u, 7u}) {
                INFO(entry.path().string() << " kind " << export_kind_name(kind) << " jobs " << jobs);
                ParallelReadReport report;
                CHECK(in_slices(bytes, kind, jobs, &report, shop) == want);
                split += report.slices > 1 && !report.fell_back;
            }
        }
        ++files;
    }
    CHECK(files >= 40);
    CHECK(split >= 40);  // the slices were really read and merged, not only one pass
}

TEST_CASE("parallel read: split in quoted cells with line breaks, on CRLF, between SKU rows", "[ingest][parallel]") {
    for (const std::string eol : {"\n", "\r\n"}) {
        const std::string bytes = orders_export(60, eol);
        const std::string want = one_pass(bytes, ExportKind::orders);
        REQUIRE(want.find("conflicting_order_rows") != std::string::npos);
        REQUIRE(want.find("error") == std::string::npos);
        for (unsigned jobs = 2; jobs <= 12; ++jobs) {
            INFO("jobs " << jobs << (eol.size() == 2 ? " CRLF" : " LF"));
            ParallelReadReport report;
            CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
            CHECK(report.slices > 1);
            CHECK_FALSE(report.fell_back);
        }
    }
}

TEST_CASE("parallel read: the date order decided by a row in a later slice, or by the clock", "[ingest][parallel]") {
    // Rows 1-39 read both ways (day <= 12); order 40 delivers on 11/13+: month-first, decided late.
    const std::string decided = orders_export(60, "\n", 40);
    const std::string all_ambiguous = orders_export(60, "\n");
    const std::string want_decided = one_pass(decided, ExportKind::orders);
    const std::string want_clock = one_pass(all_ambiguous, ExportKind::orders);
    REQUIRE(want_clock.find("ambiguous_dates") != std::string::npos);
    REQUIRE(want_decided.find("ambiguous_dates") == std::string::npos);
    for (unsigned jobs : {2u, 3u, 5u, 9u}) {
        INFO("jobs " << jobs);
        CHECK(in_slices(decided, ExportKind::orders, jobs) == want_decided);
        CHECK(in_slices(all_ambiguous, ExportKind::orders, jobs) == want_clock);
    }
}

TEST_CASE("parallel read: a proposed split inside a quoted cell is caught and the file read in one pass", "[ingest][parallel]") {
    // Each product name holds twelve lines that look like records of the header's width, so a
    // split proposed inside it passes the width check; the slice before it then ends inside quotes.
    std::string bytes = std::string(kHeader) + "\n" + kDescriptions + "\n";
    for (int i = 0; i < 12; ++i) {
        bytes += std::to_string(5770002000 + i) + ",Delivered,\"x\n";
        // Lines that read as orders of their own if a slice started among them.
        for (int line = 0; line < 12; ++line)
            bytes += std::to_string(5770009000 + 100 * i + line) + ",Delivered,p,11/03/2026 09:30:00 AM,,,,,Fulfilled by seller,Toys\n";
        bytes += "y\",11/02/2026 09:30:00 AM,11/05/2026 10:00:00 AM,,,,Fulfilled by seller,Home\n";
    }
    const std::string want = one_pass(bytes, ExportKind::orders);
    REQUIRE(want.find("error") == std::string::npos);
    int fell_back = 0;
    for (unsigned jobs = 2; jobs <= 9; ++jobs) {
        INFO("jobs " << jobs);
        ParallelReadReport report;
        CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
        fell_back += report.fell_back;
    }
    CHECK(fell_back > 0);
}

TEST_CASE("parallel read: a bad cell in a later slice is the same error with its row number", "[ingest][parallel]") {
    std::string bytes = orders_export(40, "\r\n");
    // Order 30's first row: a created time that is no date. Rows: header 1, descriptions 2, then
    // two rows per order: order 30's first row is row 3 + 60 = 63.
    const std::string id = std::to_string(5770001000 + 30);
    const size_t row = bytes.find("\r\n" + id + ",") + 2;
    const size_t created = bytes.find("\",11/", row) + 2;
    bytes.replace(created, 2, "xx");
    const std::string want = one_pass(bytes, ExportKind::orders);
    INFO(want);
    REQUIRE(want.rfind("error: t.csv:63:Created Time:", 0) == 0);
    for (unsigned jobs : {2u, 3u, 7u}) {
        INFO("jobs " << jobs);
        ParallelReadReport report;
        CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
    }
}

TEST_CASE("parallel read: a bad cell in a row held for the date order keeps its row number", "[ingest][parallel]") {
    // Every date reads both ways, so every row is held until the end of the file (one pass) or
    // until the merge (slices): order 30's first row (row 63) has no Order ID.
    std::string bytes = orders_export(40, "\n");
    const std::string id = std::to_string(5770001000 + 30);
    bytes.erase(bytes.find("\n" + id + ",") + 1, id.size());
    const std::string want = one_pass(bytes, ExportKind::orders);
    INFO(want);
    REQUIRE(want.rfind("error: t.csv:63:Order ID:", 0) == 0);
    for (unsigned jobs : {2u, 3u, 7u}) {
        INFO("jobs " << jobs);
        ParallelReadReport report;
        CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
        CHECK_FALSE(report.fell_back);
    }
}

TEST_CASE("parallel read: more slices than rows, a split near the description row", "[ingest][parallel]") {
    const std::string bytes = orders_export(2, "\n");  // header, descriptions, 4 SKU rows
    const std::string want = one_pass(bytes, ExportKind::orders);
    REQUIRE(want.find("\"rows\":4") != std::string::npos);  // the description row is not data
    for (unsigned jobs : {2u, 7u, 50u}) {
        INFO("jobs " << jobs);
        ParallelReadReport report;
        CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
        CHECK(report.slices <= 4);
    }
}

TEST_CASE("parallel read: a GB18030 export in slices", "[ingest][parallel]") {
    // The fixture's header is Chinese: its first bytes decide the encoding, in the head.
    const std::string bytes = fixture("zh_gb18030/orders.csv");
    const std::string want = one_pass(bytes, ExportKind::orders);
    REQUIRE(want.find("\"encoding\":\"gb18030\"") != std::string::npos);
    for (unsigned jobs : {2u, 3u, 7u}) {
        INFO("jobs " << jobs);
        ParallelReadReport report;
        CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
        CHECK(report.slices > 1);
        CHECK_FALSE(report.fell_back);
    }
}
