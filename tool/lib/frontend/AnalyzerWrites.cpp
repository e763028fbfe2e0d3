// FunctionAnalyzer: where a write lands: locals, the objects behind `this`,
// parameters and pointers, globals, sink objects.
#include "FunctionAnalyzer.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

namespace {
bool refersElsewhere(QualType T) { return T->isReferenceType() || T->isPointerType(); }

/// V placed at member path Path ("" or ".a.b") of the object written into.
Value placed(const Value &V, const std::string &Path) {
  std::string At = Path.empty() ? Path : Path.substr(1);
  Value Out;
  for (Origin O : V)
    if (placeOrigin(O, At))
      addOrigin(Out, std::move(O));
  return Out;
}
} // namespace

bool FunctionAnalyzer::localPlace(const Expr *E, Place &Out) const {
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !(VD->hasLocalStorage() || isa<ParmVarDecl>(VD)))
      return false;
    Out = {VD, "", VD->getType()->isReferenceType(), ""};
    return true;
  }
  if (isa<CXXThisExpr>(E)) {
    // `this` points to the caller's object.
    Out = {ThisVar, "", true, ""};
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(ME->getMemberDecl()) || !localPlace(ME->getBase(), Out))
      return false;
    // Through `->` the object is the one the base points to.
    if (ME->isArrow() && (Out.Var == ThisVar || refersElsewhere(ME->getBase()->getType()))) {
      Out.Indirect = true;
      Out.AddressPath = Out.Path;
    }
    Out.Path += "." + ME->getMemberDecl()->getNameAsString();
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      return localPlace(UO->getSubExpr(), Out);
    if (UO->getOpcode() == UO_Deref && localPlace(UO->getSubExpr(), Out)) {
      if (!Out.Indirect) {
        Out.Indirect = true;
        Out.AddressPath = Out.Path;
      }
      return true;
    }
  }
  return false;
}

void FunctionAnalyzer::storeLocal(const Place &P, const Value &V, bool Strong) {
  Env &L = cur().Cur.Locals;
  if (!Strong) {
    addValue(L[{P.Var, P.Path}], V);
    return;
  }
  for (auto It = L.lower_bound({P.Var, P.Path}); It != L.end() && It->first.first == P.Var;) {
    const std::string &Q = It->first.second;
    if (Q.compare(0, P.Path.size(), P.Path) != 0)
      break;
    if (Q.size() == P.Path.size() || Q[P.Path.size()] == '.')
      It = L.erase(It);
    else
      ++It;
  }
  L[{P.Var, P.Path}] = V;
}

/// A store into an object the function does not own: the caller's object
/// behind `this`, a reference or pointer parameter, whatever a local pointer
/// points to. The solver learns from the address which object that is.
void FunctionAnalyzer::writeThrough(const Place &P, const Value &V, const Expr *At,
                                    const Expr *Target) {
  Value Val = placed(V, P.Path.substr(P.AddressPath.size()));
  if (P.Var == ThisVar && P.AddressPath.empty()) {
    addWrite({WriteTargetKind::This, "", "", 0, std::move(Val), loc(At)}, At);
    return;
  }
  Write W{WriteTargetKind::Through, "", "", 0, std::move(Val), loc(At)};
  W.Address = addressOf(P);
  if (W.Address.empty())
    return;
  addWrite(std::move(W), At);
}

Value FunctionAnalyzer::addressOf(const Place &P) {
  if (!P.AddressPath.empty())
    return readLocal(P.Var, P.AddressPath, false);
  if (P.Var == ThisVar)
    return {Origin::thisObject()};
  auto It = cur().Addresses.find(P.Var);
  return It == cur().Addresses.end() ? Value{} : It->second;
}

void FunctionAnalyzer::addWrite(Write W, const Stmt *Key) {
  Frame &F = cur();
  auto K = std::make_tuple(Key, static_cast<int>(W.Target), W.Ref, W.Index, std::string());
  auto [It, New] = F.Writes.try_emplace(K, F.Facts.Writes.size());
  if (New) {
    F.Facts.Writes.push_back(std::move(W));
    return;
  }
  Write &Known = F.Facts.Writes[It->second];
  addValue(Known.Val, W.Val);
  addValue(Known.Address, W.Address);
}

void FunctionAnalyzer::assign(const Expr *Target, Value V, bool Strong, const Expr *At) {
  Target = strip(Target);
  Place P;
  if (localPlace(Target, P)) {
    addStep(V, At, "stored in '" + text(Target) + "'");
    // A write through a pointer or a reference changes the object it points
    // to; the local's view of it is changed too.
    storeLocal(P, V, Strong);
    if (P.Indirect)
      writeThrough(P, V, At, Target);
    else if (P.Path.empty() && P.Var != ThisVar && refersElsewhere(P.Var->getType()))
      addValue(cur().Addresses[P.Var], V); // the pointer itself now points elsewhere
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Target)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      addWrite({WriteTargetKind::Global, usrOf(VD), qualifiedName(VD), 0, V, loc(At)}, At);
    return;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
    const ValueDecl *Member = ME->getMemberDecl();
    if (isa<VarDecl>(Member)) {
      addWrite({WriteTargetKind::Global, usrOf(Member), qualifiedName(Member), 0, V, loc(At)}, At);
      return;
    }
    // The member of an object with no local name: a global's, a call
    // result's, an array element's. The solver finds the object from the
    // address, or falls back to the field's program-wide node.
    addStep(V, At, "stored in field '" + qualifiedName(Member) + "'");
    std::string Name = Member->getNameAsString();
    Write W{WriteTargetKind::Through, usrOf(Member), qualifiedName(Member), 0,
            placed(V, "." + Name), loc(At)};
    const Expr *Base = strip(ME->getBase());
    if (const auto *BaseRef = dyn_cast<DeclRefExpr>(Base);
        BaseRef && isa<VarDecl>(BaseRef->getDecl()) && !ME->isArrow()) {
      // A global object's own member: its node, placed.
      addWrite({WriteTargetKind::Global, usrOf(BaseRef->getDecl()),
                qualifiedName(BaseRef->getDecl()), 0, std::move(W.Val), loc(At)},
               At);
      return;
    }
    W.Address = expr(Base);
    addWrite(std::move(W), At);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Target)) {
    // v[i] = x, m.at(k) = x, *it = x: into the container.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      return assign(MC->getImplicitObjectArgument(), V, false, At);
    if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0)
      return assign(Call->getArg(0), V, false, At);
    return;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Target))
    return assign(ASE->getBase(), V, false, At);
  if (const auto *UO = dyn_cast<UnaryOperator>(Target); UO && UO->getOpcode() == UO_Deref)
    assignPointee(UO->getSubExpr(), std::move(V), At); // *f() = x
}

void FunctionAnalyzer::assignPointee(const Expr *Pointer, Value V, const Expr *At) {
  const Expr *P = strip(Pointer);
  if (const auto *UO = dyn_cast<UnaryOperator>(P); UO && UO->getOpcode() == UO_AddrOf)
    return assign(UO->getSubExpr(), std::move(V), false, At);
  if (P->getType()->isArrayType())
    return assign(P, std::move(V), false, At); // an array names its own elements
  Place Ptr;
  if (localPlace(P, Ptr)) {
    Ptr.Indirect = true; // the pointer sits at Path; the object is what it points to
    Ptr.AddressPath = Ptr.Path;
    addStep(V, At, "stored in '*" + text(P) + "'");
    storeLocal(Ptr, V, false);
    writeThrough(Ptr, V, At, P);
    return;
  }
  Write W{WriteTargetKind::Through, "", "", 0, std::move(V), loc(At)};
  W.Address = expr(P);
  if (!W.Address.empty())
    addWrite(std::move(W), At);
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

} // namespace pdflow
