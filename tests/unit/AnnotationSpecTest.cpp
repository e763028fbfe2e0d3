#include "pdflow/annotations/AnnotationSpec.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

using Lines = std::vector<std::string>;

struct Result {
  std::optional<ParsedAnnotation> A;
  Lines Problems;
};

Result parse(const std::string &Name, const std::string &Text) {
  static const Taxonomy Tax = Taxonomy::builtin();
  std::vector<AnnotationProblem> Problems;
  Result R{parseAnnotation(Name, Text, Tax, Problems), {}};
  for (const AnnotationProblem &P : Problems)
    R.Problems.push_back(P.Message);
  return R;
}

TEST(AnnotationSpecTest, RecognisesPdflowNames) {
  EXPECT_TRUE(isPdflowAnnotation("pdflow.data"));
  EXPECT_TRUE(isPdflowAnnotation("pdflow.consent_check"));
  // Owned even when misspelt, so that the typo is reported.
  EXPECT_TRUE(isPdflowAnnotation("pdflow.dta"));
  EXPECT_FALSE(isPdflowAnnotation("pdflowdata"));
  EXPECT_FALSE(isPdflowAnnotation("other.data"));
  EXPECT_FALSE(isPdflowAnnotation(""));
}

TEST(AnnotationSpecTest, UnknownKindSuggests) {
  Result R = parse("pdflow.dta", "contact.email");
  EXPECT_FALSE(R.A);
  EXPECT_EQ(R.Problems, Lines{"unknown annotation 'pdflow.dta'; did you mean 'pdflow.data'?"});
}

TEST(AnnotationSpecTest, DataWithEveryKey) {
  Result R = parse("pdflow.data", "contact.email, subject = customer, purposes = billing support, "
                                  "retention = P3Y, source = \"sign-up form\"");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.Problems, Lines{});
  EXPECT_EQ(R.A->Kind, AnnotationKind::Data);
  EXPECT_EQ(R.A->Data.Category, "contact.email");
  EXPECT_EQ(R.A->Data.Subject, "customer");
  EXPECT_EQ(R.A->Data.Purposes, (Lines{"billing", "support"}));
  EXPECT_EQ(R.A->Data.Retention, "P3Y");
  EXPECT_EQ(R.A->Data.Source, "sign-up form");
}

TEST(AnnotationSpecTest, DataToleratesWhitespace) {
  Result R = parse("pdflow.data",
                   "  contact . email ,purposes=billing   order - fulfilment,retention =  P1Y6M ");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.Problems, Lines{});
  EXPECT_EQ(R.A->Data.Category, "contact.email");
  EXPECT_EQ(R.A->Data.Purposes, (Lines{"billing", "order-fulfilment"}));
  EXPECT_EQ(R.A->Data.Retention, "P1Y6M");
  // Free text keeps its words.
  Result T = parse("pdflow.data", "special.health, retention = 3 years after   discharge");
  ASSERT_TRUE(T.A);
  EXPECT_EQ(T.A->Data.Retention, "3 years after discharge");
}

TEST(AnnotationSpecTest, DataUnknownCategoryIsUnusable) {
  Result R = parse("pdflow.data", "contact.emial, purposes = billing");
  EXPECT_FALSE(R.A);
  EXPECT_EQ(R.Problems, Lines{"unknown category 'contact.emial'; did you mean 'contact.email'?"});
}

TEST(AnnotationSpecTest, DataRecoverableProblemsAreDropped) {
  Result R =
      parse("pdflow.data",
            "contact.email, purpose = billing, purposes = biling support, subject = custmer");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.Problems, (Lines{"unknown key 'purpose' in PDFLOW_DATA; did you mean 'purposes'?",
                               "unknown purpose 'biling'; did you mean 'billing'?",
                               "unknown data subject 'custmer'; did you mean 'customer'?"}));
  EXPECT_EQ(R.A->Data.Category, "contact.email");
  EXPECT_EQ(R.A->Data.Purposes, Lines{"support"});
  EXPECT_EQ(R.A->Data.Subject, "");
}

TEST(AnnotationSpecTest, DataStructuralProblems) {
  EXPECT_EQ(parse("pdflow.data", "").Problems, Lines{"missing category in PDFLOW_DATA"});
  EXPECT_FALSE(parse("pdflow.data", "purposes = billing").A);
  EXPECT_EQ(parse("pdflow.data", "purposes = billing").Problems,
            Lines{"missing category in PDFLOW_DATA"});
  EXPECT_EQ(parse("pdflow.data", "contact.email contact.phone").Problems,
            Lines{"category takes one value in PDFLOW_DATA; got 'contact.email contact.phone'"});

  Result R = parse("pdflow.data", "contact.email, billing, purposes = billing, purposes = "
                                  "support, subject =, subject = customer user");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.Problems, (Lines{"unexpected 'billing' in PDFLOW_DATA; expected 'key = value'",
                               "duplicate key 'purposes' in PDFLOW_DATA",
                               "missing value for 'subject' in PDFLOW_DATA",
                               "duplicate key 'subject' in PDFLOW_DATA"}));
  EXPECT_EQ(R.A->Data.Purposes, Lines{"billing"});

  Result Two = parse("pdflow.data", "contact.email, subject = customer user");
  EXPECT_EQ(Two.Problems, Lines{"'subject' takes one value in PDFLOW_DATA; got 'customer user'"});
}

TEST(AnnotationSpecTest, Subject) {
  Result R = parse("pdflow.subject", "customer");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.A->Kind, AnnotationKind::Subject);
  EXPECT_EQ(R.A->Subject, "customer");
  Result Bad = parse("pdflow.subject", "employe");
  EXPECT_FALSE(Bad.A);
  EXPECT_EQ(Bad.Problems, Lines{"unknown data subject 'employe'; did you mean 'employee'?"});
  EXPECT_EQ(parse("pdflow.subject", "customer, kind = x").Problems,
            Lines{"unknown key 'kind' in PDFLOW_SUBJECT"});
}

TEST(AnnotationSpecTest, SinkWithEveryKey) {
  Result R =
      parse("pdflow.sink", "third-party, recipient = \"Stripe, Inc. \\\"EU\\\"\", country = us, "
                           "safeguard = dpf, encrypted = false, accepts = financial.payment_card "
                           "contact.email, args = 0 2");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.Problems, Lines{});
  const SinkModel &S = R.A->Sink;
  EXPECT_EQ(S.Kind, SinkKind::ThirdParty);
  EXPECT_EQ(S.Recipient, "Stripe, Inc. \"EU\"");
  EXPECT_EQ(S.Country, "US");
  EXPECT_EQ(S.Guard, Safeguard::Dpf);
  EXPECT_EQ(S.Encrypted, false);
  EXPECT_EQ(S.Accepts, (Lines{"financial.payment_card", "contact.email"}));
  EXPECT_EQ(S.Args, (std::vector<unsigned>{0, 2}));
  EXPECT_EQ(S.Origin, ModelOrigin::Annotation);
  EXPECT_EQ(S.Function, "");
  EXPECT_EQ(S.Type, "");
}

TEST(AnnotationSpecTest, SinkAsTheDesignWritesIt) {
  Result R =
      parse("pdflow.sink", "third-party, recipient = \"Stripe\", country = US, safeguard = dpf");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.Problems, Lines{});
  EXPECT_EQ(R.A->Sink.Recipient, "Stripe");
  EXPECT_EQ(R.A->Sink.Encrypted, std::nullopt);
  Result Spaced = parse("pdflow.sink", "third - party");
  ASSERT_TRUE(Spaced.A);
  EXPECT_EQ(Spaced.A->Sink.Kind, SinkKind::ThirdParty);
  EXPECT_EQ(parse("pdflow.sink", "internal-service").A->Sink.Kind, SinkKind::InternalService);
}

TEST(AnnotationSpecTest, SinkProblems) {
  Result Kind = parse("pdflow.sink", "logs");
  EXPECT_FALSE(Kind.A);
  EXPECT_EQ(Kind.Problems, Lines{"sink kind must be one of log, export, storage, third-party, "
                                 "internal-service; got 'logs'"});

  Result R = parse("pdflow.sink", "third-party, country = UK, safeguard = sccs, encrypted = yes, "
                                  "accepts = contact.emial, args = 1 x, recipients = A");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.Problems,
            (Lines{"unknown country code 'UK'; did you mean 'GB'?",
                   "'safeguard' must be one of adequacy, dpf, scc, bcr, derogation, none; got "
                   "'sccs'",
                   "'encrypted' must be true or false; got 'yes'",
                   "unknown category 'contact.emial'; did you mean 'contact.email'?",
                   "expected a non-negative integer in 'args'; got 'x'",
                   "unknown key 'recipients' in PDFLOW_SINK; did you mean 'recipient'?"}));
  EXPECT_EQ(R.A->Sink.Country, "");
  EXPECT_EQ(R.A->Sink.Guard, Safeguard::Unspecified);
  EXPECT_EQ(R.A->Sink.Encrypted, std::nullopt);
  EXPECT_EQ(R.A->Sink.Args, std::vector<unsigned>{1});

  Result Open = parse("pdflow.sink", "log, recipient = \"Acme, Inc.");
  ASSERT_TRUE(Open.A);
  EXPECT_EQ(Open.Problems, Lines{"unterminated string in PDFLOW_SINK"});
  EXPECT_EQ(Open.A->Sink.Recipient, "Acme, Inc.");
}

TEST(AnnotationSpecTest, Transform) {
  for (const auto &[Text, Effect] : std::vector<std::pair<std::string, TransformEffect>>{
           {"pseudonymize", TransformEffect::Pseudonymize},
           {"anonymize", TransformEffect::Anonymize},
           {"encrypt", TransformEffect::Encrypt},
           {" redact ", TransformEffect::Redact}}) {
    Result R = parse("pdflow.transform", Text);
    ASSERT_TRUE(R.A) << Text;
    EXPECT_EQ(R.A->Kind, AnnotationKind::Transform);
    EXPECT_EQ(R.A->Effect, Effect);
  }
  Result Bad = parse("pdflow.transform", "hash");
  EXPECT_FALSE(Bad.A);
  EXPECT_EQ(Bad.Problems, Lines{"transform effect must be one of pseudonymize, anonymize, "
                                "encrypt, redact; got 'hash'"});
}

TEST(AnnotationSpecTest, ActivityTakesOneOrMoreIds) {
  Result One = parse("pdflow.activity", "billing");
  ASSERT_TRUE(One.A);
  EXPECT_EQ(One.A->Activities, Lines{"billing"});
  Result Many = parse("pdflow.activity", "billing  support, marketing");
  ASSERT_TRUE(Many.A);
  EXPECT_EQ(Many.Problems, Lines{});
  // Not checked against the taxonomy: activities live in the config.
  EXPECT_EQ(Many.A->Activities, (Lines{"billing", "support", "marketing"}));
  Result None = parse("pdflow.activity", " ");
  EXPECT_FALSE(None.A);
  EXPECT_EQ(None.Problems, Lines{"missing activity id in PDFLOW_ACTIVITY"});
}

TEST(AnnotationSpecTest, ConsentCheck) {
  Result R = parse("pdflow.consent_check", "marketing");
  ASSERT_TRUE(R.A);
  EXPECT_EQ(R.A->Kind, AnnotationKind::ConsentCheck);
  EXPECT_EQ(R.A->ConsentPurpose, "marketing");
  Result Bad = parse("pdflow.consent_check", "marketting");
  EXPECT_FALSE(Bad.A);
  EXPECT_EQ(Bad.Problems, Lines{"unknown purpose 'marketting'; did you mean 'marketing'?"});
}

TEST(AnnotationSpecTest, ExtendedTaxonomyIsUsed) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  TaxonomyExtension Ext;
  Ext.Categories.push_back({"contact.work_email", "contact.email", "", false, false, false, {}});
  Tax.extend(Ext, Diags);
  std::vector<AnnotationProblem> Problems;
  auto A = parseAnnotation("pdflow.data", "contact.work_email", Tax, Problems);
  ASSERT_TRUE(A);
  EXPECT_TRUE(Problems.empty());
}

} // namespace
