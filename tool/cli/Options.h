#ifndef PDFLOW_CLI_OPTIONS_H
#define PDFLOW_CLI_OPTIONS_H

#include "pdflow/support/Diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace pdflow {

struct CliOptions {
  std::string Command;
  std::string BuildDir;
  std::vector<std::string> Files;
  std::string ConfigFile;
  std::string Format;               // after parsing: the command's default when not given
  std::string Output;               // -o (register: the last one)
  std::vector<std::string> Outputs; // every -o, in order (register writes each)
  unsigned Jobs = 0;                // 0: one per core
  bool Flows = false;
  bool Help = false;
  bool Stats = false;                      // phase times and peak memory on stderr
  bool Quiet = false;                      // no progress line
  double TuTimeout = 0;                    // seconds; 0: no limit
  std::vector<std::string> FactsDirs;      // inventory/scan/baseline/register --facts
  unsigned ShardIndex = 0, ShardCount = 1; // facts --shard K/N, 0-based
  bool Infer = false; // scan, inventory, baseline, facts: infer data elements from names
  std::optional<unsigned> MinConfidence; // with inference: from which confidence (0-100)
  Severity FailOn = Severity::Warning;
  std::string BaselineFile;     // scan --baseline F
  std::string NewSince;         // scan --new-since REV
  bool AllowIncomplete = false; // a file that fails to parse does not make the exit code 3
  // register
  std::string Lang; // --lang en|fr; "": en
  std::string CheckFile;
  std::string SourceUrl;
};

/// The register format a file name asks for by its extension (".html":
/// "html"), or "".
std::string registerFormatOfPath(const std::string &Path);

/// Parses the words after "pdflow". On failure returns false with a message
/// naming the option and what it accepts.
bool parseOptions(const std::vector<std::string> &Args, CliOptions &Out, std::string &Error);

} // namespace pdflow

#endif
