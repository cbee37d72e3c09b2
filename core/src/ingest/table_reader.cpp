#include "ingest/table_reader.h"

#include "ingest/cell_error.h"
#include "ingest/header_map.h"

namespace shopscore::ingest {
namespace {

bool blank(const std::vector<std::string_view>& cells) {
    for (const auto& c : cells)
        if (!trim_cell(c).empty()) return false;
    return true;
}

}  // namespace

TableReader::TableReader(ExportKind requested, IngestState& state, std::string file_name, int32_t utc_offset, bool xlsx,
                         std::vector<Warning>& warnings, std::optional<DateOrder> date_order)
    : kind_(requested), state_(state), file_name_(std::move(file_name)), warnings_(warnings),
      dates_(utc_offset, xlsx, date_order) {}

TableReader::TableReader(const TableReader& first, IngestState& state, std::vector<Warning>& warnings, DateResolver dates)
    : kind_(first.kind_), state_(state), file_name_(first.file_name_), warnings_(warnings), dates_(std::move(dates)),
      header_(first.header_), columns_(first.columns_), date_fields_(first.date_fields_), have_header_(true),
      first_data_row_(false) {
    mapper_ = make_row_mapper(kind_, state_, dates_, warnings_, file_name_);
    mapper_->set_header(&header_);
}

std::string TableReader::column_name(int column) const {
    if (column < 0 || static_cast<size_t>(column) >= header_.size()) return {};
    return std::string(trim_cell(header_[static_cast<size_t>(column)]));
}

void TableReader::row(int64_t number, const std::vector<std::string_view>& cells) {
    if (blank(cells)) return;
    if (!have_header_) {
        read_header(number, cells);
        return;  // (a headerless exclusion list maps its first row itself)
    }
    Row r{number, &cells, &columns_};
    if (first_data_row_) {
        first_data_row_ = false;
        if (is_description_row(r)) return;
    }
    ++data_rows_;
    if (!dates_.decided()) {
        // Every date cell of the row is looked at before any is read: a later cell may decide the
        // order for an earlier one.
        bool ambiguous = false;
        for (int f : date_fields_) {
            const auto evidence = dates_.look(r.text(f));
            if (evidence == DateResolver::Evidence::ambiguous) ambiguous = true;
            if (!dates_.decided() && (evidence == DateResolver::Evidence::month_first || evidence == DateResolver::Evidence::day_first))
                dates_.decide(evidence == DateResolver::Evidence::month_first ? DateOrder::month_first : DateOrder::day_first, number);
        }
        if (dates_.decided()) {
            map_held();
        } else if (ambiguous || !held_.empty()) {
            held_.push_back(HeldRow{number, std::vector<std::string>(cells.begin(), cells.end())});
            return;
        }
    } else if (!dates_.saw_slash_date()) {
        for (int f : date_fields_) dates_.look(r.text(f));  // the date_order warning names files with slash dates
    }
    mapper_->map(r);
}

void TableReader::map_held() {
    std::vector<HeldRow> held;
    held.swap(held_);
    std::vector<std::string_view> views;
    for (const HeldRow& h : held) {
        views.assign(h.cells.begin(), h.cells.end());
        mapper_->map(Row{h.number, &views, &columns_});
    }
}

void TableReader::read_header(int64_t number, const std::vector<std::string_view>& cell_views) {
    const AliasTable& aliases = AliasTable::get();
    const std::vector<std::string> cells(cell_views.begin(), cell_views.end());
    if (kind_ == ExportKind::auto_detect) {
        kind_ = detect_kind(cells);
        if (kind_ == ExportKind::auto_detect) {
            std::string got;
            for (size_t i = 0; i < cells.size() && i < 4; ++i) got += (i ? ", " : "") + std::string(trim_cell(cells[i]));
            fail_cell(number, -1, "unknown_header",
                      "the header row of an orders, returns, reviews, chats or exclusions export "
                      "(e.g. Order ID, Created Time, ...)",
                      got);
        }
    }
    mapper_ = make_row_mapper(kind_, state_, dates_, warnings_, file_name_);
    // Only a table export has a mapper: a dataset JSON given as an XLSX sheet (possible through the
    // API; found by fuzz_ingest) is the wrong format, not a table.
    if (!mapper_)
        fail_input(number, -1, "wrong_format", std::string("a ") + export_kind_name(kind_) + " file as text",
                   "a table (an XLSX sheet)", "xlsx");
    if (kind_ == ExportKind::returns) ++state_.returns_files;
    columns_ = map_columns(kind_, cells);
    date_fields_ = mapper_->date_fields();
    const auto& fields = aliases.fields(kind_);

    if (kind_ == ExportKind::exclusions && columns_[static_cast<size_t>(aliases.field(kind_, "order_id"))] < 0) {
        // No header: "ID,reason" or "ID reason" lines. The first row is data.
        columns_.assign(fields.size(), -1);
        columns_[static_cast<size_t>(aliases.field(kind_, "order_id"))] = 0;
        columns_[static_cast<size_t>(aliases.field(kind_, "reason"))] = 1;
        have_header_ = true;
        first_data_row_ = false;
        ++data_rows_;
        mapper_->map(Row{number, &cell_views, &columns_});
        return;
    }

    header_ = cells;
    mapper_->set_header(&header_);
    for (size_t f = 0; f < fields.size(); ++f) {
        if (!fields[f].required || columns_[f] >= 0) continue;
        std::string also;
        for (size_t a = 1; a < fields[f].aliases.size() && a < 4; ++a) also += (a > 1 ? ", " : "") + fields[f].aliases[a];
        // `got` names the missing column in the file's own language when the header is Chinese.
        throw CellError{number, -1, fields[f].aliases[0],
                        std::string("expected a column \"") + fields[f].aliases[0] + "\" (or " + also + ") in the " +
                            export_kind_name(kind_) + " header row, not found",
                        "missing_column", std::string("a column \"") + fields[f].aliases[0] + "\"", fields[f].aliases[0]};
    }
    // A column the mapping uses must be there once: with two "Order ID" columns the result would
    // silently depend on which one is read.
    for (size_t f = 0; f < fields.size(); ++f) {
        const int c = columns_[f];
        if (c < 0) continue;
        const std::string name = normalize_label(cells[static_cast<size_t>(c)]);
        for (size_t other = 0; other < cells.size(); ++other)
            if (static_cast<int>(other) != c && normalize_label(cells[other]) == name)
                fail_cell(number, static_cast<int>(other), "duplicate_column", "each column once in the header row",
                          trim_cell(cells[other]),
                          "columns " + column_letters(c) + " and " + column_letters(static_cast<int>(other)));
    }
    have_header_ = true;
}

bool TableReader::is_description_row(const Row& row) const {
    const auto& fields = AliasTable::get().fields(kind_);
    const int key = mapper_->key_field();
    auto matches_header = [&](int f) {
        const std::string norm = normalize_label(row.text(f));
        for (const auto& alias : fields[static_cast<size_t>(f)].normalized)
            if (alias == norm) return true;
        return false;
    };
    // A repeated header (the same names, or another language's, perhaps in another column order):
    // the key cell is a header name and so are at least half of the others. Not data, and not
    // descriptions either.
    auto any_header_name = [&](std::string_view text) {
        const std::string norm = normalize_label(text);
        for (const auto& field : fields)
            for (const auto& alias : field.normalized)
                if (alias == norm) return true;
        return false;
    };
    int header_like = 0, non_empty = 0;
    for (size_t f = 0; f < fields.size(); ++f) {
        if (!row.has(static_cast<int>(f)) || row.text(static_cast<int>(f)).empty()) continue;
        ++non_empty;
        header_like += any_header_name(row.text(static_cast<int>(f)));
    }
    if (row.has(key) && !row.text(key).empty() && matches_header(key) && header_like * 2 >= non_empty)
        fail_input(row.number, row.column(key), "repeated_header", "data or a row of column descriptions after the header",
                   "a second header row");
    // Descriptions ("Time the order was created.", "订单创建时间", "เวลาที่สร้างคำสั่งซื้อ"): no date
    // cell holds a date or starts like one, and one at least holds text (or, with the date cells
    // empty, the key cell is prose with a space, which no ID has).
    bool prose = row.text(key).find(' ') != std::string_view::npos;
    for (int f : mapper_->date_fields()) {
        const std::string_view text = row.text(f);
        if (text.empty()) continue;
        // A date typed with full-width digits (０-９: EF BC 90-99 in UTF-8) starts like one too: its
        // row is data, and its date an error, never a row skipped as descriptions.
        const bool full_width_digit = text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
                                      static_cast<unsigned char>(text[1]) == 0xBC &&
                                      static_cast<unsigned char>(text[2]) >= 0x90 && static_cast<unsigned char>(text[2]) <= 0x99;
        if (dates_.looks_like_time(text) || (text[0] >= '0' && text[0] <= '9') || full_width_digit) return false;
        prose = true;
    }
    return prose;
}

void TableReader::finish() {
    if (!have_header_) fail_input(1, -1, "empty_file", "a header row", "an empty file");
    dates_.decide_by_clock();
    map_held();
    for (Warning& w : dates_.warnings()) warnings_.push_back(std::move(w));
    mapper_->end();
}

}  // namespace shopscore::ingest
