// JSON in and out: the canonical dataset (docs/rules.md §22), profiles (§21) and the result (§23).
// Errors are InputError with the file name and the JSON path of the bad field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shopscore/dataset.h"
#include "shopscore/profile.h"
#include "shopscore/result.h"
#include "shopscore/score.h"

namespace shopscore {

Dataset dataset_from_json(std::string_view text, const std::string& file_name);

// A profile file holds one profile object or an array of them. Fields left out keep the
// built-in default's values, so a user can override just the benchmarks.
std::vector<Profile> profiles_from_json(std::string_view text, const std::string& file_name);

// One profile in the form profiles_from_json() reads back to the same profile (every field
// written; best/worst only when set).
std::string profile_to_json(const Profile& profile);

// The `shop` object of a dataset on its own (the CLI's --shop FILE.json for exports).
Shop shop_from_json(std::string_view text, const std::string& file_name);

// Options of the WASM score() call: {"as_of": "YYYY-MM-DD", "profile": {..} or [..],
// "file": "name for error messages"}. All keys are optional; "{}" and "" mean the defaults.
ScoreOptions score_options_from_json(std::string_view text);

std::string result_to_json(const Result& result);

// One diagnostics table of the result's insights as CSV (UTF-8, CRLF), the same text for the CLI
// (--csv TABLE) and the page. Files get kCsvBom in front (Excel then reads Chinese correctly);
// it is not part of this text because WASM strings lose a leading BOM on the way to JavaScript.
// An unknown table is an InputError listing the known ones.
constexpr const char* kCsvBom = "\xEF\xBB\xBF";
std::string insights_csv(const Result& result, const std::string& table);
// What a score call answers: the result JSON, or the CSV table named by options' "csv".
std::string score_output(const Result& result, const ScoreOptions& options);

}  // namespace shopscore
