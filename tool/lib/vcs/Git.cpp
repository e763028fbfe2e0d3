#include "pdflow/vcs/Git.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <vector>

namespace pdflow {

std::string findWorkTreeRoot(const std::string &Dir) {
  llvm::SmallString<256> Path(Dir);
  if (llvm::sys::fs::make_absolute(Path))
    return {};
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  for (llvm::StringRef P = Path; !P.empty(); P = llvm::sys::path::parent_path(P)) {
    llvm::SmallString<256> Git(P);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return P.str();
  }
  return {};
}

namespace {

struct GitResult {
  int Exit = -1;
  std::string Out;
  std::string Err; // git's stderr, or why git could not run
};

std::string readAndRemove(const llvm::SmallString<128> &Path) {
  llvm::FileRemover Remove(Path);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf = llvm::MemoryBuffer::getFile(Path);
  return Buf ? (*Buf)->getBuffer().str() : std::string();
}

/// Runs `git -C Dir Args...`, stdout and stderr captured in temporary files.
GitResult runGit(const std::string &Dir, const std::vector<std::string> &Args) {
  GitResult R;
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    R.Err = "git is not on PATH";
    return R;
  }
  llvm::SmallString<128> OutPath, ErrPath;
  if (llvm::sys::fs::createTemporaryFile("pdflow-git", "out", OutPath) ||
      llvm::sys::fs::createTemporaryFile("pdflow-git", "err", ErrPath)) {
    R.Err = "cannot create a temporary file for git's output";
    return R;
  }
  // Options that would make git run programs the repository configures.
  std::vector<std::string> All = {"git", "-C", Dir, "-c", "core.fsmonitor=false"};
  All.insert(All.end(), Args.begin(), Args.end());
  std::vector<llvm::StringRef> Refs(All.begin(), All.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), llvm::StringRef(OutPath),
                                                llvm::StringRef(ErrPath)};
  std::string ExecError;
  R.Exit = llvm::sys::ExecuteAndWait(*Git, Refs, std::nullopt, Redirects, 0, 0, &ExecError);
  R.Out = readAndRemove(OutPath);
  R.Err = llvm::StringRef(readAndRemove(ErrPath)).trim().str();
  if (R.Exit < 0)
    R.Err = "cannot run git: " + ExecError;
  return R;
}

std::string firstLine(llvm::StringRef Text) { return Text.trim().split('\n').first.str(); }

} // namespace

std::optional<ChangedLines> changedLinesSince(const std::string &Revision, const std::string &Dir,
                                              std::string &Error) {
  if (Revision.empty() || Revision[0] == '-') {
    Error = "'" + Revision + "' is not a revision";
    return std::nullopt;
  }
  GitResult Top = runGit(Dir, {"rev-parse", "--show-toplevel"});
  if (Top.Exit != 0) {
    Error = "'" + Dir + "' is not in a git work tree (" + firstLine(Top.Err) + ")";
    return std::nullopt;
  }
  std::string Root = firstLine(Top.Out);
  // Resolve first: an unknown revision gets its own message, and diff below
  // receives an object id, never a word it could take for an option. A
  // tree is accepted too (the empty tree, in a repository with no commit).
  GitResult Tree = runGit(Root, {"rev-parse", "--verify", "--quiet", Revision + "^{tree}"});
  if (Tree.Exit != 0) {
    Error = "unknown revision '" + Revision +
            "': git knows no commit by that name (in CI, fetch enough history, e.g. "
            "actions/checkout with fetch-depth: 0)";
    return std::nullopt;
  }
  GitResult Diff = runGit(Root, {"diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
                                 "--find-renames", "--no-relative", "--src-prefix=a/",
                                 "--dst-prefix=b/", firstLine(Tree.Out), "--"});
  if (Diff.Exit != 0) {
    Error = "git diff failed: " + firstLine(Diff.Err);
    return std::nullopt;
  }
  ChangedLines Changed = parseUnifiedDiff(Diff.Out, Root);
  GitResult Untracked = runGit(Root, {"ls-files", "--others", "--exclude-standard", "-z"});
  if (Untracked.Exit != 0) {
    Error = "git ls-files failed: " + firstLine(Untracked.Err);
    return std::nullopt;
  }
  llvm::SmallVector<llvm::StringRef, 16> Files;
  llvm::StringRef(Untracked.Out).split(Files, '\0', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef F : Files) {
    llvm::SmallString<256> Abs(Root);
    llvm::sys::path::append(Abs, llvm::sys::path::Style::posix, F);
    Changed.addFile(std::string(Abs));
  }
  return Changed;
}

} // namespace pdflow
