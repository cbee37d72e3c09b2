// Reading export files from disk for the CLI: text files are streamed in 1 MiB chunks; XLSX
// files are unzipped with zlib and their shared strings and sheet fed to the Ingest.
#pragma once

#include <string>

#include "shopscore/ingest.h"

namespace shopscore {

// Reads `path` into `ingest` as `kind`; throws InputError naming the file on bad input.
// `jobs` > 1 (0: one per hardware thread): a text file is read on that many threads
// (Ingest::read_file, the same result as one pass).
FileSummary read_export_file(Ingest& ingest, ExportKind kind, const std::string& path, unsigned jobs = 1);

}  // namespace shopscore
