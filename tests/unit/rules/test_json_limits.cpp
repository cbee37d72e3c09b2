// Hostile JSON never crashes: nesting is capped before the tree is built, and error messages
// never print a whole subtree or cut a UTF-8 character in half.
#include <catch2/catch.hpp>
#include <string>

#include "shopscore/error.h"
#include "shopscore/json_io.h"

using namespace shopscore;

TEST_CASE("JSON nested 200000 deep is an input error, not a stack overflow", "[json][limits]") {
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    CHECK_THROWS_WITH(dataset_from_json(deep, "deep.json"), "deep.json: expected JSON nested at most 64 levels deep");
    CHECK_THROWS_WITH(dataset_from_json(R"({"orders": )" + deep + "}", "deep.json"),
                      "deep.json: expected JSON nested at most 64 levels deep");
    CHECK_THROWS_AS(profiles_from_json(deep, "p.json"), InputError);
    CHECK_THROWS_AS(score_options_from_json(deep), InputError);
}

TEST_CASE("a record of the wrong shape is named by its type, not printed", "[json][limits]") {
    CHECK_THROWS_WITH(dataset_from_json(R"({"orders": [[1, 2, 3]]})", "d.json"),
                      "d.json: orders[0]: expected an object, got an array");
}

TEST_CASE("a long bad value is shortened at a character boundary", "[json][limits]") {
    // The value "x" + 40 three-byte characters is shown as its JSON text, cut to 37 bytes: the
    // quote, "x", then 35 bytes of characters, which would end inside the 12th character. The cut
    // backs off to the 11 whole characters (33 bytes) before it.
    std::string chars;
    for (int i = 0; i < 40; ++i) chars += "\xE5\x88\xB0";  // 到
    const std::string json = R"({"orders": [{"id": "A", "created": "x)" + chars + R"("}]})";
    try {
        dataset_from_json(json, "d.json");
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::EndsWith(", got \"x" + chars.substr(0, 33) + "..."));
    }
}
