// A shop as a folder of Seller Center exports, for `shopscore batch`: which folders are shops,
// and reading one folder into a dataset.
#pragma once

#include <string>
#include <vector>

#include "shopscore/dataset.h"

namespace shopscore::cli {

struct ShopSource {
    std::string name;    // the row's "shop": the folder's name, or the line of the list file
    std::string folder;  // path to read
};

// DIR: each folder directly inside it (not hidden), by name. LIST: a text file naming one folder
// per line (relative to the list's own folder; blank lines and lines starting with # skipped).
// Throws InputError when DIR/LIST cannot be read or names no shop.
std::vector<ShopSource> find_shops(const std::string& dir_or_list);

// Every file in the folder except shop.json and hidden files (".x", Excel's "~$x" lock files) is
// an export whose kind is detected from its header row; shop.json, if present, gives the shop
// facts (as --shop does). Throws InputError naming the file on bad input.
Dataset read_shop_folder(const std::string& folder);

}  // namespace shopscore::cli
