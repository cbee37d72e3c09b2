// Issue 10: re-scoring with kept per-day counts (ScoreCache) gives byte-identical results to a
// fresh score(), and recounts only when what the counts depend on changes: as_of, the SLA, the
// fault reasons. Weights, benchmarks, protection, volume prior and shop facts are arithmetic only.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "shopscore/json_io.h"
#include "shopscore/score.h"
#include "shopscore/profile.h"
#include "shopscore/time.h"
#include "scoring_internal.h"

using namespace shopscore;

namespace {
std::string read_dataset(const char* name) {
    std::ifstream in(std::string(SHOPSCORE_TEST_DATA_DIR) + "/" + name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("score cache: the same results, counting only when the counting key changes", "[score][cache]") {
    const Dataset d = dataset_from_json(read_dataset("busy-shop.json"), "busy-shop.json");
    // Each step: options, and whether it needs new counts (worked out from what DailyCounters
    // reads: as_of, delivery_sla_business_days, fault_reasons).
    const std::vector<std::pair<std::string, bool>> steps = {
        {"{}", true},
        {R"({"profile": {"weights": {"product": 1, "fulfillment": 2, "service": 1}}})", false},
        {R"({"profile": {"volume_prior": 0}})", false},
        {R"({"profile": {"protection": {"floor": 3.0}}})", false},
        {R"({"shop": {"opened": "2026-10-01", "delivered_orders_90d": 12}})", false},
        {R"({"profile": {"delivery_sla_business_days": 3}})", true},
        {R"({"profile": {"fault_reasons": {"seller_fault": ["Changed my mind"]}}})", true},
        {R"({"profile": {"fault_reasons": {"buyer_cancel": ["Out of stock"]}}})", true},
        {R"({"profile": {"fault_reasons": {"carrier_fault": ["Changed my mind"]}}})", true},
        {R"({"profile": {"fault_reasons": {"late_shipment_cancel": ["No longer needed"]}}})", true},
        {R"({"as_of": "2026-11-01"})", true},
        {"{}", false},  // back to the first key: still kept
        {R"({"as_of": "2026-11-01", "profile": {"weights": {"product": 3, "fulfillment": 1, "service": 1}}})", false},
    };
    ScoreCache cache;
    int64_t expected_made = 0;
    for (const auto& [options_json, recount] : steps) {
        INFO(options_json);
        const ScoreOptions options = score_options_from_json(options_json);
        const std::string fresh = result_to_json(score(d, options));
        const std::string cached = result_to_json(score(d, options, &cache));
        CHECK(cached == fresh);
        // The first score counts twice when the main category must be found with the first
        // profile guess; here both are the default profile, so one set of counts serves both.
        if (recount) ++expected_made;
        CHECK(cache.counts_made() == expected_made);
    }
}

TEST_CASE("score cache: the insights' diagnostics are made again only when as_of, the SLA or the fault reasons change", "[score][cache]") {
    const Dataset d = dataset_from_json(read_dataset("busy-shop.json"), "busy-shop.json");
    // Each step: options (insights on), and whether the diagnostics tables are made again: when
    // the (as_of, SLA, fault reasons) key is not one of the last two made (two are kept).
    const std::vector<std::pair<std::string, bool>> steps = {
        {R"({"insights": true})", true},
        {R"({"insights": true, "profile": {"weights": {"product": 1, "fulfillment": 2, "service": 1}}})", false},
        {R"({"insights": true, "profile": {"benchmarks": {"otdr": {"good": 0.99, "poor": 0.9}}}})", false},
        {R"({"insights": true, "profile": {"delivery_sla_business_days": 3}})", true},
        {R"({"insights": true, "profile": {"delivery_sla_business_days": 3, "volume_prior": 0}})", false},
        {R"({"insights": true})", false},  // the first key: one of the last two
        {R"({"insights": true, "profile": {"fault_reasons": {"seller_fault": ["Changed my mind"]}}})", true},
        {R"({"insights": true, "as_of": "2026-11-01"})", true},
        {R"({"insights": true})", true},  // the first key again: no longer kept
    };
    ScoreCache cache;
    int64_t expected_made = 0;
    for (const auto& [options_json, remake] : steps) {
        INFO(options_json);
        const ScoreOptions options = score_options_from_json(options_json);
        const std::string fresh = result_to_json(score(d, options));
        const std::string cached = result_to_json(score(d, options, &cache));
        CHECK(cached == fresh);
        CHECK(cached.find("\"late_orders\"") != std::string::npos);
        if (remake) ++expected_made;
        CHECK(cache.diagnostics_made() == expected_made);
    }
}

TEST_CASE("score cache: a CSV download's whole tables are made for it, not kept", "[score][cache]") {
    // The session keeps the tables cut to the rows a result shows (diagnostics_rows 1 here, so
    // busy-shop's 40 low-star chats are cut); a CSV asks for a whole table: made, given, not kept, and
    // the same bytes as without a cache. The cut tables stay kept for the next score.
    const Dataset d = dataset_from_json(read_dataset("busy-shop.json"), "busy-shop.json");
    ScoreCache cache;
    const ScoreOptions shown = score_options_from_json(R"({"insights": true, "diagnostics_rows": 1})");
    const Result first = score(d, shown, &cache);
    CHECK(cache.diagnostics_made() == 1);
    size_t chats = 0;
    for (const Table& t : first.insights->diagnostics_tables())
        if (t.id == "low_star_chats") chats = t.rows.size() + t.more_rows;
    REQUIRE(chats == 40);
    const ScoreOptions csv = score_options_from_json(R"({"insights": true, "diagnostics_rows": 1, "csv": "low_star_chats"})");
    const std::string text = insights_csv(score(d, csv, &cache), "low_star_chats");
    CHECK(cache.diagnostics_made() == 1);
    CHECK(text == insights_csv(score(d, csv), "low_star_chats"));
    CHECK(std::count(text.begin(), text.end(), '\n') == 41);  // the header and 40 chats
    CHECK(result_to_json(score(d, shown, &cache)) == result_to_json(first));
    CHECK(cache.diagnostics_made() == 1);
}

#include "ingest_support.h"

TEST_CASE("Ingest::take gives the dataset finish gives, without the copy", "[score][cache]") {
    // The WASM session takes the dataset out of its Ingest (one copy of the orders at the peak
    // instead of two); exclusions read before and after the orders must still apply.
    auto read = [](Ingest& ingest) {
        using namespace ingest_test;
        read_text(ingest, ExportKind::exclusions, "x.txt", fixture("us_bom_crlf/exclusions.txt"));
        read_text(ingest, ExportKind::orders, "o.csv", fixture("us_bom_crlf/orders.csv"));
        read_text(ingest, ExportKind::returns, "r.csv", fixture("us_bom_crlf/returns.csv"));
    };
    Ingest a(Shop{}), b(Shop{});
    read(a);
    read(b);
    const std::string finished = ingest_test::fingerprint(a.finish());
    CHECK(finished.find("order ") != std::string::npos);
    CHECK(ingest_test::fingerprint(b.take()) == finished);
}

TEST_CASE("daily counters keep only the (window day, known day) cells that are not zero", "[score][cache]") {
    // SFCR counts an order in its creation day's denominator from its creation, and a cancellation
    // that is not the seller's takes it out from the cancel day (docs/rules.md). Hand-worked:
    //   A created 11-01, delivered: cell (11-01, 11-01) denominator +1
    //   B created 11-01, buyer cancelled 11-03: (11-01, 11-01) +1, (11-01, 11-03) -1
    //   C created 11-02, buyer cancelled 11-02: (11-02, 11-02) +1 -1 = 0, not kept
    const Dataset d = dataset_from_json(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"}, "orders": [
        {"id": "A", "created": "2026-11-01T10:00:00", "delivered": "2026-11-04T10:00:00"},
        {"id": "B", "created": "2026-11-01T11:00:00", "cancelled": "2026-11-03T09:00:00", "cancel_by": "buyer", "cancel_reason": "No longer needed"},
        {"id": "C", "created": "2026-11-02T11:00:00", "cancelled": "2026-11-02T12:00:00", "cancel_by": "buyer", "cancel_reason": "No longer needed"}]})",
                                        "d.json");
    const Day as_of = days_from_civil(2026, 11, 20), nov = days_from_civil(2026, 11, 1) - 1;
    for (int days : {90, 180}) {
        INFO(days);
        const DailyCounters c(d, default_profile(), as_of, days);
        CHECK(c.kept_cells(kSfcr) == 2);
        // Known by 11-02: A and B (B's cancellation not known yet), C in and out: 2.
        CHECK(c.metric_known_by(kSfcr, nov + 1, as_of, nov + 2).denominator == 2);
        CHECK(c.metric_known_by(kSfcr, nov + 1, as_of, nov + 3).denominator == 1);
        CHECK(c.metric_known_by(kSfcr, nov + 2, as_of, as_of).denominator == 0);
        CHECK(c.metric(kSfcr, 30).denominator == 1);
        // Counters made from a kept base (a profile edit) count the same.
        const auto base = DailyCounters::count_base(d, as_of, days);
        const DailyCounters again(*base, d, default_profile());
        CHECK(again.kept_cells(kSfcr) == 2);
        CHECK(again.metric_known_by(kSfcr, nov + 1, as_of, nov + 2).denominator == 2);
        CHECK(again.metric(kSfcr, 30).denominator == 1);
    }
}
