// Timestamps of one export file, and the question of which slash-date order it uses.
//
// Seller Center US exports write 11/02/2026 09:30:00 AM (month first, 12-hour clock); other
// markets' exports write 02/11/2026 09:30 (day first, 24-hour clock). A file is read with one
// order, decided in this order of precedence:
// 1. the order the user stated (CLI --date-order mdy|dmy, Ingest::set_date_order, the page);
// 2. the file's own data: the first slash date with a part > 12 decides (25/11/2026 -> day first;
//    11/25/2026 -> month first). Later dates that do not fit are errors, not silently swapped;
// 3. for a file whose slash dates all read both ways (a one-week export: every day <= 12), the
//    clock: AM/PM times mean the US export (month first), 24-hour times another market's (day
//    first); date-only slash dates are read month-first. The file then gets an "ambiguous_dates"
//    warning with examples and the reading used, so the seller (or the page's question) can
//    correct it.
// A file with slash dates that its data did not settle (rules 1 and 3) gets a "date_order"
// warning naming the reading and its basis; a reading decided by the data is certain.
//
// Until the order is decided, TableReader holds the rows (see table_reader.h) and maps them once it
// is: a mapper never sees a half-read date, so a row whose second date decides the order for its
// first one is read whole (this once left a placeholder in the record).
//
// XLSX date cells arrive as Excel serial numbers (46329.395833 = 2026-11-02 09:30); in XLSX files a
// plain number in a date column is read as such a serial (1900 date system).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byte_io.h"
#include "shopscore/dataset.h"

namespace shopscore::ingest {

class DateResolver {
public:
    DateResolver(int32_t shop_offset_seconds, bool xlsx, std::optional<DateOrder> given = std::nullopt)
        : offset_(shop_offset_seconds), xlsx_(xlsx), given_(given), order_(given) {}

    // What one cell says about the file's slash-date order; notes ambiguous dates and the clock.
    enum class Evidence { none, ambiguous, month_first, day_first };
    Evidence look(std::string_view text);

    bool decided() const { return order_.has_value(); }
    bool saw_slash_date() const { return saw_slash_date_; }
    // The data decided the order at `row`.
    void decide(DateOrder order, int64_t row);
    // End of the file's data: decides an undecided file from the clock (rule 3 above).
    void decide_by_clock();

    // The value of a date-time cell: kNoTime when empty. Throws CellError (row, column) when
    // `text` is not a date-time in the file's order (month first while undecided: only dates that
    // read the same either way are parsed then).
    Seconds parse(std::string_view text, int64_t row, int column) const;
    // The order parse() reads slash dates in now.
    DateOrder slash_order() const { return order_.value_or(DateOrder::month_first); }

    // Would `text` parse as a date-time (used to recognise a row of column descriptions)?
    bool looks_like_time(std::string_view text) const;

    // Parallel reading (parallel_read.cpp): a resolver for a later part of the file (the same
    // decision if there is one, else undecided with nothing seen), what the data decided, and
    // taking in a later part's observations while still undecided / its decision.
    DateResolver for_later_part() const {
        if (order_) return *this;
        return DateResolver(offset_, xlsx_, given_);
    }
    std::optional<DateOrder> order() const { return order_; }
    bool decided_by_data() const { return order_ && basis_ == Basis::data; }
    int64_t evidence_row() const { return evidence_row_; }
    void absorb_undecided(const DateResolver& later);
    // Reads from now on as `decided` does (its order, basis and evidence row).
    void follow(const DateResolver& decided) {
        order_ = decided.order_;
        basis_ = decided.basis_;
        evidence_row_ = decided.evidence_row_;
    }

    // A slice's partial read crosses to another module instance (slice_part.h): everything this
    // resolver knows, and back.
    void save(ByteWriter& out) const;
    void load(ByteReader& in);

    // The "date_order" and "ambiguous_dates" warnings of the file (none without slash dates).
    std::vector<Warning> warnings() const;

private:
    enum class Basis { option, data, clock_12h, clock_24h, date_only };

    int32_t offset_;
    bool xlsx_;
    std::optional<DateOrder> given_;
    std::optional<DateOrder> order_;
    Basis basis_ = Basis::option;
    int64_t evidence_row_ = 0;
    std::string evidence_text_;
    bool saw_slash_date_ = false;
    int64_t twelve_hour_ = 0;       // slash dates with AM/PM
    int64_t twenty_four_hour_ = 0;  // slash dates with a time and no AM/PM
    int64_t ambiguous_count_ = 0;
    std::vector<std::string> ambiguous_examples_;
};

// Excel 1900-system serial -> shop-local seconds; nullopt when `text` is not a plain number in
// Excel's date range.
std::optional<Seconds> excel_serial_to_seconds(std::string_view text);

}  // namespace shopscore::ingest
