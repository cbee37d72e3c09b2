// A compact binary form for what one worker hands another (a slice's partial read,
// slice_part.h): unsigned numbers as LEB128 varints, signed ones zig-zagged, texts length-first.
// No JSON: a slice of a million orders is tens of MB that the page moves between workers.
// ByteReader throws std::runtime_error on a blob that ends early (a damaged blob is a failed
// slice, never a crash).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace shopscore::ingest {

class ByteWriter {
public:
    void u(uint64_t v) {
        // One append per number: a push_back per byte checked the capacity each time (a slice's
        // blob is a few numbers for each of ~100 k orders).
        char bytes[10];
        size_t n = 0;
        for (; v >= 0x80; v >>= 7) bytes[n++] = static_cast<char>(v | 0x80);
        bytes[n++] = static_cast<char>(v);
        out_.append(bytes, n);
    }
    // Room for `bytes` more, so a large blob is not copied each time it outgrows its buffer.
    void reserve_more(size_t bytes) { out_.reserve(out_.size() + bytes); }
    void i(int64_t v) { u((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
    void text(std::string_view t) {
        u(t.size());
        out_.append(t);
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

class ByteReader {
public:
    explicit ByteReader(std::string_view in) : in_(in) {}
    uint64_t u() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= in_.size()) fail();
            const uint8_t b = static_cast<uint8_t>(in_[at_++]);
            v |= static_cast<uint64_t>(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
        fail();
    }
    int64_t i() {
        const uint64_t z = u();
        return static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    }
    std::string_view text() {
        const uint64_t n = u();
        if (n > in_.size() - at_) fail();
        const std::string_view t = in_.substr(at_, n);
        at_ += n;
        return t;
    }
    bool done() const { return at_ == in_.size(); }

private:
    [[noreturn]] static void fail() { throw std::runtime_error("a damaged slice blob"); }
    std::string_view in_;
    size_t at_ = 0;
};

}  // namespace shopscore::ingest
