#include "FunctionAnalyzer.h"

#include "AstNames.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace pdflow {
using namespace clang;

namespace {
constexpr size_t MaxTrail = 24;

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

/// True when a call's result is its own object or first argument: stream
/// insertion (os << x returns os) and builder-style chaining.
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
} // namespace

FunctionAnalyzer::FunctionAnalyzer(ASTContext &AC, const DeclIndex &Index,
                                   std::vector<FunctionFacts> &Out,
                                   std::vector<ElementUse> &Uses)
    : AC(AC), Index(Index), Out(Out), Uses(Uses) {}

void FunctionAnalyzer::analyze(const FunctionDecl *FD) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->getParent()->isLambda())
    return; // analysed where the lambda is written, with its captures
  analyzeBody(FD, FD->getBody(), {});
}

void FunctionAnalyzer::analyzeBody(const FunctionDecl *FD, const Stmt *Body, Env Captures) {
  Frames.emplace_back();
  Frame &F = cur();
  F.Locals = std::move(Captures);
  FunctionFacts &Facts = F.Facts;
  Facts.Usr = usrOf(FD);
  Facts.QualifiedName = qualifiedName(FD);
  Facts.Loc = loc(FD->getLocation());
  Facts.NumParams = FD->getNumParams();
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && !M->isStatic()) {
    Facts.IsMethod = true;
    Facts.ClassName = qualifiedName(M->getParent());
    for (const CXXMethodDecl *O : M->overridden_methods())
      Facts.Overrides.push_back(usrOf(O));
  }
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    F.ParamIndex[P] = I;
    Value V;
    addOrigin(V, Origin{OriginKind::Param, "", static_cast<int>(I), 0, false, 0, {}});
    if (std::string Id = Index.elementOf(P); !Id.empty()) {
      Origin O{OriginKind::Element, Id, 0, 0, false, 0,
               {{loc(P->getLocation()), "parameter '" + P->getNameAsString() + "'"}}};
      addOrigin(V, O);
      Uses.push_back({Id, loc(P->getLocation()), Facts.QualifiedName, {}});
    }
    F.Locals[{P, ""}] = V;
  }
  // Member initializers run before the body: `: email_(e)` stores into the object.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      const FieldDecl *Field = Init->getMember();
      if (!Field || !Init->isWritten())
        continue;
      Value V = expr(Init->getInit());
      addStep(V, Init->getInit(), "stored in field '" + qualifiedName(Field) + "'");
      cur().Facts.Writes.push_back(
          {WriteTargetKind::Field, usrOf(Field), qualifiedName(Field), 0, V, loc(Init->getInit())});
    }
  stmt(Body);
  Out.push_back(std::move(cur().Facts));
  Frames.pop_back();
}

// --- statements -------------------------------------------------------------

void FunctionAnalyzer::stmt(const Stmt *S) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    expr(E);
    return;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return compound(CS);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return ifStmt(If);
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return declStmt(DS);
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    if (const Expr *RV = R->getRetValue()) {
      Value V = expr(RV);
      addStep(V, RV, "returned");
      addValue(cur().Facts.Returns, V);
    }
    return;
  }
  if (const auto *FR = dyn_cast<CXXForRangeStmt>(S)) {
    if (FR->getInit())
      stmt(FR->getInit());
    Value Range = expr(FR->getRangeInit());
    addStep(Range, FR->getRangeInit(), "read back from '" + text(FR->getRangeInit()) + "'");
    const VarDecl *LoopVar = FR->getLoopVariable();
    Env Before = cur().Locals;
    cur().Locals[{LoopVar, ""}] = Range;
    loopBody(FR->getBody());
    for (auto &[K, V] : Before)
      addValue(cur().Locals[K], V);
    return;
  }
  if (const auto *W = dyn_cast<WhileStmt>(S)) {
    expr(W->getCond());
    return loopBody(W->getBody());
  }
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    stmt(For->getInit());
    if (For->getCond())
      expr(For->getCond());
    Env Before = cur().Locals;
    loopBody(For->getBody());
    if (For->getInc())
      expr(For->getInc());
    for (auto &[K, V] : Before)
      addValue(cur().Locals[K], V);
    return;
  }
  if (const auto *Do = dyn_cast<DoStmt>(S)) {
    loopBody(Do->getBody());
    expr(Do->getCond());
    return;
  }
  if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
    if (Sw->getInit())
      stmt(Sw->getInit());
    expr(Sw->getCond());
    Env Before = cur().Locals;
    stmt(Sw->getBody());
    for (auto &[K, V] : Before)
      addValue(cur().Locals[K], V);
    return;
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    Env Before = cur().Locals;
    stmt(Try->getTryBlock());
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      Env After = cur().Locals;
      for (auto &[K, V] : Before)
        addValue(cur().Locals[K], V);
      stmt(Try->getHandler(I)->getHandlerBlock());
      for (auto &[K, V] : After)
        addValue(cur().Locals[K], V);
    }
    return;
  }
  for (const Stmt *Child : S->children())
    stmt(Child);
}

void FunctionAnalyzer::compound(const CompoundStmt *CS) {
  size_t GuardDepth = cur().Guards.size();
  for (const Stmt *S : CS->body()) {
    stmt(S);
    // `if (!consents(c, "marketing")) return;` guards the rest of the block.
    if (const auto *If = dyn_cast<IfStmt>(S); If && !If->getElse() && alwaysExits(If->getThen()))
      for (std::string &P : consentIn(If->getCond(), /*Negated=*/true))
        cur().Guards.push_back(std::move(P));
  }
  cur().Guards.resize(GuardDepth);
}

void FunctionAnalyzer::ifStmt(const IfStmt *If) {
  if (If->getInit())
    stmt(If->getInit());
  if (If->getConditionVariableDeclStmt())
    stmt(If->getConditionVariableDeclStmt());
  expr(If->getCond());
  Env Before = cur().Locals;
  size_t GuardDepth = cur().Guards.size();

  for (std::string &P : consentIn(If->getCond(), false))
    cur().Guards.push_back(std::move(P));
  stmt(If->getThen());
  cur().Guards.resize(GuardDepth);
  Env AfterThen = std::move(cur().Locals);

  cur().Locals = Before;
  for (std::string &P : consentIn(If->getCond(), true))
    cur().Guards.push_back(std::move(P));
  stmt(If->getElse());
  cur().Guards.resize(GuardDepth);

  // A branch that always leaves contributes nothing to what follows.
  bool ThenExits = alwaysExits(If->getThen());
  bool ElseExits = If->getElse() && alwaysExits(If->getElse());
  if (ThenExits)
    return;
  if (ElseExits) {
    cur().Locals = std::move(AfterThen);
    return;
  }
  for (auto &[K, V] : AfterThen)
    addValue(cur().Locals[K], V);
}

void FunctionAnalyzer::loopBody(const Stmt *Body) {
  // Twice, so that a value carried round the loop once is seen by the uses
  // that precede its assignment in the body.
  Env Before = cur().Locals;
  stmt(Body);
  for (auto &[K, V] : Before)
    addValue(cur().Locals[K], V);
  stmt(Body);
  for (auto &[K, V] : Before)
    addValue(cur().Locals[K], V);
}

void FunctionAnalyzer::declStmt(const DeclStmt *DS) {
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      continue;
    Value V;
    if (const Expr *Init = VD->getInit()) {
      V = expr(Init);
      addStep(V, Init, "stored in '" + VD->getNameAsString() + "'");
      if (const auto *Call = dyn_cast<CallExpr>(strip(Init))) {
        auto Purposes = Index.consentPurposes(Call);
        if (!Purposes.empty())
          cur().ConsentVars[VD] = Purposes;
      }
    }
    if (std::string Id = Index.elementOf(VD); !Id.empty())
      addValue(V, elementRead(Id, nullptr, "'" + VD->getNameAsString() + "'"));
    cur().Locals[{VD, ""}] = std::move(V);
  }
}

// --- expressions ------------------------------------------------------------

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

Value FunctionAnalyzer::construct(const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  Value Args;
  for (const Expr *A : CE->arguments())
    addValue(Args, expr(A));
  const SourceManager &SM = AC.getSourceManager();
  if (isInSystemHeader(SM, Ctor->getLocation()) || Ctor->isTrivial() || Ctor->isDefaulted())
    return Args; // a copy, a conversion or a library constructor: same data
  FunctionFacts &F = cur().Facts;
  CallSite Site;
  Site.CalleeUsr = usrOf(Ctor);
  Site.CalleeName = qualifiedName(Ctor);
  Site.Loc = loc(CE);
  for (const Expr *A : CE->arguments())
    Site.Args.push_back(expr(A));
  Site.ConsentGuards = cur().Guards;
  int Id = static_cast<int>(F.Calls.size());
  F.Calls.push_back(std::move(Site));
  Value V;
  addOrigin(V, Origin{OriginKind::CallOutArg, "", Id, -1, false, 0, {}});
  return V;
}

Value FunctionAnalyzer::call(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  const SourceManager &SM = AC.getSourceManager();
  const ModelIndex &Models = Index.context().Models;

  // Split the object of a member call from the arguments.
  const Expr *ObjectExpr = nullptr;
  std::vector<const Expr *> ArgExprs;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    ObjectExpr = MC->getImplicitObjectArgument();
    ArgExprs.assign(MC->arg_begin(), MC->arg_end());
  } else if (isa<CXXOperatorCallExpr>(Call) && FD && isa<CXXMethodDecl>(FD) &&
             !cast<CXXMethodDecl>(FD)->isStatic() && Call->getNumArgs() > 0) {
    ObjectExpr = Call->getArg(0);
    ArgExprs.assign(Call->arg_begin() + 1, Call->arg_end());
  } else {
    ArgExprs.assign(Call->arg_begin(), Call->arg_end());
  }

  // Assignment operators of class types are assignments.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call); Op && ObjectExpr) {
    if (Op->getOperator() == OO_Equal && ArgExprs.size() == 1) {
      Value V = expr(ArgExprs[0]);
      assign(ObjectExpr, V, true, Call);
      return V;
    }
  }

  Value Object = ObjectExpr ? expr(ObjectExpr) : Value{};
  std::vector<Value> Args;
  for (const Expr *A : ArgExprs) {
    Value V = expr(A);
    // A whole object handed over may carry personal fields; the solver knows
    // which classes do.
    QualType T = A->getType();
    if (std::string Class = className(T);
        !Class.empty() && !isCallable(T) && !T->isPointerType() && !isa<CXXThisExpr>(strip(A))) {
      const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
      if (R && !isInSystemHeader(SM, R->getLocation()))
        addOrigin(V, Origin{OriginKind::ObjectType, Class, 0, 0, false, 0,
                            {{loc(A), "whole '" + text(A) + "'"}}});
    }
    Args.push_back(std::move(V));
  }

  FunctionFacts &F = cur().Facts;
  auto NewSite = [&](const FunctionDecl *Callee) -> int {
    CallSite Site;
    if (Callee) {
      Site.CalleeUsr = usrOf(Callee);
      Site.CalleeName = qualifiedName(Callee);
      if (const auto *M = dyn_cast<CXXMethodDecl>(Callee))
        Site.Virtual = M->isVirtual() && !isa<CXXOperatorCallExpr>(Call)
                           ? !(dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens()) &&
                               cast<MemberExpr>(Call->getCallee()->IgnoreParens())
                                   ->hasQualifier())
                           : false;
    }
    Site.Loc = loc(Call);
    Site.Args = Args;
    Site.Object = Object;
    for (size_t I = 0; I < ArgExprs.size(); ++I)
      if (const auto *S = dyn_cast<StringLiteral>(strip(ArgExprs[I])))
        Site.StringArgs[static_cast<int>(I)] = S->getString().str();
    Site.ConsentGuards = cur().Guards;
    F.Calls.push_back(std::move(Site));
    return static_cast<int>(F.Calls.size()) - 1;
  };
  auto Union = [&](bool WithObject) {
    Value V;
    for (const Value &A : Args)
      addValue(V, A);
    if (WithObject)
      addValue(V, Object);
    return V;
  };

  if (!FD) {
    // A call through a callable value: a lambda we saw, held in a local.
    Value Callee = expr(Call->getCallee());
    for (const Origin &O : Callee)
      if (O.Kind == OriginKind::Lambda) {
        int Id = NewSite(nullptr);
        F.Calls[Id].CalleeUsr = O.Ref;
      }
    return {};
  }

  std::string Name = qualifiedName(FD);
  // Library code is described by models; its bodies are never analysed.
  bool Library = isInSystemHeader(SM, FD->getLocation());
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->getParent()->isLambda())
    Library = false;

  // A callable handed to a library function (std::function, algorithms) is
  // called by it with the data it was given.
  if (Library) {
    Value Callables = Object;
    for (const Value &A : Args)
      addValue(Callables, A);
    for (const Origin &O : Callables) {
      if (O.Kind != OriginKind::Lambda)
        continue;
      int Id = NewSite(nullptr);
      CallSite &Site = F.Calls[Id];
      Site.CalleeUsr = O.Ref;
      Site.CalleeName = "(lambda)";
      Value Data = Union(false);
      Data.erase(std::remove_if(Data.begin(), Data.end(),
                                [](const Origin &X) { return X.Kind == OriginKind::Lambda; }),
                 Data.end());
      Site.Args.assign(4, Data);
      Site.Object.clear();
    }
  }

  Value Result;
  // Annotated return values are data elements.
  if (std::string Id = Index.elementOf(FD); !Id.empty())
    addValue(Result, elementRead(Id, Call, "'" + text(Call) + "'"));

  // Writes into a sink object: std::cout << x, an ofstream, a `type:` logger.
  auto WriteInto = [&](const Expr *Target, const Value &V) {
    const Expr *Base = writeBase(Target);
    std::string TypeName;
    std::string SinkName = Base ? sinkObjectOf(Base, TypeName) : std::string();
    if (!SinkName.empty()) {
      int Id = NewSite(FD);
      // Every `<<` of one chain writes into the same object: report them at
      // the object (std::cout, LOG(INFO)), once.
      F.Calls[Id].Loc = loc(Base);
      F.Calls[Id].SinkObject = SinkName;
      F.Calls[Id].SinkObjectType = TypeName;
      F.Calls[Id].WrittenValue = V;
      return;
    }
    if (Target)
      assign(Target, V, false, Call);
  };

  auto Propagators = Models.propagatorsFor(Name);
  bool Modelled = !Propagators.empty();
  for (const PropagatorModel *P : Propagators) {
    Value From;
    if (P->From.empty())
      From = Union(true);
    for (int I : P->From) {
      if (I == -1)
        addValue(From, Object);
      else if (I >= 0 && static_cast<size_t>(I) < Args.size())
        addValue(From, Args[I]);
      else if (I >= 0 && FD->isVariadic())
        for (size_t J = I; J < Args.size(); ++J)
          addValue(From, Args[J]);
    }
    addStep(From, Call, "through '" + Name + "'");
    if (P->To == -1)
      addValue(Result, From);
    else if (P->To == -2)
      WriteInto(ObjectExpr, From);
    else if (static_cast<size_t>(P->To) < ArgExprs.size())
      WriteInto(ArgExprs[P->To], From);
  }

  // A method called on a sink-typed object: its arguments leave.
  if (ObjectExpr && !Modelled) {
    std::string TypeName;
    if (std::string SinkName = sinkObjectOf(writeBase(ObjectExpr), TypeName); !SinkName.empty()) {
      int Id = NewSite(FD);
      F.Calls[Id].Loc = loc(writeBase(ObjectExpr)); // once per chain, at the object
      F.Calls[Id].SinkObject = SinkName;
      F.Calls[Id].SinkObjectType = TypeName;
      F.Calls[Id].WrittenValue = Union(false);
      return Result;
    }
  }

  bool Interesting = !Library || Models.sinkForFunction(Name) || Models.transformFor(Name) ||
                     Index.annotations(FD) || !Index.consentPurposes(Call).empty();
  if (Library && !Modelled && !Interesting) {
    // An unmodelled library function returning something other than a
    // number or a yes/no: assume it passes its inputs through (string and
    // container accessors, iterators, algorithms).
    QualType R = FD->getReturnType();
    if (!R->isVoidType() && !isArithmetic(R)) {
      Value V = Union(true);
      addStep(V, Call, "through '" + Name + "'");
      addValue(Result, V);
    }
    return Result;
  }
  if (!Interesting)
    return Result;

  int Id = NewSite(FD);
  if (!Library || Models.transformFor(Name) ||
      (Index.annotations(FD) && !Modelled))
    addOrigin(Result, Origin{OriginKind::CallResult, "", Id, 0, false, 0, {}});

  if (Library)
    return Result;
  // The callee may write through non-const references and pointers, and
  // into its object.
  for (size_t I = 0; I < ArgExprs.size() && I < FD->getNumParams(); ++I) {
    QualType P = FD->getParamDecl(I)->getType();
    bool Out = (P->isLValueReferenceType() && !P->getPointeeType().isConstQualified()) ||
               (P->isPointerType() && !P->getPointeeType().isConstQualified());
    if (!Out)
      continue;
    Value V;
    addOrigin(V, Origin{OriginKind::CallOutArg, "", Id, static_cast<int>(I), false, 0, {}});
    WriteInto(ArgExprs[I], V);
  }
  if (ObjectExpr) {
    const auto *M = dyn_cast<CXXMethodDecl>(FD);
    if (M && !M->isConst()) {
      Value V;
      addOrigin(V, Origin{OriginKind::CallOutArg, "", Id, -1, false, 0, {}});
      WriteInto(ObjectExpr, V);
    }
  }
  if (returnsSelf(FD) && ObjectExpr)
    addValue(Result, Object);
  return Result;
}

// --- writes -----------------------------------------------------------------

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

// --- helpers ----------------------------------------------------------------

void FunctionAnalyzer::addStep(Value &V, const Expr *At, const std::string &What) const {
  if (!At)
    return;
  FlowStep Step{loc(At), What};
  for (Origin &O : V) {
    if (O.Trail.size() >= MaxTrail || (!O.Trail.empty() && O.Trail.back() == Step))
      continue;
    O.Trail.push_back(Step);
  }
}

std::vector<std::string> FunctionAnalyzer::consentIn(const Expr *Cond, bool Negated) const {
  std::vector<std::string> Out;
  if (!Cond)
    return Out;
  Cond = strip(Cond);
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond); UO && UO->getOpcode() == UO_LNot)
    return consentIn(UO->getSubExpr(), !Negated);
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    // a && b: both hold in the then-branch; !(a || b): neither does.
    if ((BO->getOpcode() == BO_LAnd && !Negated) || (BO->getOpcode() == BO_LOr && Negated)) {
      Out = consentIn(BO->getLHS(), Negated);
      for (std::string &P : consentIn(BO->getRHS(), Negated))
        Out.push_back(std::move(P));
    }
    return Out;
  }
  if (Negated)
    return Out;
  if (const auto *Call = dyn_cast<CallExpr>(Cond))
    return Index.consentPurposes(Call);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Cond))
    if (auto It = Frames.back().ConsentVars.find(DRE->getDecl());
        It != Frames.back().ConsentVars.end())
      return It->second;
  return Out;
}

bool FunctionAnalyzer::alwaysExits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<CXXThrowExpr>(S) || isa<ContinueStmt>(S) || isa<BreakStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && alwaysExits(CS->body_back());
  if (const auto *E = dyn_cast<ExprWithCleanups>(S))
    return alwaysExits(E->getSubExpr());
  return false;
}

bool FunctionAnalyzer::isArithmetic(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  return T->isArithmeticType() || T->isEnumeralType() || T->isBooleanType();
}

SourceLoc FunctionAnalyzer::loc(const Expr *E) const {
  SourceLocation L = E->getExprLoc();
  if (const auto *Call = dyn_cast<CallExpr>(E); Call && !isa<CXXOperatorCallExpr>(E))
    L = Call->getBeginLoc();
  return loc(L);
}

SourceLoc FunctionAnalyzer::loc(SourceLocation L) const {
  return sourceLoc(AC.getSourceManager(), L);
}

std::string FunctionAnalyzer::text(const Expr *E) const {
  return exprText(E, AC.getSourceManager(), AC.getLangOpts());
}

} // namespace pdflow
