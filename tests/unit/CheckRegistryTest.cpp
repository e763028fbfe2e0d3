// Rules.def is the single list of rules: every rule has its class, factory,
// unit test and docs page, and the docs agree with Rules.def.
#include "CheckTestSupport.h"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace pdflow;

namespace {

struct RuleClass {
  std::string Class;
  std::string Name;
};

std::vector<RuleClass> ruleClasses() {
  return {
#define PDFLOW_RULE(Class, Name, Article, Sev, Summary) {#Class, Name},
#include "pdflow/rules/Rules.def"
  };
}

std::string source(const std::string &Path) { return std::string(PDFLOW_SOURCE_DIR) + "/" + Path; }

std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

/// Joins the lines of the first paragraph after the title.
std::string firstParagraph(const std::string &Doc) {
  std::istringstream In(Doc);
  std::string Line, Para;
  bool AfterTitle = false;
  while (std::getline(In, Line)) {
    if (!AfterTitle) {
      AfterTitle = Line.rfind("# ", 0) == 0;
      continue;
    }
    if (Line.empty()) {
      if (!Para.empty())
        break;
      continue;
    }
    Para += (Para.empty() ? "" : " ") + Line;
  }
  return Para;
}

TEST(RuleRegistryTest, RulesAreSortedAndUnique) {
  std::vector<std::string> Names = ruleNames();
  EXPECT_EQ(Names.size(), 13u);
  EXPECT_TRUE(std::is_sorted(Names.begin(), Names.end()));
  EXPECT_EQ(std::adjacent_find(Names.begin(), Names.end()), Names.end());
}

TEST(RuleRegistryTest, EveryRuleHasAFactoryMadeOfItsClass) {
  for (const RuleInfo &R : allRules()) {
    DiagnosticList Out;
    CheckContext Ctx(R, nullptr, Out);
    EXPECT_NE(createCheck(R.Name, Ctx), nullptr) << R.Name;
  }
  DiagnosticList Out;
  CheckContext Ctx(allRules().front(), nullptr, Out);
  EXPECT_EQ(createCheck("no-such-rule", Ctx), nullptr);
}

TEST(RuleRegistryTest, EveryRuleHasItsClassFilesAndUnitTest) {
  for (const RuleClass &R : ruleClasses()) {
    EXPECT_TRUE(std::filesystem::exists(source("checks/" + R.Class + "Check.h"))) << R.Class;
    EXPECT_TRUE(std::filesystem::exists(source("checks/" + R.Class + "Check.cpp"))) << R.Class;
    EXPECT_TRUE(std::filesystem::exists(source("tests/unit/Check" + R.Class + "Test.cpp")))
        << R.Class;
    // The class's header comment is the summary, as the docs page's first sentence.
    std::string Header = readFile(source("checks/" + R.Class + "Check.h"));
    std::string Comment;
    std::istringstream In(Header);
    for (std::string Line; std::getline(In, Line);)
      if (Line.rfind("/// ", 0) == 0 && Line.find("docs/rules/") == std::string::npos)
        Comment += (Comment.empty() ? "" : " ") + Line.substr(4);
    const RuleInfo *Info = findRule(R.Name);
    ASSERT_NE(Info, nullptr);
    std::string Summary(Info->Summary);
    Summary[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(Summary[0])));
    EXPECT_EQ(Comment.substr(0, Summary.size() + 1), Summary + ".") << R.Class;
  }
}

TEST(RuleRegistryTest, EveryRuleHasADocsPageThatAgreesWithRulesDef) {
  for (const RuleInfo &R : allRules()) {
    std::string Name(R.Name);
    std::string Path = source("docs/rules/" + Name + ".md");
    ASSERT_TRUE(std::filesystem::exists(Path)) << Path;
    std::string Doc = readFile(Path);
    EXPECT_EQ(Doc.rfind("# " + Name + "\n", 0), 0u) << Name << ": the title is the rule name";
    std::string Summary(R.Summary);
    Summary[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(Summary[0])));
    EXPECT_EQ(firstParagraph(Doc).substr(0, Summary.size() + 1), Summary + ".")
        << Name << ": the first sentence is the summary";
    EXPECT_NE(Doc.find(std::string("Default severity: ") + severityName(R.DefaultSeverity)),
              std::string::npos)
        << Name;
    for (const char *Section :
         {"## What it checks", "## Why", "## Example", "## How to fix", "## Options"})
      EXPECT_NE(Doc.find(Section), std::string::npos) << Name << " lacks " << Section;
    EXPECT_NE(Doc.find("`enabled`"), std::string::npos) << Name;
    EXPECT_NE(Doc.find("`severity`"), std::string::npos) << Name;
    for (const auto &[Option, Default] : ruleOptions(R.Name)) {
      EXPECT_NE(Doc.find("`" + Option + "`"), std::string::npos)
          << Name << " does not document option " << Option;
    }
    if (!R.Article.empty()) {
      EXPECT_NE(Doc.find("Art. " + std::string(R.Article)), std::string::npos) << Name;
    }
  }
}

TEST(RuleRegistryTest, TheDocsIndexListsEveryRuleWithItsSummary) {
  std::string Index = readFile(source("docs/rules/README.md"));
  for (const RuleInfo &R : allRules()) {
    std::string Row = "| [" + std::string(R.Name) + "](" + std::string(R.Name) + ".md) |";
    size_t At = Index.find(Row);
    ASSERT_NE(At, std::string::npos) << R.Name;
    std::string Line = Index.substr(At, Index.find('\n', At) - At);
    EXPECT_NE(Line.find(std::string(R.Summary)), std::string::npos) << Line;
    EXPECT_NE(Line.find(std::string("| ") + severityName(R.DefaultSeverity) + " |"),
              std::string::npos)
        << Line;
  }
}
} // namespace
