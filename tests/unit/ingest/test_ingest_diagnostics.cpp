// Issue 8 item 5 / docs/rules.md §12: the after-sales diagnostics download as an input kind. AHT is the
// mean of (review + inspection) hours per request, by request day in the 60-day window.
#include <catch2/catch.hpp>

#include <map>

#include "ingest/duration.h"
#include "shopscore/score.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

// tests/data/exports/diagnostics_{en,zh}/diagnostics.csv, as_of 2026-11-20 (shop.json), window
// 2026-09-22 .. 2026-11-20. Hand-worked, one line per request:
//   AS001 return  10-24  review 5 + inspection 4                      9    (its 2nd SKU row: once)
//   AS002 refund  11-19  review 8h                                     8
//   AS003 refund  11-02  review 12h 30m / 12小时30分钟                 12.5
//   AS004 return  10-01  review 1d 2h (26) + inspection 20.5           46.5
//   AS005 replace 09-21  3                                             out: day 61
//   AS006 refund  11-21  2                                             out: after as_of
//   AS007 refund  11-10  no durations at all                           out, warning
//   AS008 cancel  11-12  0.5                                           0.5
//   AS009 return  11-15  review 90 min, inspection "-", no total       1.5
//   AS010 refund  11-16  only the total, 6                             6
// AHT = (9 + 8 + 12.5 + 46.5 + 0.5 + 1.5 + 6) / 7 = 84 / 7 = 12 h.
Result score_variant(const std::string& dir, bool auto_kind) {
    Ingest ingest(shop_from_json(fixture("shop.json"), "shop.json"));
    read_text(ingest, ExportKind::orders, dir + "/orders.csv", fixture(dir + "/orders.csv"));
    const FileSummary s = read_text(ingest, auto_kind ? ExportKind::auto_detect : ExportKind::diagnostics,
                                    dir + "/diagnostics.csv", fixture(dir + "/diagnostics.csv"), {7, 300});
    CHECK(s.kind == ExportKind::diagnostics);
    CHECK(s.rows == 11);
    // The file's warnings: the request without hours (and, for US slash dates, how they were read).
    std::map<std::string, int64_t> counts;
    for (const Warning& w : s.warnings)
        if (w.code != "date_order") counts[w.code] += w.count;
    CHECK(counts == std::map<std::string, int64_t>{{"diagnostics_without_hours", 1}});
    return score(ingest.finish(), {});
}

}  // namespace

TEST_CASE("diagnostics: AHT from review + inspection hours, English and Chinese headers", "[ingest][diagnostics]") {
    for (const char* dir : {"diagnostics_en", "diagnostics_zh"})
        for (bool auto_kind : {false, true}) {
            INFO(dir << (auto_kind ? " auto" : " --diagnostics"));
            const Result r = score_variant(dir, auto_kind);
            const MetricResult& aht = r.metrics[kAht];
            REQUIRE_FALSE(aht.no_data);
            CHECK(*aht.numerator == Approx(84));
            CHECK(*aht.denominator == 7);
            CHECK(*aht.value == Approx(12));
        }
}

TEST_CASE("diagnostics: durations in hours, with units, in English and Chinese", "[ingest][diagnostics]") {
    using ingest::parse_hours;
    CHECK(*parse_hours("12.5") == Approx(12.5));
    CHECK(*parse_hours(" 12.5 h ") == Approx(12.5));
    CHECK(*parse_hours("12h 30m") == Approx(12.5));
    CHECK(*parse_hours("12h30m") == Approx(12.5));
    CHECK(*parse_hours("1d 2h") == Approx(26));
    CHECK(*parse_hours("2 days 3 hours 15 minutes") == Approx(51.25));
    CHECK(*parse_hours("90 min") == Approx(1.5));
    CHECK(*parse_hours("1天2小时30分钟") == Approx(26.5));
    CHECK(*parse_hours("45分钟") == Approx(0.75));
    CHECK(*parse_hours("12:30") == Approx(12.5));
    CHECK(*parse_hours("100:15:36") == Approx(100.26));
    CHECK(*parse_hours("0") == Approx(0));
    for (const char* bad : {"", "abc", "-3", "12 30", "12x", "1e3", "12:75", "h", "1.2.3", "12h 30"}) {
        INFO("[" << bad << "]");
        CHECK_FALSE(parse_hours(bad));
    }
}

TEST_CASE("diagnostics: a bad duration is exit-2 input with its row and column", "[ingest][diagnostics]") {
    Ingest ingest(Shop{});
    const std::string csv = "Order ID,Request Time,Request Review Time\n1,2026-11-02 10:00,3h\n2,2026-11-03 10:00,soon\n";
    try {
        read_text(ingest, ExportKind::auto_detect, "diag.csv", csv);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "diag.csv:3:Request Review Time: expected hours like 12.5, 12.5 h, 12h 30m, 1d 2h or 12:30, got \"soon\"");
        CHECK(e.detail().code == "bad_duration");
    }
}

TEST_CASE("diagnostics: its requests count in AHT only, and replace the returns file's own times", "[ingest][diagnostics]") {
    // A returns file with a decided time (24 h) and a diagnostics row for another request (3 h):
    // AHT is the diagnostics' 3 h alone, and the diagnostics row (no reason) is not in NBFR's
    // unmapped list. as_of is the latest order day, 11-06.
    Ingest ingest(Shop{});
    read_text(ingest, ExportKind::orders, "o.csv",
              "Order ID,Created Time,Delivered Time\nA,2026-11-01 10:00,2026-11-03 10:00\nB,2026-11-01 10:00,2026-11-06 10:00\n");
    read_text(ingest, ExportKind::returns, "r.csv",
              "Order ID,Return Type,Return Reason,Time Requested,Time Approved\nA,Refund only,Damaged,2026-11-04 10:00,2026-11-05 10:00\n");
    read_text(ingest, ExportKind::auto_detect, "d.csv", "Order ID,Request Time,审核时长\nB,2026-11-04 10:00,3\n");
    const Result r = score(ingest.finish(), {});
    CHECK(*r.metrics[kAht].numerator == Approx(3));
    CHECK(*r.metrics[kAht].denominator == 1);
    CHECK(*r.metrics[kNbfr].numerator == 1);  // A's damaged refund
    for (const Warning& w : r.warnings) CHECK(w.code != "unmapped_reasons");
}

TEST_CASE("diagnostics: a diagnostics file without any duration column is refused", "[ingest][diagnostics]") {
    Ingest ingest(Shop{});
    try {
        read_text(ingest, ExportKind::diagnostics, "diag.csv", "Order ID,Request Time,Review (minutes)\n1,2026-11-02 10:00,30\n");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.detail().code == "missing_column");
        CHECK(std::string(e.what()).rfind("diag.csv:1:", 0) == 0);
    }
}
