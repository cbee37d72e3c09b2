// Canonical dataset JSON (SPEC §6) -> Dataset. Unknown fields are ignored; a wrong type or an
// unparseable date is an InputError naming the record and field.
#include <string>

#include "dataset_json_internal.h"
#include "json_read.h"
#include "shopscore/json_io.h"

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
    return s;
}

namespace {

void read_order(const Reader& r, const json& o, const std::string& path, Dataset& d) {
    const int32_t tz = d.shop.utc_offset_seconds;
    Order& order = d.upsert_order(required_string(r, o, "id", path));
    // Several rows of one order (one per SKU) each fill in what they know.
    auto set_time = [&](Seconds& field, const char* key) {
        Seconds t = r.timestamp(o, key, path, tz);
        if (t != kNoTime) field = t;
    };
    set_time(order.created, "created");
    set_time(order.delivered, "delivered");
    set_time(order.cancelled, "cancelled");
    if (order.created == kNoTime) r.fail(Reader::join(path, "created"), kTimestampExpectation, nullptr);
    if (auto by = r.day(o, "deliver_by", path, tz)) order.deliver_by = *by;
    if (auto h = r.integer(o, "handling_days", path)) {
        if (*h < 0 || *h > 365) r.fail(Reader::join(path, "handling_days"), "a number of days 0-365", &o.at("handling_days"));
        order.handling_days = static_cast<int>(*h);
    }
    static const std::pair<const char*, CancelBy> kCancelBy[] = {
        {"buyer", CancelBy::buyer}, {"seller", CancelBy::seller}, {"system", CancelBy::system}};
    order.cancel_by = read_choice(r, o, "cancel_by", path, kCancelBy, order.cancel_by);
    if (auto reason = r.string(o, "cancel_reason", path)) order.cancel_reason = *reason;
    static const std::pair<const char*, Fulfillment> kFulfillment[] = {{"seller", Fulfillment::seller},
                                                                       {"fbt", Fulfillment::fbt}};
    order.fulfillment = read_choice(r, o, "fulfillment", path, kFulfillment, order.fulfillment);
    static const std::pair<const char*, OrderType> kType[] = {{"regular", OrderType::regular},
                                                              {"made_to_order", OrderType::made_to_order},
                                                              {"pre_order", OrderType::pre_order}};
    order.type = read_choice(r, o, "type", path, kType, order.type);
    if (auto category = r.string(o, "category", path)) order.category = *category;
    if (auto product = r.string(o, "product", path)) order.product = *product;
    if (auto carrier = r.string(o, "carrier", path)) order.carrier = *carrier;
    if (auto warehouse = r.string(o, "warehouse", path)) order.warehouse = *warehouse;
    order.flags |= read_flags(r, o, path, false);
}

Review read_review(const Reader& r, const json& v, const std::string& path, int32_t tz) {
    Review review;
    review.order_id = required_string(r, v, "order_id", path);
    review.sku = r.string(v, "sku", path).value_or("");
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

void read_direct_metrics(const Reader& r, const json& metrics, Dataset& d) {
    for (size_t m = 0; m < kMetricCount; ++m) {
        const std::string path = std::string("metrics.") + kMetricNames[m];
        const json* given = r.object(metrics, kMetricNames[m], "metrics");
        if (!given) continue;
        DirectMetric direct;
        auto value = r.number(*given, "value", path);
        if (!value) r.fail(path + ".value", "a number", nullptr);
        const bool is_rate = m != kAht;
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
            r.fail(path + ".numerator", "at most the denominator (" + std::to_string(static_cast<int64_t>(*direct.denominator)) + ")",
                   &given->at("numerator"));
        d.direct_metrics[m] = direct;
    }
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
    for_each_record(r, root, "orders", [&](const json& o, const std::string& path) { read_order(r, o, path, d); });
    for_each_record(r, root, "reviews",
                    [&](const json& v, const std::string& path) { d.reviews.push_back(read_review(r, v, path, tz)); });
    for_each_record(r, root, "after_sales", [&](const json& a, const std::string& path) {
        d.after_sales.push_back(read_after_sale(r, a, path, tz));
    });
    for_each_record(r, root, "chats",
                    [&](const json& c, const std::string& path) { d.chats.push_back(read_chat(r, c, path, tz)); });
    if (const json* metrics = r.object(root, "metrics", "")) read_direct_metrics(r, *metrics, d);
    return d;
}

}  // namespace shopscore
