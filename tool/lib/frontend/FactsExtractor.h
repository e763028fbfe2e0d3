#ifndef PDFLOW_FRONTEND_FACTSEXTRACTOR_H
#define PDFLOW_FRONTEND_FACTSEXTRACTOR_H

#include "pdflow/facts/Facts.h"
#include "pdflow/frontend/Frontend.h"

#include "clang/Frontend/FrontendAction.h"

namespace pdflow {

/// The frontend action that fills a TU's facts from its AST.
class FactsAction : public clang::ASTFrontendAction {
public:
  FactsAction(const FrontendContext &Ctx, TUFacts &Out) : Ctx(Ctx), Out(Out) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override;

private:
  const FrontendContext &Ctx;
  TUFacts &Out;
};

} // namespace pdflow

#endif
