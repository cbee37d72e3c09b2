// Benefits (docs/rules.md §20). Decided on the unrounded SPS: 3.46 shows "3.5" but is below 3.5.
#include "scoring_internal.h"

namespace shopscore {
namespace {

// Builds one benefit from its conditions. A condition is either known (holds or fails) or
// missing an input; missing is never read as zero or false.
class BenefitCheck {
public:
    BenefitCheck(std::string id, double min_sps) { out_.id = std::move(id), out_.min_sps = min_sps; }

    BenefitCheck& require(const char* input, bool known, bool holds) {
        if (!known)
            out_.missing.push_back(input);
        else if (!holds)
            failed_ = true;
        return *this;
    }
    BenefitResult done(bool official_score) {
        if (!official_score) {
            out_.eligible = std::nullopt;  // no official score yet: nothing can be decided
        } else if (failed_) {
            out_.eligible = false;
        } else if (!out_.missing.empty()) {
            out_.eligible = std::nullopt;
        } else {
            out_.eligible = true;
        }
        return out_;
    }

private:
    BenefitResult out_;
    bool failed_ = false;
};

}  // namespace

std::vector<BenefitResult> decide_benefits(const Result& result, const Shop& shop,
                                           std::optional<double> positive_rating_rate) {
    const bool official = result.status == Status::scored && result.sps.has_value();
    const double sps = result.sps.value_or(0);
    std::vector<BenefitResult> out;
    auto check = [&](const char* id, double min_sps) {
        BenefitCheck c(id, min_sps);
        c.require("sps", official, sps >= min_sps);
        return c;
    };
    for (const char* id : {"flash_deals", "tiktok_funded_promotions", "shop_ads_boost"})
        out.push_back(check(id, 2.5).done(official));
    for (const char* id : {"affiliate", "settlement_accelerated", "official_shop"})
        out.push_back(check(id, 3.5).done(official));
    out.push_back(check("mega_campaigns", 3.5)
                      .require("violations_30d", shop.violations_30d.has_value(), shop.violations_30d.value_or(0) < 3)
                      .done(official));
    out.push_back(check("settlement_express", 4.0).done(official));
    for (auto [id, points] : {std::pair{"gold_star", 10000.0}, std::pair{"silver_star", 2000.0}}) {
        out.push_back(check(id, 4.0)
                          .require("reputation_points", shop.reputation_points.has_value(),
                                   shop.reputation_points.value_or(0) >= points)
                          .require("positive_rating_rate", positive_rating_rate.has_value(),
                                   positive_rating_rate.value_or(0) >= 0.8)
                          .require("has_logo", shop.has_logo.has_value(), shop.has_logo.value_or(false))
                          .require("products_for_sale", shop.products_for_sale.has_value(),
                                   shop.products_for_sale.value_or(0) >= 1)
                          .done(official));
    }
    return out;
}

int settlement_days(const Result& result) {
    if (result.status != Status::scored || !result.sps) return 8;
    if (*result.sps >= 4.0) return 1;
    if (*result.sps >= 3.5) return 5;
    return 8;
}

}  // namespace shopscore
