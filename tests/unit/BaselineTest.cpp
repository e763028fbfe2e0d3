// Baselines: written, read back, matched by fingerprint; stale entries listed.
#include "pdflow/report/Baseline.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

Diagnostic finding(std::string Fingerprint, unsigned Line, std::string Message = "m") {
  Diagnostic D;
  D.Sev = Severity::Warning;
  D.Loc = {"src/a.cpp", Line, 3};
  D.Rule = "personal-data-in-logs";
  D.Message = std::move(Message);
  D.Fingerprint = std::move(Fingerprint);
  return D;
}

Baseline read(const std::string &Text) {
  std::string Error;
  std::optional<Baseline> B = parseBaseline(Text, "base.json", Error);
  EXPECT_TRUE(B.has_value()) << Error;
  return B.value_or(Baseline());
}

std::string parseError(const std::string &Text) {
  std::string Error;
  EXPECT_FALSE(parseBaseline(Text, "base.json", Error).has_value());
  return Error;
}

TEST(BaselineTest, WritesEveryFieldAndReadsThemBack) {
  // Invalid UTF-8 in a message becomes U+FFFD.
  std::string Text = renderBaseline({finding("aa:1", 12, "caf\xe9 logged")}, {"src/broken.cpp"});
  EXPECT_EQ(Text, "{\n"
                  "  \"findings\": [\n"
                  "    {\n"
                  "      \"file\": \"src/a.cpp\",\n"
                  "      \"fingerprint\": \"aa:1\",\n"
                  "      \"line\": 12,\n"
                  "      \"message\": \"caf\xef\xbf\xbd logged\",\n"
                  "      \"rule\": \"personal-data-in-logs\",\n"
                  "      \"severity\": \"warning\"\n"
                  "    }\n"
                  "  ],\n"
                  "  \"incomplete\": [\n"
                  "    \"src/broken.cpp\"\n"
                  "  ],\n"
                  "  \"tool\": \"pdflow\",\n"
                  "  \"version\": 1\n"
                  "}\n");
  Baseline B = read(Text);
  ASSERT_EQ(B.Entries.size(), 1u);
  EXPECT_EQ(B.Entries[0], (BaselineEntry{"aa:1", "personal-data-in-logs", "warning", "src/a.cpp",
                                         12, "caf\xef\xbf\xbd logged"}));
}

TEST(BaselineTest, SilencesExactlyTheFindingsItHoldsAndListsStaleEntries) {
  Baseline B =
      read(renderBaseline({finding("aa:1", 1), finding("bb:1", 2), finding("gone:1", 3)}, {}));
  BaselineMatch M = applyBaseline(B, {finding("new:1", 9), finding("bb:1", 7), finding("aa:1", 8)});
  ASSERT_EQ(M.New.size(), 1u);
  EXPECT_EQ(M.New[0].Fingerprint, "new:1");
  ASSERT_EQ(M.Known.size(), 2u);
  EXPECT_EQ(M.Known[0].Fingerprint, "bb:1");
  EXPECT_EQ(M.Known[1].Fingerprint, "aa:1");
  ASSERT_EQ(M.Stale.size(), 1u);
  EXPECT_EQ(M.Stale[0].Fingerprint, "gone:1");
  EXPECT_EQ(M.Stale[0].Line, 3u);
}

TEST(BaselineTest, AnEntryMatchesOneFindingAtMost) {
  Baseline B = read(renderBaseline({finding("aa:1", 1)}, {}));
  BaselineMatch M = applyBaseline(B, {finding("aa:1", 1), finding("aa:1", 5)});
  EXPECT_EQ(M.Known.size(), 1u);
  EXPECT_EQ(M.New.size(), 1u);
  EXPECT_TRUE(M.Stale.empty());
  // Two entries with one fingerprint and one finding left: the second is stale.
  B = read(renderBaseline({finding("aa:1", 1), finding("aa:1", 9)}, {}));
  M = applyBaseline(B, {finding("aa:1", 1)});
  ASSERT_EQ(M.Stale.size(), 1u);
  EXPECT_EQ(M.Stale[0].Line, 9u);
}

TEST(BaselineTest, AnEmptyBaselineKeepsEverything) {
  BaselineMatch M = applyBaseline(read(renderBaseline({}, {})), {finding("aa:1", 1)});
  EXPECT_EQ(M.New.size(), 1u);
  EXPECT_TRUE(M.Known.empty());
  EXPECT_TRUE(M.Stale.empty());
}

TEST(BaselineTest, MalformedFilesAreNamedWithTheirPlace) {
  EXPECT_EQ(parseError("{\n  \"version\": 1,\n  oops\n}"), "base.json:3:3: expected object key");
  EXPECT_EQ(parseError("[]"),
            "base.json: a baseline is a JSON object; write one with 'pdflow baseline'");
  EXPECT_EQ(parseError(R"({"version": 7, "findings": []})"),
            "base.json: unsupported baseline version 7; this pdflow reads version 1 (write a "
            "new one with 'pdflow baseline')");
  EXPECT_EQ(parseError(R"({"version": 1})"), "base.json: no \"findings\" array");
  EXPECT_EQ(parseError(R"({"version": 1, "findings": [{"fingerprint": "a:1"}, {"rule": "x"}]})"),
            "base.json: entry 2 of \"findings\" has no \"fingerprint\" string");
}

} // namespace
