#include "json_read.h"

#include <cmath>

namespace shopscore::json_read {

// No ShopScore document nests deeper than a few levels; a hostile one nested thousands deep
// would otherwise exhaust the stack when the tree is printed or freed.
constexpr int kMaxDepth = 64;

namespace {

// "line, column" (1-based, counting UTF-8 characters) of byte `offset` in `text`.
std::pair<size_t, size_t> line_column(std::string_view text, size_t offset) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// nlohmann's DOM parser reports a number that overflows a double (1e309) as out_of_range 406
// without a position. This SAX handler accepts everything and only remembers where the parser
// gave up, so the error can point at the number like a syntax error does. Used on that error path
// only (a second, cheap pass), never for documents that parse.
struct ErrorLocator : nlohmann::json_sax<json> {
    size_t position = 0;
    std::string token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string& last_token, const nlohmann::detail::exception&) override {
        position = at;
        token = last_token;
        return false;
    }
};

[[noreturn]] void number_out_of_range(std::string_view text, const std::string& file_name) {
    ErrorLocator locator;
    json::sax_parse(text.begin(), text.end(), &locator);
    // The position is just past the number; its first character is `token.size()` bytes back.
    const size_t start = locator.position >= locator.token.size() ? locator.position - locator.token.size() : 0;
    const auto [line, column] = line_column(text, start);
    std::string got = locator.token.size() > 40 ? locator.token.substr(0, 37) + "..." : locator.token;
    const std::string expected = "a number between -1.7e308 and 1.7e308";
    throw InputError(file_name + ":" + std::to_string(line) + ":" + std::to_string(column), "expected " + expected + ", got " + got,
                     ErrorDetail{"number_out_of_range", file_name, static_cast<int64_t>(line), std::to_string(column), {},
                                 expected, got});
}

}  // namespace

void fail_too_large(const std::string& file_name) { throw json_too_large_error(file_name); }

json parse(std::string_view text, const std::string& file_name) {
    if (text.size() > kMaxJsonBytes) fail_too_large(file_name);
    try {
        return json::parse(text.begin(), text.end(), [&](int depth, json::parse_event_t, json&) {
            if (depth > kMaxDepth)
                throw InputError(file_name, "expected JSON nested at most " + std::to_string(kMaxDepth) + " levels deep",
                                 ErrorDetail{"json_too_deep", file_name, 0, {}, {}, "JSON nested at most 64 levels deep", {}});
            return true;
        });
    } catch (const json::out_of_range&) {
        number_out_of_range(text, file_name);  // the parser's only out_of_range: a number past a double
    } catch (const json::parse_error& e) {
        // nlohmann reports a byte offset; turn it into the line and column a person can find.
        const auto [line, column] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
        // nlohmann's text after "column N: " says what the parser met, e.g. "syntax error while
        // parsing object key - unexpected '}'; expected string literal".
        std::string detail = e.what();
        const size_t colon = detail.find(": ", detail.find("column"));
        detail = colon == std::string::npos ? "syntax error" : detail.substr(colon + 2);
        const std::string what = text.find_first_not_of(" \t\r\n") == std::string_view::npos
                                     ? "expected a JSON document, got an empty file"
                                     : "expected valid JSON: " + detail;
        const bool empty = what.rfind("expected a JSON document", 0) == 0;
        ErrorDetail info{empty ? "empty_file" : "json_syntax", file_name, static_cast<int64_t>(line), std::to_string(column), {},
                         empty ? "a JSON document" : "valid JSON", empty ? std::string() : detail};
        throw InputError(file_name + ":" + std::to_string(line) + ":" + std::to_string(column), what, std::move(info));
    }
}

void Reader::fail(const std::string& path, const std::string& expected, const json* got, const char* code) const {
    ErrorDetail detail{code ? code : got ? "invalid_value" : "missing_value", file_, 0, {}, path, expected, {}};
    if (got && !got->is_structured()) detail.got = got->is_string() ? got->get<std::string>() : got->dump();
    std::string message = "expected " + expected;
    if (got && got->is_structured()) {
        message += got->is_array() ? ", got an array" : ", got an object";  // never print a whole tree
    } else if (got) {
        std::string shown = got->dump();
        if (shown.size() > 40) {
            size_t cut = 37;
            while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
            shown = shown.substr(0, cut) + "...";
        }
        message += ", got " + shown;
    } else {
        message += ", but it is missing";
    }
    throw InputError(file_ + ": " + path, message, std::move(detail));
}

const json* Reader::get(const json& obj, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::optional<double> Reader::number(const json& obj, const char* key, const std::string& path) const {
    const json* v = get(obj, key);
    if (!v) return std::nullopt;
    if (!v->is_number()) fail(join(path, key), "a number", v);
    return v->get<double>();
}

std::optional<int64_t> Reader::integer(const json& obj, const char* key, const std::string& path) const {
    const json* v = get(obj, key);
    if (!v) return std::nullopt;
    if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
        fail(join(path, key), "a whole number below 2^63", v, "number_out_of_range");
    if (v->is_number_integer()) return v->get<int64_t>();
    // A float is a whole number if it has no fraction; range-check before casting (casting 1e300
    // to int64_t is undefined behaviour). 2^63 is exactly representable as a double.
    const double d = v->is_number_float() ? v->get<double>() : 0.5;
    if (!v->is_number_float() || std::floor(d) != d) fail(join(path, key), "a whole number", v);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        fail(join(path, key), "a whole number below 2^63", v, "number_out_of_range");
    return static_cast<int64_t>(d);
}

std::optional<bool> Reader::boolean(const json& obj, const char* key, const std::string& path) const {
    const json* v = get(obj, key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) fail(join(path, key), "true or false", v);
    return v->get<bool>();
}

std::optional<std::string> Reader::string(const json& obj, const char* key, const std::string& path) const {
    const json* v = get(obj, key);
    if (!v) return std::nullopt;
    if (v->is_number_integer()) return std::to_string(v->get<int64_t>());  // ids written as numbers
    if (!v->is_string()) fail(join(path, key), "a string", v);
    return v->get<std::string>();
}

std::optional<Day> Reader::day(const json& obj, const char* key, const std::string& path, int32_t shop_offset) const {
    const json* v = get(obj, key);
    if (!v) return std::nullopt;
    if (v->is_string()) {
        const std::string& text = v->get_ref<const std::string&>();
        if (auto d = parse_day(text)) return d;
        if (auto t = parse_timestamp(text, shop_offset)) return day_of(*t);  // its shop-local day
    }
    fail(join(path, key), "a date like 2026-11-20", v, "bad_date");
}

Seconds Reader::timestamp(const json& obj, const char* key, const std::string& path, int32_t shop_offset) const {
    const json* v = get(obj, key);
    if (!v) return kNoTime;
    if (v->is_string()) {
        if (auto t = parse_timestamp(v->get_ref<const std::string&>(), shop_offset)) return *t;
    }
    fail(join(path, key), kTimestampExpectation, v, "bad_date");
}

const json* Reader::object(const json& obj, const char* key, const std::string& path) const {
    const json* v = get(obj, key);
    if (v && !v->is_object()) fail(join(path, key), "an object", v);
    return v;
}

const json* Reader::array(const json& obj, const char* key, const std::string& path) const {
    const json* v = get(obj, key);
    if (v && !v->is_array()) fail(join(path, key), "an array", v);
    return v;
}

}  // namespace shopscore::json_read
