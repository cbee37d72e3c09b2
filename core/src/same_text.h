// Whether two texts are equal, compared eight bytes at a time. In the WASM build `==` on strings
// and string_views ends in musl's memcmp, a byte-by-byte loop called out of line; the text pools'
// interning and the mapper's memo of cell values compare a few tens of bytes per row with it
// (7 % of a WASM reading profile, docs/performance.md). Natively glibc's memcmp is fast already;
// this is no slower there for texts this short.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace shopscore {

inline bool same_text(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    auto at8 = [](const char* s) {
        uint64_t v;
        std::memcpy(&v, s, 8);
        return v;
    };
    auto at4 = [](const char* s) {
        uint32_t v;
        std::memcpy(&v, s, 4);
        return v;
    };
    if (n >= 8) {  // whole words, then the last eight bytes (they may overlap the last word)
        for (size_t i = 0; i + 8 <= n; i += 8)
            if (at8(p + i) != at8(q + i)) return false;
        return at8(p + n - 8) == at8(q + n - 8);
    }
    if (n >= 4) return at4(p) == at4(q) && at4(p + n - 4) == at4(q + n - 4);
    for (size_t i = 0; i < n; ++i)
        if (p[i] != q[i]) return false;
    return true;
}

}  // namespace shopscore
