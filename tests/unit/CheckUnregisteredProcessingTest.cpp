#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "unregistered-processing";

TEST(UnregisteredProcessingTest, FiresOnAFlowUnderNoActivity) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Storage, "sqlite3_exec", 30);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.email' (shop::Customer::email) reaches storage sink "
            "'sqlite3_exec' in 'shop::handle', which runs under no declared processing "
            "activity; list the code's entry point under an activity's entry_points in "
            ".pdflow.yaml or annotate it with PDFLOW_ACTIVITY(<id>) (GDPR Art. 30)");
  EXPECT_EQ(F[0].Notes.size(), 3u);
}

TEST(UnregisteredProcessingTest, FiresForEveryKindOfSinkAndEveryElement) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.element("shop::Customer::phone", "contact.phone", 11);
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  T.flow("shop::Customer::phone", SinkKind::Log, "spdlog::info", 30);
  T.flow("shop::Customer::email", SinkKind::ThirdParty, "stripe::charge", 40);
  EXPECT_EQ(findings(T.M, Rule).size(), 3u);
}

TEST(UnregisteredProcessingTest, SilentUnderAnActivityOrWhenAnonymized) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Storage, "sqlite3_exec", 30, {"billing"});
  T.flow("shop::Customer::email", SinkKind::Export, "csv::write", 40).Transforms = {
      TransformEffect::Anonymize};
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(UnregisteredProcessingTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Storage, "sqlite3_exec", 30);
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
