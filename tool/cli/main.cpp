// pdflow's command line: parses arguments, runs the analysis library, renders.

#include "Options.h"
#include "RunReporter.h"

#include "pdflow/analysis/Analysis.h"
#include "pdflow/checks/Check.h"
#include "pdflow/discovery/Suggestions.h"
#include "pdflow/report/Report.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/Threading.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace pdflow;

namespace {

const char *const Usage = R"(pdflow - trace personal data through C++ code

USAGE
  pdflow inventory -p BUILD_DIR [FILES...] [--config F] [--format text|json] [-o F] [-j N]
                   [--tu-timeout S] [--stats] [--quiet]
  pdflow scan      -p BUILD_DIR [FILES...] [--config F] [--format text|json] [-o F] [-j N]
                   [--flows] [--fail-on note|warning|error] [--tu-timeout S] [--stats]
                   [--quiet] [--infer] [--min-confidence N]
  pdflow scan      --facts DIR [DIR...] [options of scan but -p]
  pdflow facts     -p BUILD_DIR [FILES...] -o DIR [--shard K/N] [--config F] [-j N]
                   [--tu-timeout S]
  pdflow suggest   -p BUILD_DIR [FILES...] [--config F] [--format text|yaml|fixes] [-o F]
                   [-j N] [--min-confidence N] [--tu-timeout S] [--quiet]
  pdflow rules
  pdflow --help | --version

COMMANDS
  inventory   List every personal-data element: annotated in code, or by a side
              annotation in .pdflow.yaml; with its category, subject, purposes,
              retention and where it is declared.
  scan        Trace personal data to sinks (logs, exports, storage, third
              parties) and report rule findings in Clang's format, each with
              the flow's steps as notes. --flows also lists every flow.
  facts       Extract each TU's facts (what pdflow learns from its code) into one
              file per TU in DIR, for a merge elsewhere: 'scan --facts DIR...'
              solves the facts of several shards as one program, with the same
              output as a scan of the whole database.
  suggest     Propose annotations for a project that has none: every field,
              global, parameter and local whose name or type looks like personal
              data, with the category, the confidence and the reason; as text,
              as a data: block for .pdflow.yaml (yaml), or as fixes for
              clang-apply-replacements that insert PDFLOW_DATA (fixes).
  rules       List the rules with their GDPR article and default severity.

OPTIONS
  -p DIR          Directory holding compile_commands.json (as for clang-tidy).
  FILES           Analyse only these files of the database (default: all).
  --config F      Use F instead of the .pdflow.yaml found by walking up from the
                  current directory, then from the analysed sources' common
                  directory, then from BUILD_DIR.
  --format FMT    text (default) or json; for suggest, text, yaml or fixes.
  -o F            Write the report to F instead of standard output; F is
                  written only when the analysis finished. For 'facts': the
                  directory to write the facts files into.
  --facts DIR     scan, inventory: read the facts written by 'pdflow facts'
                  instead of parsing (repeat it, or list more directories).
  --shard K/N     facts: only the K-th of N shares of the database's files, by
                  a stable hash of their paths relative to BUILD_DIR.
  -j N            Parse N files at a time (default: the number of cores).
  --flows         scan: list every flow, with its steps.
  --fail-on SEV   scan: exit 1 when a finding is at or above SEV (default: warning).
  --infer         scan, inventory: also treat unannotated declarations whose name
                  or type looks like personal data as data elements, marked
                  inferred (as discovery: {infer: true} in .pdflow.yaml).
  --min-confidence N
                  The confidence (0-100) from which a declaration is inferred
                  (default: discovery: min_confidence, else 70).
  --tu-timeout S  Drop a file whose analysis takes more than S seconds once Clang
                  has parsed it; it is named and the run exits 3.
  --stats         Print the time of each phase and the peak memory to stderr.
  --quiet, -q     No progress line (shown only when stderr is a terminal).

EXIT CODES
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage or configuration error (bad option, broken .pdflow.yaml, no
     compile database, a FILE not in it); the analysis still runs where it can
  3  analysis incomplete: a file failed to parse, went past --tu-timeout, or
     crashed the analysis (each one is named; the others are analysed)

Docs: docs/getting-started.md, docs/annotating.md, docs/discovery.md, docs/rules/.
)";

int usageError(const std::string &Message) {
  llvm::errs() << "pdflow: error: " << Message << "\n"
               << "Run 'pdflow --help' for usage.\n";
  return ExitUsage;
}

bool writeOutput(const std::string &Path, const std::string &Text) {
  if (Path.empty() || Path == "-") {
    std::cout << Text;
    std::cout.flush();
    return true;
  }
  // Write beside the target and rename, so a failed run leaves nothing
  // half-written.
  std::string Temp = Path + ".pdflow-tmp";
  {
    std::ofstream Out(Temp, std::ios::binary);
    Out << Text;
    if (!Out) {
      llvm::errs() << "pdflow: error: cannot write '" << Path << "'\n";
      std::remove(Temp.c_str());
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::errs() << "pdflow: error: cannot write '" << Path << "': " << EC.message() << "\n";
    std::remove(Temp.c_str());
    return false;
  }
  return true;
}

/// The closing summary: tool diagnostics were printed as they came.
void printIncomplete(const AnalysisResult &R) {
  for (const std::string &F : R.FailedFiles)
    llvm::errs() << "pdflow: analysis incomplete: " << F << " was not analysed (see above)\n";
}

std::string currentDirectory() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

AnalysisResult runAnalysis(const CliOptions &O, bool RunChecks) {
  AnalysisRequest Req;
  Req.BuildDir = O.BuildDir;
  Req.Files = O.Files;
  Req.ConfigFile = O.ConfigFile;
  Req.Jobs = O.Jobs ? O.Jobs : llvm::hardware_concurrency().compute_thread_count();
  Req.RunChecks = RunChecks;
  Req.TuTimeoutSeconds = O.TuTimeout;
  Req.FactsDirs = O.FactsDirs;
  Req.Infer = O.Infer || O.Command == "suggest";
  Req.MinConfidence = O.MinConfidence;
  RunReporter Reporter(O.Quiet, currentDirectory());
  Reporter.attach(Req);
  AnalysisResult R = O.Command == "facts"
                         ? extractFactsInto(Req, O.Output, {O.ShardIndex, O.ShardCount})
                         : analyze(Req);
  Reporter.finish();
  relativizePaths(R, currentDirectory());
  return R;
}

/// Writes the report; with --stats, says how long each phase took.
bool writeReport(const CliOptions &O, const AnalysisResult &R,
                 const std::function<std::string()> &Render) {
  auto Start = std::chrono::steady_clock::now();
  bool Written = writeOutput(O.Output, Render());
  if (O.Stats)
    RunReporter::printStats(
        R.Times,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count());
  return Written;
}

int inventory(const CliOptions &O) {
  AnalysisResult R = runAnalysis(O, /*RunChecks=*/false);
  bool Color = llvm::errs().has_colors();
  printIncomplete(R);
  for (const Diagnostic &D : R.Findings)
    llvm::errs() << formatDiagnostic(D, Color);
  if (!writeReport(O, R, [&] {
        return O.Format == "json" ? renderInventoryJson(R.M) : renderInventoryText(R.M);
      }))
    return ExitUsage;
  int Code = exitCodeFor(R, Severity::Error);
  return Code;
}

int scan(const CliOptions &O) {
  AnalysisResult R = runAnalysis(O, /*RunChecks=*/true);
  bool ToTerminal = O.Output.empty() && llvm::outs().has_colors();
  printIncomplete(R);
  if (!writeReport(O, R, [&] {
        if (O.Format == "json")
          return renderScanJson(R.M, R.Findings, R.Suppressed, R.ToolDiagnostics);
        std::string Text;
        if (O.Flows)
          Text += renderFlowsText(R.M);
        return Text + renderFindingsText(R.Findings, ToTerminal);
      }))
    return ExitUsage;
  return exitCodeFor(R, O.FailOn);
}

int facts(const CliOptions &O) {
  AnalysisResult R = runAnalysis(O, /*RunChecks=*/false);
  printIncomplete(R);
  if (O.Stats)
    RunReporter::printStats(R.Times, 0);
  return exitCodeFor(R, Severity::Error);
}

std::optional<std::string> readSource(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    return std::nullopt;
  std::ostringstream Text;
  Text << In.rdbuf();
  return Text.str();
}

/// Absolute, as clang-apply-replacements wants its paths.
std::string absolutePath(const std::string &Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  return std::string(P);
}

int suggest(const CliOptions &O) {
  AnalysisResult R = runAnalysis(O, /*RunChecks=*/false);
  printIncomplete(R);
  std::vector<Suggestion> S = collectSuggestions(R.M);
  std::vector<std::string> Errors;
  std::string Text;
  if (O.Format == "yaml") {
    Text = renderSuggestionsYaml(S, R.M.SinkWrappers);
  } else if (O.Format == "fixes") {
    for (Suggestion &X : S)
      if (X.InsertLoc.valid())
        X.InsertLoc.File = absolutePath(X.InsertLoc.File);
    Text = renderSuggestionsFixes(S, readSource, Errors);
  } else {
    Text = renderSuggestionsText(S, R.M.SinkWrappers);
  }
  for (const std::string &E : Errors)
    llvm::errs() << "pdflow: error: " << E << "\n";
  if (!Errors.empty() || !writeReport(O, R, [&] { return Text; }))
    return ExitUsage;
  int Code = exitCodeFor(R, Severity::Error);
  return Code == ExitFindings ? ExitClean : Code;
}

int rules() {
  for (const RuleInfo &R : allRules()) {
    std::string Article = R.Article.empty() ? "-" : "Art. " + std::string(R.Article);
    std::printf("%-36s %-20s %-8s %.*s\n", std::string(R.Name).c_str(), Article.c_str(),
                severityName(R.DefaultSeverity), static_cast<int>(R.Summary.size()),
                R.Summary.data());
  }
  return ExitClean;
}

} // namespace

int main(int Argc, char **Argv) {
  std::vector<std::string> Args(Argv + 1, Argv + Argc);
  if (Args.empty()) {
    std::cerr << Usage;
    return ExitUsage;
  }
  if (Args[0] == "--help" || Args[0] == "-h" || Args[0] == "help") {
    std::cout << Usage;
    return ExitClean;
  }
  if (Args[0] == "--version") {
    std::cout << "pdflow " PDFLOW_VERSION " (Clang " LLVM_VERSION_STRING ")\n";
    return ExitClean;
  }
  CliOptions O;
  std::string Error;
  if (!parseOptions(Args, O, Error))
    return usageError(Error);
  if (O.Help) {
    std::cout << Usage;
    return ExitClean;
  }
  if (O.Command == "rules")
    return rules();
  if (O.Command == "inventory")
    return inventory(O);
  if (O.Command == "scan")
    return scan(O);
  if (O.Command == "facts")
    return facts(O);
  if (O.Command == "suggest")
    return suggest(O);
  return usageError("unknown command '" + O.Command + "'");
}
