// The one error type for bad input. Its message is exactly the line the CLI prints and the
// text a JavaScript Error carries: "FILE:ROW:COLUMN: what was expected" for exports and
// "FILE: orders[12].delivered: what was expected" for JSON.
//
// Beside the English line, every error carries a stable `code` and its parameters (docs/rules.md §25), so
// the page can word it in the seller's language ("第 12 行「送达时间」:无法识别的日期 …") while
// the CLI keeps its one-line English form. docs/errors.md lists the codes.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace shopscore {

struct ErrorDetail {
    std::string code = "invalid_input";  // stable snake_case, e.g. "bad_date", "missing_column"
    std::string file;
    int64_t row = 0;       // 1-based row as a spreadsheet shows it (header = 1); 0 when not in a table
    std::string column;    // the column's header text, or its letters
    std::string field;     // JSON path ("orders[3].delivered") or command-line option
    std::string expected;  // English phrase: what the input should have been
    std::string got;       // the offending text as read; empty when the cell or field was empty
};

class InputError : public std::runtime_error {
public:
    // `where` is "FILE:ROW:COLUMN" or "FILE: json.path"; `what_expected` says what was wrong.
    InputError(const std::string& where, const std::string& what_expected, ErrorDetail detail = {})
        : std::runtime_error(where + ": " + what_expected), detail_(std::move(detail)) {
        if (detail_.expected.empty()) detail_.expected = what_expected;
    }
    const ErrorDetail& detail() const { return detail_; }

private:
    ErrorDetail detail_;
};

// {"name": "InputError", "message": .., "code": .., "file": .., "row": .., "column": .., "field": ..,
//  "expected": .., "got": ..}: what crosses to JavaScript and what `--format json` errors print.
std::string input_error_to_json(const InputError& error);

}  // namespace shopscore
