// Reading an XLSX export around its sheet, the same in the CLI and the page: which parts of the
// package to read, and the errors both give for a damaged or oversized package (docs/exports.md,
// docs/limits.md). The zip container and inflating stay with each interface (zlib in the CLI, the
// browser's DecompressionStream in the page); the sheet and shared strings go to an Ingest.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "shopscore/error.h"

namespace shopscore {

struct WorkbookParts {
    std::string sheet_path;           // "xl/worksheets/sheet1.xml"
    std::string sheet_name;           // as the workbook names it ("OrderSKUList")
    std::string shared_strings_path;  // empty when the workbook names none (see choose_workbook_parts)
};

// The sheet named OrderSKUList, else the workbook's first sheet; and the shared strings the
// workbook's relationships name, else "xl/sharedStrings.xml" (the caller reads it when the package
// has it). From xl/workbook.xml and xl/_rels/workbook.xml.rels, both given whole (they are small).
// Throws bad_xlsx when they are malformed or name no sheet.
WorkbookParts choose_workbook_parts(const std::string& file_name, std::string_view workbook_xml,
                                    std::string_view workbook_rels_xml);
// {"sheet_path", "sheet_name", "shared_strings_path"}
std::string workbook_parts_to_json(const WorkbookParts& parts);

// "FILE:1:A: expected an XLSX workbook, WHAT" (code bad_xlsx; `what` says what was found instead).
InputError bad_xlsx_error(const std::string& file_name, const std::string& what);
// "FILE:1:A: expected PART of at most N MiB unpacked, got a larger one" (code xlsx_too_large).
InputError xlsx_part_too_large_error(const std::string& file_name, const std::string& part_name, uint64_t limit);

}  // namespace shopscore
