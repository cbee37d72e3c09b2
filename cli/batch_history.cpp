#include "batch_history.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "ingest/cell_error.h"
#include "ingest/csv_tokenizer.h"
#include "shopscore/error.h"

namespace shopscore::cli {
namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

[[noreturn]] void bad_cell(const std::string& path, int64_t row, const std::string& column, const std::string& expected,
                           const std::string& got) {
    throw InputError(path + ":" + std::to_string(row) + ":" + column, "expected " + expected + ", got \"" + got + "\"",
                     ErrorDetail{"invalid_value", path, row, column, {}, expected, got});
}

std::optional<double> number_cell(const std::string& path, int64_t row, const std::string& column, const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double x = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !(x >= 0 && x <= 5)) bad_cell(path, row, column, "an SPS from 0 to 5 or empty", text);
    return x;
}

}  // namespace

BatchHistory::BatchHistory(std::string path) : path_(std::move(path)) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return;  // no history yet: this run starts it
    exists_ = true;
    std::string text((std::istreambuf_iterator<char>(in)), {});
    ends_with_newline_ = text.empty() || text.back() == '\n';
    if (text.rfind(kBom, 0) == 0) text.erase(0, 3);
    // The header must be this version's batch header, so every column is where it is read from.
    const std::vector<std::string> want = batch_columns();
    size_t shop_at = 0, as_of_at = 0, sps_at = 0;
    for (size_t i = 0; i < want.size(); ++i) {
        if (want[i] == "shop") shop_at = i;
        if (want[i] == "as_of") as_of_at = i;
        if (want[i] == "sps") sps_at = i;
    }
    ingest::CsvTokenizer csv([&](int64_t row, const std::vector<std::string_view>& fields) {
        if (row == 1) {
            if (fields.size() != want.size() || !std::equal(want.begin(), want.end(), fields.begin()))
                bad_cell(path_, 1, "A", "the header row of a shopscore batch CSV (shop,as_of,...)", std::string(fields.empty() ? "" : fields[0]));
            return;
        }
        if (fields.size() == 1 && fields[0].empty()) return;  // a blank line
        if (fields.size() != want.size())
            bad_cell(path_, row, "A", std::to_string(want.size()) + " cells", std::to_string(fields.size()) + " cells");
        std::string shop(fields[shop_at]);
        const std::string day(fields[as_of_at]), sps(fields[sps_at]);
        // The CSV guards a name starting with = + - @ with a ' (shop_row.cpp): undone here.
        if (shop.size() > 1 && shop[0] == '\'' && std::string("=+-@").find(shop[1]) != std::string::npos) shop.erase(0, 1);
        const std::optional<Day> as_of = parse_day(day);
        if (!as_of) bad_cell(path_, row, "as_of", "a date like 2026-11-20", day);
        shops_[shop][*as_of] = Reading{*as_of, number_cell(path_, row, "sps", sps)};
    });
    try {
        csv.feed(text);
        csv.finish();
    } catch (const ingest::CellError& e) {
        throw InputError(path_ + ":" + std::to_string(e.row), e.message, ErrorDetail{e.code, path_, e.row, {}, {}, e.expected, e.got});
    }
}

void BatchHistory::fill_previous(std::vector<ShopRow>& rows) const {
    for (ShopRow& row : rows) {
        if (!row.result) continue;
        const auto shop = shops_.find(row.shop);
        if (shop == shops_.end()) continue;
        const auto later = shop->second.lower_bound(row.result->as_of);  // first reading not before as_of
        if (later != shop->second.begin()) row.previous = std::prev(later)->second;
    }
}

void BatchHistory::save(const std::vector<ShopRow>& rows) const {
    std::vector<ShopRow> fresh;
    for (const ShopRow& row : rows) {
        if (!row.result) continue;
        const auto shop = shops_.find(row.shop);
        if (shop != shops_.end() && shop->second.count(row.result->as_of)) continue;
        fresh.push_back(row);
        fresh.back().previous.reset();
    }
    std::string text = rows_to_csv(fresh, false, false);  // BOM and header, then the rows
    if (exists_) text = (ends_with_newline_ ? "" : "\n") + text.substr(text.find('\n') + 1);
    std::ofstream out(path_, std::ios::binary | std::ios::app);
    if (!out.write(text.data(), static_cast<std::streamsize>(text.size())) || !out.flush())
        throw InputError(path_, "cannot write the file", ErrorDetail{"cannot_write", path_, 0, {}, {}, "a writable file", {}});
}

}  // namespace shopscore::cli
