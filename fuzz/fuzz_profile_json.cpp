// Profile, shop and options JSON. The input is "PROFILE\0\0OPTIONS"; the profile is read on its
// own, then used to score a small fixed dataset, so a profile that is accepted must score without
// NaN/infinity; the options text goes through score_options_from_json and shop_from_json.
#include <cstdlib>
#include <string>

#include "fuzz_support.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

// tests/data/spec-example.json, compiled in (fuzz/CMakeLists.txt): every dimension has data, so
// any profile that is accepted must give a number.
namespace shopscore::embedded {
extern const char* const fuzz_dataset_json;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace shopscore;
    static const Dataset dataset = dataset_from_json(embedded::fuzz_dataset_json, "spec-example.json");
    const auto [profile_text, options_text] = fuzz::split2(std::string_view(reinterpret_cast<const char*>(data), size));
    try {
        ScoreOptions options;
        options.profiles = profiles_from_json(profile_text, "profile.json");
        const std::string out = result_to_json(score(dataset, options));
        fuzz::check_result(out);
    } catch (const InputError&) {
    }
    try {
        (void)shop_from_json(options_text, "shop.json");
    } catch (const InputError&) {
    }
    try {
        const ScoreOptions options = score_options_from_json(options_text);
        const std::string out = result_to_json(score(dataset, options));
        fuzz::check_result(out);
    } catch (const InputError&) {
    }
    return 0;
}
