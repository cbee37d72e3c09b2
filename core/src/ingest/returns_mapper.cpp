// Returns/refunds export -> AfterSale requests. One request per Return Order ID (a return of
// several SKUs has one row per SKU); without that column every row is a request.
// `decided`, `item_received` and `inspected` come from whichever decision / received / inspection
// time columns the export has (aliases in header_aliases.json); `handled_by` defaults to seller
// (also for a value it does not know, counted in "unknown_value").
#include "ingest/cell_error.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {
namespace {

class ReturnsMapper : public RowMapper {
public:
    using RowMapper::RowMapper;

    void map(const Row& row) override {
        Dataset& ds = state_.dataset;
        const std::string return_id(id(row, f_return_id_, "a return order ID", false));
        const std::string order_id(id(row, f_order_id_, "an order ID"));
        if (!return_id.empty() && state_.return_index.count(return_id)) return;  // another SKU of the same request

        AfterSale a;
        a.order_id = order_id;
        const std::string_view type = choice(row, f_type_, "request_type");
        if (row.text(f_type_).empty())
            fail_cell(row.number, row.column(f_type_), "missing_value", aliases_.value_examples("request_type"), {});
        // An unknown type (counted in "unknown_value") is read as a refund: counted in NBFR by its
        // reason, left out of AHT, which needs a return's receipt and inspection.
        a.type = type == "return" ? RequestType::return_ : type == "refund" || type.empty() ? RequestType::refund
                 : type == "replacement"                ? RequestType::replacement
                                                        : RequestType::cancel;
        a.reason = std::string(row.text(f_reason_));
        const std::string_view handled = choice(row, f_handled_by_, "handled_by");
        a.handled_by = handled == "seller_rule" ? HandledBy::seller_rule : handled == "timeout" ? HandledBy::timeout
                       : handled == "platform"  ? HandledBy::platform
                                                : HandledBy::seller;
        a.flags = flags(row, f_flags_, true);

        const auto index = static_cast<uint32_t>(ds.after_sales.size());
        a.requested = time(row, f_requested_, true, "the time the request was made");
        a.decided = time(row, f_decided_, false, "");
        a.item_received = time(row, f_received_, false, "");
        a.inspected = time(row, f_inspected_, false, "");
        ds.after_sales.push_back(std::move(a));
        if (!return_id.empty()) state_.return_index.emplace(return_id, index);
    }

    std::vector<int> date_fields() const override { return {f_requested_, f_decided_, f_received_, f_inspected_}; }
    int key_field() const override { return f_order_id_; }

private:
    const int f_return_id_ = field("return_order_id");
    const int f_order_id_ = field("order_id");
    const int f_type_ = field("return_type");
    const int f_reason_ = field("return_reason");
    const int f_requested_ = field("requested");
    const int f_decided_ = field("decided");
    const int f_received_ = field("item_received");
    const int f_inspected_ = field("inspected");
    const int f_handled_by_ = field("handled_by");
    const int f_flags_ = field("flags");
};

}  // namespace

std::unique_ptr<RowMapper> make_returns_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings) {
    return std::make_unique<ReturnsMapper>(ExportKind::returns, state, dates, warnings);
}

}  // namespace shopscore::ingest
