// What an interface needs to know about the rules without scoring anything: the metric and
// dimension ids, their windows and default weights, the 30-order gate, the benefit tiers, the
// priority thresholds, the size limits and the version. The page gets it from the WebAssembly
// `meta()`, so none of these numbers is copied into JavaScript (docs/wasm.md).
#pragma once

#include <string>

namespace shopscore {

// {"version", "metrics": [{id, dimension, window_days, unit, higher_is_better, default_weight}],
//  "dimensions": [{id, metrics, default_weight}], "gate": {orders, window_days},
//  "benefit_tiers", "priority": {target, key_opportunity_min_gain, needs_attention_below},
//  "limits": {json_bytes, page_file_bytes, xlsx_small_part_bytes, xlsx_shared_strings_part_bytes,
//  xlsx_sheet_part_bytes}}. The same bytes natively and in WebAssembly.
std::string meta_json();

}  // namespace shopscore
