// Issue 9, findings 2 and 7: the encoding of a text export is decided the same way whatever the
// chunk sizes (the CLI reads 1 MiB chunks, the page other sizes, a test one byte at a time), and a
// file that mixes UTF-8 and GB18030 is an error naming the row where the second encoding starts,
// never a silent re-reading of the whole file as the other encoding.
//
// Expected rows are counted by hand from the generated files: the header is row 1 and data row k
// (k = 2, 3, ...) is the k-th line.
#include <catch2/catch.hpp>

#include <chrono>

#include "ingest/cell_error.h"
#include "ingest/xml_scanner.h"
#include "test_ingest_support.h"

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

// The error (or "ok <encoding>") of reading `bytes` in chunks of `step` bytes (0: one feed).
std::string read_in_steps(const std::string& bytes, size_t step) {
    std::string encoding;
    const std::string error = error_of([&] {
        Ingest ingest(Shop{});
        encoding = read_text(ingest, ExportKind::orders, "x.csv", bytes, step ? every(step, bytes.size()) : std::vector<size_t>{})
                       .encoding;
    });
    return error == "(no error)" ? "ok " + encoding : error;
}

const std::vector<size_t> kSteps = {0, 1, 7, 4096, 65536, 1 << 20};

}  // namespace

TEST_CASE("ingest/encoding: a GBK cell in a UTF-8 file is an error on its row for every chunking", "[ingest][encoding]") {
    // Row 300 is ~10 KB into the file: past the decision window but inside the CLI's first 1 MiB
    // chunk, where the old probe read the whole chunk and silently switched to GB18030.
    const std::string late = orders(600, kUtf8Reason, 300, kGbkReason);
    // Row 3, right after a UTF-8 reason: inside the window; the UTF-8 text before it is evidence
    // enough that this is a UTF-8 file with one bad cell, not a GB18030 file.
    const std::string early = orders(20, kUtf8Reason, 3, kGbkReason);
    for (size_t step : kSteps) {
        INFO("chunk size " << step);
        CHECK(read_in_steps(late, step) == "x.csv:300:Cancel Reason: expected UTF-8 or GB18030 text, got byte 0xC9 that is not part of it");
        CHECK(read_in_steps(early, step) == "x.csv:3:Cancel Reason: expected UTF-8 or GB18030 text, got byte 0xC9 that is not part of it");
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
        CHECK(read_in_steps(text, step) == "x.csv:10:\xE5\x8F\x96\xE6\xB6\x88\xE5\x8E\x9F\xE5\x9B\xA0: expected UTF-8 or GB18030 text, got byte 0xC9 that is not part of it");
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
        CHECK_THAT(e, StartsWith("x.csv:2:Product Name: expected a cell shorter than 1 MiB"));
    }
    try {
        Ingest ingest(Shop{});
        read_text(ingest, ExportKind::orders, "x.csv", text);
        FAIL("no error");
    } catch (const InputError& err) {
        CHECK(err.detail().code == "cell_too_long");
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
