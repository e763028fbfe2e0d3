// The CI recipes in docs/ci/ (docs/ci.md) have what makes them work: the
// permissions, the history --new-since needs, the SARIF upload, the register
// check, and the helper files they run.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

std::string source(const std::string &Path) { return std::string(PDFLOW_SOURCE_DIR) + "/" + Path; }

/// The "run" scripts and "uses" actions of a GitHub job's steps.
struct Steps {
  std::string Runs;
  std::vector<YAML::Node> Uses;
};

Steps stepsOf(const YAML::Node &Job) {
  Steps S;
  for (const YAML::Node &Step : Job["steps"]) {
    if (Step["run"])
      S.Runs += Step["run"].as<std::string>() + "\n";
    if (Step["uses"])
      S.Uses.push_back(Step);
  }
  return S;
}

const YAML::Node *findUse(const Steps &S, const std::string &Action) {
  for (const YAML::Node &Step : S.Uses)
    if (Step["uses"].as<std::string>().rfind(Action + "@", 0) == 0)
      return &Step;
  return nullptr;
}

TEST(CiRecipesTest, GitHubWorkflowUploadsSarifGatesAndChecksTheRegister) {
  YAML::Node W = YAML::LoadFile(source("docs/ci/github-actions.yml"));
  ASSERT_TRUE(W["on"]["pull_request"]);
  const YAML::Node Gate = W["jobs"]["gate"];
  ASSERT_TRUE(Gate);
  EXPECT_EQ(Gate["permissions"]["security-events"].as<std::string>(), "write");
  Steps S = stepsOf(Gate);
  const YAML::Node *Checkout = findUse(S, "actions/checkout");
  ASSERT_NE(Checkout, nullptr);
  EXPECT_EQ((*Checkout)["with"]["fetch-depth"].as<int>(), 0) << "--new-since needs the history";
  const YAML::Node *Upload = findUse(S, "github/codeql-action/upload-sarif");
  ASSERT_NE(Upload, nullptr);
  EXPECT_EQ((*Upload)["with"]["sarif_file"].as<std::string>(), "pdflow-upload.sarif");
  EXPECT_EQ((*Upload)["if"].as<std::string>(), "always()") << "upload even when the scan fails";
  EXPECT_NE(S.Runs.find("pdflow scan -p build --format sarif -o pdflow.sarif"), std::string::npos);
  EXPECT_NE(S.Runs.find("jq '.runs[].results |= map(select((.suppressions // []) | length == 0))' "
                        "pdflow.sarif >pdflow-upload.sarif"),
            std::string::npos);
  EXPECT_NE(S.Runs.find("--new-since \"$base\""), std::string::npos);
  EXPECT_NE(S.Runs.find(".pdflow-src/docs/ci/build-pdflow.sh"), std::string::npos);

  Steps Register = stepsOf(W["jobs"]["register"]);
  EXPECT_NE(Register.Runs.find("pdflow register -p build --check \"$REGISTER\""),
            std::string::npos);
}

TEST(CiRecipesTest, GitLabJobsWriteBothReportsAndCheckTheRegister) {
  YAML::Node G = YAML::LoadFile(source("docs/ci/gitlab-ci.yml"));
  const YAML::Node Job = G["pdflow"];
  ASSERT_TRUE(Job);
  EXPECT_EQ(Job["artifacts"]["reports"]["codequality"].as<std::string>(),
            "gl-code-quality-report.json");
  EXPECT_EQ(Job["artifacts"]["reports"]["sast"].as<std::string>(), "gl-sast-report.json");
  EXPECT_EQ(Job["artifacts"]["when"].as<std::string>(), "always");
  EXPECT_EQ(G[".pdflow"]["variables"]["GIT_DEPTH"].as<int>(), 0);
  std::string Script;
  for (const YAML::Node &Line : Job["script"])
    Script += Line.as<std::string>() + "\n";
  EXPECT_NE(Script.find("docs/ci/gitlab-codequality.jq"), std::string::npos);
  EXPECT_NE(Script.find("docs/ci/gitlab-sast.jq"), std::string::npos);
  EXPECT_NE(Script.find("--new-since \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\""), std::string::npos);
  std::string Register;
  for (const YAML::Node &Line : G["pdflow-register"]["script"])
    Register += Line.as<std::string>();
  EXPECT_NE(Register.find("pdflow register -p build --check"), std::string::npos);
}

TEST(CiRecipesTest, TheFilesTheRecipesRunExist) {
  for (const char *File : {"docs/ci/build-pdflow.sh", "docs/ci/gitlab-codequality.jq",
                           "docs/ci/gitlab-sast.jq", "docs/ci/pre-commit"})
    EXPECT_TRUE(std::filesystem::exists(source(File))) << File;
  for (const char *Script : {"docs/ci/build-pdflow.sh", "docs/ci/pre-commit"}) {
    auto Perms = std::filesystem::status(source(Script)).permissions();
    EXPECT_NE(Perms & std::filesystem::perms::owner_exec, std::filesystem::perms::none) << Script;
  }
}

} // namespace
