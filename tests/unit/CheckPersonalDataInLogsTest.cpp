#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "personal-data-in-logs";

TEST(PersonalDataInLogsTest, FiresOnUnredactedLogWithStepsAndDeclaration) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.email' (shop::Customer::email) reaches log sink "
            "'spdlog::info' unredacted; pass it through a redact, pseudonymize or anonymize "
            "transform first (GDPR Art. 5(1)(f), 32)");
  std::vector<DiagNote> Expected = {
      {{"shop.cpp", 29, 7}, "read 'shop::Customer::email'", /*Step=*/true},
      {{"shop.cpp", 30, 5}, "passed as argument 1 of 'spdlog::info'", /*Step=*/true},
      {{"shop.h", 10, 3}, "'shop::Customer::email' declared here as contact.email"}};
  EXPECT_EQ(F[0].Notes, Expected);
}

TEST(PersonalDataInLogsTest, EncryptionAloneIsNotEnoughForALog) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30).Transforms = {
      TransformEffect::Encrypt};
  EXPECT_EQ(findings(T.M, Rule).size(), 1u);
}

TEST(PersonalDataInLogsTest, NamesWholeObjectsAndActivities) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::phone", "contact.phone");
  Flow &F = T.flow("shop::Customer::phone", SinkKind::Log, "app::DebugStream", 40, {"billing"});
  F.WholeObject = true;
  ASSERT_EQ(findings(T.M, Rule).size(), 1u);
  EXPECT_EQ(findings(T.M, Rule)[0].Message,
            "personal data 'contact.phone' (shop::Customer::phone) inside a whole object "
            "reaches log sink 'app::DebugStream' unredacted under activity 'billing'; pass it "
            "through a redact, pseudonymize or anonymize transform first (GDPR Art. 5(1)(f), 32)");
}

TEST(PersonalDataInLogsTest, SilentAfterRedactPseudonymizeOrAnonymize) {
  for (TransformEffect E :
       {TransformEffect::Redact, TransformEffect::Pseudonymize, TransformEffect::Anonymize}) {
    TestModel T;
    T.element("shop::Customer::email", "contact.email");
    T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30).Transforms = {
        TransformEffect::Encrypt, E};
    EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{}) << transformEffectName(E);
  }
}

TEST(PersonalDataInLogsTest, SilentForSinksThatAreNotLogs) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  for (SinkKind K :
       {SinkKind::Export, SinkKind::Storage, SinkKind::ThirdParty, SinkKind::InternalService})
    T.flow("shop::Customer::email", K, "sink", 30);
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(PersonalDataInLogsTest, SideAnnotationAddsANoteAtTheConfig) {
  TestModel T;
  DataElement &E = T.element("legacy::User::mail", "contact.email");
  E.Origin = AnnotationOrigin::SideAnnotation;
  E.AnnotationLoc = {".pdflow.yaml", 12, 5};
  T.flow("legacy::User::mail", SinkKind::Log, "spdlog::info", 30);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  ASSERT_EQ(F[0].Notes.size(), 4u);
  EXPECT_EQ(F[0].Notes[3], (DiagNote{{".pdflow.yaml", 12, 5},
                                     "'legacy::User::mail' is declared contact.email by this "
                                     "side annotation"}));
}

TEST(PersonalDataInLogsTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
