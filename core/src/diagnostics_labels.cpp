#include "diagnostics_labels.h"

#include <nlohmann/json.hpp>

namespace shopscore {
namespace embedded {
extern const char* const diagnostics_labels_json;
}

namespace {

const nlohmann::ordered_json& labels() {
    static const nlohmann::ordered_json j = nlohmann::ordered_json::parse(embedded::diagnostics_labels_json);
    return j;
}

// The word for `key` under `group` in `lang`, or nullptr when the table has none.
const std::string* word(const nlohmann::ordered_json& group, const std::string& key, std::string_view lang) {
    const auto entry = group.find(key);
    if (entry == group.end()) return nullptr;
    const auto w = entry->find(std::string(lang));
    return w == entry->end() ? nullptr : w->get_ptr<const std::string*>();
}

std::string worded_cell(const std::string& column, const std::string& text, std::string_view lang) {
    const nlohmann::ordered_json& l = labels();
    if (const std::string* w = word(l["placeholders"], text, lang)) return *w;
    if (const auto values = l["values"].find(column); values != l["values"].end())
        if (const std::string* w = word(*values, text, lang)) return *w;
    if (column != "top_reasons") return text;
    // "reason (n); reason (n)": a reason left empty is "(none) (n)".
    const std::string none = "(none) (";
    const std::string* none_word = word(l["placeholders"], "(none)", lang);
    if (!none_word) return text;
    std::string out;
    size_t at = 0;
    while (at <= text.size()) {
        size_t end = text.find("; ", at);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(at, end - at);
        if (part.compare(0, none.size(), none) == 0) part = *none_word + part.substr(none.size() - 2);
        out += (at ? "; " : "") + part;
        at = end + 2;
    }
    return out;
}

}  // namespace

Table worded_table(const Table& table, std::string_view lang) {
    if (lang == "en") return table;
    Table out = table;
    for (std::string& c : out.columns)
        if (const std::string* w = word(labels()["columns"], c, lang)) c = *w;
    for (auto& row : out.rows)
        for (size_t i = 0; i < row.size() && i < table.columns.size(); ++i)
            if (row[i].kind == Cell::text) row[i].str = worded_cell(table.columns[i], row[i].str, lang);
    return out;
}

}  // namespace shopscore
