// Ingest::read_file: one text export read in slices, each by its own reader, merged into the
// result of one pass (docs/performance.md "Parallel reading"). The page takes the same steps in
// several workers (read_slice, merge_slices): one merge for both.
//
// 1. The plan (slice_plan.cpp): the head read by this Ingest itself, split points proposed after it.
// 2. Slice 0 (after the head) is read by this Ingest, every other slice by a reader of its own
//    (slice_part.h): a decoder continuing as the head's, a tokenizer with the file's delimiter, a
//    table reader with the file's header and its own dataset. Run by options.run_all (threads in
//    the CLI), or in other module instances (the page's workers), whose parts arrive as bytes.
// 3. Proof: every slice but the last must end between two records. By induction from the file's
//    start (read exactly), each slice then started at a record start and read what one pass reads.
//    A slice that failed (an error, bytes that are not text, a damaged cell, a date order or an
//    encoding that contradicts an earlier slice's) is not merged: this Ingest reads on from its
//    own slice's end in one pass, which gives exactly one pass's result or first error.
// 4. Merge, in file order: the date order the file's first deciding row gave, the rows each slice
//    held for it, the orders (OrdersMapper::absorb), the warnings (counts added, examples as one
//    pass collects them), the row count, the encoding. Row numbers of a slice are counted from its
//    start and shifted by the records before it.
#include <ctime>
#include <exception>
#include <memory>

#include "ingest/ingest_impl.h"
#include "ingest/slice_part.h"

namespace shopscore {

struct Ingest::Parts {
    std::vector<std::unique_ptr<SlicePart>> list;  // by slice; [0] unused (this Ingest's own)
};

namespace {

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

// Feeds [from, to) of the file to `feed` in pieces of `chunk` bytes.
template <class Feed>
void read_range(const Feed& feed, const ReadAt& read_at, uint64_t from, uint64_t to, size_t chunk) {
    std::vector<uint8_t> buffer(std::max<size_t>(chunk, 1));
    for (uint64_t at = from; at < to;) {
        const size_t n = static_cast<size_t>(std::min<uint64_t>(buffer.size(), to - at));
        read_at(at, buffer.data(), n);
        feed(buffer.data(), n);
        at += n;
    }
}

}  // namespace

FileSummary Ingest::read_file(ExportKind kind, const std::string& file_name, uint64_t size, const ReadAt& read_at,
                              const ParallelRead& options, ParallelReadReport* report) {
    ParallelReadReport unused;
    ParallelReadReport& rep = report ? *report : unused;
    rep = ParallelReadReport{};
    const SlicePlan plan = plan_slices(kind, file_name, size, read_at, options.jobs, options.min_slice_bytes);
    Impl& m = *impl_;
    std::vector<uint8_t> buffer(std::max<size_t>(options.chunk_bytes, 1));
    uint64_t pos = plan.head;  // what this Ingest has been fed
    auto feed_to = [&](uint64_t to) {
        while (pos < to) {
            const size_t n = static_cast<size_t>(std::min<uint64_t>(buffer.size(), to - pos));
            read_at(pos, buffer.data(), n);
            feed(buffer.data(), n);
            pos += n;
        }
    };
    rep.slices = static_cast<int>(plan.slices());
    if (plan.slices() < 2) {
        rep.why = plan.why;
        expect_bytes(size);
        feed_to(size);
        return end();
    }

    // The slices: every reader is made from the head's state before slice 0 moves it on.
    const size_t slices = plan.slices();
    std::vector<std::unique_ptr<SliceReader>> readers(slices);
    for (size_t k = 1; k < slices; ++k)
        readers[k] = std::make_unique<SliceReader>(m.state.dataset.shop, *m.decoder, *m.table, m.csv->delimiter());
    Parts parts;
    parts.list.resize(slices);
    std::exception_ptr own_error;
    std::vector<std::function<void()>> tasks;
    tasks.emplace_back([&] {
        try {
            feed_to(plan.starts[1]);
        } catch (...) {
            own_error = std::current_exception();
        }
    });
    for (size_t k = 1; k < slices; ++k)
        tasks.emplace_back([&, k] {
            bool read = true;
            try {
                read_range([&](const uint8_t* data, size_t n) { readers[k]->feed(data, n); }, read_at, plan.starts[k],
                           plan.starts[k + 1], options.chunk_bytes);
            } catch (...) {  // the file could not be read there: the slice failed
                read = false;
            }
            parts.list[k] = readers[k]->finish(k + 1 == slices);
            parts.list[k]->start = plan.starts[k], parts.list[k]->end = plan.starts[k + 1];
            if (!read && parts.list[k]->failure.empty()) parts.list[k]->failure = "a read error";
            readers[k].reset();
        });
    if (options.run_all) options.run_all(tasks);
    else
        for (auto& task : tasks) task();
    if (own_error) std::rethrow_exception(own_error);  // as one pass: it read the same bytes the same way

    const std::clock_t merge_start = std::clock();
    if (!merge_parts(parts, rep)) {
        feed_to(size);
        return end();
    }
    FileSummary summary = end();
    rep.merge_cpu_seconds = static_cast<double>(std::clock() - merge_start) / CLOCKS_PER_SEC;
    return summary;
}

std::string Ingest::read_slice(ExportKind kind, const std::string& file_name, const SlicePlan& plan, size_t k,
                               const ReadAt& read_at, size_t chunk_bytes) {
    try {
        if (k == 0 || k >= plan.slices()) throw std::invalid_argument("no such slice in the plan");
        // The head, read as the planning Ingest read it: the same header, delimiter and dates.
        begin(kind, file_name, ExportFormat::text);
        std::string head(static_cast<size_t>(plan.head), '\0');
        read_at(0, reinterpret_cast<uint8_t*>(head.data()), head.size());
        feed(reinterpret_cast<const uint8_t*>(head.data()), head.size());
        start_slice(plan, k);
        read_range([&](const uint8_t* data, size_t n) { feed_slice(data, n); }, read_at, plan.starts[k], plan.starts[k + 1],
                   chunk_bytes);
        return end_slice();
    } catch (const std::exception& e) {
        return failed_slice_blob(e.what());
    } catch (...) {
        return failed_slice_blob("an error in the head");
    }
}

void Ingest::start_slice(const SlicePlan& plan, size_t k) {
    Impl& m = *impl_;
    SliceInSteps& s = m.slice.emplace();
    if (k == 0 || k >= plan.slices()) {
        s.failure = "no such slice in the plan";
        return;
    }
    s.start = plan.starts[k], s.end = plan.starts[k + 1], s.last = k + 1 == plan.slices();
    if (!m.open || m.route != Impl::Route::csv || !m.table || !m.table->past_first_data_row() || !m.csv->at_record_start() ||
        m.decoder->decision() != plan.encoding || m.fed_bytes != plan.head) {
        s.failure = "the head did not read as the plan's";
        return;
    }
    s.reader = std::make_unique<SliceReader>(m.state.dataset.shop, *m.decoder, *m.table, m.csv->delimiter());
}

void Ingest::feed_slice(const uint8_t* data, size_t size) {
    Impl& m = *impl_;
    if (m.slice && m.slice->reader) m.slice->reader->feed(data, size);
}

std::string Ingest::end_slice() {
    Impl& m = *impl_;
    if (!m.slice) return failed_slice_blob("no slice started");
    SliceInSteps s = std::move(*m.slice);
    m.slice.reset();
    if (!s.reader) return failed_slice_blob(s.failure);
    try {
        const std::unique_ptr<SlicePart> part = s.reader->finish(s.last);
        part->start = s.start, part->end = s.end;
        return save_slice_part(*part);
    } catch (const std::exception& e) {
        return failed_slice_blob(e.what());
    }
}

bool Ingest::merge_slices(const SlicePlan& plan, const std::vector<std::string>& blobs, ParallelReadReport* report) {
    ParallelReadReport unused;
    ParallelReadReport& rep = report ? *report : unused;
    rep.slices = static_cast<int>(plan.slices());
    Impl& m = *impl_;
    Parts parts;
    parts.list.resize(plan.slices());
    for (size_t k = 1; k < plan.slices(); ++k) {
        try {
            if (k > blobs.size() || blobs[k - 1].empty()) throw std::runtime_error("the slice was not read");
            parts.list[k] = load_slice_part(blobs[k - 1], *m.table, m.state.dataset.shop);
            const SlicePart& p = *parts.list[k];
            if (p.failure.empty() && (p.start != plan.starts[k] || p.end != plan.starts[k + 1]))
                throw std::runtime_error("the blob of another slice");
        } catch (const std::exception& e) {
            parts.list[k] = std::make_unique<SlicePart>(*m.table);
            parts.list[k]->failure = e.what();
        }
    }
    return merge_parts(parts, rep);
}

bool Ingest::merge_parts(Parts& parts, ParallelReadReport& rep) {
    Impl& m = *impl_;
    auto& list = parts.list;
    const size_t slices = list.size();

    // The proof, the encoding and the date order, before anything is merged.
    DateResolver& dates = m.table->dates();
    std::optional<DateOrder> order = dates.order();
    uint8_t encoding = m.decoder->decision();
    std::string failure;
    if (!m.csv->at_record_start()) failure = "slice 1 did not end between records";
    else if (!m.decoder->decided() && !m.decoder->ascii_so_far()) failure = "slice 1 ended while its encoding was being decided";
    for (size_t k = 1; k < slices && failure.empty(); ++k) {
        SlicePart& r = *list[k];
        if (!r.failure.empty()) failure = "slice " + std::to_string(k + 1) + ": " + r.failure;
        // The file's encoding is decided by its first byte outside ASCII, in the first slice that
        // has one; a later slice that decided otherwise read other characters than one pass.
        if (failure.empty() && r.encoding != 0) {
            if (encoding == 0) encoding = r.encoding;
            else if (encoding != r.encoding) failure = "a slice reads another encoding";
        }
        const DateResolver& d = r.table->dates();
        if (failure.empty() && d.order() && d.decided_by_data()) {
            if (!order) order = d.order();
            else if (*order != *d.order()) failure = "a slice reads dates in the other order";
        }
    }
    if (!failure.empty()) {
        rep.fell_back = true;
        rep.why = failure;
        return false;
    }

    // Merge.
    if (encoding != m.decoder->decision()) m.decoder->continue_as_decision(encoding);
    std::vector<int64_t> offset(slices + 1, 0);
    offset[1] = m.csv->records();
    for (size_t k = 1; k < slices; ++k) offset[k + 1] = offset[k] + list[k]->records;
    try {
        if (!dates.order()) {
            size_t j = 1;
            while (j < slices && !list[j]->table->dates().decided_by_data()) ++j;
            if (j < slices) {
                dates.decide(*list[j]->table->dates().order(), offset[j] + list[j]->table->dates().evidence_row());
            } else {
                for (size_t k = 1; k < slices; ++k) dates.absorb_undecided(list[k]->table->dates());
                dates.decide_by_clock();
            }
            m.table->map_held_as(dates);
        }
        for (size_t k = 1; k < slices; ++k) {
            SlicePart& r = *list[k];
            try {
                if (r.table->holding() || !r.table->dates().order()) r.table->map_held_as(dates);
            } catch (CellError& e) {
                e.row += offset[k];
                throw;
            }
            m.table->mapper().absorb(r.state);
            merge_warnings(m.summary.warnings, r.warnings);
            m.table->add_data_rows(r.table->data_rows());
            list[k].reset();
        }
    } catch (const CellError& e) {
        m.raise(e);
    }
    return true;
}

}  // namespace shopscore
