// Shops are scored in parallel by --jobs worker threads that take the next shop from a shared
// counter; each row is stored at its shop's index, so the output order is the shops' order
// whatever the timing. The core keeps no mutable global state, so workers share nothing else.
#include "batch.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <system_error>
#include <thread>

#include "batch_history.h"
#include "dataset_input.h"
#include "score_output.h"
#include "shop_folder.h"
#include "shopscore/batch_row.h"
#include "shopscore/error.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"
#include "usage_error.h"

namespace shopscore::cli {
namespace {

struct BatchCommand {
    std::string source;
    std::string out_csv, out_json;  // "-" = stdout
    Format format = Format::csv;    // of stdout when neither --out-csv nor --out-json is given
    unsigned jobs = 0;              // 0: one per hardware thread
    ScoreOptions options;
    bool strict = false;
    bool insights = false;  // fill the goal-seek and forecast columns
    std::string history;    // --history FILE.csv: earlier readings, appended to
};

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open the file", ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", {}});
    return std::string(std::istreambuf_iterator<char>(in), {});
}

BatchCommand parse_batch_args(const std::vector<std::string>& args) {
    BatchCommand cmd;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            return args[++i];
        };
        if (a == "--out-csv") cmd.out_csv = value();
        else if (a == "--out-json") cmd.out_json = value();
        else if (a == "--format") {
            cmd.format = parse_format(value());
            if (cmd.format == Format::text) throw UsageError("batch --format expects csv or json");
        } else if (a == "--jobs") {
            cmd.jobs = parse_jobs(value());
        } else if (a == "--profile") {
            const std::string& path = value();
            cmd.options.profiles = profiles_from_json(read_all(path), path);
        } else if (a == "--as-of") {
            const std::string& day = value();
            cmd.options.as_of = parse_day(day);
            if (!cmd.options.as_of)
                throw InputError("--as-of", "expected a date like 2026-11-20, got \"" + day + "\"",
                                 ErrorDetail{"bad_date", {}, 0, {}, "--as-of", "a date like 2026-11-20", day});
        } else if (a == "--insights") {
            cmd.insights = true;  // key_opportunity is always filled; this adds goal seek and forecast
        } else if (a == "--history") {
            cmd.history = value();
        } else if (a == "--strict") cmd.strict = true;
        else if (a.rfind("--", 0) == 0) throw UsageError("unknown option " + a);
        else if (cmd.source.empty()) cmd.source = a;
        else throw UsageError("more than one DIR or LIST given: " + a);
    }
    if (cmd.source.empty()) throw UsageError("batch needs a DIR of shop folders or a LIST file");
    if (cmd.out_csv == "-" && cmd.out_json == "-") throw UsageError("only one of --out-csv and --out-json can be -");
    cmd.options.insights = true;  // the priority labels give the key_opportunity column
    return cmd;
}

ShopRow score_one(const ShopSource& shop, const ScoreOptions& options) {
    ShopRow row{shop.name, std::nullopt, "", "", false, std::nullopt};
    try {
        row.result = score(read_shop_folder(shop.folder), options);
        keep_batch_columns_only(*row.result);  // every shop's row waits for the last: keep it small
    } catch (const InputError& e) {
        row.error = e.what();
        row.error_code = e.detail().code;
    } catch (const std::exception& e) {
        row.error = std::string("internal error: ") + e.what();
        row.error_code = "internal_error";
        row.internal_error = true;
    }
    return row;
}

std::vector<ShopRow> score_all(const std::vector<ShopSource>& shops, const ScoreOptions& options, unsigned jobs) {
    std::vector<ShopRow> rows(shops.size());
    std::atomic<size_t> next{0};
    size_t done = 0;
    std::mutex progress_mutex;
    const bool progress = isatty(STDERR_FILENO);
    auto work = [&] {
        for (size_t i; (i = next++) < shops.size();) {
            rows[i] = score_one(shops[i], options);
            if (!progress) continue;
            std::lock_guard<std::mutex> lock(progress_mutex);
            std::fprintf(stderr, "\rshopscore batch: %zu/%zu shops", ++done, shops.size());
            std::fflush(stderr);
        }
    };
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<size_t>(jobs, shops.size()));
    std::vector<std::thread> workers;
    for (unsigned j = 1; j < jobs; ++j) {
        try {
            workers.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running (and this one) finish the shops
        }
    }
    work();  // this thread is one of the workers
    for (std::thread& t : workers) t.join();
    if (progress) std::fputs("\r\033[K", stderr);  // clear the progress line
    return rows;
}

void write_output(const std::string& path, const std::string& text) {
    if (path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return;
    }
    std::ofstream out(path, std::ios::binary);
    if (!out.write(text.data(), static_cast<std::streamsize>(text.size())) || !out.flush())
        throw InputError(path, "cannot write the file", ErrorDetail{"cannot_write", path, 0, {}, {}, "a writable file", {}});
}

}  // namespace

int run_batch(const std::vector<std::string>& args) {
    BatchCommand cmd = parse_batch_args(args);
    const std::vector<ShopSource> shops = find_shops(cmd.source);
    // The history is read before any shop is scored, so a bad file stops the run at once.
    const std::optional<BatchHistory> history = cmd.history.empty() ? std::nullopt : std::optional<BatchHistory>(cmd.history);
    std::vector<ShopRow> rows = score_all(shops, cmd.options, cmd.jobs);
    if (history) history->fill_previous(rows);

    const bool changes = history.has_value();
    if (cmd.out_csv.empty() && cmd.out_json.empty()) (cmd.format == Format::json ? cmd.out_json : cmd.out_csv) = "-";
    if (!cmd.out_csv.empty()) write_output(cmd.out_csv, rows_to_csv(rows, cmd.insights, changes));
    if (!cmd.out_json.empty()) write_output(cmd.out_json, rows_to_json(rows, cmd.insights, changes));
    if (history) history->save(rows);

    size_t failed = 0, internal = 0;
    for (const ShopRow& r : rows) failed += !r.result, internal += r.internal_error;
    if (failed)
        std::fprintf(stderr, "shopscore batch: %zu of %zu shops not scored (see their error column)\n", failed, rows.size());
    if (internal) return 1;
    return cmd.strict && failed ? 2 : 0;
}

}  // namespace shopscore::cli
