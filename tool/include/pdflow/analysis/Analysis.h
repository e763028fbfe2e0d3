#ifndef PDFLOW_ANALYSIS_ANALYSIS_H
#define PDFLOW_ANALYSIS_ANALYSIS_H

// The whole pipeline behind `pdflow inventory` and `pdflow scan`, as a
// library the CLI and the fixture runner share: config, models, frontend,
// linker, solver, checks, suppressions.

#include "pdflow/config/Config.h"
#include "pdflow/frontend/Frontend.h"
#include "pdflow/model/Model.h"
#include "pdflow/report/Report.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pdflow {

/// Where a run is, for a progress display.
struct Progress {
  enum class Phase { Parsing, Solving, Checking };
  Phase What = Phase::Parsing;
  size_t Done = 0, Total = 0; // Parsing: TUs started, of Total
  std::string File;           // Parsing: the TU just started
};

/// Wall time of each phase, in seconds. Linking runs as TUs finish, beside
/// the parsing; its time is not counted in Parse.
struct PhaseTimes {
  double Parse = 0, Link = 0, Solve = 0, Checks = 0;
};

struct AnalysisRequest {
  /// Directory holding compile_commands.json (ignored when Commands is set).
  std::string BuildDir;
  /// Commands to analyse directly (fixtures); empty: read BuildDir's database.
  std::vector<CompileCommand> Commands;
  /// Only these files from the database (absolute or relative to the
  /// current directory); empty: every file.
  std::vector<std::string> Files;
  /// .pdflow.yaml to use; empty: discover it.
  std::string ConfigFile;
  /// Config text to use instead of a file (fixtures); named ConfigName.
  std::string ConfigText;
  std::string ConfigName = ".pdflow.yaml";
  unsigned Jobs = 1;
  bool RunChecks = true;
  /// --infer and --min-confidence: override the config's `discovery:`.
  bool Infer = false;
  std::optional<unsigned> MinConfidence;
  /// Seconds pdflow's analysis of one TU may take once Clang parsed it
  /// (0: no limit); a TU over it is named and its facts dropped.
  double TuTimeoutSeconds = 0;
  /// Called with each tool diagnostic as soon as it is known: config errors
  /// and TUs that failed come out before the solve, however long it takes.
  std::function<void(const Diagnostic &)> OnToolDiagnostic;
  /// Called as the run moves on; parsing calls it from worker threads.
  std::function<void(const Progress &)> OnProgress;
  /// Read the TUs' facts from these directories (written by `pdflow facts`)
  /// instead of parsing the compile database's files.
  std::vector<std::string> FactsDirs;
};

/// Every N-th TU of a database, by a stable hash of its file's path relative
/// to the build directory (`--shard K/N` is Index K-1 of Count N).
struct ShardSpec {
  unsigned Index = 0;
  unsigned Count = 1;
};

/// Facts files end so: `pdflow facts` writes them, `--facts` reads them.
inline constexpr const char *FactsFileSuffix = ".facts.json";

/// Exit codes, as documented in `pdflow --help` and docs.
enum ExitCode : int {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitIncomplete = 3,
};

struct AnalysisResult {
  std::unique_ptr<Taxonomy> Tax;
  std::unique_ptr<Config> Cfg;
  Model M;
  /// Config errors, unreadable databases, TUs that failed: printed to
  /// stderr, never suppressed.
  std::vector<Diagnostic> ToolDiagnostics;
  /// Rule findings after suppressions (invalid-annotation included).
  std::vector<Diagnostic> Findings;
  std::vector<SuppressedFinding> Suppressed;
  std::vector<std::string> FailedFiles; // TUs not analysed, in database order
  bool UsageError = false;  // bad config, unknown FILES, no database
  bool Incomplete = false;  // a TU failed to parse, timed out or crashed
  PhaseTimes Times;
};

AnalysisResult analyze(const AnalysisRequest &Req);

/// True when the TU whose file is ShardKey (its path relative to the build
/// directory) belongs to Shard.
bool inShard(const std::string &ShardKey, const ShardSpec &Shard);

/// `pdflow facts`: extracts the facts of the TUs of Req's database that fall
/// in Shard and writes one file per TU into Dir (atomically). The result
/// holds the tool diagnostics and the TUs that did not complete.
AnalysisResult extractFactsInto(const AnalysisRequest &Req, const std::string &Dir,
                                const ShardSpec &Shard);

/// The exit code for a finished analysis: usage errors first, then an
/// incomplete analysis (unless AllowIncomplete), then findings at or above
/// FailOn.
int exitCodeFor(const AnalysisResult &R, Severity FailOn, bool AllowIncomplete = false);

/// Rewrites every path in R under Dir as relative to it, for display.
void relativizePaths(AnalysisResult &R, const std::string &Dir);
void relativizePaths(Diagnostic &D, const std::string &Dir);

} // namespace pdflow

#endif
