#include "pdflow/frontend/Frontend.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <array>

namespace pdflow {

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
