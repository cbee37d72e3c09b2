// A plain-text table whose columns line up in a terminal, CJK text included: widths are display
// widths, and colour codes are added after padding so they never count.
#pragma once

#include <string>
#include <vector>

namespace shopscore::cli {

struct TableCell {
    std::string text;
    const char* colour = nullptr;  // an ANSI SGR code such as "32", or none
};

class TextTable {
public:
    TextTable(std::vector<bool> right_aligned, bool colour) : right_(std::move(right_aligned)), colour_(colour) {}
    void add(std::vector<TableCell> row) { rows_.push_back(std::move(row)); }
    // Rows indented by `indent` spaces, columns two spaces apart, no trailing spaces.
    std::string render(size_t indent) const;

private:
    std::vector<bool> right_;
    bool colour_;
    std::vector<std::vector<TableCell>> rows_;
};

// `text` wrapped in an ANSI colour when `on` and a colour is given.
std::string paint(const std::string& text, const char* colour, bool on);

}  // namespace shopscore::cli
