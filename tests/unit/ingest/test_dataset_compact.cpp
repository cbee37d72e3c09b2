// The compact dataset (issue 10): order IDs kept as numbers or texts give back exactly the text
// read, the ID index finds every order, timestamps keep their seconds, pools intern texts once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "same_text.h"
#include "shopscore/dataset.h"

using namespace shopscore;

TEST_CASE("dataset: every order ID gives back its own text and its own order", "[dataset][compact]") {
    // Numbers that print back the same ("0", 18 and 19 digits below 2^63 = 9223372036854775808)
    // and texts that only look like numbers (leading zeros, 2^63 and above, 20 digits, signs,
    // spaces, Arabic-Indic digits): all distinct orders.
    const std::vector<std::string> ids = {
        "577123456789000001", "0", "1", "01", "007", "7", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", "99999999999999999999", "A&1", "-5", "+5", "5 ", " 5", "1e3", "\xd9\xa1\xd9\xa2", ""};
    Dataset d;
    for (size_t i = 0; i < ids.size(); ++i) {
        Order& o = d.upsert_order(ids[i]);
        o.handling_days = static_cast<int>(i);
    }
    REQUIRE(d.orders.size() == ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        INFO(ids[i]);
        CHECK(d.order_id(d.orders[i]) == ids[i]);
        const Order* found = d.find_order(ids[i]);
        REQUIRE(found == &d.orders[i]);
        CHECK(found->handling_days == static_cast<int>(i));
        CHECK(d.upsert_order_index(ids[i]) == i);  // the same ID again: the same order
    }
    CHECK(d.orders.size() == ids.size());
    CHECK(d.find_order("00") == nullptr);
    CHECK(d.find_order("577123456789000002") == nullptr);
    CHECK(d.find_order("a&1") == nullptr);
}

TEST_CASE("dataset: an ID is a number only when every byte is a digit, at every position of 1-19", "[dataset][compact][boundary]") {
    // The digits are read eight at a time (dataset.cpp): each length from 1 to 19 (the eight-digit
    // groups and their tail), each position holding each digit (its value must come back; from
    // 2^63 on, 19 digits are a text), then each position holding a byte just outside 0-9 ('/' and ':'),
    // a letter, a space, a byte of a multi-byte character, and one whose +6 carries (0xFA): those
    // IDs are texts and must come back as written.
    const std::string digits = "1234567890123456789";
    for (size_t length = 1; length <= 19; ++length) {
        const std::string base = digits.substr(0, length);
        for (size_t at = 0; at < length; ++at) {
            Dataset d;
            for (char c = at == 0 && length > 1 ? '1' : '0'; c <= '9'; ++c) {
                std::string id = base;
                id[at] = c;
                INFO(id);
                const Order& o = d.upsert_order(id);
                const unsigned long long value = std::stoull(id);
                if (value >> 63) {  // 19 digits from 2^63 on: a text
                    CHECK((o.key & Order::kTextKey) != 0);
                } else {
                    CHECK(o.key == value);
                }
                CHECK(d.order_id(o) == id);
            }
            for (char c : {'/', ':', 'a', ' ', '\xd9', '\xfa', '\0'}) {
                std::string id = base;
                id[at] = c;
                INFO("length " << length << ", byte " << static_cast<int>(static_cast<unsigned char>(c)) << " at " << at);
                const Order& o = d.upsert_order(id);
                CHECK((o.key & Order::kTextKey) != 0);
                CHECK(d.order_id(o) == id);
            }
        }
    }
}

TEST_CASE("dataset: the ID index keeps finding orders as it grows, and copies with the dataset", "[dataset][compact]") {
    Dataset d;
    const int n = 20000;  // several doublings of the index, numbers and texts mixed
    for (int i = 0; i < n; ++i) {
        d.upsert_order(std::to_string(577000000000000000LL + i));
        d.upsert_order("X" + std::to_string(i));
    }
    REQUIRE(d.orders.size() == 2u * n);
    const Dataset copy = d;
    for (int i = 0; i < n; i += 997) {
        const std::string number = std::to_string(577000000000000000LL + i), text = "X" + std::to_string(i);
        REQUIRE(copy.find_order(number) == &copy.orders[2 * static_cast<size_t>(i)]);
        REQUIRE(copy.find_order(text) == &copy.orders[2 * static_cast<size_t>(i) + 1]);
        CHECK(copy.order_id(copy.orders[2 * static_cast<size_t>(i) + 1]) == text);
    }
    CHECK(copy.find_order(std::to_string(577000000000000000LL + n)) == nullptr);
}

TEST_CASE("dataset: the ID index grows to a power of two or 1.5 times one, at 3/4 full", "[dataset][compact][boundary]") {
    // Sizes 64, 96, 128, 192, ...; the order that would make the index more than 3/4 full grows
    // it first: 48 orders fit 64 slots (48/64 = 3/4), the 49th needs 96; 72 fit 96, the 73rd 128;
    // 96 fit 128, the 97th 192. Every order stays found across each growth.
    const std::pair<int, size_t> expected[] = {{1, 64}, {48, 64}, {49, 96}, {72, 96}, {73, 128}, {96, 128}, {97, 192}};
    Dataset d;
    int added = 0;
    for (const auto& [orders, slots] : expected) {
        while (added < orders) d.upsert_order("B" + std::to_string(added++));
        INFO(orders << " orders");
        CHECK(d.id_index_slots() == slots);
        for (int i = 0; i < added; ++i) CHECK(d.find_order("B" + std::to_string(i)) == &d.orders[static_cast<size_t>(i)]);
        CHECK(d.find_order("B" + std::to_string(added)) == nullptr);
    }
    // Room for the bench's 908,923 orders: 1.5 x 2^20 slots (2^20 holds 786,432; 2^21 would be
    // 2.1 M slots, 8.4 MB).
    Dataset big;
    big.reserve_orders(908923);
    CHECK(big.id_index_slots() == 1572864u);
    Dataset edge;
    edge.reserve_orders(786431);  // (786,431 + 1) x 4 = 3/4 of 2^20 x 4: just fits
    CHECK(edge.id_index_slots() == 1048576u);
    Dataset past;
    past.reserve_orders(786432);
    CHECK(past.id_index_slots() == 1572864u);
}

TEST_CASE("dataset: packed timestamps keep every second the readers accept", "[dataset][compact]") {
    // 1900-01-01 00:00 at -14:00 moved to +14:00 is the least (-2208988800 - 100800 s); 2200-12-31
    // 23:59:59 moved the other way the greatest; 40 bits hold +-5.4e11 s.
    for (Seconds t : {kNoTime, Seconds{0}, Seconds{-1}, Seconds{1}, Seconds{-2208988800LL - 100800},
                      Seconds{7289654399LL + 100800}, Seconds{1793611800}}) {
        INFO(t);
        const PackedTime p = t;
        CHECK(static_cast<Seconds>(p) == t);
    }
    Order o;
    CHECK(o.created == kNoTime);
    CHECK(o.delivered == kNoTime);
    CHECK(o.cancelled == kNoTime);
}

TEST_CASE("dataset: texts are interned once per pool, 0 is empty", "[dataset][compact]") {
    Dataset d;
    Order& a = d.upsert_order("1");
    Order& b = d.upsert_order("2");
    d.set_category(a, "Home");
    d.set_category(b, "Home");
    d.set_text(a, Dataset::kCarriers, "Home");  // another pool: its own ids
    d.set_text(b, Dataset::kProducts, "");
    CHECK(d.text_id(a, Dataset::kCategories) == d.text_id(b, Dataset::kCategories));
    CHECK(d.text_id(a, Dataset::kCategories) != 0);
    CHECK(d.text_id(a, Dataset::kCategories) == d.text_id(a, Dataset::kCarriers));  // both id 1 of their pools
    CHECK(d.category(b) == "Home");
    CHECK(d.carrier(a) == "Home");
    CHECK(d.carrier(b).empty());
    CHECK(d.texts[Dataset::kCategories].size() == 2);  // "" and "Home"
    // An order's five texts share one id of their ids: setting one keeps the others.
    d.set_text(a, Dataset::kProducts, "Mug");
    d.set_text(b, Dataset::kProducts, "Mug");
    CHECK(a.text_set != b.text_set);  // a has a carrier, b none
    d.set_text(b, Dataset::kCarriers, "Home");
    CHECK(a.text_set == b.text_set);
    CHECK(d.product(a) == "Mug");
    CHECK(d.carrier(a) == "Home");
    CHECK(d.warehouse(a).empty());
    CHECK(d.cancel_reason(a).empty());
    d.set_text(b, Dataset::kProducts, "");
    d.set_text(b, Dataset::kCarriers, "");
    d.set_category(b, "");
    CHECK(b.text_set == 0);
    CHECK(d.product(a) == "Mug");
    for (int i = 0; i < 1000; ++i) d.set_text(a, Dataset::kWarehouses, "W" + std::to_string(i));  // the pool's index grows
    CHECK(d.texts[Dataset::kWarehouses].intern("W17") == 18);
    CHECK(d.warehouse(a) == "W999");
    CHECK(d.product(a) == "Mug");
    CHECK(d.carrier(a) == "Home");
    CHECK(d.category(a) == "Home");
}

TEST_CASE("dataset: an order's five texts set at once, each back from its own pool", "[dataset][compact]") {
    Dataset d;
    Order& a = d.upsert_order("1");
    Order& b = d.upsert_order("2");
    d.set_order_texts(a, {"Out of stock", "Home", "Mug", "USPS", "W1"});
    CHECK(d.order_texts(a) == Dataset::OrderTexts{"Out of stock", "Home", "Mug", "USPS", "W1"});
    CHECK(d.cancel_reason(a) == "Out of stock");
    CHECK(d.category(a) == "Home");
    CHECK(d.product(a) == "Mug");
    CHECK(d.carrier(a) == "USPS");
    CHECK(d.warehouse(a) == "W1");
    // The same texts, one of them a view into the pools themselves: the same set.
    d.set_order_texts(b, d.order_texts(a));
    CHECK(b.text_set == a.text_set);
    d.set_cancel_reason(b, "");
    CHECK(b.text_set != a.text_set);
    CHECK(d.order_texts(b) == Dataset::OrderTexts{"", "Home", "Mug", "USPS", "W1"});
    CHECK(d.text_id(b, Dataset::kReasons) == 0);
    // Texts equal across pools are not mixed up: the order of the five matters.
    d.set_order_texts(b, {"", "W1", "", "", "Home"});
    CHECK(d.category(b) == "W1");
    CHECK(d.warehouse(b) == "Home");
    CHECK(d.product(b).empty());
    d.set_order_texts(b, {});
    CHECK(b.text_set == 0);
    CHECK(sizeof(Order) == 36);  // docs/performance.md "The compact dataset"
}

TEST_CASE("dataset: an order's bit fields and key halves hold every value they are given", "[dataset][compact][boundary]") {
    // Handling days 0-365 and -1 (none) in 10 bits; every value of the three enums in their bits,
    // each field beside the others unchanged; keys at the edges of both halves.
    Order o;
    CHECK(o.handling_days == -1);
    CHECK(o.cancel_by == CancelBy::unknown);
    CHECK(o.fulfillment == Fulfillment::seller);
    CHECK(o.type == OrderType::regular);
    CHECK(o.reading == 0);
    for (int days : {-1, 0, 1, 255, 256, 364, 365}) {
        o.handling_days = static_cast<int16_t>(days);
        CHECK(o.handling_days == days);
    }
    for (CancelBy by : {CancelBy::unknown, CancelBy::buyer, CancelBy::seller, CancelBy::system}) {
        for (OrderType type : {OrderType::regular, OrderType::made_to_order, OrderType::pre_order}) {
            for (Fulfillment f : {Fulfillment::seller, Fulfillment::fbt}) {
                o.cancel_by = by, o.type = type, o.fulfillment = f, o.handling_days = 365, o.reading = 0xFFFF;
                CHECK(o.cancel_by == by);
                CHECK(o.type == type);
                CHECK(o.fulfillment == f);
                CHECK(o.handling_days == 365);
                CHECK(o.reading == 0xFFFF);
            }
        }
    }
    for (uint64_t key : {uint64_t{0}, uint64_t{0xFFFFFFFF}, uint64_t{1} << 32, uint64_t{576461413867917695},
                         Order::kTextKey | 7, ~uint64_t{0}}) {
        o.key = key;
        CHECK(uint64_t{o.key} == key);
    }
}

TEST_CASE("dataset: the orders' blocks keep elements in place, across block ends, when resized and copied", "[dataset][compact]") {
    BlockVector<int> v;
    const int* first = &v.emplace_back();
    v[0] = -1;
    for (int i = 1; i < 2 * 1024 + 1; ++i) v.emplace_back() = i;  // two full blocks and one more
    REQUIRE(v.size() == 2049u);
    CHECK(&v[0] == first);  // growing never moves an element
    CHECK((v[1023] == 1023 && v[1024] == 1024 && v[2047] == 2047 && v[2048] == 2048));
    CHECK(v.back() == 2048);
    size_t seen = 0;
    long sum = 0;
    for (int x : v) ++seen, sum += x;
    CHECK(seen == v.size());
    CHECK(sum == 2048L * 2049 / 2 - 1);

    v.resize(1000);  // the last ones forgotten; grown again, they come back as new elements
    CHECK(v.size() == 1000u);
    v.resize(1500);
    CHECK(v[999] == 999);
    CHECK((v[1000] == 0 && v[1023] == 0 && v[1024] == 0 && v[1499] == 0));
    CHECK(v.emplace_back() == 0);

    BlockVector<int> copy = v;  // a copy is its own
    copy[5] = -7;
    CHECK(v[5] == 5);
    CHECK(copy.size() == v.size());
    const BlockVector<int>& view = copy;
    CHECK(std::count_if(view.begin(), view.end(), [](int x) { return x == -7; }) == 1);
}

TEST_CASE("dataset: blocks of another size keep elements in place across their ends", "[dataset][compact]") {
    BlockVector<int, 2> v;  // blocks of 4
    const int* first = &v.emplace_back();
    for (int i = 1; i < 9; ++i) v.emplace_back() = i;  // two full blocks and one more
    CHECK(&v[0] == first);
    CHECK((v[3] == 3 && v[4] == 4 && v[7] == 7 && v[8] == 8));
    v.resize(5);
    v.resize(9);
    CHECK((v[4] == 4 && v[5] == 0 && v[8] == 0));
    CHECK(std::accumulate(v.begin(), v.end(), 0) == 0 + 1 + 2 + 3 + 4);
    CHECK(BlockVector<int, 16>::kBlock == 65536u);
}

TEST_CASE("same_text: equal to a byte-by-byte comparison at every length and every differing byte", "[dataset][compact]") {
    // Lengths 0-40 cover the byte loop (0-3), the two overlapping 4-byte words (4-7), whole 8-byte
    // words with and without the overlapping last word; texts at odd addresses (unaligned loads).
    const std::string base = "x0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH";
    for (size_t n = 0; n <= 40; ++n) {
        const std::string_view a(base.data() + 1, n);
        std::string other(base);
        const std::string_view b(other.data() + 1, n);
        INFO("length " << n);
        CHECK(same_text(a, b));
        for (size_t at = 0; at < n; ++at) {
            INFO("differs at " << at);
            for (char c : {'\0', '\x80', 'Z'}) {
                other[1 + at] = c;
                CHECK(same_text(a, b) == (a == b));
                CHECK_FALSE(same_text(a, b));
            }
            other[1 + at] = base[1 + at];
        }
        if (n > 0) CHECK_FALSE(same_text(a, a.substr(0, n - 1)));  // lengths differ
    }
}
