// The official SPS API's responses as snapshots (docs/calibration.md "Input"): Partner API 202606,
// shop_performances/overview {sps_score, dimensions[].{name, score, weight %}, primary_category}
// and shop_performances/metrics {metrics[].{metric_code, value, value_unit, score,
// benchmarks.{excellent_threshold, poor_threshold}}}. Values come as strings; units are
// normalised here (PERCENT 0-100 -> fraction, HOURS -> hours) and anything else is refused.
#include <cctype>
#include <cstdlib>

#include "calibrate_internal.h"

namespace shopscore::calibration {
namespace {

// The response body: the object itself or its "data".
const json& body(const json& obj) {
    auto data = obj.find("data");
    return data != obj.end() && data->is_object() ? *data : obj;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

enum class Unit { none, percent, hours };

// A number or a numeric string, with an optional unit suffix ("0.85%", "26.5h", "26.5 hours").
// nullopt for null or an empty string; `suffix` gets the unit written after the number.
std::optional<double> read_number(const Reader& r, const json& obj, const char* key, const std::string& path,
                                  Unit* suffix = nullptr) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (it->is_number()) return it->get<double>();
    if (!it->is_string()) r.fail(Reader::join(path, key), "a number or a numeric string", &*it, "snapshot_bad_value");
    std::string text = trim(it->get<std::string>());
    if (text.empty() || text == "-" || text == "--") return std::nullopt;
    Unit unit = Unit::none;
    const std::string low = lower(text);
    for (const auto& [tail, u] : {std::pair{std::string("%"), Unit::percent}, {"hours", Unit::hours},
                                  {"hour", Unit::hours}, {"hrs", Unit::hours}, {"h", Unit::hours}}) {
        if (low.size() > tail.size() && low.compare(low.size() - tail.size(), tail.size(), tail) == 0) {
            text = trim(text.substr(0, text.size() - tail.size()));
            unit = u;
            break;
        }
    }
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !(v == v) || v > 1e12 || v < -1e12)
        r.fail(Reader::join(path, key), "a number like \"0.85\" or \"0.85%\"", &*it, "snapshot_bad_value");
    if (suffix) *suffix = unit;
    else if (unit != Unit::none) r.fail(Reader::join(path, key), "a plain number", &*it, "snapshot_bad_value");
    return v;
}

std::optional<double> read_score(const Reader& r, const json& obj, const char* key, const std::string& path) {
    auto v = read_number(r, obj, key, path);
    if (v && !(*v >= 0 && *v <= 5)) r.fail(Reader::join(path, key), "a score from 0 to 5", &obj.at(key), "snapshot_bad_value");
    return v;
}

// Metric codes of the API -> ShopScore's metrics.
std::optional<MetricId> metric_of(const std::string& code) {
    const std::string c = lower(code);
    if (c == "im_dsat" || c == "imd") return kImd;
    for (size_t m = 0; m < kMetricCount; ++m)
        if (c == kMetricNames[m]) return static_cast<MetricId>(m);
    return std::nullopt;
}

// Dimension names: "PRODUCT", "FULFILLMENT" / "FULFILLMENT_AND_LOGISTICS", "SERVICE" / "CUSTOMER_SERVICE".
std::optional<DimensionId> dimension_of(const std::string& name) {
    const std::string n = lower(name);
    if (n.find("product") != std::string::npos) return kProduct;
    if (n.find("fulfil") != std::string::npos || n.find("logistic") != std::string::npos) return kFulfillment;
    if (n.find("service") != std::string::npos) return kService;
    return std::nullopt;
}

void read_overview(const Reader& r, const json& b, const std::string& path, Snapshot& out) {
    if (b.contains("sps_score")) {
        out.sps_shown = true;
        out.sps = read_score(r, b, "sps_score", path);
    }
    if (auto cat = b.find("primary_category"); cat != b.end() && cat->is_string()) out.category = cat->get<std::string>();
    const json* dims = r.array(b, "dimensions", path);
    if (!dims) return;
    for (size_t i = 0; i < dims->size(); ++i) {
        const json& d = (*dims)[i];
        const std::string dpath = Reader::index(Reader::join(path, "dimensions"), i);
        if (!d.is_object()) r.fail(dpath, "a dimension object", &d);
        const auto name = r.string(d, "name", dpath);
        const auto id = name ? dimension_of(*name) : std::nullopt;
        if (!id) r.fail(Reader::join(dpath, "name"), "PRODUCT, FULFILLMENT or SERVICE", name ? &d.at("name") : nullptr, "snapshot_unknown_name");
        ShownDimension& out_d = out.dimensions[*id];
        out_d.shown = d.contains("score");
        out_d.score = read_score(r, d, "score", dpath);
        Unit unit = Unit::none;
        if (auto w = read_number(r, d, "weight", dpath, &unit)) {  // percent, "%" or not
            if (unit == Unit::hours || !(*w >= 0 && *w <= 100))
                r.fail(Reader::join(dpath, "weight"), "a weight in percent, 0-100", &d.at("weight"), "snapshot_bad_unit");
            out_d.weight = *w / 100.0;
        }
    }
}

// The unit a metric's numbers are in: value_unit, else a suffix on the number; a rate with
// neither is refused (0.85 could be a percent or a fraction).
double to_metric_scale(const Reader& r, const json& m, const char* key, const std::string& path, MetricId id,
                       double v, Unit declared, Unit suffix) {
    const Unit unit = declared != Unit::none ? declared : suffix != Unit::none ? suffix : id == kAht ? Unit::hours : Unit::none;
    const bool conflict = declared != Unit::none && suffix != Unit::none && declared != suffix;
    if (conflict || unit == Unit::none || (id == kAht) != (unit == Unit::hours))
        r.fail(Reader::join(path, key),
               id == kAht ? "hours (value_unit HOURS)" : "a percent (value_unit PERCENT, 0-100)",
               &m.at(key), "snapshot_bad_unit");
    if (unit == Unit::percent) {
        if (!(v >= 0 && v <= 100)) r.fail(Reader::join(path, key), "a percent from 0 to 100", &m.at(key), "snapshot_bad_value");
        return v / 100.0;
    }
    if (!(v >= 0 && v <= 1e6)) r.fail(Reader::join(path, key), "hours from 0 to 1000000", &m.at(key), "snapshot_bad_value");
    return v;
}

void read_metrics(const Reader& r, const json& b, const std::string& path, Snapshot& out) {
    const json* metrics = r.array(b, "metrics", path);
    for (size_t i = 0; metrics && i < metrics->size(); ++i) {
        const json& m = (*metrics)[i];
        const std::string mpath = Reader::index(Reader::join(path, "metrics"), i);
        if (!m.is_object()) r.fail(mpath, "a metric object", &m);
        const auto code = r.string(m, "metric_code", mpath);
        const auto id = code ? metric_of(*code) : std::nullopt;
        if (!id) r.fail(Reader::join(mpath, "metric_code"), "NRR, NBFR, SFCR, OTDR, AHT or IM_DSAT", code ? &m.at("metric_code") : nullptr, "snapshot_unknown_name");
        Unit declared = Unit::none;
        if (auto unit = r.string(m, "value_unit", mpath)) {
            const std::string u = lower(trim(*unit));
            if (u == "percent" || u == "percentage" || u == "%") declared = Unit::percent;
            else if (u == "hours" || u == "hour" || u == "h") declared = Unit::hours;
            else r.fail(Reader::join(mpath, "value_unit"), "PERCENT or HOURS", &m.at("value_unit"), "snapshot_bad_unit");
        }
        ShownMetric& o = out.metrics[*id];
        auto scaled = [&](const json& obj, const char* key, const std::string& at) -> std::optional<double> {
            Unit suffix = Unit::none;
            auto v = read_number(r, obj, key, at, &suffix);
            if (!v) return std::nullopt;
            return to_metric_scale(r, obj, key, at, *id, *v, declared, suffix);
        };
        o.value = scaled(m, "value", mpath);
        o.score = read_score(r, m, "score", mpath);
        if (const json* bench = r.object(m, "benchmarks", mpath)) {
            const std::string bpath = Reader::join(mpath, "benchmarks");
            o.line_4 = scaled(*bench, "excellent_threshold", bpath);
            o.line_1 = scaled(*bench, "poor_threshold", bpath);
        }
    }
}

}  // namespace

bool is_api_response(const json& obj) {
    if (!obj.is_object()) return false;
    const json& b = body(obj);
    if (!b.is_object()) return false;
    return b.contains("sps_score") || (b.contains("dimensions") && b["dimensions"].is_array()) ||
           (b.contains("metrics") && b["metrics"].is_array());
}

void read_api_response(const Reader& r, const json& obj, const std::string& path, Snapshot& out) {
    const bool wrapped = &body(obj) != &obj;
    const json& b = body(obj);
    const std::string bpath = wrapped ? Reader::join(path, "data") : path;
    read_overview(r, b, bpath, out);
    read_metrics(r, b, bpath, out);
}

}  // namespace shopscore::calibration
