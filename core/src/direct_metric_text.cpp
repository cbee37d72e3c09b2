// The CLI's --metric text (docs/scoring.md "Metrics typed by the seller"): one metric as Seller
// Center shows it, e.g. "aht=31.2", "nrr=0.8%:812", "otdr=95.2%:480/504".
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "shopscore/error.h"
#include "shopscore/score.h"

namespace shopscore {
namespace {

constexpr const char* kForm =
    "ID=VALUE[%][:COUNT] with ID nrr, nbfr, otdr, sfcr, imd or aht (e.g. aht=31.2, nrr=0.8%:812, otdr=95%:480/504)";

[[noreturn]] void fail(std::string_view text, const std::string& expected) {
    const std::string got(text);
    throw InputError("--metric", "expected " + expected + ", got \"" + got + "\"",
                     ErrorDetail{"invalid_value", {}, 0, {}, "--metric", expected, got});
}

// A plain decimal number ("12", "0.8", ".5"); nullopt for anything else (signs, exponents, inf).
std::optional<double> decimal(std::string_view s) {
    if (s.empty() || s.find_first_not_of("0123456789.") != std::string_view::npos ||
        s.find('.') != s.rfind('.') || s == ".")
        return std::nullopt;
    return std::strtod(std::string(s).c_str(), nullptr);
}

// Digits grouped in threes by commas, as Seller Center writes counts ("1,000", "12,345,678").
bool grouped_thousands(std::string_view s) {
    const size_t first = s.find(',');
    if (first == std::string_view::npos || first == 0 || first > 3 || s[0] == '0') return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const bool comma_here = i >= first && (i - first) % 4 == 0;
        if (comma_here ? s[i] != ',' : (s[i] < '0' || s[i] > '9')) return false;
    }
    return (s.size() - first) % 4 == 0;
}

// A whole count: digits, or digits grouped in threes by commas. Not "1.000" or "12.0": a count
// has no decimals, and "1.000" could be a thousand or one (read as 1, a small count let the
// volume prior pull a rate towards the benchmark: a better score than the truth).
std::optional<double> whole_count(std::string_view s) {
    const bool grouped = grouped_thousands(s);
    double count = 0;
    for (char c : s) {
        if (c == ',' && grouped) continue;
        if (c < '0' || c > '9') return std::nullopt;
        count = count * 10 + (c - '0');
    }
    return s.empty() ? std::nullopt : std::optional<double>(count);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

// Full-width digits, point, comma and percent sign (as a Chinese keyboard types them) become
// ASCII; U+3000 becomes a space. Everything else is kept as it is.
std::string to_ascii_digits(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
        if (i + 2 < text.size() && b(0) == 0xEF && b(1) == 0xBC) {
            const unsigned char c = b(2);
            if (c >= 0x90 && c <= 0x99) { out += static_cast<char>('0' + (c - 0x90)); i += 2; continue; }
            if (c == 0x8E) { out += '.'; i += 2; continue; }
            if (c == 0x8C) { out += ','; i += 2; continue; }
            if (c == 0x85) { out += '%'; i += 2; continue; }
        }
        if (i + 2 < text.size() && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) { out += ' '; i += 2; continue; }
        out += text[i];
    }
    return out;
}

namespace {

// "12", "0.8", ".5", "93,4" (one comma as the decimal point); nullopt for anything else.
std::optional<double> decimal_comma(std::string s, int* decimals) {
    if (s.find('.') == std::string::npos && std::count(s.begin(), s.end(), ',') == 1) s[s.find(',')] = '.';
    const std::optional<double> v = decimal(s);
    if (v && decimals) *decimals = s.find('.') == std::string::npos ? 0 : static_cast<int>(s.size() - s.find('.') - 1);
    return v;
}

[[noreturn]] void fail_value(const std::string& field, std::string_view text, const std::string& expected) {
    const std::string got(text);
    throw InputError(field, "expected " + expected + ", got \"" + got + "\"",
                     ErrorDetail{"invalid_value", {}, 0, {}, field, expected, got});
}

}  // namespace

TypedValue read_metric_value(MetricId metric, std::string_view raw, const std::string& field) {
    const std::string ascii = to_ascii_digits(raw);
    std::string_view text = trim(ascii);
    TypedValue out;
    if (metric == kAht) {
        for (std::string_view unit : {"hours", "hour", "hrs", "hr", "h", "\xE5\xB0\x8F\xE6\x97\xB6" /* 小时 */})
            if (text.size() > unit.size() && text.substr(text.size() - unit.size()) == unit) {
                text = trim(text.substr(0, text.size() - unit.size()));
                break;
            }
        // "1,000" could be a thousand hours or one (the decimal comma): refused, not guessed,
        // since the smaller reading would make the handling time look better than it is.
        const std::optional<double> hours = grouped_thousands(text) ? std::nullopt : decimal_comma(std::string(text), nullptr);
        if (!hours) fail_value(field, raw, "hours like 31.2 (0 or more)");
        out.value = *hours;
        return out;
    }
    const std::string expected = "a rate from 0 to 100 % like 93.4, 93.4 % or 0.934";
    const bool percent = !text.empty() && text.back() == '%';
    if (percent) text = trim(text.substr(0, text.size() - 1));
    int decimals = 0;
    const std::optional<double> v = decimal_comma(std::string(text), &decimals);
    if (!v) fail_value(field, raw, expected);
    // Seller Center shows rates in percent with two decimals: a bare number is percent, unless it
    // is at most 1 with more decimals, which only a fraction copied from a spreadsheet has.
    if (!percent && *v <= 1 && decimals > 2) {
        out.value = *v;
        out.read_as_fraction = true;
        return out;
    }
    if (*v > 100) fail_value(field, raw, expected);
    out.value = *v / 100.0;
    return out;
}

Warning read_as_fraction_note(MetricId metric, std::string_view text, double value) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.4g", value * 100.0);
    Warning w;
    w.code = "rate_read_as_fraction";
    w.message = std::string(kMetricNames[metric]) + ": \"" + std::string(text) + "\" was read as the fraction " +
                percent + " % (a rate is percent, as Seller Center shows it; write " + percent + " % to say so)";
    w.params = {{"metric", kMetricNames[metric]}, {"text", std::string(text)}, {"percent", percent}};
    return w;
}

std::pair<MetricId, DirectMetric> direct_metric_from_text(std::string_view text) {
    return direct_metric_from_text(text, nullptr);
}

std::pair<MetricId, DirectMetric> direct_metric_from_text(std::string_view raw_text, std::vector<Warning>* notes) {
    const std::string ascii = to_ascii_digits(raw_text);
    const std::string_view text = ascii;
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos) fail(text, kForm);
    const std::string_view id = trim(text.substr(0, eq));
    size_t m = 0;
    while (m < kMetricCount && id != kMetricNames[m]) ++m;
    if (m == kMetricCount) fail(text, kForm);
    const auto metric = static_cast<MetricId>(m);
    const bool is_rate = metric != kAht;

    std::string_view rest = text.substr(eq + 1);
    std::string_view counts;
    const bool has_counts = rest.find(':') != std::string_view::npos;
    if (const size_t colon = rest.find(':'); colon != std::string_view::npos) {
        counts = trim(rest.substr(colon + 1));
        rest = rest.substr(0, colon);
    }
    // The value: the same rule as every typed value (read_metric_value).
    const TypedValue typed = read_metric_value(metric, trim(rest), "--metric");
    const std::optional<double> value = typed.value;
    if (typed.read_as_fraction && notes) notes->push_back(read_as_fraction_note(metric, trim(rest), typed.value));

    DirectMetric direct;
    direct.value = *value;
    if (has_counts) {
        const size_t slash = counts.find('/');
        // Counts are whole ("812", "1,200"); aht's numerator is total hours ("425.5").
        const std::optional<double> denominator = whole_count(trim(slash == std::string_view::npos ? counts : counts.substr(slash + 1)));
        std::optional<double> numerator;
        if (slash != std::string_view::npos) {
            const std::string_view n = trim(counts.substr(0, slash));
            numerator = is_rate ? whole_count(n) : decimal(n);
        }
        if (!denominator || (slash != std::string_view::npos && !numerator))
            fail(text, "a whole count after ':' (orders, chats or requests), or NUMERATOR/DENOMINATOR");
        if (!numerator) {
            // The count behind the shown value: whole orders for a rate, total hours for aht.
            numerator = is_rate ? std::round(*value * *denominator) : *value * *denominator;
        }
        if (is_rate && *numerator > *denominator) fail(text, "a numerator of at most the denominator");
        direct.numerator = numerator;
        direct.denominator = denominator;
    }
    return {metric, direct};
}

}  // namespace shopscore
