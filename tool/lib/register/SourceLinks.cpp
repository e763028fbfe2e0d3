#include "pdflow/register/SourceLinks.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace pdflow {

namespace {

/// RFC 3986 unreserved characters and '/' stay; everything else is %XX.
std::string percentEncodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/') {
      Out += static_cast<char>(C);
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
    Out += llvm::hexdigit(C & 15, /*LowerCase=*/false);
  }
  return Out;
}

/// Path (absolute, or relative to BaseDir) relative to Root; nullopt when
/// it lies outside Root.
std::optional<std::string> pathInTree(const std::string &Root, const std::string &BaseDir,
                                      const std::string &Path) {
  namespace path = llvm::sys::path;
  if (Path.empty())
    return std::nullopt;
  llvm::SmallString<256> Abs(Path);
  if (!path::is_absolute(Abs))
    Abs = BaseDir + "/" + Path;
  path::remove_dots(Abs, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Top(Root);
  path::remove_dots(Top, /*remove_dot_dot=*/true);
  llvm::StringRef Rel(Abs);
  if (!Rel.consume_front(Top) || !Rel.consume_front("/"))
    return std::nullopt;
  return Rel.str();
}

void replaceAll(std::string &S, llvm::StringRef From, const std::string &To) {
  for (size_t At = S.find(From); At != std::string::npos; At = S.find(From, At + To.size()))
    S.replace(At, From.size(), To);
}

} // namespace

bool SourceLinker::usesRev(const std::string &Template) {
  return Template.find("{rev}") != std::string::npos;
}

std::string SourceLinker::url(const SourceLoc &Loc) const {
  std::optional<std::string> Path = pathInTree(Root, BaseDir, Loc.File);
  if (Template.empty() || !Path)
    return "";
  std::string Out = Template;
  replaceAll(Out, "{rev}", Rev);
  replaceAll(Out, "{path}", percentEncodePath(*Path));
  replaceAll(Out, "{line}", std::to_string(Loc.Line));
  return Out;
}

std::optional<GitWorkTree> findGitWorkTree(const std::string &Dir, std::string &Error) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "git is not installed";
    return std::nullopt;
  }
  llvm::SmallString<128> Out, Err;
  if (llvm::sys::fs::createTemporaryFile("pdflow-git", "out", Out) ||
      llvm::sys::fs::createTemporaryFile("pdflow-git", "err", Err)) {
    Error = "cannot create a temporary file";
    return std::nullopt;
  }
  llvm::StringRef Args[] = {*Git, "-C", Dir, "rev-parse", "HEAD", "--show-toplevel"};
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), Out.str(), Err.str()};
  int Code = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects);
  auto Stdout = llvm::MemoryBuffer::getFile(Out);
  auto Stderr = llvm::MemoryBuffer::getFile(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (Code != 0 || !Stdout) {
    Error = "'" + Dir + "' is not in a git work tree";
    if (Stderr && !(*Stderr)->getBuffer().trim().empty())
      Error += ": " + (*Stderr)->getBuffer().trim().str();
    return std::nullopt;
  }
  llvm::SmallVector<llvm::StringRef, 2> Lines;
  (*Stdout)->getBuffer().split(Lines, '\n', 2, /*KeepEmpty=*/true);
  GitWorkTree Tree;
  Tree.Head = Lines.empty() ? "" : Lines[0].trim().str();
  Tree.Top = Lines.size() > 1 ? Lines[1].trim().str() : "";
  if (Tree.Head.empty() || Tree.Top.empty()) {
    Error = "'git rev-parse HEAD' printed nothing in '" + Dir + "'";
    return std::nullopt;
  }
  return Tree;
}

} // namespace pdflow
