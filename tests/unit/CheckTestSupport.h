// Builds small Models by hand for the rule tests (tests/unit/Check*Test.cpp)
// and runs one rule over them.
#ifndef PDFLOW_TESTS_UNIT_CHECKTESTSUPPORT_H
#define PDFLOW_TESTS_UNIT_CHECKTESTSUPPORT_H

#include "pdflow/checks/Check.h"
#include "pdflow/report/SuppressionFilter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace pdflow::test {

/// A Model over the built-in taxonomy and a config the test fills in. Not
/// copyable: the Model points into it.
struct TestModel {
  Taxonomy Tax = Taxonomy::builtin();
  Config Cfg;
  Model M;

  TestModel() {
    M.Cfg = &Cfg;
    M.Tax = &Tax;
  }
  TestModel(const TestModel &) = delete;
  TestModel &operator=(const TestModel &) = delete;

  /// An element declared at shop.h:Line:3, annotated in code.
  DataElement &element(const std::string &QualifiedName, const std::string &Category,
                       unsigned Line = 10, ElementKind Kind = ElementKind::Field) {
    DataElement E;
    E.Id = "c:@" + QualifiedName;
    E.QualifiedName = QualifiedName;
    E.Kind = Kind;
    E.Type = "std::string";
    E.Loc = {"shop.h", Line, 3};
    E.AnnotationLoc = {"shop.h", Line - 1, 3};
    E.Spec.Category = Category;
    M.Elements.push_back(E);
    sortElements();
    return *std::find_if(M.Elements.begin(), M.Elements.end(),
                         [&](const DataElement &X) { return X.Id == E.Id; });
  }

  /// A flow of the element named QualifiedName to Sink, called at shop.cpp:Line:5.
  Flow &flow(const std::string &QualifiedName, SinkKind Kind, const std::string &Sink,
             unsigned Line, std::vector<std::string> Activities = {}) {
    Flow F;
    F.ElementId = "c:@" + QualifiedName;
    F.SinkLoc = {"shop.cpp", Line, 5};
    F.Function = "shop::handle";
    F.Sink.Function = Sink;
    F.Sink.Kind = Kind;
    F.Steps = {{{"shop.cpp", Line - 1, 7}, "read '" + QualifiedName + "'"},
               {{"shop.cpp", Line, 5}, "passed as argument 1 of '" + Sink + "'"}};
    F.Activities = std::move(Activities);
    M.Flows.push_back(std::move(F));
    return M.Flows.back();
  }

  ElementUse &use(const std::string &QualifiedName, unsigned Line,
                  std::vector<std::string> Activities = {}) {
    M.Uses.push_back(
        {"c:@" + QualifiedName, {"shop.cpp", Line, 9}, "shop::handle", std::move(Activities)});
    return M.Uses.back();
  }

  /// An activity declared at .pdflow.yaml:Line:5, with its entry point found.
  ActivityDecl &activity(const std::string &Id, std::vector<std::string> Purposes,
                         const std::string &LegalBasis = "contract", unsigned Line = 20) {
    ActivityDecl A;
    A.Id = Id;
    A.Name = Id;
    A.Purposes = std::move(Purposes);
    A.LegalBasis = LegalBasis;
    A.Loc = {".pdflow.yaml", Line, 5};
    Cfg.Activities.push_back(std::move(A));
    M.ActivityEntries.push_back({Id, {"shop.cpp", 1, 1}});
    return Cfg.Activities.back();
  }

  RuleSettings &settings(const std::string &Rule) { return Cfg.Rules[Rule]; }

private:
  void sortElements() {
    std::sort(M.Elements.begin(), M.Elements.end(),
              [](const DataElement &A, const DataElement &B) { return A.Id < B.Id; });
  }
};

/// The findings of rule Rule (all rules run, as in a scan).
inline std::vector<Diagnostic> findings(const Model &M, const std::string &Rule) {
  std::vector<Diagnostic> Out;
  for (Diagnostic &D : runChecks(M))
    if (D.Rule == Rule)
      Out.push_back(std::move(D));
  return Out;
}

/// "line:col: message" of each finding, for readable failures.
inline std::vector<std::string> lines(const std::vector<Diagnostic> &Ds) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : Ds)
    Out.push_back(D.Loc.str() + ": " + D.Message);
  return Out;
}

/// The config errors (empty rule) runChecks returned.
inline std::vector<std::string> configErrors(const Model &M) {
  std::vector<Diagnostic> Errors;
  for (const Diagnostic &D : runChecks(M))
    if (D.Rule.empty())
      Errors.push_back(D);
  return lines(Errors);
}

/// Checks what every rule must honour, given a model where Rule fires:
/// `severity:` and `enabled:` under `rules:`, and inline suppressions with
/// and without a reason.
inline void expectConfigurableAndSuppressible(TestModel &T, const std::string &Rule) {
  std::vector<Diagnostic> Default = findings(T.M, Rule);
  ASSERT_FALSE(Default.empty()) << "the model must make " << Rule << " fire";
  const RuleInfo *Info = findRule(Rule);
  ASSERT_NE(Info, nullptr);
  for (const Diagnostic &D : Default)
    EXPECT_LE(D.Sev, Info->DefaultSeverity) << D.Message;
  EXPECT_EQ(Default.front().Sev, Info->DefaultSeverity);

  for (Severity S : {Severity::Note, Severity::Warning, Severity::Error}) {
    T.settings(Rule).Sev = S;
    std::vector<Diagnostic> Configured = findings(T.M, Rule);
    for (const Diagnostic &D : Configured)
      EXPECT_LE(D.Sev, S) << D.Message;
    EXPECT_TRUE(std::any_of(Configured.begin(), Configured.end(), [&](const Diagnostic &D) {
      return D.Sev == S;
    })) << severityName(S);
  }
  T.settings(Rule).Sev.reset();

  T.settings(Rule).Enabled = false;
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
  T.settings(Rule).Enabled = true;
  EXPECT_EQ(findings(T.M, Rule).size(), Default.size());
  T.Cfg.Rules.erase(Rule);

  // A suppression on the line above the first finding, with a reason: the
  // finding moves to the audit list and nothing else is reported there.
  const Diagnostic &First = Default.front();
  Suppression WithReason{{First.Loc.File, First.Loc.Line - 1, 5}, {Rule}, "approved by the DPO"};
  SuppressionResult R =
      SuppressionFilter({WithReason}, ruleNames(), T.Cfg.Rules).apply(findings(T.M, Rule));
  ASSERT_EQ(R.Suppressed.size(),
            1u + std::count_if(Default.begin() + 1, Default.end(), [&](const Diagnostic &D) {
              return D.Loc.File == First.Loc.File && D.Loc.Line == First.Loc.Line;
            }));
  EXPECT_EQ(R.Suppressed.front().Finding, First);
  EXPECT_EQ(R.Suppressed.front().By.Reason, "approved by the DPO");
  EXPECT_EQ(R.Kept.size() + R.Suppressed.size(), Default.size());

  // Without a reason it still suppresses, and asks for the reason.
  Suppression NoReason{{First.Loc.File, First.Loc.Line, 40}, {Rule}, ""};
  R = SuppressionFilter({NoReason}, ruleNames(), T.Cfg.Rules).apply(findings(T.M, Rule));
  EXPECT_FALSE(R.Suppressed.empty());
  EXPECT_EQ(R.Suppressed.front().Finding, First);
  bool AsksForReason = std::any_of(R.Kept.begin(), R.Kept.end(), [&](const Diagnostic &D) {
    return D.Rule == "invalid-annotation" && D.Loc == NoReason.Loc &&
           D.Message == "suppression of '" + Rule + "' has no reason; say why after the brackets";
  });
  EXPECT_TRUE(AsksForReason) << testing::PrintToString(lines(R.Kept));
}

} // namespace pdflow::test

#endif
