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
#include "ingest/order_rows.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {

using namespace order_rows;

namespace {

// One time of an order from one more SKU row (or from another slice's rows of it): the earliest
// or the latest is kept, and a different non-empty value marks its column as conflicting. The
// one rule for both paths, so that a sliced read combines exactly as one pass does.
void combine_time(Order& o, PackedTime& packed, Seconds value, bool earliest, ConflictColumn column) {
    if (value == kNoTime) return;
    const Seconds field = packed;
    if (field != kNoTime && field != value) o.reading |= conflict_bit(column);
    if (field == kNoTime || (earliest ? value < field : value > field)) packed = value;
}

constexpr int kMaxHandlingDays = 365;  // the dataset JSON's limit (dataset_json.cpp)

// The kept cancelled row is the one of least rank (seller, system, buyer, no Cancel By).
int cancel_rank(std::string_view by) {
    return by == "seller" ? 0 : by == "system" ? 1 : by == "buyer" ? 2 : 3;
}
CancelBy cancel_by_of_rank(int rank) {
    return rank == 0 ? CancelBy::seller : rank == 1 ? CancelBy::system : rank == 2 ? CancelBy::buyer : CancelBy::unknown;
}
// The rank of the order's kept cancelled row (its cancel_by while reading); 4 before one.
int kept_rank(const Order& o) {
    if (!(o.reading & kCancelledRow)) return 4;
    return o.cancel_by == CancelBy::seller ? 0 : o.cancel_by == CancelBy::system ? 1 : o.cancel_by == CancelBy::buyer ? 2 : 3;
}

// Before an order's first rows: an order a dataset JSON gave (read earlier in the same Ingest)
// has settled fields; its cancellation is made from the rows alone, as fulfilment and type are.
// Its Cancelled Time would combine with theirs; Cancel By and the reason need nothing: without a
// cancelled row (kCancelledRow) they are not read, and the first such row replaces them.
void begin_rows(Order& o) {
    if (o.reading & kRead) return;
    o.reading = kRead;
    o.cancelled = kNoTime;
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
        begin_rows(o);
        if (index < first_new_) touched_.push_back(index);  // an earlier file's order (duplicates go at the end)

        auto differs = [&](ConflictColumn column) { o.reading |= conflict_bit(column); };
        combine_time(o, o.created, created, true, kCreatedCol);
        combine_time(o, o.delivered, delivered, false, kDeliveredCol);
        if (deliver_by_time != kNoTime) {
            const Day due = day_of(deliver_by_time);
            if (o.deliver_by != kNoDay && o.deliver_by != due) differs(kDeliverByCol);
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
            o.reading |= fulfillment == "fbt" ? kFbt : kSeller;
            if ((o.reading & (kFbt | kSeller)) == (kFbt | kSeller)) differs(kFulfillmentCol);
        }
        if (!row.text(f_type_).empty()) {  // an unknown value reads as regular
            o.reading |= type == "pre_order" ? kPreOrder : type == "made_to_order" ? kMadeToOrder : kRegular;
            if (__builtin_popcount(o.reading & (kRegular | kPreOrder | kMadeToOrder)) > 1) differs(kTypeCol);
        }
        if (delivered != kNoTime) o.reading |= kDeliveredRow;
        if (row_returned) o.reading |= kReturned;

        if (row_cancelled) {
            combine_time(o, o.cancelled, cancelled, true, kCancelTimeCol);
            const int rank = cancel_rank(cancel_by), rank_kept = kept_rank(o);
            const std::string_view reason = row.text(f_cancel_reason_);
            if (rank_kept < 3 && rank < 3 && rank != rank_kept) differs(kCancelByCol);
            // The kept row is the least by (Cancel By rank, no reason, reason): the same whatever the row order.
            const std::string_view kept = texts[Dataset::kReasons];
            if (std::make_tuple(rank, reason.empty(), reason) < std::make_tuple(rank_kept, kept.empty(), kept)) {
                o.cancel_by = cancel_by_of_rank(rank);
                texts_changed |= reason != kept;
                texts[Dataset::kReasons] = reason;
            }
            o.reading |= kCancelledRow;
        }
        if (texts_changed) ds.set_order_texts(o, texts);
    }

    // The orders another reader built from a later part of this file (parallel_read.cpp): each is
    // combined with the one of the same ID by the rules map() applies row by row. Every rule is a
    // minimum, a maximum, a union or "two different values seen", so combining two parts gives what
    // reading their rows one after the other gives, and the orders keep their first-seen order.
    bool absorb(IngestState& part) override {
        Dataset& ds = state_.dataset;
        const Dataset& pd = part.dataset;
        // The part's sets of an order's texts -> this dataset's: each distinct set is interned once.
        constexpr TextId kUnmapped = ~TextId{0};
        std::vector<TextId> text_sets;
        ds.reserve_orders(pd.orders.size());
        constexpr size_t kAhead = 8;  // each new order's index slot is a cache miss: asked for ahead
        for (size_t i = 0; i < pd.orders.size(); ++i) {
            if (i + kAhead < pd.orders.size()) ds.prefetch_order_of(pd, pd.orders[i + kAhead]);
            const Order& po = pd.orders[i];
            const size_t before = ds.orders.size();
            const uint32_t index = ds.upsert_order_index(pd.key_of(po));
            Order& o = ds.orders[index];
            if (index < first_new_) touched_.push_back(index);
            if (ds.orders.size() > before) {  // first seen in the part: taken whole, with what its rows said
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
                continue;
            }
            begin_rows(o);
            auto differs = [&](ConflictColumn column) { o.reading |= conflict_bit(column); };
            const int rank_kept = kept_rank(o), part_rank = kept_rank(po);
            // The one-bit facts and the conflicts: a union (kRead is set in both).
            o.reading |= po.reading;
            combine_time(o, o.created, po.created, true, kCreatedCol);
            combine_time(o, o.delivered, po.delivered, false, kDeliveredCol);
            if (po.deliver_by != kNoDay) {
                if (o.deliver_by != kNoDay && o.deliver_by != po.deliver_by) differs(kDeliverByCol);
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
            if ((o.reading & (kFbt | kSeller)) == (kFbt | kSeller)) differs(kFulfillmentCol);
            if (__builtin_popcount(o.reading & (kRegular | kPreOrder | kMadeToOrder)) > 1) differs(kTypeCol);
            if (po.reading & kCancelledRow) {
                combine_time(o, o.cancelled, po.cancelled, true, kCancelTimeCol);
                if (rank_kept < 3 && part_rank < 3 && part_rank != rank_kept) differs(kCancelByCol);
                const std::string_view reason = part_texts[Dataset::kReasons], kept = texts[Dataset::kReasons];
                if (std::make_tuple(part_rank, reason.empty(), reason) < std::make_tuple(rank_kept, kept.empty(), kept)) {
                    o.cancel_by = po.cancel_by;
                    texts_changed |= reason != kept;
                    texts[Dataset::kReasons] = reason;
                }
            }
            if (texts_changed) ds.set_order_texts(o, texts);
        }
        return true;
    }

    void end() override {
        Dataset& ds = state_.dataset;
        ds.index_run();  // the next file's rows find this one's orders with one probe
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
    // What the file's rows of an order leave to say, once it is read; its fields are settled
    // when the Ingest hands out a dataset (settle() below).
    void finish_order(uint32_t index) {
        const Order& o = state_.dataset.orders[index];
        if ((o.reading & (kCancelledRow | kDeliveredRow)) == kCancelledRow && o.cancelled == kNoTime)
            add_warning(warnings_, "cancelled_without_time",
                        "cancelled orders without a Cancelled Time; dated at their creation time",
                        state_.dataset.order_id(o));
        if (const unsigned differ = conflicts(o.reading))  // named by the first column in kConflictColumns' order
            add_warning(warnings_, "conflicting_order_rows",
                        "orders whose rows disagree on an order-level cell; combined by the rules in docs/exports.md "
                        "(earliest creation, latest delivery, seller fulfilment when in doubt)",
                        state_.dataset.order_id(o) + " (" + kConflictColumns[__builtin_ctz(differ)] + ")");
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

bool order_rows::settle(Dataset& ds, Order& o) {
    const uint16_t said = o.reading;
    if (!(said & kRead)) return false;
    o.reading = 0;
    o.fulfillment = (said & (kFbt | kSeller)) == kFbt ? Fulfillment::fbt : Fulfillment::seller;
    o.type = (said & kRegular) || !(said & (kPreOrder | kMadeToOrder)) ? OrderType::regular
             : (said & kMadeToOrder)                                  ? OrderType::made_to_order
                                                                      : OrderType::pre_order;
    if ((said & (kCancelledRow | kDeliveredRow)) == kCancelledRow) {
        if (o.cancelled == kNoTime) o.cancelled = o.created;  // counted in cancelled_without_time
    } else {  // never cancelled, or delivered (a delivered order with a cancelled SKU line was delivered)
        o.cancelled = kNoTime;
        o.cancel_by = CancelBy::unknown;
        if (ds.text_id(o, Dataset::kReasons) != 0) ds.set_cancel_reason(o, {});
    }
    return (said & kReturned) != 0;
}

std::unique_ptr<RowMapper> make_orders_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings) {
    return std::make_unique<OrdersMapper>(ExportKind::orders, state, dates, warnings);
}

}  // namespace shopscore::ingest
