// docs/rules.md §11: a metric without data says so (warning metric_no_data naming the input that would give
// it), and the seller may type one metric as Seller Center shows it (CLI --metric, options
// "metrics"), mixed with the metrics computed from records.
#include <catch2/catch.hpp>

#include "rules_support.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;

namespace {

// 40 orders delivered on their creation day, 2026-11-02 (nothing late, no cancellations, no
// reviews, requests or chats): nrr, nbfr, otdr, sfcr have data (0 defects); imd and aht have none.
std::string orders_only() {
    std::string orders;
    for (int i = 0; i < 40; ++i) {
        if (i) orders += ",";
        orders += R"({"id": "O)" + std::to_string(i) + R"(", "created": "2026-11-02 09:00", "delivered": "2026-11-02 18:00"})";
    }
    return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"}, "orders": [)" +
           orders + "]}";
}

std::vector<std::map<std::string, std::string>> no_data_params(const Result& r) {
    std::vector<std::map<std::string, std::string>> out;
    for (const Warning& w : r.warnings)
        if (w.code == "metric_no_data") out.push_back(w.params);
    return out;
}

}  // namespace

TEST_CASE("metric input: each metric without data is named with the input that would give it", "[metric_input]") {
    const Result r = rules_test::run(orders_only());
    using P = std::map<std::string, std::string>;
    CHECK(no_data_params(r) == std::vector<P>{P{{"metric", "imd"}, {"input", "chats"}}, P{{"metric", "aht"}, {"input", "diagnostics"}}});

    // Every list given, and empty: all six, in metric order.
    const Result empty = rules_test::run(R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20"},
                                             "orders": [], "reviews": [], "after_sales": [], "chats": []})");
    std::vector<std::string> inputs;
    for (const auto& p : no_data_params(empty)) inputs.push_back(p.at("metric") + ":" + p.at("input"));
    CHECK(inputs == std::vector<std::string>{"nrr:reviews", "nbfr:returns", "otdr:orders", "sfcr:orders", "imd:chats",
                                             "aht:diagnostics"});
}

TEST_CASE("metric input: a typed metric replaces only itself; the others stay computed", "[metric_input]") {
    // Hand-worked: aht typed 38.3 h, no counts -> no volume prior, curve midway between good 26.5
    // (4) and poor 50.1 (1): 2.5. imd still has no data, so the service dimension is aht alone:
    // 2.5. The computed metrics are unchanged by the option.
    ScoreOptions o;
    o.metrics[kAht] = DirectMetric{38.3, std::nullopt, std::nullopt};
    const Dataset d = dataset_from_json(rules_test::every_export(orders_only()), "d.json");
    const Result typed = score(d, o);
    const Result plain = score(d, {});
    CHECK(*typed.metrics[kAht].score == Approx(2.5));
    CHECK(typed.dimensions[kService].score.value() == Approx(2.5));
    for (MetricId m : {kNrr, kNbfr, kOtdr, kSfcr}) CHECK(*typed.metrics[m].score == Approx(*plain.metrics[m].score));
    CHECK(no_data_params(typed) == std::vector<std::map<std::string, std::string>>{{{"metric", "imd"}, {"input", "chats"}}});
}

TEST_CASE("metric input: options JSON \"metrics\" as in a dataset, over the dataset's own", "[metric_input]") {
    const ScoreOptions o = score_options_from_json(R"({"metrics": {"aht": {"value": 31.2}, "imd": {"value": 0.1, "numerator": 3, "denominator": 30}}})");
    REQUIRE(o.metrics[kAht]);
    CHECK(o.metrics[kAht]->value == Approx(31.2));
    CHECK_FALSE(o.metrics[kAht]->denominator);
    REQUIRE(o.metrics[kImd]);
    CHECK(*o.metrics[kImd]->numerator == 3);
    CHECK_FALSE(o.metrics[kNrr]);
    // The option wins over a direct metric in the dataset.
    const Dataset d = dataset_from_json(rules_test::quick(rules_test::kAllSix), "q.json");
    CHECK(*score(d, o).metrics[kAht].value == Approx(31.2));
    CHECK(*score(d, {}).metrics[kAht].value == Approx(38.3));
    try {
        score_options_from_json(R"({"metrics": {"nrr": {"value": 1.5}}})");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("metrics.nrr.value") != std::string::npos);
    }
}

TEST_CASE("metric input: the --metric text", "[metric_input]") {
    auto [aht, a] = direct_metric_from_text("aht=31.2");
    CHECK(aht == kAht);
    CHECK(a.value == Approx(31.2));
    CHECK_FALSE(a.numerator);
    CHECK(direct_metric_from_text("aht=31.2h").second.value == Approx(31.2));
    // aht with a request count: numerator is the total hours (31.2 * 40 = 1248).
    const DirectMetric ac = direct_metric_from_text("aht=31.2:40").second;
    CHECK(*ac.numerator == Approx(1248));
    CHECK(*ac.denominator == 40);
    // A rate in percent with its orders: 0.8 % of 812 = 6.496 -> 6 whole orders.
    const auto [nrr, n] = direct_metric_from_text("nrr=0.8%:812");
    CHECK(nrr == kNrr);
    CHECK(n.value == Approx(0.008));
    CHECK(*n.numerator == 6);
    CHECK(*n.denominator == 812);
    const DirectMetric o = direct_metric_from_text("otdr=95.2%:480/504").second;
    CHECK(o.value == Approx(0.952));
    CHECK(*o.numerator == 480);
    CHECK(*o.denominator == 504);
    CHECK(direct_metric_from_text("sfcr=0.004").second.value == Approx(0.004));
    // One rule for every rate (docs/scoring.md "Typed values"): a bare number is percent.
    CHECK(direct_metric_from_text("otdr=95").second.value == Approx(0.95));
    for (const char* bad : {"aht", "aht=", "xyz=1", "aht=5%", "nrr=101%", "otdr=150", "otdr=-5", "otdr=abc", "otdr=93.4 percent", "nrr=0.8%:12.5", "nrr=0.8%:9/8",
                            "aht=-1", "aht=1e3", "nrr=0.8%:"}) {
        INFO(bad);
        try {
            direct_metric_from_text(bad);
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(e.detail().code == "invalid_value");
            CHECK(e.detail().field == "--metric");
            CHECK(std::string(e.what()).rfind("--metric: expected ", 0) == 0);
        }
    }
}

TEST_CASE("metric input: counts grouped in threes are thousands; a count or hours that could be a thousand or one is refused", "[metric_input][boundary]") {
    // Seller Center writes counts as 1,200: a whole count may be grouped in threes by commas.
    const DirectMetric n = direct_metric_from_text("nrr=0.8%:1,200").second;
    CHECK(*n.denominator == 1200);
    CHECK(*n.numerator == 10);  // 0.8 % of 1,200 = 9.6 -> 10 whole orders
    const DirectMetric o = direct_metric_from_text("otdr=95%:1,140/1,200").second;
    CHECK(*o.numerator == 1140);
    CHECK(*o.denominator == 1200);
    CHECK(*direct_metric_from_text("otdr=95%:12,345,678").second.denominator == 12345678);
    CHECK(*direct_metric_from_text("aht=31:1,000").second.denominator == 1000);
    CHECK(*direct_metric_from_text("aht=31:425.5/14").second.numerator == Approx(425.5));  // total hours may have decimals
    // "1.000" was read as the count 1: with one order, the volume prior pulled a 5 % negative
    // review rate almost to the benchmark (a better score than 5 % of a thousand orders). A count
    // has no decimals, so "1.000" and "12.0" are refused, as are groups not of three.
    for (const char* bad : {"nrr=5%:1.000", "nrr=0.8%:12.0", "otdr=95%:480/1.000", "otdr=95%:1.000/1,200", "nrr=0.8%:1,00", "nrr=0.8%:1,0000",
                            "nrr=0.8%:0,500", "nrr=0.8%:,100", "nrr=0.8%:1,000,", "nrr=0.8%:1234,567"}) {
        INFO(bad);
        CHECK_THROWS_AS(direct_metric_from_text(bad), InputError);
    }
    // Hours: "31,2" has a decimal comma; "1,000" could be a thousand hours or one: refused.
    CHECK(direct_metric_from_text("aht=31,2").second.value == Approx(31.2));
    CHECK(direct_metric_from_text("aht=0,500").second.value == Approx(0.5));
    for (const char* bad : {"aht=1,000", "aht=1,234 h", "aht=12,345"}) {
        INFO(bad);
        CHECK_THROWS_AS(direct_metric_from_text(bad), InputError);
    }
}

TEST_CASE("metric input: 100 % is the top of a rate, a bare 1.000 the fraction 1", "[metric_input][boundary]") {
    // docs/scoring.md "Typed values": a rate is 0-100 %. otdr=100% is the best on-time rate (1.0,
    // score 5 at the best anchor); 100.01 % is above it, an error.
    const DirectMetric top = direct_metric_from_text("otdr=100%").second;
    CHECK(top.value == 1.0);
    ScoreOptions typed;
    typed.metrics[kOtdr] = top;
    CHECK(*score(dataset_from_json(rules_test::quick(""), "quick.json"), typed).metrics[kOtdr].score == 5.0);
    CHECK(direct_metric_from_text("otdr=100").second.value == 1.0);
    CHECK_THROWS_AS(direct_metric_from_text("otdr=100.01%"), InputError);
    // A bare number at most 1 with more than two decimals is a fraction copied from a spreadsheet:
    // 1.000 is 100 %; with two decimals (1.00) it is percent as Seller Center shows it: 1 %.
    std::vector<Warning> notes;
    CHECK(direct_metric_from_text("otdr=1.000", &notes).second.value == 1.0);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].code == "rate_read_as_fraction");
    CHECK(direct_metric_from_text("otdr=1.00").second.value == Approx(0.01));
}
