// Shops and hidden profiles for the calibration tests (docs/calibration.md "How it was tested"):
// a generated shop runs 180 days with slowly drifting rates; a hidden profile drawn at random
// plays Seller Center on it, showing what the SPS page shows, rounded as the page rounds.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "shopscore/calibrate.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

namespace calibration_test {

using nlohmann::json;
using namespace shopscore;

inline double round_to(double v, double step) { return std::floor(v / step + 0.5 + 1e-9) * step; }
inline double shown_score(double v) { return std::floor(v * 10 + 0.5 + 1e-9) / 10; }

constexpr int kShopDays = 180;
inline const Day kLastDay = *parse_day("2026-11-30");

inline std::string stamp(Day day, int hour) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, " %02d:00", hour);
    return format_day(day) + buffer;
}

// A shop of `orders_per_day` orders a day (on average) whose rates drift over the 180 days.
inline Dataset generated_shop(uint32_t seed, double orders_per_day) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    auto between = [&](double a, double b) { return a + (b - a) * u(rng); };
    // Each rate: a base and a drift (a slow sine with a random phase), so windows move.
    auto rate = [&](double lo, double hi) {
        const double base = between(lo, hi), swing = between(0.1, 0.6) * base, phase = between(0, 6.28);
        return [=](int day) { return base + swing * std::sin(phase + day / 25.0); };
    };
    const auto negative = rate(0.002, 0.04), returned = rate(0.004, 0.05), late = rate(0.005, 0.12),
               cancelled = rate(0.002, 0.03), dissatisfied = rate(0.05, 0.45), hours = rate(8, 70);
    json shop = {{"opened", "2024-01-01"}, {"utc_offset", "+00:00"}};
    json orders = json::array(), reviews = json::array(), after_sales = json::array(), chats = json::array();
    std::poisson_distribution<int> per_day(orders_per_day), chats_per_day(orders_per_day / 4 + 1);
    const Day first = kLastDay - kShopDays + 1;
    int id = 0;
    for (Day d = first; d <= kLastDay; ++d) {
        const int t = d - first;
        for (int n = per_day(rng); n > 0; --n) {
            const std::string oid = "O" + std::to_string(++id);
            json o = {{"id", oid}, {"created", stamp(d, 10)}, {"fulfillment", "seller"}, {"type", "regular"},
                      {"category", "Home Supplies"}, {"sku", "S1"}, {"flags", json::array()}};
            if (u(rng) < cancelled(t)) {
                o["cancelled"] = stamp(d, 20);
                o["cancel_by"] = "seller";
                o["cancel_reason"] = "Out of stock";
                orders.push_back(o);
                continue;
            }
            const Day delivered = d + (u(rng) < late(t) ? 14 : 3);
            o["delivered"] = stamp(delivered, 12);
            orders.push_back(o);
            if (u(rng) < 0.3)
                reviews.push_back({{"order_id", oid}, {"sku", "S1"}, {"rating", u(rng) < negative(t) / 0.3 ? 1 : 5},
                                   {"created", stamp(delivered + 2, 9)}, {"flags", json::array()}});
            if (u(rng) < returned(t)) {
                const int handled = static_cast<int>(std::max(1.0, -std::log(1 - u(rng)) * hours(t)));
                after_sales.push_back({{"order_id", oid}, {"type", "refund"}, {"reason", "Item damaged"},
                                       {"requested", stamp(delivered + 2, 8)}, {"handled_by", "seller"},
                                       {"decided", stamp(delivered + 2 + (8 + handled) / 24, (8 + handled) % 24)},
                                       {"flags", json::array()}});
            }
        }
        for (int n = chats_per_day(rng); n > 0; --n)
            chats.push_back({{"id", "C" + std::to_string(++id)}, {"ended", stamp(d, 15)},
                             {"rating", u(rng) < dissatisfied(t) ? 1 : 5}});
    }
    const json dataset = {{"schema", "shopscore.dataset/1"}, {"shop", shop}, {"orders", orders},
                          {"reviews", reviews}, {"after_sales", after_sales}, {"chats", chats}};
    return dataset_from_json(dataset.dump(), "generated.json");
}

// A category profile Seller Center might use: every number the model has, drawn at random.
inline Profile hidden_profile(uint32_t seed) {
    std::mt19937 rng(seed * 7919u + 1);
    std::uniform_real_distribution<double> u(0, 1);
    auto between = [&](double a, double b) { return a + (b - a) * u(rng); };
    Profile p = default_profile();
    p.id = "hidden";
    double total = 0;
    for (double& w : p.weights) total += (w = between(0.15, 0.6));
    for (double& w : p.weights) w = round_to(w / total, 0.01);  // the page shows whole percents
    for (double& w : p.metric_weights) w = between(0.2, 3);
    p.volume_prior = between(0, 60);
    for (size_t m = 0; m < kMetricCount; ++m) {
        Benchmark& b = p.benchmarks[m];
        const double step = m == kAht ? 0.1 : 0.0001;  // lines as the page shows them
        if (m == kOtdr) {
            b.good = round_to(1 - (1 - b.good) * between(0.7, 1.3), step);
            b.poor = round_to(1 - (1 - b.poor) * between(0.7, 1.3), step);
            if (b.poor >= b.good) b.poor = b.good - 0.03;
        } else {
            b.good = round_to(b.good * between(0.7, 1.3), step);
            b.poor = round_to(b.poor * between(0.7, 1.3), step);
            if (b.poor <= b.good) b.poor = b.good * 1.5;
        }
        const double gap = std::fabs(b.poor - b.good);
        b.best = m == kOtdr ? b.good + (1 - b.good) * between(0.4, 1) : b.good * between(0, 0.6);
        b.worst = m == kOtdr ? b.poor - gap * between(0.1, 2) : b.poor + gap * between(0.1, 2);
        if (m == kOtdr && *b.worst < 0) b.worst = 0.0;
    }
    return p;
}

inline Result score_on(const Dataset& d, const Profile& p, Day day) {
    ScoreOptions o;
    o.as_of = day;
    o.profiles = {p};
    return score(d, o);
}

// What the SPS page shows on `day` when Seller Center scores with `truth`.
inline Snapshot seller_center(const Dataset& d, const Profile& truth, Day day, bool metric_scores) {
    const Result r = score_on(d, truth, day);
    Snapshot s;
    s.as_of = day;
    s.sps_shown = true;
    if (r.sps) s.sps = shown_score(*r.sps);
    for (size_t i = 0; i < kDimensionCount; ++i) {
        s.dimensions[i].shown = true;
        if (r.dimensions[i].score) s.dimensions[i].score = shown_score(*r.dimensions[i].score);
        s.dimensions[i].weight = truth.weights[i];
    }
    for (size_t m = 0; m < kMetricCount; ++m) {
        const MetricResult& mr = r.metrics[m];
        ShownMetric& sm = s.metrics[m];
        sm.line_4 = truth.benchmarks[m].good;
        sm.line_1 = truth.benchmarks[m].poor;
        if (mr.no_data) continue;
        sm.value = round_to(*mr.value, m == kAht ? 0.1 : 0.0001);
        if (metric_scores) sm.score = shown_score(*mr.score);
    }
    return s;
}

}  // namespace calibration_test
