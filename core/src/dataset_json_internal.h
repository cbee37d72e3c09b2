// Shared between the dataset reader and the options reader (a "shop" override in options).
#pragma once

#include "json_read.h"
#include "shopscore/dataset.h"

namespace shopscore {

// Reads a shop object at `path` ("shop", or "" for a bare shop file).
Shop read_shop(const json_read::Reader& r, const json_read::json& shop, const std::string& path);

// Reads directly given metrics ({"nrr": {"value": .., "numerator": .., "denominator": ..}}) at
// `path` ("metrics" in a dataset and in score options).
DirectMetrics read_direct_metrics(const json_read::Reader& r, const json_read::json& metrics, const std::string& path);

}  // namespace shopscore
