#include "pdflow/analysis/Analysis.h"

#include "ConfigCoverage.h"

#include "pdflow/checks/Check.h"
#include "pdflow/report/SuppressionFilter.h"
#include "pdflow/solver/ModelIndex.h"
#include "pdflow/solver/Solver.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <optional>
#include <set>

namespace pdflow {

namespace {

std::string currentDir() {
  llvm::SmallString<256> Dir;
  llvm::sys::fs::current_path(Dir);
  return std::string(Dir);
}

std::string absolute(const std::string &Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, true);
  return std::string(P);
}

/// The deepest directory holding every one of Files.
std::string commonDirectory(const std::vector<std::string> &Files) {
  if (Files.empty())
    return {};
  std::string Common = llvm::sys::path::parent_path(Files.front()).str();
  for (const std::string &F : Files)
    while (!Common.empty() && !llvm::StringRef(F).starts_with(Common + "/"))
      Common = llvm::sys::path::parent_path(Common).str();
  return Common;
}

/// Sources: the files analysed, whose common directory is one place the
/// config is looked for.
void loadConfig(const AnalysisRequest &Req, const std::vector<std::string> &Sources,
                AnalysisResult &R, DiagnosticList &Diags) {
  std::optional<Config> Cfg;
  if (!Req.ConfigText.empty()) {
    Cfg = parseConfig(Req.ConfigText, Req.ConfigName, *R.Tax, Diags, ruleNames());
  } else {
    std::string Path = Req.ConfigFile;
    // As clang-tidy: from the current directory up; then from the analysed
    // sources up (clang-tidy looks beside each file); then from the build
    // directory up.
    if (Path.empty())
      Path = findConfigFile(currentDir());
    if (Path.empty() && !Sources.empty())
      Path = findConfigFile(commonDirectory(Sources));
    if (Path.empty() && !Req.BuildDir.empty())
      Path = findConfigFile(absolute(Req.BuildDir));
    if (!Path.empty())
      Cfg = loadConfigFile(Path, *R.Tax, Diags, ruleNames());
    else
      Cfg = Config{};
  }
  if (!Cfg)
    Cfg = Config{}; // unreadable: carry on with defaults, exit 2 at the end
  if (Req.Infer)
    Cfg->Discovery.Infer = true;
  if (Req.MinConfidence)
    Cfg->Discovery.MinConfidence = *Req.MinConfidence;
  R.Cfg = std::make_unique<Config>(std::move(*Cfg));
}

bool selectCommands(const AnalysisRequest &Req, AnalysisResult &R,
                    std::vector<CompileCommand> &Cmds) {
  if (!Req.Commands.empty()) {
    Cmds = Req.Commands;
    return true;
  }
  // A bad entry is reported and skipped: the others are still analysed.
  CompileDatabase Db = readCompileDatabase(Req.BuildDir);
  for (Diagnostic &D : Db.Problems) {
    R.ToolDiagnostics.push_back(std::move(D));
    R.UsageError = true;
  }
  if (Db.Commands.empty())
    return false;
  std::vector<CompileCommand> All = std::move(Db.Commands);
  if (Req.Files.empty()) {
    Cmds = std::move(All);
    return true;
  }
  for (const std::string &F : Req.Files) {
    std::string Abs = absolute(F);
    auto It = std::find_if(All.begin(), All.end(),
                           [&](const CompileCommand &C) { return C.File == Abs; });
    if (It == All.end()) {
      R.ToolDiagnostics.push_back(
          {Severity::Error, {F, 0, 0},
           "not in the compile database of '" + Req.BuildDir +
               "'; list it in compile_commands.json or pass a file the build compiles",
           "", {}, {}});
      R.UsageError = true;
      continue;
    }
    Cmds.push_back(*It);
  }
  return true;
}

/// invalid-annotation findings from the frontend follow the rule's severity.
/// They are reported even when the rule is disabled: a broken annotation is
/// data pdflow cannot see, never something to hide (docs/rules/invalid-annotation.md).
void applyRuleSettings(const Config &Cfg, std::vector<Diagnostic> &Findings) {
  auto It = Cfg.Rules.find("invalid-annotation");
  if (It == Cfg.Rules.end())
    return;
  if (It->second.Sev)
    for (Diagnostic &D : Findings)
      if (D.Rule == "invalid-annotation")
        D.Sev = *It->second.Sev;
}

double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
}

/// Why a TU's facts are not used, as the head of its diagnostic.
std::string incompleteMessage(const TUFacts &TU, double TimeoutSeconds) {
  switch (TU.Outcome) {
  case TUOutcome::ParseFailed:
    return "this file does not compile with its compile_commands.json entry; its flows are "
           "incomplete (fix the errors below or the compile command)";
  case TUOutcome::TimedOut: {
    std::string Limit = std::to_string(TimeoutSeconds);
    Limit.erase(Limit.find_last_not_of('0') + 1);
    if (!Limit.empty() && Limit.back() == '.')
      Limit.pop_back();
    return "pdflow's analysis of this file went past --tu-timeout " + Limit +
           " s; it was dropped and its flows are missing (raise the limit, or report the "
           "file to pdflow's maintainers)";
  }
  case TUOutcome::Crashed:
    return "pdflow's analysis of this file crashed; it was dropped and its flows are missing "
           "(please report the file to pdflow's maintainers)";
  case TUOutcome::Complete:
    break;
  }
  return {};
}

} // namespace

namespace {

/// One run of the pipeline: the TUs' facts come in (extracted here or read
/// from facts files), are linked in database order, then solved and checked.
class Run {
public:
  Run(const AnalysisRequest &Req, AnalysisResult &R) : Req(Req), R(R) {}

  /// Taxonomy, compile commands (or facts files), config and models. False
  /// when there is nothing to analyse (no database).
  bool prepare() {
    R.Tax = std::make_unique<Taxonomy>(Taxonomy::builtin());
    if (!Req.FactsDirs.empty()) {
      listFactsFiles();
      return true; // the config is looked for once the facts name their sources
    }
    bool HaveCommands = selectCommands(Req, R, Cmds);
    for (const Diagnostic &D : R.ToolDiagnostics) // the compile database's
      if (Req.OnToolDiagnostic)
        Req.OnToolDiagnostic(D);
    std::vector<std::string> Sources;
    for (const CompileCommand &C : Cmds)
      Sources.push_back(C.File);
    loadConfigAndModels(Sources);
    return HaveCommands;
  }

  void loadConfigAndModels(const std::vector<std::string> &Sources) {
    DiagnosticList ConfigDiags;
    loadConfig(Req, Sources, R, ConfigDiags);
    ModelSet Builtin = builtinModels(*R.Tax, ConfigDiags);
    if (ConfigDiags.hasErrors())
      R.UsageError = true;
    for (Diagnostic &D : ConfigDiags.sorted())
      toolDiagnostic(std::move(D));
    R.M.Cfg = R.Cfg.get();
    R.M.Tax = R.Tax.get();
    Models = std::make_unique<ModelIndex>(Builtin, R.Cfg->Models);
  }

  FrontendContext context() const { return {*R.Cfg, *R.Tax, *Models}; }
  const std::vector<CompileCommand> &commands() const { return Cmds; }

  /// Extracts every TU's facts and hands them to Consume, in database order.
  void extract(const std::vector<size_t> &Selected, const std::function<void(TUFacts)> &Consume) {
    std::vector<CompileCommand> Chosen;
    for (size_t I : Selected)
      Chosen.push_back(Cmds[I]);
    ExtractOptions Extract;
    Extract.Jobs = std::max(1u, Req.Jobs);
    Extract.TuTimeoutSeconds = Req.TuTimeoutSeconds;
    std::atomic<size_t> Started{0};
    if (Req.OnProgress)
      Extract.OnStart = [&](size_t I) {
        Req.OnProgress({Progress::Phase::Parsing, ++Started, Chosen.size(), Chosen[I].File});
      };
    size_t Next = 0;
    extractAll(Chosen, context(), Extract, [&](TUFacts TU) {
      TU.Position = static_cast<unsigned>(Selected[Next++]);
      Consume(std::move(TU));
    });
  }

  /// The whole analysis: facts, link, solve, checks.
  void analyze() {
    auto Start = std::chrono::steady_clock::now();
    if (Req.FactsDirs.empty()) {
      std::vector<size_t> All(Cmds.size());
      std::iota(All.begin(), All.end(), 0);
      extract(All, [&](TUFacts TU) { consume(std::move(TU)); });
    } else {
      loadConfigAndModels(linkFactsFiles());
    }
    auto LinkStart = std::chrono::steady_clock::now();
    Program P = Link.finish();
    Linking += std::chrono::steady_clock::now() - LinkStart;
    R.Times.Link = std::chrono::duration<double>(Linking).count();
    R.Times.Parse = secondsSince(Start) - R.Times.Link;
    warnUnmatchedSideAnnotations(P);
    checkConfigModels(P);
    solveAndCheck(P);
  }

  void toolDiagnostic(Diagnostic D) {
    if (Req.OnToolDiagnostic)
      Req.OnToolDiagnostic(D);
    R.ToolDiagnostics.push_back(std::move(D));
  }

  /// A TU that did not complete is named, and its facts are used only when
  /// they are whole (a parse with errors still has its declarations).
  void noteIncomplete(const TUFacts &TU) {
    R.Incomplete = true;
    R.FailedFiles.push_back(TU.MainFile);
    Diagnostic D{Severity::Error, {TU.MainFile, 0, 0},
                 incompleteMessage(TU, Req.TuTimeoutSeconds), "", {}, {}};
    for (const Diagnostic &E : TU.Diags)
      if (E.Rule.empty())
        D.Notes.push_back({E.Loc, E.Message});
    toolDiagnostic(std::move(D));
  }

private:
  void consume(TUFacts TU) {
    if (TU.Outcome != TUOutcome::Complete) {
      noteIncomplete(TU);
      if (TU.Outcome != TUOutcome::ParseFailed)
        return; // partial facts of a TU cut short are not used
    }
    for (const Diagnostic &D : TU.Diags)
      if (!D.Rule.empty())
        Findings.push_back(D);
    auto LinkStart = std::chrono::steady_clock::now();
    Link.add(std::move(TU));
    Linking += std::chrono::steady_clock::now() - LinkStart;
  }

  /// Facts files from `pdflow facts`, every directory's, in database order
  /// (their names start with the TU's position).
  void listFactsFiles() {
    for (const std::string &Dir : Req.FactsDirs) {
      std::error_code EC;
      size_t Before = FactsFiles.size();
      for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
        if (llvm::StringRef(It->path()).ends_with(FactsFileSuffix))
          FactsFiles.push_back(It->path());
      if (EC) {
        toolDiagnostic({Severity::Error, {Dir, 0, 0},
                        "cannot read the facts directory: " + EC.message() +
                            "; pass a directory written by 'pdflow facts'",
                        "", {}, {}});
        R.UsageError = true;
      } else if (FactsFiles.size() == Before) {
        toolDiagnostic({Severity::Warning, {Dir, 0, 0},
                        "no facts files (*" + std::string(FactsFileSuffix) +
                            ") in this directory; was 'pdflow facts -o' given it?",
                        "", {}, {}});
      }
    }
    auto Order = [](const std::string &Path) {
      llvm::StringRef Name = llvm::sys::path::filename(Path);
      unsigned Position = 0;
      Name.take_while(llvm::isDigit).getAsInteger(10, Position);
      return std::make_tuple(Position, Name.str(), Path);
    };
    std::sort(FactsFiles.begin(), FactsFiles.end(),
              [&](const std::string &A, const std::string &B) { return Order(A) < Order(B); });
  }

  /// Reads and links the facts files one at a time (a TU's facts are freed
  /// once linked); returns the TUs' main files, for finding the config.
  std::vector<std::string> linkFactsFiles() {
    std::vector<std::string> Sources;
    std::set<std::pair<unsigned, std::string>> Seen; // a TU given twice counts once
    std::optional<unsigned> Of;
    for (const std::string &F : FactsFiles) {
      TUFacts TU;
      if (!readFactsFile(F, TU))
        continue;
      if (Of && TU.Of != *Of) {
        toolDiagnostic({Severity::Error, {F, 0, 0},
                        "these facts come from another extraction (of " + std::to_string(TU.Of) +
                            " TUs, the others of " + std::to_string(*Of) +
                            "); merge the shards of one 'pdflow facts' run",
                        "", {}, {}});
        R.UsageError = true;
        continue;
      }
      Of = TU.Of;
      if (!Seen.insert({TU.Position, TU.MainFile}).second)
        continue;
      Sources.push_back(TU.MainFile);
      consume(std::move(TU));
    }
    if (Of && Seen.size() < *Of) {
      // A shard left out loses its TUs' flows: incomplete, never silently smaller.
      R.Incomplete = true;
      toolDiagnostic({Severity::Error, {Req.FactsDirs.front(), 0, 0},
                      "analysis incomplete: facts of " + std::to_string(*Of - Seen.size()) +
                          " of the " + std::to_string(*Of) +
                          " TUs extracted are missing; pass every shard's directory to --facts",
                      "", {}, {}});
    }
    return Sources;
  }

  bool readFactsFile(const std::string &F, TUFacts &TU) {
    std::string Error;
    auto Buffer = llvm::MemoryBuffer::getFile(F);
    if (Buffer && readFacts((*Buffer)->getBuffer().str(), TU, Error))
      return true;
    toolDiagnostic({Severity::Error, {F, 0, 0},
                    (Buffer ? Error : Buffer.getError().message()) +
                        "; extract it again with 'pdflow facts'",
                    "", {}, {}});
    R.UsageError = true;
    return false;
  }

  void warnUnmatchedSideAnnotations(const Program &P) {
    const auto &Side = R.Cfg->Data;
    for (size_t I = 0; I < Side.size(); ++I)
      if (!P.SideAnnotationsMatched.count(static_cast<int>(I)))
        toolDiagnostic({Severity::Warning, Side[I].Loc,
                        "side annotation '" + Side[I].Symbol +
                            "' matches no declaration in the analysed files; check the "
                            "qualified name",
                        "", {}, {}});
  }

  /// The config's sinks and consent checks that can never apply: a glob
  /// that names nothing the code has (a warning), `args` no call passes.
  void checkConfigModels(const Program &P) {
    ConfigCoverage Coverage = checkConfigCoverage(P, R.Cfg->Models);
    for (Diagnostic &D : Coverage.Unmatched)
      toolDiagnostic(std::move(D));
    for (Diagnostic &D : Coverage.BadArgs)
      Findings.push_back(std::move(D));
  }

  void solveAndCheck(const Program &P) {
    if (Req.OnProgress)
      Req.OnProgress({Progress::Phase::Solving, 0, 0, ""});
    auto Start = std::chrono::steady_clock::now();
    R.M = solve(P, *R.Cfg, *R.Tax, *Models);
    R.Times.Solve = secondsSince(Start);

    Start = std::chrono::steady_clock::now();
    if (Req.RunChecks) {
      if (Req.OnProgress)
        Req.OnProgress({Progress::Phase::Checking, 0, 0, ""});
      for (Diagnostic &D : runChecks(R.M)) {
        // A rule option the config gets wrong is a config error, not a finding.
        if (D.Rule.empty()) {
          R.UsageError = R.UsageError || D.Sev == Severity::Error;
          toolDiagnostic(std::move(D));
          continue;
        }
        Findings.push_back(std::move(D));
      }
    }
    applyRuleSettings(*R.Cfg, Findings);
    std::sort(Findings.begin(), Findings.end(), diagnosticLess);
    Findings.erase(std::unique(Findings.begin(), Findings.end()), Findings.end());

    SuppressionFilter Filter(R.M.Suppressions, ruleNames(), R.Cfg->Rules);
    SuppressionResult S = Filter.apply(std::move(Findings));
    R.Findings = std::move(S.Kept);
    R.Suppressed = std::move(S.Suppressed);
    R.Times.Checks = secondsSince(Start);
    std::stable_sort(R.ToolDiagnostics.begin(), R.ToolDiagnostics.end(), diagnosticLess);
  }

  const AnalysisRequest &Req;
  AnalysisResult &R;
  std::vector<CompileCommand> Cmds;
  std::vector<std::string> FactsFiles; // --facts: every directory's, in database order
  std::unique_ptr<ModelIndex> Models;
  std::vector<Diagnostic> Findings;
  Linker Link;
  std::chrono::steady_clock::duration Linking{};
};

/// "%06u-name.facts.json": database order in the name, for people listing
/// the directory; the position inside is what counts.
std::string factsFileName(const TUFacts &TU) {
  char Prefix[16];
  std::snprintf(Prefix, sizeof Prefix, "%06u-", TU.Position);
  return Prefix + llvm::sys::path::filename(TU.MainFile).str() + FactsFileSuffix;
}

bool writeFileAtomically(const std::string &Path, const std::string &Text, std::string &Error) {
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Path + ".%%%%%%.tmp", FD, Temp)) {
    Error = EC.message();
    return false;
  }
  {
    llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
    Out << Text;
    Out.close();
    if (Out.has_error()) {
      Error = Out.error().message();
      Out.clear_error();
      llvm::sys::fs::remove(Temp);
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    Error = EC.message();
    llvm::sys::fs::remove(Temp);
    return false;
  }
  return true;
}

} // namespace

AnalysisResult analyze(const AnalysisRequest &Req) {
  AnalysisResult R;
  Run Pipeline(Req, R);
  if (Pipeline.prepare())
    Pipeline.analyze();
  return R;
}

bool inShard(const std::string &ShardKey, const ShardSpec &Shard) {
  return llvm::xxh3_64bits(ShardKey) % Shard.Count == Shard.Index;
}

/// The name a shard is chosen by: the file relative to the build directory,
/// so that extraction jobs on machines with different checkout paths agree.
std::string shardKey(const std::string &File, const std::string &BuildDir) {
  auto Components = [](llvm::StringRef Path) {
    llvm::SmallString<256> Abs(Path);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    std::vector<std::string> Parts(llvm::sys::path::begin(Abs), llvm::sys::path::end(Abs));
    return Parts;
  };
  std::vector<std::string> From = Components(BuildDir), To = Components(File);
  size_t Common = 0;
  while (Common < From.size() && Common < To.size() && From[Common] == To[Common])
    ++Common;
  std::string Key;
  for (size_t I = Common; I < From.size(); ++I)
    Key += "../";
  for (size_t I = Common; I < To.size(); ++I)
    Key += To[I] + (I + 1 < To.size() ? "/" : "");
  return Key;
}

/// Facts files already in Dir: those this run does not rewrite are stale
/// (another shard count, a file gone from the database) and are removed.
std::set<std::string> factsFilesIn(const std::string &Dir) {
  std::set<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(FactsFileSuffix))
      Files.insert(It->path());
  return Files;
}

AnalysisResult extractFactsInto(const AnalysisRequest &Req, const std::string &Dir,
                                const ShardSpec &Shard) {
  AnalysisResult R;
  Run Pipeline(Req, R);
  if (!Pipeline.prepare())
    return R;
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Pipeline.toolDiagnostic({Severity::Error, {Dir, 0, 0},
                             "cannot create the facts directory: " + EC.message(), "", {}, {}});
    R.UsageError = true;
    return R;
  }
  std::set<std::string> Stale = factsFilesIn(Dir);
  std::vector<size_t> Selected;
  const std::vector<CompileCommand> &Cmds = Pipeline.commands();
  for (size_t I = 0; I < Cmds.size(); ++I)
    if (inShard(shardKey(Cmds[I].File, Req.BuildDir), Shard))
      Selected.push_back(I);
  auto Start = std::chrono::steady_clock::now();
  Pipeline.extract(Selected, [&](TUFacts TU) {
    if (TU.Outcome != TUOutcome::Complete)
      Pipeline.noteIncomplete(TU);
    TU.Of = static_cast<unsigned>(Cmds.size());
    std::string Path = (llvm::Twine(Dir) + "/" + factsFileName(TU)).str();
    Stale.erase(Path);
    std::string Error;
    if (!writeFileAtomically(Path, writeFacts(TU), Error)) {
      Pipeline.toolDiagnostic(
          {Severity::Error, {Path, 0, 0}, "cannot write facts: " + Error, "", {}, {}});
      R.UsageError = true;
    }
  });
  for (const std::string &Old : Stale)
    llvm::sys::fs::remove(Old);
  R.Times.Parse = secondsSince(Start);
  return R;
}

int exitCodeFor(const AnalysisResult &R, Severity FailOn, bool AllowIncomplete) {
  if (R.UsageError)
    return ExitUsage;
  if (R.Incomplete && !AllowIncomplete)
    return ExitIncomplete;
  for (const Diagnostic &D : R.Findings)
    if (D.Sev >= FailOn)
      return ExitFindings;
  return ExitClean;
}

namespace {
void relativize(SourceLoc &L, const std::string &Prefix) {
  if (L.File.size() > Prefix.size() && L.File.compare(0, Prefix.size(), Prefix) == 0)
    L.File = L.File.substr(Prefix.size());
}
void relativize(Diagnostic &D, const std::string &Prefix) {
  relativize(D.Loc, Prefix);
  for (DiagNote &N : D.Notes)
    relativize(N.Loc, Prefix);
  for (FixIt &F : D.FixIts)
    relativize(F.Loc, Prefix);
}

std::string directoryPrefix(const std::string &Dir) {
  std::string Prefix = absolute(Dir);
  if (Prefix.empty() || Prefix.back() != '/')
    Prefix += '/';
  return Prefix;
}
} // namespace

void relativizePaths(Diagnostic &D, const std::string &Dir) {
  relativize(D, directoryPrefix(Dir));
}

void relativizePaths(AnalysisResult &R, const std::string &Dir) {
  std::string Prefix = directoryPrefix(Dir);
  Model &M = R.M;
  for (DataElement &E : M.Elements) {
    relativize(E.Loc, Prefix);
    relativize(E.AnnotationLoc, Prefix);
    relativize(E.Inferred.InsertLoc, Prefix);
    relativize(E.Inferred.KeyLoc, Prefix);
  }
  for (Flow &F : M.Flows) {
    relativize(F.SinkLoc, Prefix);
    relativize(F.Sink.ModelLoc, Prefix);
    for (FlowStep &S : F.Steps)
      relativize(S.Loc, Prefix);
  }
  for (ElementUse &U : M.Uses)
    relativize(U.Loc, Prefix);
  for (DeclaredName &D : M.Declarations) {
    relativize(D.Loc, Prefix);
    relativize(D.InsertLoc, Prefix);
  }
  for (Suppression &S : M.Suppressions)
    relativize(S.Loc, Prefix);
  for (auto &[Id, L] : M.ActivityEntries)
    relativize(L, Prefix);
  for (SinkWrapper &W : M.SinkWrappers) {
    relativize(W.Loc, Prefix);
    relativize(W.SinkLoc, Prefix);
  }
  for (Diagnostic &D : R.ToolDiagnostics)
    relativize(D, Prefix);
  for (Diagnostic &D : R.Findings)
    relativize(D, Prefix);
  for (SuppressedFinding &S : R.Suppressed) {
    relativize(S.Finding, Prefix);
    relativize(S.By.Loc, Prefix);
  }
  for (std::string &F : R.FailedFiles) {
    SourceLoc L{F, 0, 0};
    relativize(L, Prefix);
    F = L.File;
  }
}

} // namespace pdflow
