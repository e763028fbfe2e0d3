// The glob semantics of every name in .pdflow.yaml (docs/annotating.md,
// "Qualified names and globs"), as a table: pattern, name, match or not.

#include "pdflow/support/Text.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

struct GlobCase {
  const char *Pattern;
  const char *Name;
  bool Matches;
};

void PrintTo(const GlobCase &C, std::ostream *OS) {
  *OS << "'" << C.Pattern << "' " << (C.Matches ? "matches" : "does not match") << " '" << C.Name
      << "'";
}

class GlobTableTest : public testing::TestWithParam<GlobCase> {};

TEST_P(GlobTableTest, Matches) {
  const GlobCase &C = GetParam();
  EXPECT_EQ(matchQualifiedName(C.Pattern, C.Name), C.Matches)
      << "pattern '" << C.Pattern << "', name '" << C.Name << "'";
}

const GlobCase Cases[] = {
    // Literal names.
    {"shop::Customer::email", "shop::Customer::email", true},
    {"shop::Customer::email", "shop::Customer::emails", false},
    {"shop::Customer::email", "shop::Customer::emai", false},
    // '*' stays inside one component.
    {"shop::*", "shop::run", true},
    {"shop::*", "shop::Billing::run", false},
    {"shop::Billing*::*", "shop::BillingService::run", true},
    {"shop::*Service::run", "shop::FooService::run", true},
    {"shop::*Service::run", "shop::a::FooService::run", false},
    {"*::run", "Billing::run", true},
    {"shop::Bill*", "shop::Bill", true}, // '*' may match nothing
    // '**' crosses components.
    {"shop::**", "shop::Billing::run", true},
    {"shop::**", "shop::run", true},
    {"shop::**", "shopping::run", false},
    {"**::run", "a::b::c::run", true},
    {"**", "a::b", true},
    // '**' then '*' in a later component: the star may not cross "::",
    // so the '**' before it must take the extra components.
    {"acme::**::*Client::send", "acme::net::http::RestClient::send", true},
    {"acme::**::*Client::send", "acme::net::RestClient::send", true},
    {"shop::**::*Service::run", "shop::a::b::FooService::run", true},
    {"shop::**::*Service::run", "shop::a::b::FooService::stop", false},
    {"shop::**::*Service::run", "shop::a::b::FooServices::run", false},
    {"a::**::b*::**::c*", "a::x::y::bz::q::r::cc", true},
    {"a::*::**::c", "a::b::c", true},
    {"a::*::**::c", "a::b::x::c", true},
    // "::**::" also stands for a single "::": zero components in between.
    {"shop::**::*Service::run", "shop::FooService::run", true},
    {"acme::**::send", "acme::send", true},
    {"acme::**::send", "acmesend", false},
    // '?' is one character, any character.
    {"shop::Customer::e?ail", "shop::Customer::email", true},
    {"shop::Customer::e?ail", "shop::Customer::eail", false},
    {"shop::?", "shop::a", true},
    // Unanchored patterns match at any "::" boundary; a leading "::" anchors.
    {"Customer::email", "shop::Customer::email", true},
    {"Customer::email", "shop::MyCustomer::email", false},
    {"::Customer::email", "shop::Customer::email", false},
    {"::Customer::email", "Customer::email", true},
    {"::sqlite3_exec", "sqlite3_exec", true},
    // A trailing "()" is ignored on both sides.
    {"net::Session::peerAddress()", "net::Session::peerAddress", true},
    {"net::Session::peerAddress", "net::Session::peerAddress()", true},
    // In an operator name '*' and '?' are literal, and a glob still covers it.
    {"std::optional::operator*", "std::optional::operator*", true},
    {"std::optional::operator*", "std::optional::operator=", false},
    {"std::optional::*", "std::optional::operator*", true},
    {"Matrix::operator->*", "Matrix::operator->*", true},
    {"Matrix::operator->*", "Matrix::operator->", false},
    // Degenerate patterns.
    {"", "", true},
    {"", "a", false},
    {"*", "", true},
    {"*", "a::b", true}, // unanchored: matches the last component
    {"::*", "a::b", false},
};

INSTANTIATE_TEST_SUITE_P(Semantics, GlobTableTest, testing::ValuesIn(Cases));

TEST(GlobTest, LongNamesAndManyStarsStayCheap) {
  // Many stars against a long name that almost matches: a backtracking
  // matcher would take exponential time here.
  std::string Pattern = "**";
  for (int I = 0; I < 30; ++I)
    Pattern += "::*a*";
  Pattern += "::b";
  std::string Name;
  for (int I = 0; I < 200; ++I)
    Name += (Name.empty() ? "" : "::") + std::string("xaax");
  EXPECT_FALSE(matchQualifiedName(Pattern, Name));
  EXPECT_TRUE(matchQualifiedName(Pattern, Name + "::b"));
}

} // namespace
