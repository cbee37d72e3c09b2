// Fault mapping of reason texts (docs/rules.md §8, §9). The profile's lists hold *rules* (docs/scoring.md
// "Fault mapping"): a rule matches a reason when each of its space-separated words appears in the
// reason's normalised tokens, in any order; `a|b` takes either word; `word*` takes any word
// starting with `word`; `a + b` asks for b shortly after a in the same clause (negation: "not +
// arriv*" finds "did not arrive" but not "not needed, received"). Chinese text is cut into single
// characters, so a Chinese word is matched as a run of characters anywhere in the reason.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "scoring_internal.h"

namespace shopscore {
namespace {

// Reason texts are short; a long free text is judged by its beginning, which bounds the work per
// distinct text (rules x alternatives x tokens).
constexpr size_t kMaxTokens = 200;

// How many tokens may stand between the words of an `a + b` phrase ("has not yet been delivered").
constexpr int kPhraseGap = 3;

struct Token {
    std::string text;
    int clause = 0;  // a phrase never spans a clause boundary (punctuation, "but", 但)
};

// Decodes one UTF-8 code point at text[i]; returns its length (1 for a stray byte).
size_t decode(std::string_view text, size_t i, char32_t& cp) {
    const auto b = static_cast<unsigned char>(text[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + len > text.size()) len = 1;
    cp = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return len;
}

bool is_cjk(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x3040 && cp <= 0x30FF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0xB4; }
bool ends_clause(char32_t cp) {
    return cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == '(' || cp == ')' ||
           cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 ||
           cp == 0xFF1F || cp == 0xFF08 || cp == 0xFF09;
}

// Plural to singular, applied to both reasons and rules so "parts" meets "part", "accessories"
// meets "accessory"; short words ("was", "has") and -ss/-us/-is words are left alone.
void singular(std::string& w) {
    const size_t n = w.size();
    if (n < 4 || w.back() != 's') return;
    if (n > 4 && w.compare(n - 3, 3, "ies") == 0) {
        w.replace(n - 3, 3, "y");
        return;
    }
    const char before = w[n - 2];
    if (before == 's' || before == 'u' || before == 'i') return;
    w.pop_back();
}

// Lower-case words (apostrophes dropped: "didn't", "didn’t" and "didnt" are one word) and single
// Chinese characters; fullwidth ASCII folded to ASCII; everything else separates words.
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    std::string word;
    int clause = 0;
    auto flush = [&] {
        if (word.empty()) return;
        singular(word);
        if (word == "but" || word == "however") {
            ++clause;
        } else {
            out.push_back({word, clause});
        }
        word.clear();
    };
    for (size_t i = 0; i < text.size() && out.size() < kMaxTokens;) {
        char32_t cp;
        const size_t len = decode(text, i, cp);
        if (cp >= 0xFF01 && cp <= 0xFF5E && !ends_clause(cp)) cp -= 0xFEE0;  // fullwidth ASCII
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            word += static_cast<char>(cp);
        } else if (is_apostrophe(cp)) {
            // inside a word only: "didn't" -> "didnt"; a quote mark around a word separates nothing
        } else if (is_cjk(cp)) {
            flush();
            if (cp == 0x4F46) {  // 但 ("but") ends a clause
                ++clause;
            } else {
                out.push_back({std::string(text.substr(i, len)), clause});
            }
        } else if ((cp >= 0xC0 && cp <= 0x2AF && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x1FFF)) {
            word.append(text.substr(i, len));  // other letters (é, ñ, Greek, Cyrillic, Thai, ...) stay in the word
        } else {
            flush();
            if (ends_clause(cp)) ++clause;
        }
        i += len;
    }
    flush();
    return out;
}

// One alternative of a rule word: a run of tokens (one English word, or Chinese characters),
// the last of which may be a prefix.
struct Alternative {
    std::vector<std::string> tokens;
    bool prefix = false;
};
using Word = std::vector<Alternative>;  // any alternative matches
using Phrase = std::vector<Word>;       // words in order, each within kPhraseGap of the last
using Rule = std::vector<Phrase>;       // every phrase, anywhere

Word parse_word(std::string_view text) {
    Word word;
    size_t start = 0;
    while (start <= text.size()) {
        size_t bar = text.find('|', start);
        if (bar == std::string_view::npos) bar = text.size();
        std::string_view alt = text.substr(start, bar - start);
        Alternative a;
        if (!alt.empty() && alt.back() == '*') {
            a.prefix = true;
            alt.remove_suffix(1);
        }
        for (Token& t : tokenize(alt)) a.tokens.push_back(std::move(t.text));
        // A prefix is matched as written ("damag*"), not singularised.
        if (a.prefix && !a.tokens.empty()) {
            std::string raw;
            for (char c : alt) raw += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            if (a.tokens.size() == 1 && raw.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos)
                a.tokens.back() = raw;
        }
        if (!a.tokens.empty()) word.push_back(std::move(a));
        start = bar + 1;
    }
    return word;
}

Rule parse_rule(std::string_view text) {
    Rule rule;
    Phrase phrase;
    bool join_next = false;
    auto close = [&] {
        if (!phrase.empty()) rule.push_back(std::move(phrase));
        phrase.clear();
    };
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\t') {
            ++i;
            continue;
        }
        if (text[i] == '+') {
            join_next = true;
            ++i;
            continue;
        }
        size_t end = text.find_first_of(" \t+", i);
        if (end == std::string_view::npos) end = text.size();
        Word word = parse_word(text.substr(i, end - i));
        i = end;
        if (word.empty()) continue;
        if (!join_next) close();
        phrase.push_back(std::move(word));
        join_next = false;
    }
    close();
    return rule;
}

// Where `alt` matches starting at token `at`: the index of its last token, or -1.
int match_at(const std::vector<Token>& tokens, size_t at, const Alternative& alt) {
    if (at + alt.tokens.size() > tokens.size()) return -1;
    for (size_t k = 0; k < alt.tokens.size(); ++k) {
        const Token& t = tokens[at + k];
        if (k > 0 && t.clause != tokens[at].clause) return -1;
        const std::string& want = alt.tokens[k];
        const bool last = k + 1 == alt.tokens.size();
        if (last && alt.prefix ? t.text.compare(0, want.size(), want) != 0 : t.text != want) return -1;
    }
    return static_cast<int>(at + alt.tokens.size() - 1);
}

bool phrase_from(const std::vector<Token>& tokens, const Phrase& phrase, size_t word, size_t from, size_t to,
                 int clause) {
    if (word == phrase.size()) return true;
    for (size_t at = from; at < to && at < tokens.size(); ++at) {
        if (clause >= 0 && tokens[at].clause != clause) continue;
        for (const Alternative& alt : phrase[word]) {
            const int last = match_at(tokens, at, alt);
            if (last < 0) continue;
            const size_t next = static_cast<size_t>(last) + 1;
            if (phrase_from(tokens, phrase, word + 1, next, next + kPhraseGap + 1, tokens[at].clause)) return true;
        }
    }
    return false;
}

bool rule_matches(const std::vector<Token>& tokens, const Rule& rule) {
    if (rule.empty()) return false;
    return std::all_of(rule.begin(), rule.end(), [&](const Phrase& p) {
        return phrase_from(tokens, p, 0, 0, tokens.size(), -1);
    });
}

std::vector<Rule> parse_rules(const std::vector<std::string>& lines) {
    std::vector<Rule> out;
    for (const std::string& line : lines) {
        Rule r = parse_rule(line);
        if (!r.empty()) out.push_back(std::move(r));
    }
    return out;
}

bool any_rule(const std::vector<Token>& tokens, const std::vector<Rule>& rules) {
    return std::any_of(rules.begin(), rules.end(), [&](const Rule& r) { return rule_matches(tokens, r); });
}

}  // namespace

struct FaultClassifier::Rules {
    std::vector<Rule> seller_fault, buyer_fault, carrier_fault, late_shipment_cancel, seller_cancel, buyer_cancel,
        system_fault_cancel;
};

FaultClassifier::FaultClassifier(const FaultReasons& reasons) {
    auto rules = std::make_shared<Rules>();
    rules->seller_fault = parse_rules(reasons.seller_fault);
    rules->buyer_fault = parse_rules(reasons.buyer_fault);
    rules->carrier_fault = parse_rules(reasons.carrier_fault);
    rules->late_shipment_cancel = parse_rules(reasons.late_shipment_cancel);
    rules->seller_cancel = parse_rules(reasons.seller_cancel);
    rules->buyer_cancel = parse_rules(reasons.buyer_cancel);
    rules->system_fault_cancel = parse_rules(reasons.system_late_cancel);
    rules_ = std::move(rules);
}

Fault FaultClassifier::return_reason(std::string_view reason) const {
    const std::vector<Token> tokens = tokenize(reason);
    if (any_rule(tokens, rules_->seller_fault)) return Fault::seller;
    if (any_rule(tokens, rules_->buyer_fault)) return Fault::buyer;
    return Fault::unmapped;
}

bool FaultClassifier::carrier_return(std::string_view reason) const {
    return any_rule(tokenize(reason), rules_->carrier_fault);
}

Fault FaultClassifier::cancellation(CancelBy by, std::string_view reason) const {
    const std::vector<Token> tokens = tokenize(reason);
    // docs/rules.md §9: the reason decides first; late shipment is the seller's fault whoever cancelled.
    if (any_rule(tokens, rules_->late_shipment_cancel)) return Fault::seller;
    switch (by) {
        case CancelBy::seller:  // on the buyer's request or for non-payment: not the seller's fault
            return any_rule(tokens, rules_->buyer_cancel) ? Fault::buyer : Fault::seller;
        case CancelBy::buyer: return Fault::buyer;
        case CancelBy::system: return any_rule(tokens, rules_->system_fault_cancel) ? Fault::seller : Fault::buyer;
        case CancelBy::unknown: break;
    }
    if (any_rule(tokens, rules_->seller_cancel) || any_rule(tokens, rules_->system_fault_cancel)) return Fault::seller;
    if (tokens.empty() || any_rule(tokens, rules_->buyer_cancel) || any_rule(tokens, rules_->buyer_fault))
        return Fault::buyer;
    return Fault::unmapped;
}

Fault classify_return_reason(const FaultReasons& reasons, std::string_view reason) {
    return FaultClassifier(reasons).return_reason(reason);
}

Fault classify_cancellation(const FaultReasons& reasons, CancelBy by, std::string_view reason) {
    return FaultClassifier(reasons).cancellation(by, reason);
}

}  // namespace shopscore
