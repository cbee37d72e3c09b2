// The one place the ingest tests decompress: the XLSX fixture's parts are raw deflate. Under
// WASM the test runs in node, whose zlib plays the part of the page's DecompressionStream;
// natively the test binary links zlib, like the CLI.
#include <stdexcept>
#include <string>

#include "ingest_support.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include <zlib.h>
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
#else
    z_stream zs{};
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2 failed");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    zs.avail_in = static_cast<uInt>(compressed.size());
    zs.next_out = reinterpret_cast<Bytef*>(&out[0]);
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&zs, Z_FINISH);
    inflateEnd(&zs);
    if (rc != Z_STREAM_END || zs.avail_out != 0) throw std::runtime_error("inflate failed");
#endif
    return out;
}

}  // namespace ingest_test
