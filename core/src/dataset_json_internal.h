// Shared between the dataset reader and the options reader (a "shop" override in options).
#pragma once

#include "json_read.h"
#include "shopscore/dataset.h"

namespace shopscore {

// Reads a shop object at `path` ("shop", or "" for a bare shop file).
Shop read_shop(const json_read::Reader& r, const json_read::json& shop, const std::string& path);

}  // namespace shopscore
