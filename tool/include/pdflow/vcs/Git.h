#ifndef PDFLOW_VCS_GIT_H
#define PDFLOW_VCS_GIT_H

// What pdflow asks of git: where the work tree is, and which lines changed
// since a revision. git runs as a subprocess (never through a shell), with
// external diff drivers, text conversions and fsmonitor hooks turned off so
// that nothing configured in the scanned repository runs.

#include "pdflow/vcs/ChangedLines.h"

#include <optional>
#include <string>

namespace pdflow {

/// The top directory of the work tree holding Dir: the nearest ancestor
/// (Dir included) with a ".git" entry, a directory or, for linked work trees
/// and submodules, a file. Empty when there is none. Does not run git.
std::string findWorkTreeRoot(const std::string &Dir);

/// The lines changed in the work tree holding Dir since Revision (a commit,
/// branch, tag or any revision git accepts, e.g. the pull request's merge
/// base; or a tree, such as the empty tree in a repository with no commit): those `git diff -U0
/// Revision` adds or modifies, committed or not, plus every line of the files git does not track
/// yet (untracked and not ignored). On failure (no git, not a work tree, unknown revision) returns
/// nothing and sets Error to a message naming the cause.
std::optional<ChangedLines> changedLinesSince(const std::string &Revision, const std::string &Dir,
                                              std::string &Error);

} // namespace pdflow

#endif
