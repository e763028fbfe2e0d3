//===- RegisterCommand.h - pdflow register -----------------------*- C++ -*-===//
#ifndef PDFLOW_CLI_REGISTERCOMMAND_H
#define PDFLOW_CLI_REGISTERCOMMAND_H

#include "Options.h"

#include "pdflow/analysis/Analysis.h"

#include <string>

namespace pdflow {

/// Writes Text to Path atomically ("" or "-": standard output); false after
/// printing why it could not.
using OutputWriter = bool (*)(const std::string &Path, const std::string &Text);

/// `pdflow register` on a finished analysis: the register in O.Format,
/// missing fields on stderr, and with --check the drift against a committed
/// YAML register. Returns the exit code: 0, 1 on drift, 2 on a usage or
/// config error, 3 when the analysis is incomplete (nothing is written).
int runRegister(const CliOptions &O, const AnalysisResult &R, OutputWriter Write);

} // namespace pdflow

#endif
