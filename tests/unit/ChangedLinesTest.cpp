// `git diff -U0` read into changed lines, and findings touching them.
#include "pdflow/vcs/ChangedLines.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

const char *const Diff = R"(diff --git a/src/a.cpp b/src/a.cpp
index 1111111..2222222 100644
--- a/src/a.cpp
+++ b/src/a.cpp
@@ -3,0 +4,2 @@ void f() {
+  log(c.email);
+++ counter;
@@ -10 +12 @@ void g()
-  old();
+  send(c.phone);
@@ -20,2 +21,0 @@ void h()
-  redact(x);
-  more();
diff --git a/src/gone.cpp b/src/gone.cpp
deleted file mode 100644
--- a/src/gone.cpp
+++ /dev/null
@@ -1,2 +0,0 @@
-int a;
-int b;
diff --git a/new.h b/new.h
new file mode 100644
--- /dev/null
+++ b/new.h
@@ -0,0 +1,3 @@
+#pragma once
+int x;
+int y;
diff --git "a/caf\303\251 \"q\".cpp" "b/caf\303\251 \"q\".cpp"
--- "a/caf\303\251 \"q\".cpp"
+++ "b/caf\303\251 \"q\".cpp"
@@ -1 +1 @@
-int z;
+int zz;
)";

bool has(const ChangedLines &C, const std::string &File, unsigned Line) {
  return C.contains({File, Line, 1});
}

TEST(ChangedLinesTest, ReadsTheNewSideOfEachHunk) {
  ChangedLines C = parseUnifiedDiff(Diff, "/nonexistent/repo");
  const std::string A = "/nonexistent/repo/src/a.cpp";
  EXPECT_FALSE(has(C, A, 3));
  EXPECT_TRUE(has(C, A, 4));
  EXPECT_TRUE(has(C, A, 5));
  EXPECT_FALSE(has(C, A, 6));
  EXPECT_TRUE(has(C, A, 12)); // "-10 +12": one line, count omitted
  EXPECT_FALSE(has(C, A, 13));
  // "+21,0": two lines deleted after line 21; the lines around the gap count.
  EXPECT_FALSE(has(C, A, 20));
  EXPECT_TRUE(has(C, A, 21));
  EXPECT_TRUE(has(C, A, 22));
  EXPECT_FALSE(has(C, A, 23));
  for (unsigned L = 1; L <= 3; ++L)
    EXPECT_TRUE(has(C, "/nonexistent/repo/new.h", L)) << L;
  EXPECT_FALSE(has(C, "/nonexistent/repo/new.h", 4));
  EXPECT_FALSE(has(C, "/nonexistent/repo/src/gone.cpp", 1));
  EXPECT_TRUE(has(C, "/nonexistent/repo/caf\xc3\xa9 \"q\".cpp", 1));
}

TEST(ChangedLinesTest, ANameWithASpaceEndsBeforeGitsTab) {
  // git ends an unquoted name holding a space with a tab, for patch(1).
  ChangedLines C = parseUnifiedDiff("diff --git a/src dir/b.cpp b/src dir/b.cpp\n"
                                    "--- a/src dir/b.cpp\t\n"
                                    "+++ b/src dir/b.cpp\t\n"
                                    "@@ -7,0 +8 @@ void k()\n"
                                    "+  log(c.email);\n",
                                    "/nonexistent/repo");
  EXPECT_TRUE(has(C, "/nonexistent/repo/src dir/b.cpp", 8));
  EXPECT_FALSE(has(C, "/nonexistent/repo/src dir/b.cpp", 7));
}

TEST(ChangedLinesTest, AnAddedLineThatLooksLikeAHeaderIsContent) {
  // "+++ counter;" above is the added line "++ counter;", not a new file.
  ChangedLines C = parseUnifiedDiff(Diff, "/nonexistent/repo");
  EXPECT_FALSE(has(C, "/nonexistent/repo/counter;", 1));
  EXPECT_TRUE(has(C, "/nonexistent/repo/src/a.cpp", 12));
}

TEST(ChangedLinesTest, AFindingIsTouchedThroughAnyOfItsNotes) {
  ChangedLines C = parseUnifiedDiff(Diff, "/nonexistent/repo");
  Diagnostic D;
  D.Loc = {"/nonexistent/repo/src/b.cpp", 40, 3}; // the sink: unchanged
  D.Notes = {{{"/nonexistent/repo/src/b.cpp", 38, 5}, "read 'c.email'", true}};
  EXPECT_FALSE(C.touches(D));
  D.Notes.push_back({{"/nonexistent/repo/src/a.cpp", 12, 9}, "passed on", true});
  EXPECT_TRUE(C.touches(D)); // a new step
  Diagnostic AtSink;
  AtSink.Loc = {"/nonexistent/repo/src/a.cpp", 5, 3};
  EXPECT_TRUE(C.touches(AtSink));
}

TEST(ChangedLinesTest, UntrackedFilesChangeOnEveryLine) {
  ChangedLines C;
  C.addFile("/nonexistent/repo/src/draft.cpp");
  EXPECT_TRUE(has(C, "/nonexistent/repo/src/draft.cpp", 1));
  EXPECT_TRUE(has(C, "/nonexistent/repo/src/draft.cpp", 900));
  EXPECT_FALSE(has(C, "/nonexistent/repo/src/other.cpp", 1));
  EXPECT_FALSE(C.contains({}));
}

} // namespace
