// `shopscore calibrate`: fit a profile to Seller Center snapshots (docs/calibration.md).
#pragma once

#include <string>
#include <vector>

#include "shopscore/calibrate.h"

namespace shopscore::cli {

int run_calibrate(const std::vector<std::string>& args);
// The report to read (--format text).
std::string calibration_text(const Calibration& c, const std::string& out_path);

}  // namespace shopscore::cli
