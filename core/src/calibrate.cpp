// calibrate(): snapshots -> the profile they imply and how well it reproduces them
// (docs/calibration.md). Lines and dimension weights are taken as shown; the fit
// (calibrate_fit.cpp) finds the rest from the shown scores; metric values Seller Center counts
// differently from the exports are findings (calibrate_findings.cpp).
#include <algorithm>
#include <cmath>

#include "calibrate_internal.h"
#include "shopscore/score.h"

namespace shopscore {
namespace calibration {
namespace {

// A shown metric value agrees with the exports' when it is the same at the precision Seller
// Center shows: two decimals of a percent, one decimal of an hour.
double value_tolerance(MetricId m) { return (m == kAht ? 0.05 : 0.00005) + 1e-9; }

// The latest shown lines and weights over `base`: the profile being fitted. A line pair the
// profile reader would refuse (out of order) keeps the base's.
Profile shown_profile(const std::vector<Snapshot>& snapshots, const Profile& base, const Snapshot* only,
                      std::vector<std::string>& notes) {
    Profile p = base;
    std::array<std::optional<Benchmark>, kMetricCount> seen_lines{};
    std::array<std::optional<double>, kDimensionCount> seen_weights{};
    for (const Snapshot& s : snapshots) {
        if (only && &s != only) continue;
        for (size_t m = 0; m < kMetricCount; ++m) {
            const ShownMetric& sm = s.metrics[m];
            Benchmark b = p.benchmarks[m];
            if (sm.line_4) b.good = *sm.line_4;
            if (sm.line_1) b.poor = *sm.line_1;
            const bool ordered = m == kOtdr ? b.good < 1.0 && b.poor < b.good : b.good > 0 && b.poor > b.good;
            if (!ordered) {
                notes.push_back(std::string("lines_out_of_order:") + kMetricNames[m]);
                continue;
            }
            if (seen_lines[m] && (seen_lines[m]->good != b.good || seen_lines[m]->poor != b.poor))
                notes.push_back(std::string("lines_changed:") + kMetricNames[m]);
            seen_lines[m] = b;
            p.benchmarks[m].good = b.good;
            p.benchmarks[m].poor = b.poor;
        }
        for (size_t d = 0; d < kDimensionCount; ++d) {
            const auto& w = s.dimensions[d].weight;
            if (!w) continue;
            if (seen_weights[d] && *seen_weights[d] != *w) notes.push_back(std::string("weights_changed:") + kDimensionNames[d]);
            seen_weights[d] = *w;
            p.weights[d] = *w;
        }
    }
    return p;
}

// score() on the snapshot's day, kept as an observation; a shown metric value that differs from
// the exports' is what Seller Center scored, so it replaces the computed one (a finding).
Observation observe(const Dataset& dataset, const Snapshot& snap, const Profile& lines, ScoreCache& cache,
                    std::array<MetricResult, kMetricCount>& exports, std::vector<ValueFinding>& findings) {
    ScoreOptions options;
    options.as_of = snap.as_of;
    options.profiles = {lines};
    const Result r = score(dataset, options, &cache);
    Observation o;
    o.as_of = r.as_of;
    o.measured = exports = r.metrics;
    o.delivered_90d = r.delivered_orders_90d;
    const Shop& shop = dataset.shop;
    o.opened_known = shop.opened.has_value() && r.as_of != kNoDay;
    o.shop_age_ok = o.opened_known && (r.as_of - *shop.opened) < lines.protection.max_shop_age_days;
    o.scratch = lines;
    o.scratch.fault_reasons = {};  // not read when re-scoring; a lighter copy
    for (size_t m = 0; m < kMetricCount; ++m) {
        const auto id = static_cast<MetricId>(m);
        const auto& shown = snap.metrics[m].value;
        MetricResult& mr = o.measured[m];
        if (!shown || (!mr.no_data && std::fabs(*shown - *mr.value) <= value_tolerance(id))) continue;
        ValueFinding f;
        f.as_of = r.as_of;
        f.metric = id;
        f.shown = *shown;
        f.computed = mr.value;
        f.denominator = mr.denominator;
        if (mr.numerator && mr.denominator) {
            // k records counted the other way. A cancellation that is not the seller's fault
            // leaves SFCR's denominator too: (n + k) / (d + k) = shown. Elsewhere the
            // denominator stays: (n + k) / d = shown.
            const double n = *mr.numerator, d = *mr.denominator;
            const double k = id == kSfcr ? (*shown < 1 ? (*shown * d - n) / (1 - *shown) : 0) : *shown * d - n;
            f.count_difference = k;
            mr.numerator = n + k;
            if (id == kSfcr) mr.denominator = d + k;
            mr.affected = id == kOtdr ? *mr.denominator - *mr.numerator : *mr.numerator;
        } else {
            mr.numerator = mr.denominator = mr.affected = std::nullopt;  // a value alone: no prior
        }
        mr.value = *shown;
        mr.no_data = false;
        findings.push_back(f);
    }
    return o;
}

bool rounds_to(double computed, double shown) { return computed >= shown_low(shown) && computed < shown_high(shown); }

SnapshotReport compare(const Snapshot& snap, const Observation& o, const std::array<MetricResult, kMetricCount>& exports,
                       const Scored& s) {
    SnapshotReport rep;
    rep.as_of = o.as_of;
    rep.matches = true;
    auto score_row = [&](std::string what, bool shown_at_all, const std::optional<double>& shown,
                         const std::optional<double>& computed) {
        if (!shown_at_all) return;
        Comparison c{std::move(what), shown, computed, false};
        c.matches = shown ? computed && rounds_to(*computed, *shown) : !computed;
        rep.matches = rep.matches && c.matches;
        rep.comparisons.push_back(c);
    };
    score_row("sps", snap.sps_shown, snap.sps, s.sps);
    for (size_t d = 0; d < kDimensionCount; ++d)
        score_row(kDimensionNames[d], snap.dimensions[d].shown, snap.dimensions[d].score, s.dimensions[d]);
    for (size_t m = 0; m < kMetricCount; ++m) {
        const ShownMetric& sm = snap.metrics[m];
        if (sm.value) {
            const auto& v = exports[m].value;
            const bool same = v && std::fabs(*v - *sm.value) <= value_tolerance(static_cast<MetricId>(m));
            rep.comparisons.push_back({std::string(kMetricNames[m]) + ".value", sm.value, v, same});
        }
        score_row(std::string(kMetricNames[m]) + ".score", sm.score.has_value(), sm.score, s.metrics[m]);
    }
    return rep;
}

}  // namespace
}  // namespace calibration

Calibration calibrate(const Dataset& dataset, const std::vector<Snapshot>& snapshots, const Profile& base) {
    using namespace calibration;
    Calibration out;
    Profile target = shown_profile(snapshots, base, nullptr, out.notes);
    for (const Snapshot& s : snapshots)
        if (!s.category.empty()) {
            target.id = s.category;
            target.categories = {s.category};
        }
    target.name_en = (base.name_en.empty() ? base.id : base.name_en) + " (calibrated)";
    target.name_zh = (base.name_zh.empty() ? base.id : base.name_zh) + "(已校准)";

    ScoreCache cache;
    std::vector<Observation> observations;
    std::vector<std::array<MetricResult, kMetricCount>> exports;
    for (const Snapshot& s : snapshots) {
        std::vector<std::string> ignored;
        const Profile lines = shown_profile(snapshots, target, &s, ignored);  // this day's own lines over the latest
        exports.emplace_back();
        observations.push_back(observe(dataset, s, lines, cache, exports.back(), out.findings));
    }
    for (ValueFinding& f : out.findings) find_candidates(dataset, target, f);

    FitResult fitted = fit(observations, snapshots, target);
    apply(fitted.fitted, target);
    out.profile = target;
    out.parameters = std::move(fitted.report);
    out.matches = true;
    for (size_t i = 0; i < snapshots.size(); ++i) {
        SnapshotReport rep = compare(snapshots[i], observations[i], exports[i], score_observation(observations[i]));
        out.matches = out.matches && rep.matches;
        for (const Comparison& c : rep.comparisons) {
            if (c.what.find(".value") != std::string::npos || !c.shown || !c.computed) continue;
            // In tenths, as the page shows them (0.9, not 0.8999999999999999).
            const double gap = std::round(std::fabs(std::floor(*c.computed * 10 + 0.5 + 1e-9) - *c.shown * 10)) / 10;
            if (!out.largest || gap > out.largest_gap) {
                out.largest = c;
                out.largest_as_of = rep.as_of;
                out.largest_gap = gap;
            }
        }
        out.snapshots.push_back(std::move(rep));
    }
    return out;
}

}  // namespace shopscore
