// A small streaming XML scanner for the parts of an XLSX file (sheet XML, shared strings,
// workbook and relationships). Push-based: text arrives in pieces split anywhere, and the scanner
// keeps only the unfinished tag or text run in memory.
//
// It reports start tags (with attributes), end tags and character data with entities decoded.
// Namespace prefixes are dropped from names ("x:row" -> "row"); comments, processing
// instructions and DOCTYPE are skipped; CDATA is character data. It is not a validating parser:
// XLSX parts are machine-written, and anything it cannot read is an error, not a guess.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shopscore::ingest {

struct XmlAttribute {
    std::string name;
    std::string value;
};

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) = 0;
    virtual void end_element(std::string_view name) = 0;
    virtual void text(std::string_view text) = 0;  // may come in several pieces
};

class XmlScanner {
public:
    explicit XmlScanner(XmlHandler& handler) : handler_(handler) {}
    void feed(std::string_view data);  // throws CellError (row 1) on malformed XML
    void finish();
    // Bytes looked at while searching for the ends of tags and text runs (a test checks it stays
    // linear in the input, whatever the chunking).
    size_t bytes_scanned() const { return scanned_; }

private:
    bool step(bool final);
    void tag(std::string_view body);

    XmlHandler& handler_;
    std::string buffer_;
    size_t pos_ = 0;
    size_t scan_from_ = 0;  // the unfinished piece at pos_ was searched up to here
    char scan_quote_ = 0;   // ... and that far into a tag, inside this attribute quote
    size_t scanned_ = 0;
    std::vector<XmlAttribute> attributes_;
};

// Decodes &amp; &lt; &gt; &quot; &apos; &#NN; &#xNN; into UTF-8. False on a malformed reference.
bool xml_unescape(std::string_view in, std::string& out);

// Attribute lookup by (prefix-less) name; nullptr when absent.
const std::string* xml_attribute(const std::vector<XmlAttribute>& attributes, std::string_view name);

}  // namespace shopscore::ingest
