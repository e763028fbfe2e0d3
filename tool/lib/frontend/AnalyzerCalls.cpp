// FunctionAnalyzer: calls and constructions, user code and library models.
#include "FunctionAnalyzer.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

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

  const auto &Propagators = Models.propagatorsFor(Name);
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

} // namespace pdflow
