// Calendar days and shop-local timestamps.
//
// Every timestamp in a dataset is converted to *shop-local* seconds since 1970-01-01 00:00
// (as if the shop's wall clock were UTC). Calendar arithmetic (windows, deliver-by dates) then
// works on plain integers, and durations are still exact because one shop has one fixed offset.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace shopscore {

using Day = int32_t;      // days since 1970-01-01
using Seconds = int64_t;  // shop-local seconds since 1970-01-01 00:00

constexpr Day kNoDay = std::numeric_limits<Day>::min();
constexpr Seconds kNoTime = std::numeric_limits<Seconds>::min();
constexpr Seconds kSecondsPerDay = 86400;

Day days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(Day z, int& year, unsigned& month, unsigned& day);
int weekday(Day d);  // 0 = Sunday .. 6 = Saturday
inline Day day_of(Seconds t) {
    return static_cast<Day>((t >= 0 ? t : t - (kSecondsPerDay - 1)) / kSecondsPerDay);
}

std::string format_day(Day d);  // YYYY-MM-DD

// Parses "YYYY-MM-DD"; nullopt when the text is not a valid calendar date.
std::optional<Day> parse_day(std::string_view text);

// Parses "+08:00", "-0800", "Z" into seconds east of UTC.
std::optional<int32_t> parse_utc_offset(std::string_view text);

// Which order the parts of a slash date are in ("11/02/2026" month-first in US exports).
enum class DateOrder { month_first, day_first };

// Parses a timestamp to shop-local seconds. Accepted: ISO 8601 with "T" or a space, optional
// seconds and fraction, optional "Z"/"+08:00"/"+0800" offset; a bare date (midnight); the
// Chinese Seller Center form "2026/11/02 09:30:00"; and the US Seller Center form
// "11/02/2026 09:30:00 AM" (12- or 24-hour, seconds optional). Surrounding
// whitespace (exports end cells with a tab) is trimmed. A timestamp with an offset is moved to
// the shop's offset; one without is already shop-local.
std::optional<Seconds> parse_timestamp(std::string_view text, int32_t shop_offset_seconds,
                                       DateOrder slash_order = DateOrder::month_first);
// The same by the general scanner alone, without the shortcut parse_timestamp takes for
// Seller Center's fixed forms (for the test that compares the two).
std::optional<Seconds> parse_timestamp_scanned(std::string_view text, int32_t shop_offset_seconds,
                                               DateOrder slash_order = DateOrder::month_first);
// The shortcut alone: Seller Center's fixed forms, "11/02/2026 09:30:00 AM", "02/11/2026 21:30:00"
// (the slash order as given) and "2026-11-02 21:30:00", exactly (nothing trimmed); nullopt for
// any other text, which parse_timestamp reads by the scanner with the same answer for these forms.
std::optional<Seconds> parse_fixed_timestamp(std::string_view text, DateOrder slash_order);

// The text a parse error shows as what was expected.
constexpr const char* kTimestampExpectation =
    "a date-time like 2026-11-02 09:30, 2026-11-02T09:30:00Z or 11/02/2026 09:30:00 AM";

}  // namespace shopscore
