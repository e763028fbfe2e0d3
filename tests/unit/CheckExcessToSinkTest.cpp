#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "excess-to-sink";

Flow &toStripe(TestModel &T, const std::string &Element, unsigned Line) {
  Flow &F = T.flow(Element, SinkKind::ThirdParty, "stripe::Client::charge", Line, {"payment"});
  F.Sink.Recipient = "Stripe";
  F.Sink.Country = "US";
  F.Sink.Guard = Safeguard::Dpf;
  F.Sink.Accepts = {"financial.payment_card"};
  return F;
}

struct StripeModel : TestModel {
  StripeModel() {
    activity("payment", {"payment"});
    element("shop::Customer::email", "contact.email");
    element("shop::Customer::card", "financial.payment_card", 11);
  }
};

TEST(ExcessToSinkTest, FiresOnACategoryTheSinkDoesNotAccept) {
  StripeModel T;
  toStripe(T, "shop::Customer::email", 30);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.email' (shop::Customer::email) reaches third-party sink "
            "'stripe::Client::charge' (recipient 'Stripe', US) under activity 'payment', which "
            "accepts only financial.payment_card; stop sending it, or add the category to the "
            "sink's accepts if the recipient needs it (GDPR Art. 5(1)(c))");
}

TEST(ExcessToSinkTest, FiresOnEveryExcessFieldOfAWholeObject) {
  StripeModel T;
  toStripe(T, "shop::Customer::card", 30).WholeObject = true;
  toStripe(T, "shop::Customer::email", 30).WholeObject = true;
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("(shop::Customer::email) inside a whole object reaches"),
            std::string::npos);
  EXPECT_NE(F[0].Message.find("; pass only the fields the recipient needs instead of the "
                              "whole object, or add"),
            std::string::npos);
}

TEST(ExcessToSinkTest, SilentForAcceptedCategoriesAndTheirDescendants) {
  StripeModel T;
  toStripe(T, "shop::Customer::card", 30);
  toStripe(T, "shop::Customer::email", 40).Sink.Accepts = {"contact"};
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(ExcessToSinkTest, SilentWhenTheSinkDeclaresNoAcceptsOrTheDataIsAnonymized) {
  StripeModel T;
  toStripe(T, "shop::Customer::email", 30).Sink.Accepts.clear();
  toStripe(T, "shop::Customer::email", 40).Transforms = {TransformEffect::Anonymize};
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 50).WholeObject = true;
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(ExcessToSinkTest, SeverityEnabledAndSuppression) {
  StripeModel T;
  toStripe(T, "shop::Customer::email", 30);
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
