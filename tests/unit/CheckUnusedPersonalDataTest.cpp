#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "unused-personal-data";

TEST(UnusedPersonalDataTest, FiresOnDataNeverRead) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::fax", "contact.phone", 12);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.h", 12, 3}));
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.phone' (shop::Customer::fax) is collected but never read; "
            "stop collecting it, or read it where a processing activity needs it "
            "(GDPR Art. 5(1)(c))");
  EXPECT_TRUE(F[0].Notes.empty());
}

TEST(UnusedPersonalDataTest, FiresOnDataReadOnlyOutsideActivities) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::fax", "contact.phone", 12);
  T.use("shop::Customer::fax", 50);
  T.use("shop::Customer::fax", 40);
  T.flow("shop::Customer::fax", SinkKind::Log, "spdlog::info", 60);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.phone' (shop::Customer::fax) is collected but never read "
            "by any processing activity, only by code outside them; stop collecting it, or "
            "bring the code that needs it under the activity it serves (GDPR Art. 5(1)(c))");
  std::vector<DiagNote> Expected = {
      {{"shop.cpp", 40, 9}, "read here in 'shop::handle', which runs under no processing activity"},
      {{"shop.cpp", 50, 9}, "read here in 'shop::handle', which runs under no processing activity"},
      {{"shop.cpp", 60, 5},
       "read here in 'shop::handle', which runs under no processing activity"}};
  EXPECT_EQ(F[0].Notes, Expected);
}

TEST(UnusedPersonalDataTest, FiresForFieldsVariablesAndClassesOnly) {
  TestModel T;
  T.element("shop::Customer::fax", "contact.phone", 12, ElementKind::Field);
  T.element("shop::gLastEmail", "contact.email", 20, ElementKind::Variable);
  T.element("shop::Patient", "special.health", 30, ElementKind::Class);
  T.element("shop::notify::email", "contact.email", 40, ElementKind::Parameter);
  T.element("shop::peer()", "online.ip_address", 50, ElementKind::Return);
  EXPECT_EQ(lines(findings(T.M, Rule)).size(), 3u)
      << testing::PrintToString(lines(findings(T.M, Rule)));
}

TEST(UnusedPersonalDataTest, SilentWhenAnActivityReadsIt) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::email", "contact.email");
  T.element("shop::Customer::phone", "contact.phone", 11);
  T.use("shop::Customer::email", 40);
  T.use("shop::Customer::email", 41, {"billing"});
  T.flow("shop::Customer::phone", SinkKind::Storage, "sqlite3_exec", 50, {"billing"});
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(UnusedPersonalDataTest, WithoutAnyActivityOnlyNeverReadDataFires) {
  TestModel T; // no activities declared: reads outside them are unregistered-processing's
  T.element("shop::Customer::email", "contact.email");
  T.element("shop::Customer::fax", "contact.phone", 12);
  T.use("shop::Customer::email", 40);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("(shop::Customer::fax) is collected but never read;"),
            std::string::npos);
}

TEST(UnusedPersonalDataTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.element("shop::Customer::fax", "contact.phone", 12);
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
