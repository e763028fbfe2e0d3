#ifndef PDFLOW_REPORT_FINGERPRINT_H
#define PDFLOW_REPORT_FINGERPRINT_H

// Semantic fingerprints: a finding's identity across runs, the same in a full
// scan and a pull-request scan, and unchanged by edits that only move the
// code. Baselines match findings by it, SARIF carries it in
// partialFingerprints, the JSON output in "fingerprint".
//
// A fingerprint is "<hash>:<n>". The hash (32 hex digits, from SHA-256)
// covers the rule and the finding's subject (FindingSubject: element, sink,
// activities, function), never a line number. A finding without a subject
// (invalid-annotation, tool-made findings) hashes its file, relative to the
// source root, and its message instead. n, from 1, tells apart the findings
// that share a hash, in the order of their locations.

#include "pdflow/support/Diagnostics.h"

#include <string>
#include <vector>

namespace pdflow {

/// The hash part of D's fingerprint. Files are hashed relative to
/// SourceRoot (an absolute directory), so that the hash does not depend on
/// where the work tree is checked out.
std::string fingerprintHash(const Diagnostic &D, const std::string &SourceRoot);

/// Sets Diagnostic::Fingerprint on every finding. Pass every finding of the
/// run, suppressed ones included, before any is filtered out, so that the
/// numbering does not depend on what is shown.
void assignFingerprints(const std::vector<Diagnostic *> &Findings, const std::string &SourceRoot);

} // namespace pdflow

#endif
