#include "shopscore/meta.h"

#include <nlohmann/json.hpp>

#include "shopscore/limits.h"
#include "shopscore/profile.h"
#include "shopscore/rules.h"
#include "shopscore/version.h"

namespace shopscore {

std::string meta_json() {
    using ordered = nlohmann::ordered_json;
    const Profile& defaults = default_profile();
    ordered j;
    j["version"] = kVersion;
    j["metrics"] = ordered::array();
    for (int m = 0; m < kMetricCount; ++m) {
        ordered mj;
        mj["id"] = kMetricNames[m];
        mj["dimension"] = kDimensionNames[kMetricDimension[m]];
        mj["window_days"] = kMetricWindowDays[m];
        mj["unit"] = m == kAht ? "hours" : "rate";  // docs/rules.md §6
        mj["higher_is_better"] = m == kOtdr;
        mj["default_weight"] = defaults.metric_weights[m];
        j["metrics"].push_back(std::move(mj));
    }
    j["dimensions"] = ordered::array();
    for (int d = 0; d < kDimensionCount; ++d) {
        ordered dj;
        dj["id"] = kDimensionNames[d];
        dj["metrics"] = ordered::array();
        for (int m = 0; m < kMetricCount; ++m)
            if (kMetricDimension[m] == d) dj["metrics"].push_back(kMetricNames[m]);
        dj["default_weight"] = defaults.weights[d];
        j["dimensions"].push_back(std::move(dj));
    }
    j["gate"] = {{"orders", kGateOrders}, {"window_days", kGateWindowDays}};
    j["benefit_tiers"] = kBenefitTiers;
    j["priority"] = {{"target", kPriorityTarget},
                     {"key_opportunity_min_gain", kKeyOpportunityMinGain},
                     {"needs_attention_below", kNeedsAttentionBelow}};
    j["limits"] = {{"json_bytes", kMaxJsonBytes},
                   {"page_file_bytes", kPageMaxFileBytes},
                   {"xlsx_small_part_bytes", kXlsxMaxSmallPartBytes},
                   {"xlsx_shared_strings_part_bytes", kXlsxMaxSharedStringsPartBytes},
                   {"xlsx_sheet_part_bytes", kXlsxMaxSheetPartBytes}};
    return j.dump();
}

}  // namespace shopscore
