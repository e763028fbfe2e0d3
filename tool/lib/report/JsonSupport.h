// Helpers shared by the JSON-based renderers (scan JSON, SARIF, baselines).
#ifndef PDFLOW_REPORT_JSONSUPPORT_H
#define PDFLOW_REPORT_JSONSUPPORT_H

#include "pdflow/support/Text.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace pdflow::jsonsupport {

namespace json = llvm::json;

/// JSON strings must be UTF-8; source text and file names may not be (a
/// Latin-1 literal or path). Their other bytes are escaped as "\xNN", not
/// replaced, so that a file name can be found again.
inline std::string utf8(const std::string &S) { return escapeInvalidUtf8(S); }

/// A string, or null when empty.
inline json::Value text(const std::string &S) {
  return S.empty() ? json::Value(nullptr) : json::Value(utf8(S));
}

/// A positive number, or null for 0 (unknown).
inline json::Value number(unsigned N) {
  return N ? json::Value(static_cast<int64_t>(N)) : json::Value(nullptr);
}

inline json::Array texts(const std::vector<std::string> &Items) {
  json::Array A;
  for (const std::string &Item : Items)
    A.push_back(text(Item));
  return A;
}

/// Pretty-printed with a 2-space indent, keys sorted, and a final newline.
inline std::string print(const json::Value &V) { return llvm::formatv("{0:2}", V).str() + "\n"; }

} // namespace pdflow::jsonsupport

#endif
