#include "ingest/xlsx_package.h"

#include <nlohmann/json.hpp>

#include "ingest/cell_error.h"
#include "ingest/xml_scanner.h"

namespace shopscore::ingest {
namespace {

uint16_t u16(std::string_view b, size_t at) {
    return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | (static_cast<uint8_t>(b[at + 1]) << 8));
}
uint32_t u32(std::string_view b, size_t at) { return u16(b, at) | (static_cast<uint32_t>(u16(b, at + 2)) << 16); }
uint64_t u64(std::string_view b, size_t at) { return u32(b, at) | (static_cast<uint64_t>(u32(b, at + 4)) << 32); }

constexpr uint32_t kEndOfDirectory = 0x06054b50;
constexpr uint32_t kZip64Locator = 0x07064b50;
constexpr uint32_t kZip64End = 0x06064b50;
constexpr uint32_t kDirectoryEntry = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;

}  // namespace

std::optional<ZipDirectoryLocation> find_zip_directory(std::string_view tail, uint64_t file_size) {
    if (tail.size() < 22 || tail.size() > file_size) return std::nullopt;
    const uint64_t tail_start = file_size - tail.size();
    // The record is 22 bytes plus a comment of up to 65,535 bytes; search backwards.
    for (size_t at = tail.size() - 22 + 1; at-- > 0;) {
        if (u32(tail, at) != kEndOfDirectory) continue;
        const uint16_t comment = u16(tail, at + 20);
        if (at + 22 + comment != tail.size()) continue;
        ZipDirectoryLocation loc{u32(tail, at + 16), u32(tail, at + 12), u16(tail, at + 10)};
        if (loc.offset == 0xFFFFFFFF || loc.size == 0xFFFFFFFF || loc.entries == 0xFFFF) {
            // ZIP64: a locator (20 bytes) just before, pointing at the ZIP64 end record.
            if (at < 20 || u32(tail, at - 20) != kZip64Locator) return std::nullopt;
            const uint64_t end64 = u64(tail, at - 20 + 8);
            if (end64 < tail_start || end64 - tail_start + 56 > tail.size()) return std::nullopt;
            const size_t e = static_cast<size_t>(end64 - tail_start);
            if (u32(tail, e) != kZip64End) return std::nullopt;
            loc = ZipDirectoryLocation{u64(tail, e + 48), u64(tail, e + 40), u64(tail, e + 32)};
        }
        if (loc.offset > file_size || loc.size > file_size - loc.offset) return std::nullopt;
        return loc;
    }
    return std::nullopt;
}

std::optional<std::vector<ZipEntry>> read_zip_directory(std::string_view d, uint64_t expected_entries) {
    std::vector<ZipEntry> entries;
    size_t at = 0;
    while (at + 46 <= d.size() && u32(d, at) == kDirectoryEntry) {
        ZipEntry e;
        e.flags = u16(d, at + 8);
        e.method = u16(d, at + 10);
        e.crc32 = u32(d, at + 16);
        e.compressed_size = u32(d, at + 20);
        e.uncompressed_size = u32(d, at + 24);
        const size_t name_len = u16(d, at + 28), extra_len = u16(d, at + 30), comment_len = u16(d, at + 32);
        e.local_header_offset = u32(d, at + 42);
        if (at + 46 + name_len + extra_len + comment_len > d.size()) return std::nullopt;
        e.name = std::string(d.substr(at + 46, name_len));
        // ZIP64 extra field (id 1): the 0xFFFFFFFF sizes/offset, in this order.
        size_t x = at + 46 + name_len;
        const size_t x_end = x + extra_len;
        while (x + 4 <= x_end) {
            const uint16_t id = u16(d, x), len = u16(d, x + 2);
            if (x + 4 + len > x_end) return std::nullopt;
            if (id == 1) {
                size_t p = x + 4;
                auto take = [&](uint64_t& v) {
                    if (v != 0xFFFFFFFF) return true;
                    if (p + 8 > x + 4 + len) return false;
                    v = u64(d, p);
                    p += 8;
                    return true;
                };
                if (!take(e.uncompressed_size) || !take(e.compressed_size) || !take(e.local_header_offset)) return std::nullopt;
            }
            x += 4 + len;
        }
        entries.push_back(std::move(e));
        at = x_end + comment_len;
    }
    if (entries.size() != expected_entries) return std::nullopt;
    return entries;
}

std::optional<uint64_t> zip_data_offset(std::string_view h, uint64_t local_header_offset) {
    if (h.size() < kZipLocalHeaderSize || u32(h, 0) != kLocalHeader) return std::nullopt;
    return local_header_offset + kZipLocalHeaderSize + u16(h, 26) + u16(h, 28);
}

// --- workbook -------------------------------------------------------------------------------

namespace {

struct Collector : XmlHandler {
    std::vector<std::pair<std::string, std::vector<XmlAttribute>>> elements;
    void start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) override {
        if (name == "sheet" || name == "Relationship" || name == "workbookPr") elements.emplace_back(std::string(name), attributes);
    }
    void end_element(std::string_view) override {}
    void text(std::string_view) override {}
};

std::vector<std::pair<std::string, std::vector<XmlAttribute>>> collect(std::string_view xml) {
    Collector c;
    XmlScanner scanner(c);
    scanner.feed(xml);
    scanner.finish();
    return std::move(c.elements);
}

// Relationship targets are relative to xl/ (or absolute from the package root).
std::string part_path(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    std::string path = "xl/" + target;
    // Resolve "../" segments (rare, but allowed).
    size_t dots;
    while ((dots = path.find("/../")) != std::string::npos) {
        const size_t prev = path.rfind('/', dots - 1);
        path.erase(prev == std::string::npos ? 0 : prev + 1, dots + 4 - (prev == std::string::npos ? 0 : prev + 1));
    }
    return path;
}

}  // namespace

std::optional<WorkbookParts> find_workbook_parts(std::string_view workbook_xml, std::string_view workbook_rels_xml,
                                                 std::string_view preferred_name) try {
    WorkbookParts parts;
    std::string sheet_rel;
    for (const auto& [name, attributes] : collect(workbook_xml)) {
        if (name != "sheet") continue;
        const std::string* sheet_name = xml_attribute(attributes, "name");
        const std::string* rel = xml_attribute(attributes, "id");  // r:id
        if (!rel) continue;
        if (sheet_rel.empty() || (sheet_name && *sheet_name == preferred_name)) {
            sheet_rel = *rel;
            parts.sheet_name = sheet_name ? *sheet_name : "";
            if (sheet_name && *sheet_name == preferred_name) break;
        }
    }
    for (const auto& [name, attributes] : collect(workbook_rels_xml)) {
        const std::string* id = xml_attribute(attributes, "Id");
        const std::string* type = xml_attribute(attributes, "Type");
        const std::string* target = xml_attribute(attributes, "Target");
        if (!id || !target) continue;
        if (*id == sheet_rel) parts.sheet_path = part_path(*target);
        if (type && type->size() >= 14 && type->compare(type->size() - 14, 14, "/sharedStrings") == 0)
            parts.shared_strings_path = part_path(*target);
    }
    if (parts.sheet_path.empty()) return std::nullopt;
    return parts;
} catch (const CellError&) {
    return std::nullopt;  // malformed XML
}

}  // namespace shopscore::ingest

// --- the choice and the errors every interface shares (shopscore/xlsx.h) -----------------------

namespace shopscore {

InputError bad_xlsx_error(const std::string& file_name, const std::string& what) {
    return InputError(file_name + ":1:A", "expected an XLSX workbook, " + what,
                      ErrorDetail{"bad_xlsx", file_name, 1, "A", {}, "an XLSX workbook", what});
}

InputError xlsx_part_too_large_error(const std::string& file_name, const std::string& part_name, uint64_t limit) {
    const std::string expected = part_name + " of at most " + std::to_string(limit >> 20) + " MiB unpacked";
    return InputError(file_name + ":1:A", "expected " + expected + ", got a larger one",
                      ErrorDetail{"xlsx_too_large", file_name, 1, "A", {}, expected, part_name});
}

WorkbookParts choose_workbook_parts(const std::string& file_name, std::string_view workbook_xml,
                                    std::string_view workbook_rels_xml) {
    auto parts = ingest::find_workbook_parts(workbook_xml, workbook_rels_xml);
    if (!parts) throw bad_xlsx_error(file_name, "got a workbook without a readable sheet list");
    // Workbooks written without a relationship for it still keep their strings at the usual place.
    if (parts->shared_strings_path.empty()) parts->shared_strings_path = "xl/sharedStrings.xml";
    return *parts;
}

std::string workbook_parts_to_json(const WorkbookParts& parts) {
    nlohmann::ordered_json j;
    j["sheet_path"] = parts.sheet_path;
    j["sheet_name"] = parts.sheet_name;
    j["shared_strings_path"] = parts.shared_strings_path;
    return j.dump();
}

}  // namespace shopscore
