// The config file as a hostile user may hand it over: not a file, too big,
// old Mac line ends, several YAML documents (issue 11, defects 6-8).

#include "pdflow/config/Config.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace pdflow;

namespace {

/// "line:col: severity: message" for every diagnostic, sorted.
std::vector<std::string> messages(const DiagnosticList &Diags) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : Diags.sorted())
    Out.push_back(std::to_string(D.Loc.Line) + ":" + std::to_string(D.Loc.Col) + ": " +
                  severityName(D.Sev) + ": " + D.Message);
  return Out;
}

std::vector<std::string> parse(const std::string &Yaml) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  parseConfig(Yaml, "p.yaml", Tax, Diags);
  return messages(Diags);
}

using Lines = std::vector<std::string>;

class ConfigFileInputTest : public testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("pdflow-config", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }

  /// Loads Path; the messages, and whether a config came back.
  std::pair<Lines, bool> load(const std::string &Path) {
    Taxonomy Tax = Taxonomy::builtin();
    DiagnosticList Diags;
    bool Loaded = loadConfigFile(Path, Tax, Diags).has_value();
    return {messages(Diags), Loaded};
  }

  llvm::SmallString<256> Dir;
};

TEST_F(ConfigFileInputTest, ADirectoryIsNotAnEmptyConfig) {
  auto [Errors, Loaded] = load(std::string(Dir));
  EXPECT_EQ(Errors, Lines{"0:0: error: cannot read config file: is a directory"});
  EXPECT_FALSE(Loaded);
}

TEST_F(ConfigFileInputTest, ADeviceIsNotAConfig) {
  // /dev/zero would be read until memory runs out; /dev/null, the same kind
  // of file, is safe to try whatever the code does.
  auto [Errors, Loaded] = load("/dev/null");
  EXPECT_EQ(Errors, Lines{"0:0: error: cannot read config file: not a regular file"});
  EXPECT_FALSE(Loaded);
}

TEST_F(ConfigFileInputTest, AHugeFileIsRefusedUnread) {
  std::string Huge = path("huge.yaml");
  {
    std::ofstream(Huge) << "version: 1\n";
  }
  std::filesystem::resize_file(Huge, 17 << 20); // sparse: cheap to make
  auto [Errors, Loaded] = load(Huge);
  EXPECT_EQ(Errors, Lines{"0:0: error: cannot read config file: it is larger than 16 MiB, "
                          "the most a config may be"});
  EXPECT_FALSE(Loaded);
}

TEST_F(ConfigFileInputTest, AMissingFileSaysSo) {
  auto [Errors, Loaded] = load(path("nothere.yaml"));
  EXPECT_EQ(Errors, Lines{"0:0: error: cannot read config file: no such file or directory"});
  EXPECT_FALSE(Loaded);
}

TEST_F(ConfigFileInputTest, ARegularFileIsRead) {
  std::string File = path("ok.yaml");
  {
    std::ofstream(File) << "version: 1\nbogus: 1\n";
  }
  auto [Errors, Loaded] = load(File);
  EXPECT_EQ(Errors, Lines{"2:1: error: unknown key 'bogus' in config"});
  EXPECT_TRUE(Loaded);
}

TEST(ConfigLineEndsTest, CarriageReturnsAloneEndLines) {
  EXPECT_EQ(parse("version: 1\rbogus: 1\r"), Lines{"2:1: error: unknown key 'bogus' in config"});
}

TEST(ConfigLineEndsTest, CrLfEndsOneLine) {
  EXPECT_EQ(parse("version: 1\r\n\r\nbogus: 1\r\n"),
            Lines{"3:1: error: unknown key 'bogus' in config"});
}

TEST(ConfigLineEndsTest, MixedLineEndsCountLikeAnEditorDoes) {
  EXPECT_EQ(parse("version: 1\r\n# comment\rsecurity_measures: [a]\nbogus: 1\n"),
            Lines{"4:1: error: unknown key 'bogus' in config"});
}

TEST(ConfigDocumentsTest, ASecondDocumentIsReportedNotIgnored) {
  EXPECT_EQ(parse("version: 1\n---\nactivities:\n  - {id: billing}\n"),
            Lines{"3:1: warning: a second YAML document starts here; pdflow reads only the "
                  "first document of a file, so this one is ignored"});
}

TEST(ConfigDocumentsTest, EachExtraDocumentIsReported) {
  EXPECT_EQ(parse("version: 1\n---\na: 1\n---\nb: 2\n").size(), 2u);
}

TEST(ConfigDocumentsTest, AnEmptyTrailingDocumentIsHarmless) {
  EXPECT_EQ(parse("version: 1\n---\n"), Lines{});
  EXPECT_EQ(parse("---\nversion: 1\n...\n"), Lines{});
}

TEST(ConfigDocumentsTest, AnErrorInAnExtraDocumentIsStillAnError) {
  Lines Errors = parse("version: 1\n---\nactivities: [\n");
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_EQ(Errors[0].rfind("4:1: error: invalid YAML", 0), 0u) << Errors[0];
}

// Found by the config fuzzer: where no YAML value can start (a ',' at the
// start of a document), yaml-cpp's LoadAll returns empty documents forever,
// and its Load reads the file up to there as the whole config.
TEST(ConfigDocumentsTest, TextWhereNoValueCanStartIsAnError) {
  EXPECT_EQ(parse(", activities: [{id: billing}]\n"),
            Lines{"1:1: error: invalid YAML: unexpected ','"});
  EXPECT_EQ(parse("# comment\n, bogus: 1\n"), Lines{"2:1: error: invalid YAML: unexpected ','"});
  EXPECT_EQ(parse("version: 1\n...\n, bogus: 1\n"),
            Lines{"3:1: error: invalid YAML: unexpected ','"});
  EXPECT_EQ(parse("[version]\n, b\n"), Lines{"2:1: error: invalid YAML: unexpected ','"});
}

} // namespace
