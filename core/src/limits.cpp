#include "shopscore/limits.h"

namespace shopscore {

InputError json_too_large_error(const std::string& file_name) {
    const std::string expected = "a JSON document of at most " + std::to_string(kMaxJsonBytes >> 20) + " MiB";
    return InputError(file_name + ":1:1", "expected " + expected + ", got a larger file",
                      ErrorDetail{"file_too_large", file_name, 1, "1", {}, expected, {}});
}

InputError page_file_too_large_error(const std::string& file_name, uint64_t size) {
    const std::string expected = "a file of at most " + std::to_string(kPageMaxFileBytes >> 20) +
                                 " MiB in the page (the command-line tool reads larger files)";
    const std::string got = std::to_string((size + (uint64_t{1} << 20) - 1) >> 20) + " MiB";  // rounded up
    return InputError(file_name + ":1:A", "expected " + expected + ", got " + got,
                      ErrorDetail{"file_too_large", file_name, 1, "A", {}, expected, got});
}

}  // namespace shopscore
