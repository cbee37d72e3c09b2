// Terminal column width of UTF-8 text, so tables line up when cells hold Chinese: East Asian
// Wide and Fullwidth characters take two columns, combining marks none, everything else one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace shopscore::cli {

size_t display_width(std::string_view utf8);

// `text` followed (pad_right) or preceded (pad_left) by spaces up to `width` columns; text
// already wider is returned as it is.
std::string pad_right(std::string_view text, size_t width);
std::string pad_left(std::string_view text, size_t width);

}  // namespace shopscore::cli
