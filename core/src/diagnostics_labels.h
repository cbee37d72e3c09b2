// The diagnostics tables worded in the seller's language for their CSV download: column names,
// the core's ids in `type`/`kind` cells and the placeholders "(unknown)"/"(none)", from
// core/src/diagnostics_labels.json (the one table of names; the page may import it for its screen).
#pragma once

#include <string_view>

#include "shopscore/result.h"

namespace shopscore {

// "en": the table as it is (ids as column names; the CSV every script reads). "zh": Chinese column
// names and values. Numbers, dates and the seller's own texts (products, reasons) are unchanged.
Table worded_table(const Table& table, std::string_view lang);

}  // namespace shopscore
