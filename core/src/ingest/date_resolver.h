// Timestamps of one export file, and the question of which slash-date order it uses.
//
// Seller Center US exports write 11/02/2026 (month first); some exports write 02/11/2026 (day
// first). A file is read with one order, decided from its own data:
// - the first slash date with a part > 12 decides it (25/11/2026 -> day first; 11/25/2026 ->
//   month first). Later dates that do not fit are errors, not silently swapped;
// - until then, dates that read either way (03/04/2026) are *pending*: the row mappers store the
//   sentinel kPendingTime and the resolver keeps the raw text and the record field it belongs to.
//   When the order is decided the pending values are written; so in a real US export (a day > 12
//   appears within days of data) only a few rows are ever pending;
// - a file that ends undecided is read month-first (the US form) and gets an "ambiguous_dates"
//   warning with examples, so the seller can check.
// Pending memory is proportional to the rows read before the order was decided, at most the file's
// rows: records are kept anyway, so this stays within "memory proportional to what is kept".
//
// XLSX date cells arrive as Excel serial numbers (46329.395833 = 2026-11-02 09:30); in XLSX files a
// plain number in a date column is read as such a serial (1900 date system).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopscore/dataset.h"

namespace shopscore::ingest {

enum class Target : uint8_t { order, after_sale, review, chat };
enum class TimeField : uint8_t { created, delivered, cancelled, deliver_by, requested, decided, item_received, inspected, ended };

// Where a timestamp goes: dataset.<target>s[index].<field>.
struct TimeSlot {
    Target target;
    TimeField field;
    uint32_t index;
};

class DateResolver {
public:
    DateResolver(Dataset& dataset, int32_t shop_offset_seconds, bool xlsx)
        : dataset_(dataset), offset_(shop_offset_seconds), xlsx_(xlsx) {}

    // The value of a date-time cell: kNoTime when empty, kPendingTime when it must wait for the
    // file's date order (then resolve() writes it to `slot`, if the slot still holds kPendingTime).
    // Throws CellError (row, column) when `text` is not a date-time.
    Seconds parse(std::string_view text, int64_t row, int column, TimeSlot slot);

    // Would `text` parse as a date-time (used to recognise a row of column descriptions)?
    bool looks_like_time(std::string_view text) const;

    // End of file: writes every pending value. Returns the ambiguity warning, if any.
    std::optional<Warning> resolve();

private:
    struct Pending {
        TimeSlot slot;
        int64_t row;
        int column;
        std::string text;
    };
    Seconds parse_decided(std::string_view text, int64_t row, int column) const;
    void decide(DateOrder order, int64_t row);
    void write(const TimeSlot& slot, Seconds value);

    Dataset& dataset_;
    int32_t offset_;
    bool xlsx_;
    std::optional<DateOrder> order_;
    int64_t evidence_row_ = 0;
    std::vector<Pending> pending_;
    int64_t ambiguous_count_ = 0;
    std::vector<std::string> ambiguous_examples_;
};

// Excel 1900-system serial -> shop-local seconds; nullopt when `text` is not a plain number in
// Excel's date range.
std::optional<Seconds> excel_serial_to_seconds(std::string_view text);

}  // namespace shopscore::ingest
