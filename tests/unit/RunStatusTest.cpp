// A text report written to a file says itself why the run was incomplete
// or made despite errors (issue 11, defect 4); the files themselves are
// named at its end (renderIncompleteText).

#include "pdflow/report/Report.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

TEST(RunStatusTest, NothingToSayForACompleteRun) {
  EXPECT_EQ(renderRunStatusText({}, /*UsageError=*/false), "");
}

TEST(RunStatusTest, SaysWhyAFileWasNotAnalysed) {
  Diagnostic Failed{Severity::Error,
                    {"src/b.cpp", 0, 0},
                    "this file does not compile with its compile_commands.json entry",
                    "",
                    {{{"src/b.cpp", 3, 18}, "use of undeclared identifier 'x'"}},
                    {}};
  EXPECT_EQ(renderRunStatusText({Failed}, false),
            "src/b.cpp: error: this file does not compile with its compile_commands.json entry\n"
            "src/b.cpp:3:18: note: use of undeclared identifier 'x'\n");
}

TEST(RunStatusTest, SaysTheReportWasMadeDespiteConfigErrors) {
  Diagnostic Config{
      Severity::Error, {".pdflow.yaml", 2, 1}, "unknown key 'activitiez' in config", "", {}, {}};
  std::string Text = renderRunStatusText({Config}, /*UsageError=*/true);
  EXPECT_EQ(Text, "pdflow: error: this report was made despite the errors below; what they "
                  "concern is missing from it\n"
                  ".pdflow.yaml:2:1: error: unknown key 'activitiez' in config\n");
}

TEST(RunStatusTest, WarningsAloneAreListedWithoutAlarm) {
  Diagnostic Unmatched{Severity::Warning,
                       {".pdflow.yaml", 4, 5},
                       "side annotation 'x' matches no declaration",
                       "",
                       {},
                       {}};
  EXPECT_EQ(renderRunStatusText({Unmatched}, false),
            ".pdflow.yaml:4:5: warning: side annotation 'x' matches no declaration\n");
}

TEST(RunStatusTest, FileNamesAreEscaped) {
  Diagnostic Failed{Severity::Error, {"a\nb.cpp", 0, 0}, "this file does not compile", "", {}, {}};
  EXPECT_EQ(renderRunStatusText({Failed}, false), "a\\nb.cpp: error: this file does not compile\n");
  EXPECT_EQ(
      renderIncompleteText({"a\nb.cpp"}, false).rfind("a\\nb.cpp: error: analysis incomplete", 0),
      0u);
}

} // namespace
