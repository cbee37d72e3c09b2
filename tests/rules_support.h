// Helpers shared by the rule tests: score a JSON dataset, and build a quick-mode dataset from
// direct metric values.
#pragma once

#include <string>

#include "shopscore/json_io.h"
#include "shopscore/score.h"

namespace rules_test {

// Scores `json` (file name "dataset.json") with the built-in profile, or with `profile_json`.
inline shopscore::Result run(const std::string& json, const std::string& profile_json = "") {
    shopscore::ScoreOptions o;
    if (!profile_json.empty()) o.profiles = shopscore::profiles_from_json(profile_json, "profile.json");
    return shopscore::score(shopscore::dataset_from_json(json, "dataset.json"), o);
}

// Six direct metrics: nrr 0.6 % -> 4.5; nbfr, sfcr, imd at "good" -> 4; otdr 100 % -> 5;
// aht 38.3 h (midway between good 26.5 and poor 50.1) -> 2.5.
inline const char* const kAllSix = R"("nrr": {"value": 0.006}, "nbfr": {"value": 0.0176}, "otdr": {"value": 1.0},
                         "sfcr": {"value": 0.0087}, "imd": {"value": 0.1701}, "aht": {"value": 38.3})";

// A quick-mode dataset: an old shop (no protection) with 100 delivered orders (scored).
inline std::string quick(const std::string& metrics, const std::string& shop_extra = "") {
    return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01",
              "delivered_orders_90d": 100)" + shop_extra + R"(}, "metrics": {)" + metrics + "}}";
}

}  // namespace rules_test
