#include "RunReporter.h"

#include "pdflow/support/Diagnostics.h"
#include "pdflow/support/Text.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/resource.h>

namespace pdflow {

RunReporter::RunReporter(bool Quiet, std::string RelativeTo)
    : ShowProgress(!Quiet && llvm::sys::Process::StandardErrIsDisplayed()),
      Color(llvm::errs().has_colors()), RelativeTo(std::move(RelativeTo)) {}

RunReporter::~RunReporter() { finish(); }

void RunReporter::attach(AnalysisRequest &Req) {
  Req.OnToolDiagnostic = [this](const Diagnostic &D) { diagnostic(D); };
  if (ShowProgress)
    Req.OnProgress = [this](const Progress &P) { progress(P); };
}

void RunReporter::finish() {
  std::lock_guard<std::mutex> Lock(Mutex);
  clearLine();
}

void RunReporter::diagnostic(const Diagnostic &D) {
  Diagnostic Shown = D;
  relativizePaths(Shown, RelativeTo);
  std::lock_guard<std::mutex> Lock(Mutex);
  clearLine();
  llvm::errs() << formatDiagnostic(Shown, Color);
}

void RunReporter::progress(const Progress &P) {
  std::string Line;
  switch (P.What) {
  case Progress::Phase::Parsing: {
    llvm::SmallString<256> File(P.File);
    llvm::sys::path::replace_path_prefix(File, RelativeTo + "/", "");
    Line = "[" + std::to_string(P.Done) + "/" + std::to_string(P.Total) + "] parsing " +
           escapeNonPrintable(File.str());
    break;
  }
  case Progress::Phase::Solving:
    Line = "solving the flows";
    break;
  case Progress::Phase::Checking:
    Line = "checking the rules";
    break;
  }
  std::lock_guard<std::mutex> Lock(Mutex);
  llvm::errs() << "\r" << Line << "\x1b[K";
  llvm::errs().flush();
  LineShown = true;
}

void RunReporter::clearLine() {
  if (!LineShown)
    return;
  llvm::errs() << "\r\x1b[K";
  llvm::errs().flush();
  LineShown = false;
}

void RunReporter::printStats(const PhaseTimes &Times, double OutputSeconds) {
  struct rusage Usage {};
  getrusage(RUSAGE_SELF, &Usage);
  double PeakMB = static_cast<double>(Usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB
  llvm::errs() << llvm::format("pdflow: stats: parse+extract %.2f s, link %.2f s, solve %.2f s, "
                               "checks %.2f s, output %.2f s, peak RSS %.0f MB\n",
                               Times.Parse, Times.Link, Times.Solve, Times.Checks, OutputSeconds,
                               PeakMB);
}

} // namespace pdflow
