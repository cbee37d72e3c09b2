#include "labels.h"

namespace shopscore::cli {
namespace {

constexpr Labels kEnglish = {
    "ShopScore report",
    "As of {date} · profile {profile}",
    "Shop Performance Score",
    "(unrounded {value})",
    "(no score: no dimension has data)",
    "Scored: {n} delivered orders in the last 90 days.",
    "Provisional: {need} more delivered orders needed for an official score ({n} of {gate} in 90 days).",
    "New-shop protection applies.",
    "Settlement: {days} after delivery (standard 8 days; 5 days from SPS 3.5; 1 day from SPS 4.0).",
    "No official score yet, so no benefit can be decided.",
    "Dimensions",
    "Metrics",
    "Dimension",
    "Metric",
    "Value",
    "Count",
    "Window",
    "Score",
    "Weight",
    "1 point",
    "4 points",
    "Notes",
    "{d} days",
    "1 day",
    "{h} h",
    "no data",
    "protected (raw {raw})",
    "Benefits (decided on the unrounded SPS {value})",
    "SPS {v}+",
    "reached",
    "not reached",
    "eligible",
    "not eligible",
    "cannot tell yet",
    "missing: {list}",
    "Benefits ladder",
    "What to fix first",
    "Key opportunity",
    "Needs attention",
    "+{gain} SPS if it scores 4",
    "Nothing stands out.",
    "To reach {target}: {metric} at most {limit} of {denominator} (now {current}).",
    "To reach {target}: {metric} at least {limit} on time of {denominator} (now {current}).",
    "To reach {target}: {metric} at most {value} (now {current}).",
    "{metric} alone cannot bring the score to {target}.",
    "Forecast with no new defects: {event}",
    "Forecast if the last 30 days' rates continue: {event}",
    "reaches {threshold} on {date}.",
    "falls below {threshold} on {date}.",
    "no threshold crossed in the next 60 days.",
    "Warnings",
    "None.",
    "e.g. {list}",
    ", ",
    {"Product satisfaction", "Fulfillment & logistics", "Customer service"},
    {"Negative review rate", "Non-buyer-fault return & refund rate", "On-time delivery rate",
     "Seller-fault cancellation rate", "IM dissatisfaction rate", "After-sales handling time"},
};

constexpr Labels kChinese = {
    "ShopScore 店铺体验分报告",
    "评估日期 {date} · 类目配置 {profile}",
    "店铺体验分",
    "(未四舍五入 {value})",
    "(暂无分数:没有任何维度有数据)",
    "已评分:近 90 天已送达订单 {n} 单。",
    "暂估:还需 {need} 单已送达订单才有正式分数(90 天内 {n}/{gate})。",
    "适用新店保护。",
    "结算期:送达后 {days}(标准 8 天;店铺体验分 3.5 分及以上 5 天;4.0 分及以上 1 天)。",
    "尚无正式分数,暂无法判断权益。",
    "维度",
    "指标",
    "维度",
    "指标",
    "数值",
    "数量",
    "考核期",
    "得分",
    "权重",
    "1分线",
    "4分线",
    "备注",
    "{d} 天",
    "1 天",
    "{h} 小时",
    "无数据",
    "受保护(原始 {raw})",
    "权益(按未四舍五入的分数 {value} 判断)",
    "{v} 分及以上",
    "已达到",
    "未达到",
    "符合",
    "不符合",
    "暂无法判断",
    "缺少:{list}",
    "权益阶梯",
    "优先改进",
    "重点机会",
    "需要关注",
    "该指标达到 4 分可使店铺体验分提高 {gain}",
    "暂无需要优先改进的指标。",
    "要达到 {target} 分:{metric}不超过 {limit}/{denominator}(目前 {current})。",
    "要达到 {target} 分:{metric}至少 {limit}/{denominator} 按时送达(目前 {current})。",
    "要达到 {target} 分:{metric}不超过 {value}(目前 {current})。",
    "仅靠{metric}无法达到 {target} 分。",
    "预测(无新增问题):{event}",
    "预测(保持近 30 天表现):{event}",
    "{date} 达到 {threshold} 分。",
    "{date} 跌破 {threshold} 分。",
    "未来 60 天内不跨越任何门槛。",
    "提示",
    "无。",
    "例如:{list}",
    "、",
    {"商品满意度", "履约和物流", "客户服务"},
    {"差评率", "非买家责任退货退款率", "按时送达率", "商责取消率", "咨询不满意度", "售后处理时长"},
};

struct Named {
    const char* id;
    const char* en;
    const char* zh;
};

// Chinese benefit names follow the guide (秒杀, 联盟营销, 大促活动, 加速/特快账期结算, 金星/银星级商家).
constexpr Named kBenefits[] = {
    {"flash_deals", "Flash deals", "秒杀"},
    {"tiktok_funded_promotions", "TikTok-funded promotions", "TikTok 出资的促销活动"},
    {"shop_ads_boost", "Shop ads boost", "店铺广告表现增强"},
    {"affiliate", "Affiliate", "联盟营销"},
    {"settlement_accelerated", "Accelerated settlement (5 days)", "加速账期结算(送达后 5 天)"},
    {"official_shop", "Official shop badge", "官方店铺标识"},
    {"mega_campaigns", "Mega campaigns", "大促活动"},
    {"settlement_express", "Express settlement (1 day)", "特快账期结算(送达后 1 天)"},
    {"gold_star", "Gold Star seller", "金星级商家"},
    {"silver_star", "Silver Star seller", "银星级商家"},
};

constexpr Named kInputs[] = {
    {"sps", "an official score (30 delivered orders)", "正式分数(30 单已送达订单)"},
    {"reputation_points", "reputation points", "信誉分"},
    {"positive_rating_rate", "positive rating rate", "好评率"},
    {"has_logo", "shop logo", "店铺 Logo"},
    {"products_for_sale", "products for sale", "在售商品数"},
    {"violations_30d", "violations in 30 days", "30 天违规次数"},
};

// Chinese for the core's warning codes (docs/errors.md lists them); {count} is the warning's count.
constexpr Named kWarnings[] = {
    {"unmapped_reasons", "", "有 {count} 条退货/退款原因不在责任映射中,按买家责任计算。"},
    {"unmapped_cancel_reasons", "", "有 {count} 条取消原因不在责任映射中,按非商家责任计算。"},
    {"missing_deliver_by", "", "有 {count} 笔定制或预售订单缺少最晚送达日期和备货天数,未计入按时送达率。"},
    {"unknown_review_orders", "", "有 {count} 条评价对应的订单不在数据中,已忽略。"},
    {"no_opened_date", "", "未提供开店日期,因此不适用新店保护。"},
    {"ambiguous_dates", "", "有 {count} 个日期既可按日在前也可按月在前读取,已按月在前(美国格式)读取。"},
    {"exclusion_unknown_order", "", "有 {count} 个排除订单号不在任何订单导出中。"},
    {"cancelled_without_time", "", "有 {count} 笔已取消订单没有取消时间,按创建时间计。"},
    {"metric_no_data", "", "{metric}没有数据:{input}文件可提供,或按卖家中心显示的数值直接输入(--metric {id}=...)。"},
    {"metric_missing", "", "{metric}缺少输入:未提供{input}文件,分数为一个区间;请提供该文件,或按卖家中心显示的数值直接输入(--metric {id}=...)。"},
    {"rate_read_as_fraction", "", "{metric}:“{text}”按小数读作 {percent}%(比率按卖家中心的百分数填写)。"},
};

// The files named by metric_no_data's `input` param.
constexpr Named kInputFiles[] = {
    {"reviews", "reviews", "评价"},       {"returns", "returns", "退货退款"}, {"orders", "orders", "订单"},
    {"chats", "chats", "客服会话"},       {"diagnostics", "after-sales diagnostics", "售后诊断"},
};

template <size_t N>
const Named* find(const Named (&table)[N], std::string_view id) {
    for (const Named& n : table)
        if (id == n.id) return &n;
    return nullptr;
}

}  // namespace

const Labels& labels(Lang lang) { return lang == Lang::zh ? kChinese : kEnglish; }

std::string benefit_name(Lang lang, std::string_view id) {
    const Named* n = find(kBenefits, id);
    return n ? (lang == Lang::zh ? n->zh : n->en) : std::string(id);
}

std::string input_name(Lang lang, std::string_view id) {
    const Named* n = find(kInputs, id);
    return n ? (lang == Lang::zh ? n->zh : n->en) : std::string(id);
}

std::string warning_text(Lang lang, const Warning& w) {
    if (lang == Lang::zh)
        if (const Named* n = find(kWarnings, w.code)) {
            auto param = [&](const char* key) {
                const auto it = w.params.find(key);
                return it == w.params.end() ? std::string() : it->second;
            };
            const std::string id = param("metric");
            std::string metric = id;
            for (size_t m = 0; m < kMetricCount; ++m)
                if (id == kMetricNames[m]) metric = kChinese.metric_names[m];
            const Named* file = find(kInputFiles, param("input"));
            return fill(n->zh, {{"count", std::to_string(w.count)}, {"metric", metric}, {"id", id},
                                {"input", file ? file->zh : param("input")}});
        }
    std::string out = w.message;
    if (w.count > 0) out += " (" + std::to_string(w.count) + ")";
    return out;
}

std::string fill(std::string_view text, std::initializer_list<std::pair<const char*, std::string>> values) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '{') {
            for (const auto& [name, value] : values) {
                const std::string key = std::string("{") + name + "}";
                if (text.substr(i, key.size()) == key) {
                    out += value;
                    i += key.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

}  // namespace shopscore::cli
