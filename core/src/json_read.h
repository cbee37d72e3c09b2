// Reading JSON with errors that name the file and the path of the bad field:
//   "dataset.json: orders[12].delivered: expected a date-time like ..., got \"31/31/2026\""
// Private to the core (dataset and profile readers).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "shopscore/error.h"
#include "shopscore/limits.h"
#include "shopscore/time.h"

namespace shopscore::json_read {

// Insertion-ordered, the flavour the writers use too: one instantiation of nlohmann's templates in
// the WASM module instead of two (about 60 KB of code; docs/performance.md "Site size"). Lookups
// are linear, which suits the small objects read here (a record, a profile, a snapshot).
using json = nlohmann::ordered_json;

// JSON documents are parsed whole (the tree takes about ten times the text), so their size is
// capped (docs/limits.md): 64 MiB holds a dataset of several hundred thousand orders.
using shopscore::kMaxJsonBytes;

// "FILE:1:1: expected a JSON document of at most 64 MiB, ..." (code file_too_large).
[[noreturn]] void fail_too_large(const std::string& file_name);

// Parses text, reporting syntax errors as "FILE: line L, column C: ...".
json parse(std::string_view text, const std::string& file_name);

class Reader {
public:
    explicit Reader(std::string file_name) : file_(std::move(file_name)) {}

    // `code` (docs/errors.md): by default "missing_value" when `got` is null, else "invalid_value".
    [[noreturn]] void fail(const std::string& path, const std::string& expected, const json* got,
                           const char* code = nullptr) const;

    // Each getter reads `obj[key]` at `path`; a missing key or null gives nullopt / the default.
    std::optional<double> number(const json& obj, const char* key, const std::string& path) const;
    std::optional<int64_t> integer(const json& obj, const char* key, const std::string& path) const;
    std::optional<bool> boolean(const json& obj, const char* key, const std::string& path) const;
    std::optional<std::string> string(const json& obj, const char* key, const std::string& path) const;
    std::optional<Day> day(const json& obj, const char* key, const std::string& path, int32_t shop_offset = 0) const;
    Seconds timestamp(const json& obj, const char* key, const std::string& path, int32_t shop_offset) const;
    // The object or array at obj[key]; nullptr when missing or null; an error for other types.
    const json* object(const json& obj, const char* key, const std::string& path) const;
    const json* array(const json& obj, const char* key, const std::string& path) const;

    static std::string join(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }
    static std::string index(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

private:
    const json* get(const json& obj, const char* key) const;
    std::string file_;
};

}  // namespace shopscore::json_read
