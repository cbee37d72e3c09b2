// docs/rules.md §25: every input error carries a stable code and its parameters beside the English line,
// so the page can word it in Chinese or English and name the file, row and column.
#include <catch2/catch.hpp>

#include "shopscore/json_io.h"
#include "shopscore/limits.h"
#include "shopscore/xlsx.h"
#include "ingest_support.h"

using namespace shopscore;
using namespace ingest_test;

namespace {

ErrorDetail detail_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const InputError& e) {
        return e.detail();
    }
    FAIL("no InputError");
    return {};
}

ErrorDetail export_error(const std::string& relative) {
    const std::string bytes = fixture("malformed/" + relative);
    return detail_of([&] {
        Ingest ingest(Shop{});
        read_text(ingest, ExportKind::orders, relative, bytes, {}, false);
        ingest.finish();
    });
}

}  // namespace

TEST_CASE("a missing column names the column and the file", "[errors]") {
    const ErrorDetail d = export_error("missing_column.csv");
    CHECK(d.code == "missing_column");
    CHECK(d.file == "missing_column.csv");
    CHECK(d.row == 1);
    CHECK(d.column == "Created Time");
    CHECK(d.got == "Created Time");
}

TEST_CASE("a bad date names its row, column and text", "[errors]") {
    const ErrorDetail d = export_error("bad_date.csv");
    CHECK(d.code == "bad_date");
    CHECK(d.file == "bad_date.csv");
    CHECK(d.row > 2);
    CHECK_FALSE(d.column.empty());
    CHECK_FALSE(d.got.empty());
    CHECK(d.expected.find("date") != std::string::npos);
}

TEST_CASE("JSON errors carry the field path and what was there", "[errors]") {
    const ErrorDetail missing = detail_of([] {
        dataset_from_json(R"({"schema":"shopscore.dataset/1","orders":[{"id":"A"}]})", "d.json");
    });
    CHECK(missing.code == "missing_value");
    CHECK(missing.file == "d.json");
    CHECK(missing.field == "orders[0].created");

    const ErrorDetail date = detail_of([] {
        dataset_from_json(R"({"schema":"shopscore.dataset/1","orders":[{"id":"A","created":"31/31/2026"}]})", "d.json");
    });
    CHECK(date.code == "bad_date");
    CHECK(date.field == "orders[0].created");
    CHECK(date.got == "31/31/2026");

    const ErrorDetail syntax = detail_of([] { dataset_from_json("{\n  \"orders\": [,]\n}", "d.json"); });
    CHECK(syntax.code == "json_syntax");
    CHECK(syntax.row == 2);
}

TEST_CASE("the error JSON the binding turns into a JavaScript Error: every documented field", "[errors]") {
    // wasm/bindings.cpp builds each thrown Error from error_to_json() alone (docs/errors.md).
    try {
        dataset_from_json(R"({"schema":"shopscore.dataset/1","orders":[{"id":"A"}]})", "d.json");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(error_to_json(e) ==
              R"({"name":"InputError","message":"d.json: orders[0].created: expected a date-time like )"
              R"(2026-11-02 09:30, 2026-11-02T09:30:00Z or 11/02/2026 09:30:00 AM, but it is missing",)"
              R"("code":"missing_value","file":"d.json","row":0,"column":"","field":"orders[0].created",)"
              R"("expected":"a date-time like 2026-11-02 09:30, 2026-11-02T09:30:00Z or 11/02/2026 09:30:00 AM","got":""})");
    }
    // Anything else is a bug, not bad input: name InternalError, code internal_error (CLI exit 1).
    CHECK(error_to_json(std::runtime_error("boom")) == R"({"name":"InternalError","message":"boom","code":"internal_error"})");
}

TEST_CASE("the errors the page raises before the core reads: worded and coded by the core", "[errors]") {
    // docs/limits.md: 4096 MiB in the page; the size is rounded up to whole MiB.
    const InputError big = page_file_too_large_error("orders.csv", (uint64_t{4096} << 20) + 1);
    CHECK(std::string(big.what()) ==
          "orders.csv:1:A: expected a file of at most 4096 MiB in the page (the command-line tool reads larger files), got 4097 MiB");
    CHECK(big.detail().code == "file_too_large");
    CHECK(big.detail().got == "4097 MiB");

    const InputError part = xlsx_part_too_large_error("o.xlsx", "xl/worksheets/sheet1.xml", uint64_t{4} << 30);
    CHECK(std::string(part.what()) == "o.xlsx:1:A: expected xl/worksheets/sheet1.xml of at most 4096 MiB unpacked, got a larger one");
    CHECK(part.detail().code == "xlsx_too_large");
    CHECK(part.detail().got == "xl/worksheets/sheet1.xml");

    const InputError bad = bad_xlsx_error("o.xlsx", "got a damaged zip file (no central directory)");
    CHECK(std::string(bad.what()) == "o.xlsx:1:A: expected an XLSX workbook, got a damaged zip file (no central directory)");
    CHECK(bad.detail().code == "bad_xlsx");

    const InputError json_big = json_too_large_error("d.json");
    CHECK(std::string(json_big.what()) == "d.json:1:1: expected a JSON document of at most 64 MiB, got a larger file");
}
