// Pieces of the result JSON writer shared by result_json.cpp and insights_json.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include "shopscore/result.h"

namespace shopscore {

using ordered = nlohmann::ordered_json;

// Whole numbers as integers ("812", not "812.0"); null for nullopt.
ordered number(double x);
ordered number(const std::optional<double>& x);
// The result's headline fields (as_of, profile, status, delivered_orders_90d, sps, sps_display,
// settlement_days) appended to `j` in docs/rules.md §23's order: the result JSON and the CLI's batch rows.
void add_summary_fields(ordered& j, const Result& r);
ordered metric_json(const MetricResult& m);
ordered benefits_json(const std::vector<BenefitResult>& benefits);
ordered insights_json(const Insights& insights);

}  // namespace shopscore
