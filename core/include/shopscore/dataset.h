// The canonical dataset (docs/rules.md §22) in memory: what every reader (JSON, CSV, XLSX) produces and
// what scoring consumes. Timestamps are shop-local seconds (see time.h); kNoTime means "not set".
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopscore/block_vector.h"
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

// A timestamp in 5 bytes: shop-local seconds fit 40 bits for every date the readers accept
// (years 1900-2200), and seconds are printed, so they are kept. kNoTime round-trips.
class PackedTime {
public:
    PackedTime(Seconds t = kNoTime) { *this = t; }
    PackedTime& operator=(Seconds t) {
        const uint64_t v = t == kNoTime ? kNone : static_cast<uint64_t>(t);
        for (int i = 0; i < 5; ++i) b_[i] = static_cast<uint8_t>(v >> (8 * i));
        return *this;
    }
    operator Seconds() const {
        uint64_t v = 0;
        for (int i = 0; i < 5; ++i) v |= static_cast<uint64_t>(b_[i]) << (8 * i);
        if (v == kNone) return kNoTime;
        return static_cast<Seconds>(v << 24) >> 24;  // sign-extend bit 39
    }

private:
    static constexpr uint64_t kNone = uint64_t{1} << 39;  // the least 40-bit value: never a real time
    uint8_t b_[5];
};

// Id of a text in one of a dataset's string pools; 0 is the empty text.
using TextId = uint32_t;

// A 64-bit number in two 32-bit halves: a struct holding one is 4-byte aligned (Order: 36
// bytes, not 40). Reads and writes as a uint64_t.
class PackedKey {
public:
    PackedKey(uint64_t v = 0) { *this = v; }
    PackedKey& operator=(uint64_t v) {
        low_ = static_cast<uint32_t>(v);
        high_ = static_cast<uint32_t>(v >> 32);
        return *this;
    }
    operator uint64_t() const { return uint64_t{high_} << 32 | low_; }

private:
    uint32_t low_, high_;
};

// One order, small (issue 10 and 21: the WASM heap per order). Texts live in the dataset's pools and
// the ID in its key; Dataset's accessors give them back. 36 bytes, 4-byte aligned: the enums and
// handling days are bit fields, the key two halves. Not packed: code and tests bind const
// references to fields (std::max, Catch's CHECK), and a reference to a misaligned field is
// undefined behaviour (UBSan stops on it); a const reference to a bit field binds to a copy.
struct Order {
    PackedKey key;  // the ID: its digits as a number, or kTextKey | index of its text
    PackedTime created, delivered, cancelled;
    uint8_t flags = 0;
    Day deliver_by = kNoDay;  // from the data; else derived from created + business days
    // The five texts (cancel reason, category, product name — the first SKU line's —, shipping
    // provider, warehouse) as one id of their ids: a shop has few combinations. 0 = all empty.
    TextId text_set = 0;
    CancelBy cancel_by : 2;
    Fulfillment fulfillment : 1;
    OrderType type : 2;
    int16_t handling_days : 10;  // made-to-order: deliver-by = handling_days + 5 business days; 0-365, -1 = none
    // Ingest's state while it reads an orders export (ingest/order_rows.h): a million orders'
    // separate reading state was 8 bytes each at the peak (issue 21). Zero in every dataset an
    // Ingest hands out.
    uint16_t reading = 0;

    // Bit fields take no default member initialisers before C++20.
    Order() : cancel_by(CancelBy::unknown), fulfillment(Fulfillment::seller), type(OrderType::regular), handling_days(-1) {}

    static constexpr uint64_t kTextKey = uint64_t{1} << 63;
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

// The inputs a metric is computed from. A reader marks which were given (an export of that kind,
// or the dataset JSON's key, even with an empty list): a metric whose input was not given and that
// was not typed is *missing*, never read as 0 % (docs/scoring.md "Missing, typed and no data").
enum InputKind : uint8_t { kInputOrders, kInputReturns, kInputReviews, kInputChats, kInputDiagnostics, kInputKindCount };
constexpr std::array<const char*, kInputKindCount> kInputKindNames = {"orders", "returns", "reviews", "chats",
                                                                      "diagnostics"};
using GivenInputs = std::array<bool, kInputKindCount>;

static_assert(sizeof(Order) == 36, "Order is meant to stay small (docs/performance.md \"The compact dataset\")");

// Distinct texts, each stored once, by id (0 = ""). Ids follow first use.
class StringPool {
public:
    StringPool();
    TextId intern(std::string_view text);
    std::string_view text(TextId id) const {
        return {chars_.data() + starts_[id], starts_[id + 1] - starts_[id]};
    }
    size_t size() const { return starts_.size() - 1; }  // ids 0 .. size()-1

private:
    friend struct Dataset;
    TextId append(std::string_view text);  // no index: the order ID texts use the order index
    std::string chars_;
    std::vector<size_t> starts_;
    std::vector<uint32_t> slots_;  // open addressing: id + 1, 0 = free
    TextId last_ = 0;              // the last text interned: rows of an export repeat it, no hashing then
};

struct Dataset {
    Shop shop;
    BlockVector<Order> orders;  // one per order id (SKU rows merged); grows without copying
    std::vector<Review> reviews;
    std::vector<AfterSale> after_sales;
    std::vector<Chat> chats;
    DirectMetrics direct_metrics;
    // Which inputs were given. A dataset built in code is complete (all true); the JSON reader and
    // Ingest set it from the keys and files they actually saw.
    GivenInputs given{{true, true, true, true, true}};
    std::vector<Warning> warnings;  // from reading the data; scoring adds its own

    // An order ID made ready for the index once per row: its key (Order::key when the ID is kept as
    // a number, else kTextKey) and its hash. The orders reader makes it when it meets the ID,
    // prefetches its slot and upserts once the row is parsed: the ID is parsed and hashed once.
    struct OrderKey {
        std::string_view id;  // the ID as read (used when it is kept as text)
        uint64_t key;
        uint64_t hash;
    };
    static OrderKey order_key(std::string_view id);
    // The key of one of this dataset's orders (merging datasets: `from.key_of(o)`).
    OrderKey key_of(const Order& o) const;

    // Adds an order, or returns the one already there with the same id (an export has one row
    // per SKU; an order counts once). A new order from a key has only its key set.
    Order& upsert_order(std::string_view id) { return orders[upsert_order_index(order_key(id))]; }
    uint32_t upsert_order_index(std::string_view id) { return upsert_order_index(order_key(id)); }
    uint32_t upsert_order_index(const OrderKey& k);
    // Asks the CPU to fetch the ID index's slot for the key now: the slot is there by the time the
    // key is upserted (in a million orders the index is ~8 MB, and each new order's slot was a
    // cache miss). Native only: WebAssembly has no prefetch.
    void prefetch_order([[maybe_unused]] const OrderKey& k) const {
#ifndef __wasm__
        // A new ID for the run (beyond every ID so far) needs no slot.
        if (id_slots_.empty() || (k.key != Order::kTextKey && beyond_keys(k.key) != 0)) return;
        const uint32_t* slot = id_slots_.data() + id_slot_of(k.hash, id_slots_.size());
#if defined(__x86_64__)
        // GCC 12 drops __builtin_prefetch behind this condition (at -O1 to -O3): the instruction
        // itself, which no compiler removes (ctest cli_prefetch checks it is in the CLI).
        asm volatile("prefetcht0 %0" : : "m"(*slot));
#else
        __builtin_prefetch(slot);  // GCC, Clang
#endif
#endif
    }
    // The same for the key of `from`'s order `o` (merging datasets; its key is worked out only
    // where there is a prefetch).
    void prefetch_order_of([[maybe_unused]] const Dataset& from, [[maybe_unused]] const Order& o) const {
#ifndef __wasm__
        prefetch_order(from.key_of(o));
#endif
    }
    const Order* find_order(std::string_view id) const;
    std::optional<uint32_t> find_order_index(std::string_view id) const;
    // Room in the ID index for `more` orders, so adding them does not rebuild it again and again.
    void reserve_orders(size_t more);
    // The orders added since the ID index last took them in (the run, below; tests).
    size_t orders_in_run() const { return orders.size() - run_first_; }
    // Puts the orders of the run into the ID index. Lookups are right either way; the
    // Ingest calls it when an orders export ends, so later lookups by ID are one probe.
    void index_run();
    // The ID index's first slot for an ID's hash: its low 32 bits scaled to the index's size,
    // which is a power of two or 1.5 times one (dataset.cpp).
    static size_t id_slot_of(uint64_t hash, size_t slots) { return static_cast<size_t>((hash & 0xFFFFFFFFu) * slots >> 32); }
    // The ID index's slots, 4 bytes each (tests; docs/performance.md "The compact dataset").
    size_t id_index_slots() const { return id_slots_.size(); }

    // The pools of the orders' texts; a TextId means something only with its pool and dataset.
    enum Pool { kReasons, kCategories, kProducts, kCarriers, kWarehouses, kPoolCount };
    std::array<StringPool, kPoolCount> texts;
    // An order's five texts at once, in Pool order.
    using OrderTexts = std::array<std::string_view, kPoolCount>;

    // The texts of an order, exactly as read.
    std::string order_id(const Order& o) const;
    std::string_view cancel_reason(const Order& o) const { return text(o, kReasons); }
    std::string_view category(const Order& o) const { return text(o, kCategories); }
    std::string_view product(const Order& o) const { return text(o, kProducts); }
    std::string_view carrier(const Order& o) const { return text(o, kCarriers); }
    std::string_view warehouse(const Order& o) const { return text(o, kWarehouses); }
    std::string_view text(const Order& o, Pool pool) const { return texts[pool].text(text_id(o, pool)); }
    TextId text_id(const Order& o, Pool pool) const;
    OrderTexts order_texts(const Order& o) const;
    void set_cancel_reason(Order& o, std::string_view t) { set_text(o, kReasons, t); }
    void set_category(Order& o, std::string_view t) { set_text(o, kCategories, t); }
    // One text; set_order_texts sets all five with one lookup of their set.
    void set_text(Order& o, Pool pool, std::string_view text);
    void set_order_texts(Order& o, const OrderTexts& t);

private:
    StringPool id_texts_;              // IDs that are not kept as numbers
    StringPool text_sets_;             // an order's five text ids as 20 bytes (Order::text_set); 0 = all empty
    void set_text_ids(Order& o, const std::array<TextId, kPoolCount>& ids);
    std::vector<uint32_t> id_slots_;   // open-addressing index over `orders` by ID: row + 1 and a hash tag, 0 = free
    // The run: an export lists orders by time and (we assume) IDs handed out later are larger, so
    // most new orders come with a numeric ID beyond every ID before (rising or falling). Such an order is new for
    // certain and is added without a probe: its slot in a large index was a cache miss each
    // (~20 % of reading a million-order export in WASM, which has no prefetch). The run is the
    // tail orders[run_first_, size): keys in one direction, searched by halving. It goes into
    // id_slots_ in the order of their slots (index_run()) when an order comes out of order or
    // with a text ID, and when an export ends. docs/performance.md "The run of new IDs".
    size_t run_first_ = 0;
    int run_direction_ = 0;             // +1 rising, -1 falling; 0 while the run has fewer than 2 orders
    uint64_t min_key_ = 0, max_key_ = 0;  // the numeric keys' range so far, when any_key_
    bool any_key_ = false;
    // +1 when `key` is above every numeric key so far (or the first), -1 when below all, else 0.
    int beyond_keys(uint64_t key) const { return !any_key_ || key > max_key_ ? 1 : key < min_key_ ? -1 : 0; }
    uint32_t add_order(uint64_t key);
    std::optional<uint32_t> find_in_run(uint64_t key) const;
    void insert_rows(size_t first, size_t end);
    bool has_key(uint32_t row, const OrderKey& k) const;
    void grow_index();
    void rebuild_index(size_t capacity);
};

}  // namespace shopscore
