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
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shopscore::ingest {

class CsvTokenizer {
public:
    // Receives each record (row number, fields). The vector may be modified by the callee.
    using RecordSink = std::function<void(int64_t row, std::vector<std::string>& fields)>;

    explicit CsvTokenizer(RecordSink sink) : sink_(std::move(sink)) {}

    void feed(std::string_view text);  // throws CellError
    void finish();                     // throws CellError on an unterminated quote

    // Where the tokenizer is: for errors found by the decoder in the bytes that follow.
    int64_t row() const { return state_ == State::record_start || state_ == State::after_cr ? row_ + 1 : row_; }
    int column() const { return count_ == 0 ? 0 : static_cast<int>(count_) - 1; }
    char delimiter() const { return delimiter_; }

private:
    enum class State { record_start, field_start, unquoted, quoted, quote_in_quoted, after_cr };
    void run(std::string_view text);
    void decide_delimiter(bool final);
    // The per-cell steps are small and inlined into run(); their rare failures are out of line.
    inline __attribute__((always_inline)) void start_field();
    void end_record();
    inline __attribute__((always_inline)) void check_control(unsigned char c);
    inline __attribute__((always_inline)) void append(std::string_view span);
    [[noreturn]] void binary_data(unsigned char c);
    [[noreturn]] void too_long();
    void build_tables();

    RecordSink sink_;
    char delimiter_ = 0;     // 0 until the first record has been seen
    std::string head_;       // the first record, buffered to choose the delimiter
    bool head_in_quotes_ = false;
    int64_t sep_line_rows_ = 0;  // 1 when an Excel "sep=" line preceded the header

    State state_ = State::record_start;
    State before_cr_ = State::record_start;
    int64_t row_ = 0;            // row of the record being read (or last read)
    int64_t quote_row_ = 0;      // row where the open quote started
    std::vector<std::string> fields_;  // the record being read: the first count_ cells
    size_t count_ = 0;
    bool tables_ready_ = false;
    bool stop_unquoted_[256] = {};
    bool stop_quoted_[256] = {};
};

}  // namespace shopscore::ingest
