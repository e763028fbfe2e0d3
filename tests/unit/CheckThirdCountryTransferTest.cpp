#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "third-country-transfer";

struct TransferModel : TestModel {
  TransferModel() {
    activity("newsletter", {"newsletter"}, "consent");
    element("shop::Customer::email", "contact.email");
    element("shop::Customer::phone", "contact.phone", 11);
  }
  Flow &send(const std::string &Country, Safeguard G, unsigned Line = 30,
             SinkKind Kind = SinkKind::ThirdParty) {
    Flow &F = flow("shop::Customer::email", Kind, "mail::Client::send", Line, {"newsletter"});
    F.Sink.Recipient = "Mailer";
    F.Sink.Country = Country;
    F.Sink.Guard = G;
    return F;
  }
};

TEST(ThirdCountryTransferTest, UnitedStatesWithoutSafeguardNeedsDpf) {
  TransferModel T;
  T.send("US", Safeguard::Unspecified);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.email' (shop::Customer::email) is transferred to "
            "third-party sink 'mail::Client::send' (recipient 'Mailer', US) under activity "
            "'newsletter' with no safeguard; United States (US) has an adequacy decision only "
            "for recipients certified under the EU-US Data Privacy Framework: declare "
            "safeguard: dpf if 'Mailer' is certified, otherwise put standard contractual "
            "clauses (scc) or binding corporate rules (bcr) in place (GDPR Art. 44-46)");
  EXPECT_EQ(F[0].Notes.size(), 3u);
}

TEST(ThirdCountryTransferTest, UnitedStatesAcceptsDpfSccBcrAndDerogationOnly) {
  for (Safeguard G : {Safeguard::Dpf, Safeguard::Scc, Safeguard::Bcr, Safeguard::Derogation}) {
    TransferModel T;
    T.send("US", G);
    EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{}) << safeguardName(G);
  }
  TransferModel T;
  T.send("US", Safeguard::Adequacy, 30);
  T.send("US", Safeguard::None, 40);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_NE(F[0].Message.find(" with safeguard: adequacy, but the adequacy decision for United "
                              "States (US) covers only recipients certified under the EU-US "
                              "Data Privacy Framework; declare safeguard: dpf"),
            std::string::npos);
  EXPECT_EQ(F[0].Message.find("has an adequacy decision only"), std::string::npos)
      << "the hint repeats what the problem says";
  EXPECT_NE(F[1].Message.find(" with safeguard: none; "), std::string::npos);
  EXPECT_NE(F[1].Message.find("has an adequacy decision only"), std::string::npos);
}

TEST(ThirdCountryTransferTest, CountryWithoutAdequacyNeedsAContractualSafeguard) {
  TransferModel T;
  T.send("IN", Safeguard::Unspecified, 30);
  T.send("IN", Safeguard::Dpf, 40);
  T.send("IN", Safeguard::Adequacy, 50);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 3u);
  EXPECT_NE(F[0].Message.find("'newsletter' with no safeguard; India (IN) is a third country "
                              "with no adequacy decision: put standard contractual clauses "
                              "(safeguard: scc) or binding corporate rules (bcr) in place, or "
                              "declare the Art. 49 derogation relied on (derogation) (GDPR "
                              "Art. 44-46)"),
            std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[1].Message.find("with safeguard: dpf, which covers only certified recipients in "
                              "the United States;"),
            std::string::npos);
  EXPECT_NE(F[2].Message.find("with safeguard: adequacy, but India (IN) has no adequacy "
                              "decision;"),
            std::string::npos);
  for (Safeguard G : {Safeguard::Scc, Safeguard::Bcr, Safeguard::Derogation}) {
    TransferModel Ok;
    Ok.send("IN", G);
    EXPECT_EQ(lines(findings(Ok.M, Rule)), std::vector<std::string>{}) << safeguardName(G);
  }
}

TEST(ThirdCountryTransferTest, SilentForTheEeaAndAdequateCountries) {
  TransferModel T;
  T.send("FR", Safeguard::Unspecified, 30);
  T.send("NO", Safeguard::Unspecified, 31);
  T.send("JP", Safeguard::Unspecified, 32);
  T.send("GB", Safeguard::None, 33);
  T.send("CA", Safeguard::Unspecified, 34); // commercial organisations
  T.send("fr", Safeguard::Unspecified, 35); // codes are case-insensitive
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(ThirdCountryTransferTest, AnUnknownCountryCodeHasNoAdequacy) {
  TransferModel T;
  T.send("XX", Safeguard::Unspecified);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("with no safeguard; 'XX' is not a country pdflow knows, so no "
                              "adequacy decision is assumed: put"),
            std::string::npos)
      << F[0].Message;
}

TEST(ThirdCountryTransferTest, AnyKindOfSinkWithAForeignCountryIsATransfer) {
  TransferModel T;
  T.send("IN", Safeguard::Unspecified, 30, SinkKind::InternalService);
  T.send("IN", Safeguard::Unspecified, 40, SinkKind::Storage);
  T.send("", Safeguard::Unspecified, 50, SinkKind::InternalService); // in-house: no country
  EXPECT_EQ(findings(T.M, Rule).size(), 2u);
}

TEST(ThirdCountryTransferTest, UnknownRecipientCountryOncePerSinkCall) {
  TransferModel T;
  T.send("", Safeguard::Unspecified, 30);
  Flow &Phone = T.flow("shop::Customer::phone", SinkKind::ThirdParty, "mail::Client::send", 30);
  Phone.Sink.Recipient = "Mailer";
  Phone.Sink.Origin = ModelOrigin::Config;
  Phone.Sink.ModelLoc = {".pdflow.yaml", 33, 5};
  T.send("", Safeguard::Unspecified, 60);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "personal data reaches third-party sink 'mail::Client::send' (recipient 'Mailer'), "
            "whose recipient country is unknown: 'contact.email' (shop::Customer::email), "
            "'contact.phone' (shop::Customer::phone); declare the sink's country and safeguard "
            "(country: and safeguard: under sinks: in .pdflow.yaml, or PDFLOW_SINK(third-party, "
            "country = <ISO code>, safeguard = <scc|bcr|dpf|derogation>)) (GDPR Art. 44-46)");
  EXPECT_EQ(F[1].Loc.Line, 60u);
}

TEST(ThirdCountryTransferTest, UnknownCountryNotesTheSinkDeclaration) {
  TransferModel T;
  Flow &F = T.send("", Safeguard::Unspecified, 30);
  F.Sink.Origin = ModelOrigin::Config;
  F.Sink.ModelLoc = {".pdflow.yaml", 33, 5};
  std::vector<Diagnostic> D = findings(T.M, Rule);
  ASSERT_EQ(D.size(), 1u);
  EXPECT_EQ(D[0].Notes.back(), (DiagNote{{".pdflow.yaml", 33, 5},
                                         "sink 'mail::Client::send' declared here without a "
                                         "country"}));
}

TEST(ThirdCountryTransferTest, AnonymizedDataIsNotTransferred) {
  TransferModel T;
  T.send("IN", Safeguard::Unspecified, 30).Transforms = {TransformEffect::Anonymize};
  T.send("", Safeguard::Unspecified, 40).Transforms = {TransformEffect::Anonymize};
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(ThirdCountryTransferTest, SeverityEnabledAndSuppression) {
  TransferModel T;
  T.send("US", Safeguard::Unspecified);
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
