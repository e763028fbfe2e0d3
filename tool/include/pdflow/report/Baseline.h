#ifndef PDFLOW_REPORT_BASELINE_H
#define PDFLOW_REPORT_BASELINE_H

// Baselines: the findings a codebase already has, recorded once with
// `pdflow baseline`, so that `pdflow scan --baseline FILE` reports only new
// ones. Findings match entries by semantic fingerprint (report/Fingerprint.h),
// so moving code does not turn an old finding into a new one. Entries no
// finding matches any more are "stale": listed, so the baseline can shrink.
//
// The file is JSON (docs/json-schema.md, docs/schema/baseline.schema.json):
//   {"version": 1, "tool": "pdflow", "incomplete": [...],
//    "findings": [{"fingerprint", "rule", "severity", "file", "line", "message"}]}
// Only "fingerprint" is matched; the other fields are there for readers.

#include "pdflow/support/Diagnostics.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace pdflow {

struct BaselineEntry {
  std::string Fingerprint;
  std::string Rule;
  std::string Severity;
  std::string File;
  unsigned Line = 0;
  std::string Message;
  bool operator==(const BaselineEntry &) const = default;
};

struct Baseline {
  std::vector<BaselineEntry> Entries;
};

/// The baseline file for Findings (which must carry their fingerprints),
/// in their order. IncompleteFiles: the files that failed to parse when the
/// baseline was taken (its findings there are missing).
std::string renderBaseline(const std::vector<Diagnostic> &Findings,
                           const std::vector<std::string> &IncompleteFiles);

/// Reads a baseline file's text; Path names it in errors. On a malformed
/// file returns nothing and sets Error to "PATH:LINE:COL: message" or
/// "PATH: message".
std::optional<Baseline> parseBaseline(llvm::StringRef Text, const std::string &Path,
                                      std::string &Error);

struct BaselineMatch {
  std::vector<Diagnostic> New;      // findings the baseline does not hold, in order
  std::vector<Diagnostic> Known;    // findings it holds, in order
  std::vector<BaselineEntry> Stale; // entries no finding matches, in file order
};

/// Splits Findings by whether B holds their fingerprint. Each entry matches
/// one finding at most.
BaselineMatch applyBaseline(const Baseline &B, std::vector<Diagnostic> Findings);

} // namespace pdflow

#endif
