// `shopscore batch DIR|LIST`: many shops in one run, one row per shop (CSV and/or JSON array).
#pragma once

#include <string>
#include <vector>

namespace shopscore::cli {

// Returns the exit status: 0 when the run completed and its output was written (a shop with bad
// files has its error in its row); 2 with --strict when some shop failed; 1 when a shop hit an
// internal error. Throws UsageError / InputError for bad arguments.
int run_batch(const std::vector<std::string>& args);

}  // namespace shopscore::cli
