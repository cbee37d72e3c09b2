// Orders export (sheet OrderSKUList): one row per SKU line, merged into one Order per Order ID.
//
// The first row of an order gives its order-level fields; later SKU rows only fill what the first
// left empty (Seller Center repeats the order-level cells on every SKU row).
// Cancellation: an order is cancelled when its Order Status says so (Cancelled, 已取消, ...);
// Cancel By / Cancel Reason / Cancelled Time are taken from those rows only, because a completed
// order can carry a cancelled SKU line whose cancellation is not the order's. Where the Order
// Status is empty or absent, a Cancelled Time marks the order cancelled. A cancelled order without a
// Cancelled Time is dated at its creation (the metrics only need to know it was cancelled; SFCR
// windows by creation) and a warning counts such orders.
#include "ingest/cell_error.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {
namespace {

class OrdersMapper : public RowMapper {
public:
    using RowMapper::RowMapper;

    void map(const Row& row) override {
        const std::string order_id = id(row, f_id_, "an order ID");
        Dataset& ds = state_.dataset;
        const size_t before = ds.orders.size();
        ds.upsert_order(order_id);
        const uint32_t index = ds.order_index.at(order_id);
        const bool first_row = ds.orders.size() != before;

        const Seconds created = time(row, f_created_, {Target::order, TimeField::created, index}, true, "the order's creation time");
        const Seconds delivered = time(row, f_delivered_, {Target::order, TimeField::delivered, index}, false, "");
        const Seconds cancelled = time(row, f_cancelled_, {Target::order, TimeField::cancelled, index}, false, "");
        const Seconds deliver_by = time(row, f_deliver_by_, {Target::order, TimeField::deliver_by, index}, false, "");
        const std::string_view fulfillment = choice(row, f_fulfillment_, "fulfillment");
        const std::string_view type = choice(row, f_type_, "order_type");
        const std::string_view cancel_by = choice(row, f_cancel_by_, "cancel_by");
        const uint8_t flag_bits = flags(row, f_flags_, false);
        int handling_days = -1;
        if (const std::string_view h = row.text(f_handling_days_); !h.empty()) {
            handling_days = 0;
            for (char c : h) {
                if (c < '0' || c > '9' || handling_days > 3650)
                    fail_cell(row.number, row.column(f_handling_days_), "invalid_value", "a whole number of days", h);
                handling_days = handling_days * 10 + (c - '0');
            }
        }
        const std::string_view status = row.text(f_status_);
        const bool is_cancelled = !status.empty() ? aliases_.value("order_status_cancelled", status) == "cancelled"
                                                  : cancelled != kNoTime;

        Order& o = ds.orders[index];  // after every parse: nothing below can throw
        if (o.created == kNoTime) o.created = created;
        if (o.delivered == kNoTime) o.delivered = delivered;
        if (o.deliver_by == kNoDay && deliver_by != kNoTime) o.deliver_by = deliver_by == kPendingTime ? kPendingDay : day_of(deliver_by);
        if (o.handling_days < 0) o.handling_days = handling_days;
        if (o.category.empty()) o.category = std::string(row.text(f_category_));
        if (o.product.empty()) o.product = std::string(row.text(f_product_));
        if (o.carrier.empty()) o.carrier = std::string(row.text(f_carrier_));
        if (o.warehouse.empty()) o.warehouse = std::string(row.text(f_warehouse_));
        o.flags |= flag_bits;
        if (first_row) {
            if (fulfillment == "fbt") o.fulfillment = Fulfillment::fbt;
            if (type == "pre_order") o.type = OrderType::pre_order;
            else if (type == "made_to_order") o.type = OrderType::made_to_order;
        }
        if (is_cancelled) {
            if (o.cancelled == kNoTime) o.cancelled = cancelled;
            if (cancelled == kNoTime) missing_cancel_time_.push_back(index);
            if (o.cancel_by == CancelBy::unknown) {
                if (cancel_by == "buyer") o.cancel_by = CancelBy::buyer;
                else if (cancel_by == "seller") o.cancel_by = CancelBy::seller;
                else if (cancel_by == "system") o.cancel_by = CancelBy::system;
            }
            if (o.cancel_reason.empty()) o.cancel_reason = std::string(row.text(f_cancel_reason_));
        }
    }

    void end() override {
        Dataset& ds = state_.dataset;
        for (uint32_t index : missing_cancel_time_) {
            Order& o = ds.orders[index];
            if (o.cancelled != kNoTime) continue;
            o.cancelled = o.created;
            add_warning(warnings_, "cancelled_without_time",
                        "cancelled orders without a Cancelled Time; dated at their creation time", o.id);
        }
    }

    std::vector<int> date_fields() const override { return {f_created_, f_delivered_, f_cancelled_}; }
    int key_field() const override { return f_id_; }

private:
    const int f_id_ = field("order_id");
    const int f_status_ = field("order_status");
    const int f_type_ = field("order_type");
    const int f_created_ = field("created");
    const int f_delivered_ = field("delivered");
    const int f_cancelled_ = field("cancelled");
    const int f_cancel_by_ = field("cancel_by");
    const int f_cancel_reason_ = field("cancel_reason");
    const int f_fulfillment_ = field("fulfillment");
    const int f_category_ = field("category");
    const int f_product_ = field("product");      // diagnostics (insights) only
    const int f_carrier_ = field("carrier");
    const int f_warehouse_ = field("warehouse");
    const int f_deliver_by_ = field("deliver_by");
    const int f_handling_days_ = field("handling_days");
    const int f_flags_ = field("flags");
    std::vector<uint32_t> missing_cancel_time_;
};

}  // namespace

std::unique_ptr<RowMapper> make_orders_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings) {
    return std::make_unique<OrdersMapper>(ExportKind::orders, state, dates, warnings);
}

}  // namespace shopscore::ingest
