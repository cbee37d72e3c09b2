// meta(): what the page reads instead of copying the rules' numbers (docs/rules.md §6, §13, §20,
// §21, §26; docs/limits.md). Every expected value is written out from those documents, not read
// back from the constants under test.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "shopscore/meta.h"
#include "shopscore/version.h"

using namespace shopscore;
using nlohmann::json;

TEST_CASE("meta: the six metrics, their dimension, window, unit and default weight", "[meta]") {
    const json meta = json::parse(meta_json());
    REQUIRE(meta["metrics"].size() == 6);
    // id, dimension, window (days), unit, higher is better: the table of docs/rules.md §6.
    const struct { const char* id; const char* dimension; int window; const char* unit; bool higher; } expected[] = {
        {"nrr", "product", 60, "rate", false},     {"nbfr", "product", 60, "rate", false},
        {"otdr", "fulfillment", 30, "rate", true}, {"sfcr", "fulfillment", 30, "rate", false},
        {"imd", "service", 60, "rate", false},     {"aht", "service", 60, "hours", false},
    };
    for (size_t i = 0; i < 6; ++i) {
        const json& m = meta["metrics"][i];
        INFO(expected[i].id);
        CHECK(m["id"] == expected[i].id);
        CHECK(m["dimension"] == expected[i].dimension);
        CHECK(m["window_days"] == expected[i].window);
        CHECK(m["unit"] == expected[i].unit);
        CHECK(m["higher_is_better"] == expected[i].higher);
        CHECK(m["default_weight"] == 1);  // §21: metric weights default to equal
    }
}

TEST_CASE("meta: dimensions with their metrics and default weights", "[meta]") {
    const json meta = json::parse(meta_json());
    CHECK(meta["dimensions"] == json::parse(R"([
        {"id": "product", "metrics": ["nrr", "nbfr"], "default_weight": 0.24},
        {"id": "fulfillment", "metrics": ["otdr", "sfcr"], "default_weight": 0.52},
        {"id": "service", "metrics": ["imd", "aht"], "default_weight": 0.24}])"));
}

TEST_CASE("meta: the gate, benefit tiers, priority thresholds, limits and version", "[meta]") {
    const json meta = json::parse(meta_json());
    CHECK(meta["gate"] == json::parse(R"({"orders": 30, "window_days": 90})"));            // §13
    CHECK(meta["benefit_tiers"] == json::parse("[2.5, 3.5, 4.0]"));                          // §20
    CHECK(meta["priority"] == json::parse(R"({"target": 4.0, "key_opportunity_min_gain": 0.05,
                                             "needs_attention_below": 3.5})"));             // §26
    CHECK(meta["limits"] == json::parse(R"({"json_bytes": 67108864, "page_file_bytes": 4294967296,
        "xlsx_small_part_bytes": 16777216, "xlsx_shared_strings_part_bytes": 1073741824,
        "xlsx_sheet_part_bytes": 4294967296})"));                                            // docs/limits.md
    CHECK(meta["version"] == kVersion);
    // Nothing else: a field added here is added to docs/web.md and the WASM test too.
    CHECK(meta.size() == 7);
}
