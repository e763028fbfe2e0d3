#include "FunctionAnalyzer.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace pdflow {
using namespace clang;

namespace {
constexpr size_t MaxTrail = 24;
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
