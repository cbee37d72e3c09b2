// Export files from disk -> Ingest. Text files are streamed in 1 MiB chunks (the Ingest detects
// the encoding). XLSX files (recognised by their zip signature, not their name) are read through
// the zip central directory: workbook.xml and its relationships say which part is the sheet
// (OrderSKUList, else the first); the shared strings and then the sheet are inflated with zlib in
// 1 MiB pieces and streamed to the Ingest, so neither the file nor the sheet XML is held whole.
#include "export_files.h"

#include <zlib.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cstring>
#include <fstream>
#include <functional>
#include <system_error>
#include <thread>
#include <vector>

// The zip/workbook helpers are part of the core library; this header needs only std headers.
#include "ingest/xlsx_package.h"
#include "shopscore/error.h"
#include "shopscore/limits.h"

namespace shopscore {
namespace {

constexpr size_t kChunk = 1 << 20;
// Inflated sizes (docs/limits.md; the core's limits.h, which the page reads through meta()): the
// shared strings are held in memory (the core caps their text at 256 MiB; this bounds the markup
// around it), the sheet is streamed but a zip bomb of a sheet would take minutes. Checked against
// the directory's sizes before inflating and against the bytes actually produced while inflating.
constexpr uint64_t kMaxSmallPart = kXlsxMaxSmallPartBytes;  // workbook.xml and its .rels
constexpr uint64_t kMaxSharedStringsPart = kXlsxMaxSharedStringsPartBytes;
constexpr uint64_t kMaxSheetPart = kXlsxMaxSheetPartBytes;

using ingest::ZipEntry;

[[noreturn]] void bad_xlsx(const std::string& path, const std::string& what) { throw bad_xlsx_error(path, what); }

class XlsxFile {
public:
    XlsxFile(std::ifstream& in, std::string path, uint64_t size) : in_(in), path_(std::move(path)), size_(size) {
        const uint64_t tail_size = std::min<uint64_t>(size_, 65557);
        const std::string tail = read_at(size_ - tail_size, tail_size);
        const auto loc = ingest::find_zip_directory(tail, size_);
        if (!loc) bad_xlsx(path_, "got a damaged zip file (no central directory)");
        const std::string directory = read_at(loc->offset, loc->size);
        auto entries = ingest::read_zip_directory(directory, loc->entries);
        if (!entries) bad_xlsx(path_, "got a damaged zip file (bad central directory)");
        entries_ = std::move(*entries);
    }

    const ZipEntry* find(const std::string& name) const {
        for (const auto& e : entries_)
            if (e.name == name) return &e;
        return nullptr;
    }

    std::string read_whole(const std::string& name) {
        const ZipEntry* e = find(name);
        if (!e) bad_xlsx(path_, "got a zip file without " + name);
        std::string out;
        stream(*e, [&](const char* data, size_t n) { out.append(data, n); }, kMaxSmallPart);
        return out;
    }

    [[noreturn]] void too_large(const ZipEntry& e, uint64_t limit) const {
        throw xlsx_part_too_large_error(path_, e.name, limit);
    }

    // Inflates `e` and passes its bytes on in pieces of at most 1 MiB; checks size and CRC.
    // `limit`: the most bytes the entry may inflate to.
    void stream(const ZipEntry& e, const std::function<void(const char*, size_t)>& sink, uint64_t limit) {
        if (e.uncompressed_size > limit) too_large(e, limit);
        const std::string header = read_at(e.local_header_offset, ingest::kZipLocalHeaderSize);
        const auto data_offset = ingest::zip_data_offset(header, e.local_header_offset);
        if (!data_offset || *data_offset > size_ || e.compressed_size > size_ - *data_offset)
            bad_xlsx(path_, "got a damaged zip entry " + e.name);
        if (e.method != 0 && e.method != 8) bad_xlsx(path_, "got " + e.name + " compressed with unsupported method " + std::to_string(e.method));
        in_.clear();
        in_.seekg(static_cast<std::streamoff>(*data_offset));

        uLong crc = crc32(0L, Z_NULL, 0);
        uint64_t produced = 0;
        std::vector<char> input(kChunk), output(kChunk);
        uint64_t left = e.compressed_size;
        auto emit = [&](const char* data, size_t n) {
            crc = crc32(crc, reinterpret_cast<const Bytef*>(data), static_cast<uInt>(n));
            produced += n;
            if (produced > e.uncompressed_size) bad_xlsx(path_, "got a damaged zip entry " + e.name + " (too long)");
            if (produced > limit) too_large(e, limit);
            sink(data, n);
        };
        if (e.method == 0) {
            while (left > 0) {
                const size_t n = static_cast<size_t>(std::min<uint64_t>(left, kChunk));
                if (!in_.read(input.data(), static_cast<std::streamsize>(n))) bad_xlsx(path_, "got a truncated zip file");
                emit(input.data(), n);
                left -= n;
            }
        } else {
            z_stream zs{};
            if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw std::runtime_error("zlib inflateInit2 failed");
            struct Guard {
                z_stream& zs;
                ~Guard() { inflateEnd(&zs); }
            } guard{zs};
            int rc = Z_OK;
            while (rc != Z_STREAM_END) {
                if (zs.avail_in == 0) {
                    if (left == 0) bad_xlsx(path_, "got a damaged zip entry " + e.name + " (truncated data)");
                    const size_t n = static_cast<size_t>(std::min<uint64_t>(left, kChunk));
                    if (!in_.read(input.data(), static_cast<std::streamsize>(n))) bad_xlsx(path_, "got a truncated zip file");
                    left -= n;
                    zs.next_in = reinterpret_cast<Bytef*>(input.data());
                    zs.avail_in = static_cast<uInt>(n);
                }
                zs.next_out = reinterpret_cast<Bytef*>(output.data());
                zs.avail_out = static_cast<uInt>(output.size());
                rc = inflate(&zs, Z_NO_FLUSH);
                if (rc != Z_OK && rc != Z_STREAM_END) bad_xlsx(path_, "got a damaged zip entry " + e.name + " (inflate failed)");
                const size_t n = output.size() - zs.avail_out;
                if (n) emit(output.data(), n);
            }
        }
        if (produced != e.uncompressed_size || crc != e.crc32) bad_xlsx(path_, "got a damaged zip entry " + e.name + " (size or CRC mismatch)");
    }

private:
    std::string read_at(uint64_t offset, uint64_t n) {
        std::string out(static_cast<size_t>(n), '\0');
        in_.clear();
        in_.seekg(static_cast<std::streamoff>(offset));
        if (!in_.read(&out[0], static_cast<std::streamsize>(n))) bad_xlsx(path_, "got a truncated zip file");
        return out;
    }

    std::ifstream& in_;
    std::string path_;
    uint64_t size_;
    std::vector<ZipEntry> entries_;
};

FileSummary read_xlsx(Ingest& ingest, ExportKind kind, const std::string& path, std::ifstream& in, uint64_t size) {
    XlsxFile zip(in, path, size);
    const WorkbookParts parts =
        choose_workbook_parts(path, zip.read_whole("xl/workbook.xml"), zip.read_whole("xl/_rels/workbook.xml.rels"));
    const ZipEntry* sheet = zip.find(parts.sheet_path);
    if (!sheet) bad_xlsx(path, "got a zip file without " + parts.sheet_path);
    auto feed = [&](const char* data, size_t n) { ingest.feed(reinterpret_cast<const uint8_t*>(data), n); };
    if (const ZipEntry* shared = zip.find(parts.shared_strings_path)) {
        ingest.begin(kind, path, ExportFormat::xlsx_shared_strings);
        zip.stream(*shared, feed, kMaxSharedStringsPart);
        ingest.end();
    }
    ingest.begin(kind, path, ExportFormat::xlsx_sheet);
    zip.stream(*sheet, feed, kMaxSheetPart);
    return ingest.end();
}

// A text file read in slices on `jobs` threads (Ingest::read_file: the same result as one pass).
FileSummary read_text_in_slices(Ingest& ingest, ExportKind kind, const std::string& path, uint64_t size, unsigned jobs) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw InputError(path, "cannot read the file", ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", {}});
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    const ReadAt read_at = [fd, &path](uint64_t offset, uint8_t* out, size_t n) {
        while (n > 0) {
            const ssize_t got = ::pread(fd, out, n, static_cast<off_t>(offset));
            if (got <= 0)
                throw InputError(path, "cannot read the file", ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", {}});
            out += got, offset += static_cast<uint64_t>(got), n -= static_cast<size_t>(got);
        }
    };
    ParallelRead options;
    options.jobs = jobs;
    // For the CLI checks: the fixtures are far smaller than a slice's default minimum.
    if (const char* min = std::getenv("SHOPSCORE_MIN_SLICE_BYTES")) options.min_slice_bytes = std::strtoull(min, nullptr, 10);
    // Each task's own CPU time, for the report (the slowest slice bounds the wall time).
    std::vector<double> task_cpu;
    options.run_all = [&task_cpu](std::vector<std::function<void()>>& tasks) {
        task_cpu.assign(tasks.size(), 0);
        auto timed = [&](size_t k) {
            return [&, k] {
                timespec a{}, b{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
                tasks[k]();
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
                task_cpu[k] = static_cast<double>(b.tv_sec - a.tv_sec) + 1e-9 * static_cast<double>(b.tv_nsec - a.tv_nsec);
            };
        };
        std::vector<std::thread> threads;
        size_t started = 1;  // task 0 runs on this thread
        for (; started < tasks.size(); ++started) {
            try {
                threads.emplace_back(timed(started));
            } catch (const std::system_error&) {
                break;  // no more threads: the rest run here
            }
        }
        timed(0)();
        for (size_t k = started; k < tasks.size(); ++k) timed(k)();
        for (std::thread& t : threads) t.join();
    };
    ParallelReadReport report;
    FileSummary summary = ingest.read_file(kind, path, size, read_at, options, &report);
    // For the benchmark and the CLI checks: how the file was read.
    if (std::getenv("SHOPSCORE_REPORT_SLICES")) {
        std::fprintf(stderr, "%s: %d slice(s)%s%s\n", path.c_str(), report.slices,
                     report.fell_back ? ", fell back to one pass: " : report.why.empty() ? "" : ", one pass: ", report.why.c_str());
        if (report.slices > 1) {  // CPU seconds of each slice's task and of the merge
            std::fprintf(stderr, "%s: slice CPU s", path.c_str());
            for (double t : task_cpu) std::fprintf(stderr, " %.3f", t);
            std::fprintf(stderr, "; merge CPU s %.3f\n", report.merge_cpu_seconds);
        }
    }
    return summary;
}

}  // namespace

FileSummary read_export_file(Ingest& ingest, ExportKind kind, const std::string& path, unsigned jobs) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, std::string("cannot open the file (") + std::strerror(errno) + ")",
                         ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", std::strerror(errno)});
    in.seekg(0, std::ios::end);
    const auto size = static_cast<uint64_t>(in.tellg());
    in.seekg(0);
    char magic[4] = {};
    in.read(magic, 4);
    const bool zip = in.gcount() == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0;
    in.clear();
    in.seekg(0);
    if (zip) return read_xlsx(ingest, kind, path, in, size);
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    if (jobs > 1) return read_text_in_slices(ingest, kind, path, size, jobs);

    ingest.begin(kind, path, ExportFormat::text);
    ingest.expect_bytes(size);
    std::vector<char> buffer(kChunk);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<size_t>(in.gcount());
        if (n) ingest.feed(reinterpret_cast<const uint8_t*>(buffer.data()), n);
    }
    if (in.bad()) throw InputError(path, "cannot read the file", ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", {}});
    return ingest.end();
}

}  // namespace shopscore
