// docs/rules.md §1-§2 (windows, timestamps) and §7 (deliver-by dates, US business days).
// Every expected value below was worked out by hand from docs/rules.md (weekdays checked against a
// calendar), never by calling the function under test.
#include <catch2/catch.hpp>

#include <string>

#include "scoring_internal.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"
#include "shopscore/time.h"
#include "shopscore/us_calendar.h"

using namespace shopscore;

namespace {

// 2026-11-20 is day 20777 since 1970-01-01: 56 years of 365 days + 14 leap days (1972..2024)
// = 20454 for 2026-01-01, + 304 days (Jan..Oct) = 20758 for 2026-11-01, + 19.
constexpr Day kNov20_2026 = 20777;

Day D(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }
Seconds at(Day day, int h, int m, int s = 0) { return static_cast<Seconds>(day) * 86400 + h * 3600 + m * 60 + s; }

}  // namespace

TEST_CASE("rules/dates: civil day numbers and formatting", "[rules][dates]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2026, 11, 20) == kNov20_2026);
    CHECK(days_from_civil(2026, 11, 26) == kNov20_2026 + 6);
    CHECK(format_day(kNov20_2026) == "2026-11-20");
    CHECK(format_day(kNov20_2026 - 59) == "2026-09-22");  // first day of the 60-day window
    CHECK(format_day(kNov20_2026 - 29) == "2026-10-22");  // first day of the 30-day window
    CHECK(format_day(kNov20_2026 - 89) == "2026-08-23");  // first day of the 90-day window
    REQUIRE(parse_day("2026-11-20"));
    CHECK(*parse_day("2026-11-20") == kNov20_2026);
    CHECK_FALSE(parse_day("2026-02-30"));
    CHECK_FALSE(parse_day("2026-13-01"));
    CHECK_FALSE(parse_day("20261120"));
    CHECK(weekday(kNov20_2026) == 5);  // Friday
}

TEST_CASE("rules/dates: accepted timestamp forms (docs/rules.md §2)", "[rules][dates]") {
    const int32_t pacific = -8 * 3600;
    const Day nov2 = kNov20_2026 - 18;  // 2026-11-02
    // No offset: already shop-local.
    REQUIRE(parse_timestamp("2026-11-02 09:30", pacific));
    CHECK(*parse_timestamp("2026-11-02 09:30", pacific) == at(nov2, 9, 30));
    CHECK(*parse_timestamp("2026-11-02T09:30:15", pacific) == at(nov2, 9, 30, 15));
    // Z: 09:30 UTC is 01:30 at -08:00.
    REQUIRE(parse_timestamp("2026-11-02T09:30:00Z", pacific));
    CHECK(*parse_timestamp("2026-11-02T09:30:00Z", pacific) == at(nov2, 1, 30));
    // +08:00: 09:30 at +08 = 01:30 UTC = 17:30 the day before at -08:00.
    REQUIRE(parse_timestamp("2026-11-02 09:30:00+08:00", pacific));
    CHECK(*parse_timestamp("2026-11-02 09:30:00+08:00", pacific) == at(nov2 - 1, 17, 30));
    // Default shop offset +00:00: Z is unchanged.
    CHECK(*parse_timestamp("2026-11-02T09:30:00Z", 0) == at(nov2, 9, 30));
    // Seller Center US form, a trailing tab or spaces trimmed; 12-hour clock.
    REQUIRE(parse_timestamp("11/02/2026 09:30:00 AM\t", pacific));
    CHECK(*parse_timestamp("11/02/2026 09:30:00 AM\t", pacific) == at(nov2, 9, 30));
    CHECK(*parse_timestamp("11/02/2026 09:30:00 PM  ", pacific) == at(nov2, 21, 30));
    CHECK(*parse_timestamp("11/02/2026 12:15:00 AM", pacific) == at(nov2, 0, 15));
    CHECK(*parse_timestamp("11/02/2026 12:15:00 PM", pacific) == at(nov2, 12, 15));
    // Not dates.
    CHECK_FALSE(parse_timestamp("2026-11-31 09:30", 0));
    CHECK_FALSE(parse_timestamp("yesterday", 0));
    CHECK_FALSE(parse_timestamp("13/02/2026 09:30:00 AM", 0));  // month 13 in the US form
}

TEST_CASE("rules/dates: Seller Center's fixed forms read by the shortcut as by the scanner", "[rules][dates][boundary]") {
    const Day nov2 = kNov20_2026 - 18;  // 2026-11-02
    // The three forms at their edges, worked by hand.
    CHECK(parse_timestamp("11/02/2026 12:00:00 AM", 0) == at(nov2, 0, 0));
    CHECK(parse_timestamp("11/02/2026 11:59:59 PM", 0) == at(nov2, 23, 59, 59));
    CHECK(parse_timestamp("11/02/2026 01:00:00 pm", 0) == at(nov2, 13, 0));
    CHECK(parse_timestamp("02/11/2026 23:59:60", 0, DateOrder::day_first) == at(nov2, 23, 59, 59));  // a leap second
    CHECK(parse_timestamp("2026-11-02 00:00:00", 0) == at(nov2, 0, 0));
    CHECK(parse_timestamp("02/29/2028 10:00:00 AM", 0) == at(days_from_civil(2028, 2, 29), 10, 0));
    CHECK_FALSE(parse_timestamp("02/29/2026 10:00:00 AM", 0));  // not a leap year
    CHECK_FALSE(parse_timestamp("11/02/2026 00:30:00 AM", 0));  // no hour 0 on a 12-hour clock
    CHECK_FALSE(parse_timestamp("11/02/2026 13:30:00 PM", 0));
    CHECK_FALSE(parse_timestamp("11/02/2026 09:60:00 AM", 0));
    CHECK_FALSE(parse_timestamp("11/02/2026 09:30:61", 0));
    CHECK_FALSE(parse_timestamp("2026-11-02 24:00:00", 0));
    CHECK_FALSE(parse_timestamp("2026-11-02 09:30:00 AM", 0));  // AM/PM only in the slash form
    CHECK_FALSE(parse_timestamp("11/02/1899 09:30:00 AM", 0));
    // Then any text of those lengths and shapes, digits and separators at random (a fixed seed),
    // both slash orders: the shortcut and the scanner give the same answer every time.
    const std::string templates[] = {"11/02/2026 09:30:00 AM", "02/11/2026 21:30:00", "2026-11-02 21:30:00"};
    const std::string alphabet = "0123456789012345678901234567890123456789/- :APapMmT.+Z\t";
    uint64_t seed = 0x2545F4914F6CDD1DULL;
    auto next = [&seed] { seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17; return seed; };
    int agreed = 0, read = 0;
    for (int k = 0; k < 200000; ++k) {
        std::string text = templates[next() % 3];
        const int changes = 1 + static_cast<int>(next() % 3);
        for (int c = 0; c < changes; ++c) text[next() % text.size()] = alphabet[next() % alphabet.size()];
        for (DateOrder order : {DateOrder::month_first, DateOrder::day_first}) {
            const auto fast = parse_timestamp(text, -8 * 3600, order), scanned = parse_timestamp_scanned(text, -8 * 3600, order);
            INFO(text);
            REQUIRE(fast == scanned);
            ++agreed;
            read += fast.has_value();
        }
    }
    CHECK(agreed == 400000);
    // The comparison covers both answers: many changed texts are still dates (a digit for a
    // digit, an "am" for an "AM"; ~15 % here), the rest are not.
    CHECK(read > agreed / 10);
    CHECK(read < agreed / 2);
}

TEST_CASE("rules/dates: observed US federal holidays", "[rules][dates]") {
    CHECK(is_us_federal_holiday(D(2026, 11, 26)));   // Thanksgiving: 4th Thursday of Nov 2026
    CHECK(is_us_federal_holiday(D(2026, 11, 11)));   // Veterans Day (a Wednesday)
    CHECK(is_us_federal_holiday(D(2026, 10, 12)));   // Columbus Day: 2nd Monday of Oct 2026
    CHECK(is_us_federal_holiday(D(2027, 1, 18)));    // MLK Day: 3rd Monday of Jan 2027
    CHECK(is_us_federal_holiday(D(2026, 7, 3)));     // 2026-07-04 is a Saturday -> Friday 07-03
    CHECK(is_us_federal_holiday(D(2027, 7, 5)));     // 2027-07-04 is a Sunday -> Monday 07-05
    CHECK(is_us_federal_holiday(D(2027, 12, 24)));   // Christmas 2027 is a Saturday -> Fri 12-24
    CHECK(is_us_federal_holiday(D(2027, 6, 18)));    // Juneteenth 2027 is a Saturday -> Fri 06-18
    CHECK(is_us_federal_holiday(D(2027, 12, 31)));   // New Year 2028-01-01 is a Saturday -> 2027-12-31
    CHECK_FALSE(is_us_federal_holiday(D(2026, 11, 25)));
    CHECK_FALSE(is_us_federal_holiday(D(2026, 11, 27)));
    CHECK_FALSE(is_us_federal_holiday(D(2026, 12, 31)));  // 2027-01-01 is a Friday: no shift
    CHECK_FALSE(is_us_business_day(D(2026, 11, 21)));     // Saturday
    CHECK_FALSE(is_us_business_day(D(2026, 11, 22)));     // Sunday
    CHECK_FALSE(is_us_business_day(D(2026, 11, 26)));     // Thanksgiving
    CHECK(is_us_business_day(D(2026, 11, 27)));           // the Friday after Thanksgiving
}

TEST_CASE("rules/dates: N business days after creation skip weekends and holidays", "[rules][dates]") {
    // Created Fri 2026-11-20: Mon 23 (1), Tue 24 (2), Wed 25 (3), Thu 26 Thanksgiving (skip),
    // Fri 27 (4), Mon 30 (5), Tue Dec 1 (6).
    CHECK(add_us_business_days(D(2026, 11, 20), 6) == D(2026, 12, 1));
    // Created Wed 2027-12-22: Thu 23 (1), Fri 24 observed Christmas (skip), weekend,
    // Mon 27 (2), 28 (3), 29 (4), Thu 30 (5), Fri 31 observed New Year 2028 (skip), weekend,
    // Mon 2028-01-03 (6).
    CHECK(add_us_business_days(D(2027, 12, 22), 6) == D(2028, 1, 3));
    // Created Wed 2027-06-16: Thu 17 (1), Fri 18 observed Juneteenth (skip), Mon 21 (2), 22 (3),
    // 23 (4), Thu 24 (5), Fri 25 (6).
    CHECK(add_us_business_days(D(2027, 6, 16), 6) == D(2027, 6, 25));
    // The creation day itself never counts, even when it is a business day.
    CHECK(add_us_business_days(D(2026, 11, 2), 1) == D(2026, 11, 3));
    // Created on a Saturday: Mon 2026-11-23 is the first business day after.
    CHECK(add_us_business_days(D(2026, 11, 21), 1) == D(2026, 11, 23));
}

TEST_CASE("rules/dates: deliver-by of regular, made-to-order and given dates", "[rules][dates]") {
    const Profile& p = default_profile();
    Order o;
    o.created = at(D(2026, 11, 20), 23, 59);  // late on Friday: still the 20th's business days
    CHECK(deliver_by_day(o, p) == D(2026, 12, 1));  // 6 business days (see above)

    // made_to_order with handling_days 3: 3 + 5 = 8 business days: Dec 1 (6), Wed 2 (7), Thu 3 (8).
    o.type = OrderType::made_to_order;
    o.handling_days = 3;
    CHECK(deliver_by_day(o, p) == D(2026, 12, 3));
    o.type = OrderType::pre_order;
    CHECK(deliver_by_day(o, p) == D(2026, 12, 3));

    // A deliver_by from the data wins.
    o.deliver_by = D(2026, 12, 10);
    CHECK(deliver_by_day(o, p) == D(2026, 12, 10));

    // The profile's SLA: 2 business days after Fri 2026-11-20 = Tue 11-24.
    Profile two = p;
    two.delivery_sla_business_days = 2;
    Order r;
    r.created = at(D(2026, 11, 20), 9, 0);
    CHECK(deliver_by_day(r, two) == D(2026, 11, 24));
}

TEST_CASE("rules/dates: derived deliver-by decides OTDR on time vs late across Thanksgiving", "[rules][dates]") {
    // Three regular orders created Fri 2026-11-20 (deliver-by Tue 2026-12-01, see above), scored
    // as of 2026-12-01 so that the deliver-by is in the 30-day window:
    //   D1 delivered 2026-12-01 20:00 -> on time (same day counts)
    //   D2 delivered 2026-11-30 10:00 -> on time
    //   D3 delivered 2026-12-02 ...   -> after as_of, so not delivered by its deliver-by: late
    // A made-to-order order with handling_days 3 created the same day has deliver-by 2026-12-03,
    // after as_of: out of the window.
    // otdr = 2 on time / 3 = 0.6667.
    const char* json = R"({"schema": "shopscore.dataset/1",
      "shop": {"as_of": "2026-12-01"},
      "orders": [
        {"id": "D1", "created": "2026-11-20 09:00", "delivered": "2026-12-01 20:00"},
        {"id": "D2", "created": "2026-11-20 09:00", "delivered": "2026-11-30 10:00"},
        {"id": "D3", "created": "2026-11-20 09:00", "delivered": "2026-12-02 08:00"},
        {"id": "M1", "created": "2026-11-20 09:00", "type": "made_to_order", "handling_days": 3}
      ]})";
    const Result r = score(dataset_from_json(json, "dataset.json"), {});
    const MetricResult& otdr = r.metrics[kOtdr];
    REQUIRE_FALSE(otdr.no_data);
    CHECK(*otdr.numerator == 2);
    CHECK(*otdr.denominator == 3);
    CHECK(*otdr.value == Approx(2.0 / 3.0));

    // As of 2026-12-03 the made-to-order order's deliver-by (12-03) is in the window and it is
    // not delivered: late. D3 is now delivered (12-02) but after its deliver-by (12-01): late.
    // otdr = 2 / 4.
    ScoreOptions later;
    later.as_of = D(2026, 12, 3);
    const Result r2 = score(dataset_from_json(json, "dataset.json"), later);
    CHECK(*r2.metrics[kOtdr].numerator == 2);
    CHECK(*r2.metrics[kOtdr].denominator == 4);
}

TEST_CASE("rules/dates: default as_of is the latest shop-local order day", "[rules][dates]") {
    // Latest order timestamp: 2026-11-21T03:00:00Z, which at -08:00 is 2026-11-20 19:00.
    const char* json = R"({"shop": {"utc_offset": "-08:00"},
      "orders": [
        {"id": "A", "created": "2026-11-02 09:30", "delivered": "2026-11-06 15:00"},
        {"id": "B", "created": "2026-11-18 09:30", "delivered": "2026-11-21T03:00:00Z"}
      ]})";
    const Result r = score(dataset_from_json(json, "dataset.json"), {});
    CHECK(format_day(r.as_of) == "2026-11-20");
}
