#include "RegisterTestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace pdflow;

namespace {

using Lines = std::vector<std::string>;

class RegisterBuilderTest : public ::testing::Test, public test::RegisterFixture {
protected:
  const RegisterActivity &activity(const Register &R, const std::string &Id) {
    const RegisterActivity *A = R.activity(Id);
    EXPECT_TRUE(A) << Id;
    static const RegisterActivity None;
    return A ? *A : None;
  }
};

Lines ids(const std::vector<RegisterCategory> &Cs) {
  Lines Out;
  for (const RegisterCategory &C : Cs)
    Out.push_back(C.Id);
  return Out;
}

Lines missing(const Register &R) {
  Lines Out;
  for (const MissingField &F : R.Missing)
    Out.push_back(describeMissing(F) + " @ " + F.Where.str());
  return Out;
}

TEST_F(RegisterBuilderTest, ControllerPartIsDeclared) {
  Register R = buildRegister(M);
  EXPECT_EQ(R.Role, OrganisationRole::Controller);
  EXPECT_EQ(R.Controller, (Party{"Acme SAS", "privacy@acme.example"}));
  EXPECT_EQ(R.Dpo, (Party{"Jane Doe", "dpo@acme.example"}));
  EXPECT_EQ(R.SecurityMeasures, Lines{"TLS 1.3 everywhere"});
}

TEST_F(RegisterBuilderTest, ActivitiesInConfigOrderThenThoseOnlyInCode) {
  Register R = buildRegister(M);
  Lines Ids;
  for (const RegisterActivity &A : R.Activities)
    Ids.push_back(A.Id);
  EXPECT_EQ(Ids, (Lines{"billing", "support", "analytics", "legacy"}));
  EXPECT_TRUE(activity(R, "billing").Declared);
  EXPECT_FALSE(activity(R, "legacy").Declared);
  EXPECT_EQ(activity(R, "legacy").EntryPoints,
            (std::vector<Evidence>{{Evidence::Kind::EntryPoint, {"src/Legacy.cpp", 5, 1}}}));
}

TEST_F(RegisterBuilderTest, CategoriesInCnilGroupOrderWithProofAndRetention) {
  Register R = buildRegister(M);
  const RegisterActivity &B = activity(R, "billing");
  // identity (contact.email) before connection data (online.ip_address).
  EXPECT_EQ(ids(B.Categories), (Lines{"contact.email", "online.ip_address"}));
  const RegisterCategory &Email = B.Categories[0];
  EXPECT_EQ(Email.Elements, Lines{"shop::Customer::email"});
  EXPECT_EQ(Email.Retention, (std::vector<RetentionValue>{{"P3Y", Provenance::Derived}}));
  EXPECT_EQ(Email.Proof, (std::vector<Evidence>{
                             {Evidence::Kind::Declaration, {"src/Customer.h", 12, 3}},
                             {Evidence::Kind::SinkCall, {"src/Billing.cpp", 40, 5}},
                             {Evidence::Kind::SinkCall, {"src/Billing.cpp", 41, 5}},
                         }));
  // A side annotation's retention is declared in the config.
  EXPECT_EQ(B.Categories[1].Retention,
            (std::vector<RetentionValue>{{"P1Y", Provenance::Declared}}));
}

TEST_F(RegisterBuilderTest, ElementWithoutRetentionTakesTheActivitysOrIsMissing) {
  M.Elements[0].Spec.Retention = ""; // e-mail: billing's P10Y applies
  Register R = buildRegister(M);
  EXPECT_EQ(activity(R, "billing").Categories[0].Retention,
            (std::vector<RetentionValue>{{"P10Y", Provenance::Declared}}));
  // Support has no retention: the health notes have none at all.
  EXPECT_EQ(activity(R, "support").Categories[0].Retention,
            (std::vector<RetentionValue>{{"", Provenance::Declared}}));
}

TEST_F(RegisterBuilderTest, SubjectsDeclaredDerivedOrBoth) {
  Register R = buildRegister(M);
  EXPECT_EQ(activity(R, "billing").Subjects,
            (std::vector<RegisterSubject>{{"customer", Provenance::DeclaredAndDerived}}));
  EXPECT_EQ(activity(R, "support").Subjects,
            (std::vector<RegisterSubject>{{"employee", Provenance::Declared},
                                          {"customer", Provenance::Derived}}));
}

TEST_F(RegisterBuilderTest, RecipientsSplitAsTheCnilTemplateDoes) {
  Register R = buildRegister(M);
  const std::vector<RegisterRecipient> &Rs = activity(R, "billing").Recipients;
  ASSERT_EQ(Rs.size(), 3u);
  EXPECT_EQ(Rs[0].Name, "spdlog::info");
  EXPECT_EQ(Rs[0].Class, RecipientClass::Internal);
  EXPECT_EQ(Rs[0].Kind, SinkKind::Log);
  EXPECT_EQ(Rs[1].Name, "Mailchimp");
  EXPECT_EQ(Rs[1].Class, RecipientClass::Processor);
  EXPECT_EQ(Rs[1].ClassSource, Provenance::Declared);
  EXPECT_EQ(Rs[1].Contract, "DPA 2024");
  EXPECT_EQ(Rs[1].Country, "US");
  EXPECT_EQ(Rs[1].Guard, Safeguard::Scc);
  EXPECT_EQ(Rs[1].Categories, Lines{"contact.email"});
  // Where the data leaves, and where it is declared as contact.email.
  EXPECT_EQ(Rs[1].Proof,
            (std::vector<Evidence>{{Evidence::Kind::Declaration, {"src/Customer.h", 12, 3}},
                                   {Evidence::Kind::SinkCall, {"src/Billing.cpp", 40, 5}}}));
  EXPECT_EQ(Rs[2].Name, "Stripe");
  EXPECT_EQ(Rs[2].Class, RecipientClass::ThirdParty);
  EXPECT_EQ(Rs[2].ClassSource, Provenance::Derived); // not under recipients:
}

TEST_F(RegisterBuilderTest, AnonymisedDataHasNoRecipient) {
  Register R = buildRegister(M);
  const RegisterActivity &A = activity(R, "analytics");
  EXPECT_EQ(ids(A.Categories), Lines{"location.approximate"}); // still processed
  EXPECT_TRUE(A.Recipients.empty());
  EXPECT_TRUE(A.Transfers.empty());
  ASSERT_EQ(A.Measures.size(), 1u);
  EXPECT_EQ(A.Measures[0].Effect, TransformEffect::Anonymize);
}

TEST_F(RegisterBuilderTest, TransfersOutsideTheEeaWithWhatCoversThem) {
  Register R = buildRegister(M);
  const std::vector<RegisterTransfer> &Ts = activity(R, "billing").Transfers;
  ASSERT_EQ(Ts.size(), 2u);
  EXPECT_EQ(Ts[0].Recipient, "Mailchimp");
  EXPECT_FALSE(Ts[0].Adequacy);
  EXPECT_TRUE(Ts[0].Covered); // scc
  EXPECT_EQ(Ts[1].Recipient, "Stripe");
  EXPECT_TRUE(Ts[1].Adequacy); // the EU-US framework, with dpf
  EXPECT_TRUE(Ts[1].Covered);
  const std::vector<RegisterTransfer> &Support = activity(R, "support").Transfers;
  ASSERT_EQ(Support.size(), 1u);
  EXPECT_EQ(Support[0].Country, "IN");
  EXPECT_FALSE(Support[0].Covered);
  EXPECT_EQ(Support[0].Categories, Lines{"special.health"});
  EXPECT_EQ(Support[0].Proof,
            (std::vector<Evidence>{{Evidence::Kind::Declaration, {"src/Customer.h", 14, 3}},
                                   {Evidence::Kind::SinkCall, {"src/Support.cpp", 25, 3}}}));
}

TEST_F(RegisterBuilderTest, CountriesInTheEeaOrAdequateAreNotFlagged) {
  M.Flows[0].Sink.Country = "FR"; // Mailchimp in France: no transfer
  M.Flows[2].Sink.Country = "GB"; // Stripe in the UK: adequacy, whatever the safeguard
  M.Flows[2].Sink.Guard = Safeguard::Unspecified;
  Register R = buildRegister(M);
  const std::vector<RegisterTransfer> &Ts = activity(R, "billing").Transfers;
  ASSERT_EQ(Ts.size(), 1u);
  EXPECT_EQ(Ts[0].Country, "GB");
  EXPECT_TRUE(Ts[0].Adequacy);
  EXPECT_TRUE(Ts[0].Covered);
}

TEST_F(RegisterBuilderTest, MeasuresFromTransformsWithWhereTheyApply) {
  Register R = buildRegister(M);
  const std::vector<RegisterMeasure> &Ms = activity(R, "billing").Measures;
  ASSERT_EQ(Ms.size(), 1u);
  EXPECT_EQ(Ms[0].Effect, TransformEffect::Redact);
  EXPECT_EQ(Ms[0].Functions, Lines{"shop::maskEmail"});
  EXPECT_EQ(Ms[0].Categories, Lines{"contact.email"});
  EXPECT_EQ(Ms[0].Proof,
            (std::vector<Evidence>{{Evidence::Kind::Transform, {"src/Billing.cpp", 41, 20}}}));
  const std::vector<RegisterMeasure> &Support = activity(R, "support").Measures;
  ASSERT_EQ(Support.size(), 1u);
  EXPECT_EQ(Support[0].Functions, Lines{"shop::Cipher::encrypt"});
}

TEST_F(RegisterBuilderTest, MeasureWhoseStepWasCutShowsTheSinkCall) {
  M.Flows[1].Steps.erase(M.Flows[1].Steps.begin()); // the redact step is gone
  Register R = buildRegister(M);
  const RegisterMeasure &Redact = activity(R, "billing").Measures[0];
  EXPECT_TRUE(Redact.Functions.empty());
  EXPECT_EQ(Redact.Proof,
            (std::vector<Evidence>{{Evidence::Kind::SinkCall, {"src/Billing.cpp", 41, 5}}}));
}

TEST_F(RegisterBuilderTest, DpiaScreening) {
  Register R = buildRegister(M);
  EXPECT_FALSE(activity(R, "billing").Dpia.LikelyRequired);
  EXPECT_TRUE(activity(R, "billing").Dpia.Reasons.empty());
  const DpiaScreening &Support = activity(R, "support").Dpia;
  EXPECT_TRUE(Support.LikelyRequired);
  EXPECT_EQ(Support.Reasons,
            (std::vector<DpiaReason>{{"special-categories", {"special.health"}},
                                     {"special-data-transfer", {"TextBlast (IN)"}}}));
  EXPECT_EQ(activity(R, "analytics").Dpia.Reasons,
            (std::vector<DpiaReason>{{"location-data", {"location.approximate"}}}));
  Cfg.Activities[0].Purposes.push_back("advertising"); // profiling
  R = buildRegister(M);
  EXPECT_EQ(activity(R, "billing").Dpia.Reasons,
            (std::vector<DpiaReason>{{"profiling", {"advertising"}}}));
}

TEST_F(RegisterBuilderTest, UnregisteredFlowsAreKept) {
  Register R = buildRegister(M);
  ASSERT_EQ(R.Unregistered.size(), 1u);
  const UnregisteredFlow &F = R.Unregistered[0];
  EXPECT_EQ(F.Element, "shop::Customer::email");
  EXPECT_EQ(F.Category, "contact.email");
  EXPECT_EQ(F.Sink, "std::ofstream");
  EXPECT_EQ(F.Kind, SinkKind::Export);
  EXPECT_EQ(F.Proof,
            (std::vector<Evidence>{{Evidence::Kind::Declaration, {"src/Customer.h", 12, 3}},
                                   {Evidence::Kind::SinkCall, {"src/Debug.cpp", 5, 3}}}));
}

TEST_F(RegisterBuilderTest, InferredDataIsListedApartToConfirm) {
  Register Confirmed = buildRegister(M);
  addInferredData();
  Register R = buildRegister(M);
  // Categories, recipients, transfers, DPIA, unregistered processing and
  // missing fields are what the annotated data alone gives.
  ASSERT_EQ(R.Activities.size(), Confirmed.Activities.size());
  for (size_t I = 0; I < R.Activities.size(); ++I) {
    RegisterActivity A = R.Activities[I];
    A.ToConfirm.clear();
    EXPECT_EQ(A, Confirmed.Activities[I]) << A.Id;
  }
  EXPECT_EQ(R.Unregistered, Confirmed.Unregistered);
  EXPECT_EQ(R.Missing, Confirmed.Missing);

  const RegisterActivity &Billing = activity(R, "billing");
  ASSERT_EQ(Billing.ToConfirm.size(), 2u);
  // An inferred e-mail is to confirm even where annotated e-mails are
  // registered: the register lists what is declared.
  EXPECT_EQ(Billing.ToConfirm[0].Id, "contact.email");
  EXPECT_EQ(Billing.ToConfirm[0].Recipients, Lines{});
  const ToConfirmCategory &Phone = Billing.ToConfirm[1];
  EXPECT_EQ(Phone.Id, "contact.phone");
  EXPECT_EQ(Phone.Recipients, Lines{"sqlite3_exec"});
  ASSERT_EQ(Phone.Elements.size(), 1u);
  EXPECT_EQ(Phone.Elements[0].Element, "app::save::v");
  EXPECT_EQ(Phone.Elements[0].Confidence, 85u);
  EXPECT_EQ(Phone.Elements[0].Reason, "key \"phone\" at src/Db.cpp:42:7");
  EXPECT_EQ(Phone.Proof,
            (std::vector<Evidence>{{Evidence::Kind::Declaration, {"src/Db.cpp", 40, 15}},
                                   {Evidence::Kind::SinkCall, {"src/Db.cpp", 44, 3}}}));
  EXPECT_EQ(confirmingAnnotation(Phone.Elements[0], Phone.Id),
            "PDFLOW_DATA(contact.phone) before src/Db.cpp:40:3");

  const RegisterActivity &Support = activity(R, "support");
  ASSERT_EQ(Support.ToConfirm.size(), 1u);
  EXPECT_EQ(Support.ToConfirm[0].Id, "special.health");
  EXPECT_EQ(Support.ToConfirm[0].Recipients, Lines{"TextBlast"});

  ASSERT_EQ(R.UnregisteredToConfirm.size(), 1u);
  const ToConfirmCategory &Card = R.UnregisteredToConfirm[0];
  EXPECT_EQ(Card.Id, "financial.payment_card");
  ASSERT_EQ(Card.Elements.size(), 1u);
  // No place for the macro: the side annotation confirms it.
  EXPECT_EQ(confirmingAnnotation(Card.Elements[0], Card.Id),
            "data: {symbol: \"app::pay(pan)\", category: financial.payment_card} in .pdflow.yaml");
}

TEST_F(RegisterBuilderTest, MissingFieldsWithTheirArticle) {
  Register R = buildRegister(M);
  EXPECT_EQ(missing(R),
            (Lines{
                "activity 'support': legitimate interests is the legal basis, but no "
                "legitimate_interest says which (GDPR Art. 6(1)(f)) @ .pdflow.yaml:20:5",
                "activity 'support': special-category data, but no Art. 9(2) condition "
                "(special_condition) (GDPR Art. 9(2)) @ .pdflow.yaml:20:5",
                "activity 'support': no retention for special.health, on its data or on the "
                "activity (GDPR Art. 30(1)(f)) @ .pdflow.yaml:20:5",
                "activity 'legacy': named in the code but not declared under activities: in "
                ".pdflow.yaml (GDPR Art. 30(1)) @ .pdflow.yaml",
                "activity 'legacy': no purposes (GDPR Art. 30(1)(b)) @ .pdflow.yaml",
                "activity 'legacy': no legal basis (GDPR Art. 6(1)) @ .pdflow.yaml",
                "activity 'legacy': no data subjects (GDPR Art. 30(1)(c)) @ .pdflow.yaml",
            }));
  Cfg.Ctrl = {};
  Cfg.SecurityMeasures.clear();
  R = buildRegister(M);
  Lines All = missing(R);
  ASSERT_GE(All.size(), 4u);
  EXPECT_EQ(Lines(All.begin(), All.begin() + 4),
            (Lines{"no controller name (GDPR Art. 30(1)(a)) @ .pdflow.yaml",
                   "no controller contact details (GDPR Art. 30(1)(a)) @ .pdflow.yaml",
                   "no data protection officer (GDPR Art. 30(1)(a), 37) @ .pdflow.yaml",
                   "no security measures (GDPR Art. 30(1)(g)) @ .pdflow.yaml"}));
}

TEST_F(RegisterBuilderTest, ProcessorRecordNamesEachControllersActivities) {
  Cfg.Role = OrganisationRole::Processor;
  ClientController Shop;
  Shop.Name = "Shop SAS";
  Shop.Activities = {"support"};
  ClientController Clinic;
  Clinic.Name = "Clinic SA";
  Cfg.Controllers = {Shop, Clinic};
  Register R = buildRegister(M);
  EXPECT_EQ(R.Role, OrganisationRole::Processor);
  ASSERT_EQ(R.Controllers.size(), 2u);
  EXPECT_EQ(R.Controllers[0].Activities, Lines{"support"});
  EXPECT_EQ(R.Controllers[1].Activities, (Lines{"billing", "support", "analytics"}));
}

TEST_F(RegisterBuilderTest, FlowOrderDoesNotMatter) {
  Register Before = buildRegister(M);
  std::mt19937 Rng(7);
  for (int I = 0; I < 5; ++I) {
    std::shuffle(M.Flows.begin(), M.Flows.end(), Rng);
    std::shuffle(M.ActivityEntries.begin(), M.ActivityEntries.end(), Rng);
    EXPECT_EQ(buildRegister(M), Before);
  }
}

} // namespace
