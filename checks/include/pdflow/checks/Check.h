#ifndef PDFLOW_CHECKS_CHECK_H
#define PDFLOW_CHECKS_CHECK_H

#include "pdflow/model/Model.h"
#include "pdflow/support/Diagnostics.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pdflow {

/// One row of checks/include/pdflow/checks/Rules.def.
struct RuleInfo {
  std::string_view Name;
  std::string_view Article;
  Severity DefaultSeverity;
  std::string_view Summary;
};

/// Every rule, sorted by name.
const std::vector<RuleInfo> &allRules();
const RuleInfo *findRule(std::string_view Name);
std::vector<std::string> ruleNames();

/// What a check sees of its configuration, and where it reports.
class CheckContext {
public:
  CheckContext(const RuleInfo &Rule, const RuleSettings *Settings, DiagnosticList &Out);

  const RuleInfo &rule() const { return Rule; }
  Severity severity() const;
  /// The rule's own option from `rules: <name>: {Key: ...}`, or Default.
  std::string option(const std::string &Key, const std::string &Default) const;
  /// Reports a finding with the rule's name and configured severity.
  void report(SourceLoc Loc, std::string Message, std::vector<DiagNote> Notes = {},
              std::vector<FixIt> FixIts = {});

private:
  const RuleInfo &Rule;
  const RuleSettings *Settings;
  DiagnosticList &Out;
};

/// A rule. Checks read the Model only, never the AST.
class Check {
public:
  explicit Check(CheckContext &Ctx) : Ctx(Ctx) {}
  virtual ~Check() = default;
  virtual void check(const Model &M) = 0;

protected:
  CheckContext &Ctx;
};

/// The flow's steps as notes, the last one naming the sink.
std::vector<DiagNote> flowNotes(const Flow &F, const Model &M);

/// Runs every enabled rule over M (rules: <name>: {enabled: false} turns one
/// off) and returns the findings sorted, before suppressions are applied.
std::vector<Diagnostic> runChecks(const Model &M);

} // namespace pdflow

#endif
