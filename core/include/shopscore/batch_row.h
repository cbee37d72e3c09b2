// One shop as one row: the columns shared by `shopscore batch` (CSV and JSON array),
// `shopscore score --format csv` and the page's Shops view (its CSV download, through the WASM
// binding), so a spreadsheet built from any of them has the same layout and the same bytes.
// Pure: a Result in, text out; no files (the CLI's cli/shop_folder.cpp and the page's worker
// read the shop folders).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shopscore/error.h"
#include "shopscore/result.h"

namespace shopscore {

// A shop's earlier reading from `batch --history` (cli/batch_history.h).
struct Reading {
    Day as_of = kNoDay;
    std::optional<double> sps;  // null when the SPS was a range
};

struct ShopRow {
    std::string shop;               // the shop folder's name (batch) or the input's name (score)
    std::optional<Result> result;   // set when the shop was scored
    std::string error;              // the one-line error otherwise
    std::string error_code;         // its stable code (docs/errors.md)
    bool internal_error = false;    // the error is a bug, not bad input
    std::optional<Reading> previous;  // --history: the shop's last reading before this one
};

// CSV: a UTF-8 BOM (so Excel reads Chinese), a header row, one row per shop; LF line ends;
// numbers written exactly as in the result JSON; empty cells for nulls.
// `insight_columns` (--insights) fills next_target, goal_seek, forecast_clean and forecast_steady;
// the columns are there either way, so a spreadsheet's layout does not depend on the flag.
// `history_columns` (--history) adds previous_as_of, previous_sps and sps_change at the end.
std::string rows_to_csv(const std::vector<ShopRow>& rows, bool insight_columns, bool history_columns = false);

// A JSON array of objects with the CSV's columns as keys (numbers as numbers, nulls as null).
std::string rows_to_json(const std::vector<ShopRow>& rows, bool insight_columns, bool history_columns = false);

// The CSV in pieces, for a writer that scores shops one at a time and keeps only their lines (the
// page): the BOM and header row, then one line per shop; rows_to_csv is their concatenation.
// Each ends with "\n".
std::string batch_csv_header(bool history_columns = false);
std::string batch_csv_line(const ShopRow& row, bool insight_columns, bool history_columns = false);

// Frees the parts of a result no batch column reads (the insights' diagnostics tables, which
// hold every row, the scenarios, the trend and why-it-moved): `batch` keeps every shop's result
// until it writes the file, and these made its memory grow by ~0.25 MB a shop of 10 k orders
// (docs/performance.md "Agency scale"). The rows written from it are the same bytes.
void keep_batch_columns_only(Result& result);

// The error of a shop folder holding no export (nothing, or only shop.json): the CLI's and the
// page's words for it (code no_exports).
InputError no_exports_error(const std::string& folder);

// The CSV's columns without the history ones, in order (the header of a history file).
std::vector<std::string> batch_columns();

}  // namespace shopscore
