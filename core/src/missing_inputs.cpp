// Missing inputs (docs/scoring.md "Missing, typed and no data"): a metric whose export was not
// given and that was not typed has no value. It is never read as 0 % (a perfect score) nor as
// "no data" (whose weight moves to the other metrics): the SPS becomes the range of what it could
// be, and only what holds over the whole range is decided.
#include <algorithm>

#include "scoring_internal.h"

namespace shopscore {

AbsentInputs absent_inputs(const GivenInputs& given, const DirectMetrics& direct) {
    AbsentInputs out;
    out.orders_given = given[kInputOrders];
    // The input named for each metric: the first of its inputs that is not given.
    auto need = [&](MetricId m, std::initializer_list<InputKind> all_of) {
        for (InputKind k : all_of)
            if (!given[k]) {
                out.metric[m] = true;
                out.input[m] = kInputKindNames[k];
                return;
            }
    };
    need(kNrr, {kInputOrders, kInputReviews});
    need(kNbfr, {kInputOrders, kInputReturns});
    need(kOtdr, {kInputOrders});
    need(kSfcr, {kInputOrders});
    need(kImd, {kInputChats});
    if (!given[kInputReturns] && !given[kInputDiagnostics]) {  // either gives AHT's requests
        out.metric[kAht] = true;
        out.input[kAht] = kInputKindNames[kInputDiagnostics];
    }
    for (size_t m = 0; m < kMetricCount; ++m)
        if (direct[m]) out.metric[m] = false;  // typed: nothing is missing
    return out;
}

void mark_missing(MetricResult& r, MetricId m, const AbsentInputs& absent) {
    if (!absent.metric[m]) return;
    // Anything the seller could type is possible: a score 0..5 or no data. (The orders could tell
    // NRR/NBFR's denominator, but a typed value overrides the orders, and the range must hold
    // every typed completion: tests/random/missing_range.mjs.)
    MetricResult missing;
    missing.window_days = r.window_days;
    missing.input = MetricInput::missing;
    missing.no_data = true;  // never scored as it stands
    missing.may_have_data = true;
    missing.may_be_no_data = true;
    r = missing;
}

Combined combine_with_missing(const std::array<MetricResult, kMetricCount>& metrics, const Profile& profile,
                              std::array<DimensionResult, kDimensionCount>& dimensions) {
    Combined out;
    const std::optional<double> known = combine_dimensions(metrics, profile, dimensions);
    // The missing metrics that can move the SPS: weighted, and possibly with data.
    std::vector<MetricId> open;
    for (size_t m = 0; m < kMetricCount; ++m)
        if (metrics[m].input == MetricInput::missing && metrics[m].may_have_data && profile.metric_weights[m] > 0)
            open.push_back(static_cast<MetricId>(m));
    if (open.empty()) {  // missing metrics, if any, certainly have no data or no weight
        out.sps = known;
        out.range = {known, known};
        return out;
    }
    // Each open metric has data (scored 0 for the low end, 5 for the high: the SPS rises with
    // every score) or, where possible, none. The least and greatest over every such pattern.
    std::array<DimensionResult, kDimensionCount> scratch;
    for (unsigned pattern = 0; pattern < (1u << open.size()); ++pattern) {
        std::array<MetricResult, kMetricCount> low = metrics, high = metrics;
        bool possible = true;
        for (size_t i = 0; i < open.size(); ++i) {
            const bool has_data = (pattern >> i) & 1u;
            const MetricResult& r = metrics[open[i]];
            if (has_data ? !r.may_have_data : !r.may_be_no_data) possible = false;
            if (!has_data) continue;
            low[open[i]].no_data = high[open[i]].no_data = false;
            low[open[i]].score = 0.0;
            high[open[i]].score = 5.0;
        }
        if (!possible) continue;
        const std::optional<double> a = combine_dimensions(low, profile, scratch);
        const std::optional<double> b = combine_dimensions(high, profile, scratch);
        if (a) out.range.low = out.range.low ? std::min(*out.range.low, *a) : *a;
        if (b) out.range.high = out.range.high ? std::max(*out.range.high, *b) : *b;
    }
    if (out.range.low && out.range.high && *out.range.low == *out.range.high) {  // e.g. a dimension weighted 0
        out.sps = out.range.low;
        return out;
    }
    // No single score: a dimension holding an open metric has none, and no weighting was used.
    for (DimensionResult& dim : dimensions) dim.effective_weight = 0;
    for (MetricId m : open) {
        DimensionResult& dim = dimensions[kMetricDimension[m]];
        dim.score = std::nullopt;
        dim.no_data = false;
    }
    return out;
}

}  // namespace shopscore
