#include "ingest/text_decoder.h"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

#include "ingest/swar.h"
#include "ingest/utf8.h"

namespace shopscore::ingest {
namespace {

constexpr size_t kProbeBytes = 4096;
constexpr int kStrongRun = 3;  // UTF-8 characters of 3+ bytes in one run: UTF-8, not GBK

// A run of non-ASCII bytes read as UTF-8 (decision window).
struct Utf8Run {
    int wide = 0;  // complete 3- and 4-byte characters
    bool strong() const { return wide >= kStrongRun; }
};

// Length of the UTF-8 sequence starting at p[0] if it is valid (1..4), 0 if invalid, -1 if the
// bytes so far are a valid beginning but the sequence is cut off at p + n.
int utf8_sequence(const uint8_t* p, size_t n) {
    const uint8_t c = p[0];
    if (c < 0x80) return 1;
    int len;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte (no overlongs, no surrogates)
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return 0;
    for (int i = 1; i < len; ++i) {
        if (static_cast<size_t>(i) >= n) return -1;
        const uint8_t b = p[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    }
    return len;
}

}  // namespace

TextDecoder::TextDecoder(bool already_utf8) : already_utf8_(already_utf8) {
    if (already_utf8_) enc_ = Enc::utf8;
}

TextDecoder::~TextDecoder() {
    if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

const char* TextDecoder::encoding() const {
    switch (enc_) {
        case Enc::gb18030: return "gb18030";
        case Enc::utf16le: return "utf-16le";
        case Enc::utf16be: return "utf-16be";
        default: return bom_ ? "utf-8-bom" : "utf-8";
    }
}

const char* TextDecoder::expectation() const {
    if (already_utf8_) return "UTF-8 text";
    if (enc_ == Enc::utf16le || enc_ == Enc::utf16be) return "UTF-16 text";
    return "UTF-8 or GB18030 text";
}

bool TextDecoder::decode(const uint8_t* data, size_t size, std::string& scratch, std::string_view& text) {
    if (head_done_ && enc_ == Enc::utf8 && carry_.empty()) {
        bool bad = false;
        const size_t valid = utf8_valid_prefix(data, size, false, bad);
        if (!bad) {
            text = std::string_view(reinterpret_cast<const char*>(data), valid);
            carry_.assign(reinterpret_cast<const char*>(data) + valid, size - valid);
            // The text is the chunk itself: the copy of a first chunk (decoded while its start was
            // looked at for a BOM), a chunk's worth of memory, goes back to the heap for the
            // orders read from here on (docs/performance.md "The compact dataset").
            if (scratch.capacity() != 0) std::string().swap(scratch);
            return true;
        }
        // A damaged cell: this chunk is copied, with the bad bytes marked.
        scratch.assign(reinterpret_cast<const char*>(data), valid);
        const bool ok = utf8_marking(data + valid, size - valid, false, scratch);
        text = scratch;
        return ok;
    }
    scratch.clear();
    const bool ok = decode(data, size, scratch);
    text = scratch;
    return ok;
}

bool TextDecoder::decode(const uint8_t* data, size_t size, std::string& out) {
    if (!head_done_) {
        // The BOM may be split across chunks: hold up to 3 bytes until it can be decided.
        static const char kUtf8Bom[] = "\xEF\xBB\xBF";
        size_t used = 0;
        while (used < size && head_.size() < 3) head_ += static_cast<char>(data[used++]);
        const bool could_be_utf8_bom = head_.compare(0, head_.size(), kUtf8Bom, head_.size()) == 0;
        const bool utf16le = head_.size() >= 2 && head_[0] == '\xFF' && head_[1] == '\xFE';
        const bool utf16be = head_.size() >= 2 && head_[0] == '\xFE' && head_[1] == '\xFF';
        if (head_.size() < 3 && used == size && (could_be_utf8_bom || head_.size() < 2)) return true;
        head_done_ = true;
        std::string head;
        head.swap(head_);
        size_t skip = 0;
        if (head.size() == 3 && head == kUtf8Bom) {
            bom_ = true;
            enc_ = Enc::utf8;
            skip = 3;
        } else if (!already_utf8_ && (utf16le || utf16be)) {
            enc_ = utf16le ? Enc::utf16le : Enc::utf16be;
            skip = 2;
        }
        if (!run(reinterpret_cast<const uint8_t*>(head.data()) + skip, head.size() - skip, false, out)) return false;
        data += used;
        size -= used;
    }
    return run(data, size, false, out);
}

bool TextDecoder::finish(std::string& out) {
    if (!head_done_) {
        head_done_ = true;
        std::string head;
        head.swap(head_);
        const bool bom = head == "\xEF\xBB\xBF";
        if (bom) bom_ = true, enc_ = Enc::utf8;
        if (!bom && !run(reinterpret_cast<const uint8_t*>(head.data()), head.size(), false, out)) return false;
    }
    return run(nullptr, 0, true, out);
}

bool TextDecoder::decide_from_probe(bool final) {
    // The decision is a function of the first kProbeBytes of the probe alone (or of the whole
    // probe when the file ends sooner), so it is the same however the file is chunked. In that
    // window every run of non-ASCII bytes ended by ASCII (or by the end of the file) is one piece
    // of evidence (docs/exports.md "Encodings and shapes"):
    //  - a run that is not valid UTF-8 speaks for GB18030 (GBK text is rarely valid UTF-8 for long);
    //  - a valid UTF-8 run with >= kStrongRun characters of three or four bytes speaks for UTF-8
    //    (GBK text practically never is that);
    //  - shorter valid runs say nothing.
    // GB18030 when the runs against UTF-8 outnumber the runs for it, else UTF-8: a UTF-8 file with
    // a few GBK cells stays UTF-8 with a few bad cells, a genuine GBK file has no strong runs.
    if (!final && probe_.size() < kProbeBytes) return false;  // keep probing
    const auto* p = reinterpret_cast<const uint8_t*>(probe_.data());
    const bool whole = probe_.size() <= kProbeBytes;  // the window holds the rest of the file
    const size_t n = whole ? probe_.size() : kProbeBytes;
    int for_utf8 = 0, against_utf8 = 0;
    Utf8Run run;
    bool in_run = false, invalid = false;
    auto end_run = [&] {
        if (invalid) ++against_utf8;
        else if (run.strong()) ++for_utf8;
        run = Utf8Run{}, in_run = false, invalid = false;
    };
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            if (in_run) end_run();
            ++i;
            continue;
        }
        in_run = true;
        if (invalid) {
            ++i;
            continue;
        }
        const int len = utf8_sequence(p + i, n - i);
        if (len == 0) {
            invalid = true;
            ++i;
            continue;
        }
        if (len < 0) {
            // Cut off by the window: no evidence either way. At the end of the file: a sequence
            // cut off is not evidence against UTF-8 either, but the run before it still counts.
            if (!whole) in_run = false, invalid = false, run = Utf8Run{};
            break;
        }
        run.wide += len >= 3;
        i += static_cast<size_t>(len);
    }
    if (in_run && whole) end_run();  // the end of the file ends the last run as ASCII does
    enc_ = against_utf8 > for_utf8 ? Enc::gb18030 : Enc::utf8;
    return true;
}

size_t TextDecoder::utf8_valid_prefix(const uint8_t* p, size_t n, bool final, bool& bad) const {
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            // Exports are mostly ASCII: skip it 32, then eight bytes at a time.
            while (i + 32 <= n &&
                   ((swar::load(p + i) | swar::load(p + i + 8) | swar::load(p + i + 16) | swar::load(p + i + 24)) & swar::kHigh) == 0)
                i += 32;
            while (i + 8 <= n && (swar::load(p + i) & swar::kHigh) == 0) i += 8;
            while (i < n && p[i] < 0x80) ++i;
            continue;
        }
        const int len = utf8_sequence(p + i, n - i);
        if (len == 0 || (len < 0 && final)) {
            bad = true;
            return i;
        }
        if (len < 0) return i;  // cut off: the rest comes with the next chunk
        i += static_cast<size_t>(len);
    }
    return i;
}

bool TextDecoder::run(const uint8_t* data, size_t size, bool final, std::string& out) {
    // Prepend what the previous chunk could not finish.
    std::string joined;
    if (enc_ == Enc::undecided) {
        size_t i = 0;
        if (probe_.empty()) {
            while (i < size && data[i] < 0x80) ++i;
            out.append(reinterpret_cast<const char*>(data), i);  // ASCII reads the same either way
        }
        probe_.append(reinterpret_cast<const char*>(data) + i, size - i);
        if (probe_.empty() || !decide_from_probe(final)) return true;
        joined.swap(probe_);
    } else if (!carry_.empty()) {
        joined.swap(carry_);
        joined.append(reinterpret_cast<const char*>(data), size);
    }
    if (!joined.empty()) {
        data = reinterpret_cast<const uint8_t*>(joined.data());
        size = joined.size();
    }

    switch (enc_) {
        case Enc::utf8: return utf8_marking(data, size, final, out);
        case Enc::gb18030: return gb18030(data, size, final, out);
        case Enc::utf16le:
        case Enc::utf16be: return utf16(data, size, final, out);
        case Enc::undecided: break;
    }
    return true;
}

bool TextDecoder::utf8_marking(const uint8_t* p, size_t n, bool final, std::string& out) {
    // Each byte that does not start a valid sequence becomes one kBadByteMark: the cell that holds
    // it is named in a warning and read as empty (ingest.cpp), the rest of the file reads as UTF-8.
    // Text the page already decoded is UTF-8 by construction: a bad byte there is refused.
    size_t i = 0;
    while (i < n) {
        bool bad = false;
        const size_t valid = utf8_valid_prefix(p + i, n - i, final, bad);
        out.append(reinterpret_cast<const char*>(p) + i, valid);
        i += valid;
        if (!bad) break;
        if (already_utf8_) return bad_byte_ = p[i], false;
        if (bad_bytes_ == 0) first_bad_byte_ = p[i];
        ++bad_bytes_;
        out += static_cast<char>(kBadByteMark);
        ++i;
    }
    carry_.assign(reinterpret_cast<const char*>(p) + i, n - i);
    return true;
}

bool TextDecoder::utf16(const uint8_t* p, size_t n, bool final, std::string& out) {
    const bool le = enc_ == Enc::utf16le;
    auto unit = [&](size_t i) { return le ? uint32_t(p[i] | (p[i + 1] << 8)) : uint32_t((p[i] << 8) | p[i + 1]); };
    size_t i = 0;
    while (i + 1 < n) {
        uint32_t cp = unit(i);
        size_t len = 2;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= n) break;  // the low surrogate is in the next chunk
            const uint32_t lo = unit(i + 2);
            if (lo < 0xDC00 || lo > 0xDFFF) return bad_byte_ = p[i], false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            len = 4;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return bad_byte_ = p[i], false;
        }
        put_utf8(cp, out);
        i += len;
    }
    if (final && i < n) return bad_byte_ = p[i], false;
    carry_.assign(reinterpret_cast<const char*>(p) + i, n - i);
    return true;
}

bool TextDecoder::iconv_run(const uint8_t* p, size_t n, std::string& out) {
    if (n == 0) return true;
    if (!iconv_) {
        iconv_t cd = iconv_open("UTF-8", "GB18030");
        if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert GB18030 on this system");
        iconv_ = cd;
    }
    iconv_t cd = static_cast<iconv_t>(iconv_);
    const size_t start = out.size();
    out.resize(start + n * 2 + 4);  // a 2-byte GB char is 3 bytes of UTF-8, a 4-byte BMP one <= 3
    char* in = const_cast<char*>(reinterpret_cast<const char*>(p));
    size_t in_left = n;
    char* dst = &out[start];
    size_t out_left = out.size() - start;
    const size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
    out.resize(out.size() - out_left);
    if (r == static_cast<size_t>(-1)) {
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
        bad_byte_ = in_left ? static_cast<uint8_t>(*in) : 0;
        return false;
    }
    return true;
}

// GB18030 mode: a run of non-ASCII bytes that is valid UTF-8 with >= kStrongRun characters of 3+
// bytes is UTF-8 text pasted into a GB18030 file (GBK text is practically never that: a lead
// byte of a UTF-8 three-byte character, E0-EF, is a rare level-2 hanzi in GBK, and three in a row
// with the right trail bytes between them is about one in 10^7 runs). GB18030 would read it as
// other characters without complaint, so it is an error, found on the row where it is.
bool TextDecoder::track_gb_unit(const uint8_t* u, size_t len) {
    if (len == 1 && u[0] < 0x80) {  // ASCII ends the run
        const bool utf8 = gb_run_ok_ && gb_need_ == 0 && gb_wide_ >= kStrongRun;
        if (utf8) {
            mixed_ = true;
            bad_byte_ = gb_run_first_;
            return false;
        }
        gb_run_ok_ = true, gb_need_ = 0, gb_wide_ = 0, gb_run_first_ = -1;
        return true;
    }
    for (size_t k = 0; k < len; ++k) {
        const uint8_t b = u[k];
        if (gb_run_first_ < 0) gb_run_first_ = b;
        if (!gb_run_ok_) return true;
        if (gb_need_ > 0) {
            if (b < 0x80 || b > 0xBF) gb_run_ok_ = false;
            else if (--gb_need_ == 0 && gb_seq_ >= 3) ++gb_wide_;
        } else if (b >= 0xC2 && b <= 0xDF) {
            gb_need_ = 1, gb_seq_ = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            gb_need_ = 2, gb_seq_ = 3;
        } else if (b >= 0xF0 && b <= 0xF4) {
            gb_need_ = 3, gb_seq_ = 4;
        } else {
            gb_run_ok_ = false;
        }
    }
    return true;
}

bool TextDecoder::gb18030(const uint8_t* p, size_t n, bool final, std::string& out) {
    size_t i = 0;
    size_t run_start = 0;  // start of the pending multi-byte run handed to iconv in one call
    auto flush = [&](size_t end) { return iconv_run(p + run_start, end - run_start, out); };
    while (i < n) {
        const uint8_t c = p[i];
        if (c < 0x80 || c == 0x80 || c == 0xFF) {
            if (!flush(i)) return false;
            if (c == 0xFF) return bad_byte_ = c, false;
            if (!track_gb_unit(p + i, 1)) return false;
            if (c == 0x80) out += "\xE2\x82\xAC";  // Windows code page 936 writes the euro sign as 0x80
            else out += static_cast<char>(c);
            run_start = ++i;
            continue;
        }
        if (i + 1 >= n) break;
        const uint8_t c2 = p[i + 1];
        if ((c2 >= 0x40 && c2 <= 0x7E) || (c2 >= 0x80 && c2 <= 0xFE)) {
            track_gb_unit(p + i, 2);
            i += 2;  // two-byte character
            continue;
        }
        if (c2 < 0x30 || c2 > 0x39) {
            if (!flush(i)) return false;
            return bad_byte_ = c, false;
        }
        if (i + 3 >= n) break;
        const uint8_t c3 = p[i + 2], c4 = p[i + 3];
        if (c3 < 0x81 || c3 > 0xFE || c4 < 0x30 || c4 > 0x39) {
            if (!flush(i)) return false;
            return bad_byte_ = c, false;
        }
        if (c >= 0x90 && c <= 0xE3) {
            // Supplementary planes: a linear range from U+10000.
            if (!flush(i)) return false;
            const uint32_t linear = (c - 0x90) * 12600u + (c2 - 0x30) * 1260u + (c3 - 0x81) * 10u + (c4 - 0x30);
            const uint32_t cp = 0x10000 + linear;
            if (cp > 0x10FFFF) return bad_byte_ = c, false;
            put_utf8(cp, out);
            track_gb_unit(p + i, 4);
            run_start = i += 4;
            continue;
        }
        track_gb_unit(p + i, 4);
        i += 4;  // BMP four-byte character: iconv's table
    }
    if (!flush(i)) return false;
    if (final && i == n) {
        const uint8_t end = '\n';  // the end of the file ends a run as ASCII does
        if (!track_gb_unit(&end, 1)) return false;
    }
    if (final && i < n) return bad_byte_ = p[i], false;
    carry_.assign(reinterpret_cast<const char*>(p) + i, n - i);
    return true;
}

}  // namespace shopscore::ingest
