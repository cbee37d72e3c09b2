// Durations in the after-sales diagnostics download, read as hours (docs/exports.md): a bare
// number is hours ("12.5"); units may follow each number, in English or Chinese, with or without
// spaces ("12.5 h", "12h 30m", "1d 2h", "90 min", "1天2小时30分钟"); "12:30" and "12:30:00" are
// hours:minutes(:seconds).
#pragma once

#include <optional>
#include <string_view>

namespace shopscore::ingest {

// Hours >= 0, or nullopt when `text` is none of the forms above.
std::optional<double> parse_hours(std::string_view text);

}  // namespace shopscore::ingest
