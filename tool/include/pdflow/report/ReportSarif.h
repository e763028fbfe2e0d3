#ifndef PDFLOW_REPORT_REPORTSARIF_H
#define PDFLOW_REPORT_REPORTSARIF_H

// `pdflow scan --format sarif`: SARIF 2.1.0 for GitHub code scanning and
// other SARIF viewers. One run; every rule in the tool's rule table; one
// result per finding with its flow as a code flow, the declaration and
// config lines as related locations, and two partial fingerprints (GitHub's
// primaryLocationLineHash and pdflow's semantic one). Suppressed findings
// are results with an inSource suppression; files that failed to parse are
// toolExecutionNotifications and make executionSuccessful false.

#include "pdflow/model/Model.h"
#include "pdflow/report/Report.h"

#include <map>
#include <string>
#include <vector>

namespace pdflow {

/// GitHub code scanning's upload limits (docs.github.com, "SARIF support for
/// code scanning" and "About code scanning limits on SARIF results"): a run
/// over a limit is rejected, so the output is cut to fit, with a note.
struct SarifLimits {
  size_t Results = 25000;             // results per run
  size_t ThreadFlowLocations = 10000; // thread flow locations per result
  size_t RelatedLocations = 1000;     // locations per result
  size_t TagsPerRule = 20;
};

struct SarifOptions {
  std::string ToolVersion;
  /// The absolute directory every relative path in the report is relative
  /// to (the work tree's top), written as %SRCROOT% in originalUriBaseIds.
  /// Empty: omitted.
  std::string SourceRoot;
  /// An absolute URL the docs paths ("docs/rules/<rule>.md") are appended
  /// to, for each rule's helpUri; empty: no helpUri.
  std::string DocsBaseUrl;
  /// primaryLocationLineHash values (report/LineHash.h) of each file, by
  /// its path as the findings name it.
  std::map<std::string, std::vector<std::string>> LineHashes;
  SarifLimits Limits;
};

/// Paths in M and R are written as relative URIs (against %SRCROOT%) when
/// relative, as file:// URIs when absolute.
std::string renderScanSarif(const Model &M, const ScanReport &R, const SarifOptions &O);

/// A rule's docs page (markdown) as plain text, for SARIF's help.text:
/// heading marks, emphasis and code quotes dropped, links as "text (url)".
std::string markdownToPlainText(const std::string &Markdown);

} // namespace pdflow

#endif
