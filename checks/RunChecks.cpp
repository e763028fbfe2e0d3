#include "pdflow/checks/Check.h"
#include "pdflow/support/Text.h"

#include <algorithm>

namespace pdflow {

static const RuleSettings *settingsFor(const Model &M, std::string_view Rule) {
  if (!M.Cfg)
    return nullptr;
  auto It = M.Cfg->Rules.find(std::string(Rule));
  return It == M.Cfg->Rules.end() ? nullptr : &It->second;
}

/// Keys under `rules: <name>:` that the rule does not read are config errors.
static void reportUnknownOptions(const RuleInfo &Rule, const RuleSettings *Settings,
                                 CheckContext &Ctx) {
  if (!Settings)
    return;
  std::vector<std::string> Known;
  for (const auto &[Key, Default] : Ctx.declaredOptions())
    Known.push_back(Key);
  for (const auto &[Key, Value] : Settings->Options) {
    if (Ctx.declaredOptions().count(Key))
      continue;
    std::string Allowed = "enabled, severity";
    for (const std::string &K : Known)
      Allowed += ", " + K;
    Ctx.optionError(withSuggestion("unknown option '" + Key + "' for rule '" +
                                       std::string(Rule.Name) + "' (allowed: " + Allowed + ")",
                                   Key, Known));
  }
}

static bool sameFinding(const Diagnostic &A, const Diagnostic &B) {
  return A.Loc == B.Loc && A.Rule == B.Rule && A.Message == B.Message;
}

std::vector<Diagnostic> runChecks(const Model &M) {
  DiagnosticList Out;
  for (const RuleInfo &Rule : allRules()) {
    const RuleSettings *Settings = settingsFor(M, Rule.Name);
    if (Settings && Settings->Enabled && !*Settings->Enabled)
      continue;
    CheckContext Ctx(Rule, Settings, Out);
    std::unique_ptr<Check> C = createCheck(Rule.Name, Ctx);
    if (!C)
      continue;
    reportUnknownOptions(Rule, Settings, Ctx);
    C->check(M);
  }
  std::vector<Diagnostic> Findings = Out.sorted();
  Findings.erase(std::unique(Findings.begin(), Findings.end(), sameFinding), Findings.end());
  return Findings;
}

} // namespace pdflow
