// Trend, forecast and why it moved (docs/rules.md §28-§30): scores of other days from the per-day counts.
//
// Every past day is scored with what was known on that day, as Seller Center showed it then: a
// record is keyed on the day that decides its window and on the day it became known (a review on
// its creation, a cancellation on its cancel day; docs/insights.md), so each trend point is
// `score --as-of` that day, from one pass over the records.
#include <algorithm>

#include "insights_scorer.h"

namespace shopscore {
namespace {

DayScore day_score(Day day, const ScoredDay& s) {
    DayScore d;
    d.day = day;
    d.sps = s.sps;
    d.scored = s.scored;
    for (size_t m = 0; m < kMetricCount; ++m) {
        d.values[m] = s.metrics[m].value;
        d.scores[m] = s.metrics[m].score;
    }
    return d;
}

}  // namespace

std::vector<DayScore> trend(const Scorer& s) {
    const DailyCounters& c = s.context().counters;
    std::vector<DayScore> out;
    if (c.first_data_day() == kNoDay) return out;
    // The last 90 days, from the first day the data covers and the shop existed (before it
    // opened Seller Center showed no score; score --as-of such a day is bad input).
    const Day first = std::max(c.as_of() - 89, std::max(c.first_data_day(), s.first_day()));
    for (Day d = first; d <= c.as_of(); ++d) out.push_back(day_score(d, s.past(d)));
    return out;
}

std::vector<ForecastDay> forecast(const Scorer& s) {
    const DailyCounters& c = s.context().counters;
    const Day as_of = c.as_of();
    // The last 30 days' per-day rates: `steady` keeps them; `clean` keeps the volumes with no
    // defects (otdr all on time). aht has no defect count: both keep its hours per request.
    MetricCounts steady, clean;
    for (size_t m = 0; m < kMetricCount; ++m) {
        const Counts last = c.metric_between(static_cast<MetricId>(m), as_of - 29, as_of);
        steady[m] = {last.numerator / 30, last.denominator / 30, last.affected / 30};
        clean[m] = {0, last.denominator / 30, 0};
        if (m == kOtdr) clean[m].numerator = clean[m].denominator;
        if (m == kAht) clean[m] = steady[m];
    }
    const double delivered_per_day = static_cast<double>(c.delivered_between(as_of - 29, as_of)) / 30;
    std::vector<ForecastDay> out;
    for (int ahead = 1; ahead <= 60; ++ahead) {
        const Day day = as_of + ahead;
        const MetricCounts kept = s.window_counts(day);  // the part of each window already counted
        ForecastDay f;
        f.day = day;
        const double delivered = static_cast<double>(c.delivered_between(day - 89, as_of)) + delivered_per_day * ahead;
        for (int which = 0; which < 2; ++which) {
            const MetricCounts& per_day = which == 0 ? clean : steady;
            MetricCounts counts = kept;
            for (size_t m = 0; m < kMetricCount; ++m) {
                const double days = std::min(ahead, kMetricWindowDays[m]);
                counts[m].numerator += per_day[m].numerator * days;
                counts[m].denominator += per_day[m].denominator * days;
                counts[m].affected += per_day[m].affected * days;
            }
            const ScoredDay snap = s.at(day, counts, delivered);
            (which == 0 ? f.clean : f.steady) = snap.scored ? snap.sps : std::nullopt;
        }
        out.push_back(f);
    }
    return out;
}

std::vector<Crossing> crossings(const std::optional<double>& today, const std::vector<ForecastDay>& days) {
    static const std::vector<std::pair<double, std::vector<std::string>>> kThresholds = {
        {2.5, {"flash_deals", "tiktok_funded_promotions", "shop_ads_boost"}},
        {3.5, {"affiliate", "settlement_accelerated", "official_shop", "mega_campaigns"}},
        {4.0, {"settlement_express", "gold_star", "silver_star"}}};
    std::vector<Crossing> out;
    for (const auto& [threshold, benefits] : kThresholds) {
        Crossing x;
        x.threshold = threshold;
        x.benefits = benefits;
        for (int which = 0; which < 2; ++which) {
            bool above = today && *today >= threshold;
            for (const ForecastDay& f : days) {
                const std::optional<double>& sps = which == 0 ? f.clean : f.steady;
                const bool now = sps && *sps >= threshold;
                if (now && !above && !x.reached[which]) x.reached[which] = f.day;
                if (!now && above && !x.lost[which]) x.lost[which] = f.day;
                above = now;
            }
        }
        out.push_back(x);
    }
    return out;
}

WhyMoved why_moved(const Scorer& s, Day from, Day to) {
    // Each day with its own profile (its main category may differ): the shares still sum to 1.
    const ScoredDay a = s.past(from), b = s.past(to);
    const std::array<double, kMetricCount> share_a = metric_shares(a.metrics, a.dimensions, *a.profile);
    const std::array<double, kMetricCount> share_b = metric_shares(b.metrics, b.dimensions, *b.profile);
    WhyMoved w;
    w.from = from;
    w.to = to;
    w.sps_from = a.sps;
    w.sps_to = b.sps;
    w.change = b.sps.value_or(0) - a.sps.value_or(0);
    for (size_t i = 0; i < kMetricCount; ++i) {
        const auto m = static_cast<MetricId>(i);
        const MetricResult &ma = a.metrics[m], &mb = b.metrics[m];
        MetricMove mv;
        mv.metric = m;
        mv.from_score = ma.score;
        mv.to_score = mb.score;
        mv.from_share = share_a[m];
        mv.to_share = share_b[m];
        const double sa = ma.score.value_or(0), sb = mb.score.value_or(0);
        // s_b*w_b - s_a*w_a summed over metrics is sps_b - sps_a exactly (the shares sum to 1).
        mv.contribution = sb * share_b[m] - sa * share_a[m];
        if (!ma.no_data && !mb.no_data) mv.score_effect = (sb - sa) * (share_a[m] + share_b[m]) / 2;
        mv.weight_effect = mv.contribution - mv.score_effect;
        mv.from_value = ma.value;
        mv.to_value = mb.value;
        mv.from_adjusted = ma.adjusted_value;
        mv.to_adjusted = mb.adjusted_value;
        // Inside the metric: days that left the window, days that entered it, the volume prior.
        const int W = kMetricWindowDays[m];
        const DailyCounters& c = s.context().counters;
        const Counts left = c.metric_between(m, from - W + 1, std::min(from, to - W));
        const Counts entered = c.metric_between(m, std::max(from + 1, to - W + 1), to);
        mv.left = {left.numerator, left.denominator};
        mv.entered = {entered.numerator, entered.denominator};
        if (ma.value && mb.value && ma.numerator && s.context().direct_metrics[m] == std::nullopt) {
            const double mid_den = *ma.denominator - left.denominator;
            if (mid_den > 0) {
                const double mid = (*ma.numerator - left.numerator) / mid_den;
                mv.left_effect = mid - *ma.value;
                mv.entered_effect = *mb.value - mid;
            }
            mv.adjustment_effect = (*mb.adjusted_value - *mb.value) - (*ma.adjusted_value - *ma.value);
        }
        w.metrics.push_back(mv);
    }
    return w;
}

}  // namespace shopscore
