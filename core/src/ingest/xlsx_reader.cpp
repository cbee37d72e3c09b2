#include "ingest/xlsx_reader.h"

#include "ingest/cell_error.h"

namespace shopscore::ingest {
namespace {
constexpr int kMaxColumns = 16384;  // XFD, Excel's last column

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Excel escapes characters XML cannot hold as _xHHHH_ (a CR in a cell is "_x000D_"), and a
// literal "_x" that would look like one as "_x005F_x".
void unescape_ooxml(std::string& s) {
    if (s.find("_x") == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            int cp = 0;
            bool ok = true;
            for (size_t k = i + 2; k < i + 6; ++k) {
                const int d = hex_digit(s[k]);
                ok = ok && d >= 0;
                cp = cp * 16 + (d < 0 ? 0 : d);
            }
            if (ok && cp < 0x80) {
                out += static_cast<char>(cp);
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    s.swap(out);
}

std::string mib(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

[[noreturn]] void too_large(int64_t row, int column, const std::string& expected, const std::string& got) {
    fail_input(row, column, "xlsx_too_large", expected, got);
}
}  // namespace

bool parse_cell_ref(std::string_view ref, int& column, int64_t& row) {
    size_t i = 0;
    int col = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        col = col * 26 + ((ref[i] | 0x20) - 'a' + 1);
        if (col > kMaxColumns) return false;
        ++i;
    }
    if (i == 0 || i == ref.size()) return false;
    int64_t r = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9') return false;
        r = r * 10 + (ref[i] - '0');
        if (r > 100000000) return false;
    }
    if (r == 0) return false;
    column = col - 1;
    row = r;
    return true;
}

// --- shared strings -------------------------------------------------------------------------

void SharedStringsReader::start_element(std::string_view name, const std::vector<XmlAttribute>&) {
    if (name == "si") {
        in_si_ = true;
        current_.clear();
    } else if (name == "rPh") {
        ++phonetic_depth_;
    } else if (name == "t" && in_si_) {
        in_t_ = true;
    }
}

void SharedStringsReader::end_element(std::string_view name) {
    if (name == "si") {
        in_si_ = false;
        unescape_ooxml(current_);
        if (table_.size() >= XlsxLimits::kMaxSharedStrings)
            too_large(1, -1, "at most " + std::to_string(XlsxLimits::kMaxSharedStrings) + " shared strings",
                      "more in xl/sharedStrings.xml");
        bytes_ += current_.size();
        if (bytes_ > XlsxLimits::kMaxSharedStringBytes)
            too_large(1, -1, "shared strings of at most " + mib(XlsxLimits::kMaxSharedStringBytes) + " in all",
                      "more in xl/sharedStrings.xml");
        table_.push_back(std::move(current_));
        current_.clear();
    } else if (name == "rPh") {
        --phonetic_depth_;
    } else if (name == "t") {
        in_t_ = false;
    }
}

void SharedStringsReader::text(std::string_view text) {
    if (!in_si_ || !in_t_ || phonetic_depth_ > 0) return;
    // Checked as text arrives: a string split by comments or CDATA reaches the limit in pieces.
    if (current_.size() + text.size() > XlsxLimits::kMaxCellBytes)
        too_large(1, -1, "shared strings of at most " + mib(XlsxLimits::kMaxCellBytes) + " each",
                  "a longer one (string " + std::to_string(table_.size()) + " in xl/sharedStrings.xml)");
    current_.append(text);
}

// --- sheet ----------------------------------------------------------------------------------

void SheetReader::start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) {
    if (name == "row") {
        // A <c> left open would end inside the new row at column -1 (found by fuzz_xlsx: cells_[-1]).
        if (in_cell_) fail_input(row_, column_, "bad_xlsx", "each cell closed (</c>) before the next <row>");
        in_row_ = true;
        const std::string* r = xml_attribute(attributes, "r");
        int64_t n = row_ + 1;
        if (r) {
            n = 0;
            for (char c : *r) {
                if (c < '0' || c > '9' || n > 100000000) fail_cell(row_ + 1, -1, "bad_xlsx", "a row number in <row r=...>", *r);
                n = n * 10 + (c - '0');
            }
        }
        if (n <= row_) fail_input(n, -1, "bad_xlsx", "rows in increasing order in the sheet XML");
        row_ = n;
        cells_.clear();
        row_bytes_ = 0;
        column_ = -1;
        in_value_ = in_inline_t_ = false;
    } else if (name == "c" && in_row_) {
        in_cell_ = true;
        value_.clear();
        const std::string* t = xml_attribute(attributes, "t");
        type_ = t ? *t : "n";
        const std::string* r = xml_attribute(attributes, "r");
        int col = column_ + 1;
        if (r) {
            int64_t ref_row = 0;
            if (!parse_cell_ref(*r, col, ref_row)) fail_cell(row_, column_ + 1, "bad_xlsx", "a cell reference like C12", *r);
        }
        if (col >= kMaxColumns) fail_input(row_, -1, "too_many_columns", "at most 16384 columns");
        column_ = col;
    } else if (in_cell_ && name == "v") {
        in_value_ = true;
    } else if (in_cell_ && name == "rPh") {
        ++phonetic_depth_;
    } else if (in_cell_ && name == "t") {
        in_inline_t_ = true;  // <is><t> or <is><r><t>
    }
}

void SheetReader::finish_cell() {
    std::string text;
    if (type_ == "s") {
        size_t index = 0;
        bool ok = !value_.empty();
        for (char c : value_) {
            if (c < '0' || c > '9' || index > 100000000) ok = false;
            else index = index * 10 + static_cast<size_t>(c - '0');
        }
        if (!ok || index >= shared_.size())
            fail_cell(row_, column_, "bad_xlsx", "a shared string index below " + std::to_string(shared_.size()), value_);
        // Each reference copies the string: count the copies, so a small sheet referencing a big
        // string many times is refused instead of filling memory.
        expansion_ += shared_[index].size();
        if (expansion_ > XlsxLimits::kMaxExpansion)
            too_large(row_, column_, "shared-string text of at most " + mib(XlsxLimits::kMaxExpansion) + " per sheet",
                      "more (a small workbook that repeats a long string)");
        text = shared_[index];
    } else if (type_ == "b") {
        text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else {
        text = std::move(value_);  // inlineStr, str, e, n, d: the text as written
        if (type_ == "inlineStr" || type_ == "str") unescape_ooxml(text);
    }
    row_bytes_ += text.size();
    if (row_bytes_ > XlsxLimits::kMaxRowBytes)
        too_large(row_, column_, "a row of at most " + mib(XlsxLimits::kMaxRowBytes) + " of text", "a longer one");
    if (static_cast<size_t>(column_) >= cells_.size()) cells_.resize(static_cast<size_t>(column_) + 1);
    cells_[static_cast<size_t>(column_)] = std::move(text);
}

void SheetReader::end_element(std::string_view name) {
    if (name == "row" && in_row_) {
        in_row_ = false;
        sink_(row_, cells_);
        cells_.clear();
    } else if (name == "c" && in_cell_) {
        in_cell_ = false;
        finish_cell();
    } else if (name == "v") {
        in_value_ = false;
    } else if (name == "rPh") {
        --phonetic_depth_;
    } else if (name == "t") {
        in_inline_t_ = false;
    }
}

void SheetReader::text(std::string_view text) {
    if (!in_cell_ || phonetic_depth_ > 0) return;
    if (!in_value_ && !(in_inline_t_ && type_ == "inlineStr")) return;
    if (value_.size() + text.size() > XlsxLimits::kMaxCellBytes)
        fail_input(row_, column_, "cell_too_long", "a cell of at most " + mib(XlsxLimits::kMaxCellBytes));
    value_.append(text);
}

}  // namespace shopscore::ingest
