// After-sales diagnostics download -> AfterSale requests that carry their handling hours (docs/rules.md
// §12: AHT is the mean of review + inspection duration per request). Seller Center publishes no
// layout, so headers are matched loosely (header_aliases.json "diagnostics"). A request with
// several rows (one per SKU) counts once when the file has a request ID.
#include <unordered_set>

#include "ingest/cell_error.h"
#include "ingest/duration.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {
namespace {

constexpr const char* kDurationForm = "hours like 12.5, 12.5 h, 12h 30m, 1d 2h or 12:30";

class DiagnosticsMapper : public RowMapper {
public:
    using RowMapper::RowMapper;

    void map(const Row& row) override {
        Dataset& ds = state_.dataset;
        if (!row.has(f_review_) && !row.has(f_inspection_) && !row.has(f_total_))
            fail_input(1, -1, "missing_column",
                       "a column \"Request Review Time\", \"Inspection Review Time\" or \"Total Handling Time\" "
                       "(申请审核时长, 验货审核时长, 售后处理总时长) in the diagnostics header row",
                       "none of them", "Request Review Time");
        const std::string request_id(id(row, f_request_id_, "a request ID", false));
        if (!request_id.empty() && !seen_.insert(request_id).second) return;  // another SKU of the same request

        AfterSale a;
        a.order_id = id(row, f_order_id_, "an order ID", false);
        const std::string_view type = choice(row, f_type_, "request_type");
        a.type = type == "return" ? RequestType::return_ : type == "replacement" ? RequestType::replacement
                 : type == "cancel"                      ? RequestType::cancel
                                                         : RequestType::refund;
        const std::string_view handled = choice(row, f_handled_by_, "handled_by");
        a.handled_by = handled == "seller_rule" ? HandledBy::seller_rule : handled == "timeout" ? HandledBy::timeout
                       : handled == "platform"  ? HandledBy::platform
                                                : HandledBy::seller;
        a.flags = flags(row, f_flags_, true);

        const std::optional<double> review = hours(row, f_review_);
        const std::optional<double> inspection = hours(row, f_inspection_);
        const std::optional<double> total = hours(row, f_total_);
        if (review || inspection) a.handling_hours = review.value_or(0) + inspection.value_or(0);
        else a.handling_hours = total;  // only the total: the best the file gives
        if (!a.handling_hours) {
            // Not handled yet (or the file leaves it blank): nothing to average.
            add_warning(warnings_, "diagnostics_without_hours",
                        "after-sales requests without review, inspection or total handling time were left out of AHT",
                        "row " + std::to_string(row.number));
            return;
        }
        a.requested = time(row, f_requested_, true, "the time the request was made");
        ds.after_sales.push_back(std::move(a));
    }

    std::vector<int> date_fields() const override { return {f_requested_}; }
    int key_field() const override { return f_order_id_; }

private:
    std::optional<double> hours(const Row& row, int field) const {
        const std::string_view text = row.text(field);
        if (text.empty() || text == "-" || text == "--") return std::nullopt;
        std::optional<double> h = parse_hours(text);
        if (!h) fail_cell(row.number, row.column(field), "bad_duration", kDurationForm, text);
        return h;
    }

    const int f_request_id_ = field("request_id");
    const int f_order_id_ = field("order_id");
    const int f_type_ = field("request_type");
    const int f_requested_ = field("requested");
    const int f_review_ = field("review_hours");
    const int f_inspection_ = field("inspection_hours");
    const int f_total_ = field("total_hours");
    const int f_handled_by_ = field("handled_by");
    const int f_flags_ = field("flags");
    std::unordered_set<std::string> seen_;
};

}  // namespace

std::unique_ptr<RowMapper> make_diagnostics_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings) {
    return std::make_unique<DiagnosticsMapper>(ExportKind::diagnostics, state, dates, warnings);
}

}  // namespace shopscore::ingest
