// Canonical dataset JSON (docs/rules.md §22) -> Dataset. Unknown fields are ignored; a wrong type or an
// unparseable date is an InputError naming the record and field.
#include <cmath>
#include <algorithm>
#include <tuple>
#include <string>

#include "dataset_json_internal.h"
#include "json_read.h"
#include "shopscore/json_io.h"
#include "shopscore/score.h"

namespace shopscore {
namespace {

using json_read::json;
using json_read::Reader;

// Reads one of a fixed set of names ("seller" | "fbt", ...) into an enum.
template <typename Enum, size_t N>
Enum read_choice(const Reader& r, const json& obj, const char* key, const std::string& path,
                 const std::pair<const char*, Enum> (&choices)[N], Enum fallback) {
    auto text = r.string(obj, key, path);
    if (!text) return fallback;
    std::string expected;
    for (const auto& [name, value] : choices) {
        if (*text == name) return value;
        expected += expected.empty() ? "" : " | ";
        expected += name;
    }
    const json& got = obj.at(key);
    r.fail(Reader::join(path, key), "one of " + expected, &got);
}

uint8_t read_flags(const Reader& r, const json& obj, const std::string& path, bool allow_record_flags) {
    const json* flags = r.array(obj, "flags", path);
    if (!flags) return 0;
    uint8_t bits = 0;
    for (size_t i = 0; i < flags->size(); ++i) {
        const json& f = (*flags)[i];
        const uint8_t bit = f.is_string() ? flag_from_name(f.get_ref<const std::string&>()) : 0;
        const bool allowed = bit != 0 && (allow_record_flags || (bit & kExclusionFlags));
        if (!allowed)
            r.fail(Reader::index(Reader::join(path, "flags"), i),
                   allow_record_flags ? "one of fraud | sample | gift | appealed | risky_buyer | fbt_logistics | excluded"
                                      : "one of fraud | sample | gift | appealed | risky_buyer",
                   &f);
        bits |= bit;
    }
    return bits;
}

// A count for a message: "12" for whole numbers that fit, else as JSON writes it (no UB cast of 1e300).
std::string count_text(double x) {
    if (x == std::floor(x) && std::fabs(x) < 9007199254740992.0) return std::to_string(static_cast<int64_t>(x));
    return json(x).dump();
}

int read_rating(const Reader& r, const json& obj, const std::string& path, bool required) {
    auto rating = r.integer(obj, "rating", path);
    if (!rating) {
        if (required) r.fail(Reader::join(path, "rating"), "a star rating 1-5", nullptr);
        return 0;
    }
    if (*rating < 1 || *rating > 5) r.fail(Reader::join(path, "rating"), "a star rating 1-5", &obj.at("rating"));
    return static_cast<int>(*rating);
}

std::string required_string(const Reader& r, const json& obj, const char* key, const std::string& path) {
    auto s = r.string(obj, key, path);
    if (!s || s->empty()) r.fail(Reader::join(path, key), "a non-empty string", s ? &obj.at(key) : nullptr);
    return *s;
}

}  // namespace

Shop read_shop(const json_read::Reader& r, const json_read::json& shop, const std::string& path) {
    Shop s;
    if (auto offset = r.string(shop, "utc_offset", path)) {
        auto parsed = parse_utc_offset(*offset);
        if (!parsed) r.fail(Reader::join(path, "utc_offset"), "an offset like -08:00", &shop.at("utc_offset"));
        s.utc_offset_seconds = *parsed;
    }
    s.as_of = r.day(shop, "as_of", path, s.utc_offset_seconds);
    s.opened = r.day(shop, "opened", path, s.utc_offset_seconds);
    s.category = r.string(shop, "category", path).value_or("");
    s.reputation_points = r.number(shop, "reputation_points", path);
    s.has_logo = r.boolean(shop, "has_logo", path);
    s.products_for_sale = r.number(shop, "products_for_sale", path);
    s.violations_30d = r.number(shop, "violations_30d", path);
    s.positive_rating_rate = r.number(shop, "positive_rating_rate", path);
    if (s.positive_rating_rate && (*s.positive_rating_rate < 0 || *s.positive_rating_rate > 1))
        r.fail(Reader::join(path, "positive_rating_rate"), "a fraction between 0 and 1", &shop.at("positive_rating_rate"));
    s.delivered_orders_90d = r.integer(shop, "delivered_orders_90d", path);
    if (s.delivered_orders_90d && *s.delivered_orders_90d < 0)  // a count: negative is a typo, not a fact
        r.fail(Reader::join(path, "delivered_orders_90d"), "a count of orders, 0 or more", &shop.at("delivered_orders_90d"));
    return s;
}

namespace {

int cancel_rank(CancelBy by) {
    return by == CancelBy::seller ? 0 : by == CancelBy::system ? 1 : by == CancelBy::buyer ? 2 : 3;
}

// Several records of one order (one per SKU) are combined by rules that do not depend on their
// order (docs/exports.md, as for the orders export): earliest created, cancelled and deliver_by,
// latest delivered, largest handling_days, cancel_by seller before system before buyer (with its
// reason), fulfillment and type only where all records agree (else seller / regular), the first
// category in text order. Records that disagree are named in `conflicts`.
void read_order(const Reader& r, const json& o, const std::string& path, Dataset& d, std::vector<std::string>& conflicts) {
    const int32_t tz = d.shop.utc_offset_seconds;
    const std::string id = required_string(r, o, "id", path);
    const size_t before = d.orders.size();
    Order& order = d.upsert_order(id);
    const bool first = d.orders.size() != before;
    bool conflict = false;
    auto combine = [&](PackedTime& packed, const char* key, bool earliest) {
        const Seconds t = r.timestamp(o, key, path, tz);
        if (t == kNoTime) return;
        const Seconds field = packed;
        if (field != kNoTime && field != t) conflict = true;
        if (field == kNoTime || (earliest ? t < field : t > field)) packed = t;
    };
    combine(order.created, "created", true);
    combine(order.delivered, "delivered", false);
    combine(order.cancelled, "cancelled", true);
    if (order.created == kNoTime) r.fail(Reader::join(path, "created"), kTimestampExpectation, nullptr);
    if (auto by = r.day(o, "deliver_by", path, tz)) {
        if (order.deliver_by != kNoDay && order.deliver_by != *by) conflict = true;
        if (order.deliver_by == kNoDay || *by < order.deliver_by) order.deliver_by = *by;
    }
    if (auto h = r.integer(o, "handling_days", path)) {
        if (*h < 0 || *h > 365) r.fail(Reader::join(path, "handling_days"), "a number of days 0-365", &o.at("handling_days"));
        order.handling_days = static_cast<int16_t>(std::max<int64_t>(order.handling_days, *h));  // 0-365
    }
    static const std::pair<const char*, CancelBy> kCancelBy[] = {
        {"buyer", CancelBy::buyer}, {"seller", CancelBy::seller}, {"system", CancelBy::system}};
    const CancelBy by = read_choice(r, o, "cancel_by", path, kCancelBy, CancelBy::unknown);
    const std::string reason = r.string(o, "cancel_reason", path).value_or("");
    if (by != CancelBy::unknown && order.cancel_by != CancelBy::unknown && by != order.cancel_by) conflict = true;
    const std::string_view kept = d.cancel_reason(order);
    if (std::make_tuple(cancel_rank(by), reason.empty(), std::string_view(reason)) <
        std::make_tuple(cancel_rank(order.cancel_by), kept.empty(), kept)) {
        order.cancel_by = by;
        d.set_cancel_reason(order, reason);
    }
    static const std::pair<const char*, Fulfillment> kFulfillment[] = {{"seller", Fulfillment::seller},
                                                                       {"fbt", Fulfillment::fbt}};
    if (r.string(o, "fulfillment", path)) {
        const Fulfillment f = read_choice(r, o, "fulfillment", path, kFulfillment, Fulfillment::seller);
        if (!first && f != order.fulfillment) conflict = true;
        order.fulfillment = first || f == order.fulfillment ? f : Fulfillment::seller;
    }
    static const std::pair<const char*, OrderType> kType[] = {{"regular", OrderType::regular},
                                                              {"made_to_order", OrderType::made_to_order},
                                                              {"pre_order", OrderType::pre_order}};
    if (r.string(o, "type", path)) {
        const OrderType t = read_choice(r, o, "type", path, kType, OrderType::regular);
        if (!first && t != order.type) conflict = true;
        order.type = first || t == order.type ? t : OrderType::regular;
    }
    // The category, and for diagnostics only (insights) product, carrier and warehouse: the first
    // in text order whatever the records' order.
    for (auto [key, pool] : {std::pair{"category", Dataset::kCategories}, {"product", Dataset::kProducts},
                             {"carrier", Dataset::kCarriers}, {"warehouse", Dataset::kWarehouses}}) {
        const auto text = r.string(o, key, path);
        if (!text || text->empty()) continue;
        if (const std::string_view kept = d.text(order, pool); kept.empty() || *text < kept) d.set_text(order, pool, *text);
    }
    order.flags |= read_flags(r, o, path, false);
    if (conflict && std::find(conflicts.begin(), conflicts.end(), id) == conflicts.end()) conflicts.push_back(id);
}

Review read_review(const Reader& r, const json& v, const std::string& path, int32_t tz) {
    Review review;
    review.order_id = required_string(r, v, "order_id", path);
    review.sku = r.string(v, "sku", path).value_or("");
    review.text = r.string(v, "text", path).value_or("");
    review.rating = read_rating(r, v, path, true);
    review.created = r.timestamp(v, "created", path, tz);
    if (review.created == kNoTime) r.fail(Reader::join(path, "created"), kTimestampExpectation, nullptr);
    review.flags = read_flags(r, v, path, true);
    return review;
}

AfterSale read_after_sale(const Reader& r, const json& a, const std::string& path, int32_t tz) {
    AfterSale request;
    request.order_id = required_string(r, a, "order_id", path);
    static const std::pair<const char*, RequestType> kTypes[] = {{"refund", RequestType::refund},
                                                                 {"return", RequestType::return_},
                                                                 {"cancel", RequestType::cancel},
                                                                 {"replacement", RequestType::replacement}};
    if (!a.contains("type") || a.at("type").is_null())
        r.fail(Reader::join(path, "type"), "one of refund | return | cancel | replacement", nullptr);
    request.type = read_choice(r, a, "type", path, kTypes, RequestType::refund);
    request.reason = r.string(a, "reason", path).value_or("");
    request.requested = r.timestamp(a, "requested", path, tz);
    if (request.requested == kNoTime) r.fail(Reader::join(path, "requested"), kTimestampExpectation, nullptr);
    request.decided = r.timestamp(a, "decided", path, tz);
    request.item_received = r.timestamp(a, "item_received", path, tz);
    request.inspected = r.timestamp(a, "inspected", path, tz);
    static const std::pair<const char*, HandledBy> kHandled[] = {{"seller", HandledBy::seller},
                                                                 {"seller_rule", HandledBy::seller_rule},
                                                                 {"timeout", HandledBy::timeout},
                                                                 {"platform", HandledBy::platform}};
    request.handled_by = read_choice(r, a, "handled_by", path, kHandled, HandledBy::seller);
    request.flags = read_flags(r, a, path, true);
    return request;
}

Chat read_chat(const Reader& r, const json& c, const std::string& path, int32_t tz) {
    Chat chat;
    chat.id = r.string(c, "id", path).value_or("");
    chat.order_id = r.string(c, "order_id", path).value_or("");
    chat.ended = r.timestamp(c, "ended", path, tz);
    if (chat.ended == kNoTime) r.fail(Reader::join(path, "ended"), kTimestampExpectation, nullptr);
    chat.rating = read_rating(r, c, path, false);
    return chat;
}

// Calls read(record, path) for each element of the array `key`, requiring objects.
template <typename Read>
void for_each_record(const Reader& r, const json& root, const char* key, Read read) {
    const json* records = r.array(root, key, "");
    if (!records) return;
    for (size_t i = 0; i < records->size(); ++i) {
        const std::string path = Reader::index(key, i);
        const json& record = (*records)[i];
        if (!record.is_object()) r.fail(path, "an object", &record);
        read(record, path);
    }
}

}  // namespace

DirectMetrics read_direct_metrics(const Reader& r, const json& metrics, const std::string& at, std::vector<Warning>* notes) {
    DirectMetrics out;
    for (size_t m = 0; m < kMetricCount; ++m) {
        const std::string path = Reader::join(at, kMetricNames[m]);
        const json* given = r.object(metrics, kMetricNames[m], at);
        if (!given) continue;
        DirectMetric direct;
        const bool is_rate = m != kAht;
        std::optional<double> value;
        if (const auto it = given->find("value"); it != given->end() && it->is_string()) {
            // Text as the seller typed it: the one rule of docs/scoring.md "Typed values".
            const std::string& text = it->get_ref<const std::string&>();
            TypedValue typed;
            try {
                typed = read_metric_value(static_cast<MetricId>(m), text, path + ".value");
            } catch (const InputError& e) {
                r.fail(path + ".value", e.detail().expected, &*it);
            }
            if (typed.read_as_fraction && notes)
                notes->push_back(read_as_fraction_note(static_cast<MetricId>(m), text, typed.value));
            value = typed.value;
        } else {
            value = r.number(*given, "value", path);
        }
        if (!value) r.fail(path + ".value", "a number", nullptr);
        if (*value < 0 || (is_rate && *value > 1))
            r.fail(path + ".value", is_rate ? "a fraction between 0 and 1 (1.2 % is 0.012)" : "hours >= 0",
                   &given->at("value"));
        direct.value = *value;
        direct.numerator = r.number(*given, "numerator", path);
        direct.denominator = r.number(*given, "denominator", path);
        if (direct.denominator && *direct.denominator < 0)
            r.fail(path + ".denominator", "a count >= 0", &given->at("denominator"));
        if (direct.numerator && *direct.numerator < 0)
            r.fail(path + ".numerator", "a count >= 0", &given->at("numerator"));
        if (is_rate && direct.numerator && direct.denominator && *direct.numerator > *direct.denominator)
            r.fail(path + ".numerator", "at most the denominator (" + count_text(*direct.denominator) + ")",
                   &given->at("numerator"));
        out[m] = direct;
    }
    return out;
}


Shop shop_from_json(std::string_view text, const std::string& file_name) {
    const json root = json_read::parse(text, file_name);
    Reader r(file_name);
    if (!root.is_object()) r.fail("(top level)", "a JSON object", &root);
    // Accept either a bare shop object or a dataset-like {"shop": {...}}.
    const json* shop = r.object(root, "shop", "");
    return read_shop(r, shop ? *shop : root, shop ? "shop" : "");
}

Dataset dataset_from_json(std::string_view text, const std::string& file_name) {
    const json root = json_read::parse(text, file_name);
    Reader r(file_name);
    if (!root.is_object()) r.fail("(top level)", "a JSON object (a ShopScore dataset)", &root);
    if (auto schema = r.string(root, "schema", ""); schema && *schema != "shopscore.dataset/1")
        r.fail("schema", "\"shopscore.dataset/1\"", &root.at("schema"));

    Dataset d;
    if (const json* shop = r.object(root, "shop", "")) d.shop = read_shop(r, *shop, "shop");
    const int32_t tz = d.shop.utc_offset_seconds;
    std::vector<std::string> conflicts;
    for_each_record(r, root, "orders", [&](const json& o, const std::string& path) { read_order(r, o, path, d, conflicts); });
    if (!conflicts.empty()) {
        Warning w{"conflicting_order_rows",
                  file_name + ": orders whose records disagree; combined by the rules in docs/exports.md",
                  {}, static_cast<int64_t>(conflicts.size())};
        for (size_t i = 0; i < conflicts.size() && i < 5; ++i) w.examples.push_back(conflicts[i]);
        w.params = {{"file", file_name}};
        d.warnings.push_back(std::move(w));
    }
    for_each_record(r, root, "reviews",
                    [&](const json& v, const std::string& path) { d.reviews.push_back(read_review(r, v, path, tz)); });
    for_each_record(r, root, "after_sales", [&](const json& a, const std::string& path) {
        d.after_sales.push_back(read_after_sale(r, a, path, tz));
    });
    for_each_record(r, root, "chats",
                    [&](const json& c, const std::string& path) { d.chats.push_back(read_chat(r, c, path, tz)); });
    if (const json* metrics = r.object(root, "metrics", "")) d.direct_metrics = read_direct_metrics(r, *metrics, "metrics", &d.warnings);
    // A key that is there (even `[]`) gives its input; an absent key leaves it missing. The JSON
    // has no separate diagnostics list: after_sales gives the requests AHT is computed from.
    auto has = [&](const char* key) { return root.contains(key) && !root.at(key).is_null(); };
    d.given = {has("orders"), has("after_sales"), has("reviews"), has("chats"), false};
    d.index_run();
    return d;
}

}  // namespace shopscore
