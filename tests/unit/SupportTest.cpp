#include "pdflow/support/Diagnostics.h"
#include "pdflow/support/Text.h"

#include <gtest/gtest.h>

using namespace pdflow;

TEST(GlobTest, StarStaysInsideOneComponent) {
  EXPECT_TRUE(matchQualifiedName("shop::Billing*::*", "shop::BillingService::run"));
  EXPECT_FALSE(matchQualifiedName("shop::*", "shop::Billing::run"));
  EXPECT_TRUE(matchQualifiedName("shop::**", "shop::Billing::run"));
}

TEST(GlobTest, UnanchoredPatternMatchesAnyNamespace) {
  EXPECT_TRUE(matchQualifiedName("Consents::granted", "app::Consents::granted"));
  EXPECT_FALSE(matchQualifiedName("::Consents::granted", "app::Consents::granted"));
  EXPECT_FALSE(matchQualifiedName("Consents::granted", "app::MyConsents::granted"));
}

TEST(GlobTest, OperatorStarIsLiteral) {
  EXPECT_TRUE(matchQualifiedName("std::optional::operator*", "std::optional::operator*"));
  EXPECT_FALSE(matchQualifiedName("std::optional::operator*", "std::optional::operator="));
  EXPECT_TRUE(matchQualifiedName("std::optional::*", "std::optional::operator*"));
}

TEST(GlobTest, CallParensAreIgnored) {
  EXPECT_TRUE(matchQualifiedName("net::Session::peerAddress()", "net::Session::peerAddress"));
}

TEST(DidYouMeanTest, SuggestsCloseCandidateOnly) {
  EXPECT_EQ(closestMatch("contact.emial", {"contact.email", "contact.phone"}), "contact.email");
  EXPECT_EQ(closestMatch("zzzzzz", {"contact.email"}), std::nullopt);
}

TEST(DidYouMeanTest, SwappedLettersAreOneTypo) {
  EXPECT_EQ(closestMatch("scna", {"scan", "rules"}), "scan");
  EXPECT_EQ(closestMatch("lable", {"label", "id"}), "label");
}

TEST(DiagnosticsTest, FormatsLikeClang) {
  Diagnostic D{Severity::Warning, {"a.cpp", 3, 5}, "personal data in log", "personal-data-in-logs",
               {{{"a.cpp", 2, 1}, "read here"}}, {}};
  EXPECT_EQ(formatDiagnostic(D),
            "a.cpp:3:5: warning: personal data in log [personal-data-in-logs]\n"
            "a.cpp:2:1: note: read here\n");
}

TEST(DiagnosticsTest, SortedRemovesDuplicates) {
  DiagnosticList L;
  L.warning({"b.cpp", 1, 1}, "x");
  L.warning({"a.cpp", 9, 1}, "y");
  L.warning({"b.cpp", 1, 1}, "x");
  auto S = L.sorted();
  ASSERT_EQ(S.size(), 2u);
  EXPECT_EQ(S[0].Loc.File, "a.cpp");
}
