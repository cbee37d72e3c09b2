// CSV/TSV tokenizer as a push state machine over UTF-8 text arriving in pieces split anywhere.
//
// - The delimiter (comma, tab or semicolon) is chosen from the first record: the one that occurs
//   most often outside quotes (ties: tab, then comma, then semicolon). Excel's "sep=;" first line
//   sets it explicitly. Only the first record is buffered for this.
// - Quoted fields may hold delimiters, newlines and doubled quotes. Like Excel, text after a
//   closing quote is kept ("ab"c -> abc) and a quote inside an unquoted field is literal.
// - CRLF, LF and lone CR all end a record. Rows are counted as a spreadsheet shows them: one per
//   record (a quoted newline does not start a row), blank lines included, header = row 1.
// - Control characters other than tab/CR/LF mean the file is not text: an error, not data.
// - A field is capped at 1 MiB, so an unterminated quote cannot swallow the whole file into memory.
//
// Speed: cells are not copied. A record is handed out as string_views into the text being fed
// (stop_scanner.h finds the stops 64 bytes at a time); only a cell that needs unescaping ("a""b",
// "ab"c) and the record left unfinished at the end of a piece are copied, into a per-record arena.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shopscore::ingest {

class CsvTokenizer {
public:
    // Receives each record (row number, fields). The views are valid only during the call.
    using RecordSink = std::function<void(int64_t row, const std::vector<std::string_view>& fields)>;

    explicit CsvTokenizer(RecordSink sink) : sink_(std::move(sink)) {}
    // Reads a later part of a file from a record start with the file's delimiter (parallel
    // reading): rows are numbered from 1 at that start.
    CsvTokenizer(RecordSink sink, char delimiter) : sink_(std::move(sink)), delimiter_(delimiter) {}

    void feed(std::string_view text);  // throws CellError
    void finish();                     // throws CellError on an unterminated quote

    // Where the tokenizer is: for errors found by the decoder in the bytes that follow.
    int64_t row() const { return state_ == State::record_start || state_ == State::after_cr ? row_ + 1 : row_; }
    int column() const { return count_ == 0 ? 0 : static_cast<int>(count_) - 1; }
    char delimiter() const { return delimiter_; }
    // Between records (the text fed so far ends with a complete record), and the records so far.
    bool at_record_start() const { return delimiter_ != 0 && state_ == State::record_start && count_ == 0; }
    int64_t records() const { return row_; }

private:
    enum class State { record_start, field_start, unquoted, quoted, quote_in_quoted, after_cr };
    void run(std::string_view text);
    void decide_delimiter(bool final);
    // The per-cell steps are small and inlined into run(); their rare failures are out of line.
    inline __attribute__((always_inline)) void start_field();
    void end_record();
    inline __attribute__((always_inline)) void append(const char* text, size_t size);
    void append_copy(const char* text, size_t size);
    void keep_unfinished_record();
    [[noreturn]] void binary_data(unsigned char c);
    [[noreturn]] void too_long();

    RecordSink sink_;
    char delimiter_ = 0;     // 0 until the first record has been seen
    std::string head_;       // the first record, buffered to choose the delimiter
    bool head_in_quotes_ = false;
    int64_t sep_line_rows_ = 0;  // 1 when an Excel "sep=" line preceded the header

    State state_ = State::record_start;
    int64_t row_ = 0;            // row of the record being read (or last read)
    int64_t quote_row_ = 0;      // row where the open quote started
    // The record being read: its first count_ cells. A cell is a view into the text being fed,
    // or, when it had to be copied, bytes in arena_: then its view's size is right and its data
    // is set when the record is handed out (the arena may move while it grows).
    std::vector<std::string_view> cells_;
    size_t count_ = 0;
    std::string arena_;
    struct ArenaCell {
        uint32_t cell, at;
    };
    std::vector<ArenaCell> arena_cells_;  // in cell order; the cell being read, if copied, is last
    bool current_in_arena_ = false;
};

}  // namespace shopscore::ingest
