// Exclusions: order IDs a seller pastes or uploads with a reason (fraud, sample, gift, appealed,
// risky_buyer, or an alias such as "creator sample" / 刷单). Accepted shapes: a table with an
// order ID and a reason column, a headerless "ID,reason" list (any delimiter), or one
// "ID reason" per line. Orders may come later, so the flags are kept in IngestState and set on
// the orders by Ingest::finish().
#include "ingest/cell_error.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {
namespace {

class ExclusionsMapper : public RowMapper {
public:
    using RowMapper::RowMapper;

    void map(const Row& row) override {
        std::string order_id;
        std::string_view reason = row.text(f_reason_);
        int reason_column = row.column(f_reason_);
        const std::string_view whole = row.text(f_id_);
        const size_t space = whole.find_first_of(" \t");  // IDs have no spaces; reasons may
        if (reason.empty() && space != std::string_view::npos) {
            // "576543210987654321 fraud" on one line
            order_id = std::string(trim_cell(whole.substr(0, space)));
            reason = trim_cell(whole.substr(space + 1));
            reason_column = row.column(f_id_);
        } else {
            order_id = id(row, f_id_, "an order ID");
        }
        if (order_id.empty()) fail_cell(row.number, row.column(f_id_), "missing_value", "an order ID", {});
        if (reason.empty())
            fail_cell(row.number, reason_column, "missing_value", "an exclusion reason (fraud, sample, gift, appealed or risky_buyer)", reason);
        const std::string_view flag = aliases_.value("exclusion_flag", reason);
        if (flag.empty()) {
            // Not a reason ShopScore knows: the order stays counted (excluding it could hide a real
            // late delivery), and the seller sees the line in the warning.
            unknown_value(reason_column, reason, "fraud, sample, gift, appealed, risky_buyer");
            return;
        }
        auto [it, inserted] = state_.exclusions.try_emplace(order_id, 0);
        if (inserted) state_.exclusion_order.push_back(order_id);
        it->second |= flag_from_name(flag);
    }

    std::vector<int> date_fields() const override { return {}; }
    int key_field() const override { return f_id_; }

private:
    const int f_id_ = field("order_id");
    const int f_reason_ = field("reason");
};

}  // namespace

std::unique_ptr<RowMapper> make_exclusions_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings) {
    return std::make_unique<ExclusionsMapper>(ExportKind::exclusions, state, dates, warnings);
}

}  // namespace shopscore::ingest
