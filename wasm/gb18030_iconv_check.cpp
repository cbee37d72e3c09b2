// Checks wasm/gb18030_iconv.cpp against musl's own iconv (this program links both: ours under
// other names): the same return value, errno, input and output positions and output bytes for
// every 1- and 2-byte sequence with output buffers of 0-8 bytes, for 4-byte sequences (every one
// for some lead bytes, a sample for the rest), truncated ones, and a mixed run at every length.
// Run by ctest in the WASM build (wasm/CMakeLists.txt). Expected: no difference, by construction
// (ours is musl's code for GB18030 -> UTF-8 with musl's table).
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <initializer_list>

extern "C" {
iconv_t shopscore_iconv_open(const char*, const char*);
size_t shopscore_iconv(iconv_t, char**, size_t*, char**, size_t*);
}

namespace {

iconv_t musl_cd, ours_cd;
long checked = 0, differences = 0;

void compare(const unsigned char* s, size_t n, size_t out_size) {
    char in_a[16], in_b[16], out_a[32], out_b[32];
    memcpy(in_a, s, n);
    memcpy(in_b, s, n);
    memset(out_a, 0x55, sizeof out_a);
    memset(out_b, 0x55, sizeof out_b);
    char *pa = in_a, *pb = in_b, *qa = out_a + 4, *qb = out_b + 4;
    size_t na = n, nb = n, ma = out_size, mb = out_size;
    errno = 0;
    const size_t ra = iconv(musl_cd, &pa, &na, &qa, &ma);
    const int ea = errno;
    errno = 0;
    const size_t rb = shopscore_iconv(ours_cd, &pb, &nb, &qb, &mb);
    const int eb = errno;
    ++checked;
    if (ra != rb || (ra == static_cast<size_t>(-1) && ea != eb) || pa - in_a != pb - in_b || na != nb ||
        qa - out_a != qb - out_b || ma != mb || memcmp(out_a, out_b, sizeof out_a) != 0) {
        if (differences++ < 10)
            printf("differs: %zu bytes %02x %02x %02x %02x, output room %zu: returned %zd/%zd, errno %d/%d\n", n,
                   s[0], n > 1 ? s[1] : 0, n > 2 ? s[2] : 0, n > 3 ? s[3] : 0, out_size, static_cast<ssize_t>(ra),
                   static_cast<ssize_t>(rb), ea, eb);
    }
}

}  // namespace

int main() {
    musl_cd = iconv_open("UTF-8", "GB18030");
    ours_cd = shopscore_iconv_open("UTF-8", "GB18030");
    if (musl_cd == reinterpret_cast<iconv_t>(-1) || ours_cd == reinterpret_cast<iconv_t>(-1)) {
        printf("iconv_open failed\n");
        return 1;
    }
    if (shopscore_iconv_open("UTF-8", "GBK") != reinterpret_cast<iconv_t>(-1) || errno != EINVAL) {
        printf("a conversion other than GB18030 -> UTF-8 must fail with EINVAL\n");
        return 1;
    }
    unsigned char s[16];
    for (int a = 0; a < 256; a++) {
        s[0] = static_cast<unsigned char>(a);
        for (size_t room : {0, 1, 2, 3, 8}) compare(s, 1, room);
    }
    for (int a = 0x80; a < 256; a++)
        for (int b = 0; b < 256; b++) {
            s[0] = static_cast<unsigned char>(a), s[1] = static_cast<unsigned char>(b);
            for (size_t room : {1, 2, 3, 8}) compare(s, 2, room);
        }
    // 4-byte sequences: every one for the lead bytes at the ends of the ranges, every 9th third
    // byte for the others (each takes musl's whole-table count, so all of them would take minutes).
    for (int a = 0x80; a < 256; a++)
        for (int b = '0'; b <= '9'; b++)
            for (int c = 0x80; c < 256; c++) {
                s[0] = static_cast<unsigned char>(a), s[1] = static_cast<unsigned char>(b), s[2] = static_cast<unsigned char>(c);
                compare(s, 3, 8);
                const bool every = a == 0x81 || a == 0x84 || a == 0x90 || a == 0xfe;
                if (!every && c % 9) continue;
                for (int d = '0'; d <= ':'; d++) {
                    s[3] = static_cast<unsigned char>(d);
                    compare(s, 4, d == '5' ? 2 : 8);
                }
            }
    const unsigned char run[] = {0xc4, 0xe3, 'a', 0x81, 0x30, 0x81, 0x30, 0xb0, 0xa1, 0x84, 0x31, 0xa4, 0x39};
    for (size_t n = 0; n <= sizeof run; n++)
        for (size_t room = 0; room < 12; room++) compare(run, n, room);
    printf("gb18030_iconv_check: %ld conversions, %ld differences from musl's iconv\n", checked, differences);
    return differences == 0 ? 0 : 1;
}
