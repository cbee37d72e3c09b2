// The embind layer: a thin shell over the core. Everything here converts between JavaScript
// and the core's types; no scoring logic lives here.
//
// Errors: any C++ exception becomes a JavaScript Error whose message is the CLI's one-line text
// and whose name is "InputError" (bad data, exit 2 on the CLI) or "InternalError" (exit 1); its
// other properties are the core's error_to_json() fields (docs/errors.md), nothing added here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shopscore/batch_row.h"
#include "shopscore/calibrate.h"
#include "shopscore/error.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"
#include "shopscore/limits.h"
#include "shopscore/meta.h"
#include "shopscore/score.h"
#include "shopscore/version.h"
#include "shopscore/xlsx.h"

namespace {

using namespace shopscore;

using emscripten::val;

// A JavaScript Error whose own, enumerable properties are exactly the fields of error_to_json()
// (name, message, code and its parameters), so `{...error}` is the plain data the worker posts.
// Made without a message so that `message` too is set here, as an enumerable property.
val js_error(const std::exception& e) {
    val error = val::global("Error").new_();
    val::global("Object").call<void>("assign", error, val::global("JSON").call<val>("parse", error_to_json(e)));
    return error;
}

// Runs `body`, turning C++ exceptions into JavaScript Errors.
template <typename Body>
auto js_errors(Body body) -> decltype(body()) {
    try {
        return body();
    } catch (const std::exception& e) {
        js_error(e).throw_();
    }
}

std::string score_dataset_json(const std::string& dataset_json, const std::string& options_json) {
    return js_errors([&] {
        const ScoreOptions options = score_options_from_json(options_json);
        Dataset dataset = dataset_from_json(dataset_json, options.source_name.empty() ? "dataset.json" : options.source_name);
        return score_output(score(dataset, options), options);
    });
}

// calibrate(): fits a profile to Seller Center snapshots (docs/calibration.md); "" profile = the
// built-in. Answers the report JSON, whose "profile" is the fitted profile.
Calibration calibrate_with(const Dataset& dataset, const std::string& snapshots_json, const std::string& profile_json) {
    const std::vector<Snapshot> snapshots = snapshots_from_json(snapshots_json, "seller-center.json");
    const Profile base = profile_json.empty() ? default_profile() : profiles_from_json(profile_json, "profile.json").front();
    return calibrate(dataset, snapshots, base);
}

std::string calibrate_dataset_json(const std::string& dataset_json, const std::string& snapshots_json,
                                   const std::string& profile_json) {
    return js_errors([&] {
        const Dataset dataset = dataset_from_json(dataset_json, "dataset.json");
        return calibration_to_json(calibrate_with(dataset, snapshots_json, profile_json));
    });
}

// A batch row (shopscore/batch_row.h) as {"csv": its CSV line, "row": its cells as JSON}: the
// Shops view keeps only this per shop, and its download is the header plus the lines.
std::string batch_row_json(const ShopRow& row) {
    nlohmann::ordered_json out;
    out["csv"] = batch_csv_line(row, false);
    out["row"] = nlohmann::ordered_json::parse(rows_to_json({row}, false)).at(0);
    return out.dump();
}

// Reading one orders export in several workers (docs/web.md "Every core"): the plan crosses as
// JSON (plain numbers), a slice's partial read as bytes (a Uint8Array). `read_at` is a JavaScript
// function (offset, heap address, size) that copies those bytes of the File into HEAPU8 (a
// worker reads its File synchronously with FileReaderSync).
ReadAt js_read_at(val read_at) {
    return [read_at](uint64_t offset, uint8_t* out, size_t size) {
        read_at(static_cast<double>(offset), reinterpret_cast<uintptr_t>(out), size);
    };
}

std::string plan_to_json(const SlicePlan& plan) {
    nlohmann::ordered_json out;
    out["head"] = plan.head;
    out["starts"] = plan.starts;
    out["encoding"] = plan.encoding;
    out["why"] = plan.why;
    return out.dump();
}

SlicePlan plan_from_json(const std::string& text) {
    const auto in = nlohmann::ordered_json::parse(text);
    SlicePlan plan;
    plan.head = in.at("head").get<uint64_t>();
    plan.starts = in.at("starts").get<std::vector<uint64_t>>();
    plan.encoding = in.at("encoding").get<uint8_t>();
    return plan;
}

// A Uint8Array's bytes, copied by one TypedArray.set into the heap.
std::string bytes_of(const val& array) {
    std::string out(array["length"].as<size_t>(), '\0');
    val(emscripten::typed_memory_view(out.size(), reinterpret_cast<uint8_t*>(out.data()))).call<void>("set", array);
    return out;
}

// Reads exports in chunks. JavaScript copies each chunk (>= 1 MiB) straight into the heap at
// the address reserve() returns and calls commit(): one call per chunk, no per-byte copying.
class IngestSession {
public:
    explicit IngestSession(const std::string& shop_json) : IngestSession(shop_json, "shop.json") {}
    // The Shops view names the shop.json by its path ("DIR/shop/shop.json"), as batch does.
    IngestSession(const std::string& shop_json, const std::string& shop_file)
        : ingest_(js_errors([&] { return shop_json.empty() ? Shop{} : shop_from_json(shop_json, shop_file); })) {}

    void begin(const std::string& kind, const std::string& file_name, const std::string& format,
               bool text_is_utf8) {
        js_errors([&] {
            ExportFormat f = format == "xlsx-shared-strings" ? ExportFormat::xlsx_shared_strings
                             : format == "xlsx-sheet"        ? ExportFormat::xlsx_sheet
                                                             : ExportFormat::text;
            ingest_.begin(export_kind_from_name(kind), file_name, f, text_is_utf8);
        });
    }
    // "mdy", "dmy" or "" (decided from each file's data) for the files begun after this call:
    // the page asks the seller when a file's dates read both ways (an "ambiguous_dates" warning).
    void set_date_order(const std::string& order) {
        js_errors([&] {
            if (order.empty()) return ingest_.set_date_order(std::nullopt);
            const auto parsed = date_order_from_name(order);
            if (!parsed)
                throw InputError("dateOrder", "expected mdy or dmy, got \"" + order + "\"",
                                 ErrorDetail{"invalid_value", {}, 0, {}, "dateOrder", "mdy or dmy", order});
            ingest_.set_date_order(parsed);
        });
    }
    // The main worker's steps of reading in slices (Ingest::plan_slices, merge_slices): the plan as
    // JSON {head, starts, encoding, why}; merging the extra workers' Uint8Arrays (null or empty:
    // that worker failed) answers "" when merged, else why the file must be read on in one pass
    // from starts[1] (plain words, for the benchmark and the tests).
    std::string plan_slices(const std::string& kind, const std::string& file_name, double size, int jobs,
                            double min_slice_bytes, val read_at) {
        return js_errors([&] {
            return plan_to_json(ingest_.plan_slices(export_kind_from_name(kind), file_name, static_cast<uint64_t>(size),
                                                    js_read_at(read_at), static_cast<unsigned>(std::max(jobs, 1)),
                                                    static_cast<size_t>(min_slice_bytes)));
        });
    }
    std::string merge_slices(const std::string& plan_json, val blobs) {
        return js_errors([&] {
            std::vector<std::string> parts(blobs["length"].as<size_t>());
            for (size_t i = 0; i < parts.size(); ++i) {
                const val blob = blobs[i];
                if (!blob.isNull() && !blob.isUndefined()) parts[i] = bytes_of(blob);  // (isTrue() is `=== true`)
            }
            ParallelReadReport report;
            return ingest_.merge_slices(plan_from_json(plan_json), parts, &report) ? std::string() : report.why;
        });
    }
    // In an extra worker that streams its slice (Ingest::start_slice ..): after begin() and the
    // head's commits, startSlice; the slice's bytes through reserve() and commitSlice(); then
    // endSlice() gives the slice's part as bytes (Ingest::read_slice's; a failure travels inside it).
    void start_slice(const std::string& plan_json, int k) {
        js_errors([&] { ingest_.start_slice(plan_from_json(plan_json), static_cast<size_t>(std::max(k, 0))); });
    }
    void commit_slice(size_t size) { ingest_.feed_slice(buffer_.data(), std::min(size, buffer_.size())); }
    val end_slice() {
        std::vector<uint8_t>().swap(buffer_);
        const std::string blob = ingest_.end_slice();
        return val::global("Uint8Array").new_(emscripten::typed_memory_view(blob.size(), blob.data())).call<val>("slice");
    }
    // The size of the file begun (Ingest::expect_bytes): its orders' index is sized ahead.
    void expect_bytes(double size) { ingest_.expect_bytes(size > 0 ? static_cast<uint64_t>(size) : 0); }
    uintptr_t reserve(size_t size) {
        buffer_.resize(size);
        return reinterpret_cast<uintptr_t>(buffer_.data());
    }
    void commit(size_t size) {
        js_errors([&] { ingest_.feed(buffer_.data(), std::min(size, buffer_.size())); });
    }
    std::string end() {
        std::vector<uint8_t>().swap(buffer_);  // free for the score's working arrays (Ingest::end too)
        return js_errors([&] { return file_summary_to_json(ingest_.end()); });
    }
    // Scores everything read so far; call again with other options (profile, as_of) without
    // reading the files again. The per-day counts are kept (ScoreCache): a re-score after a
    // weight, benchmark, protection or shop-fact edit is arithmetic only.
    std::string score(const std::string& options_json) {
        return js_errors([&] {
            if (!dataset_) dataset_ = ingest_.take();  // the session scores only what it has read
            const ScoreOptions options = score_options_from_json(options_json);
            last_ = shopscore::score(*dataset_, options, &cache_);
            return score_output(*last_, options);
        });
    }

    // The last score() as the shop's batch row (the Shops view): {"csv": its line of
    // `shopscore batch --out-csv`, "row": the same cells as JSON}.
    std::string batch_row(const std::string& shop) {
        return js_errors([&] {
            if (!last_) throw std::logic_error("batchRow before score");
            return batch_row_json(ShopRow{shop, last_, "", "", false, std::nullopt});
        });
    }

    // calibrate() on everything read so far.
    std::string calibrate(const std::string& snapshots_json, const std::string& profile_json) {
        return js_errors([&] {
            if (!dataset_) dataset_ = ingest_.take();
            return calibration_to_json(calibrate_with(*dataset_, snapshots_json, profile_json));
        });
    }

private:
    Ingest ingest_;
    std::vector<uint8_t> buffer_;
    std::optional<Dataset> dataset_;
    std::optional<Result> last_;  // the last score(), for batch_row()
    ScoreCache cache_;  // for dataset_, which never changes once made
};

}  // namespace

namespace shopscore::embedded {
extern const char* const header_aliases_json;  // core/src/ingest/header_aliases.json
}

EMSCRIPTEN_BINDINGS(shopscore) {
    emscripten::function("version", emscripten::optional_override([] { return std::string(kVersion); }));
    // The rules' ids, windows, gate, tiers, limits and version as JSON (shopscore/meta.h).
    emscripten::function("meta", emscripten::optional_override([] { return meta_json(); }));
    // Which parts of an XLSX package to read: JSON {sheet_path, sheet_name, shared_strings_path};
    // throws InputError bad_xlsx as the CLI does (shopscore/xlsx.h).
    emscripten::function("findWorkbookParts",
                         emscripten::optional_override([](const std::string& file, const std::string& workbook,
                                                          const std::string& rels) {
                             return js_errors([&] { return workbook_parts_to_json(choose_workbook_parts(file, workbook, rels)); });
                         }));
    // Errors the page raises before the core reads a byte, worded and shaped by the core: returned
    // (not thrown) for the page to throw. Sizes are Numbers (files may pass 4 GiB).
    emscripten::function("fileTooLargeError", emscripten::optional_override([](const std::string& file, double size) {
                             return js_error(page_file_too_large_error(file, static_cast<uint64_t>(size)));
                         }));
    emscripten::function("badXlsxError", emscripten::optional_override([](const std::string& file, const std::string& what) {
                             return js_error(bad_xlsx_error(file, what));
                         }));
    emscripten::function("xlsxPartTooLargeError",
                         emscripten::optional_override([](const std::string& file, const std::string& part, double limit) {
                             return js_error(xlsx_part_too_large_error(file, part, static_cast<uint64_t>(limit)));
                         }));
    // The Shops view (docs/web.md): the batch CSV's BOM and header row (as bytes); a shop that could not be
    // scored as its row (message and code of its error, as batch writes them); the error of a
    // shop folder without exports.
    // Bytes (a Uint8Array), not a string: embind's UTF-8 decoding would drop the leading BOM.
    emscripten::function("batchCsvHeader", emscripten::optional_override([] {
                             const std::string header = batch_csv_header();
                             return val::global("Uint8Array").new_(emscripten::typed_memory_view(header.size(), header.data()));
                         }));
    emscripten::function("batchErrorRow",
                         emscripten::optional_override([](const std::string& shop, const std::string& message, const std::string& code) {
                             return batch_row_json(ShopRow{shop, std::nullopt, message, code, code == "internal_error", std::nullopt});
                         }));
    emscripten::function("noExportsError", emscripten::optional_override([](const std::string& folder) {
                             return js_error(no_exports_error(folder));
                         }));
    emscripten::function("defaultProfile", emscripten::optional_override([] { return default_profile_json(); }));
    // The exports' column names the core matches (header_aliases.json, as the core reads it): the
    // page names columns in its language with them (web/src/columns.js), so it carries no copy.
    emscripten::function("headerAliases", emscripten::optional_override([] { return std::string(embedded::header_aliases_json); }));
    emscripten::function("score", &score_dataset_json);
    emscripten::function("calibrate", &calibrate_dataset_json);
    emscripten::class_<IngestSession>("Ingest")
        .constructor<std::string>()
        .constructor<std::string, std::string>()
        .function("begin", &IngestSession::begin)
        .function("setDateOrder", &IngestSession::set_date_order)
        .function("planSlices", &IngestSession::plan_slices)
        .function("mergeSlices", &IngestSession::merge_slices)
        .function("startSlice", &IngestSession::start_slice)
        .function("commitSlice", &IngestSession::commit_slice)
        .function("endSlice", &IngestSession::end_slice)
        .function("expectBytes", &IngestSession::expect_bytes)
        .function("reserve", &IngestSession::reserve)
        .function("commit", &IngestSession::commit)
        .function("end", &IngestSession::end)
        .function("score", &IngestSession::score)
        .function("batchRow", &IngestSession::batch_row)
        .function("calibrate", &IngestSession::calibrate);
}
