// Row mappers: one data row of an export (cells already split and decoded) -> records of the
// Dataset. One mapper per kind of export; TableReader (table_reader.h) drives them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/cell_error.h"
#include "ingest/date_resolver.h"
#include "ingest/header_map.h"
#include "shopscore/dataset.h"

namespace shopscore::ingest {

// State shared by every file of one Ingest.
struct IngestState {
    Dataset dataset;
    // Exclusions may arrive before the orders they name: kept here, applied by Ingest::finish().
    std::unordered_map<std::string, uint8_t> exclusions;
    std::vector<std::string> exclusion_order;  // first-seen order, for stable warnings
    // Return Order ID -> index in dataset.after_sales: a return of several SKUs has one row per
    // SKU but is one request.
    std::unordered_map<std::string, uint32_t> return_index;
    // What each order's SKU rows said is in its Order::reading (order_rows.h).
    int orders_files = 0;
    int returns_files = 0;  // returns exports read (NBFR's requests come from them)
    int reviews_files = 0;  // reviews exports read (NRR's reviews come only from them)
};

// One data row as the mappers see it.
struct Row {
    int64_t number = 0;
    const std::vector<std::string_view>* cells = nullptr;  // valid during map() only
    const std::vector<int>* columns = nullptr;  // field index -> column, -1 when absent

    int column(int field) const { return (*columns)[static_cast<size_t>(field)]; }
    bool has(int field) const { return column(field) >= 0; }
    // The trimmed cell of `field`; empty when the column is absent or the row is short. Always
    // inlined: ~20 calls a row, and in WASM the call was 5 % of reading (the compiler kept it out
    // of line when only asked).
    inline __attribute__((always_inline)) std::string_view text(int field) const { return trim_cell(cell(field)); }
    // The same untrimmed.
    inline __attribute__((always_inline)) std::string_view cell(int field) const {
        const int c = column(field);
        if (c < 0 || static_cast<size_t>(c) >= cells->size()) return {};
        return (*cells)[static_cast<size_t>(c)];
    }
};

class RowMapper {
public:
    RowMapper(ExportKind kind, IngestState& state, DateResolver& dates, std::vector<Warning>& warnings)
        : kind_(kind), state_(state), dates_(dates), warnings_(warnings), aliases_(AliasTable::get()) {}
    // The header text of each column, for the column a warning names.
    void set_header(const std::vector<std::string>* header) { header_ = header; }
    virtual ~RowMapper() = default;

    virtual void map(const Row& row) = 0;
    // After the file's dates are resolved.
    virtual void end() {}
    // Takes in the records another mapper of the same kind read from a later part of the same
    // file into `part` (parallel reading, parallel_read.cpp), as if this one had read those rows
    // itself; false when this kind cannot (the file is then read in one pass).
    virtual bool absorb(IngestState& /*part*/) { return false; }

    // For recognising a row of column descriptions: the fields holding dates, and the field that
    // identifies a record (an ID never contains spaces; a description does).
    virtual std::vector<int> date_fields() const = 0;
    virtual int key_field() const = 0;

protected:
    int field(const char* name) const { return aliases_.field(kind_, name); }
    Seconds time(const Row& row, int field, bool required, const char* what);
    // The ID text (a view into the row: copy it to keep it).
    std::string_view id(const Row& row, int field, const char* what, bool required = true) const;
    // A value from a value table of header_aliases.json; "" when the cell is empty. A value the
    // table does not know is "" too, counted in an "unknown_value" warning for its column (the
    // caller's default is the documented safe reading): a new spelling must not stop a file.
    std::string_view choice(const Row& row, int field, const char* table);
    // The canonical value of the cell of `field` in `table`, or "" (no warning). Remembers the last
    // cell text per field: an export repeats a handful of values on every row.
    std::string_view lookup(const Row& row, int field, const char* table);
    // Counts `text` in the "unknown_value" warning of `column`.
    void unknown_value(int column, std::string_view text, const std::string& accepted);
    // The header text of `column`, or its letters.
    std::string column_name(int column) const;
    uint8_t flags(const Row& row, int field, bool record_flags);
    int rating(const Row& row, int field, bool allow_unrated) const;

    ExportKind kind_;
    IngestState& state_;
    DateResolver& dates_;
    std::vector<Warning>& warnings_;
    const AliasTable& aliases_;
    const std::vector<std::string>* header_ = nullptr;

private:
    // The cell's text is kept in the memo itself, not in a std::string (1 KB less module; the
    // same speed). 64 bytes hold every value of the tables (the longest, Thai, are 49); a longer
    // cell (an unknown value) is not remembered, only looked up each time.
    static constexpr size_t kMemoText = 64;
    struct Memo {
        const char* table = nullptr;
        std::string_view value;
        uint32_t size = 0;
        char text[kMemoText];
    };
    static constexpr size_t kMemoWays = 4;  // the last few distinct values of each field
    std::vector<Memo> memo_;                // kMemoWays per field
    std::vector<uint8_t> memo_next_;        // by field: the way to replace next
};

std::unique_ptr<RowMapper> make_row_mapper(ExportKind kind, IngestState& state, DateResolver& dates,
                                           std::vector<Warning>& warnings, const std::string& file_name);

// Adds `example` to the warning with `code` and `params` in `warnings` (created with `message` if
// new); at most 5 examples, each once.
void add_warning(std::vector<Warning>& warnings, const std::string& code, const std::string& message,
                 const std::string& example, const std::map<std::string, std::string>& params = {});

}  // namespace shopscore::ingest
