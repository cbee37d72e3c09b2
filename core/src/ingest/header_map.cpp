#include "ingest/header_map.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include <stdexcept>

namespace shopscore::embedded {
extern const char* const header_aliases_json;
}

namespace shopscore::ingest {
namespace {

constexpr ExportKind kTableKinds[] = {ExportKind::orders, ExportKind::returns, ExportKind::reviews, ExportKind::chats,
                                      ExportKind::exclusions, ExportKind::diagnostics};

}  // namespace

namespace {

// normalize_label into any output with += (char): a cursor into a string, or a fixed buffer for
// the per-cell value lookups (no allocation per cell).
template <class Out>
void normalize_into(std::string_view text, Out& out) {
    // Bytes read directly, not through substr/compare: every header cell and every looked-up value
    // cell of a file comes here, and in the WASM build this file is compiled for size (-Oz), where
    // those calls stayed out of line (a Chinese header was ~10 calls a byte).
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    for (size_t i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') out += static_cast<char>(c | 0x20);
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
            continue;  // spaces, punctuation, tabs
        }
        // Full-width space U+3000 (E3 80 80), brackets U+FF08/U+FF09 (EF BC 88/89), colon U+FF1A
        // (EF BC 9A), BOM U+FEFF (EF BB BF), NBSP U+00A0 (C2 A0) carry no meaning in a header.
        // A byte past the end reads as 0, which none of these sequences holds.
        const unsigned char b1 = i + 1 < n ? p[i + 1] : 0, b2 = i + 2 < n ? p[i + 2] : 0;
        if ((c == 0xE3 && b1 == 0x80 && b2 == 0x80) || (c == 0xEF && b1 == 0xBC && (b2 == 0x88 || b2 == 0x89 || b2 == 0x9A)) ||
            (c == 0xEF && b1 == 0xBB && b2 == 0xBF)) {
            i += 2;
            continue;
        }
        if (c == 0xC2 && b1 == 0xA0) {
            i += 1;
            continue;
        }
        out += static_cast<char>(c);
    }
}

// A fixed buffer; a label longer than any alias only needs to say "too long" (no match).
struct LabelBuffer {
    char data[192];
    size_t size = 0;
    bool overflow = false;
    LabelBuffer& operator+=(char c) {
        if (size < sizeof data) data[size++] = c;
        else overflow = true;
        return *this;
    }
    std::string_view view() const { return {data, size}; }
};

}  // namespace

std::string normalize_label(std::string_view text) {
    // Written into the string's own bytes (a label never grows: bytes are dropped or kept), not
    // appended: in the size-compiled WASM build each std::string append was a chain of calls.
    std::string out(text.size(), '\0');
    struct {
        char* at;
        void operator+=(char c) { *at++ = c; }
    } cursor{out.data()};
    normalize_into(text, cursor);
    out.resize(static_cast<size_t>(cursor.at - out.data()));
    return out;
}

namespace {

// An object's members in key order (the order this table has always been read in: it decides
// which field wins a tie and how value examples are listed in messages).
std::vector<std::pair<std::string, const nlohmann::ordered_json*>> by_key(const nlohmann::ordered_json& object) {
    std::vector<std::pair<std::string, const nlohmann::ordered_json*>> out;
    for (auto it = object.begin(); it != object.end(); ++it) out.emplace_back(it.key(), &it.value());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

}  // namespace

AliasTable::AliasTable() {
    const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(embedded::header_aliases_json);
    kinds_.resize(static_cast<size_t>(ExportKind::dataset_json) + 1);
    for (ExportKind kind : kTableKinds) {
        const auto& spec = doc.at("kinds").at(export_kind_name(kind));
        auto& fields = kinds_[static_cast<size_t>(kind)];
        for (const auto& [name, field] : by_key(spec)) {
            FieldSpec f;
            f.name = name;
            f.required = field->value("required", false);
            for (const auto& alias : field->at("aliases")) {
                f.aliases.push_back(alias.get<std::string>());
                f.normalized.push_back(normalize_label(f.aliases.back()));
            }
            fields.push_back(std::move(f));
        }
    }
    for (const auto& [table, canon_map] : by_key(doc.at("values"))) {
        ValueTable t;
        t.name = table;
        for (const auto& [canonical, aliases] : by_key(*canon_map)) {
            bool first = true;
            for (const auto& alias : *aliases) {
                const std::string a = alias.get<std::string>();
                t.entries.emplace_back(normalize_label(a), canonical);
                if (t.entries.back().first.size() > sizeof(LabelBuffer::data))
                    throw std::logic_error("header_aliases.json: value alias longer than a lookup buffer: " + a);
                // The Seller Center spelling (second alias when the first is the canonical name) reads
                // best in messages; use the first alias that is not the bare canonical name.
                if (first && a != canonical) {
                    t.examples.push_back(a);
                    first = false;
                }
            }
            if (first) t.examples.push_back(canonical);
        }
        values_.push_back(std::move(t));
    }
}

const AliasTable& AliasTable::get() {
    static const AliasTable table;
    return table;
}

const std::vector<FieldSpec>& AliasTable::fields(ExportKind kind) const { return kinds_.at(static_cast<size_t>(kind)); }

int AliasTable::field(ExportKind kind, std::string_view name) const {
    const auto& fields = this->fields(kind);
    for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name) return static_cast<int>(i);
    throw std::logic_error("header_aliases.json has no field " + std::string(name) + " for " + export_kind_name(kind));
}

std::string_view AliasTable::value(std::string_view table, std::string_view text) const {
    LabelBuffer buffer;
    normalize_into(text, buffer);
    const std::string_view key = buffer.view();
    if (key.empty() || buffer.overflow) return {};  // longer than every alias (checked when loaded): not listed
    for (const auto& t : values_) {
        if (t.name != table) continue;
        for (const auto& [alias, canonical] : t.entries)
            if (alias == key) return canonical;
        return {};
    }
    throw std::logic_error("header_aliases.json has no value table " + std::string(table));
}

std::string AliasTable::value_examples(std::string_view table) const {
    for (const auto& t : values_) {
        if (t.name != table) continue;
        std::string out;
        for (size_t i = 0; i < t.examples.size(); ++i) {
            if (i) out += i + 1 == t.examples.size() ? " or " : ", ";
            out += t.examples[i];
        }
        return out;
    }
    throw std::logic_error("header_aliases.json has no value table " + std::string(table));
}

std::vector<int> map_columns(ExportKind kind, const std::vector<std::string>& header) {
    const auto& fields = AliasTable::get().fields(kind);
    std::vector<std::string> norm;
    norm.reserve(header.size());
    for (const auto& h : header) norm.push_back(normalize_label(h));
    std::vector<bool> used(header.size(), false);
    std::vector<int> columns(fields.size(), -1);
    // Pass by alias rank so that a field's preferred spelling wins over another field's fallback.
    size_t max_aliases = 0;
    for (const auto& f : fields) max_aliases = std::max(max_aliases, f.normalized.size());
    for (size_t rank = 0; rank < max_aliases; ++rank) {
        for (size_t fi = 0; fi < fields.size(); ++fi) {
            if (columns[fi] >= 0 || rank >= fields[fi].normalized.size()) continue;
            const std::string& alias = fields[fi].normalized[rank];
            for (size_t c = 0; c < norm.size(); ++c) {
                if (!used[c] && !norm[c].empty() && norm[c] == alias) {
                    columns[fi] = static_cast<int>(c);
                    used[c] = true;
                    break;
                }
            }
        }
    }
    return columns;
}

ExportKind detect_kind(const std::vector<std::string>& header) {
    const AliasTable& t = AliasTable::get();
    auto has = [&](ExportKind kind, const std::vector<int>& cols, const char* name) { return cols[static_cast<size_t>(t.field(kind, name))] >= 0; };
    // Most specific first: a diagnostics header has a request time and type like a returns
    // header, plus durations; a returns header also has an order ID, a reviews header a created time.
    const auto diagnostics = map_columns(ExportKind::diagnostics, header);
    if (has(ExportKind::diagnostics, diagnostics, "requested") &&
        (has(ExportKind::diagnostics, diagnostics, "review_hours") ||
         has(ExportKind::diagnostics, diagnostics, "inspection_hours") ||
         has(ExportKind::diagnostics, diagnostics, "total_hours")))
        return ExportKind::diagnostics;
    const auto returns = map_columns(ExportKind::returns, header);
    if (has(ExportKind::returns, returns, "order_id") && has(ExportKind::returns, returns, "requested") &&
        (has(ExportKind::returns, returns, "return_type") || has(ExportKind::returns, returns, "return_reason") ||
         has(ExportKind::returns, returns, "return_order_id")))
        return ExportKind::returns;
    const auto reviews = map_columns(ExportKind::reviews, header);
    if (has(ExportKind::reviews, reviews, "order_id") && has(ExportKind::reviews, reviews, "rating") &&
        has(ExportKind::reviews, reviews, "created"))
        return ExportKind::reviews;
    const auto chats = map_columns(ExportKind::chats, header);
    if (has(ExportKind::chats, chats, "ended") && has(ExportKind::chats, chats, "rating")) return ExportKind::chats;
    const auto orders = map_columns(ExportKind::orders, header);
    if (has(ExportKind::orders, orders, "order_id") && has(ExportKind::orders, orders, "created")) return ExportKind::orders;
    const auto exclusions = map_columns(ExportKind::exclusions, header);
    if (has(ExportKind::exclusions, exclusions, "order_id") && has(ExportKind::exclusions, exclusions, "reason"))
        return ExportKind::exclusions;
    // A headerless exclusion list: "576...,fraud".
    if (header.size() >= 2 && !t.value("exclusion_flag", header[1]).empty()) return ExportKind::exclusions;
    // ... or one "576... fraud" per line.
    if (header.size() == 1) {
        const size_t space = header[0].find_first_of(" \t");
        if (space != std::string::npos && !t.value("exclusion_flag", header[0].substr(space + 1)).empty())
            return ExportKind::exclusions;
    }
    return ExportKind::auto_detect;
}

}  // namespace shopscore::ingest
