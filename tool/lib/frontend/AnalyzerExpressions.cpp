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
  const Expr *S = strip(E);
  Frame &F = cur();
  // Computed in this visit of this block, or by another block (a branch of
  // `?:`, the right side of `&&`) on its latest visit.
  if (auto It = F.Values.find(S);
      It != F.Values.end() && (It->second.Visit == F.Visit || It->second.Block != F.Block))
    return It->second.V;
  Value V = evaluate(S);
  F.Values[S] = {V, F.Block, F.Visit};
  return V;
}

Value FunctionAnalyzer::evaluate(const Expr *E) { return Visit(E); }

Value FunctionAnalyzer::VisitStmt(const Stmt *S) {
  Value V;
  for (const Stmt *Child : S->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      addValue(V, expr(CE));
  return V;
}

Value FunctionAnalyzer::VisitCXXThisExpr(const CXXThisExpr *) {
  return readLocal(ThisVar, "", false);
}

Value FunctionAnalyzer::VisitUnaryOperator(const UnaryOperator *UO) {
  Value V = expr(UO->getSubExpr());
  if (UO->getOpcode() == UO_LNot)
    return {}; // a yes/no answer about the data is not the data
  return V;
}

Value FunctionAnalyzer::VisitAbstractConditionalOperator(const AbstractConditionalOperator *CO) {
  Value V = expr(CO->getTrueExpr());
  addValue(V, expr(CO->getFalseExpr()));
  return V;
}

Value FunctionAnalyzer::VisitOpaqueValueExpr(const OpaqueValueExpr *OVE) {
  return expr(OVE->getSourceExpr());
}

Value FunctionAnalyzer::VisitCXXNewExpr(const CXXNewExpr *New) {
  return New->getInitializer() ? expr(New->getInitializer()) : Value{};
}

Value FunctionAnalyzer::VisitCXXDefaultInitExpr(const CXXDefaultInitExpr *DI) {
  return DI->getExpr() ? expr(DI->getExpr()) : Value{};
}

Value FunctionAnalyzer::elementRead(const std::string &Id, const Expr *E,
                                    const std::string &What) {
  SourceLoc L = E ? loc(E) : SourceLoc{};
  if (cur().UsesSeen.insert({Id, L}).second)
    Uses.push_back({Id, L, cur().Facts.QualifiedName, {}});
  Origin O = Origin::element(Id);
  if (E)
    O.Trail.push_back({L, "read " + What});
  return {std::move(O)};
}

Value FunctionAnalyzer::VisitDeclRefExpr(const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  if (const auto *BD = dyn_cast<BindingDecl>(D))
    return bindingRead(BD);
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD)
    return {};
  std::string Id = Index.elementOf(VD);
  if (VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || cur().Cur.Locals.count({VD, ""})) {
    Value V = readLocal(VD, "", isArithmetic(VD->getType()));
    if (!Id.empty() && !isa<ParmVarDecl>(VD))
      addValue(V, elementRead(Id, DRE, "'" + text(DRE) + "'"));
    return V;
  }
  if (!Id.empty())
    return elementRead(Id, DRE, "'" + text(DRE) + "'");
  return {Origin::global(usrOf(VD)).with({loc(DRE), "read global '" + qualifiedName(VD) + "'"})};
}

/// `auto [e, n] = ...`: a binding is a member, an element or a `get<I>` of
/// the hidden variable holding the initializer.
Value FunctionAnalyzer::bindingRead(const BindingDecl *BD) {
  const Expr *Binding = BD->getBinding();
  if (!Binding)
    return {};
  Value V = expr(Binding);
  // A tuple-like binding is a reference variable initialised by get<I>().
  if (const VarDecl *Holding = BD->getHoldingVar())
    addValue(V, readLocal(Holding, "", false));
  return V;
}

Value FunctionAnalyzer::readLocal(const ValueDecl *Var, const std::string &Path,
                                  bool Arithmetic) {
  Value V;
  const Env &L = cur().Cur.Locals;
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
      for (Origin O : It->second)
        if (placeOrigin(O, Below))
          addOrigin(V, std::move(O));
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

Value FunctionAnalyzer::VisitMemberExpr(const MemberExpr *ME) {
  const ValueDecl *Member = ME->getMemberDecl();
  if (const auto *FD = dyn_cast<FieldDecl>(Member))
    return fieldRead(ME, FD);
  // A static data member reads like a global.
  if (const auto *VD = dyn_cast<VarDecl>(Member)) {
    if (std::string Id = Index.elementOf(VD); !Id.empty())
      return elementRead(Id, ME, "'" + text(ME) + "'");
    return {Origin::global(usrOf(VD)).with({loc(ME), "read '" + text(ME) + "'"})};
  }
  return expr(ME->getBase()); // a method named for a call: its object
}

Value FunctionAnalyzer::fieldRead(const MemberExpr *ME, const FieldDecl *FD) {
  if (std::string Id = Index.elementOf(FD); !Id.empty())
    return elementRead(Id, ME, "'" + text(ME) + "'");
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
  Place P;
  if (localPlace(ME, P))
    return readLocal(P.Var, P.Path, Arithmetic);
  if (Arithmetic)
    return {};
  // An object with no name here (a call's result, an element of an array):
  // what its own access path holds, and what was stored into this field of
  // objects with no better name (see docs/architecture.md).
  Value V = projected(expr(ME->getBase()), FD->getNameAsString());
  addOrigin(V, Origin::field(usrOf(FD)).with(
                   {loc(ME), "read field '" + qualifiedName(FD) + "'"}));
  return V;
}

Value FunctionAnalyzer::VisitBinaryOperator(const BinaryOperator *BO) {
  if (BO->getOpcode() == BO_Assign) {
    Value V = expr(BO->getRHS());
    assign(BO->getLHS(), V, /*Strong=*/true, BO);
    return V;
  }
  if (BO->isCompoundAssignmentOp()) {
    Value V = expr(BO->getRHS());
    assign(BO->getLHS(), V, false, BO);
    addValue(V, expr(BO->getLHS()));
    return V;
  }
  if (BO->getOpcode() == BO_Comma)
    return expr(BO->getRHS());
  if (BO->isComparisonOp() || BO->isLogicalOp())
    return {}; // a yes/no answer about the data is not the data
  Value L = expr(BO->getLHS());
  addValue(L, expr(BO->getRHS()));
  return L;
}

Value FunctionAnalyzer::VisitLambdaExpr(const LambdaExpr *LE) {
  const CXXMethodDecl *Op = LE->getCallOperator();
  Env Captures;
  auto CaptureLocal = [&](const ValueDecl *Var) {
    for (auto It = cur().Cur.Locals.lower_bound({Var, ""});
         It != cur().Cur.Locals.end() && It->first.first == Var; ++It)
      Captures[It->first] = It->second;
  };
  for (const LambdaCapture &C : LE->captures()) {
    if (C.capturesThis())
      CaptureLocal(ThisVar);
    if (!C.capturesVariable())
      continue;
    const auto *Var = dyn_cast<VarDecl>(C.getCapturedVar());
    if (!Var)
      continue;
    // [mail = p.email]: a variable of the lambda's own, initialised here.
    if (Var->isInitCapture()) {
      Captures[{Var, ""}] = expr(Var->getInit());
      continue;
    }
    CaptureLocal(Var);
  }
  if (LambdasDone.insert(Op).second)
    analyzeBody(Op, LE->getBody(), std::move(Captures));
  return {Origin::lambda(usrOf(Op))};
}

} // namespace pdflow
