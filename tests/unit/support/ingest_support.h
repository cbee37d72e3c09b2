// Helpers for the ingest tests: reading fixtures, feeding an Ingest in chosen chunks, unzipping
// the XLSX fixture with the platform's zlib (node's zlib under WASM, the system libz natively),
// and comparing datasets field by field.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/xlsx_package.h"
#include "shopscore/dataset.h"
#include "shopscore/error.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"

namespace ingest_test {

using namespace shopscore;

inline std::string exports_dir() { return std::string(SHOPSCORE_TEST_DATA_DIR) + "/exports/"; }

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open fixture " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string fixture(const std::string& relative) { return read_bytes(exports_dir() + relative); }

// Feeds `bytes` as chunks ending at each offset of `cuts` (then the rest).
inline void feed_chunks(Ingest& ingest, const std::string& bytes, const std::vector<size_t>& cuts) {
    size_t at = 0;
    for (size_t cut : cuts) {
        ingest.feed(reinterpret_cast<const uint8_t*>(bytes.data()) + at, cut - at);
        at = cut;
    }
    ingest.feed(reinterpret_cast<const uint8_t*>(bytes.data()) + at, bytes.size() - at);
}

inline FileSummary read_text(Ingest& ingest, ExportKind kind, const std::string& name, const std::string& bytes,
                             const std::vector<size_t>& cuts = {}, bool text_is_utf8 = false) {
    ingest.begin(kind, name, ExportFormat::text, text_is_utf8);
    feed_chunks(ingest, bytes, cuts);
    return ingest.end();
}

// ---- XLSX unzip (test side: the CLI uses zlib, the page DecompressionStream) ----------------

// Raw-deflate decompression with the platform's zlib (ingest_support.cpp).
std::string inflate_raw(const std::string& compressed, size_t expected_size);

struct Unzipped {
    std::string shared_strings;  // empty when the workbook has none
    std::string sheet;
};

inline std::string zip_entry(const std::string& zip, const std::vector<shopscore::ingest::ZipEntry>& entries,
                             const std::string& name) {
    for (const auto& e : entries) {
        if (e.name != name) continue;
        const auto offset = shopscore::ingest::zip_data_offset(zip.substr(e.local_header_offset, 30), e.local_header_offset);
        if (!offset) throw std::runtime_error("bad local header");
        const std::string data = zip.substr(*offset, e.compressed_size);
        return e.method == 0 ? data : inflate_raw(data, e.uncompressed_size);
    }
    throw std::runtime_error("no " + name + " in the zip");
}

inline Unzipped unzip_xlsx(const std::string& zip) {
    const auto loc = shopscore::ingest::find_zip_directory(zip, zip.size());
    if (!loc) throw std::runtime_error("not a zip");
    const auto entries = shopscore::ingest::read_zip_directory(zip.substr(loc->offset, loc->size), loc->entries);
    if (!entries) throw std::runtime_error("bad zip directory");
    const auto parts = shopscore::ingest::find_workbook_parts(zip_entry(zip, *entries, "xl/workbook.xml"),
                                                              zip_entry(zip, *entries, "xl/_rels/workbook.xml.rels"));
    if (!parts) throw std::runtime_error("no sheet");
    Unzipped u;
    if (!parts->shared_strings_path.empty()) u.shared_strings = zip_entry(zip, *entries, parts->shared_strings_path);
    u.sheet = zip_entry(zip, *entries, parts->sheet_path);
    return u;
}

inline FileSummary read_xlsx(Ingest& ingest, ExportKind kind, const std::string& name, const Unzipped& parts,
                             const std::vector<size_t>& shared_cuts = {}, const std::vector<size_t>& sheet_cuts = {}) {
    if (!parts.shared_strings.empty()) {
        ingest.begin(kind, name, ExportFormat::xlsx_shared_strings);
        feed_chunks(ingest, parts.shared_strings, shared_cuts);
        ingest.end();
    }
    ingest.begin(kind, name, ExportFormat::xlsx_sheet);
    feed_chunks(ingest, parts.sheet, sheet_cuts);
    return ingest.end();
}

// ---- comparing datasets ---------------------------------------------------------------------

inline std::string t(Seconds s) { return s == kNoTime ? "-" : std::to_string(s); }

// Everything a Dataset holds, as text: equal datasets give equal fingerprints.
inline std::string fingerprint(const Dataset& d) {
    std::ostringstream o;
    o << "shop " << (d.shop.as_of ? *d.shop.as_of : -1) << ' ' << (d.shop.opened ? *d.shop.opened : -1) << ' '
      << d.shop.utc_offset_seconds << ' ' << d.shop.category << '\n';
    for (const Order& x : d.orders)
        o << "order " << d.order_id(x) << ' ' << t(x.created) << ' ' << t(x.delivered) << ' ' << t(x.cancelled) << ' ' << x.deliver_by
          << ' ' << x.handling_days << ' ' << int(x.cancel_by) << " [" << d.cancel_reason(x) << "] " << int(x.fulfillment) << ' '
          << int(x.type) << " [" << d.category(x) << "] [" << d.product(x) << "] [" << d.carrier(x) << "] ["
          << d.warehouse(x) << "] " << int(x.flags) << '\n';
    for (const Review& x : d.reviews)
        o << "review " << x.order_id << ' ' << x.sku << ' ' << x.rating << ' ' << t(x.created) << ' ' << int(x.flags) << '\n';
    for (const AfterSale& x : d.after_sales)
        o << "request " << x.order_id << ' ' << int(x.type) << " [" << x.reason << "] " << t(x.requested) << ' ' << t(x.decided)
          << ' ' << t(x.item_received) << ' ' << t(x.inspected) << ' ' << int(x.handled_by) << ' ' << int(x.flags) << '\n';
    for (const Chat& x : d.chats) o << "chat " << x.id << ' ' << x.order_id << ' ' << t(x.ended) << ' ' << x.rating << '\n';
    for (const Warning& w : d.warnings) o << "warning " << w.code << ' ' << w.count << '\n';
    return o.str();
}

// Field-by-field comparison with the twin, so a failure names the record and field.
inline void require_same_records(const Dataset& got, const Dataset& want) {
    REQUIRE(got.orders.size() == want.orders.size());
    for (const Order& w : want.orders) {
        INFO("order " << want.order_id(w));
        const Order* g = got.find_order(want.order_id(w));
        REQUIRE(g != nullptr);
        CHECK(g->created == w.created);
        CHECK(g->delivered == w.delivered);
        CHECK(g->cancelled == w.cancelled);
        CHECK(g->deliver_by == w.deliver_by);
        CHECK(g->handling_days == w.handling_days);
        CHECK(int(g->cancel_by) == int(w.cancel_by));
        CHECK(got.cancel_reason(*g) == want.cancel_reason(w));
        CHECK(int(g->fulfillment) == int(w.fulfillment));
        CHECK(int(g->type) == int(w.type));
        CHECK(got.category(*g) == want.category(w));
        CHECK(int(g->flags) == int(w.flags));
    }
    REQUIRE(got.reviews.size() == want.reviews.size());
    for (size_t i = 0; i < want.reviews.size(); ++i) {
        INFO("review " << i);
        CHECK(got.reviews[i].order_id == want.reviews[i].order_id);
        CHECK(got.reviews[i].sku == want.reviews[i].sku);
        CHECK(got.reviews[i].rating == want.reviews[i].rating);
        CHECK(got.reviews[i].created == want.reviews[i].created);
        CHECK(int(got.reviews[i].flags) == int(want.reviews[i].flags));
    }
    REQUIRE(got.after_sales.size() == want.after_sales.size());
    for (size_t i = 0; i < want.after_sales.size(); ++i) {
        INFO("after-sales request " << i);
        const AfterSale &g = got.after_sales[i], &w = want.after_sales[i];
        CHECK(g.order_id == w.order_id);
        CHECK(int(g.type) == int(w.type));
        CHECK(g.reason == w.reason);
        CHECK(g.requested == w.requested);
        CHECK(g.decided == w.decided);
        CHECK(g.item_received == w.item_received);
        CHECK(g.inspected == w.inspected);
        CHECK(int(g.handled_by) == int(w.handled_by));
        CHECK(int(g.flags) == int(w.flags));
    }
    REQUIRE(got.chats.size() == want.chats.size());
    for (size_t i = 0; i < want.chats.size(); ++i) {
        INFO("chat " << i);
        CHECK(got.chats[i].id == want.chats[i].id);
        CHECK(got.chats[i].ended == want.chats[i].ended);
        CHECK(got.chats[i].rating == want.chats[i].rating);
    }
}

// The InputError message of `body`, or "(no error)".
inline std::string error_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace ingest_test
