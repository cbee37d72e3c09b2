// Ingest::read_file: one text export read in slices, each by its own reader, merged into the
// result of one pass (docs/performance.md "Parallel reading").
//
// 1. The head (the header, the row under it, one more row, and the bytes that decide the
//    encoding) is read by this Ingest itself, as one pass reads it.
// 2. Split points are proposed after it (split_points.h), just after line feeds.
// 3. Slice 0 (after the head) is read by this Ingest, every other slice by a reader of its own:
//    a decoder set to the file's encoding, a tokenizer with the file's delimiter, a table reader
//    with the file's header and its own dataset. Run by options.run_all (threads in the CLI).
// 4. Proof: every slice but the last must end between two records. By induction from the file's
//    start (read exactly), each slice then started at a record start and read what one pass reads.
//    A slice that failed (an error, bytes that are not text, a damaged cell, a date order that
//    contradicts an earlier slice's) is not merged: this Ingest reads on from its own slice's end
//    in one pass, which gives exactly one pass's result or first error.
// 5. Merge, in file order: the date order the file's first deciding row gave, the rows each slice
//    held for it, the orders (OrdersMapper::absorb), the warnings (counts added, examples as one
//    pass collects them), the row count. Row numbers of a slice are counted from its start and
//    shifted by the records before it.
#include <ctime>
#include <cstring>
#include <exception>
#include <memory>

#include "ingest/ingest_impl.h"
#include "ingest/split_points.h"
#include "ingest/swar.h"

namespace shopscore {
namespace {

constexpr size_t kHeadWindow = size_t{1} << 20;   // the head must fit in it
constexpr size_t kSplitWindow = size_t{256} << 10;  // bytes looked at for one split point
constexpr size_t kProbeLookAhead = 4096 + 64;     // TextDecoder's probe, and a little more

// One later slice's own reader.
struct SliceReader {
    IngestState state;
    std::vector<Warning> warnings;
    TextDecoder decoder{false};
    std::unique_ptr<TableReader> table;
    std::unique_ptr<CsvTokenizer> csv;
    std::string decoded;
    std::string failure;  // empty: read whole

    SliceReader(const Shop& shop, const TextDecoder& file_decoder, const TableReader& first, char delimiter) {
        state.dataset.shop = shop;
        decoder.continue_as(file_decoder);
        table = std::make_unique<TableReader>(first, state, warnings, first.dates().for_later_part());
        csv = std::make_unique<CsvTokenizer>(
            [this](int64_t row, const std::vector<std::string_view>& cells) { table->row(row, cells); }, delimiter);
    }

    void feed(const uint8_t* data, size_t size) {
        std::string_view text;
        if (!decoder.decode(data, size, decoded, text)) throw std::runtime_error("bytes that are not text");
        csv->feed(text);
    }
    void finish_file() {
        decoded.clear();
        if (!decoder.finish(decoded)) throw std::runtime_error("the file ends inside a character");
        csv->feed(decoded);
        csv->finish();
    }
};

// Adds `later`'s warnings to `into` as one pass would have collected them: a warning already
// there (same code and params) counts them and takes examples until it has 5; a new one comes
// after those already there.
void merge_warnings(std::vector<Warning>& into, std::vector<Warning>& later) {
    for (Warning& w : later) {
        Warning* same = nullptr;
        for (Warning& x : into)
            if (x.code == w.code && x.params == w.params) same = &x;
        if (!same) {
            into.push_back(std::move(w));
            continue;
        }
        same->count += w.count;
        for (const std::string& e : w.examples)
            if (same->examples.size() < 5 && std::find(same->examples.begin(), same->examples.end(), e) == same->examples.end())
                same->examples.push_back(e);
    }
}

// The offset of the first byte >= 0x80 at or after `from`, or `size`.
uint64_t first_non_ascii(const ReadAt& read_at, uint64_t from, uint64_t size, std::vector<uint8_t>& buffer) {
    for (uint64_t at = from; at < size;) {
        const size_t n = static_cast<size_t>(std::min<uint64_t>(buffer.size(), size - at));
        read_at(at, buffer.data(), n);
        size_t i = 0;
        while (i + 8 <= n && (swar::load(buffer.data() + i) & swar::kHigh) == 0) i += 8;
        while (i < n && buffer[i] < 0x80) ++i;
        if (i < n) return at + i;
        at += n;
    }
    return size;
}

}  // namespace

FileSummary Ingest::read_file(ExportKind kind, const std::string& file_name, uint64_t size, const ReadAt& read_at,
                              const ParallelRead& options, ParallelReadReport* report) {
    ParallelReadReport unused;
    ParallelReadReport& rep = report ? *report : unused;
    rep = ParallelReadReport{};
    begin(kind, file_name, ExportFormat::text);
    Impl& m = *impl_;
    std::vector<uint8_t> buffer(std::max<size_t>(options.chunk_bytes, 1));
    uint64_t pos = 0;  // what this Ingest has been fed
    auto feed_to = [&](uint64_t to) {
        while (pos < to) {
            const size_t n = static_cast<size_t>(std::min<uint64_t>(buffer.size(), to - pos));
            read_at(pos, buffer.data(), n);
            feed(buffer.data(), n);
            pos += n;
        }
    };
    auto one_pass = [&](const char* why) {
        if (rep.why.empty()) rep.why = why;
        rep.slices = 1;
        feed_to(size);
        return end();
    };
    if (options.jobs <= 1) return one_pass("one job");

    // 1. The head.
    std::string head_bytes(static_cast<size_t>(std::min<uint64_t>(size, kHeadWindow)), '\0');
    read_at(0, reinterpret_cast<uint8_t*>(head_bytes.data()), head_bytes.size());
    size_t head = end_of_records_with_text(head_bytes, 3);
    if (head == std::string_view::npos) return one_pass("the file's first rows do not fit in 1 MiB");
    const uint64_t non_ascii = first_non_ascii(read_at, 0, size, buffer);
    if (non_ascii < size && non_ascii + kProbeLookAhead < head_bytes.size()) {
        // Decided by bytes early in the file: this Ingest's own decoder decides it in the head.
        const size_t probed = end_of_record_after(head_bytes, std::max<size_t>(head, static_cast<size_t>(non_ascii) + kProbeLookAhead));
        if (probed != std::string_view::npos) head = probed;
    }
    feed_to(head);
    if (m.route != Impl::Route::csv || !m.table || !m.table->past_first_data_row())
        return one_pass("not a table with rows after its header");
    if (m.table->kind() != ExportKind::orders) return one_pass("only orders exports are read in slices");
    if (!m.csv->at_record_start() || m.decoder->utf16() || m.decoder->bad_bytes() ||
        !(m.decoder->decided() || m.decoder->ascii_so_far()))
        return one_pass("the head did not end cleanly");
    // 2. The encoding of the rest, when only ASCII has been seen: the bytes from the first other
    //    byte on decide it, as they would in one pass.
    if (!m.decoder->decided() && non_ascii < size) {
        TextDecoder ahead(false);
        ahead.skip_bom_check();
        std::vector<uint8_t> probe(static_cast<size_t>(std::min<uint64_t>(kProbeLookAhead * 2, size - non_ascii)));
        read_at(non_ascii, probe.data(), probe.size());
        std::string scratch;
        ahead.decode(probe.data(), probe.size(), scratch);
        if (!ahead.decided() && non_ascii + probe.size() == size) ahead.finish(scratch);
        if (!ahead.decided() || ahead.utf16()) return one_pass("the encoding could not be decided ahead");
        m.decoder->continue_as(ahead);
    }

    // 3. Split points.
    const uint64_t rest = size - head;
    const uint64_t by_size = rest / std::max<size_t>(options.min_slice_bytes, 1);
    const unsigned wanted = static_cast<unsigned>(std::min<uint64_t>(options.jobs, std::max<uint64_t>(by_size, 1)));
    if (wanted < 2) return one_pass("the file is too small to split");
    std::vector<uint64_t> starts{head};
    const size_t columns = m.table->header_width();
    std::string window;
    for (unsigned i = 1; i < wanted; ++i) {
        const uint64_t nominal = head + rest * i / wanted;  // >= 1: the head is not empty
        if (nominal <= starts.back()) continue;
        const uint64_t from = nominal - 1;  // a line feed just before `nominal` starts a record at it
        window.resize(static_cast<size_t>(std::min<uint64_t>(kSplitWindow, size - from)));
        read_at(from, reinterpret_cast<uint8_t*>(window.data()), window.size());
        const size_t k = find_record_start(window, m.csv->delimiter(), columns, from + window.size() == size);
        if (k == std::string_view::npos || from + k >= size || from + k <= starts.back()) continue;
        starts.push_back(from + k);
    }
    if (starts.size() < 2) return one_pass("no record boundary found to split at");
    starts.push_back(size);
    const size_t slices = starts.size() - 1;
    rep.slices = static_cast<int>(slices);

    // 4. Read the slices.
    std::vector<std::unique_ptr<SliceReader>> readers(slices);
    for (size_t k = 1; k < slices; ++k) readers[k] = std::make_unique<SliceReader>(m.state.dataset.shop, *m.decoder, *m.table, m.csv->delimiter());
    std::exception_ptr own_error;
    std::vector<std::function<void()>> tasks;
    tasks.emplace_back([&] {
        try {
            feed_to(starts[1]);
        } catch (...) {
            own_error = std::current_exception();
        }
    });
    for (size_t k = 1; k < slices; ++k)
        tasks.emplace_back([&, k] {
            SliceReader& r = *readers[k];
            std::vector<uint8_t> chunk(buffer.size());
            try {
                for (uint64_t at = starts[k]; at < starts[k + 1];) {
                    const size_t n = static_cast<size_t>(std::min<uint64_t>(chunk.size(), starts[k + 1] - at));
                    read_at(at, chunk.data(), n);
                    r.feed(chunk.data(), n);
                    at += n;
                }
                if (k + 1 == slices) r.finish_file();
                else if (!r.csv->at_record_start()) r.failure = "a slice before it did not end between records";
                if (r.decoder.bad_bytes()) r.failure = "a cell that is not UTF-8";
            } catch (const std::exception& e) {
                r.failure = e.what();
            } catch (...) {
                r.failure = "an error";
            }
        });
    if (options.run_all) options.run_all(tasks);
    else
        for (auto& task : tasks) task();
    if (own_error) std::rethrow_exception(own_error);  // as one pass: it read the same bytes the same way

    // The proof, and the date order, before anything is merged.
    DateResolver& dates = m.table->dates();
    std::optional<DateOrder> order = dates.order();
    std::string failure;
    if (!m.csv->at_record_start()) failure = "slice 1 did not end between records";
    for (size_t k = 1; k < slices && failure.empty(); ++k) {
        SliceReader& r = *readers[k];
        if (!r.failure.empty()) failure = "slice " + std::to_string(k + 1) + ": " + r.failure;
        const DateResolver& d = r.table->dates();
        if (failure.empty() && d.order() && d.decided_by_data()) {
            if (!order) order = d.order();
            else if (*order != *d.order()) failure = "a slice reads dates in the other order";
        }
    }
    if (!failure.empty()) {
        rep.fell_back = true;
        rep.why = failure;
        readers.clear();
        return one_pass("");
    }

    // 5. Merge.
    const std::clock_t merge_start = std::clock();
    std::vector<int64_t> offset(slices + 1, 0);
    offset[1] = m.csv->records();
    for (size_t k = 1; k < slices; ++k) offset[k + 1] = offset[k] + readers[k]->csv->records();
    try {
        if (!dates.order()) {
            size_t j = 1;
            while (j < slices && !readers[j]->table->dates().decided_by_data()) ++j;
            if (j < slices) {
                dates.decide(*readers[j]->table->dates().order(), offset[j] + readers[j]->table->dates().evidence_row());
            } else {
                for (size_t k = 1; k < slices; ++k) dates.absorb_undecided(readers[k]->table->dates());
                dates.decide_by_clock();
            }
            m.table->map_held_as(dates);
        }
        for (size_t k = 1; k < slices; ++k) {
            SliceReader& r = *readers[k];
            try {
                if (r.table->holding() || !r.table->dates().order()) r.table->map_held_as(dates);
            } catch (CellError& e) {
                e.row += offset[k];
                throw;
            }
            m.table->mapper().absorb(r.state);
            merge_warnings(m.summary.warnings, r.warnings);
            m.table->add_data_rows(r.table->data_rows());
            readers[k].reset();
        }
    } catch (const CellError& e) {
        m.raise(e);
    }
    pos = size;
    FileSummary summary = end();
    rep.merge_cpu_seconds = static_cast<double>(std::clock() - merge_start) / CLOCKS_PER_SEC;
    return summary;
}

}  // namespace shopscore
