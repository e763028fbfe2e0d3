// `-o FILE`: written whole or not at all, never replacing what is not a
// plain file of the user's (issue 11, defects 1-3).

#include "pdflow/support/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace pdflow;
namespace fs = llvm::sys::fs;

namespace {

class OutputFileTest : public testing::Test {
protected:
  void SetUp() override { ASSERT_FALSE(fs::createUniqueDirectory("pdflow-output-test", Dir)); }
  void TearDown() override { fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }

  static std::string read(const std::string &Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
  }

  static void write(const std::string &Path, const std::string &Text) {
    std::ofstream(Path, std::ios::binary) << Text;
  }

  /// The names in the directory, sorted: nothing left behind.
  std::vector<std::string> entries() const {
    std::vector<std::string> Names;
    std::error_code EC;
    for (fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
      Names.push_back(llvm::sys::path::filename(It->path()).str());
    std::sort(Names.begin(), Names.end());
    return Names;
  }

  /// The error message, or "" on success.
  static std::string message(llvm::Error E) {
    return E ? llvm::toString(std::move(E)) : std::string();
  }

  llvm::SmallString<256> Dir;
};

TEST_F(OutputFileTest, NewFileIsWrittenWhole) {
  EXPECT_EQ(message(writeOutputFile(path("report.txt"), "all of it\n")), "");
  EXPECT_EQ(read(path("report.txt")), "all of it\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"report.txt"});
}

TEST_F(OutputFileTest, ExistingFileIsReplacedAndKeepsItsMode) {
  write(path("report.txt"), "old report, longer than the new one\n");
  ASSERT_EQ(::chmod(path("report.txt").c_str(), 0600), 0);
  EXPECT_EQ(message(writeOutputFile(path("report.txt"), "new\n")), "");
  EXPECT_EQ(read(path("report.txt")), "new\n");
  struct stat St;
  ASSERT_EQ(::stat(path("report.txt").c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 07777, 0600u);
  EXPECT_EQ(entries(), std::vector<std::string>{"report.txt"});
}

TEST_F(OutputFileTest, SymlinkStaysAndItsTargetGetsTheReport) {
  write(path("real.txt"), "old\n");
  ASSERT_FALSE(fs::create_link("real.txt", path("link.txt")));
  EXPECT_EQ(message(writeOutputFile(path("link.txt"), "new\n")), "");
  fs::file_status Link;
  ASSERT_FALSE(fs::status(path("link.txt"), Link, /*Follow=*/false));
  EXPECT_TRUE(fs::is_symlink_file(Link));
  EXPECT_EQ(read(path("real.txt")), "new\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"link.txt", "real.txt"}));
}

TEST_F(OutputFileTest, SymlinkToNothingCreatesItsTarget) {
  ASSERT_FALSE(fs::create_link("made.txt", path("link.txt")));
  EXPECT_EQ(message(writeOutputFile(path("link.txt"), "new\n")), "");
  fs::file_status Link;
  ASSERT_FALSE(fs::status(path("link.txt"), Link, /*Follow=*/false));
  EXPECT_TRUE(fs::is_symlink_file(Link));
  EXPECT_EQ(read(path("made.txt")), "new\n");
}

TEST_F(OutputFileTest, DirectoryIsRefused) {
  ASSERT_FALSE(fs::create_directory(path("reports")));
  std::string Error = message(writeOutputFile(path("reports"), "x"));
  EXPECT_EQ(Error, "cannot write '" + path("reports") + "': is a directory");
  EXPECT_TRUE(fs::is_directory(path("reports")));
  EXPECT_EQ(entries(), std::vector<std::string>{"reports"});
}

TEST_F(OutputFileTest, MissingDirectoryIsNamed) {
  std::string Error = message(writeOutputFile(path("no/such/dir/report.txt"), "x"));
  EXPECT_EQ(Error,
            "cannot write '" + path("no/such/dir/report.txt") + "': no such file or directory");
}

TEST_F(OutputFileTest, FifoIsWrittenThroughNotReplaced) {
  ASSERT_EQ(::mkfifo(path("pipe").c_str(), 0600), 0);
  std::string Received;
  std::thread Reader([&] { Received = read(path("pipe")); });
  EXPECT_EQ(message(writeOutputFile(path("pipe"), "through the pipe\n")), "");
  Reader.join();
  EXPECT_EQ(Received, "through the pipe\n");
  fs::file_status Status;
  ASSERT_FALSE(fs::status(path("pipe"), Status, /*Follow=*/false));
  EXPECT_EQ(Status.type(), fs::file_type::fifo_file);
  EXPECT_EQ(entries(), std::vector<std::string>{"pipe"});
}

TEST_F(OutputFileTest, AnotherFileNamedLikeAnOldTemporaryIsLeftAlone) {
  // Older pdflow wrote F.pdflow-tmp; a file of that name is not ours.
  write(path("report.txt.pdflow-tmp"), "someone else's\n");
  EXPECT_EQ(message(writeOutputFile(path("report.txt"), "new\n")), "");
  EXPECT_EQ(read(path("report.txt.pdflow-tmp")), "someone else's\n");
  EXPECT_EQ(read(path("report.txt")), "new\n");
}

TEST_F(OutputFileTest, WritersOfOneFileAtOnceEachUseTheirOwnTemporary) {
  // With one temporary name for all, a writer renames another's half-written
  // file into place, or finds its own gone.
  constexpr int Writers = 8;
  std::vector<std::string> Reports, Errors(Writers);
  for (int I = 0; I < Writers; ++I)
    Reports.push_back(std::string(256 * 1024, static_cast<char>('a' + I)));
  // LLVM sets up its signal handling, with an alternate signal stack, on the
  // thread that first needs it: this one, as in pdflow (a worker thread
  // would end on that stack, which AddressSanitizer unmaps as its own).
  ASSERT_EQ(message(writeOutputFile(path("report.txt"), "first\n")), "");
  std::vector<std::thread> Threads;
  for (int I = 0; I < Writers; ++I)
    Threads.emplace_back(
        [&, I] { Errors[I] = message(writeOutputFile(path("report.txt"), Reports[I])); });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Errors, std::vector<std::string>(Writers, ""));
  std::string Final = read(path("report.txt"));
  EXPECT_NE(std::find(Reports.begin(), Reports.end(), Final), Reports.end())
      << "not one whole report: " << Final.size() << " bytes";
  EXPECT_EQ(entries(), std::vector<std::string>{"report.txt"});
}

/// Lowers the file size limit for the life of the object, with SIGXFSZ
/// ignored so that an oversized write fails with EFBIG instead of killing
/// the process: a full disk, reproducibly.
class FileSizeLimit {
public:
  explicit FileSizeLimit(rlim_t Bytes) {
    getrlimit(RLIMIT_FSIZE, &Saved);
    OldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit Lower = Saved;
    Lower.rlim_cur = Bytes;
    setrlimit(RLIMIT_FSIZE, &Lower);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &Saved);
    std::signal(SIGXFSZ, OldHandler);
  }

private:
  rlimit Saved;
  void (*OldHandler)(int);
};

TEST_F(OutputFileTest, WriteErrorKeepsTheOldFileAndLeavesNothingBehind) {
  write(path("report.txt"), "the previous good report\n");
  std::string Error;
  {
    FileSizeLimit Limit(4096);
    Error = message(writeOutputFile(path("report.txt"), std::string(64 * 1024, 'x')));
  }
  EXPECT_EQ(Error, "cannot write '" + path("report.txt") + "': file too large");
  EXPECT_EQ(read(path("report.txt")), "the previous good report\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"report.txt"});
}

TEST_F(OutputFileTest, ReadOnlyFileIsRefused) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root may write any file";
  write(path("report.txt"), "kept\n");
  ASSERT_EQ(::chmod(path("report.txt").c_str(), 0444), 0);
  std::string Error = message(writeOutputFile(path("report.txt"), "new\n"));
  EXPECT_EQ(Error, "cannot write '" + path("report.txt") + "': permission denied");
  EXPECT_EQ(read(path("report.txt")), "kept\n");
}

TEST_F(OutputFileTest, SeveralFilesAreAllWritten) {
  write(path("b.md"), "old b\n");
  EXPECT_EQ(message(writeOutputFiles({{path("a.yaml"), "a\n"}, {path("b.md"), "b\n"}})), "");
  EXPECT_EQ(read(path("a.yaml")), "a\n");
  EXPECT_EQ(read(path("b.md")), "b\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"a.yaml", "b.md"}));
}

TEST_F(OutputFileTest, NoneOfSeveralFilesIsReplacedWhenOneCannotBeWritten) {
  write(path("a.yaml"), "old a\n");
  ASSERT_FALSE(fs::create_directory(path("reports")));
  std::string Error = message(writeOutputFiles(
      {{path("a.yaml"), "new a\n"}, {path("new.md"), "new\n"}, {path("reports"), "x"}}));
  EXPECT_EQ(Error, "cannot write '" + path("reports") + "': is a directory");
  EXPECT_EQ(read(path("a.yaml")), "old a\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"a.yaml", "reports"}));
}

TEST_F(OutputFileTest, SeveralFilesWithAFifoAmongThem) {
  ASSERT_EQ(::mkfifo(path("pipe").c_str(), 0600), 0);
  std::string Received;
  std::thread Reader([&] { Received = read(path("pipe")); });
  EXPECT_EQ(message(writeOutputFiles({{path("pipe"), "piped\n"}, {path("a.csv"), "a\n"}})), "");
  Reader.join();
  EXPECT_EQ(Received, "piped\n");
  EXPECT_EQ(read(path("a.csv")), "a\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"a.csv", "pipe"}));
}

} // namespace
