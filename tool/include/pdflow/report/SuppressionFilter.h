#ifndef PDFLOW_REPORT_SUPPRESSIONFILTER_H
#define PDFLOW_REPORT_SUPPRESSIONFILTER_H

// All of pdflow's inline suppression logic, in one class (as clang-tidy's
// NoLintDirectiveHandler):
//
//   sendWelcome(c.email); // pdflow: ignore[personal-data-in-logs] hashed by the mailer
//   // pdflow: ignore[purpose-limitation, excess-to-sink] approved by the DPO, ticket 42
//   exportAll(customers);
//
// A finding at line L of file F is suppressed by a suppression on line L or
// L-1 of F that names the finding's rule, or `*` for every rule. Nothing is
// dropped silently: suppressed findings are returned with the suppression
// (for the audit output), and the suppressions themselves are checked.

#include "pdflow/config/Config.h"
#include "pdflow/model/Model.h"
#include "pdflow/report/Report.h"
#include "pdflow/support/Diagnostics.h"

#include <map>
#include <string>
#include <vector>

namespace pdflow {

struct SuppressionResult {
  /// Findings no suppression covers, then the findings about suppressions
  /// themselves, sorted together by diagnosticLess.
  std::vector<Diagnostic> Kept;
  /// Findings a suppression covers, each with the suppression, sorted.
  std::vector<SuppressedFinding> Suppressed;
};

class SuppressionFilter {
public:
  /// The rule that findings about suppressions are reported under.
  static constexpr const char *RuleName = "invalid-annotation";

  /// KnownRules: every rule name (ruleNames() from pdflow/checks), to report
  /// a suppression naming an unknown rule; empty accepts any name. Rules:
  /// the config's `rules:` section, so that a suppression of a disabled rule
  /// is not called stale, and that invalid-annotation's enabled/severity
  /// settings apply to the findings about suppressions.
  SuppressionFilter(std::vector<Suppression> Suppressions, std::vector<std::string> KnownRules = {},
                    std::map<std::string, RuleSettings> Rules = {});

  /// Splits Findings into kept and suppressed, and adds a finding (rule
  /// invalid-annotation) for each suppression that:
  ///   - gives no reason (it still suppresses: the one finding left asks for
  ///     the reason) - warning;
  ///   - names no rule, or a rule that does not exist - warning;
  ///   - suppressed nothing, for each rule it names (stale: remove it) -
  ///     warning. Rules disabled in the config are not checked for this.
  /// Findings with an empty Rule (tool and config errors) are never
  /// suppressed.
  SuppressionResult apply(std::vector<Diagnostic> Findings) const;

private:
  std::vector<Suppression> Suppressions; // de-duplicated, sorted by location
  std::vector<std::string> KnownRules;
  std::map<std::string, RuleSettings> Rules;

  bool isEnabled(const std::string &Rule) const;
  /// Adds a finding about a suppression, honouring invalid-annotation's
  /// settings; the severity is Warning, or lower when configured lower.
  void reportProblem(std::vector<Diagnostic> &Out, const SourceLoc &Loc, std::string Message) const;
};

} // namespace pdflow

#endif
