// Shared between the dataset reader and the options reader (a "shop" override in options).
#pragma once

#include "json_read.h"
#include "shopscore/dataset.h"

namespace shopscore {

// Reads a shop object at `path` ("shop", or "" for a bare shop file).
Shop read_shop(const json_read::Reader& r, const json_read::json& shop, const std::string& path);

// Reads directly given metrics ({"nrr": {"value": .., "numerator": .., "denominator": ..}}) at
// `path` ("metrics" in a dataset and in score options). A "value" may be a number (a fraction,
// hours for aht) or the text the seller typed, read by read_metric_value (score.h); a text read
// as a fraction adds its note to `notes`.
DirectMetrics read_direct_metrics(const json_read::Reader& r, const json_read::json& metrics, const std::string& path,
                                  std::vector<Warning>* notes);

}  // namespace shopscore
