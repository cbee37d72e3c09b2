// Scenarios (docs/rules.md §32, the seller article's levers): today's counts changed by one lever at a time,
// then all together, re-scored with the same steps as score(). Moved orders are taken in
// proportion (a share of every count), which is the neutral assumption (docs/insights.md).
#include <algorithm>

#include "insights_scorer.h"

namespace shopscore {
namespace {

void scale(Counts& c, double keep) {
    c.numerator *= keep;
    c.denominator *= keep;
    c.affected *= keep;
}

struct Levers {
    bool fbt = false, aht = false, carrier = false, im = false;
};

MetricCounts apply(const Scorer& s, MetricCounts counts, const Levers& on) {
    const InsightContext& c = s.context();
    const ScenarioOptions& o = c.options.scenarios;
    const Day as_of = c.counters.as_of();
    if (on.fbt) {
        const double share = std::clamp(o.fbt_share, 0.0, 1.0);
        if (o.warehouse_delivery_days) {
            // An overseas warehouse: the moved orders stay in OTDR and arrive within N business
            // days; within the SLA they are on time (the share of late orders among them is gone).
            if (*o.warehouse_delivery_days <= c.profile.delivery_sla_business_days) {
                const double fixed = counts[kOtdr].affected * share;
                counts[kOtdr].numerator += fixed;
                counts[kOtdr].affected -= fixed;
            }
        } else {
            scale(counts[kOtdr], 1 - share);  // FBT orders leave OTDR and SFCR
            scale(counts[kSfcr], 1 - share);
        }
    }
    if (on.aht && o.aht_cap_hours) {
        double hours = 0, requests = 0;
        for (const auto& [day, h] : c.counters.aht_requests())
            if (day > as_of - kMetricWindowDays[kAht] && day <= as_of) hours += std::min(h, *o.aht_cap_hours), ++requests;
        counts[kAht] = {hours, requests, 0};
    }
    if (on.carrier) {
        const double cut = std::clamp(o.carrier_return_cut, 0.0, 1.0) *
                           c.counters.carrier_nbfr_between(as_of - kMetricWindowDays[kNbfr] + 1, as_of);
        counts[kNbfr].numerator -= cut;
        counts[kNbfr].affected -= cut;
    }
    if (on.im) {
        const double keep = 1 - std::clamp(o.im_cut, 0.0, 1.0);
        counts[kImd].numerator *= keep;
        counts[kImd].affected *= keep;
    }
    return counts;
}

}  // namespace

std::vector<ScenarioResult> scenarios(const Result& today, const Scorer& s) {
    const InsightContext& c = s.context();
    const ScenarioOptions& o = c.options.scenarios;
    std::vector<ScenarioResult> out;
    const Day as_of = c.counters.as_of();
    const MetricCounts base = s.window_counts(as_of);
    auto run = [&](const char* id, Levers on, std::vector<std::pair<std::string, double>> params) {
        ScenarioResult r;
        r.id = id;
        r.params = std::move(params);
        const ScoredDay snap = s.at(as_of, apply(s, base, on), static_cast<double>(today.delivered_orders_90d));
        r.metrics = snap.metrics;
        r.sps = snap.sps;
        r.sps_range = snap.range;
        Result as_result = today;
        as_result.sps = snap.sps;
        as_result.sps_range = snap.range;
        as_result.metrics = snap.metrics;
        r.benefits = decide_benefits(as_result, c.shop, c.positive_rating_rate);
        r.settlement_days = settlement_days(as_result);
        out.push_back(std::move(r));
    };
    std::vector<std::pair<std::string, double>> fbt = {{"share", o.fbt_share}};
    if (o.warehouse_delivery_days) fbt.emplace_back("delivery_days", *o.warehouse_delivery_days);
    run(o.warehouse_delivery_days ? "overseas_warehouse" : "fbt", {true, false, false, false}, fbt);
    if (o.aht_cap_hours) run("aht_cap", {false, true, false, false}, {{"hours", *o.aht_cap_hours}});
    run("carrier_returns", {false, false, true, false}, {{"cut", o.carrier_return_cut}});
    run("im_replies", {false, false, false, true}, {{"cut", o.im_cut}});
    std::vector<std::pair<std::string, double>> all = fbt;
    for (auto& p : all) p.first = "fbt_" + p.first;
    if (o.aht_cap_hours) all.emplace_back("aht_hours", *o.aht_cap_hours);
    all.emplace_back("carrier_cut", o.carrier_return_cut);
    all.emplace_back("im_cut", o.im_cut);
    run("combined", {true, o.aht_cap_hours.has_value(), true, true}, all);
    return out;
}

}  // namespace shopscore
