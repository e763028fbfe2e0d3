// compile_commands.json, read entry by entry: an entry that is not a usable
// command is reported at its file:line:col with its index and skipped, and
// the others are still analysed. The checks are those of Clang's
// JSONCompilationDatabase (which rejects the whole file on the first one).
#include "pdflow/frontend/Frontend.h"

#include "pdflow/support/Text.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/YAMLParser.h"

#include <algorithm>

namespace pdflow {

namespace {

namespace yml = llvm::yaml;

const std::vector<std::string> EntryKeys = {"directory", "file", "command", "arguments", "output"};

/// A "command" string as the shell would split it; '"', '\'' and '\\' quote
/// (the database format's rules, as Clang reads them on POSIX systems).
std::vector<std::string> splitCommand(llvm::StringRef Command) {
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver(Alloc);
  llvm::SmallVector<const char *, 32> Argv;
  llvm::cl::TokenizeGNUCommandLine(Command, Saver, Argv);
  return std::vector<std::string>(Argv.begin(), Argv.end());
}

/// Reads the text of one database into Out.
class DatabaseReader {
public:
  DatabaseReader(std::string Path, CompileDatabase &Out) : Path(std::move(Path)), Out(Out) {}

  void read(llvm::StringRef Input);

private:
  SourceLoc loc(llvm::SMLoc L) const {
    if (!L.isValid())
      return {Path, 0, 0};
    auto [Line, Col] = SM.getLineAndColumn(L);
    return {Path, Line, Col};
  }
  SourceLoc loc(const yml::Node *N) const { return loc(start(N)); }
  /// Where N is written. A flow mapping or sequence starts at its bracket,
  /// which the YAML parser has consumed when it records the start.
  llvm::SMLoc start(const yml::Node *N) const {
    llvm::SMLoc Start = N->getSourceRange().Start;
    const char *P = Start.getPointer();
    if (!P || !llvm::isa<yml::MappingNode, yml::SequenceNode>(N))
      return Start;
    while (P > Text.begin() && llvm::isSpace(P[-1]))
      --P;
    return P > Text.begin() && (P[-1] == '{' || P[-1] == '[') ? llvm::SMLoc::getFromPointer(P - 1)
                                                              : Start;
  }
  void error(SourceLoc Loc, std::string Message) {
    Out.Problems.push_back({Severity::Error, std::move(Loc), std::move(Message), "", {}, {}});
  }
  static void onSyntaxError(const llvm::SMDiagnostic &D, void *Context);

  std::optional<CompileCommand> readEntry(yml::Node &N, size_t Index);

  std::string Path;
  CompileDatabase &Out;
  llvm::StringRef Text;
  llvm::SourceMgr SM;
  bool SyntaxError = false;
};

void DatabaseReader::onSyntaxError(const llvm::SMDiagnostic &D, void *Context) {
  auto *Self = static_cast<DatabaseReader *>(Context);
  if (Self->SyntaxError)
    return; // the first one says where the file stops making sense
  Self->SyntaxError = true;
  Self->error(Self->loc(D.getLoc()),
              "cannot read the compile database: " + llvm::StringRef(D.getMessage()).lower());
}

std::optional<CompileCommand> DatabaseReader::readEntry(yml::Node &N, size_t Index) {
  // The first problem is reported; the entry is still read to its end, as
  // the YAML parser cannot resume in the middle of a mapping.
  const yml::Node *ProblemAt = nullptr;
  std::string Problem;
  auto Note = [&](const yml::Node *At, std::string Why) {
    if (!ProblemAt) {
      ProblemAt = At;
      Problem = std::move(Why);
    }
  };
  auto Skipped = [&]() -> std::optional<CompileCommand> {
    error(loc(ProblemAt), "entry [" + std::to_string(Index) + "] is skipped: " + Problem);
    return std::nullopt;
  };
  auto *Map = llvm::dyn_cast<yml::MappingNode>(&N);
  if (!Map) {
    Note(&N, "expected an object with \"directory\", \"file\" and \"command\" or \"arguments\"");
    return Skipped();
  }
  std::optional<std::string> Directory, File, Command, Output;
  std::optional<std::vector<std::string>> Arguments;
  for (yml::KeyValueNode &KV : *Map) {
    auto *Key = llvm::dyn_cast_if_present<yml::ScalarNode>(KV.getKey());
    if (!Key) {
      Note(&KV, "expected a string key");
      continue;
    }
    llvm::SmallString<16> KeyStorage;
    std::string Name = Key->getValue(KeyStorage).str();
    yml::Node *Value = KV.getValue();
    const yml::Node *ValueAt = Value ? Value : static_cast<yml::Node *>(Key);
    if (Name == "arguments") {
      auto *List = llvm::dyn_cast_if_present<yml::SequenceNode>(Value);
      if (!List) {
        Note(ValueAt, "\"arguments\" must be a list of strings");
        continue;
      }
      Arguments.emplace();
      for (yml::Node &Arg : *List) {
        llvm::SmallString<64> Storage;
        if (auto *S = llvm::dyn_cast<yml::ScalarNode>(&Arg))
          Arguments->push_back(S->getValue(Storage).str());
        else
          Note(&Arg, "\"arguments\" must be a list of strings");
      }
      continue;
    }
    std::optional<std::string> *Slot = Name == "directory" ? &Directory
                                       : Name == "file"    ? &File
                                       : Name == "command" ? &Command
                                       : Name == "output"  ? &Output
                                                           : nullptr;
    if (!Slot) {
      Note(Key, withSuggestion("unknown key " + quoteForMessage(Name), Name, EntryKeys));
      continue;
    }
    llvm::SmallString<128> Storage;
    if (auto *S = llvm::dyn_cast_if_present<yml::ScalarNode>(Value))
      *Slot = S->getValue(Storage).str();
    else
      Note(ValueAt, "\"" + Name + "\" must be a string");
  }
  if (!ProblemAt && !File)
    Note(Map, "missing \"file\"");
  if (!ProblemAt && !Directory)
    Note(Map, "missing \"directory\"");
  if (!ProblemAt && !Arguments && !Command)
    Note(Map, "missing \"command\" or \"arguments\"");
  if (ProblemAt)
    return Skipped();
  // As Clang: "arguments" wins over "command".
  std::vector<std::string> Args = Arguments ? *Arguments : splitCommand(*Command);
  if (Args.empty()) {
    Note(Map, "the command is empty");
    return Skipped();
  }
  llvm::SmallString<256> Dir(*Directory), FilePath(*File);
  llvm::sys::fs::make_absolute(Dir);
  if (!llvm::sys::path::is_absolute(FilePath))
    llvm::sys::fs::make_absolute(Dir, FilePath);
  llvm::sys::path::remove_dots(FilePath, true);
  return CompileCommand{std::string(FilePath), std::string(Dir), std::move(Args)};
}

void DatabaseReader::read(llvm::StringRef Input) {
  Text = Input;
  SM.setDiagHandler(onSyntaxError, this);
  yml::Stream Stream(Text, SM, /*ShowColors=*/false);
  yml::document_iterator Doc = Stream.begin();
  yml::Node *Root = Doc == Stream.end() ? nullptr : Doc->getRoot();
  auto *Entries = llvm::dyn_cast_if_present<yml::SequenceNode>(Root);
  if (!Entries) {
    if (!SyntaxError)
      error(Root ? loc(Root) : SourceLoc{Path, 0, 0},
            "cannot read the compile database: expected a JSON array of compile commands");
    return;
  }
  size_t Index = 0;
  for (yml::Node &Entry : *Entries)
    if (std::optional<CompileCommand> C = readEntry(Entry, Index++))
      Out.Commands.push_back(std::move(*C));
  if (SyntaxError) {
    // Nothing after a syntax error can be trusted, nor what it cut short:
    // only the syntax error is reported.
    Out.Commands.clear();
    std::erase_if(Out.Problems, [](const Diagnostic &D) {
      return !llvm::StringRef(D.Message).starts_with("cannot read the compile database");
    });
  }
}

/// One entry per file (a database may list a file once per configuration):
/// the first one wins, in file order, so that output does not depend on how
/// the database was written.
void keepOnePerFile(std::vector<CompileCommand> &Cmds) {
  std::stable_sort(Cmds.begin(), Cmds.end(), [](const CompileCommand &A, const CompileCommand &B) {
    return A.File < B.File;
  });
  Cmds.erase(std::unique(
                 Cmds.begin(), Cmds.end(),
                 [](const CompileCommand &A, const CompileCommand &B) { return A.File == B.File; }),
             Cmds.end());
}

} // namespace

CompileDatabase parseCompileDatabase(const std::string &Text, const std::string &Path) {
  CompileDatabase Db;
  DatabaseReader(Path, Db).read(Text);
  keepOnePerFile(Db.Commands);
  if (Db.Commands.empty() && Db.Problems.empty())
    Db.Problems.push_back(
        {Severity::Error, {Path, 0, 0}, "the compile database lists no files", "", {}, {}});
  return Db;
}

CompileDatabase readCompileDatabase(const std::string &BuildDir) {
  llvm::SmallString<256> Path(BuildDir);
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::append(Path, "compile_commands.json");
  auto Fail = [&](std::string Message) {
    CompileDatabase Db;
    Db.Problems.push_back(
        {Severity::Error, {std::string(Path), 0, 0}, std::move(Message), "", {}, {}});
    return Db;
  };
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    if (EC == std::errc::no_such_file_or_directory)
      return Fail("no compile database; generate one with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "
                  "(CMake) or 'bear -- make', then pass its directory with -p");
    return Fail("cannot read the compile database: " + errorReason(EC));
  }
  if (!llvm::sys::fs::is_regular_file(Status))
    return Fail(
        "cannot read the compile database: " +
        std::string(llvm::sys::fs::is_directory(Status) ? "is a directory" : "not a regular file"));
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return Fail("cannot read the compile database: " + errorReason(Buffer.getError()));
  return parseCompileDatabase((*Buffer)->getBuffer().str(), std::string(Path));
}

} // namespace pdflow
