#include "pdflow/frontend/Frontend.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <array>

namespace pdflow {

bool loadCompileCommands(const std::string &BuildDir, std::vector<CompileCommand> &Out,
                         std::string &Error) {
  llvm::SmallString<256> Path(BuildDir);
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::append(Path, "compile_commands.json");
  if (!llvm::sys::fs::exists(Path)) {
    Error = std::string(Path) +
            ": no compile database; generate one with "
            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON (CMake) or 'bear -- make', then pass its "
            "directory with -p";
    return false;
  }
  std::string LoadError;
  auto Db = clang::tooling::JSONCompilationDatabase::loadFromFile(
      Path, LoadError, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db) {
    Error = std::string(Path) + ": cannot read the compile database: " + LoadError;
    return false;
  }
  for (const clang::tooling::CompileCommand &C : Db->getAllCompileCommands()) {
    llvm::SmallString<256> File(C.Filename), Dir(C.Directory);
    llvm::sys::fs::make_absolute(Dir);
    if (!llvm::sys::path::is_absolute(File))
      llvm::sys::fs::make_absolute(Dir, File);
    llvm::sys::path::remove_dots(File, true);
    Out.push_back({std::string(File), std::string(Dir), C.CommandLine});
  }
  // One entry per file (a database may list a file once per configuration):
  // the first one wins, and the order is the file order, so output does not
  // depend on how the database was written.
  std::stable_sort(Out.begin(), Out.end(),
                   [](const CompileCommand &A, const CompileCommand &B) { return A.File < B.File; });
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const CompileCommand &A, const CompileCommand &B) {
                          return A.File == B.File;
                        }),
            Out.end());
  if (Out.empty()) {
    Error = std::string(Path) + ": the compile database lists no files";
    return false;
  }
  return true;
}

// GCC options Clang rejects or would misread. Prefixes end in '=' or are
// whole words; anything matched is dropped with no replacement.
static bool isGccOnlyFlag(llvm::StringRef A) {
  static const std::array<llvm::StringLiteral, 24> Exact = {
      "-fno-canonical-system-headers", "-fconserve-stack", "-fno-allow-store-data-races",
      "-mno-fp-ret-in-387", "-mindirect-branch-register", "-fno-var-tracking-assignments",
      "-fvar-tracking-assignments", "-fno-var-tracking", "-fstack-usage", "-fmodules-ts",
      "-fconcepts", "-fconcepts-ts", "-fcoroutines", "-fext-numeric-literals",
      "-fno-keep-inline-dllexport", "-fno-gcse", "-fgcse", "-fuse-linker-plugin",
      "-fno-fat-lto-objects", "-ffat-lto-objects", "-fmerge-constants",
      "-fno-reorder-blocks", "-flifetime-dse", "-fno-lifetime-dse"};
  static const std::array<llvm::StringLiteral, 12> Prefixes = {
      "-mpreferred-stack-boundary=", "-mindirect-branch=", "-mfunction-return=",
      "-fipa-", "-fno-ipa-", "-ftree-", "-fno-tree-", "-flto-partition=",
      "-fabi-version=", "-fdiagnostics-urls=", "-fcompare-debug", "-Wp,-MD"};
  if (llvm::is_contained(Exact, A))
    return true;
  return llvm::any_of(Prefixes, [&](llvm::StringLiteral P) { return A.starts_with(P); });
}

std::vector<std::string> adjustArguments(const std::vector<std::string> &Args) {
  std::vector<std::string> Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (I == 0) {
      Out.push_back(Args[I]);
      continue;
    }
    // Outputs and dependency files: pdflow writes nothing next to the build.
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I;
      continue;
    }
    if (A == "-c" || A == "-S" || A == "-E" || A == "-M" || A == "-MM" || A == "-MD" ||
        A == "-MMD" || A == "-MP" || A.starts_with("-o") || A.starts_with("-MF") ||
        isGccOnlyFlag(A))
      continue;
    Out.push_back(Args[I]);
  }
  // Before the file name would be fine too, but the driver accepts them anywhere.
  Out.insert(Out.begin() + 1, {"-fsyntax-only", "-D__PDFLOW__=1",
                               "-resource-dir=" PDFLOW_CLANG_RESOURCE_DIR,
                               "-Wno-everything", "-Qunused-arguments", "-fno-caret-diagnostics",
                               "-ferror-limit=20"});
  return Out;
}

} // namespace pdflow
