// The canonical YAML register: it reads back as written, whatever the
// strings hold, and a broken file is reported where it breaks.

#include "RegisterTestSupport.h"

#include "pdflow/register/RegisterDrift.h"
#include "pdflow/register/RegisterWriters.h"

#include "llvm/ADT/StringRef.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

using Lines = std::vector<std::string>;

class RegisterYamlTest : public ::testing::Test, public test::RegisterFixture {};

std::optional<Register> readBack(const std::string &Yaml, Lines *Problems = nullptr) {
  DiagnosticList Diags;
  std::optional<Register> R = parseRegisterYaml(Yaml, "r.yaml", Diags);
  Lines Got;
  for (const Diagnostic &D : Diags.sorted())
    Got.push_back(D.Loc.str() + ": " + D.Message);
  if (Problems)
    *Problems = Got;
  else
    EXPECT_EQ(Got, Lines{});
  return R;
}

TEST_F(RegisterYamlTest, RoundTrips) {
  Register R = buildRegister(M);
  std::string Yaml = renderRegisterYaml(R, {});
  std::optional<Register> Back = readBack(Yaml);
  ASSERT_TRUE(Back);
  EXPECT_EQ(*Back, R);
}

TEST_F(RegisterYamlTest, CategoriesToConfirmRoundTripApart) {
  addInferredData();
  Register R = buildRegister(M);
  std::string Yaml = renderRegisterYaml(R, {});
  std::optional<Register> Back = readBack(Yaml);
  ASSERT_TRUE(Back);
  EXPECT_EQ(*Back, R);
  EXPECT_NE(Yaml.find("    to_confirm:\n"
                      "      - id: contact.email\n"),
            std::string::npos)
      << Yaml;
  EXPECT_NE(Yaml.find("        elements:\n"
                      "          - {element: app::save::v, confidence: 85, reason: "
                      "\"key \\\"phone\\\" at src/Db.cpp:42:7\", at: src/Db.cpp:40:15, "
                      "fix_at: src/Db.cpp:40:3, confirm: \"PDFLOW_DATA(contact.phone) before "
                      "src/Db.cpp:40:3\"}\n"
                      "        recipients: [sqlite3_exec]\n"),
            std::string::npos)
      << Yaml;
  EXPECT_NE(Yaml.find("unregistered_to_confirm:\n  - id: financial.payment_card\n"),
            std::string::npos)
      << Yaml;
}

TEST_F(RegisterYamlTest, ProcessorRecordRoundTrips) {
  Cfg.Role = OrganisationRole::Processor;
  ClientController C;
  C.Name = "Shop SAS";
  C.Contact = "privacy@shop.example";
  C.Dpo = Party{"Jane", ""};
  Cfg.Controllers = {C};
  Cfg.Ctrl.JointControllers = {{"Beta GmbH", "b@beta.example"}};
  Register R = buildRegister(M);
  std::optional<Register> Back = readBack(renderRegisterYaml(R, {}));
  ASSERT_TRUE(Back);
  EXPECT_EQ(*Back, R);
}

TEST_F(RegisterYamlTest, AwkwardStringsReadBackExactly) {
  const Lines Awkward = {"yes",         "No",
                         "null",        "~",
                         "10",          "P3Y",
                         "a: b",        "#hash",
                         "- dash",      "[list]",
                         "{map}",       "quote \" and \\ back",
                         "line\nbreak", " padded ",
                         "tab\there",   "é à ü",
                         "it's",        "shop::Customer::email_",
                         "x, y",        "<script>alert(1)</script>",
                         "&amp;",       "@at",
                         "`tick`",      "*star",
                         "%percent",    "!bang",
                         "|pipe",       ">fold",
                         "\x01control"};
  Register R;
  R.Controller = {Awkward[0], Awkward[1]};
  R.SecurityMeasures = Awkward;
  RegisterActivity A;
  A.Id = "weird";
  A.Name = "Name: with colon";
  A.Purposes = Awkward;
  A.LegitimateInterest = "multi\nline";
  RegisterCategory C;
  C.Id = "contact.email";
  C.Elements = Awkward;
  C.Retention = {{"until: withdrawn", Provenance::Declared}};
  C.Proof = {{Evidence::Kind::SinkCall, {"dir with space/a:b.cpp", 3, 4}}};
  A.Categories = {C};
  R.Activities = {A};
  std::string Yaml = renderRegisterYaml(R, {});
  std::optional<Register> Back = readBack(Yaml);
  ASSERT_TRUE(Back);
  EXPECT_EQ(*Back, R);
}

TEST_F(RegisterYamlTest, PlainWhereItReadsWell) {
  std::string Yaml = renderRegisterYaml(buildRegister(M), {});
  EXPECT_NE(Yaml.find("\npdflow_register: 1\n"), std::string::npos);
  EXPECT_NE(Yaml.find("  name: Acme SAS\n"), std::string::npos);
  EXPECT_NE(Yaml.find("    purposes: [billing]\n"), std::string::npos);
  EXPECT_NE(Yaml.find("        - {kind: sink-call, at: src/Billing.cpp:40:5}\n"), std::string::npos)
      << Yaml;
  EXPECT_NE(Yaml.find("    legitimate_interest: null\n"), std::string::npos);
}

TEST_F(RegisterYamlTest, LinksAreWrittenWhenAsked) {
  RegisterRenderOptions O;
  O.Links =
      SourceLinker("https://git.example/r/blob/{rev}/{path}#L{line}", "abc123", "/repo", "/repo");
  std::string Yaml = renderRegisterYaml(buildRegister(M), O);
  EXPECT_NE(Yaml.find("{kind: sink-call, at: src/Billing.cpp:40:5, url: "
                      "\"https://git.example/r/blob/abc123/src/Billing.cpp#L40\"}"),
            std::string::npos);
  // Links are not substance: the register reads back the same.
  std::optional<Register> Back = readBack(Yaml);
  ASSERT_TRUE(Back);
  EXPECT_EQ(*Back, buildRegister(M));
}

TEST_F(RegisterYamlTest, SameRegisterSameBytes) {
  EXPECT_EQ(renderRegisterYaml(buildRegister(M), {}), renderRegisterYaml(buildRegister(M), {}));
}

TEST(RegisterYamlReaderTest, ProblemsAreLocated) {
  Lines Problems;
  std::optional<Register> R = readBack(R"(pdflow_register: 1
role: controler
controller: {name: A, contakt: x}
activities:
  - id: a
    legal_basis: contract
    recipients:
      - {name: X, class: partner, kind: third-party, categories: [contact.email]}
    dpia: {likely_required: maybe}
)",
                                       &Problems);
  ASSERT_TRUE(R);
  EXPECT_EQ(Problems,
            (Lines{"r.yaml:2:7: 'role' must be one of controller, processor; got 'controler'",
                   "r.yaml:3:23: unknown key 'contakt' in controller; did you mean 'contact'?",
                   "r.yaml:8:26: 'class' must be one of internal, processor, third-party; got "
                   "'partner'",
                   "r.yaml:9:29: 'likely_required' must be true or false; got 'maybe'"}));
}

TEST(RegisterYamlReaderTest, NotARegister) {
  Lines Problems;
  EXPECT_FALSE(readBack("activities: []\n", &Problems));
  EXPECT_EQ(Problems, (Lines{"r.yaml:1:1: missing 'pdflow_register' in register"}));
  EXPECT_FALSE(readBack("pdflow_register: 2\n", &Problems));
  EXPECT_EQ(Problems, (Lines{"r.yaml:1:18: 'pdflow_register' must be 1; got '2'"}));
  EXPECT_FALSE(readBack("", &Problems));
  EXPECT_EQ(Problems, (Lines{"r.yaml: empty file; expected a register written by 'pdflow "
                             "register --format yaml'"}));
  EXPECT_FALSE(readBack("a: [", &Problems));
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_TRUE(llvm::StringRef(Problems[0]).contains("invalid YAML")) << Problems[0];
}

} // namespace
