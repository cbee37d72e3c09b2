// Profiles: the built-in default (default_profile.json, compiled in) and user profile files.
#include <string>

#include "dataset_json_internal.h"
#include "json_read.h"
#include "shopscore/json_io.h"
#include "shopscore/profile.h"

namespace shopscore {

namespace embedded {
extern const char* const default_profile_json;
}

namespace {

using json_read::json;
using json_read::Reader;

std::vector<std::string> read_string_list(const Reader& r, const json& obj, const char* key, const std::string& path,
                                          std::vector<std::string> fallback) {
    const json* list = r.array(obj, key, path);
    if (!list) return fallback;
    std::vector<std::string> out;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        if (!item.is_string()) r.fail(Reader::index(Reader::join(path, key), i), "a string", &item);
        out.push_back(item.get<std::string>());
    }
    return out;
}

// Weights only matter as ratios; a cap far above any sensible value keeps every sum and product
// (weight x score <= 5, summed over six metrics) finite, so a profile never scores NaN or null.
constexpr double kMaxWeight = 1e6;
constexpr double kMaxQuantity = 1e9;  // counts, hours and priors: far beyond any shop

double positive(const Reader& r, const json& obj, const char* key, const std::string& path, double fallback,
                double max = kMaxQuantity) {
    auto v = r.number(obj, key, path);
    if (!v) return fallback;
    if (!(*v >= 0 && *v <= max))  // the limits are whole numbers
        r.fail(Reader::join(path, key), "a number from 0 to " + std::to_string(static_cast<int64_t>(max)), &obj.at(key));
    return *v;
}

// The optional curve ends (docs/scoring.md "Curve"): best beyond good, worst beyond poor, both
// on the metric's own scale; absent, they keep the base's (the built-in has none: the defaults).
void read_curve_ends(const Reader& r, const json& one, const std::string& bpath, MetricId m, Benchmark& bench) {
    if (auto best = r.number(one, "best", bpath)) bench.best = *best;
    if (auto worst = r.number(one, "worst", bpath)) bench.worst = *worst;
    const bool higher_is_better = m == kOtdr;
    const double limit = m == kAht ? kMaxQuantity : 1.0;
    if (bench.best) {
        const double b = *bench.best;
        if (higher_is_better ? !(b > bench.good && b <= 1.0) : !(b >= 0 && b < bench.good))
            r.fail(Reader::join(bpath, "best"), higher_is_better ? "good < best <= 1" : "0 <= best < good", &one,
                   "bad_benchmark");
    }
    if (bench.worst) {
        const double w = *bench.worst;
        if (higher_is_better ? !(w >= 0 && w < bench.poor) : !(w > bench.poor && w <= limit))
            r.fail(Reader::join(bpath, "worst"),
                   higher_is_better ? "0 <= worst < poor" : m == kAht ? "worst > poor" : "poor < worst <= 1", &one,
                   "bad_benchmark");
    }
}

// A profile must be able to score: each dimension that carries weight needs a metric with weight,
// and at least one dimension must carry weight (else every SPS would be null).
void check_weights(const Reader& r, const json& p, const std::string& path, const Profile& out) {
    double total = 0;
    for (size_t d = 0; d < kDimensionCount; ++d) {
        total += out.weights[d];
        double metrics = 0;
        std::string names;
        for (size_t m = 0; m < kMetricCount; ++m) {
            if (kMetricDimension[m] != d) continue;
            metrics += out.metric_weights[m];
            names += (names.empty() ? "" : " or ") + std::string(kMetricNames[m]);
        }
        if (out.weights[d] > 0 && metrics <= 0)
            r.fail(Reader::join(path, "metric_weights"),
                   std::string("a weight > 0 for ") + names + " (the " + kDimensionNames[d] + " dimension has weight " +
                       json(out.weights[d]).dump() + ")",
                   r.object(p, "metric_weights", path), "profile_cannot_score");
    }
    if (total <= 0)
        r.fail(Reader::join(path, "weights"), "at least one dimension weight > 0", r.object(p, "weights", path),
               "profile_cannot_score");
}

// Reads a profile; every field left out keeps `base`'s value.
Profile read_profile(const Reader& r, const json& p, const std::string& path, const Profile& base) {
    if (!p.is_object()) r.fail(path.empty() ? "(top level)" : path, "a profile object", &p);
    Profile out = base;
    out.id = r.string(p, "id", path).value_or(base.id);
    if (const json* name = r.object(p, "name", path)) {
        out.name_en = r.string(*name, "en", Reader::join(path, "name")).value_or(out.name_en);
        out.name_zh = r.string(*name, "zh", Reader::join(path, "name")).value_or(out.name_zh);
    }
    out.categories = read_string_list(r, p, "categories", path, base.categories);
    if (const json* w = r.object(p, "weights", path))
        for (size_t d = 0; d < kDimensionCount; ++d)
            out.weights[d] = positive(r, *w, kDimensionNames[d], Reader::join(path, "weights"), base.weights[d], kMaxWeight);
    if (const json* w = r.object(p, "metric_weights", path))
        for (size_t m = 0; m < kMetricCount; ++m)
            out.metric_weights[m] =
                positive(r, *w, kMetricNames[m], Reader::join(path, "metric_weights"), base.metric_weights[m],
                         kMaxWeight);
    if (const json* b = r.object(p, "benchmarks", path)) {
        for (size_t m = 0; m < kMetricCount; ++m) {
            const std::string bpath = Reader::join(Reader::join(path, "benchmarks"), kMetricNames[m]);
            const json* one = r.object(*b, kMetricNames[m], Reader::join(path, "benchmarks"));
            if (!one) continue;
            Benchmark& bench = out.benchmarks[m];
            bench.good = positive(r, *one, "good", bpath, bench.good);
            bench.poor = positive(r, *one, "poor", bpath, bench.poor);
            // The curve needs best -> good -> poor in order: lower is better except for otdr.
            // Rates are fractions (at most 1); hours are capped by `positive`.
            const bool ordered = m == kOtdr ? (bench.good < 1.0 && bench.poor < bench.good)
                                            : (bench.good > 0 && bench.poor > bench.good && (m == kAht || bench.poor <= 1.0));
            if (!ordered)
                r.fail(bpath, m == kOtdr ? "poor < good < 1 (on-time rate: higher is better)"
                              : m == kAht ? "0 < good < poor (lower is better)"
                                          : "0 < good < poor <= 1 (lower is better)",
                       one, "bad_benchmark");
            read_curve_ends(r, *one, bpath, static_cast<MetricId>(m), bench);
        }
    }
    out.volume_prior = positive(r, p, "volume_prior", path, base.volume_prior);
    if (auto sla = r.integer(p, "delivery_sla_business_days", path)) {
        if (*sla < 1 || *sla > 60) r.fail(Reader::join(path, "delivery_sla_business_days"), "1-60", &p.at("delivery_sla_business_days"));
        out.delivery_sla_business_days = static_cast<int>(*sla);
    }
    if (const json* pr = r.object(p, "protection", path)) {
        const std::string ppath = Reader::join(path, "protection");
        Protection& prot = out.protection;
        if (auto age = r.integer(*pr, "max_shop_age_days", ppath)) {
            if (*age < 0 || *age > 36600) r.fail(Reader::join(ppath, "max_shop_age_days"), "0-36600 days", &pr->at("max_shop_age_days"));
            prot.max_shop_age_days = static_cast<int>(*age);
        }
        prot.max_orders = positive(r, *pr, "max_orders", ppath, prot.max_orders);
        prot.max_affected = positive(r, *pr, "max_affected", ppath, prot.max_affected);
        prot.floor = positive(r, *pr, "floor", ppath, prot.floor, 5.0);  // scores are 0-5
        prot.imd_floor = positive(r, *pr, "imd_floor", ppath, prot.imd_floor, 5.0);
        if (auto combine = r.string(*pr, "combine", ppath)) {
            if (*combine != "all" && *combine != "any")
                r.fail(Reader::join(ppath, "combine"), "\"all\" or \"any\"", &pr->at("combine"));
            prot.combine = *combine == "all" ? ProtectionCombine::all : ProtectionCombine::any;
        }
    }
    if (const json* f = r.object(p, "fault_reasons", path)) {
        const std::string fpath = Reader::join(path, "fault_reasons");
        FaultReasons& fr = out.fault_reasons;
        fr.seller_fault = read_string_list(r, *f, "seller_fault", fpath, fr.seller_fault);
        fr.buyer_fault = read_string_list(r, *f, "buyer_fault", fpath, fr.buyer_fault);
        fr.carrier_fault = read_string_list(r, *f, "carrier_fault", fpath, fr.carrier_fault);
        fr.late_shipment_cancel = read_string_list(r, *f, "late_shipment_cancel", fpath, fr.late_shipment_cancel);
        fr.seller_cancel = read_string_list(r, *f, "seller_cancel", fpath, fr.seller_cancel);
        fr.buyer_cancel = read_string_list(r, *f, "buyer_cancel", fpath, fr.buyer_cancel);
        fr.system_late_cancel = read_string_list(r, *f, "system_late_cancel", fpath, fr.system_late_cancel);
    }
    check_weights(r, p, path, out);
    return out;
}

}  // namespace

const std::string& default_profile_json() {
    static const std::string text = embedded::default_profile_json;
    return text;
}

const Profile& default_profile() {
    static const Profile profile = [] {
        Reader r("default_profile.json");
        return read_profile(r, json_read::parse(default_profile_json(), "default_profile.json"), "", Profile{});
    }();
    return profile;
}

std::vector<Profile> profiles_from_json(std::string_view text, const std::string& file_name) {
    const json root = json_read::parse(text, file_name);
    Reader r(file_name);
    std::vector<Profile> out;
    if (root.is_array()) {
        for (size_t i = 0; i < root.size(); ++i) out.push_back(read_profile(r, root[i], Reader::index("", i), default_profile()));
    } else {
        out.push_back(read_profile(r, root, "", default_profile()));
    }
    return out;
}

// The insight options of the WASM call (docs/insights.md): targets, moved_from/moved_to,
// scenarios {fbt_share, warehouse_delivery_days, aht_cap_hours, carrier_return_cut, im_cut},
// diagnostics_rows.
static void read_insight_options(const Reader& r, const json& root, InsightOptions& o) {
    if (const json* targets = r.array(root, "targets", "")) {
        for (size_t i = 0; i < targets->size(); ++i) {
            const json& t = (*targets)[i];
            if (!t.is_number() || t.get<double>() < 0 || t.get<double>() > 5) r.fail(Reader::index("targets", i), "a score from 0 to 5", &t);
            o.targets.push_back(t.get<double>());
        }
    }
    o.moved_from = r.day(root, "moved_from", "");
    o.csv = r.string(root, "csv", "").value_or("");
    o.moved_to = r.day(root, "moved_to", "");
    if (auto rows = r.integer(root, "diagnostics_rows", "")) {
        if (*rows < 0 || *rows > 100000) r.fail("diagnostics_rows", "a number of rows 0-100000", &root.at("diagnostics_rows"));
        o.diagnostics_rows = static_cast<int>(*rows);
    }
    const json* sc = r.object(root, "scenarios", "");
    if (!sc) return;
    auto share = [&](const char* key, double& field) {
        if (auto v = r.number(*sc, key, "scenarios")) {
            if (*v < 0 || *v > 1) r.fail(Reader::join("scenarios", key), "a share from 0 to 1", &sc->at(key));
            field = *v;
        }
    };
    share("fbt_share", o.scenarios.fbt_share);
    share("carrier_return_cut", o.scenarios.carrier_return_cut);
    share("im_cut", o.scenarios.im_cut);
    if (auto days = r.integer(*sc, "warehouse_delivery_days", "scenarios")) {
        if (*days < 1 || *days > 60) r.fail("scenarios.warehouse_delivery_days", "a number of business days 1-60", &sc->at("warehouse_delivery_days"));
        o.scenarios.warehouse_delivery_days = static_cast<int>(*days);
    }
    if (auto hours = r.number(*sc, "aht_cap_hours", "scenarios")) {
        if (*hours <= 0 || *hours > 10000) r.fail("scenarios.aht_cap_hours", "a number of hours above 0", &sc->at("aht_cap_hours"));
        o.scenarios.aht_cap_hours = *hours;
    }
}

ScoreOptions score_options_from_json(std::string_view text) {
    ScoreOptions options;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return options;
    const std::string file = "options";
    const json root = json_read::parse(text, file);
    Reader r(file);
    if (!root.is_object()) r.fail("(top level)", "an options object", &root);
    options.as_of = r.day(root, "as_of", "");
    options.source_name = r.string(root, "file", "").value_or("");
    options.insights = r.boolean(root, "insights", "").value_or(false);
    read_insight_options(r, root, options.insight_options);
    if (!options.insight_options.csv.empty()) options.insights = true;
    if (const json* shop = r.object(root, "shop", "")) options.shop = read_shop(r, *shop, "shop");
    if (const json* metrics = r.object(root, "metrics", "")) options.metrics = read_direct_metrics(r, *metrics, "metrics");
    if (auto it = root.find("profile"); it != root.end() && !it->is_null()) {
        if (it->is_array()) {
            for (size_t i = 0; i < it->size(); ++i)
                options.profiles.push_back(read_profile(r, (*it)[i], Reader::index("profile", i), default_profile()));
        } else {
            options.profiles.push_back(read_profile(r, *it, "profile", default_profile()));
        }
    }
    return options;
}

}  // namespace shopscore
