// The CLI's display width (cli/display_width.cpp): what lines up the text report's columns.
// Expected widths by hand: ASCII 1 per character; CJK ideographs and fullwidth punctuation
// (East Asian Width W/F) 2; combining marks 0.
#include <catch2/catch.hpp>

#include "cli/display_width.h"

using shopscore::cli::display_width;
using shopscore::cli::pad_left;
using shopscore::cli::pad_right;

TEST_CASE("display width counts CJK as two columns", "[cli]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("Score") == 5);
    CHECK(display_width("差评率") == 6);                  // three ideographs
    CHECK(display_width("受保护(原始 2.21)") == 17);    // 5 ideographs 10 + ASCII "(", " 2.21", ")" 7
    CHECK(display_width("\xEF\xBC\x88x\xEF\xBC\x89") == 5);  // fullwidth parentheses U+FF08/FF09 around x
    CHECK(display_width("提示。") == 6);                 // ideographic full stop U+3002
    CHECK(display_width("1分线") == 5);                   // digit 1 + two ideographs
    CHECK(display_width("e\xCC\x81") == 1);               // e + combining acute accent
    CHECK(display_width("\xF0\x9F\x98\x80") == 2);        // U+1F600 emoji
    CHECK(display_width("\xFF") == 1);                    // a stray byte shows as one replacement character
    CHECK(display_width("\xE5\xB7") == 2);                // a cut sequence: two stray bytes
}

TEST_CASE("padding uses display width", "[cli]") {
    CHECK(pad_right("差评率", 8) == "差评率  ");
    CHECK(pad_left("差评率", 8) == "  差评率");
    CHECK(pad_right("abc", 2) == "abc");  // wider text is left as it is
    CHECK(pad_left("4.00", 6) == "  4.00");
}
