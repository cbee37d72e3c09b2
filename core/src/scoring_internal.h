// The steps of score(), private to the core: reason classification, per-day counters, the
// curve and protection, benefits. Each lives in its own .cpp; score.cpp strings them together.
#pragma once

#include <array>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shopscore/dataset.h"
#include "shopscore/profile.h"
#include "shopscore/result.h"
#include "shopscore/score.h"

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
    // A cancellation (docs/rules.md §9): a late-shipment reason is seller fault whoever cancelled; by the
    // seller -> seller fault unless on the buyer's request or for non-payment; by the buyer -> not;
    // by the system -> seller fault for the seller/carrier-fault reasons; canceller unknown ->
    // judged by the reason text alone (unmapped when no list knows it).
    Fault cancellation(CancelBy by, std::string_view reason) const;
    // A seller-fault return reason that blames the delivery (the carrier_return_cut scenario).
    bool carrier_return(std::string_view reason) const;

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

// Everything scoring needs, counted per day over the `days` days ending on `as_of` (90 to score;
// insights ask for more so trends can look back). Each record is keyed by the day that decides
// its window (delivered day for nrr/nbfr, deliver-by day for otdr, created day for sfcr, ended
// day for imd, requested day for aht); anything that happens after as_of is not yet known and is
// left out. A window is then a sum over its days, so trends, forecasts and what-ifs need no
// rescan of the records.
class DailyCounters {
public:
    static constexpr int kDays = 90;

    DailyCounters(const Dataset& dataset, const Profile& profile, Day as_of, int days = kDays);

    // The counts that do not depend on the profile, made in one pass over the records, and the
    // orders the profile's SLA and fault mapping decide, summed by day: an SLA or fault-mapping
    // edit then recounts a few thousand sums, not every order (ScoreCache keeps one per as_of).
    struct Base;
    static std::shared_ptr<const Base> count_base(const Dataset& dataset, Day as_of, int days = kDays);
    DailyCounters(const Base& base, const Dataset& dataset, const Profile& profile);

    Counts metric(MetricId metric, int window_days) const { return metric_between(metric, as_of_ - window_days + 1, as_of_); }
    // Sums over the days first..last (inclusive), clipped to the days counted.
    Counts metric_between(MetricId metric, Day first, Day last) const;
    // As metric_between, with only what was known on `known_by` (<= as_of): the counts
    // `score --as-of known_by` makes, bit for bit (the same cells summed in the same order).
    Counts metric_known_by(MetricId metric, Day first, Day last, Day known_by) const;
    int64_t delivered(int window_days) const { return delivered_between(as_of_ - window_days + 1, as_of_); }
    int64_t delivered_between(Day first, Day last) const;
    // NBFR orders whose reason is a carrier's fault (a subset of the nbfr numerator), for scenarios.
    double carrier_nbfr_between(Day first, Day last) const;
    // Handling hours of each counted AHT request, by requested day (scenarios cap them).
    const std::vector<std::pair<Day, double>>& aht_requests() const { return aht_requests_; }
    // Counted initial reviews created in the window, and how many of them gave 4-5 stars.
    Counts positive_reviews(int window_days) const;
    // The category with most delivered orders in the 90 days ending on `last` (<= as_of; "" when
    // none): the shop's main category as `score --as-of last` finds it.
    std::string main_category(Day last) const;
    std::string main_category() const { return main_category(as_of_); }
    const std::vector<Warning>& warnings() const { return warnings_; }
    Day as_of() const { return as_of_; }
    Day first_counted_day() const { return as_of_ - days_ + 1; }
    // Cells of metric m kept once counted: its (window day, known day) cells that are not zero.
    size_t kept_cells(MetricId m) const { return kept_[m].size(); }
    // The earliest day any counted record is keyed on (kNoDay when none).
    Day first_data_day() const { return first_data_day_; }

private:
    DailyCounters(Day as_of, int days);
    int slot(Day d) const { return d > as_of_ || d <= as_of_ - days_ ? -1 : days_ - 1 - (as_of_ - d); }
    void add(std::vector<Counts>& series, Day d, double numerator, double denominator, double affected);
    // A metric's count keyed on window day `d` that is known from day `known` on (a review from
    // its creation, a cancellation from its cancel time, ...; kNoDay or a day before `d`: known
    // as soon as counted). Not added when known only after as_of.
    void add_metric(MetricId m, Day d, Day known, double numerator, double denominator, double affected);
    void finish_metrics();  // metrics_ from the kept cells (after the last add_metric and compact())
    void count_orders(const Dataset& dataset, Base& base);
    void count_reviews(const Dataset& dataset, Base& base);
    void count_after_sales(const Dataset& dataset, const Profile& profile);
    void count_chats(const Dataset& dataset);

    Day as_of_;
    int days_;
    Day first_data_day_ = kNoDay;
    // Per metric, a cell per (window day, known day), known day >= window day. While counting into
    // it: the upper triangle of a days x days square, row by row (row w holds known slots
    // w..days-1), made when first counted into. Once counted (compact(), after each counting
    // step), only the cells that are not zero, row by row in known-day order: most records are
    // known within days of their window day, so most of the triangle is zero (with insights, 180
    // days, a triangle is 391 KB, and ScoreCache keeps a base and a counters set per profile key;
    // a step counts into at most three metrics, so at most three triangles exist at once).
    // Skipping a zero cell leaves every sum bit for bit the same: no cell or sum is ever -0.0,
    // and x + 0.0 == x otherwise.
    std::array<std::vector<Counts>, kMetricCount> cells_;  // the triangles; empty when compact
    // Row w of metric m, indexed by known slot k >= w (the pointer is to where k = 0 would be).
    size_t row_offset(int w) const {
        const size_t r = static_cast<size_t>(w);
        return r * static_cast<size_t>(days_) - r * (r + 1) / 2;  // the cells of rows 0..w-1, less w
    }
    Counts* cell_row(MetricId m, int w) { return cells_[m].data() + row_offset(w); }
    struct KnownCell {
        int32_t known;  // known slot
        Counts counts;
    };
    std::array<std::vector<KnownCell>, kMetricCount> kept_;       // the cells that are not zero
    std::array<std::vector<uint32_t>, kMetricCount> kept_rows_;  // row w is kept_[m][rows[w], rows[w + 1])
    void compact();            // each metric's triangle, if it has one, -> its kept cells
    void expand(MetricId m);  // metric m's kept cells -> its triangle (to count more into it)
    std::array<std::vector<Counts>, kMetricCount> metrics_;
    std::vector<int64_t> delivered_;
    std::vector<Counts> reviews_;
    std::vector<double> carrier_nbfr_;
    std::vector<std::pair<Day, double>> aht_requests_;
    std::map<std::string, std::vector<int64_t>> categories_;  // delivered orders by day
    std::vector<Warning> warnings_;
};

struct DailyCounters::Base {
    Base(Day as_of, int days) : counted(as_of, days) {}
    DailyCounters counted;  // every count but the profile's part; no warnings
    // Not cancelled, not FBT, regular orders without a deliver-by date of their own: OTDR by the
    // profile's SLA. Delivered: the day, or kNoDay when not delivered by as_of.
    struct SlaOrders {
        Day created, delivered;
        Day cancelled;  // kNoDay when not cancelled by as_of: counted until its cancellation
        int64_t orders;
    };
    std::vector<SlaOrders> sla_orders;
    // Cancelled non-FBT orders created by as_of: SFCR by the fault mapping. In the order of
    // their first order (the unmapped-reason examples keep the same texts).
    struct Cancels {
        Day created;
        Day cancelled;
        CancelBy by;
        TextId reason;
        int64_t orders;
    };
    std::vector<Cancels> cancels;
    std::vector<Warning> order_warnings, review_warnings;  // their place among the counters' warnings
};

// The SLA orders' groups by (created, delivered, cancelled) day (count_orders): one look-up per
// order of the export, so an open-addressing table of indexes into the groups themselves (a
// power-of-two size, at most half full) instead of std::unordered_map's node per key and division
// by a prime. New groups are appended to `groups` in the order of their first order.
class SlaGroups {
public:
    using Group = DailyCounters::Base::SlaOrders;
    explicit SlaGroups(std::vector<Group>& groups) : groups_(groups), slots_(64, 0) {}
    Group& at(Day created, Day delivered, Day cancelled);  // found, or appended with 0 orders

private:
    static size_t hash(Day created, Day delivered, Day cancelled);
    void grow();
    std::vector<Group>& groups_;
    std::vector<uint32_t> slots_;  // index + 1 into groups_, 0 = free
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
// Orders named in a warning: at most 5 examples, all counted.
struct Examples {
    int64_t count = 0;
    std::vector<std::string> examples;
    void add(const Dataset& d, const Order& o);
};
// check_dataset's pass over the orders, which depends on the dataset alone (ScoreCache keeps it).
struct OrderChecks {
    Examples deliver_by_early, delivered_early;
    Day first = kNoDay;  // the earliest creation day
};
OrderChecks scan_orders(const Dataset& dataset);
void check_dataset(const OrderChecks& scanned, const Shop& shop, std::optional<Day> as_of, std::vector<Warning>& warnings);

// ---- curve.cpp ---------------------------------------------------------------------------
// Piecewise linear through (best,5), (good,4), (poor,1), (worst,0), clamped to 0..5.
double curve_score(MetricId metric, const Benchmark& benchmark, double value);
// The volume prior: (numerator + k*good) / (denominator + k).
double volume_adjusted(double numerator, double denominator, double k, double good);

// ---- score.cpp ---------------------------------------------------------------------------
// Dimension scores from metric scores, and the SPS from those (nullopt: no dimension has data).
std::optional<double> combine_dimensions(const std::array<MetricResult, kMetricCount>& metrics, const Profile& profile,
                                         std::array<DimensionResult, kDimensionCount>& dimensions);
// Each metric's part of the SPS, score x share (core/src/sps_parts.cpp, docs/history.md): the
// six parts sum to `sps` (up to rounding); all null when `sps` is null.
std::array<std::optional<double>, kMetricCount> sps_parts(const std::array<MetricResult, kMetricCount>& metrics,
                                                          const std::array<DimensionResult, kDimensionCount>& dimensions,
                                                          const Profile& profile, std::optional<double> sps);

// Fills value, counts and raw score of one metric from counted records or a direct input.
MetricResult measure_metric(MetricId m, const Counts& counted, const std::optional<DirectMetric>& direct,
                            const Profile& profile);
// Metrics without any input: not typed, and an export they are computed from was not given
// (nrr: orders and reviews; nbfr: orders and returns; otdr, sfcr: orders; imd: chats; aht:
// returns or the after-sales diagnostics). docs/scoring.md "Missing, typed and no data".
struct AbsentInputs {
    std::array<bool, kMetricCount> metric{};
    std::array<const char*, kMetricCount> input{};  // the input that would give it (warning params)
    bool orders_given = true;
};
AbsentInputs absent_inputs(const GivenInputs& given, const DirectMetrics& direct);
// Turns a metric measured from the records into a missing one when its input is absent, keeping
// what the given exports tell: with the orders given, NRR/NBFR's denominator is known.
void mark_missing(MetricResult& r, MetricId m, const AbsentInputs& absent);

// The SPS over every value the missing metrics could take (score 0..5 each, or no data where
// that is possible). `sps` is the SPS when that range is a point, else null; then a dimension
// holding a missing metric has no score and no dimension has an effective weight.
struct Combined {
    std::optional<double> sps;
    SpsRange range;
};
Combined combine_with_missing(const std::array<MetricResult, kMetricCount>& metrics, const Profile& profile,
                              std::array<DimensionResult, kDimensionCount>& dimensions);

// Small-seller protection (docs/rules.md §16) on metrics already measured; returns shop_qualifies.
bool apply_protection(std::array<MetricResult, kMetricCount>& metrics, int64_t delivered_orders_90d,
                      const Protection& p, bool shop_age_ok, bool opened_known);

// ---- insights*.cpp -----------------------------------------------------------------------
struct InsightContext {
    const Dataset& dataset;
    const Shop& shop;
    const Profile& profile;  // today's (chosen by today's main category)
    // A past day may have had another main category, so another profile (score --as-of that
    // day): the profiles to choose from, and the counts (over kInsightDays to as_of) with one.
    const std::vector<Profile>& profiles;
    std::function<std::shared_ptr<const DailyCounters>(const Profile&)> counters_with;
    // Metrics given directly: typed in the score options, else the dataset's (as score() uses them).
    const std::array<std::optional<DirectMetric>, kMetricCount>& direct_metrics;
    const AbsentInputs& absent;     // metrics with no input: missing on every day too
    const DailyCounters& counters;  // over kInsightDays
    std::optional<double> positive_rating_rate;
    const InsightOptions& options;
    bool dated;  // as_of is known (else only the day-free insights: priorities, goal seek, scenarios)
    // The diagnostics tables as of as_of (insights_diagnostics.cpp), kept by ScoreCache between
    // scores: they walk every record, and depend only on as_of and the counting part of the
    // profile, so a weight edit reuses them (docs/performance.md "Re-score").
    std::function<std::shared_ptr<const std::vector<Table>>()> diagnostics_tables;
};
// The diagnostics tables (insights_diagnostics.cpp): a walk over every record. They read the
// profile's SLA and fault reasons only, as the per-day counts do (counting_key()). Each keeps its
// first `row_limit` rows (Table::more_rows counts the rest).
std::vector<Table> diagnostics(const Dataset& dataset, const Profile& profile, Day as_of,
                               size_t row_limit = std::numeric_limits<size_t>::max());
// Trend looks back 90 days, each with a 90-day gate window: 179 days of counts.
constexpr int kInsightDays = 180;
Insights compute_insights(const Result& result, const InsightContext& context);

// ---- benefits.cpp ------------------------------------------------------------------------
std::vector<BenefitResult> decide_benefits(const Result& result, const Shop& shop,
                                           std::optional<double> positive_rating_rate);
int settlement_days(const Result& result);

}  // namespace shopscore
