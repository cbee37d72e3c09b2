// One slice of a text export read by a reader of its own, and what it read, in a form that can
// cross to another module instance: the page's extra workers each have their own WASM heap, so a
// slice's partial read travels to the main worker as bytes (docs/performance.md "Parallel
// reading", parallel_read.cpp for the plan and the merge).
//
// A SlicePart holds what the merge needs and nothing else: the orders the slice built and what
// their SKU rows said (IngestState), its warnings, the rows it held for the date order and what
// its dates showed (in its TableReader), the records it read (for the row numbers of the slices
// after it), the encoding its decoder decided, and why it failed, if it did.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv_tokenizer.h"
#include "ingest/row_mapper.h"
#include "ingest/table_reader.h"
#include "ingest/text_decoder.h"

namespace shopscore::ingest {

struct SlicePart {
    IngestState state;
    std::vector<Warning> warnings;
    std::unique_ptr<TableReader> table;  // refers to `state` and `warnings`: a SlicePart never moves
    uint64_t start = 0, end = 0;  // the bytes of the file it read: the merge checks them against its plan
    int64_t records = 0;   // records the slice's tokenizer read
    uint8_t encoding = 0;  // TextDecoder::decision() at the slice's end (0: nothing but ASCII seen)
    std::string failure;   // empty: read whole, ending between records

    // A part whose table reads as `first` (the header reader of the same file) does.
    explicit SlicePart(const TableReader& first);
};

// Reads one slice from a record start: a decoder continuing as the head's, a tokenizer with the
// file's delimiter, a table reader with the file's header, into a SlicePart of its own.
class SliceReader {
public:
    SliceReader(const Shop& shop, const TextDecoder& head_decoder, const TableReader& first, char delimiter);
    // Feeds the slice's bytes in order; never throws: the first failure is kept in the part.
    void feed(const uint8_t* data, size_t size);
    // The part. `last`: the slice ends the file (else it must end between two records).
    std::unique_ptr<SlicePart> finish(bool last);

private:
    void fail(const char* why);
    std::unique_ptr<SlicePart> part_;
    TextDecoder decoder_{false};
    std::unique_ptr<CsvTokenizer> csv_;
    std::string decoded_;
};

// The part as bytes, and back (a part of the file whose header reader is `first`). A blob that
// does not read back whole throws std::runtime_error: the merge then counts the slice as failed.
std::string save_slice_part(const SlicePart& part);
// The blob of a slice that could not be read at all (`why`).
std::string failed_slice_blob(std::string_view why);
std::unique_ptr<SlicePart> load_slice_part(std::string_view blob, const TableReader& first, const Shop& shop);

}  // namespace shopscore::ingest
