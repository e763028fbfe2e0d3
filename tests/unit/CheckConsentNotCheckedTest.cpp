#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "consent-not-checked";

struct ConsentModel : TestModel {
  ConsentModel() {
    activity("newsletter", {"newsletter", "marketing"}, "consent");
    activity("billing", {"billing"}, "contract");
    element("shop::Customer::email", "contact.email");
  }
  Flow &send(unsigned Line, std::vector<std::string> Consented,
             std::vector<std::string> Activities = {"newsletter"}) {
    Flow &F = flow("shop::Customer::email", SinkKind::ThirdParty, "mail::send", Line,
                   std::move(Activities));
    F.ConsentPurposes = std::move(Consented);
    return F;
  }
};

TEST(ConsentNotCheckedTest, FiresOnAnUnguardedPath) {
  ConsentModel T;
  T.send(30, {});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.email' (shop::Customer::email) reaches third-party sink "
            "'mail::send' under activity 'newsletter', based on consent, on a path not guarded "
            "by a consent check for 'newsletter', 'marketing'; reach the sink only where a "
            "PDFLOW_CONSENT_CHECK(newsletter) function returned true (GDPR Art. 6(1)(a), 7)");
  EXPECT_EQ(F[0].Notes.size(), 3u);
}

TEST(ConsentNotCheckedTest, FiresWhenOnlyAnotherPurposeIsConsented) {
  ConsentModel T;
  T.send(30, {"analytics"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("for 'newsletter', 'marketing' (only consent to 'analytics' is "
                              "checked); reach"),
            std::string::npos)
      << F[0].Message;
}

TEST(ConsentNotCheckedTest, SilentWhenConsentForOneOfTheActivityPurposesGuardsIt) {
  ConsentModel T;
  T.send(30, {"newsletter"});
  T.send(40, {"marketing", "analytics"});
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(ConsentNotCheckedTest, SilentForOtherLegalBasesUnknownActivitiesAndAnonymizedData) {
  ConsentModel T;
  T.send(30, {}, {"billing"});
  T.send(40, {}, {"undeclared"});
  T.send(50, {}).Transforms = {TransformEffect::Anonymize};
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(ConsentNotCheckedTest, AnActivityWithoutPurposesNeedsSomeConsentCheck) {
  ConsentModel T;
  T.activity("survey", {}, "consent");
  T.send(30, {}, {"survey"});
  T.send(40, {"research"}, {"survey"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 30u);
  EXPECT_NE(F[0].Message.find("not guarded by a consent check; reach the sink only where a "
                              "PDFLOW_CONSENT_CHECK(<purpose>) function"),
            std::string::npos)
      << F[0].Message;
}

TEST(ConsentNotCheckedTest, SeverityEnabledAndSuppression) {
  ConsentModel T;
  T.send(30, {});
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
