#include "dataset_input.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "export_files.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/limits.h"
#include "usage_error.h"

namespace shopscore::cli {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open the file", ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", {}});
    // JSON files are parsed whole; one over the core's limit (shopscore/limits.h, 64 MiB) is
    // refused before it is read into memory, with the core's words.
    in.seekg(0, std::ios::end);
    if (static_cast<uint64_t>(in.tellg()) > kMaxJsonBytes) throw json_too_large_error(path);
    in.seekg(0);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void check_dataset_args(const DatasetArgs& args) {
    if (args.dataset_path.empty() == args.exports.empty())
        throw UsageError(args.dataset_path.empty() ? "give a DATASET.json or --orders FILE"
                                                   : "give either a DATASET.json or export files, not both");
}

unsigned parse_jobs(const std::string& n) {
    if (n.empty() || n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1)
        throw UsageError("--jobs expects a whole number from 1 to 9999, got " + n);
    return static_cast<unsigned>(std::stoi(n));
}

Dataset load_dataset(const DatasetArgs& args) {
    // A bad --date-order is refused with a dataset too (where ISO dates need none): a typo in an
    // option is never taken in silence.
    std::optional<DateOrder> order;
    if (!args.date_order.empty() && !(order = date_order_from_name(args.date_order)))
        throw InputError("--date-order", "expected mdy or dmy, got \"" + args.date_order + "\"",
                         ErrorDetail{"invalid_value", {}, 0, {}, "--date-order", "mdy or dmy", args.date_order});
    Shop shop = args.shop_path.empty() ? Shop{} : shop_from_json(read_file(args.shop_path), args.shop_path);
    if (!args.dataset_path.empty()) {
        // A --shop file beside a dataset is laid over the dataset's own facts, never ignored.
        Dataset dataset = dataset_from_json(read_file(args.dataset_path), args.dataset_path);
        if (!args.shop_path.empty()) dataset.shop = effective_shop(dataset.shop, shop);
        return dataset;
    }
    Ingest ingest(shop);
    if (order) ingest.set_date_order(order);
    for (const auto& [kind, path] : args.exports) read_export_file(ingest, kind, path, args.jobs);
    return ingest.take();  // moved out: no second copy of the orders at the peak
}

}  // namespace shopscore::cli
