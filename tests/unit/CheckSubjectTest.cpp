// What each finding is about (FindingSubject), from which its fingerprint
// is computed: flow rules name the element, sink, activities and function;
// the others what they report on.
#include "CheckTestSupport.h"

#include <set>

using namespace pdflow;
using namespace pdflow::test;

namespace {

TEST(CheckSubjectTest, FlowFindingsNameElementSinkActivitiesAndFunction) {
  TestModel T;
  T.activity("support", {"support"});
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30, {"support"});
  std::vector<Diagnostic> F = findings(T.M, "personal-data-in-logs");
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Subject,
            (FindingSubject{"shop::Customer::email", "spdlog::info", "support", "shop::handle"}));
  // The flow's steps are marked as such; the declaration is not a step.
  ASSERT_EQ(F[0].Notes.size(), 3u);
  EXPECT_TRUE(F[0].Notes[0].Step);
  EXPECT_TRUE(F[0].Notes[1].Step);
  EXPECT_FALSE(F[0].Notes[2].Step);
}

TEST(CheckSubjectTest, TheSubjectDoesNotDependOnLines) {
  TestModel A, B;
  for (TestModel *T : {&A, &B}) {
    T->element("shop::Customer::email", "contact.email");
  }
  A.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 30);
  B.flow("shop::Customer::email", SinkKind::Log, "spdlog::info", 35);
  EXPECT_EQ(findings(A.M, "personal-data-in-logs")[0].Subject,
            findings(B.M, "personal-data-in-logs")[0].Subject);
}

TEST(CheckSubjectTest, PerActivityRulesNameTheirActivity) {
  TestModel T;
  T.activity("marketing", {"marketing"}, "consent");
  T.activity("ads", {"advertising"}, "consent");
  DataElement &E = T.element("shop::Customer::email", "contact.email");
  E.Spec.Purposes = {"billing"};
  T.flow("shop::Customer::email", SinkKind::ThirdParty, "mailer::send", 30, {"ads", "marketing"});
  for (const char *Rule : {"purpose-limitation", "consent-not-checked"}) {
    std::vector<Diagnostic> F = findings(T.M, Rule);
    ASSERT_EQ(F.size(), 2u) << Rule;
    std::set<std::string> Activities = {F[0].Subject.Activity, F[1].Subject.Activity};
    EXPECT_EQ(Activities, (std::set<std::string>{"ads", "marketing"})) << Rule;
    EXPECT_EQ(F[0].Subject.Sink, "mailer::send") << Rule;
  }
}

TEST(CheckSubjectTest, OtherRulesNameWhatTheyReportOn) {
  TestModel T;
  T.activity("billing", {"billing"}, "");
  T.element("shop::Customer::email", "contact.email");
  T.element("shop::Customer::phone", "contact.phone", 20);
  T.use("shop::Customer::email", 30, {"billing"});
  std::vector<Diagnostic> Basis = findings(T.M, "missing-legal-basis");
  ASSERT_EQ(Basis.size(), 1u);
  EXPECT_EQ(Basis[0].Subject, (FindingSubject{"", "", "billing", ""}));
  std::vector<Diagnostic> Unused = findings(T.M, "unused-personal-data");
  ASSERT_EQ(Unused.size(), 1u);
  EXPECT_EQ(Unused[0].Subject, (FindingSubject{"shop::Customer::phone", "", "", ""}));
}

} // namespace
