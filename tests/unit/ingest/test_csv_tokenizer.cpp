// The CSV tokenizer's fast paths against plain references: the 64-byte stop masks (vector and
// portable code) against a byte-by-byte definition, and the tokenizer's zero-copy cells against
// a small reference splitter written from the rules in csv_tokenizer.h, on generated records that
// mix every kind of cell and split at every chunk boundary.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "ingest/csv_tokenizer.h"
#include "ingest/stop_scanner.h"

using namespace shopscore::ingest;

namespace {

StopMasks reference_masks(const unsigned char* p, unsigned char delim) {
    StopMasks m;
    for (int k = 0; k < 64; ++k) {
        const unsigned char c = p[k];
        const bool control = c < 0x20 && c != '\t';
        const bool line = c == '\r' || c == '\n';
        if (control || c == delim) m.unquoted |= uint64_t{1} << k;
        if ((control && !line) || c == '"') m.quoted |= uint64_t{1} << k;
    }
    return m;
}

// Records of `text` split by the rules of csv_tokenizer.h (delimiter given, whole text at once).
std::vector<std::vector<std::string>> reference_split(const std::string& text, char delim) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string field;
    size_t i = 0;
    const size_t n = text.size();
    bool in_record = false;
    while (i < n) {
        if (!in_record) {
            if (text[i] == '\n') {  // LF alone (or after a CR handled below): an empty record
                records.push_back({""});
                ++i;
                continue;
            }
            in_record = true;
        }
        // one field
        field.clear();
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i == n) break;
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        }
        while (i < n && text[i] != delim && text[i] != '\r' && text[i] != '\n') field += text[i++];
        fields.push_back(field);
        if (i == n) break;
        if (text[i] == delim) {
            ++i;
            if (i == n) fields.push_back("");
            continue;
        }
        // line end: CRLF, CR or LF
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        ++i;
        records.push_back(fields);
        fields.clear();
        in_record = false;
    }
    if (in_record) records.push_back(fields);
    return records;
}

std::string random_record(std::mt19937& rng, char delim, int cells) {
    static const std::vector<std::string> plain = {"", "576543210987654321", "11/02/2026 09:30:00 AM\t", "Delivered",
                                                   "家居用品", "a b", "5\" screen", "x"};
    static const std::vector<std::string> quoted = {"\"Mug, 12 oz\"", "\"say \"\"hi\"\"\"", "\"two\r\nlines\"",
                                                    "\"\"", "\"ab\"c", "\"\"\"\""};
    std::string out;
    for (int c = 0; c < cells; ++c) {
        if (c) out += delim;
        if (rng() % 4 == 0) out += quoted[rng() % quoted.size()];
        else out += plain[rng() % plain.size()];
        if (rng() % 9 == 0) out += std::string(70 + rng() % 60, 'z');  // cells across 64-byte blocks
    }
    return out;
}

}  // namespace

TEST_CASE("stop masks: the vector and the portable code equal a byte-by-byte reference for every byte", "[tokenizer]") {
    for (unsigned char delim : {',', '\t', ';'}) {
        for (int base = 0; base < 256; base += 64) {
            unsigned char block[64];
            for (int k = 0; k < 64; ++k) block[k] = static_cast<unsigned char>(base + k);
            const StopMasks want = reference_masks(block, delim);
            CHECK(stop_masks(block, delim).unquoted == want.unquoted);
            CHECK(stop_masks(block, delim).quoted == want.quoted);
            CHECK(stop_masks_portable(block, delim).unquoted == want.unquoted);
            CHECK(stop_masks_portable(block, delim).quoted == want.quoted);
        }
    }
    // Every bit position, with the other 63 bytes ordinary text.
    for (int k = 0; k < 64; ++k) {
        unsigned char block[64];
        std::fill(block, block + 64, 'a');
        block[k] = '\n';
        CHECK(stop_masks(block, ',').unquoted == (uint64_t{1} << k));
        CHECK(stop_masks_portable(block, ',').unquoted == (uint64_t{1} << k));
        block[k] = '"';
        CHECK(stop_masks(block, ',').quoted == (uint64_t{1} << k));
        CHECK(stop_masks_portable(block, ',').quoted == (uint64_t{1} << k));
    }
}

TEST_CASE("tokenizer: zero-copy cells equal a reference splitter, whatever the chunk boundaries", "[tokenizer]") {
    std::mt19937 rng(20261124);
    for (char delim : {',', '\t', ';'}) {
        std::string text = std::string("Order ID") + delim + "Name" + delim + "Created" + "\r\n";
        // 26-29 KB: more than three batches of the scanner's stop masks (stop_scanner.h, 8 KiB) in one piece.
        for (int r = 0; r < 200; ++r) text += random_record(rng, delim, 1 + static_cast<int>(rng() % 12)) + (r % 3 ? "\r\n" : "\n");
        const auto want = reference_split(text, delim);
        for (size_t chunk : {size_t{1}, size_t{7}, size_t{63}, size_t{64}, size_t{65}, size_t{1000}, size_t{8191}, size_t{8257}, text.size()}) {
            std::vector<std::vector<std::string>> got;
            CsvTokenizer tokenizer([&](int64_t, const std::vector<std::string_view>& cells) {
                got.emplace_back(cells.begin(), cells.end());
            });
            for (size_t at = 0; at < text.size(); at += chunk) tokenizer.feed(std::string_view(text).substr(at, chunk));
            tokenizer.finish();
            INFO("delimiter " << int(delim) << ", chunks of " << chunk);
            REQUIRE(got.size() == want.size());
            for (size_t r = 0; r < want.size(); ++r) CHECK(got[r] == want[r]);
        }
    }
}
