// Eight bytes at a time ("SIMD within a register") for the text hot paths: the UTF-8 validator
// skipping ASCII and the CSV tokenizer finding the next delimiter, line end or quote. Plain
// 64-bit integer code: the same in the CLI and in WASM (where 64-bit ops are native), no
// intrinsics, no alignment needs (memcpy loads compile to one unaligned load).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace shopscore::ingest::swar {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

inline uint64_t load(const unsigned char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

// High bit set in each byte of `v` that is zero (exact: no false positives, as the
// carry-free form (((v & 0x7F..) + 0x7F..) | v) is used).
inline uint64_t zero_bytes(uint64_t v) {
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((v & low7) + low7) | v | low7);
}

// High bit set in each byte of `v` that is < n (n <= 128), exact: (0x80 | b) - n never borrows
// from the next byte and keeps its high bit iff b >= n; bytes >= 128 are never below.
inline uint64_t bytes_below(uint64_t v, unsigned n) { return ~(((v | kHigh) - kOnes * n) | v) & kHigh; }

inline uint64_t equal_bytes(uint64_t v, unsigned char c) { return zero_bytes(v ^ (kOnes * c)); }

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first byte in memory is the lowest (x86, ARM, WASM)");

// Index of the first flagged byte; `mask &= mask - 1` then drops it.
inline size_t first(uint64_t mask) { return static_cast<size_t>(__builtin_ctzll(mask)) / 8; }

}  // namespace shopscore::ingest::swar
