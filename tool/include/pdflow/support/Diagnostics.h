#ifndef PDFLOW_SUPPORT_DIAGNOSTICS_H
#define PDFLOW_SUPPORT_DIAGNOSTICS_H

#include "pdflow/support/SourceLoc.h"

#include <mutex>
#include <string>
#include <vector>

namespace pdflow {

enum class Severity { Note, Warning, Error };

const char *severityName(Severity S);
/// Parses "note", "warning" or "error".
bool parseSeverity(const std::string &Text, Severity &Out);

struct DiagNote {
  SourceLoc Loc;
  std::string Message;
  /// A step of the finding's flow (SARIF codeFlows), rather than a related
  /// place such as the element's declaration (SARIF relatedLocations).
  bool Step = false;
  bool operator==(const DiagNote &) const = default;
};

/// Replace Length characters at Loc with Replacement (Length 0: insert).
struct FixIt {
  SourceLoc Loc;
  unsigned Length = 0;
  std::string Replacement;
  bool operator==(const FixIt &) const = default;
};

/// What a rule finding is about, apart from where it is in the code. Two
/// findings of one rule about the same subject are the same finding, however
/// the code around them moves: the semantic fingerprint (report/Fingerprint.h)
/// is computed from the rule and the subject, never from line numbers. Empty
/// fields are unknown or do not apply.
struct FindingSubject {
  std::string Element;  // qualified name of the data element
  std::string Sink;     // the sink function or stream type the data reaches
  std::string Activity; // the processing activity ids, joined by ','
  std::string Function; // qualified name of the function holding the code
  bool empty() const {
    return Element.empty() && Sink.empty() && Activity.empty() && Function.empty();
  }
  bool operator==(const FindingSubject &) const = default;
};

/// One message in Clang's style: lowercase, no final period; Rule is the
/// kebab-case rule name printed as "[rule]" (empty for tool errors such as a
/// broken config file).
struct Diagnostic {
  Severity Sev = Severity::Warning;
  SourceLoc Loc;
  std::string Message;
  std::string Rule;
  std::vector<DiagNote> Notes;
  std::vector<FixIt> FixIts;
  FindingSubject Subject = {};
  /// The semantic fingerprint, "<hash>:<n>" (report/Fingerprint.h); empty
  /// until assignFingerprints runs.
  std::string Fingerprint = {};
  bool operator==(const Diagnostic &) const = default;
};

/// Sort key giving a stable output order: file, line, column, rule, message.
bool diagnosticLess(const Diagnostic &A, const Diagnostic &B);

/// Collects diagnostics from any thread.
class DiagnosticList {
public:
  void add(Diagnostic D);
  void error(SourceLoc Loc, std::string Message, std::string Rule = {});
  void warning(SourceLoc Loc, std::string Message, std::string Rule = {});
  void note(SourceLoc Loc, std::string Message, std::string Rule = {});

  bool hasErrors() const;
  /// A sorted, de-duplicated copy.
  std::vector<Diagnostic> sorted() const;
  void append(const DiagnosticList &Other);
  size_t size() const;

private:
  mutable std::mutex Mutex;
  std::vector<Diagnostic> Diags;
};

/// Renders D as Clang does: "file:line:col: warning: message [rule]", then
/// each note on its own line.
std::string formatDiagnostic(const Diagnostic &D, bool Color = false);

} // namespace pdflow

#endif
