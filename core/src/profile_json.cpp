// Profile -> JSON, the form profiles_from_json() reads (docs/scoring.md "Profiles"): what
// `shopscore calibrate` writes, so a fitted profile works with `score --profile` as any other.
#include "result_json_internal.h"
#include "shopscore/json_io.h"

namespace shopscore {

std::string profile_to_json(const Profile& p) {
    ordered j;
    j["id"] = p.id;
    j["name"] = {{"en", p.name_en}, {"zh", p.name_zh}};
    if (!p.categories.empty()) j["categories"] = p.categories;
    for (size_t d = 0; d < kDimensionCount; ++d) j["weights"][kDimensionNames[d]] = number(p.weights[d]);
    for (size_t m = 0; m < kMetricCount; ++m) j["metric_weights"][kMetricNames[m]] = number(p.metric_weights[m]);
    for (size_t m = 0; m < kMetricCount; ++m) {
        const Benchmark& b = p.benchmarks[m];
        ordered one;
        one["good"] = number(b.good);
        one["poor"] = number(b.poor);
        if (b.best) one["best"] = number(*b.best);
        if (b.worst) one["worst"] = number(*b.worst);
        j["benchmarks"][kMetricNames[m]] = one;
    }
    j["volume_prior"] = number(p.volume_prior);
    j["delivery_sla_business_days"] = p.delivery_sla_business_days;
    const Protection& pr = p.protection;
    j["protection"] = {{"max_shop_age_days", pr.max_shop_age_days}, {"max_orders", number(pr.max_orders)},
                       {"max_affected", number(pr.max_affected)}, {"floor", number(pr.floor)},
                       {"imd_floor", number(pr.imd_floor)},
                       {"combine", pr.combine == ProtectionCombine::all ? "all" : "any"}};
    const FaultReasons& f = p.fault_reasons;
    j["fault_reasons"] = {{"seller_fault", f.seller_fault},
                          {"buyer_fault", f.buyer_fault},
                          {"carrier_fault", f.carrier_fault},
                          {"late_shipment_cancel", f.late_shipment_cancel},
                          {"seller_cancel", f.seller_cancel},
                          {"buyer_cancel", f.buyer_cancel},
                          {"system_late_cancel", f.system_late_cancel}};
    return j.dump(2) + "\n";
}

}  // namespace shopscore
