// Issue 9, findings 2 and 7: the encoding of a text export is decided the same way whatever the
// chunk sizes (the CLI reads 1 MiB chunks, the page other sizes, a test one byte at a time), never
// a silent re-reading of the whole file as the other encoding. Issue 17: a UTF-8 file with a few
// GBK cells is UTF-8 with those cells read as empty and named in a warning; UTF-8 text in a
// GB18030 file is an error naming the row where it starts.
//
// Expected rows are counted by hand from the generated files: the header is row 1 and data row k
// (k = 2, 3, ...) is the k-th line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "ingest/cell_error.h"
#include "ingest/xml_scanner.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;
using Catch::Matchers::StartsWith;

namespace {

const std::string kHeader = "Order ID,Order Status,Created Time,Cancel By,Cancel Reason\n";
const std::string kUtf8Reason = "\xE4\xB9\xB0\xE5\xAE\xB6\xE4\xB8\x8D\xE6\x83\xB3\xE8\xA6\x81\xE4\xBA\x86";  // 买家不想要了, UTF-8
const std::string kGbkReason = "\xC9\xCC\xBC\xD2\xC8\xB1\xBB\xF5";  // 商家缺货, GBK

// Rows 2 .. rows: the first data row (row 2) cancelled with `first_reason`, row `odd_row`
// cancelled with `odd_reason`, the others delivered (all ASCII).
std::string orders(int rows, const std::string& first_reason, int odd_row, const std::string& odd_reason) {
    std::string s = kHeader;
    for (int r = 2; r <= rows; ++r) {
        const std::string id = "A" + std::to_string(r);
        if (r == 2) s += id + ",Canceled,2026-11-02 09:30,Buyer," + first_reason + "\n";
        else if (r == odd_row) s += id + ",Canceled,2026-11-02 09:30,Seller," + odd_reason + "\n";
        else s += id + ",Delivered,2026-11-02 09:30,,\n";
    }
    return s;
}

std::vector<size_t> every(size_t step, size_t n) {
    std::vector<size_t> cuts;
    for (size_t at = step; at < n; at += step) cuts.push_back(at);
    return cuts;
}

// The error, or "ok <encoding>" followed by the bad cells named by the bad_cell_encoding warning,
// of reading `bytes` in chunks of `step` bytes (0: one feed). `records`: the fingerprint of the
// dataset read.
std::string read_in_steps(const std::string& bytes, size_t step, std::string* records = nullptr) {
    std::string result;
    const std::string error = error_of([&] {
        Ingest ingest(Shop{});
        const FileSummary s = read_text(ingest, ExportKind::orders, "x.csv", bytes, step ? every(step, bytes.size()) : std::vector<size_t>{});
        result = "ok " + s.encoding;
        for (const Warning& w : s.warnings) {
            if (w.code != "bad_cell_encoding") continue;
            result += "; " + std::to_string(w.count) + " bad:";
            for (const std::string& e : w.examples) result += " " + e;
        }
        if (records) {
            Dataset d = ingest.finish();
            d.warnings.erase(std::remove_if(d.warnings.begin(), d.warnings.end(),
                                            [](const Warning& w) { return w.code == "bad_cell_encoding"; }),
                             d.warnings.end());
            *records = fingerprint(d);
        }
    });
    return error == "(no error)" ? result : error;
}

const std::vector<size_t> kSteps = {0, 1, 7, 4096, 65536, 1 << 20};

}  // namespace

TEST_CASE("ingest/encoding: a GBK cell in a UTF-8 file is one empty cell, named, for every chunking", "[ingest][encoding]") {
    // Issue 17: the cell is read as empty and named FILE:ROW:COLUMN in a warning; every other cell
    // reads as UTF-8, so the dataset is that of the same file with the cell empty.
    struct Case {
        const char* what;
        std::string bytes, clean, expected;
    };
    const std::vector<Case> cases = {
        // Row 300 is ~10 KB into the file: past the decision window, in a later chunk for every
        // step but the 64 KiB and 1 MiB ones.
        {"late", orders(600, kUtf8Reason, 300, kGbkReason), orders(600, kUtf8Reason, 300, ""),
         "ok utf-8; 1 bad: x.csv:300:Cancel Reason"},
        // Row 3, right after a UTF-8 reason: inside the window.
        {"early", orders(20, kUtf8Reason, 3, kGbkReason), orders(20, kUtf8Reason, 3, ""), "ok utf-8; 1 bad: x.csv:3:Cancel Reason"},
    };
    for (const Case& c : cases) {
        std::string clean_records;
        REQUIRE(read_in_steps(c.clean, 0, &clean_records) == "ok utf-8");
        for (size_t step : kSteps) {
            INFO(c.what << ", chunk size " << step);
            std::string records;
            CHECK(read_in_steps(c.bytes, step, &records) == c.expected);
            CHECK(records == clean_records);
        }
    }
}

TEST_CASE("ingest/encoding: the GBK cell comes first, then UTF-8 cells: still UTF-8 with one bad cell", "[ingest][encoding]") {
    // The file: the first non-ASCII bytes are the GBK cell (row 2), the UTF-8 Chinese cells
    // follow (rows 3 and 4). Before issue 17 the first invalid byte decided GB18030 for the whole
    // file and every other Chinese cell read as mojibake. In the window: one run against UTF-8,
    // two for it.
    std::string text = kHeader + "A2,Canceled,2026-11-02 09:30,Seller," + kGbkReason + "\n";
    std::string clean = kHeader + "A2,Canceled,2026-11-02 09:30,Seller,\n";
    for (const std::string row : {"A3,Canceled,2026-11-02 09:30,Buyer,", "A4,Canceled,2026-11-02 09:30,Buyer,"}) {
        text += row + kUtf8Reason + "\n";
        clean += row + kUtf8Reason + "\n";
    }
    std::string clean_records;
    REQUIRE(read_in_steps(clean, 0, &clean_records) == "ok utf-8");
    for (size_t step : kSteps) {
        INFO("chunk size " << step);
        std::string records;
        CHECK(read_in_steps(text, step, &records) == "ok utf-8; 1 bad: x.csv:2:Cancel Reason");
        CHECK(records == clean_records);
    }
}

TEST_CASE("ingest/encoding: how strong the evidence for UTF-8 must be", "[ingest][encoding]") {
    // One GBK cell (row 2) and one UTF-8 cell (row 3) of N three-byte characters in the window.
    // N = 3 (kStrongRun) is a run for UTF-8: 1 for, 1 against, a tie, which is UTF-8. N = 2 is no
    // evidence: 0 for, 1 against: GB18030, which reads the six UTF-8 bytes as three GBK characters.
    auto file = [](const std::string& utf8) {
        return kHeader + "A2,Canceled,2026-11-02 09:30,Seller," + kGbkReason + "\nA3,Canceled,2026-11-02 09:30,Buyer," + utf8 + "\n";
    };
    const std::string three = "\xE4\xB9\xB0\xE5\xAE\xB6\xE4\xB8\x8D";  // 买家不
    const std::string two = "\xE4\xB9\xB0\xE5\xAE\xB6";                 // 买家
    // Two GBK cells against one strong UTF-8 run: GB18030, and the UTF-8 cell is then an error.
    const std::string two_gbk = kHeader + "A2,Canceled,2026-11-02 09:30,Seller," + kGbkReason + "\nA3,Canceled,2026-11-02 09:30,Seller," +
                                kGbkReason + "\nA4,Canceled,2026-11-02 09:30,Buyer," + kUtf8Reason + "\n";
    for (size_t step : kSteps) {
        INFO("chunk size " << step);
        CHECK(read_in_steps(file(three), step) == "ok utf-8; 1 bad: x.csv:2:Cancel Reason");
        CHECK(read_in_steps(file(two), step) == "ok gb18030");
        CHECK(read_in_steps(two_gbk, step) ==
              "x.csv:4:Cancel Reason: expected GB18030 text like the rest of the file, got UTF-8 text (byte 0xE4 starts it)");
    }
}

TEST_CASE("ingest/encoding: only characters of three or four bytes are evidence for UTF-8", "[ingest][encoding][boundary]") {
    // docs/exports.md "Encodings and shapes": a valid UTF-8 run speaks for UTF-8 with >= 3
    // characters of 3+ bytes. Accented Latin letters are two bytes (é = C3 A9), and GBK reads
    // such pairs as well, so a run of three of them is no evidence: one GBK cell (row 2) against
    // nothing is GB18030. A run of three 3-byte characters (买家不) is evidence: a tie, UTF-8.
    auto file = [](const std::string& cell) {
        return kHeader + "A2,Canceled,2026-11-02 09:30,Seller," + kGbkReason + "\nA3,Canceled,2026-11-02 09:30,Buyer," + cell + "\n";
    };
    const std::string three_two_byte = "\xC3\xA9\xC3\xA8\xC3\xAA";  // éèê
    const std::string three_three_byte = "\xE4\xB9\xB0\xE5\xAE\xB6\xE4\xB8\x8D";  // 买家不
    for (size_t step : kSteps) {
        INFO("chunk size " << step);
        CHECK(read_in_steps(file(three_two_byte), step) == "ok gb18030");
        CHECK(read_in_steps(file(three_three_byte), step) == "ok utf-8; 1 bad: x.csv:2:Cancel Reason");
    }
}

TEST_CASE("ingest/encoding: a UTF-8 Chinese header then a GBK cell: the row of the cell, not 1:A", "[ingest][encoding]") {
    // Before: the GBK cell in the probe made the file GB18030 and the UTF-8 header failed to
    // decode as GB18030, reported at 1:A. Header row 1, rows 2..9 ASCII, GBK on row 10.
    std::string text = "\xE8\xAE\xA2\xE5\x8D\x95\xE5\x8F\xB7,\xE5\x88\x9B\xE5\xBB\xBA\xE6\x97\xB6\xE9\x97\xB4,"
                       "\xE5\x8F\x96\xE6\xB6\x88\xE5\x8E\x9F\xE5\x9B\xA0\n";  // 订单号,创建时间,取消原因
    for (int r = 2; r <= 9; ++r) text += "A" + std::to_string(r) + ",2026-11-02 09:30,\n";
    text += "A10,2026-11-02 09:30," + kGbkReason + "\n";
    for (size_t step : kSteps) {
        INFO("chunk size " << step);
        CHECK(read_in_steps(text, step) == "ok utf-8; 1 bad: x.csv:10:\xE5\x8F\x96\xE6\xB6\x88\xE5\x8E\x9F\xE5\x9B\xA0");
    }
}

TEST_CASE("ingest/encoding: a UTF-8 cell in a GB18030 file is an error on its row for every chunking", "[ingest][encoding]") {
    // GB18030 decodes most UTF-8 bytes into other characters: without this check the cell would
    // silently read as mojibake. A run of three or more UTF-8 CJK characters is what GBK text
    // practically never is (docs/exports.md says why).
    const std::string late = orders(600, kGbkReason, 300, kUtf8Reason);
    for (size_t step : kSteps) {
        INFO("chunk size " << step);
        CHECK(read_in_steps(late, step) ==
              "x.csv:300:Cancel Reason: expected GB18030 text like the rest of the file, got UTF-8 text (byte 0xE4 starts it)");
    }
}

TEST_CASE("ingest/encoding: consistent files read the same for every chunking", "[ingest][encoding]") {
    const std::string utf8 = orders(600, kUtf8Reason, 300, kUtf8Reason);
    const std::string gbk = orders(600, kGbkReason, 300, kGbkReason);
    for (size_t step : kSteps) {
        INFO("chunk size " << step);
        CHECK(read_in_steps(utf8, step) == "ok utf-8");
        CHECK(read_in_steps(gbk, step) == "ok gb18030");
    }
}

TEST_CASE("ingest/csv: a long quoted cell is too long, not unclosed", "[ingest][encoding]") {
    // 5 MB inside properly closed quotes: the cap (1 MiB) is what is wrong, on row 2.
    const std::string text = "Order ID,Created Time,Product Name\nA1,2026-11-02 09:30,\"" + std::string(5000000, 'x') + "\"\n";
    for (size_t step : {size_t{0}, size_t{65536}, size_t{1} << 20}) {
        INFO("chunk size " << step);
        const std::string e = error_of([&] {
            Ingest ingest(Shop{});
            read_text(ingest, ExportKind::orders, "x.csv", text, step ? every(step, text.size()) : std::vector<size_t>{});
        });
        CHECK_THAT(e, StartsWith("x.csv:2:Product Name: expected a cell of at most 1 MiB"));
    }
    try {
        Ingest ingest(Shop{});
        read_text(ingest, ExportKind::orders, "x.csv", text);
        FAIL("no error");
    } catch (const InputError& err) {
        CHECK(err.detail().code == "cell_too_long");
    }
}

TEST_CASE("ingest/csv: an unquoted cell of exactly 1 MiB is read, one byte more is too long", "[ingest][encoding]") {
    // The cell between two others (the tokenizer's fast run of cells), fed whole, and in 64 KiB
    // pieces (the cell then grows across pieces): 1,048,576 bytes is the cap, 1,048,577 past it.
    for (size_t size : {size_t{1} << 20, (size_t{1} << 20) + 1}) {
        const std::string text = "Order ID,Product Name,Created Time\nA1," + std::string(size, 'x') + ",2026-11-02 09:30\n";
        for (size_t step : {size_t{0}, size_t{65536}}) {
            INFO("cell " << size << " bytes, chunk size " << step);
            Ingest ingest(Shop{});
            if (size == size_t{1} << 20) {
                read_text(ingest, ExportKind::orders, "x.csv", text, step ? every(step, text.size()) : std::vector<size_t>{});
                const Dataset d = ingest.finish();
                REQUIRE(d.orders.size() == 1);
                CHECK(d.product(d.orders[0]).size() == size);
            } else {
                const std::string e = error_of(
                    [&] { read_text(ingest, ExportKind::orders, "x.csv", text, step ? every(step, text.size()) : std::vector<size_t>{}); });
                CHECK_THAT(e, StartsWith("x.csv:2:Product Name: expected a cell of at most 1 MiB"));
            }
        }
    }
}

namespace {
struct CountingHandler : ingest::XmlHandler {
    size_t starts = 0, text_bytes = 0;
    void start_element(std::string_view, const std::vector<ingest::XmlAttribute>&) override { ++starts; }
    void end_element(std::string_view) override {}
    void text(std::string_view t) override { text_bytes += t.size(); }
};
}  // namespace

TEST_CASE("ingest/xml: an unfinished tag or text run is not rescanned on every feed", "[ingest][encoding]") {
    // One 1 MB attribute value and one 1 MB text run fed a byte at a time: rescanning from the
    // start of the unfinished piece on every feed is ~10^12 steps (hours); resuming is linear.
    const std::string xml = "<r a=\"" + std::string(1000000, 'v') + "\">" + std::string(1000000, 't') + "</r>";
    CountingHandler h;
    ingest::XmlScanner scanner(h);
    const auto t0 = std::chrono::steady_clock::now();
    for (char c : xml) scanner.feed(std::string_view(&c, 1));
    scanner.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(h.starts == 1);
    CHECK(h.text_bytes == 1000000);
    CHECK(scanner.bytes_scanned() < 3 * xml.size());  // each byte looked at a bounded number of times
    CHECK(seconds < 30);                               // generous: the quadratic version takes hours
}
