// Canonical dataset JSON -> score() -> result JSON. Checks that bad input only ever raises
// InputError and that a scored result never carries NaN or infinity (e.g. "sps_display": "-nan").
#include <cstdlib>
#include <string>

#include "fuzz_support.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace shopscore;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const Dataset dataset = dataset_from_json(text, "fuzz.json");
        ScoreOptions options;
        options.insights = size % 2 == 0;
        const std::string out = result_to_json(score(dataset, options));
        fuzz::check_result(out);
    } catch (const InputError&) {
    }
    return 0;
}
