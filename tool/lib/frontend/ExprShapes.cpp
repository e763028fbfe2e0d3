#include "ExprShapes.h"

#include "AstNames.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

const Expr *strip(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<FullExpr>(E))
      E = F->getSubExpr();
    else if (const auto *C = dyn_cast<CXXFunctionalCastExpr>(E))
      E = C->getSubExpr();
    else if (const auto *C = dyn_cast<CStyleCastExpr>(E))
      E = C->getSubExpr();
    else if (const auto *C = dyn_cast<CXXNamedCastExpr>(E))
      E = C->getSubExpr();
    else
      return E;
  }
}

bool isCallable(QualType T) {
  const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  return R && (R->isLambda() || qualifiedName(R) == "std::function");
}

bool returnsSelf(const FunctionDecl *FD) {
  QualType R = FD->getReturnType();
  if (!R->isReferenceType())
    return false;
  QualType Target = R->getPointeeType().getCanonicalType().getUnqualifiedType();
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && !M->isStatic())
    return Target == QualType(M->getParent()->getTypeForDecl(), 0).getCanonicalType();
  if (FD->getNumParams() == 0)
    return false;
  QualType P = FD->getParamDecl(0)->getType();
  return P->isReferenceType() &&
         P->getPointeeType().getCanonicalType().getUnqualifiedType() == Target;
}

} // namespace pdflow
