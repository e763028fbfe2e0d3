// What the register adds to .pdflow.yaml and to the taxonomy: role,
// controllers, recipients, legitimate_interest; French labels, CNIL groups,
// DPIA criteria on purposes.

#include "pdflow/config/Config.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

std::string doc(const char *Text) { return Text[0] == '\n' ? Text + 1 : Text; }

std::vector<std::string> messages(const DiagnosticList &Diags) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : Diags.sorted()) {
    Out.push_back(D.Loc.str() + ": " + std::string(severityName(D.Sev)) + ": " + D.Message);
    for (const DiagNote &N : D.Notes)
      Out.push_back("  " + N.Loc.str() + ": " + N.Message);
  }
  return Out;
}

using Lines = std::vector<std::string>;

struct Parsed {
  std::optional<Config> Cfg;
  Lines Problems;
};

Parsed parse(const std::string &Yaml) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  Parsed P;
  P.Cfg = parseConfig(Yaml, "p.yaml", Tax, Diags);
  P.Problems = messages(Diags);
  return P;
}

TEST(RegisterConfigTest, ProcessorRoleControllersAndRecipients) {
  Parsed P = parse(doc(R"(
role: processor
controller: {name: Hosting SARL, contact: dpo@hosting.example}
activities:
  - {id: hosting, legal_basis: contract}
  - {id: backups, legal_basis: contract}
  - id: marketing
    legal_basis: legitimate-interests
    legitimate_interest: Tell existing customers about similar services
controllers:
  - name: Shop SAS
    contact: privacy@shop.example
    representative: {name: Rep GmbH, contact: rep@rep.example}
    dpo: {name: Jane Doe, contact: dpo@shop.example}
    activities: [hosting]
  - {name: Clinic SA}
recipients:
  - {name: Mailchimp, role: processor, contract: "DPA 2024"}
  - {name: Stripe, role: third-party}
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Problems, Lines{});
  const Config &C = *P.Cfg;
  EXPECT_EQ(C.Role, OrganisationRole::Processor);
  ASSERT_EQ(C.Controllers.size(), 2u);
  EXPECT_EQ(C.Controllers[0].Name, "Shop SAS");
  EXPECT_EQ(C.Controllers[0].Contact, "privacy@shop.example");
  EXPECT_EQ(C.Controllers[0].Representative, (Party{"Rep GmbH", "rep@rep.example"}));
  EXPECT_EQ(C.Controllers[0].Dpo, (Party{"Jane Doe", "dpo@shop.example"}));
  EXPECT_EQ(C.Controllers[0].Activities, Lines{"hosting"});
  EXPECT_EQ(C.Controllers[0].Loc.str(), "p.yaml:10:5");
  EXPECT_TRUE(C.Controllers[1].Activities.empty()); // every activity
  ASSERT_EQ(C.Recipients.size(), 2u);
  EXPECT_EQ(C.Recipients[0].Name, "Mailchimp");
  EXPECT_EQ(C.Recipients[0].Role, RecipientRole::Processor);
  EXPECT_EQ(C.Recipients[0].Contract, "DPA 2024");
  EXPECT_EQ(C.Recipients[1].Role, RecipientRole::ThirdParty);
  EXPECT_EQ(C.Activities[2].LegitimateInterest, "Tell existing customers about similar services");
}

TEST(RegisterConfigTest, DefaultsToController) {
  Parsed P = parse("controller: {name: Acme}\n");
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Cfg->Role, OrganisationRole::Controller);
  EXPECT_TRUE(P.Cfg->Controllers.empty());
  EXPECT_TRUE(P.Cfg->Recipients.empty());
}

TEST(RegisterConfigTest, MistakesAreLocatedWithSuggestions) {
  Parsed P = parse(doc(R"(
role: proccessor
activities:
  - {id: billing, legal_basis: contract, legitimate_interest: Upselling}
  - {id: support, legal_basis: legitimate-interests, legitimat_interest: x}
controllers:
  - {name: Shop SAS, activities: [biling]}
  - {contact: nobody@example}
recipients:
  - {name: Mailchimp, role: procesor}
  - {name: Stripe, role: third-party, contrat: x}
  - {name: Stripe, role: processor}
  - {role: processor}
)"));
  EXPECT_EQ(P.Problems,
            (Lines{
                "p.yaml:1:7: error: 'role' must be one of controller, processor; got 'proccessor'",
                "p.yaml:3:63: warning: 'legitimate_interest' is ignored: the activity's "
                "legal_basis is not legitimate-interests",
                "p.yaml:4:54: error: unknown key 'legitimat_interest' in activity; did you mean "
                "'legitimate_interest'?",
                "p.yaml:6:3: error: 'controllers' lists the controllers a processor acts for; set "
                "'role: processor', or list joint controllers under "
                "controller.joint_controllers",
                "p.yaml:6:35: error: unknown activity 'biling'; did you mean 'billing'?",
                "p.yaml:7:5: error: missing 'name' in controller entry",
                "p.yaml:9:29: error: 'role' must be one of processor, third-party; got 'procesor'",
                "p.yaml:10:39: error: unknown key 'contrat' in recipient; did you mean 'contract'?",
                "p.yaml:11:12: error: recipient 'Stripe' is already declared",
                "  p.yaml:10:5: previous declaration is here",
                "p.yaml:12:5: error: missing 'name' in recipient",
            }));
}

TEST(RegisterConfigTest, ProcessorNeedsControllers) {
  Parsed P = parse("role: processor\n");
  EXPECT_EQ(P.Problems, (Lines{"p.yaml:1:7: error: 'role: processor' needs 'controllers': the "
                               "controllers the processing is carried out for (Art. 30(2)(a))"}));
}

TEST(RegisterConfigTest, EnumNamesRoundTrip) {
  for (const std::string &N : organisationRoleNames())
    EXPECT_EQ(organisationRoleName(*parseOrganisationRole(N)), N);
  for (const std::string &N : recipientRoleNames())
    EXPECT_EQ(recipientRoleName(*parseRecipientRole(N)), N);
  EXPECT_FALSE(parseRecipientRole("controller"));
}

// --- Taxonomy ---------------------------------------------------------------------

TEST(RegisterTaxonomyTest, EveryBuiltinEntryHasAFrenchLabelAndAGroup) {
  Taxonomy T = Taxonomy::builtin();
  for (const std::string &Id : T.categoryIds()) {
    EXPECT_FALSE(T.category(Id)->LabelFr.empty()) << Id;
    EXPECT_TRUE(T.group(T.groupOf(Id))) << Id;
  }
  for (const std::string &Id : T.purposeIds())
    EXPECT_FALSE(T.purpose(Id)->LabelFr.empty()) << Id;
  for (const std::string &Id : T.subjectIds())
    EXPECT_FALSE(T.subject(Id)->LabelFr.empty()) << Id;
  for (const std::string &Id : T.legalBasisIds())
    EXPECT_FALSE(T.legalBasis(Id)->LabelFr.empty()) << Id;
  for (const std::string &Id : T.specialConditionIds())
    EXPECT_FALSE(T.specialCondition(Id)->LabelFr.empty()) << Id;
  for (const std::string &Code : T.countryCodes())
    EXPECT_FALSE(T.country(Code)->NameFr.empty()) << Code;
}

TEST(RegisterTaxonomyTest, GroupsFollowTheCnilTemplate) {
  Taxonomy T = Taxonomy::builtin();
  Lines Ids;
  for (const CategoryGroup &G : T.groups())
    Ids.push_back(G.Id);
  EXPECT_EQ(Ids, (Lines{"identity", "personal-life", "professional-life", "economic-financial",
                        "connection", "location", "internet", "national-id", "sensitive",
                        "criminal", "other"}));
  EXPECT_EQ(T.group("identity")->LabelFr, "État civil, identité, données d'identification, images");
  EXPECT_EQ(T.groupOf("contact.email"), "identity"); // from its root
  EXPECT_EQ(T.groupOf("online.ip_address"), "connection");
  EXPECT_EQ(T.groupOf("online.cookie_id"), "internet"); // its own
  EXPECT_EQ(T.groupOf("identity.social_security_number"), "national-id");
  EXPECT_EQ(T.groupOf("special.health"), "sensitive");
  EXPECT_EQ(T.groupOf("criminal.offences"), "criminal");
  EXPECT_EQ(T.groupOf("no.such.category"), "other");
  EXPECT_EQ(T.category("special.health")->LabelFr, "Données concernant la santé");
  EXPECT_EQ(T.country("US")->NameFr, "États-Unis");
}

TEST(RegisterTaxonomyTest, DpiaCriteriaOnPurposes) {
  Taxonomy T = Taxonomy::builtin();
  EXPECT_EQ(T.purpose("advertising")->Dpia, "profiling");
  EXPECT_EQ(T.purpose("fraud-prevention")->Dpia, "profiling");
  EXPECT_EQ(T.purpose("billing")->Dpia, "");
}

TEST(RegisterTaxonomyTest, ConfigCategoriesInheritOrNameAGroup) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  parseConfig(doc(R"(
taxonomy:
  categories:
    - {id: contact.delivery_instructions, parent: contact.postal_address, label_fr: Instructions}
    - {id: vehicle, label: Vehicle, group: personal-life}
    - {id: vehicle.plate}
    - {id: pet, group: persnal-life}
  purposes:
    - {id: staff-monitoring, label_fr: Surveillance, dpia: monitoring}
    - {id: scoring, dpia: scoring}
)"),
              "p.yaml", Tax, Diags);
  EXPECT_EQ(
      messages(Diags),
      (Lines{"p.yaml:6:12: error: unknown category group 'persnal-life' for 'pet'; did you "
             "mean 'personal-life'?",
             "p.yaml:9:27: error: 'dpia' must be one of monitoring, profiling; got 'scoring'"}));
  EXPECT_EQ(Tax.groupOf("contact.delivery_instructions"), "identity");
  EXPECT_EQ(Tax.category("contact.delivery_instructions")->LabelFr, "Instructions");
  EXPECT_EQ(Tax.groupOf("vehicle.plate"), "personal-life");
  EXPECT_EQ(Tax.groupOf("pet"), "other");
  EXPECT_EQ(Tax.purpose("staff-monitoring")->Dpia, "monitoring");
}

TEST(RegisterTaxonomyTest, BuiltinFileNeedsFrenchLabels) {
  DiagnosticList Diags;
  Taxonomy::parse(doc(R"(
groups: [{id: identity, label: Identity}]
categories: [{id: contact, label: Contact}]
countries: [{code: FR, name: France, eea: true}]
)"),
                  "t.yaml", Diags);
  EXPECT_EQ(messages(Diags), (Lines{"t.yaml:1:10: error: missing 'label_fr' in group",
                                    "t.yaml:2:14: error: missing 'label_fr' in category",
                                    "t.yaml:3:13: error: missing 'name_fr' in country"}));
}

} // namespace
