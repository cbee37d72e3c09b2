// The ID index sized ahead (Ingest::expect_bytes): once the first MiB of an orders export is
// read, the index is made the size it would grow to for the orders the file's size promises; the
// dataset is the same whatever the size said, and an index sized for the wrong number still works.
#include <catch2/catch.hpp>

#include <string>

#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

// "Order ID,Created Time\r\n" (23 bytes), then `rows` rows of 27 bytes, one order each:
// "10000000,2026-11-01 10:00\r\n" with the ID counting up from `first`.
std::string orders_export(int rows, int first = 10000000) {
    std::string text = "Order ID,Created Time\r\n";
    for (int i = 0; i < rows; ++i) text += std::to_string(first + i) + ",2026-11-01 10:00\r\n";
    return text;
}

constexpr size_t kMiB = size_t{1} << 20;

// The file fed in 1 MiB pieces, as the CLI and the page feed it, told its size as `expected`.
void feed_file(Ingest& ingest, const std::string& bytes, uint64_t expected, ExportKind kind) {
    ingest.begin(kind, "orders.csv");
    if (expected) ingest.expect_bytes(expected);
    for (size_t at = 0; at < bytes.size(); at += kMiB)
        ingest.feed(reinterpret_cast<const uint8_t*>(bytes.data()) + at, std::min(kMiB, bytes.size() - at));
    ingest.end();
}

Dataset read(const std::string& bytes, uint64_t expected, ExportKind kind = ExportKind::orders) {
    Ingest ingest(Shop{});
    feed_file(ingest, bytes, expected, kind);
    return ingest.take();
}

}  // namespace

TEST_CASE("ingest: the ID index sized ahead from the file's size, the dataset unchanged", "[ingest][sized_index]") {
    const std::string bytes = orders_export(100000);
    REQUIRE(bytes.size() == 23 + 27 * 100000u);  // 2,700,023 bytes
    const Dataset grown = read(bytes, 0);
    REQUIRE(grown.orders.size() == 100000u);
    // Growing at 3/4 full through 64, 96, 128, ..., 131072: (100,000 + 1) x 4 > 3 x 131,072, so
    // the last step is 196,608 (1.5 x 2^17).
    CHECK(grown.id_index_slots() == 196608u);

    // Told the true size: in the first MiB 38,835 rows end ((1,048,576 - 23) / 27), so the rest
    // (1,651,447 bytes) promises ~61,162 more orders: room for ~100,000, the size growth ends at.
    const Dataset told = read(bytes, bytes.size());
    CHECK(told.id_index_slots() == 196608u);
    CHECK(fingerprint(told) == fingerprint(grown));

    // Told four times the size: ~361,150 more orders promised, (38,835 + 361,150 + 1) x 4 / 3 =
    // ~533,300 slots wanted: past 2^19 = 524,288, so 786,432 (1.5 x 2^19). Oversized, and the
    // same dataset: every order still found by its ID.
    const Dataset oversized = read(bytes, 4 * bytes.size());
    CHECK(oversized.id_index_slots() == 786432u);
    CHECK(fingerprint(oversized) == fingerprint(grown));
    for (int i = 0; i < 100000; i += 4999) CHECK(oversized.find_order(std::to_string(10000000 + i)) == &oversized.orders[static_cast<size_t>(i)]);

    // Told too little (half the size): the index grows on from what was reserved, as without.
    const Dataset undersized = read(bytes, bytes.size() / 2);
    CHECK(undersized.id_index_slots() == 196608u);
    CHECK(fingerprint(undersized) == fingerprint(grown));
}

TEST_CASE("ingest: the ID index is sized ahead only after a first MiB of orders", "[ingest][sized_index][boundary]") {
    // A file of less than 1 MiB (38,000 rows: 1,026,023 bytes) is never sized ahead, whatever
    // size it was said to be: 38,000 orders grow the index to 65,536 ((38,000 + 1) x 4 <= 3 x
    // 65,536 = 196,608), not the 786,432 a 4 MB size would promise.
    const std::string small = orders_export(38000);
    REQUIRE(small.size() < kMiB);
    CHECK(read(small, 4000000).id_index_slots() == 65536u);
    // One row more than a MiB (38,835 rows end at byte 1,048,568; 38,836 rows: 1,048,595 bytes):
    // sized ahead at the first MiB (38,835 orders read) for the 4 MB it was said to be: 38,835 /
    // 1,048,576 x (4,000,000 - 1,048,576) = ~109,308 more, (38,835 + 109,308 + 1) x 4 / 3 =
    // ~197,525 slots wanted: past 196,608, so 262,144 (2^18), where growth alone stops at 65,536.
    const std::string just_over = orders_export(38836);
    REQUIRE(just_over.size() > kMiB);
    CHECK(read(just_over, 4000000).id_index_slots() == 262144u);
    CHECK(read(just_over, 0).id_index_slots() == 65536u);
    // Said to be 5,000,000 bytes: 38,835 / 1,048,576 x 3,951,424 = 146,344 more orders,
    // (38,835 + 146,344 + 1) x 4 = 740,720 <= 3 x 262,144: still 262,144. (Counting the MiB read
    // again, 185,179 more, would need 393,216.)
    CHECK(read(just_over, 5000000).id_index_slots() == 262144u);
    // An export of other rows makes no orders: nothing is sized, however large it says it is.
    std::string exclusions = "Order ID,Reason\r\n";
    for (int i = 0; exclusions.size() < 2 * kMiB; ++i) exclusions += std::to_string(10000000 + i) + ",fraud\r\n";
    const Dataset excluded = read(exclusions, 8 * exclusions.size(), ExportKind::exclusions);
    CHECK(excluded.orders.size() == 0u);
    CHECK(excluded.id_index_slots() == 0u);
}

TEST_CASE("ingest: each file of a set is sized ahead by its own orders", "[ingest][sized_index]") {
    // First 100,000 orders told their true size (196,608 slots, as above); then 38,836 other
    // orders said to be 5,000,000 bytes: at its first MiB 38,835 of its own orders are read
    // (138,835 in all), 146,344 more promised as above: (138,835 + 146,344 + 1) x 4 / 3 = 380,240
    // slots wanted, so 393,216 (1.5 x 2^18). Grown alone, 138,836 orders fit 196,608 slots.
    const std::string first = orders_export(100000), second = orders_export(38836, 20000000);
    Ingest ingest(Shop{});
    feed_file(ingest, first, first.size(), ExportKind::orders);
    feed_file(ingest, second, 5000000, ExportKind::orders);
    const Dataset both = ingest.take();
    CHECK(both.orders.size() == 138836u);
    CHECK(both.id_index_slots() == 393216u);
    Ingest grown_ingest(Shop{});
    feed_file(grown_ingest, first, 0, ExportKind::orders);
    feed_file(grown_ingest, second, 0, ExportKind::orders);
    const Dataset grown = grown_ingest.take();
    CHECK(grown.id_index_slots() == 196608u);
    CHECK(fingerprint(both) == fingerprint(grown));
}
