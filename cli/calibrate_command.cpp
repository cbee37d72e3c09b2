// shopscore calibrate DATASET.json|--orders ... --seller-center SNAP.json --out PROFILE.json
//                    [--profile BASE.json] [--format text|json]
#include <cstdio>
#include <fstream>
#include <functional>

#include "calibrate_command.h"
#include "dataset_input.h"
#include "score_output.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "usage_error.h"

namespace shopscore::cli {

int run_calibrate(const std::vector<std::string>& args) {
    DatasetArgs data;
    std::string snapshots_path, out_path, profile_path;
    Format format = Format::text;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::function<const std::string&()> value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            return args[++i];
        };
        if (a == "--seller-center") snapshots_path = value();
        else if (a == "--out") out_path = value();
        else if (a == "--profile") profile_path = value();
        else if (a == "--format") format = parse_format(value());
        else if (take_dataset_arg(a, value, data)) {}
        else if (a.rfind("--", 0) == 0) throw UsageError("unknown option " + a);
        else if (data.dataset_path.empty()) data.dataset_path = a;
        else throw UsageError("more than one dataset given: " + a);
    }
    check_dataset_args(data);
    if (snapshots_path.empty()) throw UsageError("give --seller-center SNAP.json (what the SPS page shows)");
    if (out_path.empty()) throw UsageError("give --out PROFILE.json (where the fitted profile goes)");
    if (format == Format::csv) throw UsageError("calibrate prints --format text or json");

    const std::vector<Snapshot> snapshots = snapshots_from_json(read_file(snapshots_path), snapshots_path);
    const Profile base = profile_path.empty() ? default_profile()
                                              : profiles_from_json(read_file(profile_path), profile_path).front();
    const Dataset dataset = load_dataset(data);
    const Calibration c = calibrate(dataset, snapshots, base);

    std::ofstream out(out_path, std::ios::binary);
    if (!out) throw InputError(out_path, "cannot write the file", ErrorDetail{"cannot_write", out_path, 0, {}, "--out", "a writable file", {}});
    out << profile_to_json(c.profile);
    out.close();
    const std::string report = format == Format::json ? calibration_to_json(c) : calibration_text(c, out_path);
    std::fputs(report.c_str(), stdout);
    return 0;
}

}  // namespace shopscore::cli
