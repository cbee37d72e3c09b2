// score(): counters -> metrics -> protection -> dimensions -> SPS -> benefits (docs/rules.md §13-§20).
#include "shopscore/score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>

#include "scoring_internal.h"
#include "shopscore/rules.h"

namespace shopscore {
namespace {

// docs/rules.md §11: a metric without data names the input that would give it (or the seller types it).
Warning no_data_warning(MetricId m) {
    static constexpr std::array<const char*, kMetricCount> kInput = {"reviews", "returns", "orders",
                                                                    "orders", "chats", "diagnostics"};
    static constexpr std::array<const char*, kMetricCount> kWords = {
        "the reviews export", "the returns export", "the orders export", "the orders export",
        "the chats export", "the after-sales diagnostics file"};
    Warning w;
    w.code = "metric_no_data";
    w.message = std::string(kMetricNames[m]) + " has no data: " + kWords[m] +
                " would give it, or type its value as Seller Center shows it (--metric " + kMetricNames[m] + "=...)";
    w.params = {{"metric", kMetricNames[m]}, {"input", kInput[m]}};
    return w;
}

// A metric whose input was not given: no value at all (docs/scoring.md "Missing, typed and no data").
Warning missing_warning(MetricId m, const char* input) {
    Warning w;
    w.code = "metric_missing";
    w.message = std::string(kMetricNames[m]) + " is missing: the " + input +
                " input was not given, so the score is a range; give it, or type the value as Seller Center shows it (--metric " +
                kMetricNames[m] + "=...)";
    w.params = {{"metric", kMetricNames[m]}, {"input", input}};
    return w;
}

}  // namespace

// Fills value, counts and raw score of one metric from counted records or a direct input.
MetricResult measure_metric(MetricId m, const Counts& counted, const std::optional<DirectMetric>& direct,
                     const Profile& profile) {
    MetricResult r;
    r.window_days = kMetricWindowDays[m];
    const Benchmark& bench = profile.benchmarks[m];
    if (direct) {
        r.input = MetricInput::typed;
        if (direct->denominator && *direct->denominator == 0) return r;  // given, but no data
        r.value = direct->value;
        r.adjusted_value = direct->value;
        if (direct->numerator && direct->denominator) {
            r.numerator = direct->numerator;
            r.denominator = direct->denominator;
            r.affected = m == kOtdr ? *direct->denominator - *direct->numerator : *direct->numerator;
        }
    } else {
        if (counted.denominator == 0) return r;
        r.value = counted.numerator / counted.denominator;
        r.adjusted_value = r.value;
        r.numerator = counted.numerator;
        r.denominator = counted.denominator;
        r.affected = counted.affected;
    }
    if (r.numerator && profile.volume_prior > 0)
        r.adjusted_value = volume_adjusted(*r.numerator, *r.denominator, profile.volume_prior, bench.good);
    r.no_data = false;
    r.raw_score = curve_score(m, bench, *r.adjusted_value);
    r.score = r.raw_score;
    return r;
}

// Small-seller protection (docs/rules.md §16). Skipped for a metric given without its counts.
bool apply_protection(std::array<MetricResult, kMetricCount>& metrics, int64_t delivered_orders_90d,
                      const Protection& p, bool shop_age_ok, bool opened_known) {
    const bool any = p.combine == ProtectionCombine::any;
    const bool shop_qualifies =
        opened_known && (shop_age_ok || (any && static_cast<double>(delivered_orders_90d) <= p.max_orders));
    for (MetricId m : {kNrr, kNbfr, kOtdr, kSfcr}) {
        MetricResult& r = metrics[m];
        if (r.no_data || !r.denominator || !opened_known) continue;
        const bool small = *r.denominator <= p.max_orders;
        const bool few_affected = *r.affected <= p.max_affected;
        const bool qualifies = any ? (shop_age_ok || small) && few_affected : shop_age_ok && small && few_affected;
        if (qualifies && *r.raw_score < p.floor) {
            r.score = p.floor;
            r.is_protected = true;
        }
    }
    MetricResult& imd = metrics[kImd];
    if (shop_qualifies && !imd.no_data && imd.denominator && *imd.raw_score < p.imd_floor) {
        imd.score = p.imd_floor;
        imd.is_protected = true;
    }
    return shop_qualifies;
}

std::optional<double> combine_dimensions(const std::array<MetricResult, kMetricCount>& metrics, const Profile& profile,
                                         std::array<DimensionResult, kDimensionCount>& dimensions) {
    double total_weight = 0;
    for (size_t d = 0; d < kDimensionCount; ++d) {
        double sum = 0, weights = 0;
        for (size_t m = 0; m < kMetricCount; ++m) {
            const MetricResult& r = metrics[m];
            if (kMetricDimension[m] != d || r.no_data || profile.metric_weights[m] <= 0) continue;
            sum += profile.metric_weights[m] * *r.score;
            weights += profile.metric_weights[m];
        }
        DimensionResult& dim = dimensions[d];
        dim = DimensionResult{};
        dim.weight = profile.weights[d];
        dim.no_data = weights == 0;
        if (!dim.no_data) {
            dim.score = sum / weights;
            total_weight += dim.weight;
        }
    }
    // A dimension without data gives its weight to the others in proportion.
    if (total_weight <= 0) return std::nullopt;
    double sps = 0;
    for (DimensionResult& dim : dimensions) {
        if (dim.no_data) continue;
        dim.effective_weight = dim.weight / total_weight;
        sps += dim.weight * *dim.score;
    }
    return sps / total_weight;
}

std::string display_one_decimal(double score) {
    // Half up on the decimal the seller sees; the epsilon keeps 3.45 (stored as 3.4499999...)
    // rounding up as the guide shows.
    const double rounded = std::floor(score * 10.0 + 0.5 + 1e-9) / 10.0;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
    return buffer;
}

const Profile& choose_profile(const std::vector<Profile>& profiles, const std::string& main_category) {
    for (const Profile& p : profiles) {
        if (!main_category.empty() &&
            (p.id == main_category ||
             std::find(p.categories.begin(), p.categories.end(), main_category) != p.categories.end()))
            return p;
    }
    return profiles.empty() ? default_profile() : profiles.front();
}

// The dataset's shop facts with the ones given in the options laid over them.
Shop effective_shop(const Shop& given, const std::optional<Shop>& override_with) {
    if (!override_with) return given;
    Shop shop = given;
    const Shop& o = *override_with;
    auto take = [](auto& field, const auto& value) {
        if (value) field = value;
    };
    take(shop.as_of, o.as_of);
    take(shop.opened, o.opened);
    take(shop.reputation_points, o.reputation_points);
    take(shop.has_logo, o.has_logo);
    take(shop.products_for_sale, o.products_for_sale);
    take(shop.violations_30d, o.violations_30d);
    take(shop.positive_rating_rate, o.positive_rating_rate);
    take(shop.delivered_orders_90d, o.delivered_orders_90d);
    if (!o.category.empty()) shop.category = o.category;
    return shop;
}

namespace {
// The last few values made, by key: a value asked again is found, else made now, kept in front,
// and the oldest dropped beyond N. A score session asks a handful of keys over and over.
template <class Key, class Value, size_t N>
class RecentlyMade {
public:
    template <class Make>
    std::shared_ptr<const Value> get(const Key& key, Make make) {
        for (const auto& [k, v] : kept_)
            if (k == key) return v;
        std::shared_ptr<const Value> value = make();
        kept_.emplace_front(key, value);
        if (kept_.size() > N) kept_.pop_back();
        return value;
    }

private:
    std::deque<std::pair<Key, std::shared_ptr<const Value>>> kept_;
};
}  // namespace

struct ScoreCache::Impl {
    // Per counting key (as_of x SLA x fault reasons); ~15 KB each.
    RecentlyMade<std::string, DailyCounters, 8> counters;
    // The profile-independent counts per (as_of, days), each a few thousand day sums: an SLA or
    // fault-mapping edit starts from them.
    RecentlyMade<std::pair<Day, int>, DailyCounters::Base, 3> bases;
    // The insights' diagnostics tables per (as_of, rows shown, counting key): fewer kept, as they
    // list orders (only the rows a result shows: Table::more_rows).
    RecentlyMade<std::string, std::vector<Table>, 2> tables;
    // default_as_of() of the dataset and its warnings, once known (it scans every record).
    std::optional<std::pair<std::optional<Day>, std::vector<Warning>>> default_day;
    std::optional<OrderChecks> order_checks;  // check_dataset's pass over the orders, once made
    int64_t made = 0;
    int64_t tables_made = 0;

    std::shared_ptr<const std::vector<Table>> diagnostics_tables(const Dataset& dataset, const Profile& profile, Day as_of,
                                                                 size_t row_limit) {
        return tables.get(std::to_string(as_of) + '\x1d' + std::to_string(row_limit) + '\x1d' + counting_key(profile), [&] {
            ++tables_made;
            return std::make_shared<const std::vector<Table>>(diagnostics(dataset, profile, as_of, row_limit));
        });
    }

    std::shared_ptr<const DailyCounters> get(const Dataset& dataset, const Profile& profile, Day as_of, int days) {
        const std::string key = std::to_string(as_of) + '\x1d' + std::to_string(days) + '\x1d' + counting_key(profile);
        return counters.get(key, [&] {
            const auto base = bases.get({as_of, days}, [&] { return DailyCounters::count_base(dataset, as_of, days); });
            ++made;
            return std::make_shared<const DailyCounters>(*base, dataset, profile);
        });
    }
};

ScoreCache::ScoreCache() : impl_(std::make_unique<Impl>()) {}
ScoreCache::~ScoreCache() = default;
int64_t ScoreCache::counts_made() const { return impl_->made; }
int64_t ScoreCache::diagnostics_made() const { return impl_->tables_made; }

namespace {
// as_of: given, else the shop's, else from the data (data_checks.cpp).
std::optional<Day> find_as_of(const Dataset& d, const Shop& shop, const ScoreOptions& options,
                              ScoreCache::Impl* cache, std::vector<Warning>& warnings) {
    if (options.as_of) return options.as_of;
    if (shop.as_of) return shop.as_of;
    if (!cache) return default_as_of(d, warnings);
    if (!cache->default_day) {
        std::vector<Warning> found;
        const std::optional<Day> day = default_as_of(d, found);
        cache->default_day.emplace(day, std::move(found));
    }
    for (const Warning& w : cache->default_day->second) warnings.push_back(w);
    return cache->default_day->first;
}
}  // namespace

Result score(const Dataset& dataset, const ScoreOptions& options) { return score(dataset, options, nullptr); }

Result score(const Dataset& dataset, const ScoreOptions& options, ScoreCache* cache_handle) {
    ScoreCache::Impl* cache = cache_handle ? cache_handle->impl_.get() : nullptr;
    auto counters_for = [&](const Profile& p, Day day, int days = DailyCounters::kDays) {
        return cache ? cache->get(dataset, p, day, days) : std::make_shared<const DailyCounters>(dataset, p, day, days);
    };
    Result result;
    const Shop shop = effective_shop(dataset.shop, options.shop);
    result.warnings = dataset.warnings;
    for (const Warning& w : options.notes) result.warnings.push_back(w);
    const std::optional<Day> as_of = find_as_of(dataset, shop, options, cache, result.warnings);
    result.as_of = as_of.value_or(kNoDay);
    if (!cache) check_dataset(dataset, shop, as_of, result.warnings);
    else {
        if (!cache->order_checks) cache->order_checks = scan_orders(dataset);
        check_dataset(*cache->order_checks, shop, as_of, result.warnings);
    }

    // Profile choice needs the main category, which needs counting; the only profile-dependent
    // counts (deliver-by SLA, fault mapping) are then recounted with the chosen profile.
    const Profile& first_guess = options.profiles.empty() ? default_profile() : options.profiles.front();
    std::string main_category = shop.category;
    if (main_category.empty() && as_of) main_category = counters_for(first_guess, *as_of)->main_category();
    const Profile& profile = choose_profile(options.profiles, main_category);
    result.profile_id = profile.id;

    // Insights (trend, forecast, why it moved) look further back than the 90 days of a score.
    const int days = options.insights ? kInsightDays : DailyCounters::kDays;
    const std::shared_ptr<const DailyCounters> counted = counters_for(profile, as_of.value_or(0), days);
    const DailyCounters& counters = *counted;
    result.delivered_orders_90d = shop.delivered_orders_90d.value_or(counters.delivered(kGateWindowDays));
    for (const Warning& w : counters.warnings()) result.warnings.push_back(w);

    std::array<std::optional<DirectMetric>, kMetricCount> direct;  // typed in the options, else the dataset's
    for (size_t m = 0; m < kMetricCount; ++m) direct[m] = options.metrics[m] ? options.metrics[m] : dataset.direct_metrics[m];
    const AbsentInputs absent = absent_inputs(dataset.given, direct);
    for (size_t m = 0; m < kMetricCount; ++m) {
        const auto id = static_cast<MetricId>(m);
        result.metrics[m] = measure_metric(id, counters.metric(id, kMetricWindowDays[m]), direct[m], profile);
        mark_missing(result.metrics[m], id, absent);
        if (result.metrics[m].input == MetricInput::missing)
            result.warnings.push_back(missing_warning(id, absent.input[m]));
        else if (result.metrics[m].no_data)
            result.warnings.push_back(no_data_warning(id));
    }

    const Protection& p = profile.protection;
    const bool opened_known = shop.opened.has_value() && as_of.has_value();
    const bool shop_age_ok = opened_known && (*as_of - *shop.opened) < p.max_shop_age_days;
    if (!shop.opened)
        result.warnings.push_back({"no_opened_date", "shop.opened is missing: small-seller protection is not applied", {}, 0});
    result.shop_qualifies = apply_protection(result.metrics, result.delivered_orders_90d, p, shop_age_ok, opened_known);
    const Combined combined = combine_with_missing(result.metrics, profile, result.dimensions);
    result.sps = combined.sps;
    result.sps_range = combined.range;
    result.sps_parts = sps_parts(result.metrics, result.dimensions, profile, result.sps);

    result.status = result.delivered_orders_90d >= kGateOrders ? Status::scored : Status::not_enough_orders;
    std::optional<double> positive_rate = shop.positive_rating_rate;
    if (!positive_rate) {
        const Counts reviews = counters.positive_reviews(30);
        if (reviews.denominator > 0) positive_rate = reviews.numerator / reviews.denominator;
    }
    result.benefits = decide_benefits(result, shop, positive_rate);
    result.settlement_days = settlement_days(result);
    // The diagnostics rows the result shows; a CSV download gets its table whole.
    const size_t table_rows = options.insight_options.csv.empty()
                                  ? static_cast<size_t>(std::max(options.insight_options.diagnostics_rows, 0))
                                  : std::numeric_limits<size_t>::max();
    if (options.insights)
        result.insights = compute_insights(
            result, {dataset, shop, profile, options.profiles, [&](const Profile& p) { return counters_for(p, *as_of, days); },
                     direct, absent, counters, positive_rate, options.insight_options, as_of.has_value(),
                     [&] {
                         // A CSV download's whole tables are made for it, not kept.
                         return cache && options.insight_options.csv.empty()
                                    ? cache->diagnostics_tables(dataset, profile, *as_of, table_rows)
                                    : std::make_shared<const std::vector<Table>>(diagnostics(dataset, profile, *as_of, table_rows));
                     }});
    return result;
}

}  // namespace shopscore
