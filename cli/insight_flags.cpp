#include "insight_flags.h"

#include <cstdlib>

#include "shopscore/error.h"
#include "shopscore/time.h"

namespace shopscore::cli {
namespace {

double number(const std::string& flag, const std::string& text, double lo, double hi, const char* expected) {
    char* end = nullptr;
    const double x = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(x >= lo && x <= hi))
        throw InputError(flag, std::string("expected ") + expected + ", got \"" + text + "\"",
                         ErrorDetail{"invalid_value", {}, 0, {}, flag, expected, text});
    return x;
}

Day day(const std::string& flag, const std::string& text) {
    const auto d = parse_day(text);
    if (!d)
        throw InputError(flag, "expected a date like 2026-11-20, got \"" + text + "\"",
                         ErrorDetail{"bad_date", {}, 0, {}, flag, "a date like 2026-11-20", text});
    return *d;
}

}  // namespace

const char* const kInsightUsage =
    "Insights (with --insights; docs/insights.md):\n"
    "  --target SPS            another goal-seek target besides 2.5, 3.5 and 4.0 (repeatable)\n"
    "  --moved-from DATE       why it moved: from this day (default as_of - 7)\n"
    "  --moved-to DATE         why it moved: to this day (default as_of)\n"
    "  --fbt-share S           scenario: share 0-1 of orders moved to FBT (default 0.5)\n"
    "  --warehouse-days N      scenario: moved orders stay in OTDR, delivered in N business days\n"
    "  --aht-cap HOURS         scenario: after-sales SOP caps each request at HOURS (default 24)\n"
    "  --carrier-cut S         scenario: share 0-1 of carrier-fault returns avoided (default 0.5)\n"
    "  --im-cut S              scenario: share 0-1 of IM dissatisfaction avoided (default 0.3)\n"
    "  --diagnostics-rows N    rows per diagnostics table in the JSON (default 50)\n"
    "  --csv TABLE             print one diagnostics table, or `trend` (each day scored or\n"
    "                          provisional), as CSV (UTF-8 with BOM) instead of JSON;\n"
    "                          with --lang zh, Chinese column names and values\n";

bool parse_insight_flag(const std::string& flag, const std::function<const std::string&()>& value,
                        InsightOptions& o, std::string& csv) {
    if (flag == "--target") o.targets.push_back(number(flag, value(), 0, 5, "a score from 0 to 5"));
    else if (flag == "--moved-from") o.moved_from = day(flag, value());
    else if (flag == "--moved-to") o.moved_to = day(flag, value());
    else if (flag == "--fbt-share") o.scenarios.fbt_share = number(flag, value(), 0, 1, "a share from 0 to 1");
    else if (flag == "--warehouse-days")
        o.scenarios.warehouse_delivery_days = static_cast<int>(number(flag, value(), 1, 60, "a number of business days 1-60"));
    else if (flag == "--aht-cap") o.scenarios.aht_cap_hours = number(flag, value(), 0.01, 10000, "a number of hours above 0");
    else if (flag == "--carrier-cut") o.scenarios.carrier_return_cut = number(flag, value(), 0, 1, "a share from 0 to 1");
    else if (flag == "--im-cut") o.scenarios.im_cut = number(flag, value(), 0, 1, "a share from 0 to 1");
    else if (flag == "--diagnostics-rows")
        o.diagnostics_rows = static_cast<int>(number(flag, value(), 0, 100000, "a number of rows 0-100000"));
    else if (flag == "--csv") csv = value();
    else return false;
    return true;
}

}  // namespace shopscore::cli
