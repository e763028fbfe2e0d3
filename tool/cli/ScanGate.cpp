#include "ScanGate.h"

#include "pdflow/report/Fingerprint.h"
#include "pdflow/report/LineHash.h"
#include "pdflow/vcs/Git.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace pdflow {

static std::string currentDir() {
  llvm::SmallString<256> Dir;
  llvm::sys::fs::current_path(Dir);
  return std::string(Dir);
}

bool loadGateInputs(const CliOptions &O, GateInputs &In, std::string &Error) {
  if (!O.BaselineFile.empty()) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
        llvm::MemoryBuffer::getFile(O.BaselineFile);
    if (!Buf) {
      Error = "cannot read baseline '" + O.BaselineFile + "': " + Buf.getError().message() +
              "; write one with 'pdflow baseline -p BUILD_DIR -o " + O.BaselineFile + "'";
      return false;
    }
    In.Base = parseBaseline((*Buf)->getBuffer(), O.BaselineFile, Error);
    if (!In.Base)
      return false;
    In.BaselineFile = O.BaselineFile;
  }
  if (!O.NewSince.empty()) {
    std::string GitError;
    In.Changed = changedLinesSince(O.NewSince, currentDir(), GitError);
    if (!In.Changed) {
      Error = "'--new-since': " + GitError;
      return false;
    }
    In.Revision = O.NewSince;
  }
  return true;
}

std::string sourceRoot(const std::string &Dir) {
  std::string Root = findWorkTreeRoot(Dir);
  return Root.empty() ? Dir : Root;
}

ScanReport applyGate(AnalysisResult &R, const GateInputs &In, const std::string &SourceRoot) {
  std::vector<Diagnostic *> All;
  for (Diagnostic &D : R.Findings)
    All.push_back(&D);
  for (SuppressedFinding &S : R.Suppressed)
    All.push_back(&S.Finding);
  assignFingerprints(All, SourceRoot);

  ScanReport Report;
  if (In.Base) {
    BaselineMatch Match = applyBaseline(*In.Base, std::move(R.Findings));
    R.Findings = std::move(Match.New);
    Report.Baseline = BaselineReport{In.BaselineFile, Match.Known.size(), std::move(Match.Stale)};
  }
  if (In.Changed) {
    // A finding is new when its flow touches a changed line: the sink, any
    // step, the element's declaration or a config line it names.
    size_t Before = R.Findings.size() + R.Suppressed.size();
    auto Untouched = [&](const Diagnostic &D) { return !In.Changed->touches(D); };
    llvm::erase_if(R.Findings, Untouched);
    llvm::erase_if(R.Suppressed, [&](const SuppressedFinding &S) { return Untouched(S.Finding); });
    Report.NewSince = NewSinceReport{In.Revision, Before - R.Findings.size() - R.Suppressed.size()};
  }
  return Report;
}

void collectFindings(ScanReport &Report, const AnalysisResult &R) {
  Report.Findings = R.Findings;
  Report.Suppressed = R.Suppressed;
  Report.ToolDiagnostics = R.ToolDiagnostics;
  Report.IncompleteFiles = R.FailedFiles;
}

void printGateSummary(const ScanReport &Report, bool Color) {
  if (Report.Baseline) {
    const BaselineReport &B = *Report.Baseline;
    llvm::errs() << "pdflow: " << B.Known << " finding" << (B.Known == 1 ? "" : "s")
                 << " already in baseline '" << B.File << "' not reported\n";
    for (const BaselineEntry &E : B.Stale) {
      Diagnostic D;
      D.Sev = Severity::Note;
      D.Loc = {E.File, E.Line, 0};
      D.Message = "baseline entry " + E.Fingerprint +
                  " matches no finding any more; remove it from '" + B.File +
                  "' (or write the baseline again): " + E.Message;
      D.Rule = E.Rule;
      llvm::errs() << formatDiagnostic(D, Color);
    }
  }
  if (Report.NewSince)
    llvm::errs() << "pdflow: " << Report.NewSince->Hidden << " finding"
                 << (Report.NewSince->Hidden == 1 ? "" : "s") << " touching no line changed since '"
                 << Report.NewSince->Revision << "' not reported\n";
}

SarifOptions sarifOptions(const ScanReport &Report, const std::string &SourceRoot) {
  SarifOptions O;
  O.ToolVersion = PDFLOW_VERSION;
  O.DocsBaseUrl = PDFLOW_DOCS_BASE_URL;
  O.SourceRoot = SourceRoot;
  auto AddFile = [&](const std::string &File) {
    if (File.empty() || O.LineHashes.count(File))
      return;
    llvm::SmallString<256> Path(File);
    if (llvm::sys::path::is_relative(File)) {
      Path = SourceRoot;
      llvm::sys::path::append(Path, File);
    }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf = llvm::MemoryBuffer::getFile(Path);
    O.LineHashes[File] = Buf ? lineHashes((*Buf)->getBuffer()) : std::vector<std::string>{};
  };
  for (const Diagnostic &D : Report.Findings)
    AddFile(D.Loc.File);
  for (const SuppressedFinding &S : Report.Suppressed)
    AddFile(S.Finding.Loc.File);
  return O;
}

} // namespace pdflow
