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
  std::string Format = "text";
  std::string Output;
  unsigned Jobs = 0; // 0: one per core
  bool Flows = false;
  bool Help = false;
  bool Stats = false; // phase times and peak memory on stderr
  bool Quiet = false; // no progress line
  double TuTimeout = 0; // seconds; 0: no limit
  std::vector<std::string> FactsDirs; // scan/inventory --facts
  unsigned ShardIndex = 0, ShardCount = 1; // facts --shard K/N, 0-based
  bool Infer = false;   // scan, inventory: infer data elements from names
  std::optional<unsigned> MinConfidence; // scan, inventory, suggest
  Severity FailOn = Severity::Warning;
};

/// Parses the words after "pdflow". On failure returns false with a message
/// naming the option and what it accepts.
bool parseOptions(const std::vector<std::string> &Args, CliOptions &Out, std::string &Error);

} // namespace pdflow

#endif
