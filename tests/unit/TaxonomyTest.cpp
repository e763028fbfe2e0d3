#include "pdflow/taxonomy/Taxonomy.h"
#include "pdflow/support/EmbeddedFile.h"

#include "llvm/ADT/StringRef.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace pdflow;

namespace {

// Raw strings read better starting on their own line; drop that newline.
std::string doc(const char *Text) { return Text[0] == '\n' ? Text + 1 : Text; }

// "line:col: message" for every diagnostic, in order, notes indented.
std::vector<std::string> messages(const DiagnosticList &Diags) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : Diags.sorted()) {
    Out.push_back(std::to_string(D.Loc.Line) + ":" + std::to_string(D.Loc.Col) + ": " + D.Message);
    for (const DiagNote &N : D.Notes)
      Out.push_back("  " + N.Loc.str() + ": " + N.Message);
  }
  return Out;
}

TEST(TaxonomyTest, BuiltinParsesWithoutDiagnostics) {
  std::vector<EmbeddedFile> Files = builtinTaxonomyFiles();
  ASSERT_EQ(Files.size(), 1u);
  DiagnosticList Diags;
  std::optional<Taxonomy> T = Taxonomy::parse(Files[0].Text, Files[0].Name, Diags);
  ASSERT_TRUE(T);
  EXPECT_EQ(messages(Diags), std::vector<std::string>{});
  EXPECT_GT(T->categoryIds().size(), 80u);
}

TEST(TaxonomyTest, BuiltinHasTheIdsTheDesignUses) {
  Taxonomy T = Taxonomy::builtin();
  for (const char *Id :
       {"contact.email", "special.health", "online.ip_address", "financial.payment_card",
        "identity.birth_date", "credentials.password", "location.precise", "criminal.convictions"})
    EXPECT_TRUE(T.category(Id)) << Id;
  for (const std::string &Id : T.categoryIds())
    EXPECT_FALSE(T.category(Id)->Label.empty()) << Id;
  EXPECT_EQ(T.category("contact.email")->Parent, "contact");
  EXPECT_EQ(T.category("contact")->Parent, "");
  EXPECT_EQ(T.category("contact.email")->Loc.File, "<builtin>/taxonomy.yaml");
  EXPECT_GT(T.category("contact.email")->Loc.Line, 1u);
}

TEST(TaxonomyTest, EveryArticle9CategoryIsSpecial) {
  Taxonomy T = Taxonomy::builtin();
  for (const char *Id :
       {"special.racial_ethnic_origin", "special.political_opinions", "special.religious_beliefs",
        "special.trade_union_membership", "special.genetic", "special.biometric", "special.health",
        "special.sex_life"}) {
    ASSERT_TRUE(T.category(Id)) << Id;
    EXPECT_TRUE(T.isSpecial(Id)) << Id;
    EXPECT_FALSE(T.isCriminal(Id)) << Id;
  }
  EXPECT_TRUE(T.isCriminal("criminal.convictions"));
  EXPECT_TRUE(T.isCriminal("criminal.offences"));
  EXPECT_FALSE(T.isSpecial("criminal.offences"));
}

TEST(TaxonomyTest, FlagsAreInherited) {
  Taxonomy T = Taxonomy::builtin();
  EXPECT_TRUE(T.isSpecial("special.health"));
  EXPECT_FALSE(T.category("special.health")->Special); // set on the root only
  EXPECT_TRUE(T.isProtected("financial.payment_card"));
  EXPECT_TRUE(T.isProtected("credentials.password_hash"));
  EXPECT_FALSE(T.isProtected("financial.income"));
  EXPECT_FALSE(T.isSpecial("contact.email"));
  EXPECT_FALSE(T.isProtected("contact.email"));
  EXPECT_FALSE(T.isCriminal("contact.email"));
  EXPECT_FALSE(T.isSpecial("no.such.category"));
}

TEST(TaxonomyTest, IsWithinWalksUpTheTree) {
  Taxonomy T = Taxonomy::builtin();
  EXPECT_TRUE(T.isWithin("contact.email", "contact"));
  EXPECT_TRUE(T.isWithin("contact.email", "contact.email"));
  EXPECT_FALSE(T.isWithin("contact", "contact.email"));
  EXPECT_FALSE(T.isWithin("contact.email", "online"));
  EXPECT_FALSE(T.isWithin("no.such", "no"));
}

TEST(TaxonomyTest, LegalBasesAreArticle6) {
  Taxonomy T = Taxonomy::builtin();
  const std::vector<std::pair<const char *, const char *>> Expected = {
      {"consent", "6(1)(a)"},          {"contract", "6(1)(b)"},
      {"legal-obligation", "6(1)(c)"}, {"vital-interests", "6(1)(d)"},
      {"public-task", "6(1)(e)"},      {"legitimate-interests", "6(1)(f)"}};
  EXPECT_EQ(T.legalBasisIds().size(), Expected.size());
  for (const auto &[Id, Article] : Expected) {
    ASSERT_TRUE(T.legalBasis(Id)) << Id;
    EXPECT_EQ(T.legalBasis(Id)->Article, Article);
  }
}

TEST(TaxonomyTest, SpecialConditionsAreArticle9_2AndArticle10) {
  Taxonomy T = Taxonomy::builtin();
  std::vector<std::string> Ids = T.specialConditionIds();
  ASSERT_EQ(Ids.size(), 12u);
  std::vector<std::string> Articles;
  for (const std::string &Id : Ids) {
    Articles.push_back(T.specialCondition(Id)->Article);
    EXPECT_FALSE(T.legalBasis(Id)) << Id << " is also a legal basis id";
  }
  std::sort(Articles.begin(), Articles.end());
  // The ten Art. 9(2) conditions, and Art. 10's two grounds for criminal data.
  std::vector<std::string> Expected = {"10", "10"};
  for (char L = 'a'; L <= 'j'; ++L)
    Expected.push_back(std::string("9(2)(") + L + ")");
  std::sort(Expected.begin(), Expected.end());
  EXPECT_EQ(Articles, Expected);
  EXPECT_EQ(T.specialCondition("explicit-consent")->Article, "9(2)(a)");
  EXPECT_EQ(T.specialCondition("research-archiving")->Article, "9(2)(j)");
  EXPECT_EQ(T.specialCondition("official-authority")->Article, "10");
}

TEST(TaxonomyTest, SubjectsAndPurposes) {
  Taxonomy T = Taxonomy::builtin();
  for (const char *Id :
       {"customer", "prospect", "employee", "job_applicant", "contractor", "supplier_contact",
        "user", "visitor", "patient", "student", "child", "member"})
    EXPECT_TRUE(T.subject(Id)) << Id;
  for (const char *Id :
       {"billing", "order-fulfilment", "shipping", "support", "marketing", "newsletter",
        "analytics", "fraud-prevention", "security", "account-management", "legal-compliance", "hr",
        "recruitment", "research", "personalisation"})
    EXPECT_TRUE(T.purpose(Id)) << Id;
  EXPECT_EQ(T.purpose("billing")->Label, "Billing and invoicing");
}

TEST(TaxonomyTest, CountriesAndAdequacy) {
  Taxonomy T = Taxonomy::builtin();
  ASSERT_TRUE(T.country("US"));
  EXPECT_EQ(T.country("US")->Adequate, Adequacy::Framework);
  EXPECT_FALSE(T.country("US")->EEA);
  EXPECT_TRUE(T.country("FR")->EEA);
  EXPECT_EQ(T.country("fr")->Code, "FR"); // case-insensitive
  EXPECT_EQ(T.country("CN")->Adequate, Adequacy::None);
  EXPECT_FALSE(T.country("CN")->EEA);
  EXPECT_EQ(T.country("CA")->Adequate, Adequacy::Commercial);
  EXPECT_EQ(T.country("GB")->Adequate, Adequacy::Full);
  EXPECT_EQ(T.country("JP")->Adequate, Adequacy::Full);
  EXPECT_TRUE(T.country("NO")->EEA); // not YAML's boolean
  EXPECT_FALSE(T.country("UK"));     // an alias, not a code
  EXPECT_FALSE(T.country("XX"));
  size_t EEA = 0, Adequate = 0;
  for (const std::string &Code : T.countryCodes()) {
    EEA += T.country(Code)->EEA;
    Adequate += T.country(Code)->Adequate != Adequacy::None;
  }
  EXPECT_EQ(EEA, 30u);      // 27 EU + IS, LI, NO
  EXPECT_EQ(Adequate, 15u); // GDPR.md's list
  EXPECT_STREQ(adequacyName(Adequacy::Framework), "framework");
  EXPECT_EQ(parseAdequacy("commercial"), Adequacy::Commercial);
  EXPECT_EQ(parseAdequacy("partial"), std::nullopt);
}

TEST(TaxonomyTest, ExtendAddsCategoriesWithInheritedFlags) {
  Taxonomy T = Taxonomy::builtin();
  DiagnosticList Diags;
  TaxonomyExtension Ext;
  Ext.Categories.push_back({"contact.work_email",
                            "contact.email",
                            "Work e-mail",
                            false,
                            false,
                            false,
                            {"p.yaml", 3, 5}});
  Ext.Categories.push_back(
      {"special.health.allergy", "", "Allergies", false, false, false, {"p.yaml", 4, 5}});
  Ext.Purposes.push_back({"fraud-scoring", "Fraud scoring", "", {"p.yaml", 5, 5}});
  Ext.Subjects.push_back({"driver", "", "", {"p.yaml", 6, 5}});
  T.extend(Ext, Diags);
  EXPECT_EQ(messages(Diags), std::vector<std::string>{});
  EXPECT_TRUE(T.isWithin("contact.work_email", "contact"));
  EXPECT_FALSE(T.isSpecial("contact.work_email"));
  EXPECT_EQ(T.category("special.health.allergy")->Parent, "special.health"); // implied
  EXPECT_TRUE(T.isSpecial("special.health.allergy"));
  EXPECT_TRUE(T.purpose("fraud-scoring"));
  EXPECT_TRUE(T.subject("driver"));
}

TEST(TaxonomyTest, ExtendRejectsUnknownParentAndDuplicates) {
  Taxonomy T = Taxonomy::builtin();
  DiagnosticList Diags;
  TaxonomyExtension Ext;
  Ext.Categories.push_back(
      {"contact.work_email", "contact.emial", "", false, false, false, {"p.yaml", 3, 9}});
  Ext.Categories.push_back({"contact.email", "", "", false, false, false, {"p.yaml", 4, 9}});
  Ext.Categories.push_back({"Bad Id", "", "", false, false, false, {"p.yaml", 5, 9}});
  Ext.Purposes.push_back({"billing", "", "", {"p.yaml", 6, 9}});
  T.extend(Ext, Diags);
  std::vector<std::string> Got = messages(Diags);
  ASSERT_EQ(Got.size(), 6u);
  EXPECT_EQ(Got[0], "3:9: unknown parent category 'contact.emial' for 'contact.work_email'; "
                    "did you mean 'contact.email'?");
  EXPECT_EQ(Got[1], "4:9: category 'contact.email' is already defined");
  EXPECT_EQ(Got[2].rfind("  <builtin>/taxonomy.yaml:", 0), 0u) << Got[2];
  EXPECT_TRUE(llvm::StringRef(Got[2]).ends_with(": previous definition is here")) << Got[2];
  EXPECT_EQ(Got[3], "5:9: invalid category id 'Bad Id'; use lowercase words of letters, digits, "
                    "'-' and '_' separated by dots");
  EXPECT_EQ(Got[4], "6:9: purpose 'billing' is already defined");
  EXPECT_FALSE(T.category("contact.work_email"));
}

TEST(TaxonomyTest, ParentsMayComeLaterAndCyclesAreRejected) {
  Taxonomy T = Taxonomy::builtin();
  DiagnosticList Diags;
  TaxonomyExtension Ext;
  Ext.Categories.push_back({"vehicle.plate", "", "", false, false, false, {"p.yaml", 2, 1}});
  Ext.Categories.push_back({"vehicle", "", "", false, false, true, {"p.yaml", 3, 1}});
  Ext.Categories.push_back({"loop_a", "loop_b", "", false, false, false, {"p.yaml", 4, 1}});
  Ext.Categories.push_back({"loop_b", "loop_a", "", false, false, false, {"p.yaml", 5, 1}});
  T.extend(Ext, Diags);
  EXPECT_TRUE(T.isProtected("vehicle.plate"));
  EXPECT_EQ(messages(Diags),
            (std::vector<std::string>{"4:1: category 'loop_a' has a cyclic parent chain",
                                      "5:1: category 'loop_b' has a cyclic parent chain"}));
  EXPECT_FALSE(T.category("loop_a"));
  EXPECT_FALSE(T.category("loop_b"));
}

TEST(TaxonomyTest, ParseReportsLocatedErrors) {
  DiagnosticList Diags;
  std::optional<Taxonomy> T = Taxonomy::parse(doc(R"(
version: 2
categories:
  - {id: contact, label: Contact, label_fr: Coordonnées}
  - {id: contact.email, labl: E-mail, label_fr: Courriel}
purposes: [{id: billing, label_fr: Facturation}]
countries:
  - {code: FR, name: France, eea: true, adequacy: full, name_fr: France}
  - {code: US, name: United States, adequacy: partial, name_fr: États-Unis}
  - {code: USA, name: United States, name_fr: États-Unis}
legal_base: []
)"),
                                              "t.yaml", Diags);
  ASSERT_TRUE(T);
  EXPECT_EQ(messages(Diags),
            (std::vector<std::string>{
                "1:10: 'version' must be 1; got '2'",
                "4:5: missing 'label' in category",
                "4:25: unknown key 'labl' in category; did you mean 'label'?",
                "5:12: missing 'label' in purpose",
                "7:51: 'adequacy' does not apply to an EEA country",
                "8:47: 'adequacy' must be one of none, full, framework, commercial; got 'partial'",
                "9:12: country code must be two letters (ISO 3166-1 alpha-2); got 'USA'",
                "10:1: unknown key 'legal_base' in taxonomy; did you mean 'legal_bases'?",
            }));
  EXPECT_TRUE(T->category("contact.email")); // reported, but kept
}

TEST(TaxonomyTest, ParseSyntaxErrorFails) {
  DiagnosticList Diags;
  EXPECT_FALSE(Taxonomy::parse("categories: [{id: a\n", "t.yaml", Diags));
  std::vector<Diagnostic> D = Diags.sorted();
  ASSERT_EQ(D.size(), 1u);
  EXPECT_EQ(D[0].Loc.File, "t.yaml");
  EXPECT_GE(D[0].Loc.Line, 1u);
  EXPECT_EQ(D[0].Message.rfind("invalid YAML: ", 0), 0u);
}

} // namespace
