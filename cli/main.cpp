// shopscore: the command-line calculator (docs/rules.md §24).
//   shopscore score DATASET.json [--profile FILE.json] [--as-of YYYY-MM-DD] [--format json|text|csv]
//   shopscore score --orders F [--returns F] [--reviews F] [--chats F] [--exclusions F] [--shop FILE.json]
//   shopscore batch DIR|LIST [--out-csv F] [--out-json F] [--jobs N]   (cli/batch.cpp)
// Exit 0 with the result on stdout; 2 on bad input with one line "FILE:ROW:COLUMN: ..." on
// stderr; 1 on an internal error.
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "batch.h"
#include "calibrate_command.h"
#include "dataset_input.h"
#include "export_files.h"
#include "malloc_tunables.h"
#include "score_output.h"
#include "insight_flags.h"
#include "shopscore/error.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"
#include "shopscore/limits.h"
#include "shopscore/score.h"
#include "shopscore/version.h"
#include "usage_error.h"

namespace {

using namespace shopscore;
using cli::UsageError;

constexpr const char* kUsage =
    "Usage:\n"
    "  shopscore score DATASET.json [--profile FILE.json] [--as-of YYYY-MM-DD] [--insights]\n"
    "                  [--format json|text|csv] [--lang en|zh]\n"
    "  shopscore score --orders FILE [--returns FILE] [--reviews FILE] [--chats FILE]\n"
    "                  [--exclusions FILE] [--diagnostics FILE] [--shop SHOP.json] [--profile FILE.json]\n"
    "                  [--as-of YYYY-MM-DD] [--date-order mdy|dmy] [--jobs N]\n"
    "  Either form also takes --metric ID=VALUE[%][:COUNT] (e.g. aht=31.2, nrr=0.8%:812): a metric\n"
    "  typed as Seller Center shows it, replacing that one metric.\n"
    "  shopscore batch DIR|LIST [--out-csv FILE] [--out-json FILE] [--format csv|json] [--jobs N]\n"
    "                 [--history FILE.csv]\n"
    "                  [--profile FILE.json] [--as-of YYYY-MM-DD] [--insights] [--strict]\n"
    "  shopscore calibrate DATASET.json|--orders FILE ... --seller-center SNAP.json --out PROFILE.json\n"
    "                  [--profile FILE.json] [--format text|json]\n"
    "  shopscore --help | --version\n"
    "\n"
    "score: the TikTok Shop Performance Score (SPS) of one shop from a ShopScore dataset (JSON) or\n"
    "from Seller Center exports (CSV, TSV or XLSX; UTF-8 or GB18030). Each export option may be\n"
    "given more than once. --format json (default) prints the result JSON; text a report to read\n"
    "(--lang zh for Chinese; colour on a terminal unless NO_COLOR is set); csv the batch columns\n"
    "for this one shop. --insights adds priority labels (what to fix first) to the JSON; text and\n"
    "csv always show them. --date-order states how the exports write slash dates (mdy: 11/02/2026\n"
    "is 2 November, the US form; dmy: 11 February); by default each file's data decides. --jobs N\n"
    "reads a large orders export on N threads (default one per core; the result is the same as\n"
    "with --jobs 1).\n"
    "\n"
    "batch: many shops in one run. DIR holds one folder per shop; a LIST file names one shop folder\n"
    "per line. A shop folder holds its exports (kinds recognised from their header rows) and an\n"
    "optional shop.json (the shop facts, as --shop). One row per shop: CSV (UTF-8 with BOM, for\n"
    "Excel) with --out-csv, a JSON array with --out-json (- for stdout); with neither, the CSV\n"
    "(or --format json) goes to stdout. Shops run in parallel (--jobs N, default one per core); a\n"
    "shop whose files are bad gets its one-line error in its row and the others still run.\n"
    "--history FILE.csv keeps the readings: each run appends its scored shops' rows (the batch CSV)\n"
    "and adds previous_as_of, previous_sps and sps_change to the output.\n"
    "\n"
    "calibrate: fits a profile to what the shop's Seller Center SPS page shows (SNAP.json: ShopScore's\n"
    "snapshot form or the SPS API's overview/metrics responses; docs/calibration.md), writes it to\n"
    "--out for score --profile, and prints how each shown number compares (text, or json).\n"
    "\n"
    "Examples:\n"
    "  shopscore score shop.json --format text --lang zh\n"
    "  shopscore score --orders orders.csv --returns returns.xlsx --shop shop.json --format text\n"
    "  shopscore batch shops/ --out-csv shops.csv --out-json shops.json --jobs 4\n"
    "\n"
    "Nothing leaves this machine.\n"
    "Exit status: 0 success, 2 bad input (message FILE:ROW:COLUMN: ... on stderr), 1 internal error.\n"
    "batch exits 0 when every row was written, shops with errors included (--strict: 2 then).\n";

struct ScoreCommand {
    cli::DatasetArgs data;
    std::string profile_path;
    std::string as_of;
    bool insights = false;
    cli::Format format = cli::Format::json;
    cli::Lang lang = cli::Lang::en;
    std::vector<std::string> metrics;  // --metric ID=VALUE[%][:COUNT]
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
        else if (cli::take_dataset_arg(a, value, cmd.data)) {}
        else if (a == "--insights") cmd.insights = true;
        else if (a == "--format") cmd.format = cli::parse_format(value());
        else if (a == "--lang") cmd.lang = cli::parse_lang(value());
        else if (a == "--metric") cmd.metrics.push_back(value());
        else if (cli::parse_insight_flag(a, value, cmd.insight_options, cmd.csv)) {}
        else if (a.rfind("--", 0) == 0) throw UsageError("unknown option " + a);
        else if (cmd.data.dataset_path.empty()) cmd.data.dataset_path = a;
        else throw UsageError("more than one dataset given: " + a);
    }
    cli::check_dataset_args(cmd.data);
    return cmd;
}

int run_score(const std::vector<std::string>& args) {
    const ScoreCommand cmd = parse_score_args(args);
    ScoreOptions options;
    options.insights = cmd.insights || !cmd.csv.empty() || cmd.format != cli::Format::json;  // text and csv show priorities
    options.insight_options = cmd.insight_options;
    if (!cmd.as_of.empty()) {
        options.as_of = parse_day(cmd.as_of);
        if (!options.as_of)
            throw InputError("--as-of", "expected a date like 2026-11-20, got \"" + cmd.as_of + "\"",
                             ErrorDetail{"bad_date", {}, 0, {}, "--as-of", "a date like 2026-11-20", cmd.as_of});
    }
    for (const std::string& text : cmd.metrics) {
        auto [metric, direct] = direct_metric_from_text(text, &options.notes);
        options.metrics[metric] = direct;
    }
    if (!cmd.profile_path.empty()) options.profiles = profiles_from_json(cli::read_file(cmd.profile_path), cmd.profile_path);

    const Dataset dataset = cli::load_dataset(cmd.data);
    const Result result = score(dataset, options);
    if (!cmd.csv.empty()) {
        std::fputs((kCsvBom + insights_csv(result, cmd.csv, cmd.lang == cli::Lang::zh ? "zh" : "en")).c_str(), stdout);
        return 0;
    }
    const std::string shop = cli::shop_name(cmd.data.dataset_path, cmd.data.exports.empty() ? "" : cmd.data.exports.front().second);
    std::fputs(cli::format_result(result, options, cmd.format, cmd.lang, shop, cmd.insights).c_str(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    shopscore::cli::restart_with_malloc_tunables(argv);
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
        if (args[0] == "batch") return cli::run_batch({args.begin() + 1, args.end()});
        if (args[0] == "calibrate") return cli::run_calibrate({args.begin() + 1, args.end()});
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
