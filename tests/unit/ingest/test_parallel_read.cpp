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

// Slice k read as the page's extra workers read it, handed the bytes as they come (in pieces of
// `piece` bytes): begin, the head fed, start_slice, the slice fed, end_slice.
std::string slice_in_steps(Ingest& in, const std::string& bytes, ExportKind kind, const SlicePlan& plan, size_t k,
                           size_t piece = 61) {
    auto feed = [&](uint64_t from, uint64_t to, bool slice) {
        for (uint64_t at = from; at < to; at += piece) {
            const auto* p = reinterpret_cast<const uint8_t*>(bytes.data() + at);
            const size_t n = static_cast<size_t>(std::min<uint64_t>(piece, to - at));
            if (slice) in.feed_slice(p, n);
            else in.feed(p, n);
        }
    };
    in.begin(kind, "t.csv", ExportFormat::text);
    feed(0, plan.head, false);
    in.start_slice(plan, k);
    feed(plan.starts[k], plan.starts[k + 1], true);
    return in.end_slice();
}

// The page's way (docs/web.md "Every core"): the plan, each later slice read by an Ingest of its
// own (another module instance in the page) into bytes, slice 0 fed here, the bytes merged.
// `damage` may change the blobs on their way, as a failing worker would. `in_steps`: each slice
// handed its bytes (slice_in_steps), as the page's workers read it, not read by read_slice.
std::string through_blobs(const std::string& bytes, ExportKind kind, unsigned jobs, ParallelReadReport* report = nullptr,
                          const Shop& shop = test_shop(),
                          const std::function<void(std::vector<std::string>&)>& damage = {}, bool in_steps = false) {
    const ReadAt read_at = [&](uint64_t at, uint8_t* out, size_t n) { std::copy_n(bytes.data() + at, n, out); };
    return outcome(
        [&](Ingest& in) {
            const SlicePlan plan = in.plan_slices(kind, "t.csv", bytes.size(), read_at, jobs, 1);
            uint64_t pos = plan.head;
            auto feed_to = [&](uint64_t to) {
                for (; pos < to; pos = std::min<uint64_t>(pos + 61, to))
                    in.feed(reinterpret_cast<const uint8_t*>(bytes.data() + pos), std::min<uint64_t>(61, to - pos));
            };
            if (report) *report = ParallelReadReport{};
            if (plan.slices() < 2) {
                feed_to(bytes.size());
                return in.end();
            }
            std::vector<std::string> blobs;
            for (size_t k = 1; k < plan.slices(); ++k) {
                Ingest other(shop);
                blobs.push_back(in_steps ? slice_in_steps(other, bytes, kind, plan, k) : other.read_slice(kind, "t.csv", plan, k, read_at, 61));
            }
            if (damage) damage(blobs);
            feed_to(plan.starts[1]);
            if (!in.merge_slices(plan, blobs, report)) feed_to(bytes.size());
            return in.end();
        },
        shop);
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
        for (int sku = 0; sku < 2; ++sku) {
            // Order 3 of every 7 is cancelled; of the others, every third has a cancelled first
            // SKU line and a delivered second one (delivered: what both rows said, wherever the
            // file is split between them).
            const bool cancelled = i % 7 == 3 || (i % 3 == 1 && sku == 0);
            s += id + (cancelled ? ",Cancelled," : ",Delivered,");
            s += "\"Mug \"\"classic\"\" " + std::to_string(sku) + eol + "second line, with a comma\",";
            // Every fifth order's rows disagree on Created Time (conflicting_order_rows).
            s += (sku == 1 && i % 5 == 0 ? "11/09/2026 11:11:00 AM" : created) + ",";
            s += (cancelled ? std::string(",11/09/2026 12:00:00 PM,Buyer,No longer needed") : delivered + ",,,") + ",";
            // Unknown values spread over the file: the unknown_value warning keeps the first 5.
            // Every fourth order's second row says FBT where its first says seller (seller).
            const bool fbt = i % 4 == 0 || (i % 4 == 1 && sku == 1);
            s += (i % 11 == 0 ? "Ship by drone " + std::to_string(i) : fbt ? "Fulfilled by TikTok" : "Fulfilled by seller") + ",";
            s += (sku == 0 ? "Home" : "Kitchen") + std::string(i % 3 == 0 ? "" : " & Dining") + eol;
        }
    }
    return s;
}

}  // namespace

TEST_CASE("parallel read: every fixture in slices equals one pass (N = 1, 2, 3, 7)", "[ingest][parallel]") {
    namespace fs = std::filesystem;
    int files = 0, split = 0, blobs = 0, steps = 0;
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
                CHECK(through_blobs(bytes, kind, jobs, &report, shop) == want);
                blobs += report.slices > 1 && !report.fell_back;
                CHECK(through_blobs(bytes, kind, jobs, &report, shop, {}, true) == want);
                steps += report.slices > 1 && !report.fell_back;
            }
        }
        ++files;
    }
    CHECK(files >= 40);
    CHECK(split >= 40);  // the slices were really read and merged, not only one pass
    CHECK(blobs == split);
    CHECK(steps == split);
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
        CHECK(through_blobs(bytes, ExportKind::orders, jobs, &report) == want);
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
        CHECK(through_blobs(bytes, ExportKind::orders, jobs, &report) == want);
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
        CHECK(through_blobs(bytes, ExportKind::orders, jobs, &report) == want);  // held rows cross in the blob
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

TEST_CASE("parallel read in blobs: a quoted line break at a split point, CRLF, rows of one order in two slices", "[ingest][parallel]") {
    for (const std::string eol : {"\n", "\r\n"}) {
        const std::string bytes = orders_export(60, eol, 25);
        const std::string want = one_pass(bytes, ExportKind::orders);
        REQUIRE(want.find("error") == std::string::npos);
        for (unsigned jobs = 2; jobs <= 12; ++jobs) {
            INFO("jobs " << jobs << (eol.size() == 2 ? " CRLF" : " LF"));
            ParallelReadReport report;
            CHECK(through_blobs(bytes, ExportKind::orders, jobs, &report) == want);
            CHECK(report.slices > 1);
            CHECK_FALSE(report.fell_back);
        }
    }
}

TEST_CASE("parallel read: an order's cancel reason or other text given only by its row in a later slice", "[ingest][parallel]") {
    // Each order's first row is cancelled without a reason (and without Cancel By), its second
    // names one; every fourth order's second row alone names the carrier. The merge keeps them as
    // one pass does, whichever slice the rows fall in.
    std::string s = "Order ID,Order Status,Product Name,Created Time,Cancelled Time,Cancel By,Cancel Reason,Shipping Provider Name\n";
    for (int i = 0; i < 40; ++i) {
        const std::string id = std::to_string(5770002000 + i);
        const std::string carrier = i % 4 == 0 ? "USPS" : "UPS";
        s += id + ",Cancelled,Mug,11/02/2026 09:00:00 AM,11/03/2026 09:00:00 AM,,," + (i % 4 == 0 ? "" : carrier) + "\n";
        s += id + ",Cancelled,Mug,11/02/2026 09:00:00 AM,11/03/2026 09:00:00 AM,Seller,Out of stock," + carrier + "\n";
    }
    const std::string want = one_pass(s, ExportKind::orders);
    REQUIRE(want.find("error") == std::string::npos);
    auto count = [&](const std::string& text) {
        size_t n = 0;
        for (size_t at = want.find(text); at != std::string::npos; at = want.find(text, at + 1)) ++n;
        return n;
    };
    REQUIRE(count("[Out of stock]") == 40);
    REQUIRE(count("[Mug] [USPS]") == 10);
    REQUIRE(count("[Mug] [UPS]") == 30);
    for (unsigned jobs = 2; jobs <= 9; ++jobs) {
        INFO("jobs " << jobs);
        ParallelReadReport report;
        CHECK(in_slices(s, ExportKind::orders, jobs, &report) == want);
        CHECK(report.slices > 1);
        CHECK(through_blobs(s, ExportKind::orders, jobs, &report) == want);
        CHECK(report.slices > 1);
    }
}

TEST_CASE("parallel read in blobs: a slice whose worker failed, or whose blob is damaged, falls back to one pass", "[ingest][parallel]") {
    const std::string bytes = orders_export(60, "\n", 40);
    const std::string want = one_pass(bytes, ExportKind::orders);
    const std::vector<std::pair<const char*, std::function<void(std::vector<std::string>&)>>> damages = {
        {"no blob (the worker died)", [](std::vector<std::string>& b) { b.back().clear(); }},
        {"a blob cut short", [](std::vector<std::string>& b) { b.back().resize(b.back().size() / 2); }},
        {"a blob with a byte more", [](std::vector<std::string>& b) { b.front() += 'x'; }},
        {"a blob of another version", [](std::vector<std::string>& b) { b.front()[0] = 7; }},
        {"blobs in the wrong order", [](std::vector<std::string>& b) { std::swap(b.front(), b.back()); }},
    };
    for (const auto& [what, damage] : damages) {
        for (unsigned jobs : {2u, 3u, 7u}) {
            INFO(what << ", jobs " << jobs);
            ParallelReadReport report;
            CHECK(through_blobs(bytes, ExportKind::orders, jobs, &report, test_shop(), damage) == want);
            if (jobs > 2 || std::string(what) != "blobs in the wrong order") CHECK(report.fell_back);
        }
    }
}

TEST_CASE("parallel read: the encoding decided in a later slice (an ASCII head), or two slices that disagree", "[ingest][parallel]") {
    // The first byte outside ASCII lies past the first MiB (the head's look-ahead): each slice's
    // decoder decides from its own, and the merge keeps the file's (the first slice's that has one).
    const std::string base = orders_export(5000, "\n", 40);  // 1.8 MB
    REQUIRE(base.size() * 0.7 > (1 << 20) + 8192);
    const std::string gb_mug = "\xB1\xAD\xD7\xD3";  // 杯子 in GB18030 (not UTF-8)
    const std::string utf8_mug = "\xE6\x9D\xAF\xE5\xAD\x90";  // 杯子 in UTF-8
    auto with = [&](const std::vector<std::pair<double, std::string>>& at) {
        std::string b = base;
        for (auto it = at.rbegin(); it != at.rend(); ++it) {
            const size_t p = b.find("Mug ", static_cast<size_t>(b.size() * it->first));
            b.replace(p, 3, it->second);
        }
        return b;
    };
    const std::vector<std::pair<const char*, std::string>> files = {
        {"GB18030 from 70 %", with({{0.7, gb_mug}, {0.9, gb_mug}})},
        {"UTF-8 from 70 %", with({{0.7, utf8_mug}, {0.9, utf8_mug}})},
        {"UTF-8 at 70 %, GB18030 bytes at 90 %", with({{0.7, utf8_mug}, {0.9, gb_mug}})},
        {"GB18030 at 70 %, UTF-8 at 90 %", with({{0.7, gb_mug}, {0.9, utf8_mug}})},
    };
    for (const auto& [what, bytes] : files) {
        const std::string want = one_pass(bytes, ExportKind::orders);
        for (unsigned jobs : {2u, 5u}) {  // 5: the two non-ASCII cells in two slices
            INFO(what << ", jobs " << jobs << "\n" << want.substr(0, 300));
            ParallelReadReport report;
            CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
            CHECK(through_blobs(bytes, ExportKind::orders, jobs, &report) == want);
            CHECK(report.slices > 1);
        }
    }
}

TEST_CASE("parallel read: the file's first byte outside ASCII just before a split point", "[ingest][parallel]") {
    // The decoder's probe from that byte runs past the slice's end: the slice cannot know the
    // encoding, so the file is read on in one pass. The replacement keeps every byte offset.
    const std::string base = orders_export(5000, "\n", 40);
    const ReadAt read_at = [&](uint64_t at, uint8_t* out, size_t n) { std::copy_n(base.data() + at, n, out); };
    for (unsigned jobs : {4u, 5u}) {  // the last split point lies past the first MiB
        Ingest planner(test_shop());
        const SlicePlan plan = planner.plan_slices(ExportKind::orders, "t.csv", base.size(), read_at, jobs, 1);
        REQUIRE(plan.slices() == jobs);
        for (const char* mug : {"\xB1\xAD" "g", "\xE6\x9D\xAF"}) {  // GB18030 杯 + g; UTF-8 杯
            std::string bytes = base;
            const size_t split = static_cast<size_t>(plan.starts[jobs - 1]);
            REQUIRE(split > (1 << 20) + 8192);
            bytes.replace(bytes.find("Mug ", split - 1500), 3, mug);
            const std::string want = one_pass(bytes, ExportKind::orders);
            INFO("jobs " << jobs << " " << want.substr(0, 200));
            ParallelReadReport report;
            CHECK(in_slices(bytes, ExportKind::orders, jobs, &report) == want);
            CHECK(report.fell_back);
            CHECK(through_blobs(bytes, ExportKind::orders, jobs, &report) == want);
            CHECK(report.fell_back);
        }
    }
}

TEST_CASE("parallel read in steps: the blob of read_slice, whatever the pieces; a wrong start fails the slice, not the reading", "[ingest][parallel]") {
    const std::string bytes = orders_export(60, "\r\n", 40);
    const ReadAt read_at = [&](uint64_t at, uint8_t* out, size_t n) { std::copy_n(bytes.data() + at, n, out); };
    Ingest planner(test_shop());
    const SlicePlan plan = planner.plan_slices(ExportKind::orders, "t.csv", bytes.size(), read_at, 3, 1);
    REQUIRE(plan.slices() == 3);
    for (size_t k : {size_t{1}, size_t{2}}) {
        Ingest whole(test_shop());
        const std::string want = whole.read_slice(ExportKind::orders, "t.csv", plan, k, read_at, 1 << 20);
        for (size_t piece : {size_t{1}, size_t{61}, size_t{1} << 20}) {
            INFO("slice " << k << ", pieces of " << piece);
            Ingest in(test_shop());
            CHECK(slice_in_steps(in, bytes, ExportKind::orders, plan, k, piece) == want);
        }
    }
    // What fails: the merge then reads on in one pass (the result is one pass's, as every failed
    // slice's). A failed blob is a blob of its own kind, never that of a slice read.
    Ingest whole(test_shop());
    const std::string good = whole.read_slice(ExportKind::orders, "t.csv", plan, 1, read_at);
    auto merged = [&](const std::string& blob) {
        Ingest in(test_shop());
        const SlicePlan p = in.plan_slices(ExportKind::orders, "t.csv", bytes.size(), read_at, 3, 1);
        in.feed(reinterpret_cast<const uint8_t*>(bytes.data() + p.head), p.starts[1] - p.head);
        Ingest other(test_shop());
        return in.merge_slices(p, {blob, other.read_slice(ExportKind::orders, "t.csv", p, 2, read_at)});
    };
    CHECK(merged(good));
    {
        Ingest in(test_shop());  // the head one byte short
        in.begin(ExportKind::orders, "t.csv", ExportFormat::text);
        in.feed(reinterpret_cast<const uint8_t*>(bytes.data()), plan.head - 1);
        in.start_slice(plan, 1);
        in.feed_slice(reinterpret_cast<const uint8_t*>(bytes.data() + plan.starts[1]), plan.starts[2] - plan.starts[1]);
        const std::string blob = in.end_slice();
        CHECK(blob != good);
        CHECK_FALSE(merged(blob));
    }
    {
        Ingest in(test_shop());  // more than the head: slice 0 too (it ends between records, as a head does)
        in.begin(ExportKind::orders, "t.csv", ExportFormat::text);
        in.feed(reinterpret_cast<const uint8_t*>(bytes.data()), plan.starts[1]);
        in.start_slice(plan, 1);
        in.feed_slice(reinterpret_cast<const uint8_t*>(bytes.data() + plan.starts[1]), plan.starts[2] - plan.starts[1]);
        const std::string blob = in.end_slice();
        CHECK(blob != good);
        CHECK_FALSE(merged(blob));
    }
    {
        Ingest in(test_shop());  // no head at all (never begun)
        in.start_slice(plan, 1);
        in.feed_slice(reinterpret_cast<const uint8_t*>(bytes.data() + plan.starts[1]), plan.starts[2] - plan.starts[1]);
        CHECK_FALSE(merged(in.end_slice()));
    }
    {
        Ingest in(test_shop());  // the head's file ended before the slice started
        in.begin(ExportKind::orders, "t.csv", ExportFormat::text);
        in.feed(reinterpret_cast<const uint8_t*>(bytes.data()), plan.head);
        in.end();
        in.start_slice(plan, 1);
        in.feed_slice(reinterpret_cast<const uint8_t*>(bytes.data() + plan.starts[1]), plan.starts[2] - plan.starts[1]);
        CHECK_FALSE(merged(in.end_slice()));
    }
    for (size_t k : {size_t{0}, size_t{3}}) {
        Ingest in(test_shop());  // no such slice
        in.begin(ExportKind::orders, "t.csv", ExportFormat::text);
        in.feed(reinterpret_cast<const uint8_t*>(bytes.data()), plan.head);
        in.start_slice(plan, k);
        CHECK_FALSE(merged(in.end_slice()));
    }
    Ingest none(test_shop());  // end_slice without start_slice
    CHECK_FALSE(merged(none.end_slice()));
    // A slice fed one byte short is read, and fails the merge's proof (it does not end between records).
    Ingest in(test_shop());
    in.begin(ExportKind::orders, "t.csv", ExportFormat::text);
    in.feed(reinterpret_cast<const uint8_t*>(bytes.data()), plan.head);
    in.start_slice(plan, 1);
    in.feed_slice(reinterpret_cast<const uint8_t*>(bytes.data() + plan.starts[1]), plan.starts[2] - plan.starts[1] - 1);
    CHECK_FALSE(merged(in.end_slice()));
}
