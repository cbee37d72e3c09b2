// Errors inside the export readers, before they become "FILE:ROW:COLUMN: ..." InputErrors.
//
// The tokenizers, decoders and row mappers know the row and the column *index* where input went
// wrong, but not always the file name or the header text; Ingest (ingest.cpp) catches CellError
// and formats it once, so every error of every reader has the same shape.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shopscore/time.h"

namespace shopscore::ingest {

struct CellError {
    int64_t row = 1;       // 1-based row as a spreadsheet shows it (header = 1)
    int column = -1;       // 0-based column index; -1 when the row as a whole is wrong
    std::string label;     // when set, used as COLUMN instead of the header text (missing columns)
    std::string message;   // English: "expected ..., got ..."
    std::string code = "invalid_input";  // stable code (docs/errors.md)
    std::string expected;  // English phrase without "expected "
    std::string got;       // the cell text as read; empty for an empty cell or when not a cell
};

// `text` quoted for an error message, shortened to a readable length.
std::string quoted(std::string_view text);

// "expected <expected>, got <quoted cell>" (or "got an empty cell" when `cell` is empty), then
// `note` in brackets if any. The common shape of a bad cell.
[[noreturn]] void fail_cell(int64_t row, int column, const char* code, const std::string& expected,
                            std::string_view cell, const std::string& note = {});

// "expected <expected>[, got <got_phrase>]" for what is not one cell's text ("got an empty file",
// "got binary data (byte 0x00)"); `got` is the raw value for the parameters, if there is one.
[[noreturn]] void fail_input(int64_t row, int column, const char* code, const std::string& expected,
                             const std::string& got_phrase = {}, const std::string& got = {});

// A timestamp whose slash-date order (month-first or day-first) is not known yet; see
// date_resolver.h. Never leaves the reader: every pending value is resolved at the end of its file.
constexpr Seconds kPendingTime = kNoTime + 1;
constexpr Day kPendingDay = kNoDay + 1;

// Spreadsheet column letters: 0 -> "A", 26 -> "AA". Used when a column has no header text.
std::string column_letters(int column);

// Trims ASCII spaces, tabs, CR/LF and non-breaking spaces (exports end cells with a tab).
std::string_view trim_cell_slow(std::string_view text);
inline bool trim_cell_edge(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xC2 || c == 0xA0; }
inline std::string_view trim_cell(std::string_view text) {
    // Most cells start and end with neither a space nor a byte of NBSP: nothing to trim.
    if (text.empty() || (!trim_cell_edge(static_cast<unsigned char>(text.front())) && !trim_cell_edge(static_cast<unsigned char>(text.back()))))
        return text;
    return trim_cell_slow(text);
}

}  // namespace shopscore::ingest
