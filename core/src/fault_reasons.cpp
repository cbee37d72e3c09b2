#include <algorithm>
#include <string>

#include "scoring_internal.h"

namespace shopscore {
namespace {

// Lower-cases ASCII and folds the typographic apostrophe, so "Doesn’t match" finds "doesn't match".
std::string normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019
            out += '\'';
            i += 2;
        } else {
            char c = text[i];
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return out;
}

bool mentions_any(const std::string& text, const std::vector<std::string>& keywords) {
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](const std::string& k) { return !k.empty() && text.find(normalise(k)) != std::string::npos; });
}

}  // namespace

Fault classify_return_reason(const FaultReasons& reasons, std::string_view reason) {
    const std::string text = normalise(reason);
    if (mentions_any(text, reasons.seller_fault)) return Fault::seller;
    if (mentions_any(text, reasons.buyer_fault)) return Fault::buyer;
    return Fault::unmapped;
}

Fault classify_cancellation(const FaultReasons& reasons, CancelBy by, std::string_view reason) {
    const std::string text = normalise(reason);
    switch (by) {
        case CancelBy::seller: return Fault::seller;
        case CancelBy::buyer: return Fault::buyer;
        case CancelBy::system: return mentions_any(text, reasons.system_late_cancel) ? Fault::seller : Fault::buyer;
        case CancelBy::unknown: break;
    }
    if (mentions_any(text, reasons.seller_cancel)) return Fault::seller;
    return text.empty() || mentions_any(text, reasons.buyer_fault) ? Fault::buyer : Fault::unmapped;
}

}  // namespace shopscore
