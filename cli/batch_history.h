// `shopscore batch --history FILE.csv`: the agency's weekly sheet. The file is the batch CSV of
// every earlier reading, one row per shop and reading; each run appends its scored shops' rows and
// the output gains the change since each shop's last earlier reading (docs/cli.md "History").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shopscore/batch_row.h"

namespace shopscore::cli {

class BatchHistory {
public:
    // Reads FILE (absent: an empty history, created on save). Throws InputError naming
    // FILE:ROW:COLUMN when it is not a batch CSV written by this version.
    explicit BatchHistory(std::string path);
    // Each scored row's previous reading: the shop's latest one dated before the row's as_of.
    void fill_previous(std::vector<ShopRow>& rows) const;
    // Appends the scored rows that are new readings (a shop and as_of already in the file is the
    // same reading, not appended twice).
    void save(const std::vector<ShopRow>& rows) const;

private:
    std::string path_;
    bool exists_ = false;
    bool ends_with_newline_ = true;
    std::map<std::string, std::map<Day, Reading>> shops_;  // shop -> as_of -> reading
};

}  // namespace shopscore::cli
