// The CLI's insight options (docs/insights.md), kept apart from main.cpp's argument loop.
#pragma once

#include <functional>
#include <string>

#include "shopscore/score.h"

namespace shopscore::cli {

// Reads one insight flag (`flag`, with `value()` giving its argument) into `options`; `csv`
// receives the table named by --csv. Returns false when `flag` is not an insight flag.
// A bad value throws InputError naming the flag (exit 2).
bool parse_insight_flag(const std::string& flag, const std::function<const std::string&()>& value,
                        InsightOptions& options, std::string& csv);

extern const char* const kInsightUsage;

}  // namespace shopscore::cli
