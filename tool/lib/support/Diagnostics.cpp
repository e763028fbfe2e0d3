#include "pdflow/support/Diagnostics.h"

#include "pdflow/support/Text.h"

#include <algorithm>
#include <tuple>

namespace pdflow {

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

bool parseSeverity(const std::string &Text, Severity &Out) {
  for (Severity S : {Severity::Note, Severity::Warning, Severity::Error})
    if (Text == severityName(S)) {
      Out = S;
      return true;
    }
  return false;
}

bool diagnosticLess(const Diagnostic &A, const Diagnostic &B) {
  return std::tie(A.Loc, A.Rule, A.Message, A.Sev) <
         std::tie(B.Loc, B.Rule, B.Message, B.Sev);
}

void DiagnosticList::add(Diagnostic D) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Diags.push_back(std::move(D));
}

void DiagnosticList::error(SourceLoc Loc, std::string Message, std::string Rule) {
  add({Severity::Error, std::move(Loc), std::move(Message), std::move(Rule), {}, {}});
}

void DiagnosticList::warning(SourceLoc Loc, std::string Message, std::string Rule) {
  add({Severity::Warning, std::move(Loc), std::move(Message), std::move(Rule), {}, {}});
}

void DiagnosticList::note(SourceLoc Loc, std::string Message, std::string Rule) {
  add({Severity::Note, std::move(Loc), std::move(Message), std::move(Rule), {}, {}});
}

bool DiagnosticList::hasErrors() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  return std::any_of(Diags.begin(), Diags.end(),
                     [](const Diagnostic &D) { return D.Sev == Severity::Error; });
}

std::vector<Diagnostic> DiagnosticList::sorted() const {
  std::vector<Diagnostic> Copy;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Copy = Diags;
  }
  std::stable_sort(Copy.begin(), Copy.end(), diagnosticLess);
  Copy.erase(std::unique(Copy.begin(), Copy.end()), Copy.end());
  return Copy;
}

void DiagnosticList::append(const DiagnosticList &Other) {
  for (Diagnostic &D : Other.sorted())
    add(std::move(D));
}

size_t DiagnosticList::size() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Diags.size();
}

static const char *colorOf(Severity S) {
  switch (S) {
  case Severity::Note:
    return "\033[1;30m";
  case Severity::Warning:
    return "\033[1;35m";
  case Severity::Error:
    return "\033[1;31m";
  }
  return "";
}

// File names and messages quote code and config: their control bytes are
// escaped so that they can neither split a line nor drive the terminal.
static void appendLine(std::string &Out, const SourceLoc &Loc, Severity S,
                       const std::string &Message, const std::string &Rule, bool Color) {
  const char *Bold = Color ? "\033[1m" : "";
  const char *Reset = Color ? "\033[0m" : "";
  if (Loc.valid())
    Out += std::string(Bold) + escapeNonPrintable(Loc.str()) + ": " + Reset;
  Out += std::string(Color ? colorOf(S) : "") + severityName(S) + ": " + Reset;
  Out += std::string(Bold) + escapeNonPrintable(Message) + Reset;
  if (!Rule.empty())
    Out += " [" + escapeNonPrintable(Rule) + "]";
  Out += "\n";
}

std::string formatDiagnostic(const Diagnostic &D, bool Color) {
  std::string Out;
  appendLine(Out, D.Loc, D.Sev, D.Message, D.Rule, Color);
  for (const DiagNote &N : D.Notes)
    appendLine(Out, N.Loc, Severity::Note, N.Message, "", Color);
  return Out;
}

} // namespace pdflow
