// The canonical dataset (SPEC §6) in memory: what every reader (JSON, CSV, XLSX) produces and
// what scoring consumes. Timestamps are shop-local seconds (see time.h); kNoTime means "not set".
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "shopscore/time.h"

namespace shopscore {

// Flags on orders, reviews and after-sales requests, as a bit set.
enum Flag : uint8_t {
    kFlagFraud = 1 << 0,
    kFlagSample = 1 << 1,
    kFlagGift = 1 << 2,
    kFlagAppealed = 1 << 3,
    kFlagRiskyBuyer = 1 << 4,
    kFlagFbtLogistics = 1 << 5,  // reviews and requests only
    kFlagExcluded = 1 << 6,      // reviews and requests only
};
constexpr uint8_t kExclusionFlags = kFlagFraud | kFlagSample | kFlagGift | kFlagAppealed | kFlagRiskyBuyer;

// Parses a flag name ("fraud", "fbt_logistics", ...); 0 when unknown.
uint8_t flag_from_name(std::string_view name);

enum class Fulfillment : uint8_t { seller, fbt };
enum class OrderType : uint8_t { regular, made_to_order, pre_order };
enum class CancelBy : uint8_t { unknown, buyer, seller, system };
enum class RequestType : uint8_t { refund, return_, cancel, replacement };
enum class HandledBy : uint8_t { seller, seller_rule, timeout, platform };

struct Order {
    std::string id;
    Seconds created = kNoTime;
    Seconds delivered = kNoTime;
    Seconds cancelled = kNoTime;
    Day deliver_by = kNoDay;   // from the data; else derived from created + business days
    int handling_days = -1;    // made-to-order: deliver-by = handling_days + 5 business days
    CancelBy cancel_by = CancelBy::unknown;
    std::string cancel_reason;
    Fulfillment fulfillment = Fulfillment::seller;
    OrderType type = OrderType::regular;
    std::string category;
    std::string product;    // first SKU line's product name (diagnostics only)
    std::string carrier;    // shipping provider (diagnostics only)
    std::string warehouse;  // (diagnostics only)
    uint8_t flags = 0;

    bool excluded() const { return (flags & kExclusionFlags) != 0; }
};

struct Review {
    std::string order_id;
    std::string sku;
    int rating = 0;  // 1..5
    Seconds created = kNoTime;
    uint8_t flags = 0;
    std::string text;  // the buyer's words, when the data has them (diagnostics only, never scored)
};

struct AfterSale {
    std::string order_id;
    RequestType type = RequestType::refund;
    std::string reason;
    Seconds requested = kNoTime;
    Seconds decided = kNoTime;
    Seconds item_received = kNoTime;
    Seconds inspected = kNoTime;
    HandledBy handled_by = HandledBy::seller;
    uint8_t flags = 0;
    // Set only for a request read from the after-sales diagnostics download: its handling hours
    // as Seller Center gives them (review + inspection). Such a record counts in AHT only, with
    // these hours, and when a dataset has any, AHT is computed from them alone (docs/scoring.md).
    std::optional<double> handling_hours;
};

struct Chat {
    std::string id;
    std::string order_id;  // optional: ties the chat to an (possibly excluded) order
    Seconds ended = kNoTime;
    int rating = 0;  // 0 = not rated
};

// Shop facts. Optional ones stay unset when the data does not give them; they are never
// treated as zero or false (benefits report them as missing).
struct Shop {
    std::optional<Day> as_of;
    std::optional<Day> opened;
    int32_t utc_offset_seconds = 0;
    std::string category;
    std::optional<double> reputation_points;
    std::optional<bool> has_logo;
    std::optional<double> products_for_sale;
    std::optional<double> violations_30d;
    std::optional<double> positive_rating_rate;
    std::optional<int64_t> delivered_orders_90d;  // direct input (quick mode) for the 30-order gate
};

enum MetricId : uint8_t { kNrr, kNbfr, kOtdr, kSfcr, kImd, kAht, kMetricCount };
constexpr std::array<const char*, kMetricCount> kMetricNames = {"nrr", "nbfr", "otdr", "sfcr", "imd", "aht"};

// Something the seller should know that does not stop scoring (unmapped reason texts,
// ambiguous day-first dates, missing shop.opened). `code` is stable so the page can translate it.
struct Warning {
    std::string code;
    std::string message;  // English, for the CLI
    std::vector<std::string> examples;
    int64_t count = 0;
    // What the page needs to word it in either language ({"file": .., "metric": ..}); written to
    // the result JSON only when not empty. docs/errors.md lists the codes and their params.
    std::map<std::string, std::string> params{};
};

// A metric given directly (as read off Seller Center) instead of computed from records.
struct DirectMetric {
    double value = 0;
    std::optional<double> numerator;
    std::optional<double> denominator;
};

using DirectMetrics = std::array<std::optional<DirectMetric>, kMetricCount>;

struct Dataset {
    Shop shop;
    std::vector<Order> orders;  // one per order id (SKU rows merged)
    std::vector<Review> reviews;
    std::vector<AfterSale> after_sales;
    std::vector<Chat> chats;
    DirectMetrics direct_metrics;
    std::vector<Warning> warnings;  // from reading the data; scoring adds its own

    // Order id -> index in `orders`.
    std::unordered_map<std::string, uint32_t> order_index;

    // Adds an order, or returns the one already there with the same id (an export has one row
    // per SKU; an order counts once).
    Order& upsert_order(const std::string& id);
    const Order* find_order(const std::string& id) const;
};

}  // namespace shopscore
