// pdflow's command line: parses arguments, runs the analysis library, renders.

#include "Options.h"
#include "RegisterCommand.h"
#include "RunReporter.h"
#include "ScanGate.h"

#include "pdflow/analysis/Analysis.h"
#include "pdflow/checks/Check.h"
#include "pdflow/discovery/Suggestions.h"
#include "pdflow/report/Report.h"
#include "pdflow/report/ReportSarif.h"
#include "pdflow/support/OutputFile.h"
#include "pdflow/support/Text.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <functional>

using namespace pdflow;

namespace {

const char *const Usage = R"(pdflow - trace personal data through C++ code

USAGE
  pdflow inventory -p BUILD_DIR [FILES...] [--config F] [--format text|json] [-o F] [-j N]
                   [--infer] [--min-confidence N] [--tu-timeout S] [--stats] [--quiet]
  pdflow scan      -p BUILD_DIR [FILES...] [--config F] [--format text|json|sarif] [-o F] [-j N]
                   [--flows] [--fail-on note|warning|error] [--baseline F] [--new-since REV]
                   [--allow-incomplete] [--infer] [--min-confidence N] [--tu-timeout S]
                   [--stats] [--quiet]
  pdflow baseline  -p BUILD_DIR [FILES...] [--config F] [-o F] [-j N] [--allow-incomplete]
                   [--infer] [--min-confidence N] [--tu-timeout S] [--stats] [--quiet]
  pdflow register  -p BUILD_DIR [FILES...] [--config F] [--format yaml|md|html|csv|xlsx|dot]
                   [--lang en|fr] [-o F]... [-j N] [--check F] [--source-url TEMPLATE]
                   [--tu-timeout S] [--stats] [--quiet]
  pdflow suggest   -p BUILD_DIR [FILES...] [--config F] [--format text|yaml|fixes] [-o F]
                   [-j N] [--min-confidence N] [--tu-timeout S] [--stats] [--quiet]
  pdflow inventory|scan|baseline|register --facts DIR [DIR...]
                   [its options but -p, FILES, --infer and --min-confidence]
  pdflow facts     -p BUILD_DIR [FILES...] -o DIR [--shard K/N] [--config F] [-j N]
                   [--infer] [--min-confidence N] [--tu-timeout S] [--stats] [--quiet]
  pdflow rules
  pdflow --help | --version

COMMANDS
  inventory   List every personal-data element: annotated in code, or by a side
              annotation in .pdflow.yaml; with its category, subject, purposes,
              retention and where it is declared.
  scan        Trace personal data to sinks (logs, exports, storage, third
              parties) and report rule findings in Clang's format, each with
              the flow's steps as notes. --flows also lists every flow.
  baseline    Record today's findings by fingerprint, so that a later
              'scan --baseline F' reports only new ones.
  register    Write the GDPR Article 30 record of processing activities: one
              entry per activity, each value declared in .pdflow.yaml or derived
              from the code with the locations that prove it; the data map;
              missing fields on stderr; inferred data (discovery) listed apart,
              to confirm. --check compares with a committed YAML register and
              prints what changed.
  suggest     Propose annotations for a project that has none: every field,
              global, parameter and local whose name or type, or a key next to
              it (j["email"] = v, a SQL column), looks like personal data, with
              the category, the confidence and the reason; as text,
              as a data: block for .pdflow.yaml (yaml), or as fixes for
              clang-apply-replacements that insert PDFLOW_DATA (fixes). Also
              the project's functions that pass a parameter to a sink.
  facts       Extract each TU's facts (what pdflow learns from its code) into one
              file per TU in DIR, for a merge elsewhere: 'scan --facts DIR...'
              solves the facts of several shards as one program, with the same
              output as a scan of the whole database.
  rules       List the rules with their GDPR article and default severity.

OPTIONS
  -p DIR          Directory holding compile_commands.json (as for clang-tidy).
  FILES           Analyse only these files of the database (default: all).
  --config F      Use F instead of the .pdflow.yaml found by walking up from the
                  current directory, then from the analysed sources' common
                  directory, then from BUILD_DIR.
  --format FMT    inventory: text (default) or json. scan: text (default),
                  json or sarif (SARIF 2.1.0, for GitHub code scanning).
                  baseline: none, it writes its own JSON. register: yaml
                  (default; the form to commit), md, html (one self-contained
                  page with the data map), csv (one row per activity, the CNIL
                  template's columns), xlsx (needs -o) or dot (the data map).
                  suggest: text (default), yaml or fixes.
  -o F            Write the report to F instead of standard output: whole or
                  not at all, once the analysis finished. An existing F keeps
                  its permissions; a FIFO or device is written in place; a
                  directory is refused. For 'facts': the directory to write
                  the facts files into. register: the format follows F's
                  extension when --format is not given, and -o may be
                  repeated (-o r.yaml -o r.html -o r.xlsx) to write several
                  formats from one analysis; none is replaced until all are
                  complete.
  --facts DIR     inventory, scan, baseline, register: read the facts written
                  by 'pdflow facts' instead of parsing (repeat it, or list more
                  directories).
  --shard K/N     facts: only the K-th of N shares of the database's files, by
                  a stable hash of their paths relative to BUILD_DIR.
  -j N            Parse N files at a time (default: the number of cores).
  --flows         scan: list every flow, with its steps.
  --fail-on SEV   scan: exit 1 when a finding is at or above SEV (default: warning).
  --infer         scan, inventory, baseline, facts: also treat unannotated
                  declarations whose name or type looks like personal data as
                  data elements, marked inferred (as discovery: {infer: true} in
                  .pdflow.yaml).
  --min-confidence N
                  scan, inventory, baseline, facts, suggest: the confidence
                  (0-100) from which a declaration is inferred (default:
                  discovery: min_confidence, else 70).
  --tu-timeout S  Drop a file whose analysis takes more than S seconds once Clang
                  has parsed it; it is named and the run exits 3.
  --stats         Print the time of each phase and the peak memory to stderr.
  --quiet, -q     No progress line (shown only when stderr is a terminal).
  --baseline F    scan: leave out the findings baseline F holds (matched by
                  fingerprint, so moved code still matches); its entries that
                  match nothing any more are listed.
  --new-since REV scan: report only findings whose flow touches a line changed
                  since git revision REV (a pull request's merge base), in
                  commits, uncommitted edits or untracked files.
  --allow-incomplete
                  scan, baseline: a file that was not analysed (failed to
                  parse, timed out or crashed) does not make the exit code 3;
                  it is still named, in every format. baseline writes its file
                  anyway.
  --lang LANG     register: en (default) or fr, headings and labels in French
                  (the CNIL template's wording).
  --check F       register: compare with the YAML register F; exit 1 and print
                  the changes (new recipients, categories, activities...) when
                  the processing differs. Code that only moved is no change,
                  nor are the categories to confirm (inferred data).
  --source-url T  register: link each code location, T a template such as
                  'https://host/org/repo/blob/{rev}/{path}#L{line}'; {rev} is
                  the sources' `git rev-parse HEAD`.

EXIT CODES
  0  no finding at or above --fail-on (baseline: the file was written;
     register: written, or no change found by --check)
  1  findings at or above --fail-on (register --check: the processing changed)
  2  usage or configuration error (bad option, broken .pdflow.yaml, no
     compile database or a bad entry in it, a FILE not in it, an unreadable
     --baseline file, an unknown --new-since revision), or the report could
     not be written; scan still reports what it can
  3  analysis incomplete: a file failed to parse, went past --tu-timeout, or
     crashed the analysis (each one is named, in every format and in the -o
     file; the others are analysed), unless --allow-incomplete; register
     writes nothing then

Docs: docs/getting-started.md, docs/annotating.md, docs/discovery.md, docs/rules/,
docs/ci.md, docs/json-schema.md, docs/register.md.
)";

int usageError(const std::string &Message) {
  llvm::errs() << "pdflow: error: " << escapeNonPrintable(Message) << "\n"
               << "Run 'pdflow --help' for usage.\n";
  return ExitUsage;
}

/// Writes a report to standard output ("" or "-") or to the file Path;
/// false, with the reason on stderr, when it could not be written whole.
bool writeOutput(const std::string &Path, const std::string &Text) {
  llvm::Error E =
      Path.empty() || Path == "-" ? writeStandardOutput(Text) : writeOutputFile(Path, Text);
  if (!E)
    return true;
  llvm::errs() << "pdflow: error: " << llvm::toString(std::move(E)) << "\n";
  return false;
}

/// The closing summary: tool diagnostics were printed as they came.
void printIncomplete(const AnalysisResult &R) {
  for (const std::string &F : R.FailedFiles)
    llvm::errs() << "pdflow: analysis incomplete: " << escapeNonPrintable(F)
                 << " was not analysed (see above)\n";
}

std::string currentDirectory() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

/// The analysis with paths as the compile database gives them (absolute).
AnalysisResult analyzeWithAbsolutePaths(const CliOptions &O, bool RunChecks) {
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
  return R;
}

AnalysisResult runAnalysis(const CliOptions &O, bool RunChecks) {
  AnalysisResult R = analyzeWithAbsolutePaths(O, RunChecks);
  relativizePaths(R, currentDirectory());
  return R;
}

/// A text report written to a file starts with what the run said on
/// stderr, so that the file alone tells whether it is complete and why.
/// (JSON has it under "diagnostics".)
std::string withRunStatus(const CliOptions &O, const AnalysisResult &R, std::string Report) {
  if (O.Output.empty())
    return Report;
  return renderRunStatusText(R.ToolDiagnostics, R.UsageError) + Report;
}

/// Writes the report; with --stats, says how long each phase took.
bool writeReport(const CliOptions &O, const AnalysisResult &R,
                 const std::function<std::string()> &Render) {
  auto Start = std::chrono::steady_clock::now();
  bool Written = writeOutput(O.Output, Render());
  if (O.Stats)
    RunReporter::printStats(
        R.Times, std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count());
  return Written;
}

int inventory(const CliOptions &O) {
  AnalysisResult R = runAnalysis(O, /*RunChecks=*/false);
  bool Color = llvm::errs().has_colors();
  printIncomplete(R);
  for (const Diagnostic &D : R.Findings)
    llvm::errs() << formatDiagnostic(D, Color);
  if (!writeReport(O, R, [&] {
        if (O.Format == "json")
          return renderInventoryJson(R.M);
        return withRunStatus(O, R,
                             renderInventoryText(R.M) + renderIncompleteText(R.FailedFiles, false));
      }))
    return ExitUsage;
  int Code = exitCodeFor(R, Severity::Error);
  return Code;
}

int scan(const CliOptions &O) {
  GateInputs Gate;
  std::string Error;
  if (!loadGateInputs(O, Gate, Error))
    return usageError(Error);
  AnalysisResult R = analyzeWithAbsolutePaths(O, /*RunChecks=*/true);
  std::string Cwd = currentDirectory();
  std::string Root = sourceRoot(Cwd);
  ScanReport Report = applyGate(R, Gate, Root);
  // SARIF paths are relative to the work tree's top (%SRCROOT%), as code
  // scanning expects; the others to the current directory.
  relativizePaths(R, O.Format == "sarif" ? Root : Cwd);
  collectFindings(Report, R);
  bool ToTerminal = O.Output.empty() && llvm::outs().has_colors();
  printIncomplete(R);
  printGateSummary(Report, llvm::errs().has_colors());
  if (!writeReport(O, R, [&]() -> std::string {
        if (O.Format == "json")
          return renderScanJson(R.M, Report);
        if (O.Format == "sarif")
          return renderScanSarif(R.M, Report, sarifOptions(Report, Root));
        std::string Text;
        if (O.Flows)
          Text += renderFlowsText(R.M);
        return withRunStatus(O, R,
                             Text + renderFindingsText(Report.Findings, ToTerminal) +
                                 renderIncompleteText(Report.IncompleteFiles, ToTerminal));
      }))
    return ExitUsage;
  return exitCodeFor(R, O.FailOn, O.AllowIncomplete);
}

int baseline(const CliOptions &O) {
  AnalysisResult R = analyzeWithAbsolutePaths(O, /*RunChecks=*/true);
  std::string Root = sourceRoot(currentDirectory());
  applyGate(R, GateInputs(), Root);
  relativizePaths(R, Root); // a baseline names files relative to the work tree's top
  printIncomplete(R);
  // A baseline taken from a broken config or a partial analysis would hide
  // findings once both are fixed: refuse to write one.
  if (R.UsageError) {
    llvm::errs() << "pdflow: error: baseline not written; fix the errors above first\n";
    return ExitUsage;
  }
  if (R.Incomplete && !O.AllowIncomplete) {
    llvm::errs() << "pdflow: error: baseline not written, the analysis is incomplete; fix the "
                    "files above or pass --allow-incomplete\n";
    return ExitIncomplete;
  }
  if (!writeReport(O, R, [&] { return renderBaseline(R.Findings, R.FailedFiles); }))
    return ExitUsage;
  llvm::errs() << "pdflow: baseline of " << R.Findings.size() << " finding"
               << (R.Findings.size() == 1 ? "" : "s") << " written"
               << (O.Output.empty() ? "" : " to '" + O.Output + "'") << "\n";
  return ExitClean;
}

int facts(const CliOptions &O) {
  AnalysisResult R = runAnalysis(O, /*RunChecks=*/false);
  printIncomplete(R);
  if (O.Stats)
    RunReporter::printStats(R.Times, 0);
  return exitCodeFor(R, Severity::Error);
}

int registerCommand(const CliOptions &O) {
  AnalysisResult R = runAnalysis(O, /*RunChecks=*/false);
  bool Color = llvm::errs().has_colors();
  printIncomplete(R);
  // Broken annotations are data the register cannot see.
  for (const Diagnostic &D : R.Findings)
    llvm::errs() << formatDiagnostic(D, Color);
  auto Start = std::chrono::steady_clock::now();
  int Code = runRegister(O, R);
  if (O.Stats)
    RunReporter::printStats(
        R.Times, std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count());
  return Code;
}

std::optional<std::string> readSource(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
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
    llvm::errs() << "pdflow: error: " << escapeNonPrintable(E) << "\n";
  if (!Errors.empty() || !writeReport(O, R, [&] { return Text; }))
    return ExitUsage;
  int Code = exitCodeFor(R, Severity::Error);
  return Code == ExitFindings ? ExitClean : Code;
}

/// Text for standard output (--help, rules): exit 0 only when it was
/// written.
int print(const std::string &Text) { return writeOutput("-", Text) ? ExitClean : ExitUsage; }

int rules() {
  std::string Text;
  for (const RuleInfo &R : allRules()) {
    std::string Article = R.Article.empty() ? "-" : "Art. " + std::string(R.Article);
    Text += llvm::formatv("{0,-36} {1,-20} {2,-8} {3}\n", R.Name, Article,
                          severityName(R.DefaultSeverity), R.Summary)
                .str();
  }
  return print(Text);
}

} // namespace

int main(int Argc, char **Argv) {
  std::vector<std::string> Args(Argv + 1, Argv + Argc);
  if (Args.empty()) {
    llvm::errs() << Usage;
    return ExitUsage;
  }
  if (Args[0] == "--help" || Args[0] == "-h" || Args[0] == "help")
    return print(Usage);
  if (Args[0] == "--version")
    return print("pdflow " PDFLOW_VERSION " (Clang " LLVM_VERSION_STRING ")\n");
  CliOptions O;
  std::string Error;
  if (!parseOptions(Args, O, Error))
    return usageError(Error);
  if (O.Help)
    return print(Usage);
  if (O.Command == "rules")
    return rules();
  if (O.Command == "inventory")
    return inventory(O);
  if (O.Command == "scan")
    return scan(O);
  if (O.Command == "facts")
    return facts(O);
  if (O.Command == "baseline")
    return baseline(O);
  if (O.Command == "register")
    return registerCommand(O);
  if (O.Command == "suggest")
    return suggest(O);
  return usageError("unknown command '" + O.Command + "'");
}
