#include "ingest/cell_error.h"

namespace shopscore::ingest {

void fail_cell(int64_t row, int column, const char* code, const std::string& expected, std::string_view cell,
               const std::string& note) {
    std::string message = "expected " + expected + ", got " + (cell.empty() ? std::string("an empty cell") : quoted(cell));
    if (!note.empty()) message += " (" + note + ")";
    throw CellError{row, column, {}, std::move(message), code, expected, std::string(cell)};
}

void fail_input(int64_t row, int column, const char* code, const std::string& expected, const std::string& got_phrase,
                const std::string& got) {
    std::string message = "expected " + expected;
    if (!got_phrase.empty()) message += ", got " + got_phrase;
    throw CellError{row, column, {}, std::move(message), code, expected, got};
}

std::string column_letters(int column) {
    std::string letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return letters.empty() ? "A" : letters;
}

std::string_view trim_cell_slow(std::string_view s) {
    auto blank_front = [&](size_t& skip) {
        const unsigned char c = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return skip = 1, true;
        if (s.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) return skip = 2, true;  // NBSP
        return false;
    };
    auto blank_back = [&](size_t& skip) {
        const unsigned char c = s.empty() ? 0 : static_cast<unsigned char>(s.back());
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return skip = 1, true;
        if (s.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) return skip = 2, true;
        return false;
    };
    size_t n = 0;
    while (blank_front(n)) s.remove_prefix(n);
    while (blank_back(n)) s.remove_suffix(n);
    return s;
}

std::string quoted(std::string_view text) {
    constexpr size_t kMax = 60;
    std::string out = "\"";
    if (text.size() <= kMax) {
        out.append(text);
    } else {
        size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 chars
        out.append(text.substr(0, cut)).append("...");
    }
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out + "\"";
}

}  // namespace shopscore::ingest
