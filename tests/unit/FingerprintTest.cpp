// Semantic fingerprints: the same finding keeps its fingerprint when code
// moves, a different subject gets a different one.
#include "pdflow/report/Fingerprint.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

Diagnostic logFinding(unsigned Line, std::string Sink = "spdlog::info") {
  Diagnostic D;
  D.Sev = Severity::Warning;
  D.Loc = {"/repo/src/Billing.cpp", Line, 5};
  D.Message = "personal data 'contact.email' reaches log sink '" + Sink + "'";
  D.Rule = "personal-data-in-logs";
  D.Subject = {"shop::Customer::email", Sink, "billing", "shop::Billing::run"};
  return D;
}

std::vector<Diagnostic *> pointers(std::vector<Diagnostic> &Ds) {
  std::vector<Diagnostic *> Out;
  for (Diagnostic &D : Ds)
    Out.push_back(&D);
  return Out;
}

TEST(FingerprintTest, IgnoresLinesColumnsAndMessageWhenTheSubjectIsKnown) {
  Diagnostic A = logFinding(40);
  Diagnostic B = logFinding(52);
  B.Loc.Col = 9;
  B.Message = "reworded";
  B.Loc.File = "/repo/src/Moved.cpp";
  EXPECT_EQ(fingerprintHash(A, "/repo"), fingerprintHash(B, "/repo"));
  EXPECT_EQ(fingerprintHash(A, "/repo").size(), 32u);
}

TEST(FingerprintTest, ChangesWithEachPartOfTheSubjectAndTheRule) {
  Diagnostic A = logFinding(40);
  std::string Base = fingerprintHash(A, "/repo");
  EXPECT_NE(fingerprintHash(logFinding(40, "spdlog::warn"), "/repo"), Base);
  Diagnostic Other = A;
  Other.Subject.Element = "shop::Customer::phone";
  EXPECT_NE(fingerprintHash(Other, "/repo"), Base);
  Other = A;
  Other.Subject.Activity = "support";
  EXPECT_NE(fingerprintHash(Other, "/repo"), Base);
  Other = A;
  Other.Subject.Function = "shop::Billing::refund";
  EXPECT_NE(fingerprintHash(Other, "/repo"), Base);
  Other = A;
  Other.Rule = "purpose-limitation";
  EXPECT_NE(fingerprintHash(Other, "/repo"), Base);
  // Fields are delimited: moving a character between two fields matters.
  Diagnostic Shifted = A;
  Shifted.Subject.Element = "shop::Customer::emai";
  Shifted.Subject.Sink = "lspdlog::info";
  EXPECT_NE(fingerprintHash(Shifted, "/repo"), Base);
}

TEST(FingerprintTest, WithoutSubjectHashesFileRelativeToTheRootAndMessage) {
  Diagnostic D;
  D.Rule = "invalid-annotation";
  D.Loc = {"/home/ci/work/repo/src/a.cpp", 3, 1};
  D.Message = "unknown purpose 'suport'";
  Diagnostic Elsewhere = D;
  Elsewhere.Loc = {"/tmp/checkout/src/a.cpp", 90, 7};
  // The same file of two checkouts, at another line.
  EXPECT_EQ(fingerprintHash(D, "/home/ci/work/repo"), fingerprintHash(Elsewhere, "/tmp/checkout"));
  Diagnostic OtherFile = D;
  OtherFile.Loc.File = "/home/ci/work/repo/src/b.cpp";
  EXPECT_NE(fingerprintHash(OtherFile, "/home/ci/work/repo"),
            fingerprintHash(D, "/home/ci/work/repo"));
  Diagnostic OtherMessage = D;
  OtherMessage.Message = "unknown purpose 'billng'";
  EXPECT_NE(fingerprintHash(OtherMessage, "/home/ci/work/repo"),
            fingerprintHash(D, "/home/ci/work/repo"));
}

TEST(FingerprintTest, NumbersEqualHashesInLocationOrder) {
  std::vector<Diagnostic> Ds = {logFinding(60), logFinding(20), logFinding(40, "spdlog::warn")};
  assignFingerprints(pointers(Ds), "/repo");
  std::string Hash = fingerprintHash(Ds[0], "/repo");
  EXPECT_EQ(Ds[1].Fingerprint, Hash + ":1"); // line 20 comes first
  EXPECT_EQ(Ds[0].Fingerprint, Hash + ":2");
  EXPECT_EQ(Ds[2].Fingerprint, fingerprintHash(Ds[2], "/repo") + ":1");
}

TEST(FingerprintTest, InsertingLinesAboveKeepsEveryFingerprint) {
  std::vector<Diagnostic> Before = {logFinding(20), logFinding(40), logFinding(30, "spdlog::warn")};
  std::vector<Diagnostic> After = {logFinding(23), logFinding(43), logFinding(33, "spdlog::warn")};
  assignFingerprints(pointers(Before), "/repo");
  assignFingerprints(pointers(After), "/repo");
  for (size_t I = 0; I < Before.size(); ++I)
    EXPECT_EQ(Before[I].Fingerprint, After[I].Fingerprint) << I;
}

} // namespace
