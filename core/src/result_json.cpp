// Result -> JSON in the field order of docs/rules.md §23. Whole numbers are written as integers so
// counts read "812", not "812.0"; nlohmann's shortest round-trip formatting of the rest is the
// same natively and in WASM, which keeps the two outputs byte-identical.
#include <cmath>
#include <nlohmann/json.hpp>

#include "result_json_internal.h"
#include "shopscore/json_io.h"

namespace shopscore {

ordered number(double x) {
    if (std::isfinite(x) && std::fabs(x) < 9007199254740992.0 && x == std::floor(x))
        return static_cast<int64_t>(x);
    return x;
}

ordered number(const std::optional<double>& x) { return x ? number(*x) : ordered(nullptr); }

void add_summary_fields(ordered& j, const Result& r) {
    j["as_of"] = r.as_of == kNoDay ? ordered(nullptr) : ordered(format_day(r.as_of));
    j["profile"] = r.profile_id;
    j["status"] = r.status == Status::scored ? "scored" : "not_enough_orders";
    j["delivered_orders_90d"] = r.delivered_orders_90d;
    j["sps"] = number(r.sps);
    j["sps_display"] = r.sps ? ordered(display_one_decimal(*r.sps)) : ordered(nullptr);
    j["sps_range"] = sps_range_json(r.sps_range);
    j["settlement_days"] = r.settlement_days;
}

ordered sps_range_json(const SpsRange& range) {
    ordered j;
    j["low"] = number(range.low);
    j["high"] = number(range.high);
    return j;
}

const char* metric_input_name(MetricInput input) {
    switch (input) {
        case MetricInput::typed: return "typed";
        case MetricInput::missing: return "missing";
        default: return "export";
    }
}

ordered metric_json(const MetricResult& m) {
    ordered j;
    j["value"] = number(m.value);
    j["adjusted_value"] = number(m.adjusted_value);
    j["numerator"] = number(m.numerator);
    j["denominator"] = number(m.denominator);
    j["window_days"] = m.window_days;
    j["raw_score"] = number(m.raw_score);
    j["score"] = number(m.score);
    j["protected"] = m.is_protected;
    // no_data: given, but nothing in the window. A missing metric was not given at all.
    j["no_data"] = m.no_data && m.input != MetricInput::missing;
    j["input"] = metric_input_name(m.input);
    return j;
}

ordered benefits_json(const std::vector<BenefitResult>& benefits) {
    ordered out = ordered::array();
    for (const BenefitResult& b : benefits) {
        ordered bj;
        bj["id"] = b.id;
        bj["min_sps"] = number(b.min_sps);
        bj["eligible"] = b.eligible ? ordered(*b.eligible) : ordered(nullptr);
        bj["missing"] = b.missing;
        out.push_back(bj);
    }
    return out;
}

// The one Warning -> JSON (docs/errors.md "Warnings"): the result's warnings and each file's summary.
ordered warning_json(const Warning& w) {
    ordered j;
    j["code"] = w.code;
    j["message"] = w.message;
    j["count"] = w.count;
    j["examples"] = w.examples;
    if (!w.params.empty()) j["params"] = w.params;
    return j;
}

std::string result_to_json(const Result& r) {
    ordered j;
    j["schema"] = "shopscore.result/1";
    add_summary_fields(j, r);

    ordered dims = ordered::object();
    for (size_t d = 0; d < kDimensionCount; ++d) {
        const DimensionResult& dim = r.dimensions[d];
        ordered dj;
        dj["score"] = number(dim.score);
        dj["display"] = dim.score ? ordered(display_one_decimal(*dim.score)) : ordered(nullptr);
        dj["weight"] = number(dim.weight);
        dj["effective_weight"] = number(dim.effective_weight);
        dj["no_data"] = dim.no_data;
        dims[kDimensionNames[d]] = dj;
    }
    j["dimensions"] = dims;

    ordered metrics = ordered::object();
    for (size_t m = 0; m < kMetricCount; ++m) {
        ordered mj = metric_json(r.metrics[m]);
        mj["sps_part"] = number(r.sps_parts[m]);
        metrics[kMetricNames[m]] = mj;
    }
    j["metrics"] = metrics;

    ordered protection;
    protection["shop_qualifies"] = r.shop_qualifies;
    protection["metrics"] = ordered::array();
    for (size_t m = 0; m < kMetricCount; ++m)
        if (r.metrics[m].is_protected) protection["metrics"].push_back(kMetricNames[m]);
    j["protection"] = protection;

    j["benefits"] = benefits_json(r.benefits);
    j["warnings"] = ordered::array();
    for (const Warning& w : r.warnings) j["warnings"].push_back(warning_json(w));
    if (r.insights) j["insights"] = insights_json(*r.insights);
    // Texts from the data are UTF-8 by now; replace rather than fail on a stray invalid byte.
    return j.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

}  // namespace shopscore
