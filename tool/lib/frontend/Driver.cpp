#include "FactsExtractor.h"

#include "AstNames.h"

#include "pdflow/frontend/Frontend.h"

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/thread.h"

#include <csignal>
#include <map>
#include <mutex>

namespace pdflow {
using namespace clang;

namespace {

/// Keeps a TU's errors as pdflow diagnostics instead of printing them.
class ErrorCollector : public DiagnosticConsumer {
public:
  explicit ErrorCollector(TUFacts &Out) : Out(Out) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    Out.Outcome = TUOutcome::ParseFailed;
    llvm::SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    SourceLoc Loc;
    if (Info.hasSourceManager() && Info.getLocation().isValid())
      Loc = sourceLoc(Info.getSourceManager(), Info.getLocation());
    Out.Diags.push_back({pdflow::Severity::Error, Loc, std::string(Message), "", {}, {}});
  }

private:
  TUFacts &Out;
};

TUFacts run(std::vector<std::string> Args, const std::string &MainFile,
            llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, const FrontendContext &Ctx,
            const Deadline &Limit) {
  TUFacts Facts;
  Facts.MainFile = MainFile;
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  ErrorCollector Errors(Facts);
  tooling::ToolInvocation Invocation(std::move(Args),
                                     std::make_unique<FactsAction>(Ctx, Facts, Limit),
                                     Files.get(), std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Errors);
  if (!Invocation.run() && Facts.Outcome == TUOutcome::Complete) {
    Facts.Outcome = TUOutcome::ParseFailed;
    Facts.Diags.push_back({pdflow::Severity::Error, {MainFile, 0, 0},
                           "clang could not run on this file with its compile command", "",
                           {}, {}});
  }
  return Facts;
}

/// Deep recursion in Clang (its CFG builder on a 12,000-term expression)
/// needs more than a thread's default 8 MB; untouched pages cost nothing.
constexpr unsigned TUStackSize = 512u << 20;

/// A TU's stack overflowing is a crash like any other: the crash handler
/// needs a stack of its own to run on.
class AlternateSignalStack {
public:
  AlternateSignalStack() : Memory(Size) {
    stack_t S{};
    S.ss_sp = Memory.data();
    S.ss_size = Memory.size();
    Installed = sigaltstack(&S, &Previous) == 0;
  }
  ~AlternateSignalStack() {
    if (Installed)
      sigaltstack(&Previous, nullptr);
  }

private:
  static constexpr size_t Size = 1u << 16;
  std::vector<char> Memory;
  stack_t Previous{};
  bool Installed = false;
};

/// LLVM's crash recovery catches SIGSEGV and friends; run its handlers on the
/// alternate stack so that a stack overflow is caught too.
void enableCrashRecovery() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    llvm::CrashRecoveryContext::Enable();
    for (int Signal : {SIGSEGV, SIGBUS}) {
      struct sigaction Action;
      if (sigaction(Signal, nullptr, &Action) == 0) {
        Action.sa_flags |= SA_ONSTACK;
        sigaction(Signal, &Action, nullptr);
      }
    }
  });
}

} // namespace

TUFacts extractFacts(const CompileCommand &Cmd, const FrontendContext &Ctx,
                     double TimeoutSeconds) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      llvm::vfs::createPhysicalFileSystem().release());
  FS->setCurrentWorkingDirectory(Cmd.Directory);
  Deadline Limit = TimeoutSeconds > 0 ? Deadline(TimeoutSeconds) : Deadline();
  TUFacts Facts;
  bool Finished = false;
  // The alternate signal stack is set up outside the recovery context, so
  // that it is also taken down after a crash (which leaves the context by
  // longjmp): the thread must not end on it, AddressSanitizer would unmap
  // it as its own.
  llvm::thread Worker(std::optional<unsigned>(TUStackSize), [&] {
    AlternateSignalStack SignalStack;
    llvm::CrashRecoveryContext Recovery;
    Finished = Recovery.RunSafely(
        [&] { Facts = run(adjustArguments(Cmd.Args), Cmd.File, FS, Ctx, Limit); });
  });
  Worker.join();
  if (!Finished) {
    Facts = TUFacts{};
    Facts.MainFile = Cmd.File;
    Facts.Outcome = TUOutcome::Crashed;
  }
  return Facts;
}

TUFacts extractFactsFromCode(const std::string &Code, const std::string &FileName,
                             const std::vector<std::string> &Args,
                             const FrontendContext &Ctx) {
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
          llvm::vfs::createPhysicalFileSystem().release()));
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(FileName, 0, llvm::MemoryBuffer::getMemBufferCopy(Code));
  Overlay->pushOverlay(Memory);
  std::vector<std::string> Command{"clang++"};
  Command.insert(Command.end(), Args.begin(), Args.end());
  Command.push_back(FileName);
  return run(adjustArguments(Command), FileName, Overlay, Ctx, Deadline());
}

void extractAll(const std::vector<CompileCommand> &Cmds, const FrontendContext &Ctx,
                const ExtractOptions &Opts, const std::function<void(TUFacts)> &Consume) {
  enableCrashRecovery();
  auto Extract = [&](size_t I) {
    if (Opts.OnStart)
      Opts.OnStart(I);
    return extractFacts(Cmds[I], Ctx, Opts.TuTimeoutSeconds);
  };
  unsigned Jobs = std::max(1u, Opts.Jobs);
  if (Jobs == 1) {
    for (size_t I = 0; I < Cmds.size(); ++I)
      Consume(Extract(I));
    return;
  }
  // A reorder buffer: TUs finish in any order, Consume sees them in order.
  std::mutex Mutex;
  std::map<size_t, TUFacts> Done;
  size_t Next = 0;
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Cmds.size(); ++I)
    Pool.async([&, I] {
      TUFacts Facts = Extract(I);
      std::lock_guard<std::mutex> Lock(Mutex);
      Done.emplace(I, std::move(Facts));
      for (auto It = Done.find(Next); It != Done.end(); It = Done.find(Next)) {
        Consume(std::move(It->second));
        Done.erase(It);
        ++Next;
      }
    });
  Pool.wait();
}

} // namespace pdflow
