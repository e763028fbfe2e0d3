//===- OutputFile.h - Writing a report where the user asked -----*- C++ -*-===//
//
// `-o FILE` and standard output. A report is either written whole or not at
// all, and writing it never replaces what is not a plain file of the user's.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_SUPPORT_OUTPUTFILE_H
#define PDFLOW_SUPPORT_OUTPUTFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace pdflow {

/// Writes Contents to Path:
/// - a regular file, new or existing, also through a symbolic link, is
///   written into a unique temporary file in the same directory, closed,
///   checked, then renamed over it: a reader sees the old report or the new
///   one, never part of one. An existing file keeps its permissions (and its
///   owner and group where the process may set them); a read-only one is
///   refused, and the link stays a link;
/// - anything else but a directory (a FIFO, /dev/null, a terminal, a
///   symbolic link to nothing yet) is written in place;
/// - a directory is refused.
/// The temporary file is removed on every failure, and by a signal handler
/// if the process is interrupted while it exists. The error reads
/// "cannot write 'PATH': REASON", REASON as strerror words it.
llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Contents);

/// One file of writeOutputFiles; the strings must outlive the call.
struct OutputFileContents {
  llvm::StringRef Path;
  llvm::StringRef Contents;
};

/// Writes several files as writeOutputFile writes one, and replaces none
/// of them until all are ready: every regular file is first written whole
/// into its temporary file, then the temporary files are renamed in order
/// (and the files that are written in place, written). Stops at the first
/// error; the temporary files not renamed yet are removed.
llvm::Error writeOutputFiles(llvm::ArrayRef<OutputFileContents> Files);

/// Writes Contents to standard output and flushes it. A failure (a full
/// disk, a closed descriptor) is returned, never left for the exit.
llvm::Error writeStandardOutput(llvm::StringRef Contents);

} // namespace pdflow

#endif
