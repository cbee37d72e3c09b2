// The dataset a command reads: a DATASET.json or export files, with an optional --shop file
// (laid over a dataset's own shop facts).
// Shared by `score` and `calibrate`.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "shopscore/dataset.h"
#include "shopscore/ingest.h"

namespace shopscore::cli {

struct DatasetArgs {
    std::string dataset_path;
    std::vector<std::pair<ExportKind, std::string>> exports;
    std::string shop_path;
    std::string date_order;
    unsigned jobs = 0;  // --jobs: threads reading one large text export (0: one per hardware thread)
};

// A whole file (JSON over 64 MiB refused before it is read, with the core's words).
std::string read_file(const std::string& path);

// --jobs N: a whole number from 1 to 9999 (UsageError otherwise).
unsigned parse_jobs(const std::string& n);

// Takes `arg` (and its value through `value()`) when it names the dataset; false otherwise.
template <class Value>
bool take_dataset_arg(const std::string& arg, Value&& value, DatasetArgs& out) {
    if (arg == "--shop") out.shop_path = value();
    else if (arg == "--date-order") out.date_order = value();
    else if (arg == "--jobs") out.jobs = parse_jobs(value());
    else if (arg == "--orders") out.exports.emplace_back(ExportKind::orders, value());
    else if (arg == "--returns") out.exports.emplace_back(ExportKind::returns, value());
    else if (arg == "--reviews") out.exports.emplace_back(ExportKind::reviews, value());
    else if (arg == "--chats") out.exports.emplace_back(ExportKind::chats, value());
    else if (arg == "--exclusions") out.exports.emplace_back(ExportKind::exclusions, value());
    else if (arg == "--diagnostics") out.exports.emplace_back(ExportKind::diagnostics, value());
    else return false;
    return true;
}

// UsageError unless exactly one of a DATASET.json and export files is given.
void check_dataset_args(const DatasetArgs& args);
Dataset load_dataset(const DatasetArgs& args);

}  // namespace shopscore::cli
