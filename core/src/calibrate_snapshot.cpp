// Seller Center snapshots in ShopScore's own form (docs/calibration.md "Input"), and the merging
// of snapshot parts by date; the official API's responses are read in calibrate_api.cpp.
#include <algorithm>

#include "calibrate_internal.h"

namespace shopscore {
namespace calibration {
namespace {

// A score as shown: 0-5 or null (No data).
void read_score(const Reader& r, const json& obj, const char* key, const std::string& path, bool& shown,
                std::optional<double>& score) {
    if (!obj.is_object() || !obj.contains(key)) return;
    shown = true;
    score = r.number(obj, key, path);
    if (score && !(*score >= 0 && *score <= 5)) r.fail(Reader::join(path, key), "a score from 0 to 5", &obj.at(key));
}

std::optional<double> fraction(const Reader& r, const json& obj, const char* key, const std::string& path,
                               const char* hint) {
    auto v = r.number(obj, key, path);
    if (v && !(*v >= 0 && *v <= 1)) r.fail(Reader::join(path, key), std::string("a fraction from 0 to 1 (") + hint + ")", &obj.at(key), "snapshot_bad_unit");
    return v;
}

void read_metric(const Reader& r, const json& m, const std::string& path, MetricId id, ShownMetric& out) {
    auto value = [&](const char* key) {
        if (id != kAht) return fraction(r, m, key, path, "rates are fractions: 0.85 % is 0.0085");
        auto v = r.number(m, key, path);
        if (v && !(*v >= 0 && *v <= 1e6)) r.fail(Reader::join(path, key), "hours from 0 to 1000000", &m.at(key));
        return v;
    };
    out.value = value("value");
    out.line_4 = value("line_4");
    out.line_1 = value("line_1");
    bool shown = false;
    read_score(r, m, "score", path, shown, out.score);
}

Snapshot read_own(const Reader& r, const json& s, const std::string& path) {
    Snapshot out;
    out.as_of = r.day(s, "as_of", path);
    read_score(r, s, "sps", path, out.sps_shown, out.sps);
    if (const json* dims = r.object(s, "dimensions", path)) {
        const std::string dpath = Reader::join(path, "dimensions");
        for (auto it = dims->begin(); it != dims->end(); ++it) {
            const auto at = std::find(kDimensionNames.begin(), kDimensionNames.end(), it.key());
            if (at == kDimensionNames.end())
                r.fail(Reader::join(dpath, it.key().c_str()), "a dimension: product, fulfillment or service", &it.value(), "snapshot_unknown_name");
            ShownDimension& d = out.dimensions[at - kDimensionNames.begin()];
            const std::string one = Reader::join(dpath, it.key().c_str());
            const json* card = r.object(*dims, it.key().c_str(), dpath);
            if (!card) continue;
            read_score(r, *card, "score", one, d.shown, d.score);
            d.weight = fraction(r, *card, "weight", one, "weights are fractions: 52 % is 0.52");
        }
    }
    if (const json* metrics = r.object(s, "metrics", path)) {
        const std::string mpath = Reader::join(path, "metrics");
        for (auto it = metrics->begin(); it != metrics->end(); ++it) {
            const auto at = std::find(kMetricNames.begin(), kMetricNames.end(), it.key());
            if (at == kMetricNames.end())
                r.fail(Reader::join(mpath, it.key().c_str()), "a metric: nrr, nbfr, otdr, sfcr, imd or aht", &it.value(), "snapshot_unknown_name");
            const json* m = r.object(*metrics, it.key().c_str(), mpath);
            if (m) read_metric(r, *m, Reader::join(mpath, it.key().c_str()), static_cast<MetricId>(at - kMetricNames.begin()), out.metrics[at - kMetricNames.begin()]);
        }
    }
    return out;
}

// Lays `part` over `into`; a field given in both with different values is an error.
void merge(const Reader& r, const std::string& path, const Snapshot& part, Snapshot& into) {
    auto take = [&](std::optional<double>& field, const std::optional<double>& value, const std::string& what) {
        if (!value) return;
        if (field && *field != *value) {
            const json got = *value;
            r.fail(Reader::join(path, what.c_str()), "the value another part of the same day gives (" + json(*field).dump() + ")", &got, "snapshot_conflict");
        }
        field = value;
    };
    if (part.sps_shown) {
        take(into.sps, part.sps, "sps");
        into.sps_shown = true;
    }
    for (size_t d = 0; d < kDimensionCount; ++d) {
        const ShownDimension& p = part.dimensions[d];
        if (p.shown) into.dimensions[d].shown = true;
        take(into.dimensions[d].score, p.score, std::string(kDimensionNames[d]) + ".score");
        take(into.dimensions[d].weight, p.weight, std::string(kDimensionNames[d]) + ".weight");
    }
    for (size_t m = 0; m < kMetricCount; ++m) {
        const ShownMetric& p = part.metrics[m];
        ShownMetric& o = into.metrics[m];
        const std::string name = kMetricNames[m];
        take(o.value, p.value, name + ".value");
        take(o.line_4, p.line_4, name + ".line_4");
        take(o.line_1, p.line_1, name + ".line_1");
        take(o.score, p.score, name + ".score");
    }
    if (!part.category.empty()) into.category = part.category;
}

}  // namespace
}  // namespace calibration

std::vector<Snapshot> snapshots_from_json(std::string_view text, const std::string& file_name) {
    using namespace calibration;
    const json root = json_read::parse(text, file_name);
    Reader r(file_name);
    std::vector<const json*> items;
    if (root.is_array()) {
        for (const json& item : root) items.push_back(&item);
    } else {
        items.push_back(&root);
    }
    if (items.empty()) r.fail("(top level)", "at least one snapshot", &root, "snapshot_none");
    std::vector<Snapshot> out;
    for (size_t i = 0; i < items.size(); ++i) {
        const json& item = *items[i];
        const std::string path = root.is_array() ? Reader::index("", i) : "";
        if (!item.is_object()) r.fail(path.empty() ? "(top level)" : path, "a snapshot object", &item);
        Snapshot part;
        if (is_api_response(item)) {
            part.as_of = r.day(item, "as_of", path);
            read_api_response(r, item, path, part);
        } else {
            part = read_own(r, item, path);
        }
        auto same_day = std::find_if(out.begin(), out.end(), [&](const Snapshot& s) { return s.as_of == part.as_of; });
        if (same_day == out.end()) out.push_back(part);
        else merge(r, path, part, *same_day);
    }
    // By date, the undated one (the dataset's own day) last.
    std::stable_sort(out.begin(), out.end(), [](const Snapshot& a, const Snapshot& b) {
        return a.as_of && (!b.as_of || *a.as_of < *b.as_of);
    });
    return out;
}

}  // namespace shopscore
