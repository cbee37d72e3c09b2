// The run of new order IDs (dataset.h, docs/performance.md "The run of new IDs"): orders whose
// numeric IDs come beyond every ID before are added without a probe of the ID index and found by
// halving until they go into it. Every case checks the orders found, their rows and how many are
// still in the run, worked out by hand from the IDs' order.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "shopscore/dataset.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"

using namespace shopscore;

namespace {
// Upserts each ID; returns the rows given back.
std::vector<uint32_t> upsert_all(Dataset& d, const std::vector<std::string>& ids) {
    std::vector<uint32_t> rows;
    for (const std::string& id : ids) rows.push_back(d.upsert_order_index(id));
    return rows;
}
void require_found(const Dataset& d, const std::vector<std::string>& ids) {
    for (size_t row = 0; row < ids.size(); ++row) {
        INFO(ids[row]);
        const std::optional<uint32_t> found = d.find_order_index(ids[row]);
        REQUIRE(found);
        CHECK(*found == row);
        CHECK(d.order_id(d.orders[row]) == ids[row]);
    }
}
}  // namespace

TEST_CASE("dataset run: rising IDs join it, a repeat is found in it, one out of order ends it", "[dataset][run]") {
    Dataset d;
    CHECK(upsert_all(d, {"10", "20", "30", "30", "20", "10"}) == std::vector<uint32_t>{0, 1, 2, 2, 1, 0});
    CHECK(d.orders.size() == 3);
    CHECK(d.orders_in_run() == 3);  // none of them probed the index
    CHECK_FALSE(d.find_order_index("15"));  // inside the run's range, not in it
    CHECK_FALSE(d.find_order_index("5"));   // below every ID
    CHECK_FALSE(d.find_order_index("31"));  // above every ID
    CHECK(d.orders_in_run() == 3);          // finding changes nothing
    // 25 is new but not beyond 30: the run goes into the index, 25 with it.
    CHECK(d.upsert_order_index("25") == 3);
    CHECK(d.orders_in_run() == 0);
    require_found(d, {"10", "20", "30", "25"});
    // 40 is above every ID: a new run. 5 is below every ID: the run of one turns falling; 3 too.
    CHECK(upsert_all(d, {"40", "5", "3"}) == std::vector<uint32_t>{4, 5, 6});
    CHECK(d.orders_in_run() == 3);
    CHECK(d.upsert_order_index("5") == 5);  // found by halving in a falling run
    CHECK(d.upsert_order_index("40") == 4);
    // 50 is above every ID but the run falls: the run goes into the index, 50 starts the next.
    CHECK(d.upsert_order_index("50") == 7);
    CHECK(d.orders_in_run() == 1);
    require_found(d, {"10", "20", "30", "25", "40", "5", "3", "50"});
    d.index_run();
    CHECK(d.orders_in_run() == 0);
    require_found(d, {"10", "20", "30", "25", "40", "5", "3", "50"});
    CHECK(d.orders.size() == 8);
}

TEST_CASE("dataset run: the first two IDs set its direction, either way", "[dataset][run][boundary]") {
    Dataset falling;
    CHECK(upsert_all(falling, {"9", "8", "7"}) == std::vector<uint32_t>{0, 1, 2});
    CHECK(falling.orders_in_run() == 3);
    Dataset rising;
    CHECK(upsert_all(rising, {"7", "8", "9"}) == std::vector<uint32_t>{0, 1, 2});
    CHECK(rising.orders_in_run() == 3);
    // 8 then 9 after 7, 9 falling... : the third ID goes against the first two.
    Dataset turn;
    CHECK(upsert_all(turn, {"7", "8", "6"}) == std::vector<uint32_t>{0, 1, 2});
    CHECK(turn.orders_in_run() == 1);  // 7, 8 into the index; 6 starts a run
    require_found(turn, {"7", "8", "6"});
    // One ID more than the run's last in its direction, and one less: both just outside.
    Dataset edge;
    upsert_all(edge, {"100", "200", "300"});
    CHECK_FALSE(edge.find_order_index("301"));
    CHECK_FALSE(edge.find_order_index("99"));
    CHECK(edge.find_order_index("300") == 2u);
    CHECK(edge.find_order_index("100") == 0u);
}

TEST_CASE("dataset run: a text ID ends it; numeric IDs beyond every number start the next", "[dataset][run]") {
    Dataset d;
    CHECK(upsert_all(d, {"1", "2", "A1", "3", "007", "4"}) == std::vector<uint32_t>{0, 1, 2, 3, 4, 5});
    CHECK(d.orders_in_run() == 1);  // "007" is text (a leading zero): it ended the run of 3
    require_found(d, {"1", "2", "A1", "3", "007", "4"});
    CHECK(d.upsert_order_index("A1") == 2);
    CHECK(d.upsert_order_index("7") == 6);  // a number, not "007"
}

TEST_CASE("dataset run: a long run goes into the index in slot order and every order is found", "[dataset][run]") {
    // 5,000 rising IDs (the index puts more than 64 at a time in slot order, fewer one by one),
    // then each again falling, then one new ID inside their range.
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back(std::to_string(577000000000000000ULL + 7919ULL * static_cast<uint64_t>(i)));
    Dataset d;
    upsert_all(d, ids);
    CHECK(d.orders_in_run() == 5000);
    for (size_t i = ids.size(); i-- > 0;) REQUIRE(d.upsert_order_index(ids[i]) == i);
    CHECK(d.orders.size() == 5000);
    ids.push_back(std::to_string(577000000000000001ULL));
    CHECK(d.upsert_order_index(ids.back()) == 5000);
    CHECK(d.orders_in_run() == 0);
    // 5,001 orders: grown at 3/4 full from 64 by 1.5 and 4/3 steps, 6,144 slots hold up to 4,607.
    CHECK(d.id_index_slots() == 8192);
    require_found(d, ids);
    const Dataset copy = d;
    require_found(copy, ids);
}

TEST_CASE("dataset run: any order of IDs gives the rows a plain map gives", "[dataset][run]") {
    // Rising and falling stretches, repeats near and far, IDs out of order and text IDs, as real
    // exports sorted one way or another have them; each ID's row is its first appearance.
    std::mt19937_64 rng(21);
    for (int round = 0; round < 40; ++round) {
        Dataset d;
        std::unordered_map<std::string, uint32_t> first_seen;
        std::vector<std::string> seen;
        uint64_t next = 577123456700000000ULL + rng() % 1000;
        int direction = 1;
        for (int step = 0; step < 3000; ++step) {
            const unsigned pick = static_cast<unsigned>(rng() % 100);
            std::string id;
            if (pick < 55) {  // the next ID in the stretch's direction
                next = direction > 0 ? next + 1 + rng() % 50 : next - 1 - rng() % 50;
                id = std::to_string(next);
            } else if (pick < 75 && !seen.empty()) {  // a repeat, usually the last few
                const size_t back = rng() % 4 == 0 ? rng() % seen.size() : rng() % std::min<size_t>(seen.size(), 3);
                id = seen[seen.size() - 1 - back];
            } else if (pick < 88) {  // an ID near the last, maybe new
                id = std::to_string(next - rng() % 200 + 100);
            } else if (pick < 93) {
                id = "T" + std::to_string(rng() % 500);
            } else {
                direction = -direction;
                continue;
            }
            const auto [it, added] = first_seen.emplace(id, static_cast<uint32_t>(first_seen.size()));
            if (added) seen.push_back(id);
            INFO("round " << round << " step " << step << " id " << id);
            REQUIRE(d.upsert_order_index(id) == it->second);
            if (rng() % 500 == 0) d.index_run();
        }
        REQUIRE(d.orders.size() == first_seen.size());
        for (const auto& [id, row] : first_seen) REQUIRE(d.find_order_index(id) == row);
        CHECK_FALSE(d.find_order_index("1"));
        CHECK_FALSE(d.find_order_index("T500"));
        d.index_run();
        CHECK(d.orders_in_run() == 0);
        for (const auto& [id, row] : first_seen) REQUIRE(d.find_order_index(id) == row);
    }
}

TEST_CASE("dataset run: an orders export read leaves no run behind", "[dataset][run][ingest]") {
    // Falling IDs, as an export listed newest first has them, one order on two rows.
    const std::string csv =
        "Order ID,Created Time\r\n"
        "577000000000000003,2026-11-02 10:00\r\n"
        "577000000000000003,2026-11-02 10:00\r\n"
        "577000000000000002,2026-11-01 10:00\r\n"
        "577000000000000001,2026-10-31 10:00\r\n";
    Ingest ing(Shop{});
    ing.begin(ExportKind::orders, "orders.csv");
    ing.feed(reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
    ing.end();
    const Dataset d = ing.take();
    CHECK(d.orders.size() == 3);
    CHECK(d.orders_in_run() == 0);
    require_found(d, {"577000000000000003", "577000000000000002", "577000000000000001"});
}

TEST_CASE("dataset run: orders from a dataset JSON merged into an Ingest leave no run behind", "[dataset][run][ingest]") {
    // The JSON's own dataset and the Ingest's, into which its orders are merged one by one.
    const std::string json =
        R"({"orders": [{"id": "577000000000000001", "created": "2026-11-01 09:37"},)"
        R"( {"id": "577000000000000002", "created": "2026-11-01 09:38"},)"
        R"( {"id": "577000000000000003", "created": "2026-11-01 09:39"}]})";
    Ingest ing(Shop{});
    ing.begin(ExportKind::dataset_json, "dataset.json");
    ing.feed(reinterpret_cast<const uint8_t*>(json.data()), json.size());
    CHECK(ing.end().kind == ExportKind::dataset_json);
    const Dataset d = ing.take();
    CHECK(d.orders.size() == 3);
    CHECK(d.orders_in_run() == 0);
    require_found(d, {"577000000000000001", "577000000000000002", "577000000000000003"});
    CHECK(dataset_from_json(json, "dataset.json").orders_in_run() == 0);
}
