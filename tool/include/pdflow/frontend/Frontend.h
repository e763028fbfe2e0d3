#ifndef PDFLOW_FRONTEND_FRONTEND_H
#define PDFLOW_FRONTEND_FRONTEND_H

// The only layer that sees Clang: parses translation units and extracts
// their facts. Everything it returns is plain data.

#include "pdflow/config/Config.h"
#include "pdflow/facts/Facts.h"
#include "pdflow/solver/ModelIndex.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pdflow {

/// What every TU's extraction needs to know.
struct FrontendContext {
  const Config &Cfg;
  const Taxonomy &Tax;
  const ModelIndex &Models;
};

/// One entry of compile_commands.json, made ready for Clang.
struct CompileCommand {
  std::string File;      // absolute
  std::string Directory; // absolute
  std::vector<std::string> Args;
};

/// A compile database as read: its usable commands, one per file (the
/// first), in file order; and the problems, each an error naming the file
/// (and line:col): a database that cannot be read at all (no commands), or
/// entries that are skipped ("entry [3] is skipped: missing \"file\"").
struct CompileDatabase {
  std::vector<CompileCommand> Commands;
  std::vector<Diagnostic> Problems;
};

/// Reads BuildDir/compile_commands.json. A missing one says how to generate
/// it; one that cannot be read says why (permission denied...).
CompileDatabase readCompileDatabase(const std::string &BuildDir);

/// Parses Text, the database at Path (named in problems). Relative
/// directories are taken from the current directory.
CompileDatabase parseCompileDatabase(const std::string &Text, const std::string &Path);

/// Rewrites a compiler command line for pdflow's Clang: keeps includes,
/// defines and language flags, drops outputs, dependency files and GCC-only
/// flags Clang rejects, and adds -fsyntax-only, -D__PDFLOW__ and the builtin
/// headers' resource directory.
std::vector<std::string> adjustArguments(const std::vector<std::string> &Args);

/// Parses one TU and extracts its facts, on a thread of its own with crash
/// recovery. Never throws: a TU that does not parse gets ParseFailed and its
/// errors in Diags; one whose analysis crashes gets Crashed; one whose
/// analysis runs past TimeoutSeconds (0: no limit) after Clang parsed it
/// gets TimedOut.
TUFacts extractFacts(const CompileCommand &Cmd, const FrontendContext &Ctx,
                     double TimeoutSeconds = 0);

/// Extracts facts from in-memory code (unit tests, fixtures). Args are
/// compiler flags without the file name, e.g. {"-std=c++17", "-I", dir}.
TUFacts extractFactsFromCode(const std::string &Code, const std::string &FileName,
                             const std::vector<std::string> &Args,
                             const FrontendContext &Ctx);

struct ExtractOptions {
  unsigned Jobs = 1;
  double TuTimeoutSeconds = 0; // 0: no limit
  /// Called as the extraction of Cmds[Index] starts, on its worker thread.
  std::function<void(size_t Index)> OnStart;
};

/// Extracts every command's facts on Opts.Jobs threads and hands each TU's
/// facts to Consume in the order of Cmds, whatever the scheduling, as soon as
/// it and those before it are done (so the caller can merge and free them).
/// Consume is never called on two TUs at once.
void extractAll(const std::vector<CompileCommand> &Cmds, const FrontendContext &Ctx,
                const ExtractOptions &Opts, const std::function<void(TUFacts)> &Consume);

} // namespace pdflow

#endif
