// docs/rules.md §25: every input error carries a stable code and its parameters beside the English line,
// so the page can word it in Chinese or English and name the file, row and column.
#include <catch2/catch.hpp>

#include "shopscore/json_io.h"
#include "test_ingest_support.h"

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

TEST_CASE("the error JSON for JavaScript holds the message and every parameter", "[errors]") {
    try {
        dataset_from_json(R"({"schema":"shopscore.dataset/1","orders":[{"id":"A"}]})", "d.json");
        FAIL("no error");
    } catch (const InputError& e) {
        const std::string j = input_error_to_json(e);
        CHECK(j.find(R"("name":"InputError")") != std::string::npos);
        CHECK(j.find(R"("code":"missing_value")") != std::string::npos);
        CHECK(j.find(R"("field":"orders[0].created")") != std::string::npos);
        CHECK(j.find(std::string("\"message\":\"") + "d.json: orders[0].created") != std::string::npos);
    }
}
