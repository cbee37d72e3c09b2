// Ingest: drives one reader per file (text: decoder -> CSV tokenizer -> table reader; XLSX:
// shared strings, then sheet XML -> table reader; JSON: buffered and parsed whole) and builds
// one Dataset from all of them. Every error of every reader is turned into one
// "FILE:ROW:COLUMN: expected ..." InputError here.
//
// After an InputError the Ingest holds a partly read file: start a new Ingest to retry.
#include "shopscore/ingest.h"

#include "ingest/ingest_impl.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "ingest/cell_error.h"
#include "json_read.h"
#include "result_json_internal.h"
#include "ingest/csv_tokenizer.h"
#include "ingest/order_rows.h"
#include "ingest/row_mapper.h"
#include "ingest/table_reader.h"
#include "ingest/text_decoder.h"
#include "ingest/xlsx_reader.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"

namespace shopscore {

using namespace ingest;

const char* export_kind_name(ExportKind kind) {
    switch (kind) {
        case ExportKind::orders: return "orders";
        case ExportKind::returns: return "returns";
        case ExportKind::reviews: return "reviews";
        case ExportKind::chats: return "chats";
        case ExportKind::exclusions: return "exclusions";
        case ExportKind::diagnostics: return "diagnostics";
        case ExportKind::dataset_json: return "dataset_json";
        case ExportKind::auto_detect: break;
    }
    return "auto";
}

ExportKind export_kind_from_name(std::string_view name) {
    for (ExportKind k : {ExportKind::orders, ExportKind::returns, ExportKind::reviews, ExportKind::chats,
                         ExportKind::exclusions, ExportKind::diagnostics, ExportKind::dataset_json})
        if (name == export_kind_name(k)) return k;
    if (name == "json" || name == "dataset") return ExportKind::dataset_json;
    return ExportKind::auto_detect;
}

std::optional<DateOrder> date_order_from_name(std::string_view name) {
    if (name == "mdy" || name == "month-first" || name == "month_first") return DateOrder::month_first;
    if (name == "dmy" || name == "day-first" || name == "day_first") return DateOrder::day_first;
    return std::nullopt;
}

std::string file_summary_to_json(const FileSummary& s) {
    nlohmann::ordered_json j;
    j["file"] = s.file_name;
    j["kind"] = export_kind_name(s.kind);
    j["encoding"] = s.encoding;
    j["rows"] = s.rows;
    j["warnings"] = nlohmann::ordered_json::array();
    for (const Warning& w : s.warnings) j["warnings"].push_back(warning_json(w));
    return j.dump();
}

namespace {
// An export read (even with no data rows) gives its input (docs/scoring.md "Missing, typed and no data").
void mark_given(GivenInputs& given, ExportKind kind) {
    switch (kind) {
        case ExportKind::orders: given[kInputOrders] = true; break;
        case ExportKind::returns: given[kInputReturns] = true; break;
        case ExportKind::reviews: given[kInputReviews] = true; break;
        case ExportKind::chats: given[kInputChats] = true; break;
        case ExportKind::diagnostics: given[kInputDiagnostics] = true; break;
        default: break;  // exclusions and JSON give no metric's records of their own
    }
}
}  // namespace

Ingest::Ingest(Shop shop) : impl_(std::make_unique<Impl>()) {
    impl_->state.dataset.shop = std::move(shop);
    impl_->state.dataset.given = {};  // each file read marks its kind as given (end())
}
Ingest::~Ingest() = default;

void Ingest::begin(ExportKind kind, const std::string& file_name, ExportFormat format, bool text_is_utf8) {
    Impl& m = *impl_;
    m.open = true;
    m.kind = kind;
    m.format = format;
    m.file_name = file_name;
    m.summary = FileSummary{};
    m.summary.file_name = file_name;
    m.decoder.reset();
    m.csv.reset();
    m.table.reset();
    m.sheet.reset();
    m.shared_reader.reset();
    m.route = Impl::Route::undecided;
    m.json_text.clear();
    m.expected_bytes = m.fed_bytes = 0;
    m.orders_before = m.state.dataset.orders.size();
    m.sized_ahead = false;
    switch (format) {
        case ExportFormat::text: m.decoder.emplace(text_is_utf8); break;
        case ExportFormat::xlsx_shared_strings:
            m.shared_strings.clear();
            m.shared_reader.emplace(m.shared_strings);
            break;
        case ExportFormat::xlsx_sheet:
            m.start_table();
            m.sheet.emplace(m.shared_strings, [&m](int64_t row, std::vector<std::string>& cells) {
                m.sheet_row.assign(cells.begin(), cells.end());
                m.table->row(row, m.sheet_row);
            });
            break;
    }
}

void Ingest::set_date_order(std::optional<DateOrder> order) { impl_->date_order = order; }

void Ingest::expect_bytes(uint64_t size) { impl_->expected_bytes = size; }

void Ingest::feed(const uint8_t* data, size_t size) {
    Impl& m = *impl_;
    if (!m.open) throw std::logic_error("Ingest::feed() without begin()");
    try {
        if (m.decoder) {
            std::string_view text;
            const bool ok = m.decoder->decode(data, size, m.decoded, text);
            m.text(text);
            if (!ok) m.bad_encoding();
            m.fed_bytes += size;
            if (m.expected_bytes) m.size_index_ahead();
        } else {
            // XLSX parts are UTF-8 XML; a chunk may end inside a character, which the scanner keeps.
            const std::string_view xml(reinterpret_cast<const char*>(data), size);
            if (m.shared_reader) m.shared_reader->feed(xml);
            else m.sheet->feed(xml);
        }
    } catch (const CellError& e) {
        m.raise(e);
    }
}

FileSummary Ingest::end() {
    Impl& m = *impl_;
    if (!m.open) throw std::logic_error("Ingest::end() without begin()");
    m.open = false;
    try {
        if (m.decoder) {
            m.decoded.clear();
            const bool ok = m.decoder->finish(m.decoded);
            m.text(m.decoded, true);
            if (!ok) m.bad_encoding();
            m.summary.encoding = m.decoder->encoding();
            if (m.route == Impl::Route::json) {
                if (m.decoder->bad_bytes()) {  // a dataset JSON has no cells to set aside: all or nothing
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "0x%02X", m.decoder->first_bad_byte() & 0xFF);
                    fail_input(1, -1, "bad_encoding", "UTF-8 text", std::string("byte ") + hex + " that is not part of it", hex);
                }
                Dataset part = dataset_from_json(m.json_text, m.file_name);
                m.json_text.clear();
                m.summary.kind = ExportKind::dataset_json;
                m.summary.rows = static_cast<int64_t>(part.orders.size() + part.reviews.size() + part.after_sales.size() + part.chats.size());
                m.merge(std::move(part));
                return m.summary;
            }
            if (m.route == Impl::Route::undecided) fail_input(1, -1, "empty_file", "a header row", "an empty file");
            m.csv->finish();
        } else if (m.shared_reader) {
            m.shared_reader->finish();
            m.summary.encoding = "xlsx";
            return m.summary;
        } else {
            m.sheet->finish();
            m.summary.encoding = "xlsx";
            m.shared_strings.clear();
            m.shared_strings.shrink_to_fit();
        }
        m.table->finish();
    } catch (const CellError& e) {
        m.raise(e);
    }
    m.summary.kind = m.table->kind();
    m.summary.rows = m.table->data_rows();
    mark_given(m.state.dataset.given, m.summary.kind);
    for (const Warning& w : m.summary.warnings) {
        Warning copy = w;
        copy.message = m.file_name + ": " + copy.message;
        copy.params.emplace("file", m.file_name);
        m.state.dataset.warnings.push_back(std::move(copy));
    }
    m.release_reader();
    return m.summary;
}

Dataset Ingest::finish() {
    Dataset copy = impl_->state.dataset;
    return finish_with(std::move(copy));
}

Dataset Ingest::take() {
    return finish_with(std::move(impl_->state.dataset));
}

Dataset Ingest::finish_with(Dataset&& records) {
    Dataset ds = std::move(records);
    ds.index_run();  // orders merged from a dataset JSON (or an export that failed part way) leave a run
    // The orders' fields from what their rows said (order_rows.h); the orders the orders export
    // marks returned or refunded, for the warning below.
    int64_t returned = 0;
    std::vector<std::string> returned_examples;
    for (Order& o : ds.orders) {
        if (!order_rows::settle(ds, o)) continue;
        if (returned++ < 5) returned_examples.push_back(ds.order_id(o));
    }
    Warning unknown{"exclusion_unknown_order", "excluded order IDs that are in no orders export", {}, 0};
    for (const std::string& id : impl_->state.exclusion_order) {
        const std::optional<uint32_t> row = ds.find_order_index(id);
        if (!row) {
            ++unknown.count;
            if (unknown.examples.size() < 5) unknown.examples.push_back(id);
            continue;
        }
        ds.orders[*row].flags |= impl_->state.exclusions.at(id);
    }
    if (unknown.count) ds.warnings.push_back(std::move(unknown));
    // The orders export marks returns itself; without the returns export NBFR would silently read
    // 0 %, so say how many orders are marked.
    if (impl_->state.returns_files == 0 && ds.after_sales.empty()) {
        Warning marked{"returns_export_missing",
                       "orders are marked returned or refunded in the orders export, but no returns export was given: "
                       "NBFR needs the returns export (its requests and reasons)",
                       std::move(returned_examples), returned};
        if (marked.count) {
            marked.params.emplace("orders", std::to_string(marked.count));
            ds.warnings.push_back(std::move(marked));
        }
    }
    // Likewise NRR reads 0 % without a reviews export: say so when orders were delivered.
    if (impl_->state.reviews_files == 0 && ds.reviews.empty()) {
        const auto delivered = std::count_if(ds.orders.begin(), ds.orders.end(), [](const Order& o) { return o.delivered != kNoTime; });
        if (delivered)
            ds.warnings.push_back({"reviews_export_missing",
                                   "orders were delivered but no reviews export was given: the negative review rate "
                                   "(NRR) needs it and reads 0 % without it",
                                   {}, delivered, {{"orders", std::to_string(delivered)}}});
    }
    return ds;
}

}  // namespace shopscore
