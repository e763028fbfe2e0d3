#include "pdflow/analysis/Analysis.h"

#include "pdflow/checks/Check.h"
#include "pdflow/report/SuppressionFilter.h"
#include "pdflow/solver/ModelIndex.h"
#include "pdflow/solver/Solver.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <atomic>
#include <chrono>
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

/// The deepest directory holding every file of Cmds.
std::string commonDirectory(const std::vector<CompileCommand> &Cmds) {
  if (Cmds.empty())
    return {};
  std::string Common = llvm::sys::path::parent_path(Cmds.front().File).str();
  for (const CompileCommand &C : Cmds)
    while (!Common.empty() && llvm::StringRef(C.File).starts_with(Common + "/") == false)
      Common = llvm::sys::path::parent_path(Common).str();
  return Common;
}

void loadConfig(const AnalysisRequest &Req, const std::vector<CompileCommand> &Cmds,
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
    if (Path.empty() && !Cmds.empty())
      Path = findConfigFile(commonDirectory(Cmds));
    if (Path.empty() && !Req.BuildDir.empty())
      Path = findConfigFile(absolute(Req.BuildDir));
    if (!Path.empty())
      Cfg = loadConfigFile(Path, *R.Tax, Diags, ruleNames());
    else
      Cfg = Config{};
  }
  if (!Cfg)
    Cfg = Config{}; // unreadable: carry on with defaults, exit 2 at the end
  R.Cfg = std::make_unique<Config>(std::move(*Cfg));
}

bool selectCommands(const AnalysisRequest &Req, AnalysisResult &R,
                    std::vector<CompileCommand> &Cmds) {
  if (!Req.Commands.empty()) {
    Cmds = Req.Commands;
    return true;
  }
  std::string Error;
  std::vector<CompileCommand> All;
  if (!loadCompileCommands(Req.BuildDir, All, Error)) {
    R.ToolDiagnostics.push_back({Severity::Error, {}, Error, "", {}, {}});
    R.UsageError = true;
    return false;
  }
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

AnalysisResult analyze(const AnalysisRequest &Req) {
  AnalysisResult R;
  R.Tax = std::make_unique<Taxonomy>(Taxonomy::builtin());
  std::vector<CompileCommand> Cmds;
  bool HaveCommands = selectCommands(Req, R, Cmds);
  DiagnosticList ConfigDiags;
  loadConfig(Req, Cmds, R, ConfigDiags);
  ModelSet Builtin = builtinModels(*R.Tax, ConfigDiags);
  if (ConfigDiags.hasErrors())
    R.UsageError = true;
  auto ToolDiagnostic = [&](Diagnostic D) {
    if (Req.OnToolDiagnostic)
      Req.OnToolDiagnostic(D);
    R.ToolDiagnostics.push_back(std::move(D));
  };
  for (const Diagnostic &D : R.ToolDiagnostics) // from the compile database
    if (Req.OnToolDiagnostic)
      Req.OnToolDiagnostic(D);
  for (Diagnostic &D : ConfigDiags.sorted())
    ToolDiagnostic(std::move(D));
  if (!HaveCommands) {
    R.M.Cfg = R.Cfg.get();
    R.M.Tax = R.Tax.get();
    return R;
  }

  ModelIndex Models(Builtin, R.Cfg->Models);
  FrontendContext Ctx{*R.Cfg, *R.Tax, Models};
  std::vector<Diagnostic> Findings;
  Linker Link;
  ExtractOptions Extract;
  Extract.Jobs = std::max(1u, Req.Jobs);
  Extract.TuTimeoutSeconds = Req.TuTimeoutSeconds;
  std::atomic<size_t> Started{0};
  if (Req.OnProgress)
    Extract.OnStart = [&](size_t I) {
      Req.OnProgress({Progress::Phase::Parsing, ++Started, Cmds.size(), Cmds[I].File});
    };
  auto Start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::duration Linking{};
  extractAll(Cmds, Ctx, Extract, [&](TUFacts TU) {
    if (TU.Outcome != TUOutcome::Complete) {
      R.Incomplete = true;
      R.FailedFiles.push_back(TU.MainFile);
      Diagnostic D{Severity::Error, {TU.MainFile, 0, 0},
                   incompleteMessage(TU, Req.TuTimeoutSeconds), "", {}, {}};
      for (const Diagnostic &E : TU.Diags)
        if (E.Rule.empty())
          D.Notes.push_back({E.Loc, E.Message});
      ToolDiagnostic(std::move(D));
      if (TU.Outcome != TUOutcome::ParseFailed)
        return; // partial facts of a TU cut short are not used
    }
    for (const Diagnostic &D : TU.Diags)
      if (!D.Rule.empty())
        Findings.push_back(D);
    auto LinkStart = std::chrono::steady_clock::now();
    Link.add(std::move(TU));
    Linking += std::chrono::steady_clock::now() - LinkStart;
  });
  auto LinkStart = std::chrono::steady_clock::now();
  Program P = Link.finish();
  Linking += std::chrono::steady_clock::now() - LinkStart;
  R.Times.Link = std::chrono::duration<double>(Linking).count();
  R.Times.Parse = secondsSince(Start) - R.Times.Link;
  const auto &Side = R.Cfg->Data;
  for (size_t I = 0; I < Side.size(); ++I)
    if (!P.SideAnnotationsMatched.count(static_cast<int>(I)))
      ToolDiagnostic({Severity::Warning, Side[I].Loc,
                      "side annotation '" + Side[I].Symbol +
                          "' matches no declaration in the analysed files; check the "
                          "qualified name",
                      "", {}, {}});
  if (Req.OnProgress)
    Req.OnProgress({Progress::Phase::Solving, 0, 0, ""});
  Start = std::chrono::steady_clock::now();
  R.M = solve(P, *R.Cfg, *R.Tax, Models);
  R.Times.Solve = secondsSince(Start);

  Start = std::chrono::steady_clock::now();
  if (Req.RunChecks) {
    if (Req.OnProgress)
      Req.OnProgress({Progress::Phase::Checking, 0, 0, ""});
    for (Diagnostic &D : runChecks(R.M)) {
      // A rule option the config gets wrong is a config error, not a finding.
      if (D.Rule.empty()) {
        R.UsageError = R.UsageError || D.Sev == Severity::Error;
        ToolDiagnostic(std::move(D));
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
  return R;
}

int exitCodeFor(const AnalysisResult &R, Severity FailOn) {
  if (R.UsageError)
    return ExitUsage;
  if (R.Incomplete)
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
