#ifndef PDFLOW_REPORT_LINEHASH_H
#define PDFLOW_REPORT_LINEHASH_H

// GitHub code scanning's primaryLocationLineHash: for each line of a file, a
// rolling hash of the 100 characters (spaces and tabs skipped, line ends
// normalised to '\n') starting at the line, then ":<n>" numbering equal
// hashes in the file. Computed the way github/codeql-action's upload-sarif
// computes it (src/fingerprints.ts), so that the value pdflow writes is the
// one the action would have filled in, and its consistency check passes.

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace pdflow {

/// The hash of each line of Text (UTF-8): element i is line i + 1's. A file
/// ending in a newline has one more (empty) line, as in the action.
std::vector<std::string> lineHashes(llvm::StringRef Text);

} // namespace pdflow

#endif
