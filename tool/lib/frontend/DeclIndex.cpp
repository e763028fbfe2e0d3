#include "DeclIndex.h"

#include "AstNames.h"

#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

void DeclIndex::addElement(const Decl *D, std::string ElementId) {
  Elements[D->getCanonicalDecl()] = std::move(ElementId);
}

std::string DeclIndex::elementOf(const Decl *D) const {
  auto It = Elements.find(D->getCanonicalDecl());
  return It == Elements.end() ? std::string() : It->second;
}

void DeclIndex::addAnnotation(const FunctionDecl *FD, const ParsedAnnotation &A) {
  Annotations[FD->getCanonicalDecl()].push_back(A);
}

const std::vector<ParsedAnnotation> *DeclIndex::annotations(const FunctionDecl *FD) const {
  auto It = Annotations.find(FD->getCanonicalDecl());
  return It == Annotations.end() ? nullptr : &It->second;
}

static std::string stringLiteralArg(const CallExpr *Call, unsigned Index) {
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                            isa<CXXMethodDecl>(Call->getDirectCallee())
                        ? 1
                        : 0;
  if (Index + Offset >= Call->getNumArgs())
    return {};
  const Expr *E = Call->getArg(Index + Offset)->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1)
    E = C->getArg(0)->IgnoreParenImpCasts();
  if (const auto *S = dyn_cast<StringLiteral>(E))
    return S->getString().str();
  return {};
}

std::vector<std::string> DeclIndex::consentPurposes(const CallExpr *Call) const {
  std::vector<std::string> Out;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return Out;
  if (const auto *Anns = annotations(FD))
    for (const ParsedAnnotation &A : *Anns)
      if (A.Kind == AnnotationKind::ConsentCheck)
        Out.push_back(A.ConsentPurpose);
  if (const ConsentCheckModel *M = Ctx.Models.consentCheckFor(qualifiedName(FD))) {
    if (!M->Purpose.empty())
      Out.push_back(M->Purpose);
    else if (M->PurposeArg)
      if (std::string P = stringLiteralArg(Call, *M->PurposeArg); !P.empty())
        Out.push_back(P);
  }
  return Out;
}

} // namespace pdflow
