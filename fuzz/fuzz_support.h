// Shared by the libFuzzer harnesses: a tiny deterministic splitter for "feed in random chunks",
// and the rule every harness enforces: bad input may only ever raise shopscore::InputError.
// Anything else escaping (std::bad_alloc, nlohmann's exceptions, std::out_of_range) aborts, and
// libFuzzer records the input as a crash; ASan/UBSan catch memory errors and undefined behaviour.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

// Chunk lengths from a 32-bit seed (xorshift), each 1..max_chunk; deterministic per input.
inline std::vector<size_t> chunk_sizes(uint32_t seed, size_t total, size_t max_chunk) {
    std::vector<size_t> out;
    uint32_t x = seed | 1;
    size_t used = 0;
    while (used < total) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        // Mostly tiny pieces (split UTF-8 sequences, quotes, tags), sometimes big ones.
        size_t n = (x & 3) == 0 ? 1 + (x >> 8) % max_chunk : 1 + (x >> 8) % 7;
        if (n > total - used) n = total - used;
        out.push_back(n);
        used += n;
    }
    return out;
}

inline uint32_t u32_prefix(const uint8_t*& data, size_t& size) {
    uint32_t v = 0;
    for (int i = 0; i < 4 && size > 0; ++i, ++data, --size) v = (v << 8) | *data;
    return v;
}

// Splits "A\x00\x00B" at the first double NUL (the separator the seeds and dictionary use) into
// two parts; without a separator the second part is empty.
inline std::pair<std::string_view, std::string_view> split2(std::string_view s) {
    const size_t at = s.find(std::string_view("\0\0", 2));
    if (at == std::string_view::npos) return {s, {}};
    return {s.substr(0, at), s.substr(at + 2)};
}

// A result may have null scores (no data), but never a NaN or infinite one: every "display" is
// digits like "3.1", and "sps" is null only when `display` is too. Aborts (a finding) otherwise.
inline void check_display(const nlohmann::json& j) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& key = it.key();
            if (key.size() >= 7 && key.compare(key.size() - 7, 7, "display") == 0 && it->is_string()) {
                const std::string& s = it->get_ref<const std::string&>();
                if (s.empty() || s.find_first_not_of("0123456789.") != std::string::npos) std::abort();
            }
            check_display(*it);
        }
    } else if (j.is_array()) {
        for (const auto& item : j) check_display(item);
    }
}

inline void check_result(const std::string& out) {
    const nlohmann::json j = nlohmann::json::parse(out);
    check_display(j);
}

}  // namespace fuzz
