#include "shop_folder.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "export_files.h"
#include "shopscore/batch_row.h"
#include "shopscore/error.h"
#include "shopscore/ingest.h"
#include "shopscore/json_io.h"

namespace shopscore::cli {
namespace fs = std::filesystem;

namespace {

bool hidden(const std::string& name) { return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0; }

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open the file", ErrorDetail{"cannot_open", path, 0, {}, {}, "a readable file", {}});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Entries of `dir` (sorted by name, bytewise, so every run lists them alike) that are folders
// (want_dirs) or regular files, following symbolic links.
std::vector<std::string> entries(const std::string& dir, bool want_dirs) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec)
        throw InputError(dir, "cannot read the folder (" + ec.message() + ")",
                         ErrorDetail{"cannot_open", dir, 0, {}, {}, "a readable folder", {}});
    std::vector<std::string> names;
    for (const fs::directory_entry& e : it) {
        const std::string name = e.path().filename().string();
        if (hidden(name)) continue;
        std::error_code type_ec;
        const bool is_dir = fs::is_directory(e.path(), type_ec);
        const bool is_file = fs::is_regular_file(e.path(), type_ec);
        if (want_dirs ? is_dir : is_file) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string join(const std::string& dir, const std::string& name) { return (fs::path(dir) / name).string(); }

}  // namespace

std::vector<ShopSource> find_shops(const std::string& dir_or_list) {
    std::vector<ShopSource> shops;
    std::error_code ec;
    if (fs::is_directory(dir_or_list, ec)) {
        for (const std::string& name : entries(dir_or_list, true)) shops.push_back({name, join(dir_or_list, name)});
        if (shops.empty())
            throw InputError(dir_or_list, "expected a folder holding one folder per shop (each with its exports), found no folder",
                             ErrorDetail{"no_shops", dir_or_list, 0, {}, {}, "one folder per shop", {}});
        return shops;
    }
    std::string text = read_text(dir_or_list);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    const fs::path base = fs::path(dir_or_list).parent_path();
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        const size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        const size_t last = line.find_last_not_of(" \t\r");
        const std::string name = line.substr(first, last - first + 1);
        const fs::path folder = fs::path(name).is_absolute() ? fs::path(name) : base / name;
        if (!fs::is_directory(folder, ec))
            throw InputError(dir_or_list + ":" + std::to_string(number) + ":1",
                             "expected the path of a shop's folder, got \"" + name + "\" (not a folder)",
                             ErrorDetail{"not_a_folder", dir_or_list, number, "A", {}, "the path of a shop's folder", name});
        shops.push_back({name, folder.string()});
    }
    if (shops.empty())
        throw InputError(dir_or_list, "expected a list of shop folders, one per line, got an empty list",
                         ErrorDetail{"no_shops", dir_or_list, 0, {}, {}, "a list of shop folders, one per line", {}});
    return shops;
}

Dataset read_shop_folder(const std::string& folder) {
    const std::vector<std::string> files = entries(folder, false);
    Shop shop;
    bool has_shop_file = false;
    for (const std::string& name : files)
        if (name == "shop.json") {
            const std::string path = join(folder, name);
            shop = shop_from_json(read_text(path), path);
            has_shop_file = true;
        }
    if (files.size() == (has_shop_file ? 1u : 0u))
        throw no_exports_error(folder);
    Ingest ingest(shop);
    for (const std::string& name : files)
        if (name != "shop.json") read_export_file(ingest, ExportKind::auto_detect, join(folder, name));
    return ingest.take();
}

}  // namespace shopscore::cli
