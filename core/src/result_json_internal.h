// Pieces of the result JSON writer shared by result_json.cpp and insights_json.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include "shopscore/result.h"

namespace shopscore {

using ordered = nlohmann::ordered_json;

// Whole numbers as integers ("812", not "812.0"); null for nullopt.
ordered number(double x);
ordered number(const std::optional<double>& x);
ordered metric_json(const MetricResult& m);
ordered benefits_json(const std::vector<BenefitResult>& benefits);
ordered insights_json(const Insights& insights);

}  // namespace shopscore
