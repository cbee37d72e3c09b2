// The XLSX package around the sheet: the zip central directory and the workbook parts that say
// which sheet to read. No decompression here: the CLI inflates with zlib, the page with the
// browser's DecompressionStream('deflate-raw'), the tests with the platform's zlib. The page
// reads the zip directory itself and asks the core which parts to read (shopscore/xlsx.h,
// bound as findWorkbookParts).
//
// Needs only standard headers and the core's public ones, so the CLI and the fuzzers can use it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopscore/xlsx.h"

namespace shopscore::ingest {

struct ZipEntry {
    std::string name;
    uint16_t method = 0;  // 0 stored, 8 deflate
    uint16_t flags = 0;
    uint32_t crc32 = 0;
    uint64_t compressed_size = 0;
    uint64_t uncompressed_size = 0;
    uint64_t local_header_offset = 0;
};

struct ZipDirectoryLocation {
    uint64_t offset = 0;
    uint64_t size = 0;
    uint64_t entries = 0;
};

// Finds the end-of-central-directory record in `tail`, the last bytes of a file of `file_size`
// bytes (the last 65,557 bytes or the whole file, whichever is smaller). nullopt when there is
// none (not a zip) or it is inconsistent. Handles ZIP64 only when its locator is inside `tail`.
std::optional<ZipDirectoryLocation> find_zip_directory(std::string_view tail, uint64_t file_size);

// Parses the central directory bytes; nullopt when malformed.
std::optional<std::vector<ZipEntry>> read_zip_directory(std::string_view directory, uint64_t expected_entries);

// Offset of an entry's data, from its 30-byte local file header; nullopt when the header is bad.
std::optional<uint64_t> zip_data_offset(std::string_view local_header, uint64_t local_header_offset);
constexpr size_t kZipLocalHeaderSize = 30;

// The sheet to read: the part path ("xl/worksheets/sheet1.xml") of the sheet named
// `preferred_name` if there is one, else the first sheet; and the path of the shared-strings part
// (empty if the workbook has none). From xl/workbook.xml and xl/_rels/workbook.xml.rels, both
// given whole (they are small). nullopt when they are malformed or name no sheet.
std::optional<WorkbookParts> find_workbook_parts(std::string_view workbook_xml, std::string_view workbook_rels_xml,
                                                 std::string_view preferred_name = "OrderSKUList");

}  // namespace shopscore::ingest
