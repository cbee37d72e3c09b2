// The one error type for bad input. Its message is exactly the line the CLI prints and the
// text a JavaScript Error carries: "FILE:ROW:COLUMN: what was expected" for exports and
// "FILE: orders[12].delivered: what was expected" for JSON.
#pragma once

#include <stdexcept>
#include <string>

namespace shopscore {

class InputError : public std::runtime_error {
public:
    // `where` is "FILE:ROW:COLUMN" or "FILE: json.path"; `what_expected` says what was wrong.
    InputError(const std::string& where, const std::string& what_expected)
        : std::runtime_error(where + ": " + what_expected) {}
};

}  // namespace shopscore
