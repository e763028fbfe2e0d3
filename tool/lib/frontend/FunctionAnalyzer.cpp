// FunctionAnalyzer: bodies, the CFG dataflow, statements and consent.
#include "FunctionAnalyzer.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include <algorithm>
#include <deque>

namespace pdflow {
using namespace clang;

namespace {
constexpr size_t MaxTrail = 24;
/// A safety net only: environments grow monotonically over finitely many
/// keys, so blocks stop changing long before.
constexpr unsigned MaxVisitsPerBlock = 64;

/// Blocks in reverse post-order from the entry: each block after its
/// predecessors, loops aside, so a fixpoint takes few rounds.
std::vector<const CFGBlock *> reversePostOrder(const CFG &G) {
  std::vector<const CFGBlock *> Order;
  std::vector<bool> Seen(G.getNumBlockIDs());
  // Iterative DFS: (block, next successor to look at).
  std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>> Stack;
  const CFGBlock &Entry = G.getEntry();
  Seen[Entry.getBlockID()] = true;
  Stack.push_back({&Entry, Entry.succ_begin()});
  while (!Stack.empty()) {
    auto &[B, It] = Stack.back();
    if (It == B->succ_end()) {
      Order.push_back(B);
      Stack.pop_back();
      continue;
    }
    const CFGBlock *S = It->getReachableBlock();
    ++It;
    if (S && !Seen[S->getBlockID()]) {
      Seen[S->getBlockID()] = true;
      Stack.push_back({S, S->succ_begin()});
    }
  }
  std::reverse(Order.begin(), Order.end());
  return Order;
}

bool sameOrigins(const Value &A, const Value &B) {
  if (A.size() != B.size())
    return false;
  for (const Origin &O : A)
    if (std::none_of(B.begin(), B.end(), [&](const Origin &X) { return X.key() == O.key(); }))
      return false;
  return true;
}

std::vector<std::string> sortedUnique(std::vector<std::string> V) {
  std::sort(V.begin(), V.end());
  V.erase(std::unique(V.begin(), V.end()), V.end());
  return V;
}
} // namespace

FunctionAnalyzer::FunctionAnalyzer(ASTContext &AC, const DeclIndex &Index,
                                   std::vector<FunctionFacts> &Out,
                                   std::vector<ElementUse> &Uses, const Deadline &Limit)
    : AC(AC), Index(Index), Out(Out), Uses(Uses), Limit(Limit) {}

void FunctionAnalyzer::analyze(const FunctionDecl *FD) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->getParent()->isLambda())
    return; // analysed where the lambda is written, with its captures
  analyzeBody(FD, FD->getBody(), {});
}

void FunctionAnalyzer::analyzeBody(const FunctionDecl *FD, const Stmt *Body, Env Captures) {
  Frames.emplace_back();
  cur().Cur.Locals = std::move(Captures);
  FunctionFacts &Facts = cur().Facts;
  Facts.Usr = usrOf(FD);
  Facts.QualifiedName = qualifiedName(FD);
  Facts.Loc = loc(FD->getLocation());
  Facts.NumParams = FD->getNumParams();
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && !M->isStatic()) {
    Facts.IsMethod = true;
    Facts.ClassName = qualifiedName(M->getParent());
    for (const CXXMethodDecl *O : M->overridden_methods())
      Facts.Overrides.push_back(usrOf(O));
    // In a lambda, `this` is the enclosing method's, among the captures.
    if (!M->getParent()->isLambda())
      cur().Cur.Locals[{ThisVar, ""}] = {Origin::thisObject()};
  }
  bindParameters(FD);

  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  Opts.AddInitializers = true;
  Opts.AddCXXDefaultInitExprInCtors = true;
  Opts.AddCXXDefaultInitExprInAggregates = true;
  // Calls inside `try` reach its handlers: without these edges the CFG
  // reaches a `catch` only from a `throw`.
  Opts.AddEHEdges = true;
  std::unique_ptr<CFG> G = CFG::buildCFG(FD, const_cast<Stmt *>(Body), &AC, Opts);
  if (G)
    runDataflow(*G);
  else
    runWithoutCFG(Body);
  Out.push_back(std::move(cur().Facts));
  Frames.pop_back();
}

void FunctionAnalyzer::bindParameters(const FunctionDecl *FD) {
  Frame &F = cur();
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    F.ParamIndex[P] = I;
    Value V{Origin::param(static_cast<int>(I))};
    if (std::string Id = Index.elementOf(P); !Id.empty()) {
      addOrigin(V, Origin::element(Id).with(
                       {loc(P->getLocation()), "parameter '" + P->getNameAsString() + "'"}));
      Uses.push_back({Id, loc(P->getLocation()), F.Facts.QualifiedName, {}});
    }
    if (P->getType()->isReferenceType() || P->getType()->isPointerType())
      F.Addresses[P] = {Origin::param(static_cast<int>(I))};
    F.Cur.Locals[{P, ""}] = std::move(V);
  }
}

// --- the dataflow -----------------------------------------------------------

/// The lvalues assigned to are written, not read: their CFG elements are
/// left for the assignment to handle.
void FunctionAnalyzer::markWriteTargets(const CFG &G) {
  auto Mark = [&](const Expr *Target) {
    for (const Expr *E = strip(Target); E;) {
      cur().WriteTargets.insert(E);
      if (const auto *ME = dyn_cast<MemberExpr>(E))
        E = isa<FieldDecl>(ME->getMemberDecl()) && !ME->isArrow() ? strip(ME->getBase()) : nullptr;
      else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
        E = strip(ASE->getBase());
      else
        E = nullptr;
    }
  };
  for (const CFGBlock *B : G)
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>()) {
        if (const auto *BO = dyn_cast<BinaryOperator>(S->getStmt());
            BO && BO->getOpcode() == BO_Assign)
          Mark(BO->getLHS());
        else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S->getStmt());
                 Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
          Mark(Op->getArg(0));
      }
}

void FunctionAnalyzer::runDataflow(const CFG &G) {
  markWriteTargets(G);
  std::vector<const CFGBlock *> Order = reversePostOrder(G);
  std::vector<unsigned> Position(G.getNumBlockIDs(), 0);
  for (unsigned I = 0; I < Order.size(); ++I)
    Position[Order[I]->getBlockID()] = I;

  std::vector<std::optional<State>> OutState(G.getNumBlockIDs());
  std::vector<unsigned> Visits(G.getNumBlockIDs(), 0);
  State EntryState = cur().Cur;
  std::set<unsigned> Work{0}; // positions in Order: the lowest first
  while (!Work.empty()) {
    const CFGBlock &B = *Order[*Work.begin()];
    Work.erase(Work.begin());
    if (++Visits[B.getBlockID()] > MaxVisitsPerBlock)
      continue;
    if (Limit.passed()) {
      CutShort = true; // the TU is dropped as timed out
      return;
    }
    std::optional<State> In;
    if (&B == &G.getEntry())
      In = EntryState;
    for (auto P = B.pred_begin(); P != B.pred_end(); ++P) {
      const CFGBlock *Pred = P->getReachableBlock();
      if (!Pred || !OutState[Pred->getBlockID()])
        continue; // not reached yet: no constraint
      unsigned Index = 0;
      for (auto S = Pred->succ_begin(); S != Pred->succ_end(); ++S, ++Index)
        if (S->getReachableBlock() == &B)
          break;
      State Edge = edgeState(*Pred, Index, *OutState[Pred->getBlockID()]);
      if (!In)
        In = std::move(Edge);
      else
        join(*In, Edge);
    }
    if (!In)
      continue;
    cur().Cur = std::move(*In);
    transfer(B);
    std::optional<State> &Old = OutState[B.getBlockID()];
    if (Old && sameState(*Old, cur().Cur))
      continue;
    Old = std::move(cur().Cur);
    for (auto S = B.succ_begin(); S != B.succ_end(); ++S)
      if (const CFGBlock *Succ = S->getReachableBlock())
        Work.insert(Position[Succ->getBlockID()]);
  }
}

/// Without a CFG (Clang declines a few bodies): statements in order, no
/// branch or loop structure.
void FunctionAnalyzer::runWithoutCFG(const Stmt *Body) {
  if (!Body)
    return;
  std::vector<const Stmt *> Stack{Body};
  while (!Stack.empty()) {
    const Stmt *S = Stack.back();
    Stack.pop_back();
    if (!S)
      continue;
    if (isa<Expr>(S) || isa<DeclStmt>(S) || isa<ReturnStmt>(S)) {
      statement(S);
      continue;
    }
    std::vector<const Stmt *> Children(S->child_begin(), S->child_end());
    Stack.insert(Stack.end(), Children.rbegin(), Children.rend());
  }
}

void FunctionAnalyzer::transfer(const CFGBlock &B) {
  Frame &F = cur();
  F.Block = B.getBlockID();
  ++F.Visit;
  for (const CFGElement &E : B)
    element(E);
}

void FunctionAnalyzer::element(const CFGElement &E) {
  if (auto S = E.getAs<CFGStmt>())
    return statement(S->getStmt());
  if (auto I = E.getAs<CFGInitializer>())
    return initializer(I->getInitializer());
}

FunctionAnalyzer::State FunctionAnalyzer::edgeState(const CFGBlock &From, unsigned SuccIndex,
                                                    const State &Out) const {
  State S = Out;
  // A two-way terminator's first successor is taken when its condition holds.
  const Stmt *Cond = const_cast<CFGBlock &>(From).getTerminatorCondition();
  if (!Cond || From.succ_size() != 2 || SuccIndex > 1)
    return S;
  std::vector<std::string> Checked = consentIn(dyn_cast<Expr>(Cond), /*Negated=*/SuccIndex == 1);
  if (Checked.empty())
    return S;
  S.Guards.insert(S.Guards.end(), Checked.begin(), Checked.end());
  S.Guards = sortedUnique(std::move(S.Guards));
  return S;
}

void FunctionAnalyzer::join(State &Into, const State &From) {
  for (const auto &[K, V] : From.Locals)
    addValue(Into.Locals[K], V);
  std::vector<std::string> Both;
  std::set_intersection(Into.Guards.begin(), Into.Guards.end(), From.Guards.begin(),
                        From.Guards.end(), std::back_inserter(Both));
  Into.Guards = std::move(Both);
}

bool FunctionAnalyzer::sameState(const State &A, const State &B) {
  if (A.Guards != B.Guards || A.Locals.size() != B.Locals.size())
    return false;
  for (auto I = A.Locals.begin(), J = B.Locals.begin(); I != A.Locals.end(); ++I, ++J)
    if (I->first != J->first || !sameOrigins(I->second, J->second))
      return false;
  return true;
}

// --- statements -------------------------------------------------------------

void FunctionAnalyzer::statement(const Stmt *S) {
  if (const auto *E = dyn_cast<Expr>(S)) {
    Frame &F = cur();
    const Expr *Stripped = strip(E);
    if (F.WriteTargets.count(Stripped))
      return;
    auto It = F.Values.find(Stripped);
    // A wrapper (a cast, a temporary) of an expression this visit computed
    // already has its value.
    if (Stripped != E && It != F.Values.end() && It->second.Visit == F.Visit)
      return;
    Value V = evaluate(Stripped);
    F.Values[Stripped] = {std::move(V), F.Block, F.Visit};
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return declStmt(DS);
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    return returnStmt(R);
}

void FunctionAnalyzer::declStmt(const DeclStmt *DS) {
  for (const Decl *D : DS->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      varDecl(VD);
}

void FunctionAnalyzer::varDecl(const VarDecl *VD) {
  Value V;
  if (const Expr *Init = VD->getInit()) {
    V = expr(Init);
    // The variables of a range-based for loop's expansion are Clang's, not
    // the user's: the range read is the step worth naming.
    if (!VD->isImplicit())
      addStep(V, Init, "stored in '" + VD->getNameAsString() + "'");
    else if (VD->getName().starts_with("__range"))
      addStep(V, Init, "read back from '" + text(Init) + "'");
    if (const auto *Call = dyn_cast<CallExpr>(strip(Init))) {
      auto Purposes = Index.consentPurposes(Call);
      if (!Purposes.empty())
        cur().ConsentVars[VD] = Purposes;
    }
  }
  if (std::string Id = Index.elementOf(VD); !Id.empty())
    addValue(V, elementRead(Id, nullptr, "'" + VD->getNameAsString() + "'"));
  if (VD->isStaticLocal()) {
    // Initialised once for the whole program: a global that only this
    // function names.
    addWrite({WriteTargetKind::Global, usrOf(VD), qualifiedName(VD), 0, V, loc(VD->getLocation())},
             nullptr);
    return;
  }
  if (VD->getType()->isReferenceType() || VD->getType()->isPointerType())
    addValue(cur().Addresses[VD], V);
  Env &L = cur().Cur.Locals;
  for (auto It = L.lower_bound({VD, ""}); It != L.end() && It->first.first == VD;)
    It = L.erase(It); // a declaration in a loop starts afresh each time round
  L[{VD, ""}] = std::move(V);
}

void FunctionAnalyzer::returnStmt(const ReturnStmt *R) {
  const Expr *RV = R->getRetValue();
  if (!RV)
    return;
  Value V = expr(RV);
  addStep(V, RV, "returned");
  addValue(cur().Facts.Returns, V);
}

/// `: email_(e)` and `: std::string(s)` store into the object being built.
void FunctionAnalyzer::initializer(const CXXCtorInitializer *Init) {
  const Expr *E = Init->getInit();
  if (!E)
    return;
  Value V = expr(E);
  std::string Path;
  if (const FieldDecl *Field = Init->getMember()) {
    Path = Field->getNameAsString();
    addStep(V, E, "stored in field '" + qualifiedName(Field) + "'");
  } else if (!Init->isBaseInitializer() && !Init->isDelegatingInitializer()) {
    return; // indirect members of anonymous unions: rare, not followed
  }
  Value Placed;
  for (Origin O : V)
    if (placeOrigin(O, Path))
      addOrigin(Placed, std::move(O));
  storeLocal({ThisVar, Path.empty() ? "" : "." + Path, false, ""}, Placed, /*Strong=*/false);
  addWrite({WriteTargetKind::This, "", "", 0, Placed, loc(E)}, E);
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
    // a && b: both hold when it is true; !(a || b): neither does.
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
    if (auto It = cur().ConsentVars.find(DRE->getDecl()); It != cur().ConsentVars.end())
      return It->second;
  return Out;
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
