#include "score_output.h"

#include <filesystem>

#include "report_text.h"
#include "shopscore/batch_row.h"
#include "shopscore/json_io.h"
#include "usage_error.h"

namespace shopscore::cli {

Format parse_format(const std::string& name) {
    if (name == "json") return Format::json;
    if (name == "text") return Format::text;
    if (name == "csv") return Format::csv;
    throw UsageError("--format expects json, text or csv, got " + name);
}

Lang parse_lang(const std::string& name) {
    if (name == "en") return Lang::en;
    if (name == "zh" || name == "zh-CN" || name == "zh-Hans") return Lang::zh;
    throw UsageError("--lang expects en or zh, got " + name);
}

const Profile& profile_of(const Result& result, const ScoreOptions& options) {
    for (const Profile& p : options.profiles)
        if (p.id == result.profile_id) return p;
    return default_profile();
}

std::string shop_name(const std::string& dataset_path, const std::string& first_export) {
    if (!dataset_path.empty()) return std::filesystem::path(dataset_path).stem().string();
    return std::filesystem::absolute(first_export).parent_path().filename().string();
}

std::string format_result(const Result& result, const ScoreOptions& options, Format format, Lang lang,
                          const std::string& shop, bool insight_lines) {
    switch (format) {
        case Format::text: return text_report(result, profile_of(result, options), lang, stdout_wants_colour(), insight_lines);
        case Format::csv: return rows_to_csv({ShopRow{shop, result, "", "", false, std::nullopt}}, insight_lines);
        case Format::json: break;
    }
    return result_to_json(result);
}

}  // namespace shopscore::cli
