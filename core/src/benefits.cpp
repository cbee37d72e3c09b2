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
        return require(std::vector<std::string>{input}, known, holds);
    }
    BenefitCheck& require(const std::vector<std::string>& inputs, bool known, bool holds) {
        if (!known)
            out_.missing.insert(out_.missing.end(), inputs.begin(), inputs.end());
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
    // With metrics missing the SPS is a range: a threshold is met when the low end reaches it,
    // missed when the high end does not, and undecided (the missing metrics named) in between.
    const SpsRange& range = result.sps_range;
    const bool official = result.status == Status::scored && range.low.has_value() && range.high.has_value();
    const double low = range.low.value_or(0), high = range.high.value_or(0);
    std::vector<std::string> open;  // the missing metrics that leave the SPS open
    for (size_t m = 0; m < kMetricCount; ++m)
        if (result.metrics[m].input == MetricInput::missing && result.metrics[m].may_have_data) open.push_back(kMetricNames[m]);
    std::vector<BenefitResult> out;
    auto check = [&](const char* id, double min_sps) {
        BenefitCheck c(id, min_sps);
        if (!official)
            c.require("sps", false, false);
        else
            c.require(open, low >= min_sps || high < min_sps, low >= min_sps);
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

// From the low end of the SPS range: the settlement the shop is sure of (docs/scoring.md).
int settlement_days(const Result& result) {
    const std::optional<double>& low = result.sps_range.low;
    if (result.status != Status::scored || !low) return 8;
    if (*low >= 4.0) return 1;
    if (*low >= 3.5) return 5;
    return 8;
}

}  // namespace shopscore
