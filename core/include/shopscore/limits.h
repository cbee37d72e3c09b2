// The size limits on what a reader holds in memory that more than one interface applies
// (docs/limits.md). Defined once here: the core and the CLI use them directly, the page reads
// them through the WebAssembly `meta()`.
#pragma once

#include <cstdint>
#include <string>

#include "shopscore/error.h"

namespace shopscore {

// A JSON document (dataset, profile, shop, options): parsed whole, so bounded.
constexpr uint64_t kMaxJsonBytes = uint64_t{64} << 20;
// A file given to the page: every order read stays in the WASM heap (at most 2 GiB), so past this
// the seller is sent to the command-line tool, which has no such limit.
constexpr uint64_t kPageMaxFileBytes = uint64_t{4} << 30;
// XLSX parts, inflated: checked against the zip directory before inflating and against the bytes
// produced while inflating (a zip bomb may declare a small size).
constexpr uint64_t kXlsxMaxSmallPartBytes = uint64_t{16} << 20;  // xl/workbook.xml and its .rels
constexpr uint64_t kXlsxMaxSharedStringsPartBytes = uint64_t{1} << 30;
constexpr uint64_t kXlsxMaxSheetPartBytes = uint64_t{4} << 30;

// "FILE:1:1: expected a JSON document of at most 64 MiB, got a larger file" (code file_too_large).
InputError json_too_large_error(const std::string& file_name);
// "FILE:1:A: expected a file of at most 4096 MiB in the page (the command-line tool reads larger
// files), got N MiB" (code file_too_large): the page's check before it reads a byte.
InputError page_file_too_large_error(const std::string& file_name, uint64_t size);

}  // namespace shopscore
