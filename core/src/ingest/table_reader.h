// Rows of one export file (from the CSV tokenizer or the XLSX sheet reader) -> row mapper.
//
// The first non-blank row is the header: it gives the kind of export (when not given) and the
// column of each field, by name (header_aliases.json), never by position. Required columns that
// are missing are an error on the header row. The row after the header may be a row of column
// descriptions (Seller Center writes one in the orders export, in the seller's language): it is
// recognised by content, as a row whose cells are not values of their columns: none of its date
// cells holds a date or starts with a digit, and one at least holds text (or, with the date cells
// empty, the key cell has a space, which no ID has). A bad date such as 31/31/2026 starts with a
// digit and stays an error.
// Rows whose dates may read both as month/day and day/month are held until the file's date order
// is decided (by a later row, or at the end of the file), then mapped in order: date_resolver.h.
// A second *header* row (cells that are the header names again, in any language) is an error:
// it would otherwise be read as data or silently dropped.
// Blank rows (every cell empty) are skipped: exports end with them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/date_resolver.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {

class TableReader {
public:
    TableReader(ExportKind requested, IngestState& state, std::string file_name, int32_t utc_offset, bool xlsx,
                std::vector<Warning>& warnings, std::optional<DateOrder> date_order = std::nullopt);

    // A reader for a later part of the same file (parallel reading, parallel_read.cpp): the header
    // and columns of `first`, which has read the header and the row under it, its own records in
    // `state`, `warnings` and `dates`.
    TableReader(const TableReader& first, IngestState& state, std::vector<Warning>& warnings, DateResolver dates);

    // The cells are views valid during the call (the CSV tokenizer's); a row kept is copied.
    void row(int64_t number, const std::vector<std::string_view>& cells);  // throws CellError
    void finish();                                              // throws CellError

    ExportKind kind() const { return kind_; }
    int64_t data_rows() const { return data_rows_; }
    // Parallel reading: past the header and the row under it; the dates; rows held for the date
    // order; mapping the held rows once the order is known (as `decided` reads); the mapper.
    bool past_first_data_row() const { return have_header_ && !first_data_row_; }
    DateResolver& dates() { return dates_; }
    const DateResolver& dates() const { return dates_; }
    bool holding() const { return !held_.empty(); }
    void map_held_as(const DateResolver& decided) {
        dates_.follow(decided);
        map_held();
    }
    RowMapper& mapper() { return *mapper_; }
    void add_data_rows(int64_t rows) { data_rows_ += rows; }
    // A slice's partial read crossing to another module instance (slice_part.h): the rows held
    // for the date order, and the data rows counted.
    struct HeldRow {
        int64_t number;
        std::vector<std::string> cells;
    };
    const std::vector<HeldRow>& held() const { return held_; }
    void restore(std::vector<HeldRow> held, int64_t data_rows) {
        held_ = std::move(held);
        data_rows_ = data_rows;
    }
    size_t header_width() const { return header_.size(); }

    // Header text of a column, for "FILE:ROW:COLUMN"; empty when unknown.
    std::string column_name(int column) const;

private:
    void read_header(int64_t number, const std::vector<std::string_view>& cells);
    bool is_description_row(const Row& row) const;
    void map_held();

    ExportKind kind_;
    IngestState& state_;
    std::string file_name_;
    std::vector<Warning>& warnings_;
    DateResolver dates_;
    std::unique_ptr<RowMapper> mapper_;
    std::vector<std::string> header_;
    std::vector<int> columns_;
    std::vector<int> date_fields_;  // the mapper's, asked once
    bool have_header_ = false;
    bool first_data_row_ = true;
    int64_t data_rows_ = 0;
    std::vector<HeldRow> held_;  // rows read while the date order is open, in file order
};

}  // namespace shopscore::ingest
