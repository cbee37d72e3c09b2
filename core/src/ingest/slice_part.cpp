#include "ingest/slice_part.h"

#include <stdexcept>
#include <unordered_map>

#include "ingest/byte_io.h"

namespace shopscore::ingest {
namespace {

constexpr uint64_t kBlobVersion = 4;  // a blob from another build of the module is refused

void save_warnings(ByteWriter& out, const std::vector<Warning>& warnings) {
    out.u(warnings.size());
    for (const Warning& w : warnings) {
        out.text(w.code);
        out.text(w.message);
        out.u(w.examples.size());
        for (const std::string& e : w.examples) out.text(e);
        out.i(w.count);
        out.u(w.params.size());
        for (const auto& [k, v] : w.params) out.text(k), out.text(v);
    }
}

void load_warnings(ByteReader& in, std::vector<Warning>& warnings) {
    warnings.resize(in.u());
    for (Warning& w : warnings) {
        w.code = in.text();
        w.message = in.text();
        w.examples.resize(in.u());
        for (std::string& e : w.examples) e = in.text();
        w.count = in.i();
        for (uint64_t n = in.u(); n > 0; --n) {
            const std::string key(in.text());
            w.params[key] = in.text();
        }
    }
}

// The orders, with what their rows said (Order::reading; `cancelled` and `cancel_by` as read,
// order_rows.h). An order's five texts: each distinct set of them written once, where an order
// first uses it, then named by its number.
void save_orders(ByteWriter& out, const IngestState& state) {
    const Dataset& ds = state.dataset;
    out.reserve_more(ds.orders.size() * 48);  // ~45 bytes an order: an ID, three times, small numbers
    out.u(ds.orders.size());
    std::unordered_map<TextId, uint64_t> sets;  // Order::text_set -> its number + 1 in the blob
    for (size_t i = 0; i < ds.orders.size(); ++i) {
        const Order& o = ds.orders[i];
        out.text(ds.order_id(o));
        out.i(Seconds{o.created}), out.i(Seconds{o.delivered}), out.i(Seconds{o.cancelled});
        out.u(static_cast<uint64_t>(o.cancel_by));
        out.i(o.deliver_by), out.i(o.handling_days);
        auto& number = sets[o.text_set];
        out.u(number);
        if (number == 0) {
            number = sets.size();
            for (std::string_view text : ds.order_texts(o)) out.text(text);
        }
        out.u(o.flags), out.u(o.reading);  // fulfillment and type are settled from `reading`
    }
}

void load_orders(ByteReader& in, IngestState& state) {
    Dataset& ds = state.dataset;
    const uint64_t orders = in.u();
    struct TextSet {
        Dataset::OrderTexts texts;
        TextId id = 0;  // in `ds`, once an order has used it
        bool set = false;
    };
    std::vector<TextSet> sets;
    for (uint64_t i = 0; i < orders; ++i) {
        const size_t before = ds.orders.size();
        Order& o = ds.upsert_order(in.text());
        if (ds.orders.size() == before) throw std::runtime_error("a slice blob names an order twice");
        o.created = in.i(), o.delivered = in.i(), o.cancelled = in.i();
        o.cancel_by = static_cast<CancelBy>(in.u());
        o.deliver_by = static_cast<Day>(in.i()), o.handling_days = static_cast<int16_t>(in.i());
        const uint64_t number = in.u();
        if (number == 0) {
            TextSet& t = sets.emplace_back();
            for (std::string_view& text : t.texts) text = in.text();
        } else if (number > sets.size()) {
            throw std::runtime_error("a slice blob names a set of texts it does not hold");
        }
        TextSet& t = sets[number == 0 ? sets.size() - 1 : number - 1];
        if (!t.set) {
            ds.set_order_texts(o, t.texts);
            t.id = o.text_set, t.set = true;
        }
        o.text_set = t.id;
        o.flags = static_cast<uint8_t>(in.u());
        o.reading = static_cast<uint16_t>(in.u());
    }
}

}  // namespace

SlicePart::SlicePart(const TableReader& first)
    : table(std::make_unique<TableReader>(first, state, warnings, first.dates().for_later_part())) {}

SliceReader::SliceReader(const Shop& shop, const TextDecoder& head_decoder, const TableReader& first, char delimiter)
    : part_(std::make_unique<SlicePart>(first)) {
    part_->state.dataset.shop = shop;
    decoder_.continue_as(head_decoder);
    csv_ = std::make_unique<CsvTokenizer>(
        [this](int64_t row, const std::vector<std::string_view>& cells) { part_->table->row(row, cells); }, delimiter);
}

void SliceReader::fail(const char* why) {
    if (part_->failure.empty()) part_->failure = why;
}

void SliceReader::feed(const uint8_t* data, size_t size) {
    if (!part_->failure.empty()) return;
    try {
        std::string_view text;
        if (!decoder_.decode(data, size, decoded_, text)) return fail("bytes that are not text");
        csv_->feed(text);
    } catch (const std::exception& e) {
        fail(e.what());
    } catch (...) {
        fail("an error in a cell");  // a CellError: one pass gives it, with its row
    }
}

std::unique_ptr<SlicePart> SliceReader::finish(bool last) {
    if (part_->failure.empty()) {
        try {
            if (last) {
                decoded_.clear();
                if (!decoder_.finish(decoded_)) fail("the file ends inside a character");
                csv_->feed(decoded_);
                csv_->finish();
            } else if (!csv_->at_record_start()) {
                fail("a slice before it did not end between records");
            } else if (!decoder_.decided() && !decoder_.ascii_so_far()) {
                // (Its held bytes leave the tokenizer inside a record too; said here in plain words.)
                fail("the encoding was still being decided at the slice's end");
            }
        } catch (...) {
            fail("an error at the end of the file");
        }
    }
    if (decoder_.bad_bytes()) fail("a cell that is not UTF-8");
    part_->records = csv_->records();
    part_->encoding = decoder_.decision();
    return std::move(part_);
}

std::string save_slice_part(const SlicePart& part) {
    ByteWriter out;
    out.u(kBlobVersion);
    out.text(part.failure);
    if (!part.failure.empty()) return out.take();  // nothing else is used
    out.u(part.start), out.u(part.end);
    out.i(part.records);
    out.u(part.encoding);
    out.i(part.table->data_rows());
    part.table->dates().save(out);
    const auto& held = part.table->held();
    out.u(held.size());
    for (const TableReader::HeldRow& h : held) {
        out.i(h.number);
        out.u(h.cells.size());
        for (const std::string& c : h.cells) out.text(c);
    }
    save_warnings(out, part.warnings);
    save_orders(out, part.state);
    return out.take();
}

std::string failed_slice_blob(std::string_view why) {
    ByteWriter out;
    out.u(kBlobVersion);
    out.text(why.empty() ? std::string_view("failed") : why);
    return out.take();
}

std::unique_ptr<SlicePart> load_slice_part(std::string_view blob, const TableReader& first, const Shop& shop) {
    ByteReader in(blob);
    auto part = std::make_unique<SlicePart>(first);
    part->state.dataset.shop = shop;
    if (in.u() != kBlobVersion) throw std::runtime_error("a slice blob of another version");
    part->failure = in.text();
    if (!part->failure.empty()) return part;
    part->start = in.u(), part->end = in.u();
    part->records = in.i();
    part->encoding = static_cast<uint8_t>(in.u());
    const int64_t data_rows = in.i();
    part->table->dates().load(in);
    std::vector<TableReader::HeldRow> held(in.u());
    for (TableReader::HeldRow& h : held) {
        h.number = in.i();
        h.cells.resize(in.u());
        for (std::string& c : h.cells) c = in.text();
    }
    part->table->restore(std::move(held), data_rows);
    load_warnings(in, part->warnings);
    load_orders(in, part->state);
    if (!in.done()) throw std::runtime_error("a slice blob with bytes after its end");
    return part;
}

}  // namespace shopscore::ingest
