// The steps of score(), private to the core: reason classification, per-day counters, the
// curve and protection, benefits. Each lives in its own .cpp; score.cpp strings them together.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shopscore/dataset.h"
#include "shopscore/profile.h"
#include "shopscore/result.h"

namespace shopscore {

// ---- fault_reasons.cpp -------------------------------------------------------------------
enum class Fault { seller, buyer, unmapped };

// The profile's fault rules, parsed once (scoring classifies many reasons with one profile).
class FaultClassifier {
public:
    explicit FaultClassifier(const FaultReasons& reasons);
    // A return/refund reason: seller or carrier fault counts in NBFR; unknown counts as buyer
    // fault and is reported as unmapped.
    Fault return_reason(std::string_view reason) const;
    // A cancellation (SPEC §10): a late-shipment reason is seller fault whoever cancelled; by the
    // seller -> seller fault unless on the buyer's request or for non-payment; by the buyer -> not;
    // by the system -> seller fault for the seller/carrier-fault reasons; canceller unknown ->
    // judged by the reason text alone (unmapped when no list knows it).
    Fault cancellation(CancelBy by, std::string_view reason) const;

private:
    struct Rules;
    std::shared_ptr<const Rules> rules_;
};

// One-off forms of the above (tests).
Fault classify_return_reason(const FaultReasons& reasons, std::string_view reason);
Fault classify_cancellation(const FaultReasons& reasons, CancelBy by, std::string_view reason);

// ---- daily_counters.cpp ------------------------------------------------------------------
// Numerator and denominator of one metric over some days. For aht the numerator is hours.
struct Counts {
    double numerator = 0;
    double denominator = 0;
    double affected = 0;  // orders that hurt the metric (late orders for otdr), for protection
};

// Everything scoring needs, counted per day over the 90 days ending on `as_of`. Each record is
// keyed by the day that decides its window (delivered day for nrr/nbfr, deliver-by day for otdr,
// created day for sfcr, ended day for imd, requested day for aht); anything that happens after
// as_of is not yet known and is left out. A window is then a sum over its days, so trends,
// forecasts and what-ifs need no rescan of the records.
class DailyCounters {
public:
    static constexpr int kDays = 90;

    DailyCounters(const Dataset& dataset, const Profile& profile, Day as_of);

    Counts metric(MetricId metric, int window_days) const;
    int64_t delivered(int window_days) const;
    // Counted initial reviews created in the window, and how many of them gave 4-5 stars.
    Counts positive_reviews(int window_days) const;
    // The category with most delivered orders in the 90 days ("" when none).
    std::string main_category() const;
    const std::vector<Warning>& warnings() const { return warnings_; }

private:
    int slot(Day d) const { return d > as_of_ || d <= as_of_ - kDays ? -1 : kDays - 1 - (as_of_ - d); }
    void add(std::array<Counts, kDays>& series, Day d, double numerator, double denominator, double affected);
    void count_orders(const Dataset& dataset, const Profile& profile);
    void count_reviews(const Dataset& dataset);
    void count_after_sales(const Dataset& dataset, const Profile& profile);
    void count_chats(const Dataset& dataset);

    Day as_of_;
    std::array<std::array<Counts, kDays>, kMetricCount> metrics_{};
    std::array<int64_t, kDays> delivered_{};
    std::array<Counts, kDays> reviews_{};
    std::map<std::string, int64_t> categories_;
    std::vector<Warning> warnings_;
};

// What of a profile the counters depend on, as a string key for ScoreCache: every profile field
// DailyCounters reads. Keep it in step with count_orders/count_after_sales: a field read there
// and missing here would let a re-score reuse counts made with the old value.
std::string counting_key(const Profile& profile);

// The day an order must be delivered by: from the data, else created + N US business days
// (regular: profile SLA; made-to-order/pre-order: handling_days + 5). kNoDay when unknown.
Day deliver_by_day(const Order& order, const Profile& profile);

// ---- data_checks.cpp ---------------------------------------------------------------------
// as_of when neither the options nor the shop give it (outlier-resistant, may add a warning).
std::optional<Day> default_as_of(const Dataset& dataset, std::vector<Warning>& warnings);
// Warnings for records that contradict themselves and for an as_of before the shop or the data.
void check_dataset(const Dataset& dataset, const Shop& shop, std::optional<Day> as_of, std::vector<Warning>& warnings);

// ---- curve.cpp ---------------------------------------------------------------------------
// Piecewise linear through (best,5), (good,4), (poor,1), (worst,0), clamped to 0..5.
double curve_score(MetricId metric, const Benchmark& benchmark, double value);
// The volume prior: (numerator + k*good) / (denominator + k).
double volume_adjusted(double numerator, double denominator, double k, double good);

// ---- score.cpp ---------------------------------------------------------------------------
// Dimension scores from metric scores, and the SPS from those (nullopt: no dimension has data).
std::optional<double> combine_dimensions(const std::array<MetricResult, kMetricCount>& metrics, const Profile& profile,
                                         std::array<DimensionResult, kDimensionCount>& dimensions);

// ---- insights.cpp ------------------------------------------------------------------------
Insights compute_insights(const Result& result, const Profile& profile);

// ---- benefits.cpp ------------------------------------------------------------------------
std::vector<BenefitResult> decide_benefits(const Result& result, const Shop& shop,
                                           std::optional<double> positive_rating_rate);
int settlement_days(const Result& result);

}  // namespace shopscore
