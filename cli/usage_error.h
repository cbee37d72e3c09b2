// Bad command-line usage; reported like bad input (exit 2) as "shopscore: ... (see shopscore --help)".
#pragma once

#include <stdexcept>

namespace shopscore::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace shopscore::cli
