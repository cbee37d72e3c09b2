// A category profile (docs/rules.md §21): every [model] number lives here so the user can see and edit it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "shopscore/dataset.h"

namespace shopscore {

enum DimensionId : uint8_t { kProduct, kFulfillment, kService, kDimensionCount };
constexpr std::array<const char*, kDimensionCount> kDimensionNames = {"product", "fulfillment", "service"};
constexpr std::array<DimensionId, kMetricCount> kMetricDimension = {kProduct, kProduct, kFulfillment,
                                                                    kFulfillment, kService, kService};
constexpr std::array<int, kMetricCount> kMetricWindowDays = {60, 60, 30, 30, 60, 60};

struct Benchmark {
    double good = 0;  // scores 4
    double poor = 0;  // scores 1
    // The values that score 5 and 0 (docs/scoring.md "Curve"); absent: the defaults below.
    std::optional<double> best, worst;
};

// Where the curve reaches 5 and 0 when the profile does not say: 5 at a 0 rate / 0 hours (a 100 %
// on-time rate), 0 a third of the good-to-poor distance beyond poor (the 4->1 slope continued).
double default_best(MetricId metric);
double default_worst(const Benchmark& benchmark);
inline double curve_best(MetricId metric, const Benchmark& b) { return b.best ? *b.best : default_best(metric); }
inline double curve_worst(const Benchmark& b) { return b.worst ? *b.worst : default_worst(b); }

enum class ProtectionCombine : uint8_t { all, any };

struct Protection {
    int max_shop_age_days = 180;
    double max_orders = 30;
    double max_affected = 3;
    double floor = 3.5;
    double imd_floor = 2.0;
    ProtectionCombine combine = ProtectionCombine::all;
};

// Reason rules (English and Chinese) sorting reason texts into fault classes; one rule per line,
// matched on normalised words (docs/scoring.md "Fault mapping"). [model]: TikTok does not publish
// its list.
struct FaultReasons {
    std::vector<std::string> seller_fault;          // return/refund reasons that count in NBFR
    std::vector<std::string> buyer_fault;           // known buyer reasons (not listed as unmapped)
    std::vector<std::string> carrier_fault;         // seller-fault return reasons blaming the delivery (scenarios)
    std::vector<std::string> late_shipment_cancel;  // cancellations that are seller fault whoever cancelled
    std::vector<std::string> seller_cancel;         // seller-fault cancellation reasons (canceller unknown)
    std::vector<std::string> buyer_cancel;          // not seller fault even when the seller cancelled
    std::vector<std::string> system_late_cancel;    // system cancellations that are seller/carrier fault
};

struct Profile {
    std::string id = "default";
    std::string name_en;
    std::string name_zh;
    std::vector<std::string> categories;  // shop categories this profile is for (besides `id`)
    std::array<double, kDimensionCount> weights{};
    std::array<double, kMetricCount> metric_weights{};
    std::array<Benchmark, kMetricCount> benchmarks{};
    double volume_prior = 10;
    int delivery_sla_business_days = 6;
    Protection protection;
    FaultReasons fault_reasons;
};

// The built-in `default` profile (core/src/default_profile.json, compiled in).
const Profile& default_profile();
const std::string& default_profile_json();

}  // namespace shopscore
