// compile_commands.json read entry by entry: a bad entry is named by its
// index and place and skipped, the rest is kept (issue 11, defect 10).

#include "pdflow/frontend/Frontend.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace pdflow;

namespace {

using Lines = std::vector<std::string>;

/// "line:col: message" for each problem.
Lines problems(const CompileDatabase &Db) {
  Lines Out;
  for (const Diagnostic &D : Db.Problems)
    Out.push_back(std::to_string(D.Loc.Line) + ":" + std::to_string(D.Loc.Col) + ": " + D.Message);
  return Out;
}

Lines files(const CompileDatabase &Db) {
  Lines Out;
  for (const CompileCommand &C : Db.Commands)
    Out.push_back(C.File);
  return Out;
}

CompileDatabase parse(const std::string &Text) {
  return parseCompileDatabase(Text, "/b/compile_commands.json");
}

TEST(CompileDatabaseTest, ReadsCommandsAndArguments) {
  CompileDatabase Db = parse(R"([
  {"directory": "/src", "file": "a.cpp", "command": "g++ -DX=\"a b\" -I 'in c' -c a.cpp"},
  {"directory": "/src", "file": "/abs/b.cpp", "arguments": ["clang++", "-std=c++17", "b.cpp"]}
])");
  EXPECT_EQ(problems(Db), Lines{});
  ASSERT_EQ(files(Db), (Lines{"/abs/b.cpp", "/src/a.cpp"}));
  EXPECT_EQ(Db.Commands[1].Args, (Lines{"g++", "-DX=a b", "-I", "in c", "-c", "a.cpp"}));
  EXPECT_EQ(Db.Commands[0].Args, (Lines{"clang++", "-std=c++17", "b.cpp"}));
  EXPECT_EQ(Db.Commands[0].Directory, "/src");
}

TEST(CompileDatabaseTest, OneBadEntryIsSkippedWithItsIndexAndPlace) {
  CompileDatabase Db = parse(R"([
  {"directory": "/src", "file": "a.cpp", "command": "g++ -c a.cpp"},
  {"directory": "/src", "command": "g++ -c b.cpp"},
  {"directory": "/src", "file": "c.cpp", "command": "g++ -c c.cpp"}
])");
  EXPECT_EQ(problems(Db), Lines{"3:3: entry [1] is skipped: missing \"file\""});
  EXPECT_EQ(files(Db), (Lines{"/src/a.cpp", "/src/c.cpp"}));
}

TEST(CompileDatabaseTest, EveryKindOfBadEntryIsNamed) {
  CompileDatabase Db = parse(R"([
  "not an object",
  {"directory": "/src", "file": "a.cpp"},
  {"file": "a.cpp", "command": "g++"},
  {"directory": "/src", "file": ["a.cpp"], "command": "g++"},
  {"directory": "/src", "file": "a.cpp", "arguments": "g++ -c a.cpp"},
  {"directory": "/src", "file": "a.cpp", "arguments": ["g++", ["-c"]]},
  {"directory": "/src", "file": "a.cpp", "comand": "g++"},
  {"directory": "/src", "file": "a.cpp", "command": ""},
  {"directory": "/src", "file": "a.cpp", "arguments": []},
  {"directory": "/src", "file": "ok.cpp", "command": "g++ -c ok.cpp", "output": "ok.o"}
])");
  EXPECT_EQ(problems(Db),
            (Lines{
                "2:3: entry [0] is skipped: expected an object with \"directory\", \"file\" and "
                "\"command\" or \"arguments\"",
                "3:3: entry [1] is skipped: missing \"command\" or \"arguments\"",
                "4:3: entry [2] is skipped: missing \"directory\"",
                "5:33: entry [3] is skipped: \"file\" must be a string",
                "6:55: entry [4] is skipped: \"arguments\" must be a list of strings",
                "7:63: entry [5] is skipped: \"arguments\" must be a list of strings",
                "8:42: entry [6] is skipped: unknown key 'comand'; did you mean 'command'?",
                "9:3: entry [7] is skipped: the command is empty",
                "10:3: entry [8] is skipped: the command is empty",
            }));
  EXPECT_EQ(files(Db), Lines{"/src/ok.cpp"});
}

TEST(CompileDatabaseTest, NotAnArrayIsPlacedAndNamed) {
  CompileDatabase Db = parse("\n  {\"directory\": \"/src\"}\n");
  EXPECT_EQ(problems(Db), Lines{"2:3: cannot read the compile database: expected a JSON array "
                                "of compile commands"});
  EXPECT_TRUE(Db.Commands.empty());
}

TEST(CompileDatabaseTest, ASyntaxErrorRejectsTheFileAtItsPlace) {
  CompileDatabase Db = parse("[\n  {\"directory\": \"/src\", \"file\": \"a.cpp\",\n  { not json\n");
  ASSERT_EQ(Db.Problems.size(), 1u) << testing::PrintToString(problems(Db));
  EXPECT_EQ(Db.Problems[0].Loc.Line, 3u);
  EXPECT_EQ(Db.Problems[0].Message.rfind("cannot read the compile database: ", 0), 0u);
  EXPECT_TRUE(Db.Commands.empty());
}

TEST(CompileDatabaseTest, EmptyDatabasesSaySo) {
  EXPECT_EQ(problems(parse("[]")), Lines{"0:0: the compile database lists no files"});
  EXPECT_EQ(problems(parse("")).size(), 1u);
}

TEST(CompileDatabaseTest, AFileListedTwiceKeepsItsFirstEntry) {
  CompileDatabase Db = parse(R"([
  {"directory": "/src", "file": "a.cpp", "command": "g++ -DFIRST a.cpp"},
  {"directory": "/src", "file": "./a.cpp", "command": "g++ -DSECOND a.cpp"}
])");
  ASSERT_EQ(files(Db), Lines{"/src/a.cpp"});
  EXPECT_EQ(Db.Commands[0].Args[1], "-DFIRST");
}

class CompileDatabaseFileTest : public testing::Test {
protected:
  void SetUp() override { ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("pdflow-db", Dir)); }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  llvm::SmallString<256> Dir;
};

TEST_F(CompileDatabaseFileTest, AMissingDatabaseSaysHowToMakeOne) {
  CompileDatabase Db = readCompileDatabase(std::string(Dir));
  ASSERT_EQ(Db.Problems.size(), 1u);
  EXPECT_EQ(Db.Problems[0].Loc.File, std::string(Dir) + "/compile_commands.json");
  EXPECT_EQ(Db.Problems[0].Message.rfind("no compile database; generate one with", 0), 0u);
}

TEST_F(CompileDatabaseFileTest, ABuildDirThatIsAFileIsNotAMissingDatabase) {
  // ENOTDIR, like EACCES on an unreadable directory: the reason is given,
  // not "generate one".
  std::string File = std::string(Dir) + "/plain";
  std::ofstream(File) << "x";
  CompileDatabase Db = readCompileDatabase(File);
  ASSERT_EQ(Db.Problems.size(), 1u);
  EXPECT_EQ(Db.Problems[0].Message, "cannot read the compile database: not a directory");
}

TEST_F(CompileDatabaseFileTest, ADirectoryNamedLikeTheDatabaseIsNamed) {
  ASSERT_FALSE(llvm::sys::fs::create_directory(std::string(Dir) + "/compile_commands.json"));
  CompileDatabase Db = readCompileDatabase(std::string(Dir));
  ASSERT_EQ(Db.Problems.size(), 1u);
  EXPECT_EQ(Db.Problems[0].Message, "cannot read the compile database: is a directory");
}

} // namespace
