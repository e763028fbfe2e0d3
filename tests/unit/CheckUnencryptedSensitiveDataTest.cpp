#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "unencrypted-sensitive-data";

struct SensitiveModel : TestModel {
  SensitiveModel() {
    element("clinic::Patient::diagnosis", "special.health", 10);
    element("shop::Customer::card", "financial.payment_card", 11);
    element("shop::User::password", "credentials.password", 12);
    element("shop::User::passwordHash", "credentials.password_hash", 13);
    element("hr::Candidate::record", "criminal.convictions", 14);
    element("shop::Customer::email", "contact.email", 15);
  }
};

TEST(UnencryptedSensitiveDataTest, FiresOnSpecialDataStoredInPlaintext) {
  SensitiveModel T;
  T.flow("clinic::Patient::diagnosis", SinkKind::Storage, "sqlite3_exec", 30);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "special-category data 'special.health' (clinic::Patient::diagnosis) is stored by "
            "storage sink 'sqlite3_exec' unencrypted; encrypt it with an encrypt transform first "
            "(GDPR Art. 32)");
  EXPECT_EQ(F[0].Notes.size(), 3u);
}

TEST(UnencryptedSensitiveDataTest, FiresOnPaymentAndCriminalDataExported) {
  SensitiveModel T;
  T.flow("shop::Customer::card", SinkKind::Export, "csv::write", 30);
  T.flow("hr::Candidate::record", SinkKind::Export, "csv::write", 40);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Message.rfind("credential or payment data 'financial.payment_card' "
                               "(shop::Customer::card) is exported by export sink 'csv::write' "
                               "unencrypted; encrypt",
                               0),
            0u)
      << F[0].Message;
  EXPECT_EQ(F[1].Message.rfind("criminal-offence data 'criminal.convictions'", 0), 0u);
}

TEST(UnencryptedSensitiveDataTest, FiresOnANetworkSinkDeclaredUnencrypted) {
  SensitiveModel T;
  Flow &F = T.flow("clinic::Patient::diagnosis", SinkKind::ThirdParty, "legacy::httpPost", 30);
  F.Sink.Recipient = "Partner";
  F.Sink.Country = "FR";
  F.Sink.Encrypted = false;
  T.flow("shop::User::password", SinkKind::InternalService, "auth::post", 40).Sink.Encrypted =
      false;
  std::vector<Diagnostic> D = findings(T.M, Rule);
  ASSERT_EQ(D.size(), 2u);
  EXPECT_EQ(D[0].Message,
            "special-category data 'special.health' (clinic::Patient::diagnosis) is sent "
            "through third-party sink 'legacy::httpPost' (recipient 'Partner', FR) over a "
            "connection declared encrypted: false; use an encrypted transport (TLS) or encrypt "
            "it with an encrypt transform first (GDPR Art. 32)");
  EXPECT_NE(D[1].Message.find("use an encrypted transport (TLS) or hash it with a pseudonymize "
                              "transform (a password hash such as argon2 or bcrypt) or encrypt "
                              "it first"),
            std::string::npos)
      << D[1].Message;
}

TEST(UnencryptedSensitiveDataTest, SilentWithEncryptionAnonymizationOrTls) {
  SensitiveModel T;
  T.flow("clinic::Patient::diagnosis", SinkKind::Storage, "db::save", 30).Transforms = {
      TransformEffect::Encrypt};
  T.flow("shop::Customer::card", SinkKind::Export, "csv::write", 40).Transforms = {
      TransformEffect::Anonymize};
  T.flow("clinic::Patient::diagnosis", SinkKind::ThirdParty, "https::post", 50);
  T.flow("clinic::Patient::diagnosis", SinkKind::ThirdParty, "https::post", 60).Sink.Encrypted =
      true;
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(UnencryptedSensitiveDataTest, HashingIsEnoughForCredentialsOnly) {
  SensitiveModel T;
  T.flow("shop::User::password", SinkKind::Storage, "db::save", 30).Transforms = {
      TransformEffect::Pseudonymize};
  T.flow("shop::User::passwordHash", SinkKind::Storage, "db::save", 40); // already a hash
  T.flow("shop::Customer::card", SinkKind::Storage, "db::save", 50).Transforms = {
      TransformEffect::Pseudonymize};
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 50u);
}

TEST(UnencryptedSensitiveDataTest, SilentForOrdinaryDataAndForLogs) {
  SensitiveModel T;
  T.flow("shop::Customer::email", SinkKind::Storage, "db::save", 30);
  T.flow("clinic::Patient::diagnosis", SinkKind::Log, "spdlog::info", 40);
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(UnencryptedSensitiveDataTest, HashingOptionsAreConfigurable) {
  SensitiveModel T;
  T.flow("shop::User::password", SinkKind::Storage, "db::save", 30).Transforms = {
      TransformEffect::Pseudonymize};
  T.flow("shop::User::passwordHash", SinkKind::Storage, "db::save", 40);
  T.flow("shop::Customer::card", SinkKind::Storage, "db::save", 50).Transforms = {
      TransformEffect::Pseudonymize};
  T.settings(Rule).Options = {{"hashing_suffices_for", "financial.payment_card"},
                              {"hashed_categories", ""}};
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Loc.Line, 30u);
  EXPECT_EQ(F[1].Loc.Line, 40u);
  EXPECT_EQ(ruleOptions(Rule),
            (std::map<std::string, std::string>{{"hashed_categories", "credentials.password_hash"},
                                                {"hashing_suffices_for", "credentials"}}));
}

TEST(UnencryptedSensitiveDataTest, UnknownCategoryInAnOptionIsAConfigError) {
  SensitiveModel T;
  T.settings(Rule).Options = {{"hashing_suffices_for", "credential"}};
  T.settings(Rule).Loc = {".pdflow.yaml", 40, 3};
  EXPECT_EQ(configErrors(T.M),
            std::vector<std::string>{
                ".pdflow.yaml:40:3: unknown category 'credential' in option "
                "'hashing_suffices_for' of rule 'unencrypted-sensitive-data'; did you mean "
                "'credentials'?"});
}

TEST(UnencryptedSensitiveDataTest, SeverityEnabledAndSuppression) {
  SensitiveModel T;
  T.flow("clinic::Patient::diagnosis", SinkKind::Storage, "sqlite3_exec", 30);
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
