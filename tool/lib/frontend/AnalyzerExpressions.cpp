// FunctionAnalyzer: the origins of an expression's value.
#include "FunctionAnalyzer.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

Value FunctionAnalyzer::expr(const Expr *E) {
  if (!E)
    return {};
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return declRef(DRE);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return member(ME);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return call(Call);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return construct(CE);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return binary(BO);
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return lambda(LE);
  if (isa<CXXThisExpr>(E)) {
    Value V;
    addOrigin(V, Origin{OriginKind::This, "", 0, 0, false, 0, {}});
    return V;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    Value V = expr(UO->getSubExpr());
    if (UO->getOpcode() == UO_LNot)
      return {};
    return V;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    expr(CO->getCond());
    Value V = expr(CO->getTrueExpr());
    addValue(V, expr(CO->getFalseExpr()));
    return V;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E))
    return New->getInitializer() ? expr(New->getInitializer()) : Value{};
  if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E))
    return DI->getExpr() ? expr(DI->getExpr()) : Value{};
  if (isa<CXXDefaultArgExpr>(E) || isa<StringLiteral>(E) || isa<IntegerLiteral>(E) ||
      isa<UnaryExprOrTypeTraitExpr>(E) || isa<CXXBoolLiteralExpr>(E))
    return {};
  return children(E);
}

Value FunctionAnalyzer::children(const Stmt *S) {
  Value V;
  for (const Stmt *Child : S->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      addValue(V, expr(CE));
  return V;
}

Value FunctionAnalyzer::elementRead(const std::string &Id, const Expr *E,
                                    const std::string &What) {
  SourceLoc L = E ? loc(E) : SourceLoc{};
  Uses.push_back({Id, L, cur().Facts.QualifiedName, {}});
  Value V;
  Origin O{OriginKind::Element, Id, 0, 0, false, 0, {}};
  if (E)
    O.Trail.push_back({L, "read " + What});
  addOrigin(V, std::move(O));
  return V;
}

Value FunctionAnalyzer::declRef(const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD)
    return {};
  std::string Id = Index.elementOf(VD);
  if (VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || cur().Locals.count({VD, ""})) {
    Value V = readLocal(VD, "", isArithmetic(VD->getType()));
    if (!Id.empty() && !isa<ParmVarDecl>(VD))
      addValue(V, elementRead(Id, DRE, "'" + text(DRE) + "'"));
    return V;
  }
  if (!Id.empty())
    return elementRead(Id, DRE, "'" + text(DRE) + "'");
  Value V;
  addOrigin(V, Origin{OriginKind::Global, usrOf(VD), 0, 0, false, 0,
                      {{loc(DRE), "read global '" + qualifiedName(VD) + "'"}}});
  return V;
}

Value FunctionAnalyzer::readLocal(const ValueDecl *Var, const std::string &Path,
                                  bool Arithmetic) {
  Value V;
  const Env &L = cur().Locals;
  // The path itself, and what is stored below it, tagged with where it sits
  // so that a callee reading one member of the object gets that member's.
  for (auto It = L.lower_bound({Var, Path}); It != L.end() && It->first.first == Var; ++It) {
    const std::string &P = It->first.second;
    if (P.compare(0, Path.size(), Path) != 0)
      break;
    if (P.size() == Path.size()) {
      addValue(V, It->second);
    } else if (P[Path.size()] == '.') {
      std::string Below = P.substr(Path.size() + 1);
      for (Origin O : It->second) {
        O.At = O.At.empty() ? Below : Below + "." + O.At;
        addOrigin(V, std::move(O));
      }
    }
  }
  // Stored above it (the whole object or a parent path), through the member.
  if (!Path.empty() && !Arithmetic) {
    for (size_t Dot = Path.size(); Dot != std::string::npos;) {
      Dot = Path.rfind('.', Dot - 1);
      std::string Parent = Dot == std::string::npos ? "" : Path.substr(0, Dot);
      std::string Member = Path.substr(Parent.size() + 1); // paths start with '.' 
      if (auto It = L.find({Var, Parent}); It != L.end())
        addValue(V, projected(It->second, Member));
      if (Dot == std::string::npos || Dot == 0)
        break;
    }
  }
  return V;
}

Value FunctionAnalyzer::projected(const Value &V, const std::string &Member) {
  Value Out;
  for (const Origin &O : V) {
    Origin P = O;
    if (projectOrigin(P, Member))
      addOrigin(Out, std::move(P));
  }
  return Out;
}

Value FunctionAnalyzer::member(const MemberExpr *ME) {
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD) {
    // A static data member reads like a global.
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
      if (std::string Id = Index.elementOf(VD); !Id.empty())
        return elementRead(Id, ME, "'" + text(ME) + "'");
      Value V;
      addOrigin(V, Origin{OriginKind::Global, usrOf(VD), 0, 0, false, 0,
                          {{loc(ME), "read '" + text(ME) + "'"}}});
      return V;
    }
    return expr(ME->getBase());
  }
  if (std::string Id = Index.elementOf(FD); !Id.empty()) {
    expr(ME->getBase()); // for the calls it may contain
    return elementRead(Id, ME, "'" + text(ME) + "'");
  }
  // Any object of a class annotated as a whole is personal data: reading it,
  // or reading a member of it, reads that data.
  for (const RecordDecl *R : std::initializer_list<const RecordDecl *>{
           FD->getType()->getAsRecordDecl(), FD->getParent()})
    if (R)
      if (std::string Id = Index.elementOf(R); !Id.empty()) {
        Value V = elementRead(Id, ME, "'" + text(ME) + "'");
        addValue(V, projected(expr(ME->getBase()), FD->getNameAsString()));
        return V;
      }
  bool Arithmetic = isArithmetic(FD->getType());
  const ValueDecl *Var = nullptr;
  std::string Path;
  if (localPath(ME, Var, Path)) {
    Value V = readLocal(Var, Path, Arithmetic);
    // Methods may have stored into the field of this very object.
    Origin Node{OriginKind::Field, usrOf(FD), 0, 0, false, 0,
                {{loc(ME), "read field '" + qualifiedName(FD) + "'"}}};
    if (!Arithmetic)
      addOrigin(V, std::move(Node));
    return V;
  }
  Value V;
  addOrigin(V, Origin{OriginKind::Field, usrOf(FD), 0, 0, false, 0,
                      {{loc(ME), "read field '" + qualifiedName(FD) + "'"}}});
  // Through `this` too: a method on a local object sees what was stored
  // into that object's fields by its caller.
  if (!Arithmetic)
    addValue(V, projected(expr(ME->getBase()), FD->getNameAsString()));
  return V;
}

Value FunctionAnalyzer::binary(const BinaryOperator *BO) {
  if (BO->getOpcode() == BO_Assign) {
    Value V = expr(BO->getRHS());
    assign(BO->getLHS(), V, /*Strong=*/true, BO);
    return V;
  }
  if (BO->isCompoundAssignmentOp()) {
    Value V = expr(BO->getRHS());
    assign(BO->getLHS(), V, false, BO);
    return expr(BO->getLHS());
  }
  if (BO->getOpcode() == BO_Comma) {
    expr(BO->getLHS());
    return expr(BO->getRHS());
  }
  Value L = expr(BO->getLHS());
  Value R = expr(BO->getRHS());
  if (BO->isComparisonOp() || BO->isLogicalOp())
    return {}; // a yes/no answer about the data is not the data
  addValue(L, R);
  return L;
}

Value FunctionAnalyzer::lambda(const LambdaExpr *LE) {
  const CXXMethodDecl *Op = LE->getCallOperator();
  Env Captures;
  for (const LambdaCapture &C : LE->captures()) {
    if (!C.capturesVariable())
      continue;
    const ValueDecl *Var = C.getCapturedVar();
    for (auto It = cur().Locals.lower_bound({Var, ""});
         It != cur().Locals.end() && It->first.first == Var; ++It)
      Captures[It->first] = It->second;
  }
  if (LambdasDone.insert(Op).second)
    analyzeBody(Op, LE->getBody(), std::move(Captures));
  Value V;
  addOrigin(V, Origin{OriginKind::Lambda, usrOf(Op), 0, 0, false, 0, {}});
  return V;
}


} // namespace pdflow
