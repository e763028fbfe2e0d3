//===- SourceLinks.h - Evidence locations as links (--source-url) -*- C++ -*-===//
#ifndef PDFLOW_REGISTER_SOURCELINKS_H
#define PDFLOW_REGISTER_SOURCELINKS_H

#include "pdflow/support/SourceLoc.h"

#include <optional>
#include <string>

namespace pdflow {

/// Expands a --source-url template such as
/// "https://host/org/repo/blob/{rev}/{path}#L{line}" for a location.
class SourceLinker {
public:
  /// Root: the repository's top directory, which {path} is relative to;
  /// BaseDir: the directory relative location paths start from (pdflow
  /// prints paths relative to the current directory). Both absolute.
  SourceLinker(std::string Template, std::string Rev, std::string Root, std::string BaseDir)
      : Template(std::move(Template)), Rev(std::move(Rev)), Root(std::move(Root)),
        BaseDir(std::move(BaseDir)) {}

  /// The link, or "" for a location outside Root (a system header).
  /// {path} is percent-encoded.
  std::string url(const SourceLoc &Loc) const;

  static bool usesRev(const std::string &Template);

private:
  std::string Template;
  std::string Rev;
  std::string Root;
  std::string BaseDir;
};

/// The git work tree holding a directory.
struct GitWorkTree {
  std::string Head; // `git rev-parse HEAD`
  std::string Top;  // `git rev-parse --show-toplevel`
};

/// Runs `git rev-parse` in Dir (no shell). Nullopt when git is missing or
/// Dir is not in a work tree; Error then says why.
std::optional<GitWorkTree> findGitWorkTree(const std::string &Dir, std::string &Error);

} // namespace pdflow

#endif
