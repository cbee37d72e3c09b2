// The CLI's --metric text (docs/scoring.md "Metrics typed by the seller"): one metric as Seller
// Center shows it, e.g. "aht=31.2", "nrr=0.8%:812", "otdr=95.2%:480/504".
#include <cmath>
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

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::pair<MetricId, DirectMetric> direct_metric_from_text(std::string_view text) {
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
    std::string_view value_text = trim(rest);
    bool percent = false;
    if (!value_text.empty() && value_text.back() == '%') {
        percent = true;
        value_text = trim(value_text.substr(0, value_text.size() - 1));
    } else if (!is_rate && !value_text.empty() && value_text.back() == 'h') {
        value_text = trim(value_text.substr(0, value_text.size() - 1));  // "31.2h", "31.2 h"
    }
    std::optional<double> value = decimal(value_text);
    if (!value) fail(text, is_rate ? "a rate like 0.8% or 0.008 after " + std::string(id) + "="
                                   : "hours like 31.2 after aht=");
    if (percent && !is_rate) fail(text, "hours like 31.2 (aht is not a percentage)");
    if (percent) *value /= 100.0;
    if (is_rate && *value > 1) fail(text, "a rate of at most 100% (write 95.2% or 0.952)");

    DirectMetric direct;
    direct.value = *value;
    if (has_counts) {
        const size_t slash = counts.find('/');
        const std::optional<double> denominator = decimal(trim(slash == std::string_view::npos ? counts : counts.substr(slash + 1)));
        std::optional<double> numerator;
        if (slash != std::string_view::npos) numerator = decimal(trim(counts.substr(0, slash)));
        if (!denominator || (slash != std::string_view::npos && !numerator) || std::floor(*denominator) != *denominator)
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
