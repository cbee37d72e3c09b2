// The score (SPEC §7) in memory. result_json.cpp writes it out in the spec's field order.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "shopscore/profile.h"

namespace shopscore {

struct MetricResult {
    std::optional<double> value;           // unadjusted; fraction, or hours for aht
    std::optional<double> adjusted_value;  // after the volume prior; = value when it is skipped
    std::optional<double> numerator;       // total hours for aht
    std::optional<double> denominator;     // requests for aht
    std::optional<double> affected;        // numerator, or late orders for otdr (protection)
    int window_days = 0;
    std::optional<double> raw_score;       // before protection
    std::optional<double> score;           // after protection
    bool is_protected = false;             // protection raised the score
    bool no_data = true;
};

struct DimensionResult {
    std::optional<double> score;
    double weight = 0;
    double effective_weight = 0;
    bool no_data = true;
};

struct BenefitResult {
    std::string id;
    double min_sps = 0;
    std::optional<bool> eligible;        // nullopt: every known condition holds, inputs missing
    std::vector<std::string> missing;
};

// SPEC §9 priority labels: what to fix first.
enum class Priority { none, key_opportunity, needs_attention };
struct MetricPriority {
    MetricId metric = kNrr;
    double gain = 0;  // SPS increase if this metric alone scored max(its score, 4.0)
    Priority label = Priority::none;
};
struct Insights {
    std::vector<MetricPriority> priorities;  // metrics with data, largest gain first
};

enum class Status { scored, not_enough_orders };

struct Result {
    Day as_of = kNoDay;
    std::string profile_id;
    Status status = Status::not_enough_orders;
    int64_t delivered_orders_90d = 0;
    std::optional<double> sps;
    int settlement_days = 8;
    std::array<DimensionResult, kDimensionCount> dimensions{};
    std::array<MetricResult, kMetricCount> metrics{};
    bool shop_qualifies = false;
    std::vector<BenefitResult> benefits;
    std::vector<Warning> warnings;
    std::optional<Insights> insights;
};

// One decimal, half up: 3.45 -> "3.5", 3.44 -> "3.4". Used for dimension scores and the SPS.
std::string display_one_decimal(double score);

}  // namespace shopscore
