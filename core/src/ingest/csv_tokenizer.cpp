#include "ingest/csv_tokenizer.h"

#include <cstdio>

#include "ingest/cell_error.h"
#include "ingest/stop_scanner.h"

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

void CsvTokenizer::binary_data(unsigned char c) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", c);
    fail_input(row(), column(), "binary_data", "text", std::string("binary data (byte ") + hex + ")", hex);
}

void CsvTokenizer::append(const char* text, size_t size) {
    std::string_view& cell = cells_[count_ - 1];
    if (cell.size() + size > kMaxField) too_long();
    if (current_in_arena_) {
        append_copy(text, size);
    } else if (cell.empty()) {  // the usual case: the whole cell in one span
        cell = std::string_view(text, size);
    } else if (cell.data() + cell.size() == text) {
        cell = std::string_view(cell.data(), cell.size() + size);
    } else {
        append_copy(text, size);
    }
}

void CsvTokenizer::append_copy(const char* text, size_t size) {
    // The cell being read is always the last one in the arena, so it grows in place.
    std::string_view& cell = cells_[count_ - 1];
    if (!current_in_arena_) {
        arena_cells_.push_back(ArenaCell{static_cast<uint32_t>(count_ - 1), static_cast<uint32_t>(arena_.size())});
        arena_.append(cell.data(), cell.size());
        current_in_arena_ = true;
    }
    arena_.append(text, size);
    cell = std::string_view(nullptr, cell.size() + size);
}

void CsvTokenizer::keep_unfinished_record() {
    // The text of this piece goes away: copy the record read so far into a fresh arena, in cell
    // order, so the cell being read stays last.
    std::string arena;
    size_t next_arena_cell = 0;
    std::vector<ArenaCell> arena_cells;
    for (size_t k = 0; k < count_; ++k) {
        const std::string_view cell = cells_[k];
        const char* bytes = cell.data();
        if (next_arena_cell < arena_cells_.size() && arena_cells_[next_arena_cell].cell == k)
            bytes = arena_.data() + arena_cells_[next_arena_cell++].at;
        arena_cells.push_back(ArenaCell{static_cast<uint32_t>(k), static_cast<uint32_t>(arena.size())});
        arena.append(bytes, cell.size());
    }
    arena_.swap(arena);
    arena_cells_.swap(arena_cells);
    current_in_arena_ = true;
}

void CsvTokenizer::too_long() {
    // A quoted cell may be closed later or never: either way the cap is what was hit, on the
    // row where the cell starts; the hint covers the quote that was never closed.
    if (state_ == State::quoted || state_ == State::quote_in_quoted)
        fail_input(quote_row_, column(), "cell_too_long", "a cell of at most 1 MiB",
                   "a quoted cell longer than that (if its closing quote is missing, the quote opens on this row)");
    fail_input(row(), column(), "cell_too_long", "a cell of at most 1 MiB");
}

void CsvTokenizer::start_field() {
    // The cell slots are reused from record to record: reading a row allocates nothing.
    if (count_ == cells_.size()) {
        if (count_ >= kMaxFields) fail_input(row(), -1, "too_many_columns", "at most 16384 columns");
        cells_.emplace_back();
    }
    cells_[count_++] = std::string_view();
    current_in_arena_ = false;
}

void CsvTokenizer::end_record() {
    for (const ArenaCell& a : arena_cells_) cells_[a.cell] = std::string_view(arena_.data() + a.at, cells_[a.cell].size());
    cells_.resize(count_);
    sink_(row_, cells_);
    count_ = 0;
    arena_.clear();
    arena_cells_.clear();
}

void CsvTokenizer::run(std::string_view text) {
    const char delim = delimiter_;
    const size_t n = text.size();
    const char* t = text.data();
    StopScanner stops(t, n, static_cast<unsigned char>(delim));
    size_t i = 0;
    while (i < n) {
        switch (state_) {
            case State::after_cr:
                state_ = State::record_start;
                if (t[i] == '\n') {  // CRLF
                    ++i;
                    break;
                }
                [[fallthrough]];
            case State::record_start:
                ++row_;
                start_field();
                [[fallthrough]];
            case State::field_start:
                if (t[i] == '"') {
                    state_ = State::quoted;
                    quote_row_ = row_;
                    ++i;
                    break;
                }
                [[fallthrough]];
            case State::unquoted:
                // Unquoted cells one after another, without going round the switch.
                state_ = State::unquoted;
                {
                    // The stops of the current 64-byte block still ahead, one bit each: the next
                    // one is a count of trailing zeros away.
                    size_t block = i & ~size_t{63};
                    uint64_t bits = stops.unquoted_bits(block) & (~uint64_t{0} << (i & 63));
                    auto next_stop = [&] {
                        while (bits == 0 && block + 64 < n) {
                            block += 64;
                            bits = stops.unquoted_bits(block);
                        }
                        const size_t j = bits ? block + static_cast<size_t>(__builtin_ctzll(bits)) : n;
                        bits &= bits - 1;
                        return j;
                    };
                    // The cell being read may have begun in an earlier piece or before a closing
                    // quote ("ab"c): its text so far is kept and this span appended.
                    size_t j = next_stop();
                    if (j > i) append(t + i, j - i);
                    if (j == n) {
                        i = n;
                        break;
                    }
                    unsigned char s = static_cast<unsigned char>(t[j]);
                    i = j + 1;
                    if (s == static_cast<unsigned char>(delim)) {
                        start_field();
                        // Then each next cell starts fresh at i and its span is all of it: the
                        // tight loop of a whole file, kept in locals (a cell's store could alias
                        // count_ for the compiler). The slot of a new cell is set empty at once,
                        // as start_field() does, so a piece ending after a delimiter leaves it so.
                        // `cell` is the slot of the cell being read; `last` the last slot there is.
                        std::string_view* cell = cells_.data() + count_ - 1;
                        std::string_view* last = cells_.data() + cells_.size() - 1;
                        uint64_t b = bits;  // a plain local the compiler keeps in a register
                        size_t at = block;
                        bool record_ended = false;          // by s: a line break (or a byte that is not text)
                        State after = State::field_start;   // else: a quoted cell next, or the piece ended after a delimiter
                        while (i < n && t[i] != '"') {
                            if (b != 0) {  // the cell ends in this block: shorter than 64 bytes
                                j = at + static_cast<size_t>(__builtin_ctzll(b));
                            } else {
                                // It runs on past this block: only such a cell can pass the cap,
                                // so its length is checked here and not for every cell.
                                do {
                                    at += 64;
                                } while (at < n && (b = stops.unquoted_bits(at)) == 0);
                                j = b ? at + static_cast<size_t>(__builtin_ctzll(b)) : n;
                                if (j - i > kMaxField) {
                                    count_ = static_cast<size_t>(cell - cells_.data()) + 1;
                                    too_long();
                                }
                            }
                            b &= b - 1;
                            *cell = std::string_view(t + i, j - i);
                            if (j == n) {  // the piece ends inside this cell: it goes on in the next one
                                i = n;
                                after = State::unquoted;
                                break;
                            }
                            s = static_cast<unsigned char>(t[j]);
                            i = j + 1;
                            if (s != static_cast<unsigned char>(delim)) {
                                record_ended = true;
                                break;
                            }
                            if (cell == last) {  // a wider record than any before: start_field() grows the slots
                                count_ = static_cast<size_t>(cell - cells_.data()) + 1;
                                start_field();
                                cell = cells_.data() + count_ - 1;
                                last = cells_.data() + cells_.size() - 1;
                            } else {
                                ++cell;
                            }
                        }
                        // A cell started after the last delimiter and not read here is empty so far.
                        if (after == State::field_start && !record_ended) *cell = std::string_view();
                        count_ = static_cast<size_t>(cell - cells_.data()) + 1;
                        if (!record_ended) {
                            state_ = after;
                            break;
                        }
                    }
                    if (s == '\n' || s == '\r') {
                        end_record();
                        state_ = s == '\r' ? State::after_cr : State::record_start;
                    } else {
                        binary_data(s);
                    }
                }
                break;
            case State::quoted: {
                const size_t j = stops.next_quoted(i);
                if (j > i) append(t + i, j - i);
                i = j;
                if (i == n) break;
                const unsigned char s = static_cast<unsigned char>(t[i++]);
                if (s != '"') binary_data(s);
                state_ = State::quote_in_quoted;
                break;
            }
            case State::quote_in_quoted:
                if (t[i] == '"') {
                    static const char kQuote = '"';
                    append(&kQuote, 1);
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
    if (count_ > 0) keep_unfinished_record();
}

}  // namespace shopscore::ingest
