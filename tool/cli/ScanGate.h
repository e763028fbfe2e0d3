// The CI side of `pdflow scan` and `pdflow baseline`: fingerprints, the
// baseline, --new-since, and what SARIF needs from the disk. Kept apart from
// main.cpp so that the commands stay a few lines each.
#ifndef PDFLOW_CLI_SCANGATE_H
#define PDFLOW_CLI_SCANGATE_H

#include "Options.h"

#include "pdflow/analysis/Analysis.h"
#include "pdflow/report/Baseline.h"
#include "pdflow/report/Report.h"
#include "pdflow/report/ReportSarif.h"
#include "pdflow/vcs/ChangedLines.h"

#include <optional>
#include <string>

namespace pdflow {

/// What --baseline and --new-since bring, read before the analysis so that
/// a bad file or revision fails at once.
struct GateInputs {
  std::string BaselineFile;
  std::optional<Baseline> Base;
  std::string Revision;
  std::optional<ChangedLines> Changed;
};

/// Reads O's baseline file and the lines changed since O's revision. On
/// failure returns false with a message naming the file or the revision.
bool loadGateInputs(const CliOptions &O, GateInputs &In, std::string &Error);

/// The directory paths in baselines and SARIF are relative to: the top of
/// the git work tree holding Dir, or Dir itself outside one.
std::string sourceRoot(const std::string &Dir);

/// Gives every finding of R its fingerprint, then takes out of R.Findings
/// those In's baseline holds, and out of R.Findings and R.Suppressed those
/// touching no changed line. R's paths must still be absolute. Returns a
/// report holding what was taken out (Baseline, NewSince).
ScanReport applyGate(AnalysisResult &R, const GateInputs &In, const std::string &SourceRoot);

/// Copies R's findings, suppressed findings, tool diagnostics and failed
/// files into Report, once R's paths are as they should be printed.
void collectFindings(ScanReport &Report, const AnalysisResult &R);

/// Prints to stderr what the baseline and --new-since left out, and the
/// baseline's stale entries, one per line in Clang's format.
void printGateSummary(const ScanReport &Report, bool Color);

/// SARIF options for Report (paths relative to SourceRoot): the tool's
/// version, the source root, and the line hashes of the findings' files,
/// read from disk.
SarifOptions sarifOptions(const ScanReport &Report, const std::string &SourceRoot);

} // namespace pdflow

#endif
