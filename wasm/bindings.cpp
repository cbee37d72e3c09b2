// The embind layer: a thin shell over the core. Everything here converts between JavaScript
// and the core's types; no scoring logic lives here.
//
// Errors: any C++ exception becomes a JavaScript Error whose message is the CLI's one-line text
// and whose name is "InputError" (bad data, exit 2 on the CLI) or "InternalError" (exit 1).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shopscore/calibrate.h"
#include "shopscore/error.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"
#include "shopscore/version.h"

namespace {

using namespace shopscore;

[[noreturn]] void throw_js_error(const char* name, const std::string& message, const ErrorDetail* detail = nullptr) {
    emscripten::val error = emscripten::val::global("Error").new_(message);
    error.set("name", std::string(name));
    if (detail) {  // the stable code and its parameters, for the page to word in its language
        error.set("code", detail->code);
        error.set("file", detail->file);
        error.set("row", static_cast<double>(detail->row));
        error.set("column", detail->column);
        error.set("field", detail->field);
        error.set("expected", detail->expected);
        error.set("got", detail->got);
    }
    error.throw_();
}

// Runs `body`, turning C++ exceptions into JavaScript Errors.
template <typename Body>
auto js_errors(Body body) -> decltype(body()) {
    try {
        return body();
    } catch (const InputError& e) {
        throw_js_error("InputError", e.what(), &e.detail());
    } catch (const std::exception& e) {
        throw_js_error("InternalError", e.what());
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

// Reads exports in chunks. JavaScript copies each chunk (>= 1 MiB) straight into the heap at
// the address reserve() returns and calls commit(): one call per chunk, no per-byte copying.
class IngestSession {
public:
    explicit IngestSession(const std::string& shop_json)
        : ingest_(js_errors([&] { return shop_json.empty() ? Shop{} : shop_from_json(shop_json, "shop.json"); })) {}

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
    uintptr_t reserve(size_t size) {
        buffer_.resize(size);
        return reinterpret_cast<uintptr_t>(buffer_.data());
    }
    void commit(size_t size) {
        js_errors([&] { ingest_.feed(buffer_.data(), std::min(size, buffer_.size())); });
    }
    std::string end() {
        return js_errors([&] { return file_summary_to_json(ingest_.end()); });
    }
    // Scores everything read so far; call again with other options (profile, as_of) without
    // reading the files again. The per-day counts are kept (ScoreCache): a re-score after a
    // weight, benchmark, protection or shop-fact edit is arithmetic only.
    std::string score(const std::string& options_json) {
        return js_errors([&] {
            if (!dataset_) dataset_ = ingest_.take();  // the session scores only what it has read
            const ScoreOptions options = score_options_from_json(options_json);
            return score_output(shopscore::score(*dataset_, options, &cache_), options);
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
    ScoreCache cache_;  // for dataset_, which never changes once made
};

}  // namespace

EMSCRIPTEN_BINDINGS(shopscore) {
    emscripten::function("version", emscripten::optional_override([] { return std::string(kVersion); }));
    emscripten::function("defaultProfile", emscripten::optional_override([] { return default_profile_json(); }));
    emscripten::function("score", &score_dataset_json);
    emscripten::function("calibrate", &calibrate_dataset_json);
    emscripten::class_<IngestSession>("Ingest")
        .constructor<std::string>()
        .function("begin", &IngestSession::begin)
        .function("setDateOrder", &IngestSession::set_date_order)
        .function("reserve", &IngestSession::reserve)
        .function("commit", &IngestSession::commit)
        .function("end", &IngestSession::end)
        .function("score", &IngestSession::score)
        .function("calibrate", &IngestSession::calibrate);
}
