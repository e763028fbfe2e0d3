// FunctionAnalyzer: calls and constructions, user code and library models.
#include "FunctionAnalyzer.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

namespace {
/// Several call sites can come from one call expression: the call itself, a
/// lambda handed to a library function, a write into a sink object.
enum SiteSlot : int {
  CallSlot = 0,
  SinkMethodSlot = 1,
  ObjectWriteSlot = 2,
  ArgumentWriteSlot = 100, // + argument index
  LambdaSlot = 1000,       // + the lambda's position among the arguments
};

/// `__begin1.operator*()` in a range-based for loop's expansion: Clang's
/// iterator, not a step the user wrote.
bool onImplicitVariable(const Expr *Object) {
  const auto *DRE = Object ? dyn_cast<DeclRefExpr>(strip(Object)) : nullptr;
  return DRE && DRE->getDecl()->isImplicit();
}

bool writesThroughParameter(QualType P) {
  return (P->isLValueReferenceType() && !P->getPointeeType().isConstQualified()) ||
         (P->isPointerType() && !P->getPointeeType().isConstQualified());
}
} // namespace

Value FunctionAnalyzer::VisitCXXConstructExpr(const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  std::vector<Value> Args;
  Value All;
  for (const Expr *A : CE->arguments()) {
    Args.push_back(expr(A));
    addValue(All, Args.back());
  }
  const SourceManager &SM = AC.getSourceManager();
  std::string Name = qualifiedName(Ctor);
  bool Library = isInSystemHeader(SM, Ctor->getLocation());
  bool Sink = Index.annotations(Ctor) || Index.context().Models.sinkForFunction(Name);
  if (!Sink && (Library || Ctor->isTrivial() || Ctor->isDefaulted()))
    return All; // a copy, a conversion or a library constructor: same data
  CallShape Shape;
  Shape.Args = std::move(Args);
  size_t Id = site(CE, CallSlot, Ctor, &Shape);
  if (Library)
    return All;
  return {Origin::callOutArg(static_cast<int>(Id), -1)};
}

FunctionAnalyzer::CallShape FunctionAnalyzer::shapeOf(const CallExpr *Call) {
  CallShape C;
  C.Callee = Call->getDirectCallee();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    C.ObjectExpr = MC->getImplicitObjectArgument();
    C.ArgExprs.assign(MC->arg_begin(), MC->arg_end());
  } else if (isa<CXXOperatorCallExpr>(Call) && C.Callee && isa<CXXMethodDecl>(C.Callee) &&
             !cast<CXXMethodDecl>(C.Callee)->isStatic() && Call->getNumArgs() > 0) {
    C.ObjectExpr = Call->getArg(0);
    C.ArgExprs.assign(Call->arg_begin() + 1, Call->arg_end());
  } else {
    C.ArgExprs.assign(Call->arg_begin(), Call->arg_end());
  }
  if (C.ObjectExpr)
    C.Object = expr(C.ObjectExpr);
  for (const Expr *A : C.ArgExprs)
    C.Args.push_back(expr(A));
  if (C.Callee) {
    C.Name = qualifiedName(C.Callee);
    C.Library = isInSystemHeader(AC.getSourceManager(), C.Callee->getLocation());
    if (const auto *M = dyn_cast<CXXMethodDecl>(C.Callee); M && M->getParent()->isLambda())
      C.Library = false;
  }
  return C;
}

/// A whole object handed over may carry personal fields; the solver knows
/// which classes do.
Value FunctionAnalyzer::wholeObjectArgument(const Expr *A, Value V) {
  QualType T = A->getType();
  std::string Class = className(T);
  if (Class.empty() || isCallable(T) || T->isPointerType() || isa<CXXThisExpr>(strip(A)))
    return V;
  const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (R && !isInSystemHeader(AC.getSourceManager(), R->getLocation()))
    addOrigin(V, Origin::objectType(Class).with({loc(A), "whole '" + text(A) + "'"}));
  return V;
}

size_t FunctionAnalyzer::site(const Stmt *S, int Slot, const FunctionDecl *Callee,
                              const CallShape *Shape) {
  Frame &F = cur();
  auto [It, New] = F.Sites.try_emplace({S, Slot}, F.Facts.Calls.size());
  if (New) {
    CallSite Site;
    if (Callee) {
      Site.CalleeUsr = usrOf(Callee);
      Site.CalleeName = qualifiedName(Callee);
    }
    Site.Loc = isa<Expr>(S) ? loc(cast<Expr>(S)) : loc(S->getBeginLoc());
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(Callee);
          M && M->isVirtual() && !isa<CXXOperatorCallExpr>(Call)) {
        // `Base::f()` names one function; `f()` dispatches.
        const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
        Site.Virtual = !(ME && ME->hasQualifier());
      }
      unsigned Offset = Shape && Shape->ObjectExpr && isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
      for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
        if (const auto *Lit = dyn_cast<StringLiteral>(strip(Call->getArg(I))))
          Site.StringArgs[static_cast<int>(I - Offset)] = Lit->getString().str();
    }
    F.Facts.Calls.push_back(std::move(Site));
  }
  // Visited again round a loop: what it is passed now includes what it was.
  CallSite &Site = F.Facts.Calls[It->second];
  if (Shape) {
    Site.Args = Shape->Args;
    Site.Object = Shape->Object;
  }
  Site.ConsentGuards = F.Cur.Guards;
  return It->second;
}

Value FunctionAnalyzer::argumentUnion(const CallShape &C, bool WithObject) const {
  Value V;
  for (const Value &A : C.Args)
    addValue(V, A);
  if (WithObject)
    addValue(V, C.Object);
  return V;
}

/// A call through a callable value: a lambda we saw, held in a local.
Value FunctionAnalyzer::callThroughValue(const CallExpr *Call) {
  Value Callee = expr(Call->getCallee());
  CallShape C;
  for (const Expr *A : Call->arguments())
    C.Args.push_back(expr(A));
  int K = 0;
  for (const Origin &O : Callee)
    if (O.Kind == OriginKind::Lambda) {
      size_t Id = site(Call, LambdaSlot + K++, nullptr, &C);
      cur().Facts.Calls[Id].CalleeUsr = O.Ref;
    }
  return {};
}

/// A callable handed to a library function (std::function, algorithms) is
/// called by it with the data it was given.
void FunctionAnalyzer::callablesPassedToLibrary(const CallExpr *Call, const CallShape &C) {
  Value Callables = C.Object;
  for (const Value &A : C.Args)
    addValue(Callables, A);
  Value Data = argumentUnion(C, false);
  Data.erase(std::remove_if(Data.begin(), Data.end(),
                            [](const Origin &X) { return X.Kind == OriginKind::Lambda; }),
             Data.end());
  int K = 0;
  for (const Origin &O : Callables) {
    if (O.Kind != OriginKind::Lambda)
      continue;
    CallShape Passed;
    Passed.Args.assign(4, Data);
    size_t Id = site(Call, LambdaSlot + K++, nullptr, &Passed);
    CallSite &S = cur().Facts.Calls[Id];
    S.CalleeUsr = O.Ref;
    S.CalleeName = "(lambda)";
  }
}

/// Writes into a sink object (std::cout << x, an ofstream, a `type:` logger)
/// leave the program there. Returns false when Target is no sink object.
bool FunctionAnalyzer::writeIntoSinkObject(const CallExpr *Call, int Slot, const Expr *Target,
                                           const Value &V, const CallShape &C) {
  const Expr *Base = writeBase(Target);
  std::string TypeName;
  std::string SinkName = Base ? sinkObjectOf(Base, TypeName) : std::string();
  if (SinkName.empty())
    return false;
  size_t Id = site(Call, Slot, C.Callee, nullptr);
  CallSite &S = cur().Facts.Calls[Id];
  // Every `<<` of one chain writes into the same object: report them at the
  // object (std::cout, LOG(INFO)), once.
  S.Loc = loc(Base);
  S.SinkObject = SinkName;
  S.SinkObjectType = TypeName;
  S.WrittenValue = V;
  return true;
}

void FunctionAnalyzer::writeIntoArgument(const CallExpr *Call, int Slot, const Expr *Target,
                                         const Value &V, const CallShape &C) {
  if (!Target || writeIntoSinkObject(Call, Slot, Target, V, C))
    return;
  // Through a pointer the callee writes into what it points to; through a
  // reference, into the object itself.
  if (strip(Target)->getType()->isPointerType())
    assignPointee(Target, V, Call);
  else
    assign(Target, V, false, Call);
}

void FunctionAnalyzer::applyPropagators(const CallExpr *Call, const CallShape &C,
                                        Value &Result) {
  for (const PropagatorModel *P : Index.context().Models.propagatorsFor(C.Name)) {
    Value From;
    if (P->From.empty())
      From = argumentUnion(C, true);
    for (int I : P->From) {
      if (I == -1)
        addValue(From, C.Object);
      else if (I >= 0 && static_cast<size_t>(I) < C.Args.size())
        addValue(From, C.Args[I]);
    }
    if (!onImplicitVariable(C.ObjectExpr))
      addStep(From, Call, "through '" + C.Name + "'");
    if (P->To == -1)
      addValue(Result, From);
    else if (P->To == -2)
      writeIntoArgument(Call, ObjectWriteSlot, C.ObjectExpr, From, C);
    else if (static_cast<size_t>(P->To) < C.ArgExprs.size())
      writeIntoArgument(Call, ArgumentWriteSlot + P->To, C.ArgExprs[P->To], From, C);
  }
}

/// The callee may write through non-const references and pointers, and into
/// its object.
void FunctionAnalyzer::userCallEffects(const CallExpr *Call, const CallShape &C, size_t Site) {
  int Id = static_cast<int>(Site);
  for (size_t I = 0; I < C.ArgExprs.size() && I < C.Callee->getNumParams(); ++I)
    if (writesThroughParameter(C.Callee->getParamDecl(I)->getType()))
      writeIntoArgument(Call, ArgumentWriteSlot + static_cast<int>(I), C.ArgExprs[I],
                        {Origin::callOutArg(Id, static_cast<int>(I))}, C);
  const auto *M = dyn_cast<CXXMethodDecl>(C.Callee);
  if (C.ObjectExpr && M && !M->isConst())
    writeIntoArgument(Call, ObjectWriteSlot, C.ObjectExpr, {Origin::callOutArg(Id, -1)}, C);
}

Value FunctionAnalyzer::libraryCall(const CallExpr *Call, CallShape &C, Value Result) {
  const ModelIndex &Models = Index.context().Models;
  bool Modelled = !Models.propagatorsFor(C.Name).empty();
  bool Transform = Models.transformFor(C.Name) != nullptr;
  bool Interesting = Models.sinkForFunction(C.Name) || Transform ||
                     Index.annotations(C.Callee) || !Index.consentPurposes(Call).empty();
  if (!Interesting) {
    // An unmodelled library function returning something other than a
    // number or a yes/no: assume it passes its inputs through (string and
    // container accessors, iterators, algorithms).
    QualType R = C.Callee->getReturnType();
    if (!Modelled && !R->isVoidType() && !isArithmetic(R)) {
      Value V = argumentUnion(C, true);
      if (!onImplicitVariable(C.ObjectExpr))
        addStep(V, Call, "through '" + C.Name + "'");
      addValue(Result, V);
    }
    return Result;
  }
  size_t Id = site(Call, CallSlot, C.Callee, &C);
  if (Transform || (Index.annotations(C.Callee) && !Modelled))
    addOrigin(Result, Origin::callResult(static_cast<int>(Id)));
  return Result;
}

Value FunctionAnalyzer::VisitCallExpr(const CallExpr *Call) {
  // Assignment operators of class types are assignments: the left side is
  // written, not read.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee())) {
    Value V = expr(Op->getArg(1));
    assign(Op->getArg(0), V, /*Strong=*/true, Call);
    return V;
  }
  CallShape C = shapeOf(Call);
  if (!C.Callee)
    return callThroughValue(Call);
  for (size_t I = 0; I < C.Args.size(); ++I)
    C.Args[I] = wholeObjectArgument(C.ArgExprs[I], std::move(C.Args[I]));
  if (C.Library)
    callablesPassedToLibrary(Call, C);

  Value Result;
  // Annotated return values are data elements.
  if (std::string Id = Index.elementOf(C.Callee); !Id.empty())
    addValue(Result, elementRead(Id, Call, "'" + text(Call) + "'"));
  applyPropagators(Call, C, Result);

  // A method called on a sink-typed object: its arguments leave.
  bool Modelled = !Index.context().Models.propagatorsFor(C.Name).empty();
  if (C.ObjectExpr && !Modelled &&
      writeIntoSinkObject(Call, SinkMethodSlot, C.ObjectExpr, argumentUnion(C, false), C))
    return Result;

  if (C.Library)
    return libraryCall(Call, C, std::move(Result));
  size_t Id = site(Call, CallSlot, C.Callee, &C);
  addOrigin(Result, Origin::callResult(static_cast<int>(Id)));
  userCallEffects(Call, C, Id);
  if (returnsSelf(C.Callee) && C.ObjectExpr)
    addValue(Result, C.Object);
  return Result;
}

} // namespace pdflow
