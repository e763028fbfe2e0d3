#ifndef PDFLOW_CLI_RUNREPORTER_H
#define PDFLOW_CLI_RUNREPORTER_H

// What the command line says on stderr while an analysis runs: tool
// diagnostics as soon as they are known, a one-line progress display on a
// terminal, and with --stats the time and memory of each phase.

#include "pdflow/analysis/Analysis.h"

#include <mutex>
#include <string>

namespace pdflow {

class RunReporter {
public:
  /// Progress shows only when stderr is a terminal and Quiet is off, so CI
  /// logs and redirected output stay clean.
  RunReporter(bool Quiet, std::string RelativeTo);
  ~RunReporter();

  /// Hooks the reporter into Req.
  void attach(AnalysisRequest &Req);
  /// Clears the progress line for good.
  void finish();

  /// "pdflow: stats: parse+extract 12.3 s, link 0.4 s, ..." on stderr.
  static void printStats(const PhaseTimes &Times, double OutputSeconds);

private:
  void diagnostic(const Diagnostic &D);
  void progress(const Progress &P);
  void clearLine();

  bool ShowProgress;
  bool Color;
  std::string RelativeTo;
  std::mutex Mutex;
  bool LineShown = false;
};

} // namespace pdflow

#endif
