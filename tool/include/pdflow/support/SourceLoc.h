#ifndef PDFLOW_SUPPORT_SOURCELOC_H
#define PDFLOW_SUPPORT_SOURCELOC_H

#include <compare>
#include <string>

namespace pdflow {

/// A place in a file, 1-based like Clang's diagnostics. Line 0 means "the
/// whole file" (or no place at all when File is empty too).
struct SourceLoc {
  std::string File;
  unsigned Line = 0;
  unsigned Col = 0;

  bool valid() const { return !File.empty(); }
  /// "file:line:col", "file:line" or "file", as much as is known.
  std::string str() const;

  auto operator<=>(const SourceLoc &) const = default;
  bool operator==(const SourceLoc &) const = default;
};

} // namespace pdflow

#endif
