// Ingest's state (ingest.cpp), shared with the parallel reading of one file (parallel_read.cpp).
#pragma once

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "ingest/cell_error.h"
#include "ingest/csv_tokenizer.h"
#include "ingest/row_mapper.h"
#include "ingest/slice_part.h"
#include "ingest/table_reader.h"
#include "ingest/text_decoder.h"
#include "ingest/xlsx_reader.h"
#include "json_read.h"
#include "result_json_internal.h"
#include "shopscore/error.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"

namespace shopscore {

using namespace ingest;

// A slice of a plan being read in steps (Ingest::start_slice .. end_slice, parallel_read.cpp).
// (Outside Ingest::Impl: clang cannot default-construct a nested struct with member initialisers
// inside std::optional::emplace while the enclosing class is incomplete.)
struct SliceInSteps {
    std::unique_ptr<SliceReader> reader;  // null when the slice failed at its start
    std::string failure;
    uint64_t start = 0, end = 0;
    bool last = false;
};

struct Ingest::Impl {
    IngestState state;

    // The file being read.
    bool open = false;
    ExportKind kind = ExportKind::auto_detect;
    ExportFormat format = ExportFormat::text;
    std::optional<DateOrder> date_order;
    std::string file_name;
    FileSummary summary;
    // Sizing the ID index ahead (expect_bytes): the file's size, the bytes fed so far, the orders
    // there were before this file, and whether it was done.
    uint64_t expected_bytes = 0, fed_bytes = 0;
    size_t orders_before = 0;
    bool sized_ahead = false;
    std::optional<TextDecoder> decoder;
    std::optional<CsvTokenizer> csv;
    std::optional<TableReader> table;
    std::optional<SharedStringsReader> shared_reader;
    std::optional<SheetReader> sheet;
    std::vector<std::string> shared_strings;  // from the xlsx_shared_strings part, kept for the sheet
    enum class Route { undecided, csv, json } route = Route::undecided;
    std::string json_text;
    std::string decoded;  // scratch: decoder output of one feed()
    std::vector<std::string_view> sheet_row;  // scratch: views of an XLSX row's cells
    std::vector<std::string_view> scrubbed;   // scratch: a row with its bad cells emptied
    std::optional<SliceInSteps> slice;  // a slice of a plan being read in steps
    static constexpr size_t kMaxBadCellExamples = 50;

    [[noreturn]] void raise(const CellError& e) const {
        std::string column = e.label;
        if (column.empty() && table) column = table->column_name(e.column);
        if (column.empty()) column = column_letters(e.column < 0 ? 0 : e.column);
        ErrorDetail detail{e.code, file_name, e.row, column, {}, e.expected, e.got};
        throw InputError(file_name + ":" + std::to_string(e.row) + ":" + column, e.message, std::move(detail));
    }

    void start_table() {
        table.emplace(kind, state, file_name, state.dataset.shop.utc_offset_seconds, format == ExportFormat::xlsx_sheet,
                      summary.warnings, date_order);
    }

    // Decoded text of a text file: JSON or CSV, decided by its first non-space character.
    // `last`: no more text follows (end of file), so a held-back start must be decided now.
    void text(std::string_view t, bool last = false) {
        if (route == Route::undecided) {
            // Leading whitespace and a start that may still become "PK\x03\x04" are held back,
            // so the decision does not depend on where a chunk ends (found by fuzz_ingest: "PK"
            // then "\x03\x04" in the next chunk gave binary_data instead of wrong_format).
            // (Leading blank text beyond the JSON limit is refused as if it were JSON.)
            if (json_text.size() + t.size() > json_read::kMaxJsonBytes) json_read::fail_too_large(file_name);
            json_text.append(t);
            const std::string_view held = json_text;
            size_t i = 0;
            while (i < held.size() && (held[i] == ' ' || held[i] == '\t' || held[i] == '\r' || held[i] == '\n')) ++i;
            if (i == held.size()) return;
            const std::string_view zip_magic("PK\x03\x04", 4);
            if (!last && held.size() - i < zip_magic.size() && zip_magic.substr(0, held.size() - i) == held.substr(i)) return;
            t = held;
            const bool is_json = kind == ExportKind::dataset_json || (kind == ExportKind::auto_detect && t[i] == '{');
            if (!is_json && t[i] == '{')
                fail_input(1, -1, "wrong_format", std::string("a CSV/TSV ") + export_kind_name(kind) + " export",
                           "JSON (give a canonical dataset JSON as the dataset, not as an export)", "json");
            if (!is_json && t.substr(i, 4) == std::string_view("PK\x03\x04", 4))
                fail_input(1, -1, "wrong_format", "CSV/TSV text", "an XLSX (zip) file: open it as XLSX", "xlsx");
            route = is_json ? Route::json : Route::csv;
            if (route == Route::json) return;  // json_text holds everything so far
            std::string lead;
            lead.swap(json_text);
            start_table();
            csv.emplace([this](int64_t row, const std::vector<std::string_view>& cells) {
                if (decoder->bad_bytes() == 0) table->row(row, cells);
                else table->row(row, without_bad_cells(row, cells));
            });
            csv->feed(lead);
            return;
        }
        if (route == Route::json) {
            if (json_text.size() + t.size() > json_read::kMaxJsonBytes) json_read::fail_too_large(file_name);
            json_text.append(t);
        } else {
            csv->feed(t);
        }
    }

    // Once the first MiB of a file is read: its orders per byte so far times the bytes
    // still to come is about the orders the file holds; the ID index is made the size it would
    // reach for them, so it is not rebuilt at every growth step on the way (each rebuild
    // re-inserts every order). Once per file. An estimate off either way costs nothing worse than
    // the steps it would have taken: the index still grows when it fills.
    void size_index_ahead() {
        constexpr uint64_t kSample = uint64_t{1} << 20;
        if (sized_ahead || fed_bytes < kSample) return;
        sized_ahead = true;
        // This file's orders so far: none in an export of other rows (or a JSON, read at its end).
        const size_t orders = state.dataset.orders.size() - orders_before;
        if (orders == 0 || fed_bytes >= expected_bytes) return;
        const double per_byte = static_cast<double>(orders) / static_cast<double>(fed_bytes);
        state.dataset.reserve_orders(static_cast<size_t>(per_byte * static_cast<double>(expected_bytes - fed_bytes)));
    }

    // After a file's end: its readers and their buffers (the decoded text, the tokenizer's and
    // the table's scratch) go back to the heap, where the first score's working arrays then fit:
    // the WASM heap never shrinks, so what is free inside it is what a score can use without
    // growing it (docs/performance.md "The compact dataset").
    void release_reader() {
        decoder.reset();
        csv.reset();
        table.reset();
        sheet.reset();
        std::string().swap(decoded);
        std::string().swap(json_text);
    }

    // A canonical dataset JSON read among exports: its records are added to those read so far.
    // Shop facts the Ingest was not given (by --shop or the page) are taken from the JSON; an order
    // already read keeps its fields and gains the JSON's flags.
    void merge(Dataset&& part) {
        Dataset& ds = state.dataset;
        Shop& shop = ds.shop;
        const Shop& other = part.shop;
        if (!shop.as_of) shop.as_of = other.as_of;
        if (!shop.opened) shop.opened = other.opened;
        if (shop.utc_offset_seconds == 0) shop.utc_offset_seconds = other.utc_offset_seconds;
        if (shop.category.empty()) shop.category = other.category;
        if (!shop.reputation_points) shop.reputation_points = other.reputation_points;
        if (!shop.has_logo) shop.has_logo = other.has_logo;
        if (!shop.products_for_sale) shop.products_for_sale = other.products_for_sale;
        if (!shop.violations_30d) shop.violations_30d = other.violations_30d;
        if (!shop.positive_rating_rate) shop.positive_rating_rate = other.positive_rating_rate;
        if (!shop.delivered_orders_90d) shop.delivered_orders_90d = other.delivered_orders_90d;
        for (const Order& o : part.orders) {
            const size_t before = ds.orders.size();
            Order& target = ds.upsert_order(part.order_id(o));
            if (ds.orders.size() == before) {
                target.flags |= o.flags;
                continue;
            }
            // A new order: its fields, with its texts moved into this dataset's pools.
            const uint64_t key = target.key;
            target = o;
            target.key = key;
            ds.set_order_texts(target, part.order_texts(o));  // target.text_set was `part`'s
        }
        for (auto& r : part.reviews) ds.reviews.push_back(std::move(r));
        for (auto& a : part.after_sales) ds.after_sales.push_back(std::move(a));
        for (auto& c : part.chats) ds.chats.push_back(std::move(c));
        for (size_t i = 0; i < ds.direct_metrics.size(); ++i)
            if (!ds.direct_metrics[i]) ds.direct_metrics[i] = part.direct_metrics[i];
        for (auto& w : part.warnings) ds.warnings.push_back(std::move(w));
        for (size_t i = 0; i < ds.given.size(); ++i) ds.given[i] = ds.given[i] || part.given[i];
    }

    // A UTF-8 file with bytes that are not UTF-8 (a cell saved as GBK): each cell holding one is
    // read as empty and named in the bad_cell_encoding warning, so the score is that of the file
    // without those cells (docs/exports.md "Encodings and shapes").
    const std::vector<std::string_view>& without_bad_cells(int64_t row, const std::vector<std::string_view>& cells) {
        scrubbed = cells;
        for (size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].find(static_cast<char>(kBadByteMark)) == std::string_view::npos) continue;
            scrubbed[c] = {};
            std::string column = table->column_name(static_cast<int>(c));
            if (column.empty()) column = column_letters(static_cast<int>(c));
            const std::string where = file_name + ":" + std::to_string(row) + ":" + column;
            auto w = std::find_if(summary.warnings.begin(), summary.warnings.end(),
                                  [](const Warning& x) { return x.code == "bad_cell_encoding"; });
            if (w == summary.warnings.end()) {
                summary.warnings.push_back({"bad_cell_encoding",
                                            "cells that are not UTF-8 text like the rest of the file (saved in another "
                                            "encoding, such as GBK) were read as empty",
                                            {}, 0});
                w = summary.warnings.end() - 1;
            }
            ++w->count;
            if (w->examples.size() < kMaxBadCellExamples) w->examples.push_back(where);
        }
        return scrubbed;
    }

    void bad_encoding() const {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", decoder->bad_byte() & 0xFF);
        const int64_t row = csv ? csv->row() : 1;
        const int column = csv ? csv->column() : 0;
        if (decoder->mixed())
            fail_input(row, column, "bad_encoding", "GB18030 text like the rest of the file",
                       std::string("UTF-8 text (byte ") + hex + " starts it)", hex);
        fail_input(row, column, "bad_encoding", decoder->expectation(), std::string("byte ") + hex + " that is not part of it", hex);
    }
};

}  // namespace shopscore
