#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "purpose-limitation";

struct PurposeModel : TestModel {
  PurposeModel() {
    activity("billing", {"billing", "accounting"});
    activity("marketing", {"marketing"}, "consent");
    activity("analytics", {"analytics", "product-improvement"}, "legitimate-interests");
    element("shop::Customer::email", "contact.email").Spec.Purposes = {"billing", "support"};
  }
};

TEST(PurposeLimitationTest, FiresWhenTheActivityPurposesAreNotTheData) {
  PurposeModel T;
  T.flow("shop::Customer::email", SinkKind::ThirdParty, "mailchimp::send", 30, {"marketing"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(
      F[0].Message,
      "personal data 'contact.email' (shop::Customer::email) reaches third-party sink "
      "'mailchimp::send' under activity 'marketing', whose purposes (marketing) are not "
      "among the data's purposes (billing, support); stop this flow, or add the purpose to the "
      "data's purposes if it is compatible with them (GDPR Art. 5(1)(b))");
  EXPECT_EQ(F[0].Notes.size(), 3u);
}

TEST(PurposeLimitationTest, OneFindingPerActivityWhosePurposesAreDisjoint) {
  PurposeModel T;
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30,
         {"billing", "marketing", "analytics"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_NE(F[0].Message.find(
                "under activity 'analytics', whose purposes (analytics, product-improvement) are"),
            std::string::npos);
  EXPECT_NE(F[1].Message.find("under activity 'marketing'"), std::string::npos);
}

TEST(PurposeLimitationTest, SilentWhenOnePurposeIsShared) {
  PurposeModel T;
  T.flow("shop::Customer::email", SinkKind::ThirdParty, "stripe::charge", 30, {"billing"});
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(PurposeLimitationTest, SilentWhenTheDataDeclaresNoPurposes) {
  PurposeModel T;
  T.element("shop::Customer::phone", "contact.phone", 11);
  T.flow("shop::Customer::phone", SinkKind::ThirdParty, "mailchimp::send", 30, {"marketing"});
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(PurposeLimitationTest, SilentForUnknownActivitiesActivitiesWithoutPurposesAndAnonymized) {
  PurposeModel T;
  T.activity("misc", {});
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30, {"undeclared", "misc"});
  T.flow("shop::Customer::email", SinkKind::Export, "csv::write", 40, {"marketing"}).Transforms = {
      TransformEffect::Anonymize};
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(PurposeLimitationTest, SeverityEnabledAndSuppression) {
  PurposeModel T;
  T.flow("shop::Customer::email", SinkKind::ThirdParty, "mailchimp::send", 30, {"marketing"});
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
