#include "shopscore/time.h"

#include <cstdio>

namespace shopscore {

// Howard Hinnant's civil-calendar algorithms (public domain): exact for the proleptic
// Gregorian calendar, no tables, no time zone database.
Day days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(Day z, int& year, unsigned& month, unsigned& day) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(yoe) + era * 400 + (month <= 2);
}

int weekday(Day d) {
    const int w = (d + 4) % 7;  // 1970-01-01 was a Thursday
    return w < 0 ? w + 7 : w;
}

std::string format_day(Day d) {
    int y;
    unsigned m, day;
    civil_from_days(d, y, m, day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y, m, day);
    return buffer;
}

namespace {

// A tiny cursor over the text being parsed.
struct Scanner {
    std::string_view s;
    size_t i = 0;

    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    bool accept(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    // Reads between min and max digits.
    bool digits(int min, int max, int& out) {
        int n = 0, value = 0;
        while (n < max && !done() && s[i] >= '0' && s[i] <= '9') {
            value = value * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        out = value;
        return n >= min;
    }
    void skip_spaces() {
        while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i;
    }
};

std::string_view trim(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

bool valid_date(int y, int m, int d) {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// "+08:00", "+0800", "+08", "Z".
bool read_offset(Scanner& sc, int32_t& offset) {
    if (sc.accept('Z') || sc.accept('z')) {
        offset = 0;
        return true;
    }
    const char sign = sc.peek();
    if (sign != '+' && sign != '-') return false;
    ++sc.i;
    int hours = 0, minutes = 0;
    if (!sc.digits(2, 2, hours)) return false;
    sc.accept(':');
    if (!sc.done()) {
        if (!sc.digits(2, 2, minutes)) return false;
    }
    if (hours > 14 || minutes > 59) return false;
    offset = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
    return true;
}

// "09:30", "09:30:15", "09:30:15.250", then an optional AM/PM for the US form.
bool read_clock(Scanner& sc, bool allow_meridiem, int& seconds_of_day) {
    int h = 0, m = 0, s = 0;
    if (!sc.digits(1, 2, h) || !sc.accept(':') || !sc.digits(2, 2, m)) return false;
    if (sc.accept(':')) {
        if (!sc.digits(2, 2, s)) return false;
        if (sc.accept('.') || sc.accept(',')) {
            int ignored;
            if (!sc.digits(1, 9, ignored)) return false;  // sub-second precision is not needed
        }
    }
    if (allow_meridiem) {
        size_t save = sc.i;
        sc.skip_spaces();
        const char a = static_cast<char>(sc.peek() | 0x20);
        if (a == 'a' || a == 'p') {
            ++sc.i;
            if ((sc.peek() | 0x20) != 'm') return false;
            ++sc.i;
            if (h < 1 || h > 12) return false;
            h = (h % 12) + (a == 'p' ? 12 : 0);
        } else {
            sc.i = save;
        }
    }
    if (h > 23 || m > 59 || s > 60) return false;
    seconds_of_day = h * 3600 + m * 60 + (s == 60 ? 59 : s);
    return true;
}

}  // namespace

std::optional<Day> parse_day(std::string_view text) {
    Scanner sc{trim(text)};
    int y, m, d;
    if (!sc.digits(4, 4, y) || !sc.accept('-') || !sc.digits(2, 2, m) || !sc.accept('-') ||
        !sc.digits(2, 2, d) || !sc.done() || !valid_date(y, m, d))
        return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::optional<int32_t> parse_utc_offset(std::string_view text) {
    Scanner sc{trim(text)};
    int32_t offset = 0;
    if (!read_offset(sc, offset) || !sc.done()) return std::nullopt;
    return offset;
}

// Seller Center's own three forms at their fixed places, which are nearly every cell of an
// export: "11/02/2026 09:30:00 AM" (US), "02/11/2026 21:30:00" (other markets, the slash order
// as given) and "2026-11-02 21:30:00". Read here without the general scanner; nullopt for any
// other text or any value out of range, which the general reading below then reads (it gives the
// same answer for these forms: tests/unit/rules/test_rules_dates.cpp compares the two).
std::optional<Seconds> parse_fixed_timestamp(std::string_view s, DateOrder slash_order) {
    const size_t n = s.size();
    if (n != 19 && n != 22) return std::nullopt;
    auto digit = [&](size_t i) { return static_cast<unsigned>(s[i] - '0'); };
    auto two = [&](size_t i) { return digit(i) <= 9 && digit(i + 1) <= 9 ? static_cast<int>(digit(i) * 10 + digit(i + 1)) : -1; };
    if (s[10] != ' ' || s[13] != ':' || s[16] != ':') return std::nullopt;
    int y, m, d;
    const bool slash = s[2] == '/' && s[5] == '/';
    if (slash) {
        const int a = two(0), b = two(3), y1 = two(6), y2 = two(8);
        if (a < 0 || b < 0 || y1 < 0 || y2 < 0) return std::nullopt;
        y = y1 * 100 + y2;
        m = slash_order == DateOrder::month_first ? a : b;
        d = slash_order == DateOrder::month_first ? b : a;
    } else if (s[4] == '-' && s[7] == '-' && n == 19) {
        const int y1 = two(0), y2 = two(2);
        m = two(5), d = two(8);
        if (y1 < 0 || y2 < 0) return std::nullopt;
        y = y1 * 100 + y2;
    } else {
        return std::nullopt;
    }
    int h = two(11);
    const int mi = two(14), sec = two(17);
    if (!valid_date(y, m, d) || h < 0 || mi < 0 || sec < 0) return std::nullopt;
    if (n == 22) {  // " AM" / " PM", US form only
        const char a = static_cast<char>(s[20] | 0x20);
        if (!slash || s[19] != ' ' || (a != 'a' && a != 'p') || (s[21] | 0x20) != 'm' || h < 1 || h > 12) return std::nullopt;
        h = h % 12 + (a == 'p' ? 12 : 0);
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    return static_cast<Seconds>(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) * kSecondsPerDay +
           h * 3600 + mi * 60 + (sec == 60 ? 59 : sec);
}

std::optional<Seconds> parse_timestamp(std::string_view text, int32_t shop_offset_seconds,
                                       DateOrder slash_order) {
    text = trim(text);
    if (const std::optional<Seconds> t = parse_fixed_timestamp(text, slash_order)) return t;
    return parse_timestamp_scanned(text, shop_offset_seconds, slash_order);
}

std::optional<Seconds> parse_timestamp_scanned(std::string_view text, int32_t shop_offset_seconds,
                                               DateOrder slash_order) {
    Scanner sc{trim(text)};
    int y = 0, m = 0, d = 0;
    bool us_form = false;
    int first = 0;
    if (!sc.digits(1, 4, first)) return std::nullopt;
    if (sc.i == 4 && (sc.peek() == '-' || sc.peek() == '/')) {  // ISO YYYY-MM-DD; Chinese exports YYYY/MM/DD
        const char separator = sc.s[sc.i++];
        y = first;
        if (!sc.digits(1, 2, m) || !sc.accept(separator) || !sc.digits(1, 2, d)) return std::nullopt;
    } else if (sc.i <= 2 && (sc.accept('/'))) {  // Seller Center: MM/DD/YYYY (or DD/MM/YYYY)
        int second = 0;
        if (!sc.digits(1, 2, second) || !sc.accept('/') || !sc.digits(4, 4, y)) return std::nullopt;
        m = slash_order == DateOrder::month_first ? first : second;
        d = slash_order == DateOrder::month_first ? second : first;
        us_form = true;
    } else {
        return std::nullopt;
    }
    if (!valid_date(y, m, d)) return std::nullopt;

    int seconds_of_day = 0;
    bool has_offset = false;
    int32_t offset = 0;
    if (!sc.done()) {
        if (!(sc.accept('T') || sc.accept('t'))) {
            if (sc.peek() != ' ' && sc.peek() != '\t') return std::nullopt;
            sc.skip_spaces();
        }
        if (!read_clock(sc, us_form, seconds_of_day)) return std::nullopt;
        sc.skip_spaces();
        if (!sc.done()) {
            if (!read_offset(sc, offset) || !sc.done()) return std::nullopt;
            has_offset = true;
        }
    }
    Seconds local = static_cast<Seconds>(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) *
                        kSecondsPerDay + seconds_of_day;
    if (has_offset) local += shop_offset_seconds - offset;  // to UTC, then to the shop's clock
    return local;
}

}  // namespace shopscore
