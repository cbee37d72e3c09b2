// The XLSX container and part readers on their own: the zip end-of-directory search, central
// directory and local headers (as the CLI reads them), workbook.xml + rels, and the shared-strings
// and sheet readers with their size limits. Input: "ZIP TAIL\0\0WORKBOOK\0\0RELS\0\0SHARED\0\0SHEET";
// missing parts are empty. Bad input may only raise the readers' own errors.
#include <string>

#include "fuzz_support.h"
#include "ingest/cell_error.h"
#include "ingest/xlsx_package.h"
#include "ingest/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace shopscore::ingest;
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    auto [zip, rest1] = fuzz::split2(all);
    auto [workbook, rest2] = fuzz::split2(rest1);
    auto [rels, rest3] = fuzz::split2(rest2);
    auto [shared, sheet] = fuzz::split2(rest3);

    // The container: a file whose last bytes are `zip` (the size may claim more before them).
    for (uint64_t file_size : {static_cast<uint64_t>(zip.size()), static_cast<uint64_t>(zip.size()) + 1000}) {
        if (auto loc = find_zip_directory(zip, file_size)) {
            const uint64_t start = file_size - zip.size();
            if (loc->offset >= start && loc->offset - start <= zip.size()) {
                const std::string_view dir = zip.substr(static_cast<size_t>(loc->offset - start));
                if (auto entries = read_zip_directory(dir.substr(0, std::min<uint64_t>(dir.size(), loc->size)), loc->entries))
                    for (const auto& e : *entries)
                        if (e.local_header_offset >= start && e.local_header_offset - start < zip.size())
                            (void)zip_data_offset(zip.substr(static_cast<size_t>(e.local_header_offset - start)), e.local_header_offset);
            }
        }
    }
    (void)find_workbook_parts(workbook, rels);

    // Shared strings, then the sheet, each fed in two pieces split at a point the input chooses.
    try {
        std::vector<std::string> table;
        SharedStringsReader strings(table);
        const size_t cut = shared.empty() ? 0 : static_cast<uint8_t>(shared[0]) % shared.size();
        strings.feed(shared.substr(0, cut));
        strings.feed(shared.substr(cut));
        strings.finish();
        size_t cells = 0;
        SheetReader reader(table, [&](int64_t, std::vector<std::string>& row) { cells += row.size(); });
        const size_t cut2 = sheet.empty() ? 0 : static_cast<uint8_t>(sheet[0]) % sheet.size();
        reader.feed(sheet.substr(0, cut2));
        reader.feed(sheet.substr(cut2));
        reader.finish();
    } catch (const CellError&) {
    }
    return 0;
}
