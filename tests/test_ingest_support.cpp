// The one place the ingest tests decompress: the XLSX fixture's parts are raw deflate. Under
// WASM the test runs in node, whose zlib plays the part of the page's DecompressionStream;
// natively the test binary is not linked with zlib (only the CLI is), so the system libz is
// loaded at run time.
#include <stdexcept>
#include <string>

#include "test_ingest_support.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#elif __has_include(<dlfcn.h>) && __has_include(<zlib.h>)
#include <dlfcn.h>
#include <zlib.h>
#define SHOPSCORE_TEST_DLOPEN_ZLIB 1
#endif

namespace ingest_test {

#ifdef __EMSCRIPTEN__
// clang-format off
EM_JS(int, shopscore_test_inflate_raw, (const uint8_t* src, size_t n, uint8_t* dst, size_t cap), {
    const zlib = require('zlib');
    let r;
    try { r = zlib.inflateRawSync(Buffer.from(HEAPU8.subarray(src, src + n))); } catch (e) { return -1; }
    if (r.length > cap) return -1;
    HEAPU8.set(r, dst);
    return r.length;
});
// clang-format on
#endif

std::string inflate_raw(const std::string& compressed, size_t expected_size) {
    std::string out(expected_size, '\0');
#ifdef __EMSCRIPTEN__
    const int n = shopscore_test_inflate_raw(reinterpret_cast<const uint8_t*>(compressed.data()), compressed.size(),
                                             reinterpret_cast<uint8_t*>(&out[0]), out.size());
    if (n != static_cast<int>(expected_size)) throw std::runtime_error("inflate failed");
#elif defined(SHOPSCORE_TEST_DLOPEN_ZLIB)
    // The test binary is not linked with zlib (only the CLI is); the system's libz is loaded here.
    static void* lib = dlopen("libz.so.1", RTLD_NOW);
    if (!lib) throw std::runtime_error("libz.so.1 not found");
    using Init = int (*)(z_streamp, int, const char*, int);
    using Inflate = int (*)(z_streamp, int);
    auto init = reinterpret_cast<Init>(dlsym(lib, "inflateInit2_"));
    auto inflate_fn = reinterpret_cast<Inflate>(dlsym(lib, "inflate"));
    auto end = reinterpret_cast<int (*)(z_streamp)>(dlsym(lib, "inflateEnd"));
    z_stream zs{};
    if (!init || !inflate_fn || !end || init(&zs, -MAX_WBITS, ZLIB_VERSION, static_cast<int>(sizeof(z_stream))) != Z_OK)
        throw std::runtime_error("inflateInit2 failed");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    zs.avail_in = static_cast<uInt>(compressed.size());
    zs.next_out = reinterpret_cast<Bytef*>(&out[0]);
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate_fn(&zs, Z_FINISH);
    end(&zs);
    if (rc != Z_STREAM_END || zs.avail_out != 0) throw std::runtime_error("inflate failed");
#else
    throw std::runtime_error("no zlib available to the tests");
#endif
    return out;
}

}  // namespace ingest_test
