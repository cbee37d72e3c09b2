// Record boundaries found on the raw bytes of a CSV/TSV export, for reading one file in slices
// (parallel_read.cpp). The bytes are UTF-8 or GB18030: neither has a quote, delimiter, CR or LF
// byte inside a multi-byte character, so the scan works on bytes.
//
// Records are read as the CSV tokenizer reads them (csv_tokenizer.h): a quote opens a quoted cell
// only at the cell's start, "" inside it is a quote, CR, LF and CRLF end a record outside quotes.
//
// A point in the middle of a file cannot be known to be outside quotes without reading from the
// start (a quoted cell may hold line breaks). find_record_start() only proposes one, as simdcsv
// and DuckDB's parallel CSV reader do: just after a line feed from which the next records read as
// whole records of the header's width. The proof comes later: the slice before it must end
// exactly there, between two records (parallel_read.cpp); otherwise the file is read in one pass.
#pragma once

#include <cstddef>
#include <string_view>

namespace shopscore::ingest {

// The end (just after its line break) of the `records`-th record of `text` (read from its start)
// that holds an ASCII letter or digit (so is certainly not blank), or npos when `text` ends first.
size_t end_of_records_with_text(std::string_view text, int records);

// The end of the first record of `text` that ends at or after `at`, or npos.
size_t end_of_record_after(std::string_view text, size_t at);

// A proposed record start in `text`: the first offset k >= 1 with text[k - 1] == '\n' from which
// the next (up to 4) non-blank records each have `columns` cells, at least one of them complete
// in `text` (or `text` ends the file). npos when there is none.
size_t find_record_start(std::string_view text, char delimiter, size_t columns, bool text_ends_file);

}  // namespace shopscore::ingest
