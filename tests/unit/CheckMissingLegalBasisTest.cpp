#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "missing-legal-basis";

TEST(MissingLegalBasisTest, FiresOnAnActivityWithNoBasisAtItsConfigEntry) {
  TestModel T;
  T.activity("analytics", {"analytics"}, "", 14);
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::ThirdParty, "ga::track", 30, {"analytics"});
  T.use("shop::Customer::email", 20, {"analytics"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{".pdflow.yaml", 14, 5}));
  EXPECT_EQ(F[0].Message,
            "activity 'analytics' processes personal data but declares no legal basis; add "
            "legal_basis: with the one that applies (consent, contract, legal-obligation, "
            "legitimate-interests, public-task, vital-interests) (GDPR Art. 6)");
  std::vector<DiagNote> Expected = {
      {{"shop.cpp", 30, 5}, "processes 'contact.email' (shop::Customer::email) here"},
      {{"shop.cpp", 20, 9}, "processes 'contact.email' (shop::Customer::email) here"}};
  EXPECT_EQ(F[0].Notes, Expected);
}

TEST(MissingLegalBasisTest, FiresOnAnUnknownBasisWithASuggestion) {
  TestModel T;
  T.activity("billing", {"billing"}, "contrat");
  T.element("shop::Customer::email", "contact.email");
  T.use("shop::Customer::email", 20, {"billing"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "activity 'billing' processes personal data under legal basis 'contrat', which is "
            "not an Art. 6(1) basis; did you mean 'contract'? (GDPR Art. 6)");
}

TEST(MissingLegalBasisTest, ReadsAloneCountAsProcessing) {
  TestModel T;
  T.activity("billing", {"billing"}, "");
  T.element("shop::Customer::email", "contact.email");
  T.use("shop::Customer::email", 20, {"billing"});
  EXPECT_EQ(findings(T.M, Rule).size(), 1u);
}

TEST(MissingLegalBasisTest, SilentForEveryArticle6BasisAndForActivitiesThatProcessNothing) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  for (const std::string &Basis : T.Tax.legalBasisIds()) {
    T.activity(Basis + "-activity", {"billing"}, Basis);
    T.use("shop::Customer::email", 20, {Basis + "-activity"});
  }
  T.activity("idle", {"billing"}, ""); // processes nothing
  EXPECT_EQ(T.Tax.legalBasisIds().size(), 6u);
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(MissingLegalBasisTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.activity("analytics", {"analytics"}, "", 14);
  T.element("shop::Customer::email", "contact.email");
  T.use("shop::Customer::email", 20, {"analytics"});
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
