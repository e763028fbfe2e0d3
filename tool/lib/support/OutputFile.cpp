#include "pdflow/support/OutputFile.h"

#include "pdflow/support/Text.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <list>
#include <optional>

namespace pdflow {

namespace fs = llvm::sys::fs;

namespace {

llvm::Error cannotWrite(llvm::StringRef Path, std::error_code EC) {
  return llvm::createStringError(EC, "cannot write '" + escapeNonPrintable(Path) +
                                         "': " + errorReason(EC));
}

/// Writes Contents to FD and closes it; the first error of either.
std::error_code writeAndClose(int FD, llvm::StringRef Contents) {
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Contents;
  OS.close();
  std::error_code EC = OS.error();
  OS.clear_error(); // reported by the caller, not at destruction
  return EC;
}

/// Opens Path as it is (following links) and writes into it: for FIFOs,
/// devices and links to nothing, where a rename would replace the node.
llvm::Error writeInPlace(llvm::StringRef Path, llvm::StringRef Contents) {
  int FD = -1;
  if (std::error_code EC = fs::openFileForWrite(Path, FD, fs::CD_CreateAlways, fs::OF_None))
    return cannotWrite(Path, EC);
  if (std::error_code EC = writeAndClose(FD, Contents))
    return cannotWrite(Path, EC);
  return llvm::Error::success();
}

/// One file of writeOutputFiles between its checks and its rename: a
/// regular file's contents wait in a temporary file beside it; anything
/// else is written in place when committed.
class StagedFile {
public:
  StagedFile(llvm::StringRef Path, llvm::StringRef Contents) : Path(Path), Contents(Contents) {}
  StagedFile(const StagedFile &) = delete;
  StagedFile &operator=(const StagedFile &) = delete;
  ~StagedFile() { discard(); }

  /// Checks what Path is; a regular file, new or existing, gets its
  /// temporary file, written whole.
  llvm::Error stage();
  /// Renames the temporary file over the target, or writes in place.
  llvm::Error commit();

private:
  llvm::Error stageReplacement(llvm::StringRef File, std::optional<fs::file_status> Existing);
  void discard();

  std::string Path;
  llvm::StringRef Contents;
  std::string Target;              // the regular file to replace; "": write Path in place
  llvm::SmallString<256> TempPath; // "" when there is none (any more)
};

llvm::Error StagedFile::stage() {
  fs::file_status Status;
  std::error_code EC = fs::status(Path, Status, /*Follow=*/true);
  if (EC == std::errc::no_such_file_or_directory) {
    // Nothing there, or a link to nothing: writing through the link creates
    // its target, which is what the link asks for.
    fs::file_status Link;
    if (!fs::status(Path, Link, /*Follow=*/false) && fs::is_symlink_file(Link))
      return llvm::Error::success();
    return stageReplacement(Path, std::nullopt);
  }
  if (EC)
    return cannotWrite(Path, EC);
  if (fs::is_directory(Status))
    return cannotWrite(Path, std::make_error_code(std::errc::is_a_directory));
  if (!fs::is_regular_file(Status))
    return llvm::Error::success();
  // A regular file, maybe behind links: replace the file, keep the links.
  llvm::SmallString<256> RealFile;
  if (std::error_code RealEC = fs::real_path(Path, RealFile))
    return cannotWrite(Path, RealEC);
  if (std::error_code AccessEC = fs::access(RealFile, fs::AccessMode::Write))
    return cannotWrite(Path, AccessEC);
  return stageReplacement(RealFile, Status);
}

/// Writes the temporary file beside File. Existing, when set, is File's
/// status: its permissions and ownership carry over.
llvm::Error StagedFile::stageReplacement(llvm::StringRef File,
                                         std::optional<fs::file_status> Existing) {
  llvm::SmallString<256> Model(File);
  Model += ".pdflow-%%%%%%%%.tmp";
  int FD = -1;
  if (std::error_code EC = fs::createUniqueFile(Model, FD, TempPath, fs::OF_None)) {
    TempPath.clear();
    return cannotWrite(File, EC);
  }
  llvm::sys::RemoveFileOnSignal(TempPath);
  Target = File.str();
  if (Existing) {
    // Best effort: only root may give a file to another user.
    (void)fs::changeFileOwnership(FD, Existing->getUser(), Existing->getGroup());
    if (std::error_code EC = fs::setPermissions(FD, Existing->permissions() & fs::all_perms)) {
      fs::closeFile(FD);
      return cannotWrite(Target, EC);
    }
  }
  if (std::error_code EC = writeAndClose(FD, Contents))
    return cannotWrite(Target, EC);
  return llvm::Error::success();
}

llvm::Error StagedFile::commit() {
  if (Target.empty())
    return writeInPlace(Path, Contents);
  if (std::error_code EC = fs::rename(TempPath, Target))
    return cannotWrite(Target, EC);
  llvm::sys::DontRemoveFileOnSignal(TempPath);
  TempPath.clear();
  return llvm::Error::success();
}

void StagedFile::discard() {
  if (TempPath.empty())
    return;
  fs::remove(TempPath);
  llvm::sys::DontRemoveFileOnSignal(TempPath);
  TempPath.clear();
}

} // namespace

llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Contents) {
  return writeOutputFiles({{Path, Contents}});
}

llvm::Error writeOutputFiles(llvm::ArrayRef<OutputFileContents> Files) {
  std::list<StagedFile> Staged; // not movable: a temporary file is removed once
  for (const OutputFileContents &F : Files)
    if (llvm::Error E = Staged.emplace_back(F.Path, F.Contents).stage())
      return E;
  for (StagedFile &S : Staged)
    if (llvm::Error E = S.commit())
      return E;
  return llvm::Error::success();
}

llvm::Error writeStandardOutput(llvm::StringRef Contents) {
  llvm::raw_fd_ostream &OS = llvm::outs();
  OS << Contents;
  OS.flush();
  if (!OS.has_error())
    return llvm::Error::success();
  std::error_code EC = OS.error();
  OS.clear_error(); // reported by the caller, not at exit
  return llvm::createStringError(EC, "cannot write to standard output: " + errorReason(EC));
}

} // namespace pdflow
