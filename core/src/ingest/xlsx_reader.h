// XLSX sheet XML -> rows of cell text, and the shared-string table it refers to.
//
// The caller unzips (zlib in the CLI, the browser's DecompressionStream or fflate in the page) and
// streams `xl/sharedStrings.xml` through SharedStringsReader, then the sheet through SheetReader.
// Cell references ("C12") give each cell's column and row, so gaps (empty cells Excel leaves out)
// land in the right place and row numbers are those the spreadsheet shows.
//
// Cell values: t="s" (shared string index), t="inlineStr" (<is><t>), t="str" (formula text),
// t="b" (TRUE/FALSE), t="e" (error text like #N/A), numbers as written (<v>46329.5</v>). Excel
// date serial numbers are not turned into dates here: only the row mappers know which columns hold
// dates (see DateResolver). Phonetic runs (<rPh>) are not part of the text.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/xml_scanner.h"

namespace shopscore::ingest {

// Memory limits of an XLSX (docs/limits.md). A workbook is compressed, so a few kilobytes can
// name a huge string or reference one string millions of times; without these caps a 16 KB file
// needed 8 GB. Past a limit the reader stops with code `xlsx_too_large`.
struct XlsxLimits {
    static constexpr size_t kMaxCellBytes = 1 << 20;                  // one cell or shared string (as CSV)
    static constexpr size_t kMaxSharedStrings = 4'000'000;            // entries in the table
    static constexpr size_t kMaxSharedStringBytes = size_t{256} << 20;  // all shared strings together
    static constexpr size_t kMaxRowBytes = size_t{32} << 20;          // all cells of one row
    static constexpr uint64_t kMaxExpansion = uint64_t{512} << 20;    // shared-string text copied into cells, per sheet
};

class SharedStringsReader : private XmlHandler {
public:
    explicit SharedStringsReader(std::vector<std::string>& table) : table_(table), scanner_(*this) {}
    void feed(std::string_view xml) { scanner_.feed(xml); }
    void finish() { scanner_.finish(); }

private:
    void start_element(std::string_view name, const std::vector<XmlAttribute>&) override;
    void end_element(std::string_view name) override;
    void text(std::string_view text) override;

    std::vector<std::string>& table_;
    XmlScanner scanner_;
    size_t bytes_ = 0;  // of all strings in table_
    bool in_si_ = false, in_t_ = false;
    int phonetic_depth_ = 0;
    std::string current_;
};

class SheetReader : private XmlHandler {
public:
    using RowSink = std::function<void(int64_t row, std::vector<std::string>& cells)>;
    SheetReader(const std::vector<std::string>& shared_strings, RowSink sink)
        : shared_(shared_strings), sink_(std::move(sink)), scanner_(*this) {}
    void feed(std::string_view xml) { scanner_.feed(xml); }
    void finish() { scanner_.finish(); }

    int64_t row() const { return row_; }

private:
    void start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) override;
    void end_element(std::string_view name) override;
    void text(std::string_view text) override;
    void finish_cell();

    const std::vector<std::string>& shared_;
    RowSink sink_;
    XmlScanner scanner_;

    bool in_row_ = false, in_cell_ = false, in_value_ = false, in_inline_t_ = false;
    int phonetic_depth_ = 0;
    int64_t row_ = 0;
    int column_ = -1;
    size_t row_bytes_ = 0;    // text in cells_
    uint64_t expansion_ = 0;  // shared-string bytes copied into cells so far
    std::string type_;
    std::string value_;
    std::vector<std::string> cells_;
};

// "C12" -> column 2 and row 12. False when `ref` is not a cell reference.
bool parse_cell_ref(std::string_view ref, int& column, int64_t& row);

}  // namespace shopscore::ingest
