// Header and value aliases (header_aliases.json, compiled in) and what they give: which column
// holds which field, which kind of export a header row belongs to, and what a value such as
// "Fulfillment by TikTok Shop" or "买家" means.
//
// Matching is on a normalised form: ASCII letters lower-cased, ASCII spaces and punctuation and
// full-width spaces/brackets/colons dropped, everything else kept. So "Order ID", "order_id",
// "OrderID" and "ORDER ID " are one name, and "订单号" matches "订单号 " or "订单号:" too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shopscore/ingest.h"

namespace shopscore::ingest {

std::string normalize_label(std::string_view text);

struct FieldSpec {
    std::string name;                      // "created"
    bool required = false;
    std::vector<std::string> aliases;      // as written in the JSON, for messages
    std::vector<std::string> normalized;   // normalize_label(aliases[i])
};

class AliasTable {
public:
    static const AliasTable& get();  // parsed once from the embedded JSON

    const std::vector<FieldSpec>& fields(ExportKind kind) const;
    // Index of `name` among fields(kind); throws std::logic_error when the JSON lacks it (a bug).
    int field(ExportKind kind, std::string_view name) const;

    // The canonical value ("fbt") for `text` in value table `table` ("fulfillment"), or "" when
    // `text` is not listed.
    std::string_view value(std::string_view table, std::string_view text) const;
    // "Fulfillment by TikTok Shop, Fulfilled by seller, ...": the first alias of each value.
    std::string value_examples(std::string_view table) const;

    struct ValueTable {
        std::string name;
        std::vector<std::pair<std::string, std::string>> entries;  // normalised alias -> canonical
        std::vector<std::string> examples;
    };

private:
    AliasTable();
    std::vector<std::vector<FieldSpec>> kinds_;  // indexed by ExportKind
    std::vector<ValueTable> values_;
};

// Column of each field of `kind` in `header` (-1 when absent). The first alias found wins; a
// header cell serves one field only.
std::vector<int> map_columns(ExportKind kind, const std::vector<std::string>& header);

// The kind of export whose header this is, or auto_detect when none fits.
ExportKind detect_kind(const std::vector<std::string>& header);

}  // namespace shopscore::ingest
