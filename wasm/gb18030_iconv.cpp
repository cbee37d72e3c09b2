// iconv for the WASM module: GB18030 -> UTF-8 only, the one conversion the core asks for
// (core/src/ingest/text_decoder.cpp). Emscripten's libc is musl, whose iconv.c holds the tables of
// every charset it knows (JIS, Big5, HKSCS, KS C, GB18030 and 8-bit code pages: ~135 KB of the
// module's ~190 KB of data, and data gzips badly). Defining iconv_open/iconv/iconv_close here
// keeps musl's iconv.o out of the link, so only the GB18030 table comes along.
//
// The conversion is musl's own code for this pair, copied line for line (musl 1.2,
// src/locale/iconv.c: the GB18030 branch of the input switch and the UTF-8 branch of the output
// switch, with wctomb's UTF-8 encoding from src/multibyte/wcrtomb.c), and the table is musl's
// gb18030.h read from the Emscripten tree at build time, so the module converts byte for byte as
// it did with musl's iconv (and as the WASM test binary, which keeps musl's, does).
// musl is MIT-licensed: Copyright © 2005-2020 Rich Felker, et al.
#include <errno.h>
#include <iconv.h>
#include <stddef.h>
#include <string.h>

namespace {

constexpr int kLeads = 126, kTrails = 190;

// musl's table as the build reads it. Only the constant below uses it, so it is not in the module.
constexpr unsigned short kMuslTable[kLeads * kTrails] = {
#include "gb18030.h"
};

// The module carries the table as differences between neighbours (mod 2^16): long runs of the GBK
// extension areas follow Unicode order, so the module's xz packing (scripts/build-site.mjs) takes
// about 15 KB for it instead of 38 KB (docs/performance.md "Site size").
struct Deltas {
    unsigned short d[kLeads * kTrails];
};
constexpr Deltas make_deltas() {
    Deltas out{};
    unsigned short prev = 0;
    for (int i = 0; i < kLeads * kTrails; ++i) {
        out.d[i] = static_cast<unsigned short>(kMuslTable[i] - prev);
        prev = kMuslTable[i];
    }
    return out;
}
constexpr Deltas kDeltas = make_deltas();

struct Table {
    unsigned short at[kLeads][kTrails];
};

// musl's table again, summed up from the differences. A plain function, not a lambda: a lambda
// would be constexpr, and the compiler would then build the whole table into the module's data.
Table sum_deltas() {
    Table out{};
    unsigned short sum = 0;
    for (int i = 0; i < kLeads * kTrails; ++i) {
        sum = static_cast<unsigned short>(sum + kDeltas.d[i]);
        out.at[i / kTrails][i % kTrails] = sum;
    }
    return out;
}

// Summed once, on the first iconv_open.
const Table& table() {
    static const Table t = sum_deltas();
    return t;
}

// musl's fuzzycmp-style name match: case and punctuation ignored ("UTF-8" == "utf8").
bool same_name(const char* a, const char* b) {
    for (;;) {
        while (*a && !((*a | 32) - 'a' < 26u || *a - '0' < 10u)) ++a;
        if (!*a || !*b) return !*a && !*b;
        if ((*a | 32) != *b) return false;
        ++a, ++b;
    }
}

// musl's wcrtomb in a UTF-8 locale (as iconv runs it); -1 for a code point UTF-8 cannot carry.
int wctomb_utf8(char* s, unsigned wc) {
    if (wc < 0x80) {
        *s = static_cast<char>(wc);
        return 1;
    } else if (wc < 0x800) {
        *s++ = static_cast<char>(0xc0 | (wc >> 6));
        *s = static_cast<char>(0x80 | (wc & 0x3f));
        return 2;
    } else if (wc < 0xd800 || wc - 0xe000 < 0x2000) {
        *s++ = static_cast<char>(0xe0 | (wc >> 12));
        *s++ = static_cast<char>(0x80 | ((wc >> 6) & 0x3f));
        *s = static_cast<char>(0x80 | (wc & 0x3f));
        return 3;
    } else if (wc - 0x10000 < 0x100000) {
        *s++ = static_cast<char>(0xf0 | (wc >> 18));
        *s++ = static_cast<char>(0x80 | ((wc >> 12) & 0x3f));
        *s++ = static_cast<char>(0x80 | ((wc >> 6) & 0x3f));
        *s = static_cast<char>(0x80 | (wc & 0x3f));
        return 4;
    }
    errno = EILSEQ;
    return -1;
}

// The one descriptor; odd like musl's stateless ones, never freed.
iconv_t const kGb18030ToUtf8 = reinterpret_cast<iconv_t>(static_cast<size_t>(1));

}  // namespace

extern "C" {

iconv_t iconv_open(const char* to, const char* from) {
    if (!same_name(to, "utf8") || !same_name(from, "gb18030")) {
        errno = EINVAL;
        return reinterpret_cast<iconv_t>(-1);
    }
    table();  // summed now, not inside a conversion
    return kGb18030ToUtf8;
}

int iconv_close(iconv_t) { return 0; }

size_t iconv(iconv_t, char** __restrict in, size_t* __restrict inb, char** __restrict out, size_t* __restrict outb) {
    size_t x = 0;
    unsigned c, d;
    size_t k, l;
    int err;
    const auto& gb18030 = table().at;

    if (!in || !*in || !*inb) return 0;

    for (; *inb; *in += l, *inb -= l) {
        c = *(unsigned char*)*in;
        l = 1;

        if (c >= 128) {  // case GB18030
            c -= 0x81;
            if (c >= 126) goto ilseq;
            l = 2;
            if (*inb < 2) goto starved;
            d = *((unsigned char*)*in + 1);
            if (d - 0x40 >= 191 || d == 127) {
                if (d - '0' > 9) goto ilseq;
                l = 4;
                if (*inb < 4) goto starved;
                c = (10 * c + d - '0') * 1260;
                d = *((unsigned char*)*in + 2);
                if (d - 0x81 > 126) goto ilseq;
                c += 10 * (d - 0x81);
                d = *((unsigned char*)*in + 3);
                if (d - '0' > 9) goto ilseq;
                c += d - '0';
                c += 128;
                for (d = 0; d <= c;) {
                    k = 0;
                    for (int i = 0; i < 126; i++)
                        for (int j = 0; j < 190; j++)
                            if (gb18030[i][j] - d <= c - d) k++;
                    d = c + 1;
                    c += k;
                }
            } else {
                d -= 0x40;
                if (d > 63) d--;
                c = gb18030[c][d];
            }
        }

        // case UTF_8 (output)
        if (*outb < 4) {
            char tmp[4];
            k = wctomb_utf8(tmp, c);
            if (*outb < k) goto toobig;
            memcpy(*out, tmp, k);
        } else {
            k = wctomb_utf8(*out, c);
        }
        *out += k;
        *outb -= k;
    }
    return x;
ilseq:
    err = EILSEQ;
    x = -1;
    goto end;
toobig:
    err = E2BIG;
    x = -1;
    goto end;
starved:
    err = EINVAL;
    x = -1;
end:
    errno = err;
    return x;
}

}  // extern "C"
