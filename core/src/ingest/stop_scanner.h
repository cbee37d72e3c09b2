// Where the CSV tokenizer must stop, 64 bytes at a time: one bit per byte for the bytes that end
// a run of ordinary text outside quotes (the delimiter, CR, LF, control bytes) and inside quotes
// (the quote, control bytes). The tokenizer then jumps from stop to stop with a count of trailing
// zeros instead of looking at every byte: a row of 54 cells costs a few instructions per cell.
//
// Three implementations of each mask, chosen at compile time: SSE2 (every x86-64), WASM SIMD
// (-msimd128) and portable 64-bit SWAR. tests/unit/ingest/test_csv_tokenizer.cpp checks them against a
// byte-by-byte reference on every byte value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ingest/swar.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace shopscore::ingest {

struct StopMasks {
    uint64_t unquoted = 0;  // delimiter, CR, LF, and control bytes other than tab
    uint64_t quoted = 0;    // quote, and control bytes other than tab, CR and LF
};

// Masks of the 64 bytes at `p` (all readable) for delimiter `delim`, in portable 64-bit code.
// Bit k is byte p[k].
inline StopMasks stop_masks_portable(const unsigned char* p, unsigned char delim) {
    StopMasks m;
    // High bit per byte -> one bit per byte: the eight high bits gathered into the top byte.
    auto pack = [](uint64_t high) { return ((high >> 7) * 0x0102040810204080ULL) >> 56; };
    for (int k = 0; k < 8; ++k) {
        const uint64_t v = swar::load(p + 8 * k);
        const uint64_t control = swar::bytes_below(v, 0x20) & ~swar::equal_bytes(v, '\t');
        const uint64_t line = swar::equal_bytes(v, '\r') | swar::equal_bytes(v, '\n');
        m.unquoted |= pack(control | swar::equal_bytes(v, delim)) << (8 * k);
        m.quoted |= pack((control & ~line) | swar::equal_bytes(v, '"')) << (8 * k);
    }
    return m;
}

// The same with the machine's vector instructions where there are some, one mask at a time: the
// tokenizer needs the quoted mask only inside quoted cells, so most blocks compute one of the two.
inline uint64_t unquoted_stops(const unsigned char* p, unsigned char delim) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(static_cast<char>(delim)), tab = _mm_set1_epi8('\t'), c1f = _mm_set1_epi8(0x1F);
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        const __m128i control = _mm_andnot_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v));
        m |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(v, d))))) << (16 * k);
    }
    return m;
#elif defined(__wasm_simd128__)
    const v128_t d = wasm_i8x16_splat(static_cast<int8_t>(delim)), tab = wasm_i8x16_splat('\t'), c1f = wasm_i8x16_splat(0x1F);
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
        const v128_t v = wasm_v128_load(p + 16 * k);
        const v128_t control = wasm_v128_andnot(wasm_u8x16_le(v, c1f), wasm_i8x16_eq(v, tab));
        m |= static_cast<uint64_t>(static_cast<uint16_t>(wasm_i8x16_bitmask(wasm_v128_or(control, wasm_i8x16_eq(v, d))))) << (16 * k);
    }
    return m;
#else
    return stop_masks_portable(p, delim).unquoted;
#endif
}

inline uint64_t quoted_stops(const unsigned char* p) {
#if defined(__SSE2__)
    const __m128i q = _mm_set1_epi8('"'), tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n'),
                  c1f = _mm_set1_epi8(0x1F);
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        const __m128i control = _mm_andnot_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v));
        const __m128i line = _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf));
        m |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(line, control), _mm_cmpeq_epi8(v, q)))))
             << (16 * k);
    }
    return m;
#elif defined(__wasm_simd128__)
    const v128_t q = wasm_i8x16_splat('"'), tab = wasm_i8x16_splat('\t'), cr = wasm_i8x16_splat('\r'), lf = wasm_i8x16_splat('\n'),
                 c1f = wasm_i8x16_splat(0x1F);
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
        const v128_t v = wasm_v128_load(p + 16 * k);
        const v128_t control = wasm_v128_andnot(wasm_u8x16_le(v, c1f), wasm_i8x16_eq(v, tab));
        const v128_t line = wasm_v128_or(wasm_i8x16_eq(v, cr), wasm_i8x16_eq(v, lf));
        m |= static_cast<uint64_t>(static_cast<uint16_t>(wasm_i8x16_bitmask(wasm_v128_or(wasm_v128_andnot(control, line), wasm_i8x16_eq(v, q)))))
             << (16 * k);
    }
    return m;
#else
    return stop_masks_portable(p, '"').quoted;
#endif
}

inline StopMasks stop_masks(const unsigned char* p, unsigned char delim) { return {unquoted_stops(p, delim), quoted_stops(p)}; }

// Finds stops in one piece of text. The unquoted masks, which every block needs, are made ahead
// for a batch of blocks at a time by a function of their own, so that the tokenizer's loop over
// cells loads a block's mask instead of holding the vector code (in WebAssembly, V8 spilled the
// loop's values around that code; docs/performance.md "Stop masks made ahead"). The quoted mask,
// needed only inside quoted cells, is made for the block asked and remembered.
class StopScanner {
public:
    StopScanner(const char* text, size_t size, unsigned char delim)
        : p_(reinterpret_cast<const unsigned char*>(text)), n_(size), delim_(delim) {}

    // The first stop inside quotes at or after `i` (n when none).
    size_t next_quoted(size_t i) {
        size_t block = i & ~size_t{63};
        while (i < n_) {
            const uint64_t m = quoted_bits(block) >> (i & 63);
            if (m) return i + static_cast<size_t>(__builtin_ctzll(m));
            block += 64;
            i = block;
        }
        return n_;
    }
    // The unquoted stops of the 64-byte block starting at `block` (a multiple of 64, < size): the
    // tokenizer walks their bits itself.
    uint64_t unquoted_bits(size_t block) {
        const size_t k = (block >> 6) - first_;  // a block before the batch wraps round to a refill
        return k < filled_ ? masks_[k] : fill(block);
    }

private:
    static constexpr size_t kBatch = 128;  // blocks: 8 KiB of text, 1 KiB of masks

    [[gnu::noinline]] uint64_t fill(size_t block) {
        first_ = block >> 6;
        filled_ = 0;
        for (size_t at = block; at < n_ && filled_ < kBatch; at += 64) masks_[filled_++] = unquoted_stops(at_least_64(at), delim_);
        return masks_[0];
    }
    uint64_t quoted_bits(size_t block) {
        if (block == quoted_block_) return quoted_;
        quoted_block_ = block;
        return quoted_ = quoted_stops(at_least_64(block));
    }
    // 64 readable bytes from `block` on: the text itself, or the last, partial block padded with
    // a byte that is never a stop.
    const unsigned char* at_least_64(size_t block) {
        if (block + 64 <= n_) return p_ + block;
        std::memset(tail_, 'a', sizeof tail_);
        std::memcpy(tail_, p_ + block, n_ - block);
        return tail_;
    }

    const unsigned char* p_;
    size_t n_;
    unsigned char delim_;
    size_t first_ = 0, filled_ = 0;
    uint64_t masks_[kBatch];
    size_t quoted_block_ = ~size_t{0};
    uint64_t quoted_ = 0;
    unsigned char tail_[64];
};

}  // namespace shopscore::ingest
