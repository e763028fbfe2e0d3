#include "pdflow/vcs/ChangedLines.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace pdflow {

void ChangedLines::addLines(const std::string &File, unsigned First, unsigned Count) {
  std::set<unsigned> &Set = Lines[realPath(File)];
  for (unsigned L = First; L < First + Count; ++L)
    Set.insert(L);
}

void ChangedLines::addFile(const std::string &File) { Files.insert(realPath(File)); }

const std::string &ChangedLines::realPath(const std::string &File) const {
  auto [It, Inserted] = RealPaths.try_emplace(File);
  if (Inserted) {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(File, Real))
      It->second = File; // gone or unreadable: compare as written
    else
      It->second = std::string(Real);
  }
  return It->second;
}

bool ChangedLines::contains(const SourceLoc &Loc) const {
  if (!Loc.valid())
    return false;
  const std::string &File = realPath(Loc.File);
  if (Files.count(File))
    return true;
  auto It = Lines.find(File);
  return It != Lines.end() && It->second.count(Loc.Line);
}

bool ChangedLines::touches(const Diagnostic &D) const {
  if (contains(D.Loc))
    return true;
  for (const DiagNote &N : D.Notes)
    if (contains(N.Loc))
      return true;
  return false;
}

namespace {

/// Undoes git's C-style quoting of unusual paths: "b/caf\303\251 \"x\".cpp".
std::string unquotePath(llvm::StringRef Text) {
  if (!Text.starts_with("\"") || !Text.ends_with("\"") || Text.size() < 2)
    return Text.str();
  Text = Text.drop_front().drop_back();
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C != '\\' || I + 1 == Text.size()) {
      Out += C;
      continue;
    }
    char E = Text[++I];
    if (E >= '0' && E <= '7' && I + 2 < Text.size()) {
      Out += static_cast<char>(((E - '0') << 6) | ((Text[I + 1] - '0') << 3) | (Text[I + 2] - '0'));
      I += 2;
      continue;
    }
    switch (E) {
    case 'a':
      Out += '\a';
      break;
    case 'b':
      Out += '\b';
      break;
    case 'f':
      Out += '\f';
      break;
    case 'n':
      Out += '\n';
      break;
    case 'r':
      Out += '\r';
      break;
    case 't':
      Out += '\t';
      break;
    case 'v':
      Out += '\v';
      break;
    default:
      Out += E; // \\ and \"
    }
  }
  return Out;
}

/// "+12,3" or "-12" (count 1): one side of a hunk header.
bool parseRange(llvm::StringRef Text, char Sign, unsigned &First, unsigned &Count) {
  if (Text.empty() || Text.front() != Sign)
    return false;
  auto [Start, Length] = Text.drop_front().split(',');
  Count = 1;
  if (Start.getAsInteger(10, First))
    return false;
  return Length.empty() || !Length.getAsInteger(10, Count);
}

} // namespace

ChangedLines parseUnifiedDiff(llvm::StringRef Diff, const std::string &Root) {
  ChangedLines Out;
  std::string File;     // the current file's absolute path; empty after a deletion
  unsigned OldLeft = 0; // lines of the current hunk still to skip, so that
  unsigned NewLeft = 0; // an added line "++ x" is not taken for a header
  while (!Diff.empty()) {
    auto [Line, Rest] = Diff.split('\n');
    Diff = Rest;
    if (OldLeft + NewLeft > 0) {
      if (Line.starts_with("-") && OldLeft > 0)
        --OldLeft;
      else if (Line.starts_with("+") && NewLeft > 0)
        --NewLeft;
      continue; // also "\ No newline at end of file"
    }
    if (Line.consume_front("+++ ")) {
      // git ends a name holding a space with a tab ("+++ b/src dir/a.cpp\t");
      // a name that really ends with a tab is quoted.
      std::string Path = unquotePath(Line.rtrim("\r").rtrim("\t"));
      File.clear();
      if (Path != "/dev/null" && llvm::StringRef(Path).starts_with("b/")) {
        llvm::SmallString<256> Abs(Root);
        llvm::sys::path::append(Abs, llvm::sys::path::Style::posix, Path.substr(2));
        File = std::string(Abs);
      }
      continue;
    }
    if (!Line.consume_front("@@ "))
      continue;
    // "@@ -a,b +c,d @@ context"
    auto [OldSide, AfterOld] = Line.split(' ');
    llvm::StringRef NewSide = AfterOld.split(' ').first;
    unsigned OldFirst = 0, First = 0;
    if (!parseRange(OldSide, '-', OldFirst, OldLeft) || !parseRange(NewSide, '+', First, NewLeft)) {
      OldLeft = NewLeft = 0;
      continue;
    }
    if (File.empty())
      continue;
    if (NewLeft > 0)
      Out.addLines(File, First, NewLeft);
    else // a pure deletion after line First
      Out.addLines(File, std::max(First, 1u), First == 0 ? 1 : 2);
  }
  return Out;
}

} // namespace pdflow
