#include "ingest/split_points.h"

namespace shopscore::ingest {
namespace {

constexpr size_t npos = std::string_view::npos;

struct Record {
    size_t end = npos;  // just after its line break; npos: not complete in the text
    size_t cells = 1;
    bool text = false;   // holds an ASCII letter or digit
    bool blank = true;   // nothing but its line break
};

// One record read from `i`, a record start.
Record read_record(std::string_view t, size_t i, char delimiter) {
    Record r;
    bool quoted = false, cell_start = true;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (quoted) {
            r.blank = false;
            if (c != '"') {
                r.text |= (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
                continue;
            }
            if (i + 1 < t.size() && t[i + 1] == '"') {
                ++i;  // a doubled quote
                continue;
            }
            if (i + 1 >= t.size()) return r;  // cannot tell yet
            quoted = false;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (c == '\r') {
                if (i + 1 >= t.size()) return r;  // a CRLF may be cut here
                if (t[i + 1] == '\n') ++i;
            }
            r.end = i + 1;
            return r;
        }
        r.blank = false;
        if (c == delimiter) {
            ++r.cells;
            cell_start = true;
            continue;
        }
        if (c == '"' && cell_start) quoted = true;
        cell_start = false;
        r.text |= (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
    return r;
}

}  // namespace

size_t end_of_records_with_text(std::string_view text, int records) {
    size_t i = 0;
    while (records > 0) {
        const Record r = read_record(text, i, ',');  // the delimiter does not matter here
        if (r.end == npos) return npos;
        records -= r.text;
        i = r.end;
    }
    return i;
}

size_t end_of_record_after(std::string_view text, size_t at) {
    size_t i = 0;
    for (;;) {
        const Record r = read_record(text, i, ',');
        if (r.end == npos) return npos;
        if (r.end > at) return r.end;
        i = r.end;
    }
}

size_t find_record_start(std::string_view text, char delimiter, size_t columns, bool text_ends_file) {
    for (size_t k = text.find('\n'); k != npos; k = text.find('\n', k + 1)) {
        const size_t start = k + 1;
        size_t i = start, checked = 0;
        bool fits = true;
        while (checked < 4 && i < text.size()) {
            const Record r = read_record(text, i, delimiter);
            if (r.end == npos) {
                // The rest of the file as the last record (no line break), or cut by the window.
                if (text_ends_file && r.cells == columns) ++checked;
                break;
            }
            i = r.end;
            if (r.blank) continue;
            if (r.cells != columns) {
                fits = false;
                break;
            }
            ++checked;
        }
        if (fits && checked > 0) return start;
    }
    return npos;
}

}  // namespace shopscore::ingest
