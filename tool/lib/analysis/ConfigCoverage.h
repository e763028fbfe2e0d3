#ifndef PDFLOW_ANALYSIS_CONFIGCOVERAGE_H
#define PDFLOW_ANALYSIS_CONFIGCOVERAGE_H

// Config models the analysed code never lets apply: a sink or consent check
// whose glob names nothing the code defines or calls, a sink whose `args`
// no call passes. Either is silent otherwise: the entry just never fires.

#include "pdflow/config/Config.h"
#include "pdflow/solver/Solver.h"

#include <vector>

namespace pdflow {

struct ConfigCoverage {
  /// "sink 'acme::log::*' matches no function ..." warnings, at the entry.
  std::vector<Diagnostic> Unmatched;
  /// invalid-annotation errors at the entry: `args` indexes out of range.
  std::vector<Diagnostic> BadArgs;
};

/// Checks the config's own sinks and consent checks (not the built-in
/// library models, most of which a program does not use) against what P
/// defines and calls.
ConfigCoverage checkConfigCoverage(const Program &P, const ModelSet &FromConfig);

} // namespace pdflow

#endif
