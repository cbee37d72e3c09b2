// shopscore: the command-line calculator (SPEC §8).
//   shopscore score DATASET.json [--profile FILE.json] [--as-of YYYY-MM-DD]
//   shopscore score --orders F [--returns F] [--reviews F] [--chats F] [--exclusions F] [--shop FILE.json]
// Exit 0 with the result JSON on stdout; 2 on bad input with one line "FILE:ROW:COLUMN: ..." on
// stderr; 1 on an internal error.
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "export_files.h"
#include "insight_flags.h"
#include "shopscore/error.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"
#include "shopscore/version.h"

namespace {

using namespace shopscore;

constexpr const char* kUsage =
    "Usage:\n"
    "  shopscore score DATASET.json [--profile FILE.json] [--as-of YYYY-MM-DD] [--insights]\n"
    "  shopscore score --orders FILE [--returns FILE] [--reviews FILE] [--chats FILE]\n"
    "                  [--exclusions FILE] [--shop SHOP.json] [--profile FILE.json] [--as-of YYYY-MM-DD]\n"
    "  shopscore --help | --version\n"
    "\n"
    "Computes the TikTok Shop Performance Score (SPS) from a ShopScore dataset (JSON) or from\n"
    "Seller Center exports (CSV, TSV or XLSX; UTF-8 or GB18030) and prints the result as JSON.\n"
    "Each export option may be given more than once. --insights adds priority labels (what to\n"
    "fix first). Nothing leaves this machine.\n"
    "\n"
    "Exit status: 0 success, 2 bad input (message FILE:ROW:COLUMN: ... on stderr), 1 internal error.\n";

// Bad command-line usage; reported like bad input (exit 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open the file", ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", {}});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct ScoreCommand {
    std::string dataset_path;
    std::vector<std::pair<ExportKind, std::string>> exports;
    std::string shop_path;
    std::string profile_path;
    std::string as_of;
    bool insights = false;
    InsightOptions insight_options;
    std::string csv;  // --csv TABLE: print that diagnostics table instead of the JSON
};

ScoreCommand parse_score_args(const std::vector<std::string>& args) {
    ScoreCommand cmd;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::function<const std::string&()> value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            return args[++i];
        };
        if (a == "--profile") cmd.profile_path = value();
        else if (a == "--as-of") cmd.as_of = value();
        else if (a == "--shop") cmd.shop_path = value();
        else if (a == "--insights") cmd.insights = true;
        else if (a == "--orders") cmd.exports.emplace_back(ExportKind::orders, value());
        else if (a == "--returns") cmd.exports.emplace_back(ExportKind::returns, value());
        else if (a == "--reviews") cmd.exports.emplace_back(ExportKind::reviews, value());
        else if (a == "--chats") cmd.exports.emplace_back(ExportKind::chats, value());
        else if (a == "--exclusions") cmd.exports.emplace_back(ExportKind::exclusions, value());
        else if (cli::parse_insight_flag(a, value, cmd.insight_options, cmd.csv)) {}
        else if (a.rfind("--", 0) == 0) throw UsageError("unknown option " + a);
        else if (cmd.dataset_path.empty()) cmd.dataset_path = a;
        else throw UsageError("more than one dataset given: " + a);
    }
    if (cmd.dataset_path.empty() == cmd.exports.empty())
        throw UsageError(cmd.dataset_path.empty() ? "give a DATASET.json or --orders FILE"
                                                  : "give either a DATASET.json or export files, not both");
    return cmd;
}

int run_score(const std::vector<std::string>& args) {
    const ScoreCommand cmd = parse_score_args(args);
    ScoreOptions options;
    options.insights = cmd.insights || !cmd.csv.empty();
    options.insight_options = cmd.insight_options;
    if (!cmd.as_of.empty()) {
        options.as_of = parse_day(cmd.as_of);
        if (!options.as_of)
            throw InputError("--as-of", "expected a date like 2026-11-20, got \"" + cmd.as_of + "\"",
                             ErrorDetail{"bad_date", {}, 0, {}, "--as-of", "a date like 2026-11-20", cmd.as_of});
    }
    if (!cmd.profile_path.empty()) options.profiles = profiles_from_json(read_file(cmd.profile_path), cmd.profile_path);

    Dataset dataset;
    if (!cmd.dataset_path.empty()) {
        dataset = dataset_from_json(read_file(cmd.dataset_path), cmd.dataset_path);
    } else {
        Shop shop = cmd.shop_path.empty() ? Shop{} : shop_from_json(read_file(cmd.shop_path), cmd.shop_path);
        Ingest ingest(shop);
        for (const auto& [kind, path] : cmd.exports) read_export_file(ingest, kind, path);
        dataset = ingest.finish();
    }
    const Result result = score(dataset, options);
    std::fputs((cmd.csv.empty() ? result_to_json(result) : kCsvBom + insights_csv(result, cmd.csv)).c_str(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
            std::fputs(kUsage, args.empty() ? stderr : stdout);
            std::fputs(cli::kInsightUsage, args.empty() ? stderr : stdout);
            return args.empty() ? 2 : 0;
        }
        if (args[0] == "--version") {
            std::printf("shopscore %s\n", kVersion);
            return 0;
        }
        if (args[0] != "score") throw UsageError("unknown command " + args[0]);
        return run_score({args.begin() + 1, args.end()});
    } catch (const InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    } catch (const UsageError& e) {
        std::fprintf(stderr, "shopscore: %s (see shopscore --help)\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "shopscore: internal error: %s\n", e.what());
        return 1;
    }
}
