// docs/rules.md §22 and §24: malformed JSON, wrong types and bad dates are InputError whose message names
// the file and the JSON path ("dataset.json: orders[1].delivered: expected ...") or, for syntax
// errors, the file, line and column ("dataset.json:2:14: ...").
#include <catch2/catch.hpp>

#include <string>

#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

using namespace shopscore;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// The InputError message of reading `text`, or "(no error)".
std::string error_of(const std::string& text, const std::string& file = "dataset.json") {
    try {
        dataset_from_json(text, file);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

// A dataset whose second order has `delivered` set to the raw JSON `value`.
std::string second_delivered(const std::string& value) {
    return R"({"schema": "shopscore.dataset/1", "orders": [
      {"id": "A1", "created": "2026-11-02 09:30", "delivered": "2026-11-06 15:00"},
      {"id": "A2", "created": "2026-11-02 09:30", "delivered": )" + value + "}]}";
}

}  // namespace

TEST_CASE("rules/json: syntax errors name the file, line and column", "[rules][json][errors]") {
    // Line 2 is `  "orders": [,]`; the ',' is its 14th character.
    const std::string e = error_of("{\n  \"orders\": [,]\n}");
    CHECK_THAT(e, StartsWith("dataset.json:2:14: "));
    // Columns count characters, not bytes: in {"a": "é",} the '}' is the 11th character
    // (the 12th byte, since é takes two).
    CHECK_THAT(error_of("{\"a\": \"\xC3\xA9\",}"), StartsWith("dataset.json:1:11: "));
    // Unterminated document.
    CHECK_THAT(error_of("{\"orders\": ["), StartsWith("dataset.json:1:"));
    // It is an InputError (not nlohmann's exception).
    CHECK_THROWS_AS(dataset_from_json("{oops}", "dataset.json"), InputError);
}

TEST_CASE("rules/json: a bad timestamp names the record and field", "[rules][json][errors]") {
    const char* prefix = "dataset.json: orders[1].delivered: expected a date-time like";
    // wrong type
    CHECK_THAT(error_of(second_delivered("12345")), StartsWith(prefix));
    CHECK_THAT(error_of(second_delivered("true")), StartsWith(prefix));
    // unparseable / impossible dates
    CHECK_THAT(error_of(second_delivered(R"("2026-13-01 10:00")")), StartsWith(prefix));
    CHECK_THAT(error_of(second_delivered(R"("31/31/2026")")), StartsWith(prefix));
    CHECK_THAT(error_of(second_delivered(R"("next tuesday")")), StartsWith(prefix));
    // null means "not set", not an error
    CHECK(error_of(second_delivered("null")) == "(no error)");
    // the file name is the one given
    CHECK_THAT(error_of(second_delivered("12345"), "my shop.json"),
               StartsWith("my shop.json: orders[1].delivered: expected a date-time like"));
}

TEST_CASE("rules/json: wrong types elsewhere name their path", "[rules][json][errors]") {
    CHECK_THAT(error_of(R"({"shop": {"as_of": "2026-02-30"}})"), StartsWith("dataset.json: shop.as_of: expected "));
    CHECK_THAT(error_of(R"({"shop": {"opened": 20260101}})"), StartsWith("dataset.json: shop.opened: expected "));
    CHECK_THAT(error_of(R"({"shop": {"has_logo": "yes"}})"), StartsWith("dataset.json: shop.has_logo: expected "));
    CHECK_THAT(error_of(R"({"shop": {"reputation_points": "many"}})"),
               StartsWith("dataset.json: shop.reputation_points: expected "));
    CHECK_THAT(error_of(R"({"orders": {}})"), StartsWith("dataset.json: orders: expected "));
    CHECK_THAT(error_of(R"({"orders": [{"id": "A", "created": "2026-11-02 09:30", "fulfillment": "amazon"}]})"),
               StartsWith("dataset.json: orders[0].fulfillment: expected "));
    CHECK_THAT(error_of(R"({"orders": [{"id": "A", "created": "2026-11-02 09:30", "flags": ["vip"]}]})"),
               StartsWith("dataset.json: orders[0].flags[0]: expected "));
    CHECK_THAT(error_of(R"({"orders": [{"id": "A", "created": "2026-11-02 09:30"}],
                           "reviews": [{"order_id": "A", "sku": "S", "rating": "two stars", "created": "2026-11-08 10:00"}]})"),
               StartsWith("dataset.json: reviews[0].rating: expected "));
    CHECK_THAT(error_of(R"({"after_sales": [{"order_id": "A", "type": "exchange", "requested": "2026-11-08 10:00"}]})"),
               StartsWith("dataset.json: after_sales[0].type: expected "));
    CHECK_THAT(error_of(R"({"after_sales": [{"order_id": "A", "type": "refund", "requested": "2026-11-08 10:00",
                                             "decided": "soon"}]})"),
               StartsWith("dataset.json: after_sales[0].decided: expected a date-time like"));
    CHECK_THAT(error_of(R"({"chats": [{"id": "C1", "ended": "2026-11-03 18:00", "rating": 5},
                                       {"id": "C2", "ended": "2026-11-03 18:00", "rating": 5},
                                       {"id": "C3", "ended": "03.11.2026", "rating": 5}]})"),
               StartsWith("dataset.json: chats[2].ended: expected a date-time like"));
    // A value as text is read by the typed-value rule (docs/scoring.md); one it cannot read is an error.
    CHECK_THAT(error_of(R"({"metrics": {"nrr": {"value": "abc"}}})"), StartsWith("dataset.json: metrics.nrr.value: expected "));
    CHECK_THAT(error_of(R"({"metrics": {"otdr": {"value": "150"}}})"), StartsWith("dataset.json: metrics.otdr.value: expected "));
    // A required field that is missing names its path too.
    CHECK_THAT(error_of(R"({"orders": [{"id": "A1", "created": "2026-11-02 09:30"}, {"id": "A2"}]})"),
               StartsWith("dataset.json: orders[1].created: expected a date-time like"));
}

TEST_CASE("rules/json: unknown fields are ignored; all timestamp forms are read", "[rules][json]") {
    const char* json = R"({"schema": "shopscore.dataset/1", "exported_by": "someone",
      "shop": {"as_of": "2026-11-20", "utc_offset": "-08:00", "favourite_colour": "teal"},
      "orders": [
        {"id": "A1", "created": "2026-11-02 09:30", "delivered": "11/06/2026 03:00:00 PM\t", "note": 1},
        {"id": "A2", "created": "2026-11-02T17:30:00Z", "delivered": "2026-11-07 09:00:00+08:00"}
      ]})";
    Dataset d;
    REQUIRE_NOTHROW(d = dataset_from_json(json, "dataset.json"));
    REQUIRE(d.orders.size() == 2);
    const Seconds nov2 = static_cast<Seconds>(days_from_civil(2026, 11, 2)) * 86400;
    const Seconds nov6 = static_cast<Seconds>(days_from_civil(2026, 11, 6)) * 86400;
    CHECK(d.orders[0].created == nov2 + 9 * 3600 + 30 * 60);
    CHECK(d.orders[0].delivered == nov6 + 15 * 3600);
    // 17:30Z at -08:00 is 09:30 local; 09:00 at +08:00 is 01:00Z = 2026-11-06 17:00 local.
    CHECK(d.orders[1].created == nov2 + 9 * 3600 + 30 * 60);
    CHECK(d.orders[1].delivered == nov6 + 17 * 3600);
}

TEST_CASE("rules/json: profile errors name the profile file and path", "[rules][json][errors]") {
    auto profile_error = [](const std::string& text) -> std::string {
        try {
            profiles_from_json(text, "profile.json");
        } catch (const InputError& e) {
            return e.what();
        }
        return "(no error)";
    };
    CHECK_THAT(profile_error(R"({"volume_prior": "ten"})"), StartsWith("profile.json: volume_prior: expected "));
    CHECK_THAT(profile_error("{\"id\": \"x\",\n\"weights\": }"), StartsWith("profile.json:2:"));
    CHECK(profile_error(R"({"id": "x", "volume_prior": 0})") == "(no error)");
}
