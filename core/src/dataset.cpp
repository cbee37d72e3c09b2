#include "shopscore/dataset.h"

namespace shopscore {

uint8_t flag_from_name(std::string_view name) {
    if (name == "fraud") return kFlagFraud;
    if (name == "sample") return kFlagSample;
    if (name == "gift") return kFlagGift;
    if (name == "appealed") return kFlagAppealed;
    if (name == "risky_buyer") return kFlagRiskyBuyer;
    if (name == "fbt_logistics") return kFlagFbtLogistics;
    if (name == "excluded") return kFlagExcluded;
    return 0;
}

Order& Dataset::upsert_order(const std::string& id) {
    auto [it, inserted] = order_index.try_emplace(id, static_cast<uint32_t>(orders.size()));
    if (inserted) {
        orders.emplace_back();
        orders.back().id = id;
    }
    return orders[it->second];
}

const Order* Dataset::find_order(const std::string& id) const {
    auto it = order_index.find(id);
    return it == order_index.end() ? nullptr : &orders[it->second];
}

}  // namespace shopscore
