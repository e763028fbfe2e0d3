#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {

Diagnostic finding(const std::string &Rule, unsigned Line, const std::string &File = "a.cpp") {
  return {Severity::Warning, {File, Line, 5}, "finding of " + Rule, Rule, {}, {}};
}

Suppression suppression(unsigned Line, std::vector<std::string> Rules,
                        const std::string &Reason = "checked by hand",
                        const std::string &File = "a.cpp") {
  return {{File, Line, 20}, std::move(Rules), Reason};
}

SuppressionResult filter(std::vector<Suppression> S, std::vector<Diagnostic> F,
                         std::map<std::string, RuleSettings> Rules = {}) {
  return SuppressionFilter(std::move(S), ruleNames(), std::move(Rules)).apply(std::move(F));
}

TEST(SuppressionTest, OnTheSameLineOrTheLineAbove) {
  SuppressionResult R =
      filter({suppression(10, {"personal-data-in-logs"}), suppression(19, {"missing-retention"})},
             {finding("personal-data-in-logs", 10), finding("missing-retention", 20)});
  EXPECT_EQ(lines(R.Kept), std::vector<std::string>{});
  ASSERT_EQ(R.Suppressed.size(), 2u);
  EXPECT_EQ(R.Suppressed[0].Finding.Loc.Line, 10u);
  EXPECT_EQ(R.Suppressed[0].By.Reason, "checked by hand");
  EXPECT_EQ(R.Suppressed[1].By.Loc.Line, 19u);
}

TEST(SuppressionTest, NotTwoLinesAboveNorBelowNorInAnotherFile) {
  SuppressionResult R =
      filter({suppression(8, {"personal-data-in-logs"}), suppression(11, {"personal-data-in-logs"}),
              suppression(10, {"personal-data-in-logs"}, "x", "b.cpp")},
             {finding("personal-data-in-logs", 10)});
  EXPECT_TRUE(R.Suppressed.empty());
  EXPECT_EQ(lines(R.Kept),
            (std::vector<std::string>{
                "a.cpp:8:20: suppression of 'personal-data-in-logs' suppresses nothing on this "
                "line or the next; remove it",
                "a.cpp:10:5: finding of personal-data-in-logs",
                "a.cpp:11:20: suppression of 'personal-data-in-logs' suppresses nothing on this "
                "line or the next; remove it",
                "b.cpp:10:20: suppression of 'personal-data-in-logs' suppresses nothing on this "
                "line or the next; remove it"}));
}

TEST(SuppressionTest, OnlyTheRulesItNamesOrStar) {
  SuppressionResult R =
      filter({suppression(10, {"missing-retention", "excess-to-sink"}), suppression(20, {"*"})},
             {finding("personal-data-in-logs", 10), finding("missing-retention", 10),
              finding("excess-to-sink", 11), finding("personal-data-in-logs", 20),
              finding("missing-retention", 21)});
  EXPECT_EQ(lines(R.Kept),
            std::vector<std::string>{"a.cpp:10:5: finding of personal-data-in-logs"});
  EXPECT_EQ(R.Suppressed.size(), 4u);
}

TEST(SuppressionTest, WithoutAReasonItSuppressesAndAsksForOne) {
  SuppressionResult R = filter({suppression(10, {"personal-data-in-logs"}, "")},
                               {finding("personal-data-in-logs", 10)});
  ASSERT_EQ(R.Suppressed.size(), 1u);
  EXPECT_EQ(R.Suppressed[0].By.Reason, "");
  ASSERT_EQ(R.Kept.size(), 1u);
  EXPECT_EQ(R.Kept[0].Rule, "invalid-annotation");
  EXPECT_EQ(R.Kept[0].Sev, Severity::Warning);
  EXPECT_EQ(lines(R.Kept),
            std::vector<std::string>{"a.cpp:10:20: suppression of 'personal-data-in-logs' has no "
                                     "reason; say why after the brackets"});
}

TEST(SuppressionTest, StaleSuppressionsAreReportedPerRule) {
  SuppressionResult R = filter(
      {suppression(10, {"personal-data-in-logs", "missing-retention"}), suppression(30, {"*"})},
      {finding("personal-data-in-logs", 11)});
  EXPECT_EQ(lines(R.Kept),
            (std::vector<std::string>{
                "a.cpp:10:20: suppression of 'missing-retention' suppresses nothing on this "
                "line or the next; remove it",
                "a.cpp:30:20: suppression of '*' suppresses nothing on this line or the next; "
                "remove it"}));
}

TEST(SuppressionTest, UnknownOrMissingRuleNames) {
  SuppressionResult R = filter({suppression(10, {"personal-data-in-log"}), suppression(20, {})},
                               {finding("personal-data-in-logs", 10)});
  EXPECT_EQ(lines(R.Kept),
            (std::vector<std::string>{
                "a.cpp:10:5: finding of personal-data-in-logs",
                "a.cpp:10:20: suppression of unknown rule 'personal-data-in-log'; did you mean "
                "'personal-data-in-logs'?",
                "a.cpp:20:20: suppression names no rule; write the rule to ignore between the "
                "brackets, e.g. // pdflow: ignore[personal-data-in-logs] reason"}));
}

TEST(SuppressionTest, DisabledRulesAreNotStaleAndInvalidAnnotationSettingsApply) {
  std::map<std::string, RuleSettings> Rules;
  Rules["missing-retention"].Enabled = false;
  SuppressionResult R = filter({suppression(10, {"missing-retention"})}, {}, Rules);
  EXPECT_EQ(lines(R.Kept), std::vector<std::string>{});

  Rules["invalid-annotation"].Sev = Severity::Note;
  R = filter({suppression(10, {"personal-data-in-logs"}, "")}, {}, Rules);
  ASSERT_EQ(R.Kept.size(), 2u);
  EXPECT_EQ(R.Kept[0].Sev, Severity::Note);

  Rules["invalid-annotation"].Enabled = false;
  R = filter({suppression(10, {"personal-data-in-logs"}, "")}, {}, Rules);
  EXPECT_EQ(lines(R.Kept), std::vector<std::string>{});
}

TEST(SuppressionTest, ToolErrorsAreNeverSuppressed) {
  Diagnostic ConfigError{Severity::Error, {"a.cpp", 10, 1}, "broken", "", {}, {}};
  SuppressionResult R = filter({suppression(10, {"*"})}, {ConfigError});
  ASSERT_EQ(R.Kept.size(), 2u);
  EXPECT_EQ(R.Kept[0].Message, "broken");
  EXPECT_TRUE(R.Suppressed.empty());
}

TEST(SuppressionTest, TheSameSuppressionFromTwoTranslationUnitsCountsOnce) {
  Suppression S = suppression(10, {"missing-retention"});
  SuppressionResult R = filter({S, S}, {});
  EXPECT_EQ(R.Kept.size(), 1u);
}

TEST(SuppressionTest, FiltersTheRealFindingsOfAModel) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  T.M.Suppressions = {{{"shop.cpp", 29, 3},
                       {"unregistered-processing", "personal-data-in-logs"},
                       "debug build only"}};
  SuppressionResult R =
      SuppressionFilter(T.M.Suppressions, ruleNames(), T.Cfg.Rules).apply(runChecks(T.M));
  EXPECT_EQ(lines(R.Kept), std::vector<std::string>{});
  EXPECT_EQ(R.Suppressed.size(), 2u);
}
} // namespace
