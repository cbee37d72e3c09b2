// What the SKU rows of one order said, while an Ingest reads orders exports: bits of
// Order::reading, so a million orders need no reading state of their own (issue 21: it was 8
// bytes an order at the peak of reading). The rules that combine rows are in orders_mapper.cpp.
//
// While reading, an order read from rows keeps what its rows said: `cancelled` is the earliest
// Cancelled Time of its cancelled rows (kNoTime when none gave one), `cancel_by` and the cancel
// reason those of the kept cancelled row, even when a row says it was delivered. settle() makes
// its fields from them once, when the Ingest hands out a dataset: a later file may still bring
// rows of the same order, and they combine with what the earlier rows said, not with a settled
// field (a delivered order's Cancelled Time cleared at a file's end could not be compared).
#pragma once

#include <cstdint>

#include "shopscore/dataset.h"

namespace shopscore::ingest::order_rows {

enum Said : uint16_t {
    kFbt = 1 << 0,     // a row's Fulfillment Type says FBT
    kSeller = 1 << 1,  // ... says seller, or a value that is not known
    kRegular = 1 << 2, kPreOrder = 1 << 3, kMadeToOrder = 1 << 4,  // Normal or Pre-order
    kCancelledRow = 1 << 5,  // a row says the order (or its SKU line) was cancelled
    kDeliveredRow = 1 << 6,  // a row has a Delivered Time
    kReturned = 1 << 7,      // Cancelation/Return Type, Sku Quantity of return, Order Refund Amount
    // Bits 8-14: the order-level columns the rows disagree on (conflict_bit).
    kRead = 1 << 15,  // the order has rows in an orders export (a dataset JSON's order has none)
};

// The order-level columns, in the order the conflicting_order_rows warning prefers them: a set,
// so the column a warning names does not depend on the rows' order.
enum ConflictColumn : uint8_t { kCreatedCol, kDeliveredCol, kDeliverByCol, kFulfillmentCol, kTypeCol, kCancelTimeCol, kCancelByCol };
constexpr const char* kConflictColumns[] = {"Created Time", "Delivered Time", "Deliver By", "Fulfillment Type",
                                            "Normal or Pre-order", "Cancelled Time", "Cancel By"};
constexpr uint16_t conflict_bit(ConflictColumn column) { return static_cast<uint16_t>(1u << (8 + column)); }
// The columns the rows disagree on, bit c for ConflictColumn c.
constexpr unsigned conflicts(uint16_t reading) { return reading >> 8 & 0x7Fu; }

// Makes the fields of an order read from rows from what they said, and clears Order::reading.
// Returns whether its rows marked it returned or refunded. An order with no rows (kRead unset)
// is left as it is.
bool settle(Dataset& ds, Order& o);

}  // namespace shopscore::ingest::order_rows
