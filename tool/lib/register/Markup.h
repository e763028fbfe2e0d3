//===- Markup.h - Escaping for HTML, SVG and Markdown ------------*- C++ -*-===//
#ifndef PDFLOW_LIB_REGISTER_MARKUP_H
#define PDFLOW_LIB_REGISTER_MARKUP_H

#include <string>

namespace pdflow::markup {

/// Text for HTML or XML content and attribute values: & < > " ' escaped,
/// control characters dropped (XML 1.0 forbids them), invalid UTF-8
/// repaired. Every string from code or config goes through this.
std::string escapeXml(const std::string &S);

/// Text for a Markdown table cell: characters that would start markup
/// (\ ` * _ [ ] < > | # ~ and a leading + - =) are backslash-escaped,
/// newlines become spaces.
std::string escapeMarkdown(const std::string &S);

/// S cut to at most Max characters (UTF-8 aware), with "…" when cut.
std::string truncate(const std::string &S, size_t Max);

} // namespace pdflow::markup

#endif
