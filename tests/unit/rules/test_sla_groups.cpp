// OTDR of the orders due by the profile's SLA (regular orders without a deliver-by date of their
// own): count_orders groups them by (created, delivered, cancelled) day in an open-addressing
// table (SlaGroups, scoring_internal.h), and the profile's SLA is applied per group. These tests
// pin the grouping: orders that differ in one of the three days stay apart, equal ones count
// together, and the table's growth keeps every group. A table that put two keys in one group
// would do so only when one key's probe passes the other's slot, so the table itself is also
// tested with keys that differ in one day only, enough of them that such probes are certain. The profile's SLA is 6 US business days
// (docs/rules.md); as_of 2026-11-20, so OTDR's 30-day window is due dates 2026-10-22..11-20.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "scoring_internal.h"
#include "shopscore/score.h"
#include "shopscore/time.h"

#include "rules_support.h"

using namespace shopscore;
using namespace rules_test;

namespace {

std::string order(const std::string& id, const std::string& created, const std::string& delivered = "",
                  const std::string& cancelled = "") {
    std::string o = R"({"id": ")" + id + R"(", "created": ")" + created + R"( 09:00")";
    if (!delivered.empty()) o += R"(, "delivered": ")" + delivered + R"( 18:00")";
    if (!cancelled.empty()) o += R"(, "cancelled": ")" + cancelled + R"( 10:00", "cancel_by": "buyer", "cancel_reason": "No longer needed")";
    return o + "}";
}

std::string dataset(const std::string& orders) {
    return R"({"schema": "shopscore.dataset/1", "shop": {"as_of": "2026-11-20", "opened": "2020-01-01"}, "orders": [)" + orders + "]}";
}

}  // namespace

TEST_CASE("rules/sla groups: orders one day apart in created, delivered or cancelled stay apart", "[rules][metrics][otdr]") {
    // Due by the SLA: created Mon 11-02 -> 6 business days -> Tue 11-10; created Mon 10-26 ->
    // Tue 11-03 (both in the window).
    //   A1, A2  created 11-02, delivered 11-05            on time (one group of two)
    //   B       created 11-02, delivered 11-12            late      (differs from A in delivered)
    //   C       created 11-02, cancelled 11-15            out: cancelled by as_of
    //   D       created 11-02, nothing                    late      (differs from C in cancelled)
    //   E       created 11-02, cancelled 11-21            late: the cancellation is after as_of,
    //                                                     so E is in D's group
    //   F       created 10-26, delivered 11-05            late: due 11-03 (differs from A in created)
    // otdr = on time {A1 A2} = 2 / {A1 A2 B D E F} = 6; affected (late) = 4.
    const std::string json = dataset(order("A1", "2026-11-02", "2026-11-05") + "," + order("A2", "2026-11-02", "2026-11-05") + "," +
                                     order("B", "2026-11-02", "2026-11-12") + "," + order("C", "2026-11-02", "", "2026-11-15") + "," +
                                     order("D", "2026-11-02") + "," + order("E", "2026-11-02", "", "2026-11-21") + "," +
                                     order("F", "2026-10-26", "2026-11-05"));
    const Result r = run(json);
    const MetricResult& otdr = r.metrics[kOtdr];
    REQUIRE_FALSE(otdr.no_data);
    CHECK(*otdr.numerator == 2);
    CHECK(*otdr.denominator == 6);
    CHECK(*otdr.affected == 4);

    // Just before C's cancellation: as of 11-14 C is not cancelled yet (that is on 11-15) and
    // counts late too: 2 / 7, affected 5 (B, delivered 11-12 after its due 11-10, is late either way).
    ScoreOptions before;
    before.as_of = days_from_civil(2026, 11, 14);
    const Result r2 = score(dataset_from_json(every_export(json), "dataset.json"), before);
    CHECK(*r2.metrics[kOtdr].numerator == 2);
    CHECK(*r2.metrics[kOtdr].denominator == 7);
    CHECK(*r2.metrics[kOtdr].affected == 5);
}

TEST_CASE("rules/sla groups: 84 groups through the table's growth, each counted once", "[rules][metrics][otdr]") {
    // Every day created 10-14..11-10 (28 days; due 10-22..11-19, all in the window: 10-14 + 6
    // business days = Thu 10-22, 11-10 + 6 = Thu 11-19 past Veterans Day 11-11):
    //   Xd1, Xd2  delivered the same day   on time (one group of two)
    //   Yd        delivered the next day   on time (a group of its own)
    //   Zd        never delivered          late    (a group of its own)
    // 28 x 3 = 84 groups (the table starts at 64 slots, at most half full: it grows twice).
    // otdr = on time 28 x 3 = 84 / 28 x 4 = 112; affected 28.
    std::string orders;
    const Day first = days_from_civil(2026, 10, 14);
    for (Day d = first; d < first + 28; ++d) {
        const std::string day = format_day(d), next = format_day(d + 1), n = std::to_string(d - first);
        if (!orders.empty()) orders += ",";
        orders += order("X" + n + "a", day, day) + "," + order("X" + n + "b", day, day) + "," + order("Y" + n, day, next) + "," +
                  order("Z" + n, day);
    }
    const Result r = run(dataset(orders));
    const MetricResult& otdr = r.metrics[kOtdr];
    REQUIRE_FALSE(otdr.no_data);
    CHECK(*otdr.numerator == 84);
    CHECK(*otdr.denominator == 112);
    CHECK(*otdr.affected == 28);
}

TEST_CASE("rules/sla groups: the table keeps 3 x 2,000 keys one day apart in one field apart", "[rules][metrics][otdr]") {
    // Three blocks of 2 x 2 x 500 keys, each block dense in one of the three days (the other two
    // take two values), inserted twice: each key makes one group (2,000 per block), found again
    // with its own days, whatever the hash. The table grows from 64 to 8,192 slots on the way.
    for (int dense = 0; dense < 3; ++dense) {
        std::vector<DailyCounters::Base::SlaOrders> groups;
        SlaGroups table(groups);
        auto key = [&](int i, int j, int k) {
            const Day many = 20000 + i, few1 = 20000 + j, few2 = k ? kNoDay : 20010;  // kNoDay among them
            if (dense == 0) return std::array<Day, 3>{many, few1, few2};
            if (dense == 1) return std::array<Day, 3>{few1, many, few2};
            return std::array<Day, 3>{few1, few2, many};
        };
        for (int pass = 0; pass < 2; ++pass)
            for (int i = 0; i < 500; ++i)
                for (int j = 0; j < 2; ++j)
                    for (int k = 0; k < 2; ++k) {
                        const std::array<Day, 3> d = key(i, j, k);
                        SlaGroups::Group& g = table.at(d[0], d[1], d[2]);
                        ++g.orders;
                        if (g.created != d[0] || g.delivered != d[1] || g.cancelled != d[2]) FAIL("key " << i << "," << j << "," << k << " found another group");
                    }
        CHECK(groups.size() == 2000);
        size_t twice = 0;
        for (const SlaGroups::Group& g : groups) twice += g.orders == 2;
        CHECK(twice == 2000);
    }
}
