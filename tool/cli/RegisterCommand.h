//===- RegisterCommand.h - pdflow register -----------------------*- C++ -*-===//
#ifndef PDFLOW_CLI_REGISTERCOMMAND_H
#define PDFLOW_CLI_REGISTERCOMMAND_H

#include "Options.h"

#include "pdflow/analysis/Analysis.h"

namespace pdflow {

/// `pdflow register` on a finished analysis: the register in each requested
/// format (every file written beside its target first, then renamed, so a
/// failed run leaves none half-written), missing fields on stderr, and with
/// --check the drift against a committed YAML register. Returns the exit
/// code: 0; 1 on drift; 2 on a usage or config error; 3 when the analysis
/// is incomplete (nothing is written then).
int runRegister(const CliOptions &O, const AnalysisResult &R);

} // namespace pdflow

#endif
