// How `shopscore score` prints its result: the result JSON (default, for scripts), the text
// report, or the batch CSV's header and one row.
#pragma once

#include <string>

#include "labels.h"
#include "shopscore/result.h"
#include "shopscore/score.h"

namespace shopscore::cli {

enum class Format { json, text, csv };

Format parse_format(const std::string& name);  // throws UsageError
Lang parse_lang(const std::string& name);      // throws UsageError

// The profile a result was scored with: the user profile of that id, else the built-in one.
const Profile& profile_of(const Result& result, const ScoreOptions& options);

// The CSV's shop: the dataset's file name without extension, else the name of the folder holding
// the first export (so `score --orders shops/a/orders.csv` names its row "a", as batch does).
std::string shop_name(const std::string& dataset_path, const std::string& first_export);

// `shop` names the row of the CSV.
// `insight_lines` (--insights): the text report's and the CSV's goal-seek and forecast parts.
std::string format_result(const Result& result, const ScoreOptions& options, Format format, Lang lang,
                          const std::string& shop, bool insight_lines);

}  // namespace shopscore::cli
