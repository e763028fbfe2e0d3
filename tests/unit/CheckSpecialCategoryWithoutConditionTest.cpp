#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "special-category-without-condition";

TEST(SpecialCategoryWithoutConditionTest, FiresOnSpecialDataInAnActivityWithNoCondition) {
  TestModel T;
  T.activity("marketing", {"marketing"}, "consent", 25);
  T.element("clinic::Patient::allergies", "special.health");
  T.flow("clinic::Patient::allergies", SinkKind::ThirdParty, "mailchimp::send", 30, {"marketing"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "special-category data 'special.health' (clinic::Patient::allergies) is processed "
            "under activity 'marketing', which declares no Art. 9(2) condition; set "
            "special_condition: for 'marketing' to the Art. 9(2) condition that applies, or "
            "stop processing this data there (GDPR Art. 9)");
  ASSERT_EQ(F[0].Notes.size(), 4u);
  EXPECT_EQ(F[0].Notes[3],
            (DiagNote{{".pdflow.yaml", 25, 5}, "activity 'marketing' declared here"}));
}

TEST(SpecialCategoryWithoutConditionTest, CriminalDataCitesArticle10) {
  TestModel T;
  T.activity("hiring", {"recruitment"});
  T.element("hr::Candidate::record", "criminal.convictions");
  T.flow("hr::Candidate::record", SinkKind::Storage, "db::save", 30, {"hiring"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "criminal-offence data 'criminal.convictions' (hr::Candidate::record) is processed "
            "under activity 'hiring', which declares no authorisation for criminal-offence "
            "data; set special_condition: for 'hiring' to official-authority or "
            "authorised-by-law, or stop processing this data there (GDPR Art. 10)");
}

TEST(SpecialCategoryWithoutConditionTest, OncePerElementAndActivityAtTheFirstFlow) {
  TestModel T;
  T.activity("care", {"health-care"});
  T.activity("stats", {"analytics"});
  T.element("clinic::Patient::allergies", "special.health");
  T.flow("clinic::Patient::allergies", SinkKind::Storage, "db::save", 30, {"care", "stats"});
  T.flow("clinic::Patient::allergies", SinkKind::Export, "csv::write", 40, {"care"});
  T.use("clinic::Patient::allergies", 20, {"care"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Loc.Line, 30u);
  EXPECT_EQ(F[1].Loc.Line, 30u);
}

TEST(SpecialCategoryWithoutConditionTest, AReadUnderTheActivityIsProcessingToo) {
  TestModel T;
  T.activity("scoring", {"fraud-prevention"}, "legitimate-interests");
  T.element("clinic::Patient::religion", "special.religious_beliefs");
  T.use("clinic::Patient::religion", 44, {"scoring"});
  T.use("clinic::Patient::religion", 42, {"scoring"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 42, 9}));
  EXPECT_EQ(F[0].Notes.front(), (DiagNote{{"shop.cpp", 42, 9}, "read here in 'shop::handle'"}));
}

TEST(SpecialCategoryWithoutConditionTest, SilentWithAConditionForOrdinaryDataOrWithoutActivity) {
  TestModel T;
  T.activity("care", {"health-care"}).SpecialCondition = "health-social-care";
  T.activity("billing", {"billing"});
  T.element("clinic::Patient::allergies", "special.health");
  T.element("clinic::Patient::email", "contact.email", 11);
  T.flow("clinic::Patient::allergies", SinkKind::Storage, "db::save", 30, {"care"});
  T.flow("clinic::Patient::email", SinkKind::Storage, "db::save", 30, {"billing"});
  // No activity at all: unregistered-processing reports it.
  T.flow("clinic::Patient::allergies", SinkKind::Log, "spdlog::info", 40);
  T.flow("clinic::Patient::allergies", SinkKind::Export, "csv::write", 50, {"billing"})
      .Transforms = {TransformEffect::Anonymize};
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(SpecialCategoryWithoutConditionTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.activity("marketing", {"marketing"}, "consent");
  T.element("clinic::Patient::allergies", "special.health");
  T.flow("clinic::Patient::allergies", SinkKind::Storage, "db::save", 30, {"marketing"});
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
