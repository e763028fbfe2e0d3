#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "invalid-annotation";

TEST(InvalidAnnotationTest, FiresOnTaxonomyIdsTheTaxonomyDoesNotKnow) {
  TestModel T;
  DataElement &E = T.element("shop::Customer::email", "contact.emial");
  E.Spec.Subject = "custommer";
  E.Spec.Purposes = {"billing", "biling"};
  std::vector<Diagnostic> F = findings(T.M, Rule);
  EXPECT_EQ(lines(F), (std::vector<std::string>{
                          "shop.h:9:3: unknown category 'contact.emial' for "
                          "'shop::Customer::email'; did you mean 'contact.email'?",
                          "shop.h:9:3: unknown data subject 'custommer' for "
                          "'shop::Customer::email'; did you mean 'customer'?",
                          "shop.h:9:3: unknown purpose 'biling' for 'shop::Customer::email'; did "
                          "you mean 'billing'?"}));
  for (const Diagnostic &D : F)
    EXPECT_EQ(D.Sev, Severity::Error);
}

TEST(InvalidAnnotationTest, FiresOnAnActivityTheCodeUsesButTheConfigDoesNotDeclare) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::email", "contact.email");
  T.M.ActivityEntries.push_back({"biling", {"shop.cpp", 5, 1}});
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30, {"biling", "billing"});
  T.use("shop::Customer::email", 40, {"support"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  EXPECT_EQ(lines(F), (std::vector<std::string>{
                          "shop.cpp:5:1: activity 'biling' is not declared under activities: in "
                          ".pdflow.yaml; declare it with its purposes, legal basis and "
                          "retention, or did you mean 'billing'? (GDPR Art. 30)",
                          "shop.cpp:40:9: activity 'support' is not declared under activities: "
                          "in .pdflow.yaml; declare it with its purposes, legal basis and "
                          "retention (GDPR Art. 30)"}));
}

TEST(InvalidAnnotationTest, WarnsOnADeclaredActivityWithNoEntryPointInTheCode) {
  TestModel T;
  T.activity("billing", {"billing"}, "contract", 21);
  T.M.ActivityEntries.clear();
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Sev, Severity::Warning);
  EXPECT_EQ(F[0].Loc, (SourceLoc{".pdflow.yaml", 21, 5}));
  EXPECT_EQ(F[0].Message,
            "activity 'billing' has no entry point in the code; fix its entry_points globs or "
            "annotate its entry point with PDFLOW_ACTIVITY(billing) (GDPR Art. 30)");
  // Configured lower, it goes lower; never higher than a warning.
  T.settings(Rule).Sev = Severity::Note;
  EXPECT_EQ(findings(T.M, Rule)[0].Sev, Severity::Note);
}

TEST(InvalidAnnotationTest, SilentOnAConsistentModel) {
  TestModel T;
  T.activity("billing", {"billing"});
  DataElement &E = T.element("shop::Customer::email", "contact.email");
  E.Spec.Subject = "customer";
  E.Spec.Purposes = {"billing", "support"};
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30, {"billing"});
  T.use("shop::Customer::email", 40, {"billing"});
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(InvalidAnnotationTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.element("shop::Customer::email", "contact.emial");
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
