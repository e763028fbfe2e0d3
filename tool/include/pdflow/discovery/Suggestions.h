#ifndef PDFLOW_DISCOVERY_SUGGESTIONS_H
#define PDFLOW_DISCOVERY_SUGGESTIONS_H

// `pdflow suggest`: the data elements a zero-annotation run infers, written
// as a side-annotation block to paste into .pdflow.yaml, as
// clang-apply-replacements fixes that insert the macros, or as text.

#include "pdflow/model/Model.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pdflow {

/// One proposed annotation.
struct Suggestion {
  std::string Symbol; // the side annotation's symbol: "shop::Customer::email", "net::login(password)"
  ElementKind Kind = ElementKind::Field;
  std::string Type;
  std::string Category;
  unsigned Confidence = 0;
  std::string Reason;
  SourceLoc Loc;
  SourceLoc InsertLoc; // invalid when the declaration is written by a macro
};

/// The inferred elements of M, by place.
std::vector<Suggestion> collectSuggestions(const Model &M);

/// "file:line:col: 'symbol' kind: category (confidence N: reason)" lines,
/// then a line per proposed sink (a function of the project passing a
/// parameter to a sink: SinkWrapper).
std::string renderSuggestionsText(const std::vector<Suggestion> &S,
                                  const std::vector<SinkWrapper> &Sinks);

/// A `data:` block of side annotations, one entry per suggestion, with the
/// reason and confidence as a comment; then a `sinks:` block, one entry per
/// proposed sink function and kind.
std::string renderSuggestionsYaml(const std::vector<Suggestion> &S,
                                  const std::vector<SinkWrapper> &Sinks);

/// Reads a source file's bytes; nullopt when it cannot.
using FileReader = std::function<std::optional<std::string>(const std::string &Path)>;

/// The fixes in the format `clang-tidy --export-fixes` writes and
/// clang-apply-replacements reads: PDFLOW_DATA(category) before each
/// declaration, and `#include <pdflow/annotations.h>` in every file edited
/// that lacks it. Paths are written as given; suggestions with no insertion
/// point are left out (they are in the text and YAML forms). Problems
/// (a file that cannot be read) are appended to Errors.
std::string renderSuggestionsFixes(const std::vector<Suggestion> &S, const FileReader &Read,
                                   std::vector<std::string> &Errors);

} // namespace pdflow

#endif
