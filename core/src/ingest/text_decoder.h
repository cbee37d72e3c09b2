// Bytes of a text export -> UTF-8, pushed in chunks split anywhere.
//
// Detection (not given by the caller): a UTF-8 BOM means UTF-8; a UTF-16 BOM means UTF-16 (Excel's
// "Unicode text"); otherwise the first 4 KiB from the first non-ASCII byte on are probed, the same
// bytes whatever the chunk sizes (the probe buffers until it has them or the file ends), so the
// answer never depends on chunking: runs of non-ASCII bytes that are not UTF-8 outnumbering runs
// of UTF-8 CJK text -> GB18030 (which includes GBK, what Excel on Chinese Windows writes), else
// UTF-8 (text_decoder.cpp, decide_from_probe, says how runs count). ASCII before that point
// is the same in both, so it passes straight through.
// After the decision a GB18030 file is decoded strictly: a run of UTF-8 CJK text in it is an error
// on its row (docs/exports.md), never a silent re-reading. In a UTF-8 file a byte that is not
// UTF-8 (a cell saved as GBK) is passed on as kBadByteMark, a byte valid UTF-8 never holds: the
// ingest names the cell holding it in a warning and reads that cell as empty.
//
// GB18030: two-byte and BMP four-byte sequences go through iconv (glibc natively, musl in WASM);
// supplementary-plane four-byte sequences are computed here because they are a plain linear range
// and musl's iconv gets them wrong. Only complete sequences are handed to iconv, so nothing of
// iconv's state needs to survive a chunk boundary; an incomplete sequence at the end of a chunk is
// carried to the next one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace shopscore::ingest {

// Stands for each byte of a UTF-8 file that is not UTF-8 (0xFF never occurs in UTF-8).
constexpr uint8_t kBadByteMark = 0xFF;

class TextDecoder {
public:
    // `already_utf8`: the page decoded the file with TextDecoder; only validate.
    explicit TextDecoder(bool already_utf8);
    ~TextDecoder();
    TextDecoder(const TextDecoder&) = delete;
    TextDecoder& operator=(const TextDecoder&) = delete;

    // Appends the UTF-8 text decoded from `data` to `out`. Returns false at the first byte that
    // cannot be decoded; `out` then holds everything decoded before it and bad_byte() names it.
    bool decode(const uint8_t* data, size_t size, std::string& out);
    // As decode(), without copying when it can: once the file is known to be UTF-8 and no
    // sequence is carried over, `text` is a view of `data` itself (validated); otherwise `scratch`
    // receives the decoded text and `text` views it.
    bool decode(const uint8_t* data, size_t size, std::string& scratch, std::string_view& text);
    // End of input: flushes the probe; false when the input ends inside a sequence.
    bool finish(std::string& out);

    // "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "gb18030" ("utf-8" while undecided).
    const char* encoding() const;
    // Which encoding was expected when decoding failed, for the error message.
    const char* expectation() const;
    int bad_byte() const { return bad_byte_; }
    // The failure is UTF-8 text inside a file decided as GB18030 (bad_byte() starts it).
    bool mixed() const { return mixed_; }
    // UTF-8 files: how many bytes were passed on as kBadByteMark, and the first of them.
    int64_t bad_bytes() const { return bad_bytes_; }
    int first_bad_byte() const { return first_bad_byte_; }

    // For parallel reading (parallel_read.cpp): the encoding is decided, or nothing but ASCII has
    // been seen (nothing is held back in the probe).
    bool decided() const { return enc_ != Enc::undecided; }
    bool ascii_so_far() const { return enc_ == Enc::undecided && probe_.empty() && head_done_; }
    bool utf16() const { return enc_ == Enc::utf16le || enc_ == Enc::utf16be; }
    // Decodes from here on as `other` decided (a later part of the same file, or this file once a
    // look ahead decided it): no BOM check, no probe.
    void continue_as(const TextDecoder& other) {
        head_done_ = true;
        if (other.enc_ != Enc::undecided) enc_ = other.enc_;
    }
    // The encoding decided, as a small number that crosses to another module instance (0:
    // undecided), and continuing as that number says (as continue_as does).
    uint8_t decision() const { return static_cast<uint8_t>(enc_); }
    bool continue_as_decision(uint8_t decision) {
        if (decision > static_cast<uint8_t>(Enc::gb18030)) return false;
        head_done_ = true;
        if (decision != 0) enc_ = static_cast<Enc>(decision);
        return true;
    }
    // A decoder that decides the encoding from bytes in the middle of a file (no BOM check).
    void skip_bom_check() { head_done_ = true; }

private:
    enum class Enc { undecided, utf8, utf16le, utf16be, gb18030 };
    bool run(const uint8_t* data, size_t size, bool final, std::string& out);
    bool decide_from_probe(bool final);
    size_t utf8_valid_prefix(const uint8_t* p, size_t n, bool final, bool& bad) const;
    bool gb18030(const uint8_t* p, size_t n, bool final, std::string& out);
    bool utf8_marking(const uint8_t* p, size_t n, bool final, std::string& out);
    bool utf16(const uint8_t* p, size_t n, bool final, std::string& out);
    bool iconv_run(const uint8_t* p, size_t n, std::string& out);
    bool track_gb_unit(const uint8_t* unit, size_t len);  // false: UTF-8 text in GB18030

    bool already_utf8_;
    Enc enc_ = Enc::undecided;
    bool bom_ = false;
    bool head_done_ = false;   // BOM check done
    std::string head_;         // first bytes until the BOM check can be decided
    std::string probe_;        // undecided: bytes from the first non-ASCII byte on
    std::string carry_;        // an incomplete sequence from the previous chunk
    void* iconv_ = nullptr;    // iconv_t, opened on first GB18030 use
    int bad_byte_ = -1;
    bool mixed_ = false;
    int64_t bad_bytes_ = 0;
    int first_bad_byte_ = -1;
    // GB18030 mode: the current run of non-ASCII bytes read as UTF-8 (see track_gb_unit).
    bool gb_run_ok_ = true;
    int gb_need_ = 0;      // continuation bytes still expected
    int gb_seq_ = 0;       // length of the UTF-8 sequence being read
    int gb_wide_ = 0;      // complete 3- and 4-byte characters in the run
    int gb_run_first_ = -1;
};

}  // namespace shopscore::ingest
