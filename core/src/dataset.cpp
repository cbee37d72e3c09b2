#include "shopscore/dataset.h"

#include <algorithm>
#include <cstring>

#include "same_text.h"

// In the WASM build, code whose size the site pays for while its speed is bound by memory (the
// whole module is compressed into the page's download): compiled as -Oz would (docs/performance.md
// "The run of new IDs").
#if defined(__wasm__)
#define SHOPSCORE_WASM_SMALL __attribute__((minsize))
#else
#define SHOPSCORE_WASM_SMALL
#endif

namespace shopscore {
namespace {

// splitmix64's finaliser: spreads sequential order numbers over the table.
uint64_t mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// A text's hash for the pools and the text order IDs: eight bytes at a time (the last eight
// overlapping the ones before), each word mixed into the state by a multiply, then spread by
// mix(). A new order's set of five text ids (20 bytes) and each new text are hashed: std::hash
// was ~80 instructions for 20 bytes, a call into the C++ library. Only lookups use the hash (a
// text's id is its place in the pool), so no result depends on it. Not inlined: inlined in its
// five callers it cost the site 0.7 KiB gzipped, and a call per new text costs nothing measurable.
[[gnu::noinline]] uint64_t text_hash(std::string_view text) {
    const char* p = text.data();
    const size_t n = text.size();
    uint64_t h = n * 0x9e3779b97f4a7c15ULL;
    auto add = [&h](uint64_t word) {
        h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
    };
    if (n < 8) {
        uint64_t word = 0;
        for (size_t k = 0; k < n; ++k) word |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
        add(word);
    } else {
        uint64_t word;
        for (size_t k = 0; k + 8 < n; k += 8) {
            std::memcpy(&word, p + k, 8);
            add(word);
        }
        std::memcpy(&word, p + n - 8, 8);
        add(word);
    }
    return mix(h);
}

// Eight ASCII digits at p -> their value, or false. Every row of an orders export has its order's
// ID (18 digits in Seller Center's): read eight digits at a time, as fast_float's
// parse_eight_digits_unrolled does, instead of one by one.
bool eight_digits(const char* p, uint64_t& value) {
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first digit is the lowest byte");
    uint64_t v;
    std::memcpy(&v, p, 8);
    // Each byte 0x30-0x39: its high nibble 3, and adding 6 leaves it 3 (0x3A + 6 = 0x40). A byte
    // of 0xFA or more carries into the next one, but its own high nibble already fails.
    constexpr uint64_t kHighNibbles = 0xF0F0F0F0F0F0F0F0ULL;
    if (((v & kHighNibbles) | (((v + 0x0606060606060606ULL) & kHighNibbles) >> 4)) != 0x3333333333333333ULL)
        return false;
    v -= 0x3030303030303030ULL;
    v = v * 10 + (v >> 8);  // each even byte: the two-digit number of it and the next
    constexpr uint64_t kMask = 0x000000FF000000FFULL, kMul1 = 100 + (1000000ULL << 32), kMul2 = 1 + (10000ULL << 32);
    value = (((v & kMask) * kMul1) + (((v >> 16) & kMask) * kMul2)) >> 32;
    return true;
}

// An ID kept as a number must print back as the same text: digits only, no leading zero (but
// "0"), and below 2^63 (the top bit tags a text key). Anything else is kept as text.
std::optional<uint64_t> numeric_key(std::string_view id) {
    if (id.empty() || id.size() > 19 || (id[0] == '0' && id.size() > 1)) return std::nullopt;
    uint64_t v = 0;
    size_t k = 0;
    for (uint64_t eight; k + 8 <= id.size(); k += 8) {
        if (!eight_digits(id.data() + k, eight)) return std::nullopt;
        v = v * 100000000 + eight;
    }
    for (; k < id.size(); ++k) {
        const char c = id[k];
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<uint64_t>(c - '0');  // 19 digits cannot wrap a uint64
    }
    if (v & Order::kTextKey) return std::nullopt;
    return v;
}

// Linear probing over a power-of-two table of (row + 1), 0 = free; grown at 3/4 full.
template <class Equal>
uint32_t* probe(std::vector<uint32_t>& slots, uint64_t hash, Equal equal) {
    const size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask)
        if (slots[i] == 0 || equal(slots[i] - 1)) return &slots[i];
}

bool full(size_t count, size_t capacity) { return (count + 1) * 4 > capacity * 3; }

// The order ID index's sizes: 64, 96, 128, 192, 256, ..., each a power of two or 1.5 times one.
// Grown at 3/4 full, it is then 1/2 or 9/16 full, where doubling left it 3/8 full: 6.4 bytes an
// order on average over sizes instead of 7.7, and 6.9 instead of 9.2 at the bench's 908,923.
size_t next_index_size(size_t slots) {
    if (slots == 0) return 64;
    return (slots & (slots - 1)) == 0 ? slots / 2 * 3 : slots / 3 * 4;
}

// The order ID index's slots: row + 1 in the low bits (as many as slots - 1 needs: rows stay
// under 3/4 of the slots, so they fit) and, above them, the top bits of the ID's hash (the
// slot's position comes from its low 32 bits: Dataset::id_slot_of). A probe passes other IDs'
// slots on their tag alone: comparing IDs reads the order, a random access into the orders, and
// a new ID passes a few slots (up to ~8.5 on average at 3/4 full) before its free one. That read
// was ~14 % of reading an export.
struct IdSlots {
    uint32_t row_mask;  // the low bits that hold row + 1
    uint32_t tag;       // this hash's tag, in place

    IdSlots(size_t capacity, uint64_t hash) : row_mask(~uint32_t{0}), tag(0) {
        const unsigned bits = 64u - static_cast<unsigned>(__builtin_clzll(capacity - 1));  // GCC, Clang; capacity >= 64
        if (bits < 32) {
            row_mask = (uint32_t{1} << bits) - 1;
            tag = static_cast<uint32_t>(hash >> (32 + bits)) << bits;
        }
    }
    uint32_t row(uint32_t slot) const { return (slot & row_mask) - 1; }
    bool may_be(uint32_t slot) const { return (slot & ~row_mask) == tag; }
    uint32_t code(uint32_t row) const { return tag | (row + 1); }
};

// The slot of the ID with this hash for which equal(row) holds, else the free slot it would take.
template <class Slots, class Equal>
auto* probe_ids(Slots& slots, uint64_t hash, const IdSlots& ids, Equal equal) {
    const size_t size = slots.size();
    for (size_t i = Dataset::id_slot_of(hash, size);; i = i + 1 == size ? 0 : i + 1)
        if (slots[i] == 0 || (ids.may_be(slots[i]) && equal(ids.row(slots[i])))) return &slots[i];
}

}  // namespace

uint8_t flag_from_name(std::string_view name) {
    if (name == "fraud") return kFlagFraud;
    if (name == "sample") return kFlagSample;
    if (name == "gift") return kFlagGift;
    if (name == "appealed") return kFlagAppealed;
    if (name == "risky_buyer") return kFlagRiskyBuyer;
    if (name == "fbt_logistics") return kFlagFbtLogistics;
    if (name == "excluded") return kFlagExcluded;
    return 0;
}

StringPool::StringPool() : starts_{0, 0} {}

TextId StringPool::append(std::string_view text) {
    chars_.append(text);
    starts_.push_back(chars_.size());
    return static_cast<TextId>(starts_.size() - 2);
}

TextId StringPool::intern(std::string_view text) {
    if (text.empty()) return 0;
    if (last_ != 0 && same_text(this->text(last_), text)) return last_;
    if (full(size(), slots_.size())) {
        std::vector<uint32_t> bigger(slots_.empty() ? 16 : slots_.size() * 2, 0);
        for (TextId id = 1; id < size(); ++id)
            *probe(bigger, text_hash(this->text(id)), [](uint32_t) { return false; }) = id + 1;
        slots_.swap(bigger);
    }
    uint32_t* slot = probe(slots_, text_hash(text), [&](uint32_t id) { return same_text(this->text(id), text); });
    if (*slot == 0) *slot = append(text) + 1;
    last_ = *slot - 1;
    return last_;
}

Dataset::OrderKey Dataset::order_key(std::string_view id) {
    const std::optional<uint64_t> number = numeric_key(id);
    return number ? OrderKey{id, *number, mix(*number)} : OrderKey{id, Order::kTextKey, text_hash(id)};
}

Dataset::OrderKey Dataset::key_of(const Order& o) const {
    if (!(o.key & Order::kTextKey)) return {{}, o.key, mix(o.key)};
    const std::string_view id = id_texts_.text(static_cast<TextId>(o.key & ~Order::kTextKey));
    return {id, Order::kTextKey, text_hash(id)};
}

void Dataset::grow_index() { rebuild_index(next_index_size(id_slots_.size())); }

void Dataset::reserve_orders(size_t more) {
    size_t capacity = id_slots_.empty() ? 64 : id_slots_.size();
    while (full(orders.size() + more, capacity)) capacity = next_index_size(capacity);
    if (capacity != id_slots_.size()) rebuild_index(capacity);
}

void Dataset::rebuild_index(size_t capacity) {
    std::vector<uint32_t> slots(capacity, 0);
    id_slots_.swap(slots);
    insert_rows(0, run_first_);  // the run stays out until index_run()
}

// Puts orders[first, end) into id_slots_ (which has room) a block of orders at a time, in the
// order of their slots: one after another in file order each slot was a cache miss (and a TLB
// miss in a large index); sorted by the top bits of their slot, neighbours follow each other.
SHOPSCORE_WASM_SMALL void Dataset::insert_rows(size_t first, size_t end) {
    constexpr size_t kBlock = size_t{1} << 14, kBuckets = 256;
    const size_t capacity = id_slots_.size();
    // A short run (a file out of order has many) goes in as it is: one bucket, no sorting.
    const size_t buckets = end - first <= 64 ? 1 : kBuckets;
    std::vector<uint64_t> hashes(std::min(kBlock, end - first));
    std::vector<uint32_t> by_slot(hashes.size());
    for (size_t start = first; start < end; start += kBlock) {
        const size_t n = std::min(kBlock, end - start);
        // The slot's position grows with the hash's low 32 bits (id_slot_of): their top bits
        // order the buckets.
        auto bucket = [buckets](uint64_t hash) { return static_cast<size_t>((hash & 0xFFFFFFFFu) * buckets >> 32); };
        size_t at[kBuckets + 1] = {};
        for (size_t i = 0; i < n; ++i) {
            hashes[i] = key_of(orders[start + i]).hash;
            ++at[bucket(hashes[i]) + 1];
        }
        for (size_t b = 1; b <= buckets; ++b) at[b] += at[b - 1];
        for (size_t i = 0; i < n; ++i) by_slot[at[bucket(hashes[i])]++] = static_cast<uint32_t>(i);
        for (size_t k = 0; k < n; ++k) {
            const uint32_t i = by_slot[k];
            const IdSlots ids(capacity, hashes[i]);
            *probe_ids(id_slots_, hashes[i], ids, [](uint32_t) { return false; }) = ids.code(static_cast<uint32_t>(start + i));
        }
    }
}

void Dataset::index_run() {
    const size_t first = run_first_;
    run_first_ = orders.size();
    run_direction_ = 0;
    if (first == orders.size()) return;
    // upsert_order_index() grows the index before each new order, so it has room for the run.
    insert_rows(first, orders.size());
}

uint32_t Dataset::add_order(uint64_t key) {
    orders.emplace_back();
    orders.back().key = key;
    if (!(key & Order::kTextKey)) {
        min_key_ = any_key_ ? std::min(min_key_, key) : key;
        max_key_ = any_key_ ? std::max(max_key_, key) : key;
        any_key_ = true;
    }
    return static_cast<uint32_t>(orders.size() - 1);
}

std::optional<uint32_t> Dataset::find_in_run(uint64_t key) const {
    const size_t first = run_first_, end = orders.size();
    if (first == end) return std::nullopt;
    if (orders[end - 1].key == key) return static_cast<uint32_t>(end - 1);  // the next SKU row of the same order
    if (end - first == 1) return std::nullopt;
    const bool rising = run_direction_ > 0;
    auto before = [rising](uint64_t a, uint64_t b) { return rising ? a < b : a > b; };
    if (!before(key, orders[end - 1].key) || before(key, orders[first].key)) return std::nullopt;
    // Back from the end in growing steps (an order out of place is usually near its neighbours),
    // then halving: key(lo) <= key < key(hi) in the run's direction.
    size_t hi = end - 1, lo = first;
    for (size_t step = 1;; step *= 2) {
        lo = hi - first > step ? hi - step : first;
        if (!before(key, orders[lo].key)) break;
        hi = lo;
    }
    while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        (before(key, orders[mid].key) ? hi : lo) = mid;
    }
    return orders[lo].key == key ? std::optional<uint32_t>(static_cast<uint32_t>(lo)) : std::nullopt;
}

uint32_t Dataset::upsert_order_index(const OrderKey& k) {
    if (full(orders.size(), id_slots_.size())) grow_index();
    const bool numeric = k.key != Order::kTextKey;
    if (numeric) {
        if (const int side = beyond_keys(k.key)) {  // new for certain: it joins the run
            const size_t length = orders.size() - run_first_;
            if (length >= 2 && side != run_direction_) index_run();
            else if (length == 1) run_direction_ = side;
            return add_order(k.key);
        }
        if (const std::optional<uint32_t> row = find_in_run(k.key)) return *row;
    }
    const IdSlots ids(id_slots_.size(), k.hash);
    uint32_t* slot = probe_ids(id_slots_, k.hash, ids, [&](uint32_t row) { return has_key(row, k); });
    if (*slot != 0) return ids.row(*slot);
    // A new order out of the run's order, or with a text ID: the run goes into the index first,
    // so that it stays the tail of the orders; the new ID then takes the first free slot.
    if (run_first_ != orders.size()) {
        index_run();
        slot = probe_ids(id_slots_, k.hash, ids, [](uint32_t) { return false; });
    }
    const uint32_t row = add_order(numeric ? k.key : Order::kTextKey | id_texts_.append(k.id));
    run_first_ = orders.size();
    *slot = ids.code(row);
    return row;
}

bool Dataset::has_key(uint32_t row, const OrderKey& k) const {
    const uint64_t key = orders[row].key;
    if (k.key != Order::kTextKey) return key == k.key;
    return (key & Order::kTextKey) && same_text(id_texts_.text(static_cast<TextId>(key & ~Order::kTextKey)), k.id);
}

std::optional<uint32_t> Dataset::find_order_index(std::string_view id) const {
    const OrderKey k = order_key(id);
    if (k.key != Order::kTextKey)
        if (const std::optional<uint32_t> row = find_in_run(k.key)) return row;
    if (id_slots_.empty()) return std::nullopt;
    const IdSlots ids(id_slots_.size(), k.hash);
    const uint32_t slot = *probe_ids(id_slots_, k.hash, ids, [&](uint32_t row) { return has_key(row, k); });
    if (slot == 0) return std::nullopt;
    return ids.row(slot);
}

const Order* Dataset::find_order(std::string_view id) const {
    const std::optional<uint32_t> row = find_order_index(id);
    return row ? &orders[*row] : nullptr;
}

TextId Dataset::text_id(const Order& o, Pool pool) const {
    if (o.text_set == 0) return 0;
    TextId id;
    std::memcpy(&id, text_sets_.text(o.text_set).data() + pool * sizeof id, sizeof id);
    return id;
}

Dataset::OrderTexts Dataset::order_texts(const Order& o) const {
    OrderTexts t;
    for (int pool = 0; pool < kPoolCount; ++pool) t[pool] = text(o, static_cast<Pool>(pool));
    return t;
}

void Dataset::set_text_ids(Order& o, const std::array<TextId, kPoolCount>& ids) {
    const bool empty = std::all_of(ids.begin(), ids.end(), [](TextId id) { return id == 0; });
    o.text_set = empty ? 0 : text_sets_.intern({reinterpret_cast<const char*>(ids.data()), sizeof ids});
}

void Dataset::set_text(Order& o, Pool pool, std::string_view text) {
    std::array<TextId, kPoolCount> ids{};  // the order's set of ids, one text replaced
    if (o.text_set != 0) std::memcpy(ids.data(), text_sets_.text(o.text_set).data(), sizeof ids);
    ids[pool] = texts[pool].intern(text);
    set_text_ids(o, ids);
}

void Dataset::set_order_texts(Order& o, const OrderTexts& t) {
    // Each text goes into its own pool: a view into one pool stays valid until that pool grows,
    // and interning a text already there does not grow it.
    std::array<TextId, kPoolCount> ids;
    for (int pool = 0; pool < kPoolCount; ++pool) ids[pool] = texts[pool].intern(t[pool]);
    set_text_ids(o, ids);
}

std::string Dataset::order_id(const Order& o) const {
    if (o.key & Order::kTextKey) return std::string(id_texts_.text(static_cast<TextId>(o.key & ~Order::kTextKey)));
    return std::to_string(o.key);
}

}  // namespace shopscore
