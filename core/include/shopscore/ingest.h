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
#include <functional>
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

// Reading one text export on several threads (Ingest::read_file, core/src/ingest/parallel_read.cpp).
struct ParallelRead {
    unsigned jobs = 1;                        // slices at most (1: one pass)
    size_t min_slice_bytes = size_t{4} << 20;  // a slice is at least this long (smaller files: fewer slices)
    size_t chunk_bytes = size_t{1} << 20;      // each slice is fed in pieces of this size
    // Runs the tasks (one per slice) and returns when all have ended; empty: one after another
    // (the core has no threads; the CLI gives one that starts a thread per task).
    std::function<void(std::vector<std::function<void()>>&)> run_all;
};
// What read_file did, for tests and the benchmark.
struct ParallelReadReport {
    int slices = 1;          // slices read in parallel (1: one pass)
    bool fell_back = false;  // slices were read, but the file was then read on in one pass
    std::string why;         // why one pass (plain words, for --verbose and tests)
    double merge_cpu_seconds = 0;  // the merge after the slices (one thread), std::clock()
};
// Copies `size` bytes at `offset` of the file into `out`; may be called from several threads.
using ReadAt = std::function<void(uint64_t offset, uint8_t* out, size_t size)>;

// Where one text export is cut into slices (Ingest::plan_slices). Plain numbers, so that the
// page's extra workers, each with its own module instance, can be told which slice to read.
struct SlicePlan {
    uint64_t head = 0;             // bytes [0, head) have been fed to the planning Ingest
    std::vector<uint64_t> starts;  // slice k is [starts[k], starts[k + 1]); starts[0] == head; empty: one pass
    uint8_t encoding = 0;          // the head's encoding decision, for the slices' decoders
    std::string why;               // why the file is read in one pass, when it is
    size_t slices() const { return starts.empty() ? 1 : starts.size() - 1; }
};

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
    // The size of the file begun, when the reader knows it (0: not known). An orders export's ID
    // index is then made its final size once its first MiB has told how many bytes an order
    // takes, instead of growing step by step through the file (docs/performance.md, "Issue 21
    // against its targets (session 15)").
    void expect_bytes(uint64_t size);
    void feed(const uint8_t* data, size_t size);  // throws InputError "FILE:ROW:COLUMN: ..."
    FileSummary end();

    // begin(kind, file_name) + feed() of the whole text file + end(), the file read in up to
    // `options.jobs` slices at record boundaries, each by its own reader, the partial datasets
    // merged into this one; the dataset, summary, warnings and first error are those of one pass
    // (orders exports; other kinds are read in one pass). docs/performance.md "Parallel reading".
    FileSummary read_file(ExportKind kind, const std::string& file_name, uint64_t size, const ReadAt& read_at,
                          const ParallelRead& options, ParallelReadReport* report = nullptr);

    // read_file in steps, for readers in other module instances (the page's workers, docs/web.md
    // "Every core"); read_file takes the same steps on threads.
    // 1. begin(kind, file_name) and feed the file's head; the plan. With plan.slices() < 2, feed
    //    on from plan.head in one pass and end().
    SlicePlan plan_slices(ExportKind kind, const std::string& file_name, uint64_t size, const ReadAt& read_at,
                          unsigned jobs, size_t min_slice_bytes);
    // 2. On a fresh Ingest with the same shop and date order: slice k (>= 1) of the plan read, as
    //    bytes for merge_slices (never throws for the file's content: a failure travels in them).
    std::string read_slice(ExportKind kind, const std::string& file_name, const SlicePlan& plan, size_t k,
                           const ReadAt& read_at, size_t chunk_bytes = size_t{1} << 20);
    //    The same in steps, for a reader handed the bytes as they come (the page's workers stream
    //    the File): begin(kind, file_name) and feed() the file's first plan.head bytes (an error
    //    there throws as in one pass: the slice is then not read), start_slice(), feed_slice() the
    //    slice's bytes in order, end_slice() -> what read_slice gives. Neither of the last three
    //    throws for the file's content.
    void start_slice(const SlicePlan& plan, size_t k);
    void feed_slice(const uint8_t* data, size_t size);
    std::string end_slice();
    // 3. The planning Ingest, fed up to plan.starts[1] (slice 0), takes in the slices' bytes
    //    (blobs[k - 1] for slice k; "" = could not be read) in file order. false: nothing was
    //    merged (a slice failed): feed on from plan.starts[1] in one pass. true: call end().
    //    Throws the first error one pass gives (a bad cell in a later slice, with its row).
    bool merge_slices(const SlicePlan& plan, const std::vector<std::string>& blobs, ParallelReadReport* report = nullptr);

    // The dataset built from every file so far (exclusions applied, SKU rows merged).
    Dataset finish();
    // As finish(), moving the records out instead of copying them (no second copy of a million
    // orders at the peak): the Ingest is spent afterwards.
    Dataset take();

private:
    Dataset finish_with(Dataset&& records);  // applies the exclusions to `records`
    struct Parts;  // the slices' partial reads (parallel_read.cpp)
    bool merge_parts(Parts& parts, ParallelReadReport& report);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace shopscore
