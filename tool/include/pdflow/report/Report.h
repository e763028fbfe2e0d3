#ifndef PDFLOW_REPORT_REPORT_H
#define PDFLOW_REPORT_REPORT_H

// Renderers: plain data in, text out. Every output is deterministic: the same
// model gives the same bytes.

#include "pdflow/model/Model.h"
#include "pdflow/report/Baseline.h"
#include "pdflow/support/Diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pdflow {

/// A finding hidden by an inline suppression, kept for the audit output.
struct SuppressedFinding {
  Diagnostic Finding;
  Suppression By;
};

/// `scan --baseline FILE`: how many findings the baseline held (not
/// reported), and its entries no finding matches any more.
struct BaselineReport {
  std::string File;
  size_t Known = 0;
  std::vector<BaselineEntry> Stale;
};

/// `scan --new-since REV`: how many findings touch no line changed since REV
/// (not reported).
struct NewSinceReport {
  std::string Revision;
  size_t Hidden = 0;
};

/// What `pdflow scan` reports besides the model, whatever the format.
struct ScanReport {
  /// The findings to report: after inline suppressions, the baseline and
  /// --new-since.
  std::vector<Diagnostic> Findings;
  std::vector<SuppressedFinding> Suppressed;
  /// Config errors, unreadable databases, TUs that failed: never suppressed.
  std::vector<Diagnostic> ToolDiagnostics;
  /// Files that failed to parse: the analysis is incomplete without them.
  std::vector<std::string> IncompleteFiles;
  std::optional<BaselineReport> Baseline;
  std::optional<NewSinceReport> NewSince;
};

/// `pdflow inventory`: one element per line, "file:line:col: qualified-name
/// category subject=... purposes=... retention=... (from code|config|class)".
std::string renderInventoryText(const Model &M);
/// {"version": 1, "elements": [...]}.
std::string renderInventoryJson(const Model &M);

/// `pdflow scan --flows`: each flow as a header line and its steps.
std::string renderFlowsText(const Model &M);

/// `pdflow scan --format json`, schema version 2 (docs/json-schema.md,
/// docs/schema/scan.schema.json): {"version": 2, "elements": [...],
/// "flows": [...], "findings": [...], "suppressed": [...] (findings a
/// suppression hid, with it), "suppressions": [...] (every suppression
/// comment), "diagnostics": [...] (tool diagnostics: config errors, TUs that
/// failed), "incomplete": [files], "baseline": {...} or null, "new_since":
/// {...} or null}.
std::string renderScanJson(const Model &M, const ScanReport &R);

/// Findings in Clang's format, notes included, in order.
std::string renderFindingsText(const std::vector<Diagnostic> &Findings, bool Color);

/// One line per file that failed to parse, in Clang's format: "FILE: error:
/// analysis incomplete: ...". Empty when nothing failed.
std::string renderIncompleteText(const std::vector<std::string> &Files, bool Color);

/// The head of a text report written to a file, so that the file alone
/// says what the run said on standard error: a line when the report was
/// made despite a configuration or usage error, then ToolDiagnostics (why
/// each incomplete file was not analysed, configuration errors). Empty when
/// there is nothing to say. (JSON has them in "diagnostics".)
std::string renderRunStatusText(const std::vector<Diagnostic> &ToolDiagnostics, bool UsageError);

} // namespace pdflow

#endif
