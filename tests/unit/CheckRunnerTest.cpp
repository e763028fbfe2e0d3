// runChecks, CheckContext and flowNotes: what every rule relies on.
#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {

TEST(RunChecksTest, ReturnsEveryRulesFindingsSorted) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Storage, "db::save", 40);
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  std::vector<Diagnostic> All = runChecks(T.M);
  EXPECT_TRUE(std::is_sorted(All.begin(), All.end(), diagnosticLess));
  std::vector<std::string> Rules;
  for (const Diagnostic &D : All)
    Rules.push_back(D.Loc.str() + " " + D.Rule);
  EXPECT_EQ(Rules, (std::vector<std::string>{"shop.cpp:30:5 personal-data-in-logs",
                                             "shop.cpp:30:5 unregistered-processing",
                                             "shop.cpp:40:5 missing-retention",
                                             "shop.cpp:40:5 unregistered-processing"}));
}

TEST(RunChecksTest, TheSameFindingTwiceIsReportedOnce) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  Flow Longer = T.M.Flows.back();
  Longer.Steps.insert(Longer.Steps.begin(), {{"shop.cpp", 20, 1}, "copied into 'tmp'"});
  T.M.Flows.push_back(Longer);
  EXPECT_EQ(findings(T.M, "personal-data-in-logs").size(), 1u);
}

TEST(RunChecksTest, DisabledRulesDoNotRun) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  for (const std::string &R : ruleNames())
    T.settings(R).Enabled = false;
  EXPECT_EQ(lines(runChecks(T.M)), std::vector<std::string>{});
}

TEST(RunChecksTest, WorksWithoutConfigOrTaxonomy) {
  Model M;
  DataElement E;
  E.Id = "e";
  E.QualifiedName = "shop::Customer::email";
  E.Spec.Category = "contact.email";
  E.Loc = {"shop.h", 3, 3};
  M.Elements.push_back(E);
  Flow F;
  F.ElementId = "e";
  F.SinkLoc = {"shop.cpp", 9, 3};
  M.Flows.push_back(F);
  std::vector<Diagnostic> All = runChecks(M);
  EXPECT_FALSE(All.empty());
}

TEST(RunChecksTest, AnUnknownRuleOptionIsAConfigErrorWithASuggestion) {
  TestModel T;
  T.settings("unannotated-personal-data").Options = {{"extra_word", "x=contact.email"}};
  T.settings("unannotated-personal-data").Loc = {".pdflow.yaml", 30, 3};
  T.settings("personal-data-in-logs").Options = {{"level", "high"}};
  T.settings("personal-data-in-logs").Loc = {".pdflow.yaml", 33, 3};
  std::vector<Diagnostic> Errors;
  for (const Diagnostic &D : runChecks(T.M))
    if (D.Rule.empty())
      Errors.push_back(D);
  EXPECT_EQ(lines(Errors),
            (std::vector<std::string>{
                ".pdflow.yaml:30:3: unknown option 'extra_word' for rule "
                "'unannotated-personal-data' (allowed: enabled, severity, extra_words, ignore, parameters); "
                "did you mean 'extra_words'?",
                ".pdflow.yaml:33:3: unknown option 'level' for rule 'personal-data-in-logs' "
                "(allowed: enabled, severity)"}));
  for (const Diagnostic &D : Errors)
    EXPECT_EQ(D.Sev, Severity::Error);
}

TEST(CheckContextTest, ReadsSeverityAndOptionsAndRecordsDefaults) {
  const RuleInfo &Info = *findRule("personal-data-in-logs");
  RuleSettings S;
  S.Sev = Severity::Error;
  S.Options = {{"a", "1"}};
  DiagnosticList Out;
  CheckContext Ctx(Info, &S, Out);
  EXPECT_EQ(Ctx.severity(), Severity::Error);
  EXPECT_EQ(Ctx.option("a", "0"), "1");
  EXPECT_EQ(Ctx.option("b", "2"), "2");
  EXPECT_EQ(Ctx.declaredOptions(), (std::map<std::string, std::string>{{"a", "0"}, {"b", "2"}}));
  Ctx.report({"a.cpp", 1, 1}, "m");
  Ctx.report(Severity::Note, {"a.cpp", 2, 1}, "n");
  std::vector<Diagnostic> D = Out.sorted();
  ASSERT_EQ(D.size(), 2u);
  EXPECT_EQ(D[0].Sev, Severity::Error);
  EXPECT_EQ(D[0].Rule, "personal-data-in-logs");
  EXPECT_EQ(D[1].Sev, Severity::Note);

  CheckContext Default(Info, nullptr, Out);
  EXPECT_EQ(Default.severity(), Severity::Warning);
  EXPECT_EQ(Default.option("a", "0"), "0");
}

TEST(FlowNotesTest, StepsThenTheDeclaration) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  Flow &F = T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  std::vector<DiagNote> Expected = {
      {{"shop.cpp", 29, 7}, "read 'shop::Customer::email'", /*Step=*/true},
      {{"shop.cpp", 30, 5}, "passed as argument 1 of 'spdlog::info'", /*Step=*/true},
      {{"shop.h", 10, 3}, "'shop::Customer::email' declared here as contact.email"}};
  EXPECT_EQ(flowNotes(F, T.M), Expected);
  F.ElementId = "unknown";
  EXPECT_EQ(flowNotes(F, T.M).size(), 2u);
}
} // namespace
