// One shop as one row: the columns shared by `shopscore batch` (CSV and JSON array) and
// `shopscore score --format csv`, so a spreadsheet built from either has the same layout.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shopscore/result.h"

namespace shopscore::cli {

struct ShopRow {
    std::string shop;               // the shop folder's name (batch) or the input's name (score)
    std::optional<Result> result;   // set when the shop was scored
    std::string error;              // the one-line error otherwise
    std::string error_code;         // its stable code (docs/errors.md)
    bool internal_error = false;    // the error is a bug, not bad input
};

// CSV: a UTF-8 BOM (so Excel reads Chinese), a header row, one row per shop; LF line ends;
// numbers written exactly as in the result JSON; empty cells for nulls.
// `insight_columns` (--insights) fills next_target, goal_seek, forecast_clean and forecast_steady;
// the columns are there either way, so a spreadsheet's layout does not depend on the flag.
std::string rows_to_csv(const std::vector<ShopRow>& rows, bool insight_columns);

// A JSON array of objects with the CSV's columns as keys (numbers as numbers, nulls as null).
std::string rows_to_json(const std::vector<ShopRow>& rows, bool insight_columns);

}  // namespace shopscore::cli
