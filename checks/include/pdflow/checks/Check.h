#ifndef PDFLOW_CHECKS_CHECK_H
#define PDFLOW_CHECKS_CHECK_H

#include "pdflow/model/Model.h"
#include "pdflow/rules/RuleInfo.h"
#include "pdflow/support/Diagnostics.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pdflow {

/// What a check sees of its configuration, and where it reports.
class CheckContext {
public:
  CheckContext(const RuleInfo &Rule, const RuleSettings *Settings, DiagnosticList &Out);

  const RuleInfo &rule() const { return Rule; }
  /// `rules: <name>: {severity: ...}`, or the rule's default.
  Severity severity() const;
  /// The rule's own option from `rules: <name>: {Key: ...}`, or Default.
  /// Checks read their options once, in their constructor; every key read is
  /// recorded with its default (see declaredOptions).
  std::string option(const std::string &Key, const std::string &Default) const;
  /// The options the check read, with their defaults, sorted by key.
  const std::map<std::string, std::string> &declaredOptions() const { return Declared; }

  /// Reports a finding with the rule's name and configured severity.
  void report(SourceLoc Loc, std::string Message, std::vector<DiagNote> Notes = {},
              std::vector<FixIt> FixIts = {});
  /// Reports a finding at Level, or at the configured severity when that is
  /// lower (a rule's milder findings, e.g. a stale suppression, stay milder).
  void report(Severity Level, SourceLoc Loc, std::string Message, std::vector<DiagNote> Notes = {},
              std::vector<FixIt> FixIts = {});
  /// Reports a finding about Subject: its fingerprint follows the subject
  /// (element, sink, activity, function), not the line it is on.
  void report(FindingSubject Subject, SourceLoc Loc, std::string Message,
              std::vector<DiagNote> Notes = {}, std::vector<FixIt> FixIts = {});
  /// A problem in the rule's own options: an error at `rules: <name>:` with
  /// no rule name, like every other config error.
  void optionError(std::string Message);

private:
  const RuleInfo &Rule;
  const RuleSettings *Settings;
  DiagnosticList &Out;
  mutable std::map<std::string, std::string> Declared;
};

/// A rule. Checks read the Model only, never the AST. Options are read in the
/// constructor through CheckContext::option.
class Check {
public:
  explicit Check(CheckContext &Ctx) : Ctx(Ctx) {}
  virtual ~Check() = default;
  virtual void check(const Model &M) = 0;

protected:
  CheckContext &Ctx;
};

/// Creates the check for rule Name (a name from Rules.def), or nullptr.
std::unique_ptr<Check> createCheck(std::string_view Name, CheckContext &Ctx);

/// The rule's own options with their defaults (for `pdflow rules`, the docs
/// and --dump-config); empty for an unknown rule.
std::map<std::string, std::string> ruleOptions(std::string_view Name);

/// The flow's steps as notes (`note: <step>` at each step, the last one
/// naming the sink; marked DiagNote::Step), then where the element is declared: `note:
/// 'shop::Customer::email' declared here as contact.email`, and for a side
/// annotation where the config declares it.
std::vector<DiagNote> flowNotes(const Flow &F, const Model &M);

/// What a finding about flow F is about: its element, sink, activities and
/// the function holding the sink call.
FindingSubject flowSubject(const Flow &F, const Model &M);

/// For a flow of inferred data, the fix-it that confirms it: PDFLOW_DATA(...)
/// inserted before the declaration. Empty otherwise.
std::vector<FixIt> flowFixIts(const Flow &F, const Model &M);

/// Runs every enabled rule over M (rules: <name>: {enabled: false} turns one
/// off) and returns the findings sorted by diagnosticLess, before
/// suppressions are applied. Findings with the same location, rule and
/// message are reported once. Problems in a rule's own options (an unknown
/// key, a malformed value) come back as errors with an empty Rule, at the
/// `rules:` entry's location.
std::vector<Diagnostic> runChecks(const Model &M);

} // namespace pdflow

#endif
