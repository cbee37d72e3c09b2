// Streaming reader for Seller Center exports (CSV/TSV text and XLSX sheet XML) and the
// canonical JSON dataset, building one Dataset from several files.
//
// Bytes arrive in chunks of any size, split anywhere (inside a quoted field or a UTF-8
// sequence). Memory grows with the orders kept, not with the file size. The same object is
// driven by the CLI (reading files from disk) and by the WASM module (one call per >= 1 MiB
// chunk copied into the heap), so both build identical datasets.
//
// XLSX: the caller unzips (zlib natively, the browser's DecompressionStream or fflate in the
// page) and feeds the parts: first `xl/sharedStrings.xml` (if present) as Format::xlsx_shared_strings,
// then the sheet (`OrderSKUList`, else the first) as Format::xlsx_sheet, both under one file name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shopscore/dataset.h"

namespace shopscore {

// `diagnostics`: Seller Center's after-sales diagnostics download (one row per request with its
// review and inspection durations), which gives AHT (docs/rules.md §12).
enum class ExportKind : uint8_t { auto_detect, orders, returns, reviews, chats, exclusions, diagnostics, dataset_json };
enum class ExportFormat : uint8_t { text, xlsx_shared_strings, xlsx_sheet };

const char* export_kind_name(ExportKind kind);        // "orders", ...
ExportKind export_kind_from_name(std::string_view);   // "auto" and unknown -> auto_detect

// What one file gave, for the CLI's --verbose line and the page's file list.
struct FileSummary {
    std::string file_name;
    ExportKind kind = ExportKind::auto_detect;  // detected from the headers when auto
    std::string encoding;                       // "utf-8", "utf-8-bom", "gb18030", "xlsx"
    int64_t rows = 0;                           // data rows read
    std::vector<Warning> warnings;
};

// "mdy" / "dmy" (also "month-first" / "day-first"); nullopt for anything else.
std::optional<DateOrder> date_order_from_name(std::string_view name);

// {"file": .., "kind": "orders", "encoding": "utf-8", "rows": 12, "warnings": [..]}
std::string file_summary_to_json(const FileSummary& summary);

class Ingest {
public:
    // `shop` gives the utc_offset used to convert timestamps (from --shop FILE.json or the page).
    explicit Ingest(Shop shop);
    ~Ingest();
    Ingest(const Ingest&) = delete;
    Ingest& operator=(const Ingest&) = delete;

    // `text_is_utf8`: the bytes are already UTF-8 (the page decodes with TextDecoder first);
    // otherwise the encoding (UTF-8 with or without BOM, GB18030/GBK) is detected.
    void begin(ExportKind kind, const std::string& file_name,
               ExportFormat format = ExportFormat::text, bool text_is_utf8 = false);
    // The slash-date order of the files begun from now on, as the user stated it (CLI
    // --date-order, the page's question); nullopt (the default): decided from each file's data,
    // see core/src/ingest/date_resolver.h.
    void set_date_order(std::optional<DateOrder> order);
    void feed(const uint8_t* data, size_t size);  // throws InputError "FILE:ROW:COLUMN: ..."
    FileSummary end();

    // The dataset built from every file so far (exclusions applied, SKU rows merged).
    Dataset finish();
    // As finish(), moving the records out instead of copying them (no second copy of a million
    // orders at the peak): the Ingest is spent afterwards.
    Dataset take();

private:
    Dataset finish_with(Dataset&& records);  // applies the exclusions to `records`
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace shopscore
