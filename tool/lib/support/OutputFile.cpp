#include "pdflow/support/OutputFile.h"

#include "pdflow/support/Text.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

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

/// Writes a temporary file beside Target and renames it over Target.
/// Existing, when set, is Target's status: its permissions and ownership
/// carry over.
llvm::Error replaceRegularFile(llvm::StringRef Target, std::optional<fs::file_status> Existing,
                               llvm::StringRef Contents) {
  llvm::SmallString<256> Model(Target);
  Model += ".pdflow-%%%%%%%%.tmp";
  llvm::SmallString<256> TempPath;
  int FD = -1;
  if (std::error_code EC = fs::createUniqueFile(Model, FD, TempPath, fs::OF_None))
    return cannotWrite(Target, EC);
  llvm::sys::RemoveFileOnSignal(TempPath);
  bool Renamed = false;
  auto Cleanup = llvm::make_scope_exit([&] {
    if (!Renamed)
      fs::remove(TempPath);
    llvm::sys::DontRemoveFileOnSignal(TempPath);
  });
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
  if (std::error_code EC = fs::rename(TempPath, Target))
    return cannotWrite(Target, EC);
  Renamed = true;
  return llvm::Error::success();
}

} // namespace

llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Contents) {
  fs::file_status Status;
  std::error_code EC = fs::status(Path, Status, /*Follow=*/true);
  if (EC == std::errc::no_such_file_or_directory) {
    // Nothing there, or a link to nothing: writing through the link creates
    // its target, which is what the link asks for.
    fs::file_status Link;
    if (!fs::status(Path, Link, /*Follow=*/false) && fs::is_symlink_file(Link))
      return writeInPlace(Path, Contents);
    return replaceRegularFile(Path, std::nullopt, Contents);
  }
  if (EC)
    return cannotWrite(Path, EC);
  if (fs::is_directory(Status))
    return cannotWrite(Path, std::make_error_code(std::errc::is_a_directory));
  if (!fs::is_regular_file(Status))
    return writeInPlace(Path, Contents);
  // A regular file, maybe behind links: replace the file, keep the links.
  llvm::SmallString<256> Target;
  if (std::error_code RealEC = fs::real_path(Path, Target))
    return cannotWrite(Path, RealEC);
  if (std::error_code AccessEC = fs::access(Target, fs::AccessMode::Write))
    return cannotWrite(Path, AccessEC);
  return replaceRegularFile(Target, Status, Contents);
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
