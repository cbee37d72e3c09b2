#include "ingest/xml_scanner.h"

#include <cstdint>

#include "ingest/cell_error.h"
#include "ingest/utf8.h"

namespace shopscore::ingest {
namespace {

constexpr size_t kMaxPending = 16 << 20;  // one tag or text run; a cell never comes near this

std::string_view local_name(std::string_view name) {
    const size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

[[noreturn]] void malformed(const std::string& what) {
    throw CellError{1, -1, {}, "expected well-formed XLSX sheet XML, " + what, "bad_xlsx", "well-formed XLSX sheet XML", what};
}

}  // namespace

bool xml_unescape(std::string_view in, std::string& out) {
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '&') {
            out += in[i];
            continue;
        }
        const size_t semi = in.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) return false;
        const std::string_view ref = in.substr(i + 1, semi - i - 1);
        if (ref == "amp") out += '&';
        else if (ref == "lt") out += '<';
        else if (ref == "gt") out += '>';
        else if (ref == "quot") out += '"';
        else if (ref == "apos") out += '\'';
        else if (ref.size() >= 2 && ref[0] == '#') {
            uint32_t cp = 0;
            const bool hex = ref[1] == 'x' || ref[1] == 'X';
            const std::string_view digits = ref.substr(hex ? 2 : 1);
            if (digits.empty()) return false;
            for (char c : digits) {
                int v;
                if (c >= '0' && c <= '9') v = c - '0';
                else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') v = (c | 0x20) - 'a' + 10;
                else return false;
                cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
                if (cp > 0x10FFFF) return false;
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            put_utf8(cp, out);
        } else {
            return false;
        }
        i = semi;
    }
    return true;
}

const std::string* xml_attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
    for (const auto& a : attributes)
        if (a.name == name) return &a.value;
    return nullptr;
}

void XmlScanner::feed(std::string_view data) {
    buffer_.append(data);
    while (step(false)) {
    }
    buffer_.erase(0, pos_);
    scan_from_ = scan_from_ > pos_ ? scan_from_ - pos_ : 0;
    pos_ = 0;
    if (buffer_.size() > kMaxPending) malformed("got a tag or text longer than 16 MiB");
}

void XmlScanner::finish() {
    while (step(true)) {
    }
    // Only whitespace may remain after the last tag.
    for (size_t i = pos_; i < buffer_.size(); ++i)
        if (!is_space(buffer_[i])) malformed("got an unfinished tag at the end");
    buffer_.clear();
    pos_ = 0;
}

// Handles one tag or text run from pos_; false when more input is needed (or none is left).
bool XmlScanner::step(bool final) {
    if (pos_ >= buffer_.size()) return false;
    const std::string_view b(buffer_);
    // An unfinished piece is searched on from where the last feed stopped (scan_from_), not from
    // its start again: with tiny chunks that would be quadratic.
    const size_t resume = scan_from_ > pos_ ? scan_from_ : pos_;
    if (b[pos_] != '<') {
        size_t lt = b.find('<', resume);
        scanned_ += (lt == std::string_view::npos ? b.size() : lt) - resume;
        if (lt == std::string_view::npos) {
            scan_from_ = b.size();
            if (!final) return false;  // the text run may continue; keep it (entities stay whole)
            lt = b.size();
        }
        std::string decoded;
        if (!xml_unescape(b.substr(pos_, lt - pos_), decoded)) malformed("got a bad &reference;");
        handler_.text(decoded);
        pos_ = lt;
        return pos_ < b.size();
    }
    auto need = [&](std::string_view terminator, size_t from) -> size_t {
        // A terminator may straddle the old end: back up by its length less one.
        if (resume >= from + terminator.size()) from = resume - (terminator.size() - 1);
        const size_t at = b.find(terminator, from);
        scanned_ += (at == std::string_view::npos ? b.size() : at) - from;
        if (at == std::string_view::npos) {
            if (final) malformed("got an unfinished tag at the end");
            scan_from_ = b.size();
        }
        return at;
    };
    if (b.compare(pos_, 4, "<!--") == 0) {
        const size_t end = need("-->", pos_ + 4);
        if (end == std::string_view::npos) return false;
        pos_ = end + 3;
        return true;
    }
    if (b.compare(pos_, 9, "<![CDATA[") == 0) {
        const size_t end = need("]]>", pos_ + 9);
        if (end == std::string_view::npos) return false;
        handler_.text(b.substr(pos_ + 9, end - pos_ - 9));
        pos_ = end + 3;
        return true;
    }
    if (!final && b.size() - pos_ < 9 && b.compare(pos_, 2, "<!") == 0) return false;  // comment or CDATA?
    if (b.compare(pos_, 2, "<?") == 0) {
        const size_t end = need("?>", pos_ + 2);
        if (end == std::string_view::npos) return false;
        pos_ = end + 2;
        return true;
    }
    // A tag: find the closing '>' outside quoted attribute values.
    char quote = resume > pos_ + 1 ? scan_quote_ : 0;
    size_t i = resume > pos_ + 1 ? resume : pos_ + 1;
    scanned_ += b.size() - i;  // at most: the loop may stop earlier
    for (; i < b.size(); ++i) {
        const char c = b[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            break;
        }
    }
    if (i >= b.size()) {
        if (final) malformed("got an unfinished tag at the end");
        scan_from_ = b.size();
        scan_quote_ = quote;
        return false;
    }
    scan_quote_ = 0;
    tag(b.substr(pos_ + 1, i - pos_ - 1));
    pos_ = i + 1;
    return true;
}

void XmlScanner::tag(std::string_view body) {
    if (body.empty()) malformed("got an empty tag <>");
    if (body[0] == '!') return;  // <!DOCTYPE ...>
    if (body[0] == '/') {
        std::string_view name = body.substr(1);
        while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
        handler_.end_element(local_name(name));
        return;
    }
    bool self_closing = false;
    if (body.back() == '/') {
        self_closing = true;
        body.remove_suffix(1);
    }
    size_t i = 0;
    while (i < body.size() && !is_space(body[i])) ++i;
    const std::string_view name = local_name(body.substr(0, i));
    attributes_.clear();
    while (i < body.size()) {
        while (i < body.size() && is_space(body[i])) ++i;
        if (i >= body.size()) break;
        const size_t name_start = i;
        while (i < body.size() && body[i] != '=' && !is_space(body[i])) ++i;
        const std::string_view attr_name = body.substr(name_start, i - name_start);
        while (i < body.size() && is_space(body[i])) ++i;
        if (i >= body.size() || body[i] != '=') malformed("got an attribute without a value");
        ++i;
        while (i < body.size() && is_space(body[i])) ++i;
        if (i >= body.size() || (body[i] != '"' && body[i] != '\'')) malformed("got an unquoted attribute value");
        const char q = body[i++];
        const size_t value_start = i;
        while (i < body.size() && body[i] != q) ++i;
        if (i >= body.size()) malformed("got an unterminated attribute value");
        XmlAttribute attribute;
        attribute.name = std::string(local_name(attr_name));
        if (!xml_unescape(body.substr(value_start, i - value_start), attribute.value)) malformed("got a bad &reference;");
        attributes_.push_back(std::move(attribute));
        ++i;
    }
    handler_.start_element(name, attributes_);
    if (self_closing) handler_.end_element(name);
}

}  // namespace shopscore::ingest
