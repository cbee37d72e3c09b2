// Helpers shared by the rule tests: score a JSON dataset, and build a quick-mode dataset from
// direct metric values.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "shopscore/json_io.h"
#include "shopscore/score.h"

namespace rules_test {

// A rule test's dataset with records gives every export: a list it leaves out is an empty one
// ("reviews": []). An absent list would make its metrics missing (docs/scoring.md "Missing, typed
// and no data"), which test_missing_inputs.cpp tests on purpose; the rule tests test other rules.
// A dataset without "orders" (quick mode: metrics only) is left as it is.
inline std::string every_export(const std::string& json) {
    nlohmann::ordered_json root = nlohmann::ordered_json::parse(json, nullptr, false);
    if (!root.is_object() || !root.contains("orders")) return json;
    for (const char* key : {"reviews", "after_sales", "chats"})
        if (!root.contains(key)) root[key] = nlohmann::ordered_json::array();
    return root.dump();
}

// Scores `json` (file name "dataset.json") with the built-in profile, or with `profile_json`.
inline shopscore::Result run(const std::string& json, const std::string& profile_json = "") {
    shopscore::ScoreOptions o;
    if (!profile_json.empty()) o.profiles = shopscore::profiles_from_json(profile_json, "profile.json");
    return shopscore::score(shopscore::dataset_from_json(every_export(json), "dataset.json"), o);
}

// Six direct metrics: nrr 0.6 % -> 4.5; nbfr, sfcr, imd at "good" -> 4; otdr 100 % -> 5;
// aht 38.3 h (midway between good 26.5 and poor 50.1) -> 2.5.
inline const char* const kAllSix = R"("nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 1.0},
                         "sfcr": {"value": 0.0087}, "imd": {"value": 0.1701}, "aht": {"value": 38.3})";

// A quick-mode dataset: an old shop (no protection) with 100 delivered orders (scored). The
// metrics not listed are typed as having no data ({"value": 0, "denominator": 0}, Seller Center's
// 无数据): these tests test the no-data rule. Left out, they would be missing (quick_missing).
inline std::string quick(const std::string& metrics, const std::string& shop_extra = "") {
    nlohmann::ordered_json root = nlohmann::ordered_json::parse(
        R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
              "delivered_orders_90d": 100)" + shop_extra + R"(}, "metrics": {)" + metrics + "}}");
    for (const char* m : {"nrr", "nbfr", "otdr", "sfcr", "imd", "aht"})
        if (!root["metrics"].contains(m)) root["metrics"][m] = {{"value", 0}, {"denominator", 0}};
    return root.dump();
}

// As quick(), with the metrics not listed left out: missing (docs/scoring.md).
inline std::string quick_missing(const std::string& metrics, const std::string& shop_extra = "") {
    return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
              "delivered_orders_90d": 100)" + shop_extra + R"(}, "metrics": {)" + metrics + "}}";
}

}  // namespace rules_test
