#include "ingest/csv_tokenizer.h"

#include <cstdio>

#include "ingest/cell_error.h"
#include "ingest/swar.h"

namespace shopscore::ingest {
namespace {
constexpr size_t kMaxField = 1 << 20;
constexpr size_t kMaxFields = 16384;
}  // namespace

void CsvTokenizer::feed(std::string_view text) {
    if (delimiter_ == 0) {
        // Buffer the first record (up to a newline outside quotes) to choose the delimiter.
        size_t i = 0;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '"') head_in_quotes_ = !head_in_quotes_;
            if (!head_in_quotes_ && (c == '\n' || c == '\r')) break;
        }
        head_.append(text.substr(0, i));
        if (i == text.size()) {
            if (head_.size() > kMaxField) fail_input(1, head_in_quotes_ ? 0 : -1, "line_too_long", "a header row", "a first line longer than 1 MiB");
            return;
        }
        decide_delimiter(false);
        std::string head;
        head.swap(head_);
        run(head);
        text.remove_prefix(i);
        if (sep_line_rows_) {  // the "sep=" line's own line break is not a record
            state_ = text[0] == '\r' ? State::after_cr : State::record_start;
            text.remove_prefix(1);
        }
    }
    run(text);
}

void CsvTokenizer::finish() {
    if (delimiter_ == 0) {
        decide_delimiter(true);
        std::string head;
        head.swap(head_);
        run(head);
    }
    switch (state_) {
        case State::quoted:
            fail_input(quote_row_, column(), "unclosed_quote", "a closing quote (\") for the quoted cell that starts on this row");
        case State::record_start:
        case State::after_cr: break;
        default: end_record();
    }
    state_ = State::record_start;
}

void CsvTokenizer::decide_delimiter(bool) {
    // Excel writes "sep=;" as the first line when asked to; it is not a header.
    if (head_.size() == 5 && head_.compare(0, 4, "sep=") == 0 && (head_[4] == ',' || head_[4] == ';' || head_[4] == '\t' || head_[4] == '|')) {
        delimiter_ = head_[4];
        head_.clear();
        sep_line_rows_ = 1;
        row_ = 1;
        state_ = State::record_start;
        return;
    }
    int tabs = 0, commas = 0, semicolons = 0;
    bool in_quotes = false;
    for (char c : head_) {
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes) continue;
        tabs += c == '\t';
        commas += c == ',';
        semicolons += c == ';';
    }
    delimiter_ = ',';
    if (tabs > 0 && tabs >= commas && tabs >= semicolons) delimiter_ = '\t';
    else if (semicolons > commas) delimiter_ = ';';
}

void CsvTokenizer::check_control(unsigned char c) {
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') return;  // the hot path, inlined below
    binary_data(c);
}

void CsvTokenizer::binary_data(unsigned char c) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", c);
    fail_input(row(), column(), "binary_data", "text", std::string("binary data (byte ") + hex + ")", hex);
}

void CsvTokenizer::append(std::string_view span) {
    std::string& field = fields_[count_ - 1];
    if (field.size() + span.size() > kMaxField) too_long();
    field.append(span);
}

void CsvTokenizer::too_long() {
    // A quoted cell may be closed later or never: either way the cap is what was hit, on the
    // row where the cell starts; the hint covers the quote that was never closed.
    if (state_ == State::quoted || state_ == State::quote_in_quoted)
        fail_input(quote_row_, column(), "cell_too_long", "a cell shorter than 1 MiB",
                   "a quoted cell longer than that (if its closing quote is missing, the quote opens on this row)");
    fail_input(row(), column(), "cell_too_long", "a cell shorter than 1 MiB");
}

void CsvTokenizer::start_field() {
    // The cell strings are reused from record to record (cleared, capacity kept): most records
    // have the same number of cells, so reading a row allocates next to nothing.
    if (count_ < fields_.size()) {
        fields_[count_++].clear();
        return;
    }
    if (count_ >= kMaxFields) fail_input(row(), -1, "too_many_columns", "at most 16384 columns");
    fields_.emplace_back();
    ++count_;
}

void CsvTokenizer::end_record() {
    if (fields_.size() > count_) fields_.resize(count_);
    sink_(row_, fields_);
    count_ = 0;
}

void CsvTokenizer::build_tables() {
    // Bytes that end a run of ordinary text: the delimiter, line breaks, quotes (inside quoted
    // cells) and control characters (binary data).
    for (int c = 0; c < 256; ++c) {
        const bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        stop_unquoted_[c] = control || c == '\n' || c == '\r' || c == static_cast<unsigned char>(delimiter_);
        stop_quoted_[c] = control || c == '"';
    }
    tables_ready_ = true;
}

void CsvTokenizer::run(std::string_view text) {
    if (!tables_ready_) build_tables();
    const char delim = delimiter_;
    const size_t n = text.size();
    const auto* u = reinterpret_cast<const unsigned char*>(text.data());
    // The next stop byte at or after j (n if none): eight bytes at a time, flagging control bytes
    // (which include CR, LF and tab) and the delimiter or quote, then checking each flagged byte
    // in the table (a tab inside a comma-separated cell is flagged but not a stop).
    auto find_stop = [&](size_t j, const bool* table, unsigned char special) {
        for (; j + 8 <= n; j += 8) {
            const uint64_t v = swar::load(u + j);
            for (uint64_t m = swar::bytes_below(v, 0x20) | swar::equal_bytes(v, special); m; m &= m - 1)
                if (table[u[j + swar::first(m)]]) return j + swar::first(m);
        }
        while (j < n && !table[u[j]]) ++j;
        return j;
    };
    size_t i = 0;
    while (i < n) {
        const char c = text[i];
        switch (state_) {
            case State::after_cr:
                state_ = State::record_start;
                if (c == '\n') {  // CRLF
                    ++i;
                    break;
                }
                [[fallthrough]];
            case State::record_start:
                ++row_;
                state_ = State::field_start;
                start_field();
                [[fallthrough]];
            case State::field_start:
                if (c == '"') {
                    state_ = State::quoted;
                    quote_row_ = row_;
                    ++i;
                    break;
                }
                state_ = State::unquoted;
                [[fallthrough]];
            case State::unquoted: {
                const size_t j = find_stop(i, stop_unquoted_, static_cast<unsigned char>(delim));
                if (j > i) append(text.substr(i, j - i));
                i = j;
                if (i == n) break;
                const char s = text[i++];
                check_control(static_cast<unsigned char>(s));
                if (s == delim) {
                    start_field();
                    state_ = State::field_start;
                } else {
                    end_record();
                    state_ = s == '\r' ? State::after_cr : State::record_start;
                }
                break;
            }
            case State::quoted: {
                const size_t j = find_stop(i, stop_quoted_, '"');
                if (j > i) append(text.substr(i, j - i));
                i = j;
                if (i == n) break;
                const char s = text[i++];
                check_control(static_cast<unsigned char>(s));
                state_ = State::quote_in_quoted;  // s == '"'
                break;
            }
            case State::quote_in_quoted:
                if (c == '"') {
                    append("\"");
                    state_ = State::quoted;
                    ++i;
                } else {
                    // A delimiter or line break ends the cell; other text after the closing quote
                    // is kept as Excel does ("ab"c -> abc).
                    state_ = State::unquoted;
                }
                break;
        }
    }
}

}  // namespace shopscore::ingest
