// Ingest::plan_slices: where one text export is cut for reading in slices (docs/performance.md
// "Parallel reading"; parallel_read.cpp reads and merges them).
//
// 1. The head (the header, the row under it, one more row, and, when the file's first byte
//    outside ASCII lies in the first MiB, the bytes that decide the encoding) is fed to this
//    Ingest, as one pass reads it. Nothing beyond the head is scanned here: the page plans in its
//    main worker, and a scan of the whole file there would cost what the slices save.
// 2. Split points are proposed after it (split_points.h), just after line feeds. Each is only a
//    proposal: the merge proves it (parallel_read.cpp).
#include "ingest/ingest_impl.h"
#include "ingest/split_points.h"
#include "ingest/swar.h"

namespace shopscore {
namespace {

constexpr size_t kHeadWindow = size_t{1} << 20;   // the head must fit in it
constexpr size_t kSplitWindow = size_t{256} << 10;  // bytes looked at for one split point
constexpr size_t kProbeLookAhead = 4096 + 64;     // TextDecoder's probe, and a little more

// The offset of the first byte >= 0x80 of `bytes`, or its size.
size_t first_non_ascii(std::string_view bytes) {
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    size_t i = 0;
    while (i + 8 <= bytes.size() && (swar::load(p + i) & swar::kHigh) == 0) i += 8;
    while (i < bytes.size() && p[i] < 0x80) ++i;
    return i;
}

}  // namespace

SlicePlan Ingest::plan_slices(ExportKind kind, const std::string& file_name, uint64_t size, const ReadAt& read_at,
                              unsigned jobs, size_t min_slice_bytes) {
    begin(kind, file_name, ExportFormat::text);
    Impl& m = *impl_;
    SlicePlan plan;
    auto one_pass = [&](const char* why) {
        plan.why = why;
        plan.starts.clear();
        return plan;
    };
    if (jobs <= 1) return one_pass("one job");

    // 1. The head.
    std::string head_bytes(static_cast<size_t>(std::min<uint64_t>(size, kHeadWindow)), '\0');
    read_at(0, reinterpret_cast<uint8_t*>(head_bytes.data()), head_bytes.size());
    size_t head = end_of_records_with_text(head_bytes, 3);
    if (head == std::string_view::npos) return one_pass("the file's first rows do not fit in 1 MiB");
    const size_t non_ascii = first_non_ascii(head_bytes);
    if (non_ascii + kProbeLookAhead < head_bytes.size()) {
        // Decided by bytes early in the file: this Ingest's own decoder decides it in the head.
        const size_t probed = end_of_record_after(head_bytes, std::max(head, non_ascii + kProbeLookAhead));
        if (probed != std::string_view::npos) head = probed;
    }
    feed(reinterpret_cast<const uint8_t*>(head_bytes.data()), head);
    plan.head = head;
    if (m.route != Impl::Route::csv || !m.table || !m.table->past_first_data_row())
        return one_pass("not a table with rows after its header");
    if (m.table->kind() != ExportKind::orders) return one_pass("only orders exports are read in slices");
    if (!m.csv->at_record_start() || m.decoder->utf16() || m.decoder->bad_bytes() ||
        !(m.decoder->decided() || m.decoder->ascii_so_far()))
        return one_pass("the head did not end cleanly");
    // (Only ASCII so far: each slice's decoder decides from its own first other byte, as one pass
    // would from the file's; the merge checks that they agree.)
    plan.encoding = m.decoder->decision();

    // 2. Split points.
    const uint64_t rest = size - head;
    const uint64_t by_size = rest / std::max<size_t>(min_slice_bytes, 1);
    const unsigned wanted = static_cast<unsigned>(std::min<uint64_t>(jobs, std::max<uint64_t>(by_size, 1)));
    if (wanted < 2) return one_pass("the file is too small to split");
    plan.starts = {head};
    const size_t columns = m.table->header_width();
    std::string window;
    for (unsigned i = 1; i < wanted; ++i) {
        const uint64_t nominal = head + rest * i / wanted;  // >= 1: the head is not empty
        if (nominal <= plan.starts.back()) continue;
        const uint64_t from = nominal - 1;  // a line feed just before `nominal` starts a record at it
        window.resize(static_cast<size_t>(std::min<uint64_t>(kSplitWindow, size - from)));
        read_at(from, reinterpret_cast<uint8_t*>(window.data()), window.size());
        const size_t k = find_record_start(window, m.csv->delimiter(), columns, from + window.size() == size);
        if (k == std::string_view::npos || from + k >= size || from + k <= plan.starts.back()) continue;
        plan.starts.push_back(from + k);
    }
    if (plan.starts.size() < 2) return one_pass("no record boundary found to split at");
    plan.starts.push_back(size);
    return plan;
}

}  // namespace shopscore
