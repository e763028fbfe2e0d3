//===- Document.h - The register as headings, tables and text ----*- C++ -*-===//
//
// What the Markdown and HTML registers say, decided once: the writers only
// choose the markup. Every string in a document is plain text; the writers
// escape it.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_REGISTER_DOCUMENT_H
#define PDFLOW_LIB_REGISTER_DOCUMENT_H

#include "Labels.h"

#include <string>
#include <vector>

namespace pdflow::doc {

enum class Style {
  Text,
  Code,    // a code location or identifier
  Strong,  // a field name in a key-value table
  Source,  // a provenance badge: "declared", "derived from code"
  Alert,   // a flagged value: special data, a transfer with no safeguard
  Missing, // a required value the config leaves empty
};

struct Span {
  std::string Text;
  Style S = Style::Text;
  std::string Url; // a link, for code locations with --source-url
};

using Cell = std::vector<Span>;

struct Table {
  std::vector<std::string> Header; // empty: a key-value table without header
  std::vector<std::vector<Cell>> Rows;
};

struct Block {
  enum class Kind {
    Heading,      // Level 1-3, Anchor
    Paragraph,    // Content
    Note,         // Content, set apart (the caveat, explanations)
    Table,        // T
    List,         // Items
    DataMap,      // the data map (HTML draws it; Markdown points to it)
    BeginSection, // Anchor, Class: an activity, printed on its own page
    EndSection,
  };
  Kind K = Kind::Paragraph;
  int Level = 2;
  std::string Anchor;
  std::string Class;
  Cell Content;
  Table T;
  std::vector<Cell> Items;
};

struct Document {
  std::string Title;
  std::string Lang; // "en", "fr"
  std::vector<Block> Blocks;
};

Document registerDocument(const Register &R, const Taxonomy &Tax, const Labels &L,
                          const std::optional<SourceLinker> &Links);

} // namespace pdflow::doc

#endif
