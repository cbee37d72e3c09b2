#include "ingest/duration.h"

#include <cstdlib>
#include <string>

namespace shopscore::ingest {
namespace {

// Hours per unit word; 0 when unknown. Case-insensitive ASCII; Chinese as written.
double unit_hours(std::string unit) {
    for (char& c : unit)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (unit == "d" || unit == "day" || unit == "days" || unit == "天") return 24;
    if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours" || unit == "小时" ||
        unit == "时" || unit == "個小時" || unit == "个小时")
        return 1;
    if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes" || unit == "分钟" ||
        unit == "分")
        return 1.0 / 60;
    if (unit == "s" || unit == "sec" || unit == "secs" || unit == "second" || unit == "seconds" || unit == "秒")
        return 1.0 / 3600;
    return 0;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// "12:30" / "12:30:45": hours:minutes(:seconds), minutes and seconds below 60.
std::optional<double> clock(std::string_view t) {
    double parts[3] = {0, 0, 0};
    int n = 0;
    size_t i = 0;
    while (n < 3) {
        const size_t start = i;
        while (i < t.size() && digit(t[i])) ++i;
        if (i == start) return std::nullopt;
        parts[n++] = std::strtod(std::string(t.substr(start, i - start)).c_str(), nullptr);
        if (i == t.size()) break;
        if (t[i] != ':') return std::nullopt;
        ++i;
    }
    if (i != t.size() || n < 2 || parts[1] >= 60 || parts[2] >= 60) return std::nullopt;
    return parts[0] + parts[1] / 60 + parts[2] / 3600;
}

}  // namespace

std::optional<double> parse_hours(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    if (text.find(':') != std::string_view::npos) return clock(text);

    double hours = 0;
    bool any = false;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        if (i == text.size()) break;
        const size_t start = i;
        bool dot = false;
        while (i < text.size() && (digit(text[i]) || (text[i] == '.' && !dot))) dot |= text[i++] == '.';
        const std::string_view number = text.substr(start, i - start);
        if (number.empty() || number == ".") return std::nullopt;
        while (i < text.size() && text[i] == ' ') ++i;
        const size_t unit_start = i;
        while (i < text.size() && text[i] != ' ' && !digit(text[i]) && text[i] != '.') ++i;
        const std::string_view unit = text.substr(unit_start, i - unit_start);
        double per = 1;  // a bare number is hours, but only when it stands alone
        if (unit.empty()) {
            if (any || i != text.size()) return std::nullopt;
        } else {
            per = unit_hours(std::string(unit));
            if (per == 0) return std::nullopt;
        }
        hours += std::strtod(std::string(number).c_str(), nullptr) * per;
        any = true;
    }
    if (!any) return std::nullopt;
    return hours;
}

}  // namespace shopscore::ingest
