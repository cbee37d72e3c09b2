#include <nlohmann/json.hpp>

#include "shopscore/error.h"

namespace shopscore {

std::string input_error_to_json(const InputError& error) {
    const ErrorDetail& d = error.detail();
    nlohmann::ordered_json j;
    j["name"] = "InputError";
    j["message"] = error.what();
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
