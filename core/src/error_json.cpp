// The one error serializer: the WebAssembly binding turns every exception into a JavaScript Error
// carrying exactly these fields (docs/errors.md), and the tests check them here.
#include <nlohmann/json.hpp>

#include "shopscore/error.h"

namespace shopscore {

std::string error_to_json(const std::exception& error) {
    nlohmann::ordered_json j;
    const auto* input = dynamic_cast<const InputError*>(&error);
    j["name"] = input ? "InputError" : "InternalError";
    j["message"] = error.what();
    if (!input) {
        j["code"] = "internal_error";  // a bug, not bad input (the CLI exits 1)
        return j.dump();
    }
    const ErrorDetail& d = input->detail();
    j["code"] = d.code;
    j["file"] = d.file;
    j["row"] = d.row;
    j["column"] = d.column;
    j["field"] = d.field;
    j["expected"] = d.expected;
    j["got"] = d.got;
    return j.dump();
}

}  // namespace shopscore
