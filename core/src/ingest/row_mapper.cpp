#include "ingest/row_mapper.h"

#include <algorithm>
#include <cstring>

#include "ingest/cell_error.h"
#include "same_text.h"

namespace shopscore::ingest {

Seconds RowMapper::time(const Row& row, int field, bool required, const char* what) {
    // Four times a row of an orders export, nearly all in Seller Center's fixed form with the tab
    // its exports end a cell with: read here in one step. Anything else, trimmed, takes the whole
    // way (excel serials, other forms, errors), which reads the fixed forms the same.
    std::string_view cell = row.cell(field);
    if (!cell.empty() && cell.back() == '\t') cell.remove_suffix(1);
    if (const std::optional<Seconds> t = parse_fixed_timestamp(cell, dates_.slash_order())) return *t;
    const std::string_view text = trim_cell(cell);
    if (text.empty()) {
        if (required) fail_cell(row.number, row.column(field), "missing_value", what, {});
        return kNoTime;
    }
    return dates_.parse(text, row.number, row.column(field));
}

std::string_view RowMapper::id(const Row& row, int field, const char* what, bool required) const {
    std::string_view text = row.text(field);
    // Some exports prefix IDs with an apostrophe or write ="576..." so Excel keeps them as text.
    if (text.size() >= 3 && text.substr(0, 2) == "=\"" && text.back() == '"') text = text.substr(2, text.size() - 3);
    if (!text.empty() && text.front() == '\'') text.remove_prefix(1);
    if (text.empty()) {
        if (required) fail_cell(row.number, row.column(field), "missing_value", what, {});
        return {};
    }
    // A long ID that went through a spreadsheet as a number comes back as 5.76543210987654E+17: its
    // last digits are gone, and matching it to other files would silently fail.
    bool exponent = false, number_chars = true;
    for (char c : text) {
        if (c >= '0' && c <= '9') continue;
        if (c == 'e' || c == 'E') exponent = true;
        else if (c != '.' && c != '+' && c != '-') number_chars = false;
    }
    if (exponent && number_chars)
        fail_cell(row.number, row.column(field), "id_as_number", std::string(what) + " as text", text,
                  "a spreadsheet stored the ID as a number and lost digits; format the column as text");
    return text;
}

std::string_view RowMapper::lookup(const Row& row, int field, const char* table) {
    const std::string_view text = row.text(field);
    if (text.empty() || field < 0) return {};
    const size_t f = static_cast<size_t>(field);
    if (memo_next_.size() <= f) {
        memo_.resize((f + 1) * kMemoWays);
        memo_next_.resize(f + 1);
    }
    for (size_t way = 0; way < kMemoWays; ++way) {
        const Memo& memo = memo_[f * kMemoWays + way];
        if (memo.table == table && same_text(std::string_view(memo.text, memo.size), text)) return memo.value;
    }
    const std::string_view value = aliases_.value(table, text);
    if (text.size() > kMemoText) return value;
    Memo& memo = memo_[f * kMemoWays + memo_next_[f]];
    memo_next_[f] = static_cast<uint8_t>((memo_next_[f] + 1) % kMemoWays);
    memo.value = value;
    std::memcpy(memo.text, text.data(), text.size());
    memo.size = static_cast<uint32_t>(text.size());
    memo.table = table;
    return value;
}

std::string_view RowMapper::choice(const Row& row, int field, const char* table) {
    const std::string_view value = lookup(row, field, table);
    if (value.empty() && !row.text(field).empty()) unknown_value(row.column(field), row.text(field), aliases_.value_examples(table));
    return value;
}

std::string RowMapper::column_name(int c) const {
    return header_ && c >= 0 && static_cast<size_t>(c) < header_->size() ? std::string(trim_cell((*header_)[static_cast<size_t>(c)]))
                                                                          : column_letters(c);
}

void RowMapper::unknown_value(int c, std::string_view text, const std::string& accepted) {
    const std::string column = column_name(c);
    add_warning(warnings_, "unknown_value",
                "values of column \"" + column + "\" that are not known (" + accepted +
                    "); read the safe way docs/exports.md lists (the record stays counted)",
                std::string(text), {{"column", column}, {"accepted", accepted}});
}

uint8_t RowMapper::flags(const Row& row, int field, bool record_flags) {
    if (!row.has(field)) return 0;
    const std::string_view text = row.text(field);
    uint8_t bits = 0;
    size_t start = 0;
    // "fraud", "fraud;gift", "fraud, gift", "fraud|gift", "[]" (the canonical empty list).
    while (start <= text.size()) {
        size_t end = text.find_first_of(",;|", start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view item = trim_cell(text.substr(start, end - start));
        while (!item.empty() && (item.front() == '[' || item.front() == '"')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ']' || item.back() == '"')) item.remove_suffix(1);
        if (!item.empty()) {
            std::string_view name = aliases_.value("exclusion_flag", item);
            if (name.empty() && record_flags) name = aliases_.value("record_flag", item);
            const uint8_t bit = name.empty() ? 0 : flag_from_name(name);
            if (!bit)
                unknown_value(row.column(field), item,
                              std::string("fraud, sample, gift, appealed, risky_buyer") +
                                  (record_flags ? ", fbt_logistics, excluded" : ""));
            bits |= bit;
        }
        start = end + 1;
    }
    return bits;
}

int RowMapper::rating(const Row& row, int field, bool allow_unrated) const {
    std::string_view text = row.text(field);
    const int column = row.column(field);
    if (text.empty()) {
        if (allow_unrated) return 0;
        fail_cell(row.number, column, "missing_value", "a star rating 1-5", {});
    }
    std::string_view rest = text;
    // "5", "5.0", "5 stars", "5星", "★★★★★"
    int stars = 0;
    static const std::string_view kStar = "\xE2\x98\x85";  // ★
    while (rest.size() >= kStar.size() && rest.substr(0, kStar.size()) == kStar) {
        ++stars;
        rest.remove_prefix(kStar.size());
    }
    if (stars == 0 && !rest.empty() && rest[0] >= '0' && rest[0] <= '9') {
        stars = rest[0] - '0';
        rest.remove_prefix(1);
        if (rest.size() >= 2 && rest[0] == '.' && rest[1] == '0') rest.remove_prefix(2);
        rest = trim_cell(rest);
        const std::string lower = normalize_label(rest);
        if (lower == "star" || lower == "stars" || rest == "\xE6\x98\x9F" /* 星 */) rest = {};
    }
    if (!rest.empty() || stars > 5 || (stars == 0 && !allow_unrated) || (stars == 0 && text != "0"))
        fail_cell(row.number, column, "bad_rating",
                  std::string("a star rating 1-5") + (allow_unrated ? " (or empty/0 for not rated)" : ""), text);
    return stars;
}

void add_warning(std::vector<Warning>& warnings, const std::string& code, const std::string& message,
                 const std::string& example, const std::map<std::string, std::string>& params) {
    for (Warning& w : warnings) {
        if (w.code != code || w.params != params) continue;
        ++w.count;
        if (w.examples.size() < 5 && !example.empty() &&
            std::find(w.examples.begin(), w.examples.end(), example) == w.examples.end())
            w.examples.push_back(example);
        return;
    }
    Warning w{code, message, {}, 1, params};
    if (!example.empty()) w.examples.push_back(example);
    warnings.push_back(std::move(w));
}

// One mapper per kind, each in its own file.
std::unique_ptr<RowMapper> make_orders_mapper(IngestState&, DateResolver&, std::vector<Warning>&);
std::unique_ptr<RowMapper> make_returns_mapper(IngestState&, DateResolver&, std::vector<Warning>&);
std::unique_ptr<RowMapper> make_reviews_mapper(IngestState&, DateResolver&, std::vector<Warning>&);
std::unique_ptr<RowMapper> make_chats_mapper(IngestState&, DateResolver&, std::vector<Warning>&, const std::string&);
std::unique_ptr<RowMapper> make_exclusions_mapper(IngestState&, DateResolver&, std::vector<Warning>&);
std::unique_ptr<RowMapper> make_diagnostics_mapper(IngestState&, DateResolver&, std::vector<Warning>&);

std::unique_ptr<RowMapper> make_row_mapper(ExportKind kind, IngestState& state, DateResolver& dates,
                                           std::vector<Warning>& warnings, const std::string& file_name) {
    switch (kind) {
        case ExportKind::orders: return make_orders_mapper(state, dates, warnings);
        case ExportKind::returns: return make_returns_mapper(state, dates, warnings);
        case ExportKind::reviews: return make_reviews_mapper(state, dates, warnings);
        case ExportKind::chats: return make_chats_mapper(state, dates, warnings, file_name);
        case ExportKind::exclusions: return make_exclusions_mapper(state, dates, warnings);
        case ExportKind::diagnostics: return make_diagnostics_mapper(state, dates, warnings);
        default: return nullptr;
    }
}

}  // namespace shopscore::ingest
