#ifndef PDFLOW_VCS_CHANGEDLINES_H
#define PDFLOW_VCS_CHANGEDLINES_H

// The lines a change touches, for `pdflow scan --new-since REV`: a finding
// is new when its flow touches one of them (its location, a step, the
// element's declaration or a config line it names).

#include "pdflow/support/Diagnostics.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <set>
#include <string>

namespace pdflow {

class ChangedLines {
public:
  /// Lines First..First+Count-1 of File (an absolute path) changed.
  void addLines(const std::string &File, unsigned First, unsigned Count);
  /// Every line of File changed (a file git does not track yet).
  void addFile(const std::string &File);

  /// True when Loc is on a changed line, or in a wholly changed file. Paths
  /// are compared after resolving symbolic links, so a compile database
  /// that names the sources through a link still matches.
  bool contains(const SourceLoc &Loc) const;
  /// True when D's location or any of its notes' locations is changed.
  bool touches(const Diagnostic &D) const;

private:
  std::map<std::string, std::set<unsigned>> Lines; // by real path
  std::set<std::string> Files;                     // by real path
  mutable std::map<std::string, std::string> RealPaths;

  const std::string &realPath(const std::string &File) const;
};

/// Reads the output of `git diff -U0 --src-prefix=a/ --dst-prefix=b/`: the
/// new side of each hunk, by file, joined to Root (the work tree's top
/// directory). A hunk that only deletes marks the lines on either side of
/// the gap, since removing a line (a transform call, a consent check) can
/// make a finding there. Deleted files add nothing.
ChangedLines parseUnifiedDiff(llvm::StringRef Diff, const std::string &Root);

} // namespace pdflow

#endif
