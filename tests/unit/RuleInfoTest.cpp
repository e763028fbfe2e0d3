// The rule metadata layer: each rule's docs page is compiled in, byte for
// byte the file in docs/rules/, for SARIF's help text.
#include "pdflow/rules/RuleInfo.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace pdflow;

namespace {

std::string readSource(const std::string &Path) {
  std::ifstream In(std::string(PDFLOW_SOURCE_DIR) + "/" + Path, std::ios::binary);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

TEST(RuleInfoTest, EveryRuleHasItsDocsPageCompiledIn) {
  for (const RuleInfo &R : allRules()) {
    std::string Path = ruleDocsPath(R.Name);
    EXPECT_EQ(Path, "docs/rules/" + std::string(R.Name) + ".md");
    std::string OnDisk = readSource(Path);
    ASSERT_FALSE(OnDisk.empty()) << Path;
    EXPECT_EQ(ruleDocs(R.Name), OnDisk) << Path << " changed since the build embedded it";
  }
  EXPECT_EQ(ruleDocs("no-such-rule"), "");
  EXPECT_EQ(ruleDocs("README"), "") << "the index is not a rule";
}

TEST(RuleInfoTest, FindsRulesByName) {
  ASSERT_NE(findRule("personal-data-in-logs"), nullptr);
  EXPECT_EQ(findRule("personal-data-in-logs")->Article, "5(1)(f), 32");
  EXPECT_EQ(findRule("personal-data-in-log"), nullptr);
  EXPECT_EQ(ruleNames().size(), allRules().size());
}

} // namespace
