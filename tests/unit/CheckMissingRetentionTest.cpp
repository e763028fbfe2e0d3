#include "CheckTestSupport.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "missing-retention";

TEST(MissingRetentionTest, FiresOnStorageWithNoRetentionAnywhere) {
  TestModel T;
  T.activity("billing", {"billing"});
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Storage, "sqlite3_exec", 30, {"billing"});
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.cpp", 30, 5}));
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.email' (shop::Customer::email) is stored by storage sink "
            "'sqlite3_exec' under activity 'billing' with no retention period; add retention = "
            "<period, e.g. P3Y> to its PDFLOW_DATA annotation, or retention: to activity "
            "'billing' (GDPR Art. 5(1)(e), 30(1)(f))");
  EXPECT_EQ(F[0].Notes.size(), 3u);
}

TEST(MissingRetentionTest, FiresOnExportsAndNamesWhereToDeclareIt) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email").Origin = AnnotationOrigin::SideAnnotation;
  T.element("shop::Customer::phone", "contact.phone", 11).Origin =
      AnnotationOrigin::ClassAnnotation;
  T.flow("shop::Customer::email", SinkKind::Export, "csv::write", 30);
  T.flow("shop::Customer::phone", SinkKind::Export, "csv::write", 40);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Message,
            "personal data 'contact.email' (shop::Customer::email) is exported by export sink "
            "'csv::write' with no retention period; add retention: <period, e.g. P3Y> to its "
            "entry under data: in .pdflow.yaml (GDPR Art. 5(1)(e), 30(1)(f))");
  EXPECT_NE(F[1].Message.find("; add retention = <period, e.g. P3Y> to the annotation of its "
                              "class (GDPR"),
            std::string::npos);
}

TEST(MissingRetentionTest, SilentWhenTheDataOrOneOfItsActivitiesHasARetention) {
  TestModel T;
  T.activity("billing", {"billing"}).Retention = "P10Y";
  T.activity("support", {"support"});
  T.element("shop::Customer::email", "contact.email");
  T.element("shop::Customer::phone", "contact.phone", 11).Spec.Retention = "P3Y";
  T.flow("shop::Customer::email", SinkKind::Storage, "sqlite3_exec", 30, {"support", "billing"});
  T.flow("shop::Customer::phone", SinkKind::Storage, "sqlite3_exec", 40, {"support"});
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(MissingRetentionTest, SilentForOtherSinksAndAnonymizedData) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  for (SinkKind K : {SinkKind::Log, SinkKind::ThirdParty, SinkKind::InternalService})
    T.flow("shop::Customer::email", K, "sink", 30);
  T.flow("shop::Customer::email", SinkKind::Storage, "db::save", 40).Transforms = {
      TransformEffect::Anonymize};
  EXPECT_EQ(lines(findings(T.M, Rule)), std::vector<std::string>{});
}

TEST(MissingRetentionTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.element("shop::Customer::email", "contact.email");
  T.flow("shop::Customer::email", SinkKind::Storage, "sqlite3_exec", 30);
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
