// FunctionAnalyzer: where a write lands, locals, fields, sink objects.
#include "FunctionAnalyzer.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

bool FunctionAnalyzer::localPath(const Expr *E, const ValueDecl *&Var, std::string &Path) const {
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !(VD->hasLocalStorage() || isa<ParmVarDecl>(VD)))
      return false;
    Var = VD;
    Path.clear();
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(ME->getMemberDecl()))
      return false;
    if (!localPath(ME->getBase(), Var, Path))
      return false;
    // Through a pointer the object is not the local's own.
    if (ME->isArrow() && !isa<ParmVarDecl>(Var))
      return false;
    Path += "." + ME->getMemberDecl()->getNameAsString();
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref)
    return localPath(UO->getSubExpr(), Var, Path);
  return false;
}

const Expr *FunctionAnalyzer::writeBase(const Expr *E) const {
  if (!E)
    return nullptr;
  E = strip(E);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return E;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      const Expr *Obj = MC->getImplicitObjectArgument();
      // os.write(...) returns os; LogMessage(...).stream() is the message's
      // own stream.
      std::string TypeName;
      if (returnsSelf(FD) || (FD->getReturnType()->isReferenceType() &&
                              !sinkObjectOf(writeBase(Obj), TypeName).empty()))
        return writeBase(Obj);
      return E;
    }
    if (returnsSelf(FD) && Call->getNumArgs() > 0)
      return writeBase(Call->getArg(0));
    return E;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return writeBase(ASE->getBase());
  return E;
}

std::string FunctionAnalyzer::sinkObjectOf(const Expr *Base, std::string &TypeName) const {
  if (!Base)
    return {};
  const ModelIndex &Models = Index.context().Models;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && !VD->hasLocalStorage()) {
      std::string Name = qualifiedName(VD);
      if (Models.sinkForObject(Name)) {
        TypeName.clear();
        return Name;
      }
    }
  for (const std::string &T : classAndBases(Base->getType()))
    if (Models.sinkForType({T})) {
      TypeName = T;
      return T;
    }
  return {};
}

void FunctionAnalyzer::assign(const Expr *Target, Value V, bool Strong, const Expr *At) {
  Target = strip(Target);
  FunctionFacts &F = cur().Facts;
  const ValueDecl *Var = nullptr;
  std::string Path;
  if (localPath(Target, Var, Path)) {
    addStep(V, At, "stored in '" + text(Target) + "'");
    Env &L = cur().Locals;
    if (Strong) {
      for (auto It = L.lower_bound({Var, Path}); It != L.end() && It->first.first == Var;) {
        const std::string &P = It->first.second;
        if (P.compare(0, Path.size(), Path) == 0 &&
            (P.size() == Path.size() || P[Path.size()] == '.'))
          It = L.erase(It);
        else
          ++It;
      }
      L[{Var, Path}] = V;
    } else {
      addValue(L[{Var, Path}], V);
    }
    // A write through a parameter reference is an out-parameter.
    if (auto It = cur().ParamIndex.find(Var); It != cur().ParamIndex.end()) {
      QualType T = Var->getType();
      if (T->isReferenceType() || T->isPointerType() || !Path.empty())
        F.Writes.push_back({WriteTargetKind::Param, "", "", It->second, V, loc(At)});
    }
    // Through a parameter the object is the caller's: readers of the field
    // elsewhere see it. A local's own fields stay with the local; methods
    // called on it see them through `this`.
    if (const auto *ME = dyn_cast<MemberExpr>(Target); ME && cur().ParamIndex.count(Var))
      F.Writes.push_back({WriteTargetKind::Field, usrOf(ME->getMemberDecl()),
                          qualifiedName(ME->getMemberDecl()), 0, V, loc(At)});
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Target)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      F.Writes.push_back({WriteTargetKind::Global, usrOf(VD), qualifiedName(VD), 0, V, loc(At)});
    return;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
    if (isa<VarDecl>(ME->getMemberDecl())) {
      F.Writes.push_back({WriteTargetKind::Global, usrOf(ME->getMemberDecl()),
                          qualifiedName(ME->getMemberDecl()), 0, V, loc(At)});
      return;
    }
    // Unannotated fields of objects that are not locals are one node per
    // field (see docs/architecture.md): readers of the field, and whole
    // objects of the class, see what is stored here.
    addStep(V, At, "stored in field '" + qualifiedName(ME->getMemberDecl()) + "'");
    F.Writes.push_back({WriteTargetKind::Field, usrOf(ME->getMemberDecl()),
                        qualifiedName(ME->getMemberDecl()), 0, V, loc(At)});
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Target)) {
    // v[i] = x, m.at(k) = x: into the container.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      return assign(MC->getImplicitObjectArgument(), V, false, At);
    if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0)
      return assign(Call->getArg(0), V, false, At);
    return;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Target))
    return assign(ASE->getBase(), V, false, At);
  if (isa<CXXThisExpr>(Target))
    F.Writes.push_back({WriteTargetKind::This, "", "", 0, V, loc(At)});
}

} // namespace pdflow
