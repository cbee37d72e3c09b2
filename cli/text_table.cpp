#include "text_table.h"

#include <algorithm>

#include "display_width.h"

namespace shopscore::cli {

std::string paint(const std::string& text, const char* colour, bool on) {
    if (!on || !colour || text.empty()) return text;
    return std::string("\033[") + colour + "m" + text + "\033[0m";
}

std::string TextTable::render(size_t indent) const {
    std::vector<size_t> widths;
    for (const auto& row : rows_) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c].text));
    }
    std::string out;
    for (const auto& row : rows_) {
        std::string line(indent, ' ');
        for (size_t c = 0; c < row.size(); ++c) {
            const bool right = c < right_.size() && right_[c];
            const std::string padded = right ? pad_left(row[c].text, widths[c]) : pad_right(row[c].text, widths[c]);
            // Colour the text only, not the padding, so a cell's width is the same either way.
            const size_t pad = padded.size() - row[c].text.size();
            const std::string painted = paint(row[c].text, row[c].colour, colour_);
            line += right ? std::string(pad, ' ') + painted : painted + std::string(pad, ' ');
            if (c + 1 < row.size()) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

}  // namespace shopscore::cli
