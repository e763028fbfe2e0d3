// What an annotation's problems say: short even for huge input, and a "did
// you mean" that knows categories are paths (issue 11, defect 16).

#include "pdflow/annotations/AnnotationSpec.h"
#include "pdflow/config/Config.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

using Lines = std::vector<std::string>;

Lines problems(const std::string &Name, const std::string &Text) {
  static const Taxonomy Tax = Taxonomy::builtin();
  std::vector<AnnotationProblem> Problems;
  parseAnnotation(Name, Text, Tax, Problems);
  Lines Out;
  for (const AnnotationProblem &P : Problems)
    Out.push_back(P.Message);
  return Out;
}

TEST(AnnotationMessagesTest, ALeafUnderAnotherParentIsTheFirstSuggestion) {
  // Spelling alone would say 'identity.last_name'.
  EXPECT_EQ(problems("pdflow.data", "identity.username"),
            Lines{"unknown category 'identity.username'; did you mean 'online.username'?"});
  EXPECT_EQ(problems("pdflow.data", "username"),
            Lines{"unknown category 'username'; did you mean 'online.username'?"});
  // No such leaf anywhere: spelling decides, as before.
  EXPECT_EQ(problems("pdflow.data", "contact.emial"),
            Lines{"unknown category 'contact.emial'; did you mean 'contact.email'?"});
}

TEST(AnnotationMessagesTest, ALeafUnderSeveralParentsPicksTheClosest) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  parseConfig("taxonomy:\n  categories:\n"
              "    - {id: staff, label: Staff}\n"
              "    - {id: staff.username, label: Staff login}\n"
              "    - {id: vendor, label: Vendors}\n"
              "    - {id: vendor.username, label: Vendor login}\n",
              "p.yaml", Tax, Diags);
  ASSERT_FALSE(Diags.hasErrors()) << Diags.sorted().front().Message;
  std::vector<AnnotationProblem> Problems;
  parseAnnotation("pdflow.data", "staf.username", Tax, Problems);
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_EQ(Problems[0].Message,
            "unknown category 'staf.username'; did you mean 'staff.username'?");
}

TEST(AnnotationMessagesTest, AHugeUnknownIdIsNotEchoedWhole) {
  std::string Huge(200000, 'x');
  Lines P = problems("pdflow.data", Huge);
  ASSERT_EQ(P.size(), 1u);
  EXPECT_EQ(P[0], "unknown category '" + std::string(60, 'x') + "...' (200000 bytes)");
  Lines Key = problems("pdflow.data", "contact.email, " + Huge + " = 1");
  ASSERT_EQ(Key.size(), 1u);
  EXPECT_LT(Key[0].size(), 200u) << Key[0];
  Lines Positional = problems("pdflow.sink", "log, " + Huge);
  ASSERT_EQ(Positional.size(), 1u);
  EXPECT_LT(Positional[0].size(), 200u) << Positional[0];
}

TEST(AnnotationMessagesTest, AHugeConfigValueIsNotEchoedWhole) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  std::string Huge(100000, 'y');
  parseConfig("sinks:\n  - {function: f, kind: " + Huge +
                  "}\ndata:\n  - {symbol: s, category: " + Huge + "}\n",
              "p.yaml", Tax, Diags);
  std::vector<Diagnostic> All = Diags.sorted();
  ASSERT_EQ(All.size(), 2u);
  for (const Diagnostic &D : All)
    EXPECT_LT(D.Message.size(), 200u) << D.Message.substr(0, 300);
}

} // namespace
