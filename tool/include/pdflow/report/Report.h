#ifndef PDFLOW_REPORT_REPORT_H
#define PDFLOW_REPORT_REPORT_H

// Renderers: plain data in, text out. Every output is deterministic: the same
// model gives the same bytes.

#include "pdflow/model/Model.h"
#include "pdflow/support/Diagnostics.h"

#include <string>
#include <vector>

namespace pdflow {

/// A finding hidden by an inline suppression, kept for the audit output.
struct SuppressedFinding {
  Diagnostic Finding;
  Suppression By;
};

/// `pdflow inventory`: one element per line, "file:line:col: qualified-name
/// category subject=... purposes=... retention=... (from code|config|class)".
std::string renderInventoryText(const Model &M);
/// {"version": 1, "elements": [...]}.
std::string renderInventoryJson(const Model &M);

/// `pdflow scan --flows`: each flow as a header line and its steps.
std::string renderFlowsText(const Model &M);

/// `pdflow scan --format json`: {"version": 1, "elements": [...],
/// "flows": [...], "findings": [...], "suppressed": [...] (findings a
/// suppression hid, with it), "suppressions": [...] (every suppression
/// comment), "diagnostics": [...]}.
/// Tool diagnostics (config errors, TUs that failed) go in "diagnostics".
std::string renderScanJson(const Model &M, const std::vector<Diagnostic> &Findings,
                           const std::vector<SuppressedFinding> &Suppressed,
                           const std::vector<Diagnostic> &ToolDiagnostics);

/// Findings in Clang's format, notes included, in order.
std::string renderFindingsText(const std::vector<Diagnostic> &Findings, bool Color);

} // namespace pdflow

#endif
