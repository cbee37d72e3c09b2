#include "shopscore/us_calendar.h"

#include <cstdint>

namespace shopscore {
namespace {

// The n-th given weekday (0 = Sunday) of a month; n = -1 for the last one.
Day nth_weekday(int year, unsigned month, int wday, int n) {
    if (n > 0) {
        const Day first = days_from_civil(year, month, 1);
        return first + (wday - weekday(first) + 7) % 7 + 7 * (n - 1);
    }
    const Day last = days_from_civil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1;
    return last - (weekday(last) - wday + 7) % 7;
}

// A fixed-date holiday as observed: Saturday -> Friday before, Sunday -> Monday after.
Day observed(Day actual) {
    const int w = weekday(actual);
    return w == 6 ? actual - 1 : w == 0 ? actual + 1 : actual;
}

bool is_holiday_of_year(Day d, int year) {
    constexpr int kMon = 1, kThu = 4;
    const Day fixed[] = {
        observed(days_from_civil(year, 1, 1)),    // New Year's Day
        observed(days_from_civil(year, 6, 19)),   // Juneteenth
        observed(days_from_civil(year, 7, 4)),    // Independence Day
        observed(days_from_civil(year, 11, 11)),  // Veterans Day
        observed(days_from_civil(year, 12, 25)),  // Christmas Day
    };
    for (Day h : fixed)
        if (d == h) return true;
    return d == nth_weekday(year, 1, kMon, 3)     // Martin Luther King Jr. Day
           || d == nth_weekday(year, 2, kMon, 3)  // Washington's Birthday
           || d == nth_weekday(year, 5, kMon, -1) // Memorial Day
           || d == nth_weekday(year, 9, kMon, 1)  // Labor Day
           || d == nth_weekday(year, 10, kMon, 2) // Columbus Day
           || d == nth_weekday(year, 11, kThu, 4);// Thanksgiving Day
}

}  // namespace

bool is_us_federal_holiday(Day d) {
    int year;
    unsigned month, day;
    civil_from_days(d, year, month, day);
    // New Year's Day of the next year is observed on Dec 31 when Jan 1 is a Saturday.
    return is_holiday_of_year(d, year) || (month == 12 && day == 31 && is_holiday_of_year(d, year + 1));
}

bool is_us_business_day(Day d) {
    const int w = weekday(d);
    return w != 0 && w != 6 && !is_us_federal_holiday(d);
}

Day add_us_business_days(Day start, int n) {
    // Called once per order (its deliver-by day); orders fall on a few hundred distinct days, so
    // recent answers of this pure function are remembered (a zeroed entry, 0 + 0 days = 0, is
    // itself a true answer).
    struct Entry {
        Day start;
        int n;
        Day result;
    };
    static thread_local Entry memo[256] = {};
    Entry& e = memo[(static_cast<uint32_t>(start) * 31u + static_cast<uint32_t>(n)) & 255u];
    if (e.start == start && e.n == n) return e.result;
    Day d = start;
    for (int counted = 0; counted < n;)
        if (is_us_business_day(++d)) ++counted;
    e = Entry{start, n, d};
    return d;
}

}  // namespace shopscore
