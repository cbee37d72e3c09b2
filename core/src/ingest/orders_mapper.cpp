// Orders export (sheet OrderSKUList): one row per SKU line, merged into one Order per Order ID.
//
// Seller Center repeats the order-level cells on every SKU row. The rows of one order are combined
// by rules that do not depend on their order in the file (a file sorted another way gives the same
// result):
// - Created Time: the earliest; Delivered Time: the latest (the order is delivered when its last
//   package is); Deliver By: the earliest; Handling Days: the largest; category (and product,
//   carrier, warehouse): the first in text order; flags: all of them.
// - Fulfillment Type: FBT only when every row that says says FBT (an FBT order leaves OTDR and
//   SFCR, so a doubt keeps it counted); Normal or Pre-order: regular when any row says so.
// - Cancelled: a row is a cancellation when its Order Status says cancelled in any language
//   (Cancelled, Cancelado, Dibatalkan, ยกเลิกแล้ว, Đã hủy, 已取消 ...) or it has a Cancelled Time or
//   a Cancel By value, whatever its status text. The order is cancelled when some row is and no
//   row has a Delivered Time (a delivered order with a cancelled SKU line was delivered). Its
//   Cancelled Time is the earliest of those rows; Cancel By and Cancel Reason come from one of
//   them, chosen seller before system before buyer, then by reason text. A cancelled order without
//   a Cancelled Time is dated at its creation and counted in "cancelled_without_time".
// - Rows whose order-level cells (Created, Delivered, Deliver By, Fulfillment Type, type, Cancel
//   By) differ are counted in a "conflicting_order_rows" warning.
// - Returned: Cancelation/Return Type = Return/Refund, a Sku Quantity of return or an Order Refund
//   Amount above zero marks the order; Ingest::finish() warns when orders are marked and no
//   returns export was read (NBFR needs it).
// Unknown values of Order Status are counted in "unknown_status"; of the other enumerated columns
// in "unknown_value" (row_mapper.h).
#include <algorithm>
#include <tuple>

#include "ingest/cell_error.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {
namespace {

// One time of an order from one more SKU row (or from another slice's rows of it): the earliest
// or the latest is kept, and a different non-empty value marks its column as conflicting. The
// one rule for both paths, so that a sliced read combines exactly as one pass does.
void combine_time(IngestState::OrderRows& rows, PackedTime& packed, Seconds value, bool earliest,
                  IngestState::ConflictColumn column) {
    if (value == kNoTime) return;
    const Seconds field = packed;
    if (field != kNoTime && field != value) rows.conflicts |= static_cast<uint8_t>(1u << column);
    if (field == kNoTime || (earliest ? value < field : value > field)) packed = value;
}

constexpr int kMaxHandlingDays = 365;  // the dataset JSON's limit (dataset_json.cpp)

int cancel_rank(std::string_view by) {
    return by == "seller" ? 0 : by == "system" ? 1 : by == "buyer" ? 2 : 3;
}

// Any digit 1-9 before a decimal separator or anywhere: "$19.99", "THB 120", "BRL 35,91",
// "82.912₫", "1" are above zero; "0", "0.00", "$0,00", "" are not. Never an error: the amount only
// marks an order as refunded.
bool above_zero(std::string_view text) {
    for (char c : text)
        if (c >= '1' && c <= '9') return true;
    return false;
}

class OrdersMapper : public RowMapper {
public:
    using RowMapper::RowMapper;

    void map(const Row& row) override {
        const Dataset::OrderKey order_key = Dataset::order_key(id(row, f_id_, "an order ID"));
        state_.dataset.prefetch_order(order_key);  // its index slot arrives while the row is parsed
        const Seconds created = time(row, f_created_, true, "the order's creation time");
        const Seconds delivered = time(row, f_delivered_, false, "");
        const Seconds cancelled = time(row, f_cancelled_, false, "");
        const Seconds deliver_by_time = time(row, f_deliver_by_, false, "");
        const std::string_view fulfillment = choice(row, f_fulfillment_, "fulfillment");
        const std::string_view type = choice(row, f_type_, "order_type");
        const std::string_view cancel_by_text = row.text(f_cancel_by_);
        const std::string_view cancel_by = choice(row, f_cancel_by_, "cancel_by");
        const std::string_view return_type = choice(row, f_cancel_return_type_, "cancel_return_type");
        const uint8_t flag_bits = flags(row, f_flags_, false);
        // Handling Days: 0-365, as the dataset JSON takes them. A typo such as 500 for 5 would push
        // the order's deliver-by date a year on, and a late order would count as on time.
        int handling_days = -1;
        if (const std::string_view h = row.text(f_handling_days_); !h.empty()) {
            handling_days = 0;
            for (char c : h) {
                if (c < '0' || c > '9' || handling_days > kMaxHandlingDays) break;  // said below
                handling_days = handling_days * 10 + (c - '0');
            }
            if (h.find_first_not_of("0123456789") != std::string_view::npos || handling_days > kMaxHandlingDays)
                fail_cell(row.number, row.column(f_handling_days_), "invalid_value", "a whole number of days 0-365", h);
        }
        const std::string_view status_text = row.text(f_status_);
        std::string_view status;
        if (!status_text.empty()) {
            status = lookup(row, f_status_, "order_status");
            if (status.empty()) {
                const std::string column = column_name(row.column(f_status_));
                add_warning(warnings_, "unknown_status",
                            "Order Status values that are not known: such orders count as cancelled only with a "
                            "Cancelled Time or a Cancel By value",
                            std::string(status_text), {{"column", column}});
            }
        }
        const bool row_cancelled = status == "cancelled" || cancelled != kNoTime || !cancel_by_text.empty();
        const bool row_returned = return_type == "return_refund" || above_zero(row.text(f_return_quantity_)) ||
                                  above_zero(row.text(f_refund_amount_));

        // Nothing below can throw: the order is only created once its row has been read whole.
        Dataset& ds = state_.dataset;
        const uint32_t index = ds.upsert_order_index(order_key);  // takes the view: no copy of the ID
        Order& o = ds.orders[index];
        if (state_.order_rows.size() < ds.orders.size()) state_.order_rows.resize(ds.orders.size());
        IngestState::OrderRows& rows = state_.order_rows[index];
        if (index < first_new_) touched_.push_back(index);  // an earlier file's order (duplicates go at the end)

        using S = IngestState;
        auto differs = [&](S::ConflictColumn column) { rows.conflicts |= static_cast<uint8_t>(1u << column); };
        auto combine = [&](PackedTime& packed, Seconds value, bool earliest, S::ConflictColumn column) {
            combine_time(rows, packed, value, earliest, column);
        };
        combine(o.created, created, true, S::kCreatedCol);
        combine(o.delivered, delivered, false, S::kDeliveredCol);
        if (deliver_by_time != kNoTime) {
            const Day due = day_of(deliver_by_time);
            if (o.deliver_by != kNoDay && o.deliver_by != due) differs(S::kDeliverByCol);
            if (o.deliver_by == kNoDay || due < o.deliver_by) o.deliver_by = due;
        }
        o.handling_days = static_cast<int16_t>(std::max<int>(o.handling_days, handling_days));
        // The category, and for diagnostics only (insights) product, carrier and warehouse: the
        // first in text order, whatever the rows' order. The cancel reason: below. The order's
        // texts are set once, at the end of the row.
        Dataset::OrderTexts texts = ds.order_texts(o);
        bool texts_changed = false;
        const std::pair<Dataset::Pool, int> text_fields[] = {
            {Dataset::kCategories, f_category_}, {Dataset::kProducts, f_product_},
            {Dataset::kCarriers, f_carrier_}, {Dataset::kWarehouses, f_warehouse_}};
        for (const auto& [pool, field] : text_fields) {
            const std::string_view text = row.text(field);
            if (!text.empty() && (texts[pool].empty() || text < texts[pool])) {
                texts[pool] = text;
                texts_changed = true;
            }
        }
        o.flags |= flag_bits;

        if (!row.text(f_fulfillment_).empty()) {  // "seller" or an unknown value: counted
            if (fulfillment == "fbt") rows.fbt = true;
            else rows.seller = true;
            if (rows.fbt && rows.seller) differs(S::kFulfillmentCol);
        }
        if (!row.text(f_type_).empty()) {  // an unknown value reads as regular
            if (type == "pre_order") rows.pre_order = true;
            else if (type == "made_to_order") rows.made_to_order = true;
            else rows.regular = true;
            if (int(rows.regular) + int(rows.pre_order) + int(rows.made_to_order) > 1) differs(S::kTypeCol);
        }
        rows.delivered_row |= delivered != kNoTime;
        rows.returned |= row_returned;

        if (row_cancelled) {
            if (rows.cancel_time != kNoTime && cancelled != kNoTime && cancelled != rows.cancel_time) differs(S::kCancelTimeCol);
            if (cancelled != kNoTime && (rows.cancel_time == kNoTime || cancelled < rows.cancel_time)) rows.cancel_time = cancelled;
            const int rank = cancel_rank(cancel_by);
            const std::string_view reason = row.text(f_cancel_reason_);
            if (rows.cancelled_row && rows.cancel_rank < 3 && rank < 3 && rank != rows.cancel_rank) differs(S::kCancelByCol);
            // The kept row is the least by (Cancel By rank, no reason, reason): the same whatever the row order.
            const std::string_view kept = texts[Dataset::kReasons];
            if (!rows.cancelled_row || std::make_tuple(rank, reason.empty(), reason) <
                                           std::make_tuple(rows.cancel_rank, kept.empty(), kept)) {
                rows.cancel_rank = static_cast<int8_t>(rank);
                o.cancel_by = rank == 0 ? CancelBy::seller : rank == 1 ? CancelBy::system : rank == 2 ? CancelBy::buyer : CancelBy::unknown;
                texts_changed |= reason != kept;
                texts[Dataset::kReasons] = reason;
            }
            rows.cancelled_row = true;
        }
        if (texts_changed) ds.set_order_texts(o, texts);
    }

    // The orders another reader built from a later part of this file (parallel_read.cpp): each is
    // combined with the one of the same ID by the rules map() applies row by row. Every rule is a
    // minimum, a maximum, a union or "two different values seen", so combining two parts gives what
    // reading their rows one after the other gives, and the orders keep their first-seen order.
    bool absorb(IngestState& part) override {
        using S = IngestState;
        Dataset& ds = state_.dataset;
        const Dataset& pd = part.dataset;
        // The part's sets of an order's texts -> this dataset's: each distinct set is interned once.
        constexpr TextId kUnmapped = ~TextId{0};
        std::vector<TextId> text_sets;
        ds.reserve_orders(pd.orders.size());
        state_.order_rows.resize(ds.orders.size() + pd.orders.size());  // shrunk to the orders added below
        constexpr size_t kAhead = 8;  // each new order's index slot is a cache miss: asked for ahead
        for (size_t i = 0; i < pd.orders.size(); ++i) {
            if (i + kAhead < pd.orders.size()) ds.prefetch_order_of(pd, pd.orders[i + kAhead]);
            const Order& po = pd.orders[i];
            const S::OrderRows& pr = part.order_rows[i];
            const size_t before = ds.orders.size();
            const uint32_t index = ds.upsert_order_index(pd.key_of(po));
            Order& o = ds.orders[index];
            if (state_.order_rows.size() < ds.orders.size()) state_.order_rows.resize(ds.orders.size());
            S::OrderRows& rows = state_.order_rows[index];
            if (index < first_new_) touched_.push_back(index);
            if (ds.orders.size() > before) {  // first seen in the part: taken whole
                const uint64_t key = o.key;
                o = po;
                o.key = key;
                // The order's texts: interned once per distinct set of them.
                if (po.text_set >= text_sets.size()) text_sets.resize(po.text_set + 1, kUnmapped);
                TextId& text_set = text_sets[po.text_set];
                if (text_set == kUnmapped) {
                    ds.set_order_texts(o, pd.order_texts(po));
                    text_set = o.text_set;
                }
                o.text_set = text_set;
                rows = pr;
                continue;
            }
            auto differs = [&](S::ConflictColumn column) { rows.conflicts |= static_cast<uint8_t>(1u << column); };
            auto combine = [&](PackedTime& packed, Seconds value, bool earliest, S::ConflictColumn column) {
                combine_time(rows, packed, value, earliest, column);
            };
            rows.conflicts |= pr.conflicts;
            combine(o.created, po.created, true, S::kCreatedCol);
            combine(o.delivered, po.delivered, false, S::kDeliveredCol);
            if (po.deliver_by != kNoDay) {
                if (o.deliver_by != kNoDay && o.deliver_by != po.deliver_by) differs(S::kDeliverByCol);
                if (o.deliver_by == kNoDay || po.deliver_by < o.deliver_by) o.deliver_by = po.deliver_by;
            }
            o.handling_days = std::max<int16_t>(o.handling_days, po.handling_days);
            Dataset::OrderTexts texts = ds.order_texts(o);
            const Dataset::OrderTexts part_texts = pd.order_texts(po);
            bool texts_changed = false;
            for (auto pool : {Dataset::kCategories, Dataset::kProducts, Dataset::kCarriers, Dataset::kWarehouses}) {
                if (!part_texts[pool].empty() && (texts[pool].empty() || part_texts[pool] < texts[pool])) {
                    texts[pool] = part_texts[pool];
                    texts_changed = true;
                }
            }
            o.flags |= po.flags;
            rows.fbt |= pr.fbt;
            rows.seller |= pr.seller;
            if (rows.fbt && rows.seller) differs(S::kFulfillmentCol);
            rows.regular |= pr.regular;
            rows.pre_order |= pr.pre_order;
            rows.made_to_order |= pr.made_to_order;
            if (int(rows.regular) + int(rows.pre_order) + int(rows.made_to_order) > 1) differs(S::kTypeCol);
            rows.delivered_row |= pr.delivered_row;
            rows.returned |= pr.returned;
            if (pr.cancelled_row) {
                const Seconds mine = rows.cancel_time, theirs = pr.cancel_time;
                if (mine != kNoTime && theirs != kNoTime && mine != theirs) differs(S::kCancelTimeCol);
                if (theirs != kNoTime && (mine == kNoTime || theirs < mine)) rows.cancel_time = theirs;
                if (rows.cancelled_row && rows.cancel_rank < 3 && pr.cancel_rank < 3 && pr.cancel_rank != rows.cancel_rank)
                    differs(S::kCancelByCol);
                const std::string_view reason = part_texts[Dataset::kReasons], kept = texts[Dataset::kReasons];
                if (!rows.cancelled_row || std::make_tuple(pr.cancel_rank, reason.empty(), reason) <
                                               std::make_tuple(rows.cancel_rank, kept.empty(), kept)) {
                    rows.cancel_rank = pr.cancel_rank;
                    o.cancel_by = po.cancel_by;
                    texts_changed |= reason != kept;
                    texts[Dataset::kReasons] = reason;
                }
                rows.cancelled_row = true;
            }
            if (texts_changed) ds.set_order_texts(o, texts);
        }
        state_.order_rows.resize(ds.orders.size());
        return true;
    }

    void end() override {
        Dataset& ds = state_.dataset;
        // The orders with rows in this file, in index order: those of earlier files it came back
        // to, then the ones it added.
        std::sort(touched_.begin(), touched_.end());
        touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
        for (uint32_t index : touched_) finish_order(index);
        for (size_t index = first_new_; index < ds.orders.size(); ++index) finish_order(static_cast<uint32_t>(index));
    }

    std::vector<int> date_fields() const override { return {f_created_, f_delivered_, f_cancelled_, f_deliver_by_}; }
    int key_field() const override { return f_id_; }

private:
    // An order's fields that depend on all its rows, once the file is read.
    void finish_order(uint32_t index) {
        Dataset& ds = state_.dataset;
        Order& o = ds.orders[index];
        const IngestState::OrderRows& rows = state_.order_rows[index];
        o.fulfillment = rows.fbt && !rows.seller ? Fulfillment::fbt : Fulfillment::seller;
        o.type = rows.regular || (!rows.pre_order && !rows.made_to_order) ? OrderType::regular
                 : rows.made_to_order                                    ? OrderType::made_to_order
                                                                         : OrderType::pre_order;
        const bool cancelled = rows.cancelled_row && !rows.delivered_row;
        o.cancelled = cancelled ? Seconds{rows.cancel_time} : kNoTime;
        if (!cancelled) {
            o.cancel_by = CancelBy::unknown;
            if (ds.text_id(o, Dataset::kReasons) != 0) ds.set_cancel_reason(o, {});
        } else if (o.cancelled == kNoTime) {
            o.cancelled = o.created;
            add_warning(warnings_, "cancelled_without_time",
                        "cancelled orders without a Cancelled Time; dated at their creation time", ds.order_id(o));
        }
        if (rows.conflicts)  // named by the first column in kConflictColumns' order that differs
            add_warning(warnings_, "conflicting_order_rows",
                        "orders whose rows disagree on an order-level cell; combined by the rules in docs/exports.md "
                        "(earliest creation, latest delivery, seller fulfilment when in doubt)",
                        ds.order_id(o) + " (" + IngestState::kConflictColumns[__builtin_ctz(rows.conflicts)] + ")");
    }

    const int f_id_ = field("order_id");
    const int f_status_ = field("order_status");
    const int f_type_ = field("order_type");
    const int f_created_ = field("created");
    const int f_delivered_ = field("delivered");
    const int f_cancelled_ = field("cancelled");
    const int f_cancel_by_ = field("cancel_by");
    const int f_cancel_reason_ = field("cancel_reason");
    const int f_cancel_return_type_ = field("cancel_return_type");
    const int f_return_quantity_ = field("return_quantity");
    const int f_refund_amount_ = field("refund_amount");
    const int f_fulfillment_ = field("fulfillment");
    const int f_category_ = field("category");
    const int f_product_ = field("product");      // diagnostics (insights) only
    const int f_carrier_ = field("carrier");
    const int f_warehouse_ = field("warehouse");
    const int f_deliver_by_ = field("deliver_by");
    const int f_handling_days_ = field("handling_days");
    const int f_flags_ = field("flags");
    const int file_ = state_.orders_files++;
    // The orders this file adds are the indices from first_new_ on; touched_ lists the orders of
    // earlier files it has rows of, once per row (a list of every order, and the last file of
    // each order in its reading state, cost 8-12 bytes an order at the peak).
    const size_t first_new_ = state_.dataset.orders.size();
    std::vector<uint32_t> touched_;
};

}  // namespace

std::unique_ptr<RowMapper> make_orders_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings) {
    return std::make_unique<OrdersMapper>(ExportKind::orders, state, dates, warnings);
}

}  // namespace shopscore::ingest
