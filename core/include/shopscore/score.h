// score(): dataset + profiles -> result. The one entry point the CLI and the WASM module share.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "shopscore/dataset.h"
#include "shopscore/profile.h"
#include "shopscore/result.h"

namespace shopscore {

// What-if levers (docs/rules.md §32 scenarios); each gives one scenario, and all together one more.
struct ScenarioOptions {
    double fbt_share = 0.5;                        // share of orders moved to FBT / a warehouse
    std::optional<int> warehouse_delivery_days;    // set: they stay in OTDR, delivered in N business days
    std::optional<double> aht_cap_hours = 24.0;    // an after-sales SOP caps each request's handling time
    double carrier_return_cut = 0.5;               // share of carrier-fault returns avoided
    double im_cut = 0.3;                           // share of IM dissatisfaction avoided by faster replies
};
struct InsightOptions {
    std::vector<double> targets;    // goal-seek targets besides 2.5, 3.5 and 4.0
    std::optional<Day> moved_from;  // why it moved: default as_of - 7
    std::optional<Day> moved_to;    // default as_of
    ScenarioOptions scenarios;
    int diagnostics_rows = 50;      // rows per diagnostics table in the result (CSV has them all)
    std::string csv;                // WASM "csv": answer with this diagnostics table as CSV, not JSON
    std::string csv_lang = "en";    // WASM "csv_lang" / CLI --lang: "en" (ids) or "zh" (Chinese names)
};

struct ScoreOptions {
    std::optional<Day> as_of;       // overrides shop.as_of and the default (latest data day)
    std::vector<Profile> profiles;  // user profiles; empty = the built-in default
    std::optional<Shop> shop;       // shop facts laid over the dataset's (utc_offset excepted:
                                    // timestamps were converted when the data was read)
    bool insights = false;          // add docs/rules.md §26-§32 insights to the result
    InsightOptions insight_options;
    std::string source_name;        // the dataset's file name in error messages (WASM: "file")
    // Metrics the seller typed as Seller Center shows them (CLI --metric, options "metrics"):
    // each replaces only that metric, over the dataset's own direct metrics (docs/rules.md §11).
    DirectMetrics metrics;
    std::vector<Warning> notes;  // how typed values were read (rate_read_as_fraction), into the result
};

// One typed value as a seller writes it (docs/scoring.md "Typed values"), the one rule for the
// CLI's --metric, the dataset's and options' "metrics" given as text, and the page's fields:
// full-width digits, point and ％ are read as ASCII; a rate is percent ("93.4", "93.4 %",
// "0.85" = 0.85 %) unless it is at most 1 with more than two decimals ("0.934" = 93.4 %,
// "0.0085" = 0.85 %), which is then read as a fraction and said so (read_as_fraction);
// aht is hours ("31.2", "31.2 h", "31.2 小时"). Anything else (-5, 150, abc) throws InputError
// (code invalid_value) at `field`. `value` is a fraction for rates, hours for aht.
struct TypedValue {
    double value = 0;
    bool read_as_fraction = false;
};
TypedValue read_metric_value(MetricId metric, std::string_view text, const std::string& field);
// The note (warning rate_read_as_fraction: params metric, text, percent) for such a value.
Warning read_as_fraction_note(MetricId metric, std::string_view text, double value);
// Full-width digits, point, comma and ％ as ASCII, U+3000 as a space.
std::string to_ascii_digits(std::string_view text);

// The CLI's --metric text: ID=VALUE[%][:COUNTS], COUNTS = DENOMINATOR or NUMERATOR/DENOMINATOR
// ("aht=31.2", "nrr=0.8%", "nrr=0.8%:812", "otdr=95.2%:480/504", "aht=31.2:40"); docs/scoring.md.
// Throws InputError (field "--metric") on anything else.
std::pair<MetricId, DirectMetric> direct_metric_from_text(std::string_view text);
// As above; a value read as a fraction adds its note to `notes`.
std::pair<MetricId, DirectMetric> direct_metric_from_text(std::string_view text, std::vector<Warning>* notes);

// The dataset's shop facts with `override_with`'s given fields laid over them (utc_offset
// excepted: timestamps were converted when the data was read).
Shop effective_shop(const Shop& given, const std::optional<Shop>& override_with);

// Picks the profile of the shop's main category: the one whose id or `categories` names it,
// else the first user profile, else the built-in default.
const Profile& choose_profile(const std::vector<Profile>& profiles, const std::string& main_category);

Result score(const Dataset& dataset, const ScoreOptions& options);

// The per-day counts of one dataset, kept between scores (the page re-scores after every profile
// edit): a re-score after a benchmark, weight, protection, volume-prior or shop-fact edit is then
// arithmetic only. The counts depend on the dataset, as_of and the profile's counting part (SLA
// and fault reasons: counting_key() in daily_counters.cpp), which is the key; a few keys are kept.
// The insights' diagnostics tables (a walk over every record) have the same key and are kept too.
// Use one cache per dataset, and only while that dataset is not changed.
class ScoreCache {
public:
    ScoreCache();
    ~ScoreCache();
    ScoreCache(const ScoreCache&) = delete;
    ScoreCache& operator=(const ScoreCache&) = delete;
    int64_t counts_made() const;  // how many times the counters were built (tests)
    int64_t diagnostics_made() const;  // how many times the insights' diagnostics were built (tests)

    struct Impl;

private:
    friend Result score(const Dataset&, const ScoreOptions&, ScoreCache*);
    std::unique_ptr<Impl> impl_;
};

// As score(), reusing and filling `cache` (nullptr: no cache). The same result either way.
Result score(const Dataset& dataset, const ScoreOptions& options, ScoreCache* cache);

}  // namespace shopscore
