#include "FactsExtractor.h"

#include "AstNames.h"

#include "pdflow/frontend/Frontend.h"

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

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
    Out.ParseFailed = true;
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
            llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, const FrontendContext &Ctx) {
  TUFacts Facts;
  Facts.MainFile = MainFile;
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  ErrorCollector Errors(Facts);
  tooling::ToolInvocation Invocation(std::move(Args),
                                     std::make_unique<FactsAction>(Ctx, Facts), Files.get(),
                                     std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Errors);
  if (!Invocation.run() && !Facts.ParseFailed) {
    Facts.ParseFailed = true;
    Facts.Diags.push_back({pdflow::Severity::Error, {MainFile, 0, 0},
                           "clang could not run on this file with its compile command", "",
                           {}, {}});
  }
  return Facts;
}

} // namespace

TUFacts extractFacts(const CompileCommand &Cmd, const FrontendContext &Ctx) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      llvm::vfs::createPhysicalFileSystem().release());
  FS->setCurrentWorkingDirectory(Cmd.Directory);
  return run(adjustArguments(Cmd.Args), Cmd.File, FS, Ctx);
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
  return run(adjustArguments(Command), FileName, Overlay, Ctx);
}

void extractAll(const std::vector<CompileCommand> &Cmds, const FrontendContext &Ctx,
                unsigned Jobs, const std::function<void(TUFacts)> &Consume) {
  if (Jobs <= 1) {
    for (const CompileCommand &Cmd : Cmds)
      Consume(extractFacts(Cmd, Ctx));
    return;
  }
  // A reorder buffer: TUs finish in any order, Consume sees them in order.
  std::mutex Mutex;
  std::map<size_t, TUFacts> Done;
  size_t Next = 0;
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Cmds.size(); ++I)
    Pool.async([&, I] {
      TUFacts Facts = extractFacts(Cmds[I], Ctx);
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
