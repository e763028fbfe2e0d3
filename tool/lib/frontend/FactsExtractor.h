#ifndef PDFLOW_FRONTEND_FACTSEXTRACTOR_H
#define PDFLOW_FRONTEND_FACTSEXTRACTOR_H

#include "pdflow/facts/Facts.h"
#include "pdflow/frontend/Frontend.h"

#include "clang/Frontend/FrontendAction.h"

#include <chrono>
#include <optional>

namespace pdflow {

/// When a TU's analysis must stop (--tu-timeout): checked between functions
/// and between CFG blocks, never inside Clang's own parsing.
class Deadline {
public:
  Deadline() = default;
  explicit Deadline(double Seconds)
      : At(std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(
               std::chrono::duration<double>(Seconds))) {}
  bool passed() const { return At && std::chrono::steady_clock::now() >= *At; }

private:
  std::optional<std::chrono::steady_clock::time_point> At;
};

/// The frontend action that fills a TU's facts from its AST.
class FactsAction : public clang::ASTFrontendAction {
public:
  FactsAction(const FrontendContext &Ctx, TUFacts &Out, const Deadline &Limit)
      : Ctx(Ctx), Out(Out), Limit(Limit) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override;

private:
  const FrontendContext &Ctx;
  TUFacts &Out;
  const Deadline &Limit;
};

} // namespace pdflow

#endif
