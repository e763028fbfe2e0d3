#include "pdflow/report/SuppressionFilter.h"

#include "pdflow/support/Text.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace pdflow {

static bool suppressionLess(const Suppression &A, const Suppression &B) {
  return std::tie(A.Loc, A.Rules, A.Reason) < std::tie(B.Loc, B.Rules, B.Reason);
}

static bool sameSuppression(const Suppression &A, const Suppression &B) {
  return A.Loc == B.Loc && A.Rules == B.Rules && A.Reason == B.Reason;
}

SuppressionFilter::SuppressionFilter(std::vector<Suppression> Sups,
                                     std::vector<std::string> KnownRules,
                                     std::map<std::string, RuleSettings> Rules)
    : Suppressions(std::move(Sups)), KnownRules(std::move(KnownRules)), Rules(std::move(Rules)) {
  // A header's suppressions arrive once per translation unit including it.
  std::sort(Suppressions.begin(), Suppressions.end(), suppressionLess);
  Suppressions.erase(std::unique(Suppressions.begin(), Suppressions.end(), sameSuppression),
                     Suppressions.end());
}

bool SuppressionFilter::isEnabled(const std::string &Rule) const {
  auto It = Rules.find(Rule);
  return It == Rules.end() || !It->second.Enabled || *It->second.Enabled;
}

void SuppressionFilter::reportProblem(std::vector<Diagnostic> &Out, const SourceLoc &Loc,
                                      std::string Message) const {
  if (!isEnabled(RuleName))
    return;
  Severity Sev = Severity::Warning;
  auto It = Rules.find(RuleName);
  if (It != Rules.end() && It->second.Sev)
    Sev = std::min(Sev, *It->second.Sev);
  Out.push_back({Sev, Loc, std::move(Message), RuleName, {}, {}});
}

static bool names(const Suppression &S, const std::string &Rule) {
  return std::find(S.Rules.begin(), S.Rules.end(), Rule) != S.Rules.end() ||
         std::find(S.Rules.begin(), S.Rules.end(), "*") != S.Rules.end();
}

/// The comment is on the finding's line or on the line above it.
static bool covers(const Suppression &S, const Diagnostic &D) {
  return !D.Rule.empty() && S.Loc.File == D.Loc.File && D.Loc.Line != 0 &&
         (S.Loc.Line == D.Loc.Line || S.Loc.Line + 1 == D.Loc.Line) && names(S, D.Rule);
}

SuppressionResult SuppressionFilter::apply(std::vector<Diagnostic> Findings) const {
  SuppressionResult R;
  // Used[i]: the rules suppression i actually suppressed.
  std::vector<std::set<std::string>> Used(Suppressions.size());
  for (Diagnostic &D : Findings) {
    const Suppression *By = nullptr;
    for (size_t I = 0; I < Suppressions.size(); ++I)
      if (covers(Suppressions[I], D)) {
        Used[I].insert(D.Rule);
        if (!By)
          By = &Suppressions[I];
      }
    if (By)
      R.Suppressed.push_back({std::move(D), *By});
    else
      R.Kept.push_back(std::move(D));
  }

  for (size_t I = 0; I < Suppressions.size(); ++I) {
    const Suppression &S = Suppressions[I];
    if (S.Rules.empty()) {
      reportProblem(R.Kept, S.Loc,
                    "suppression names no rule; write the rule to ignore between the brackets, "
                    "e.g. // pdflow: ignore[personal-data-in-logs] reason");
      continue;
    }
    for (const std::string &Rule : S.Rules) {
      bool Known = Rule == "*" || KnownRules.empty() ||
                   std::find(KnownRules.begin(), KnownRules.end(), Rule) != KnownRules.end();
      if (!Known) {
        reportProblem(
            R.Kept, S.Loc,
            withSuggestion("suppression of unknown rule '" + Rule + "'", Rule, KnownRules));
        continue;
      }
      if (S.Reason.empty())
        reportProblem(R.Kept, S.Loc,
                      "suppression of '" + Rule + "' has no reason; say why after the brackets");
      bool Stale = Rule == "*" ? Used[I].empty() : !Used[I].count(Rule);
      if (Stale && (Rule == "*" || isEnabled(Rule)))
        reportProblem(R.Kept, S.Loc,
                      "suppression of '" + Rule +
                          "' suppresses nothing on this line or the next; remove it");
    }
  }

  std::stable_sort(R.Kept.begin(), R.Kept.end(), diagnosticLess);
  std::stable_sort(R.Suppressed.begin(), R.Suppressed.end(),
                   [](const SuppressedFinding &A, const SuppressedFinding &B) {
                     return diagnosticLess(A.Finding, B.Finding);
                   });
  return R;
}

} // namespace pdflow
