#ifndef PDFLOW_FRONTEND_FUNCTIONANALYZER_H
#define PDFLOW_FRONTEND_FUNCTIONANALYZER_H

#include "DeclIndex.h"
#include "FactsExtractor.h"

#include "pdflow/facts/Facts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Analysis/CFG.h"

#include <deque>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pdflow {

/// Describes one function body as FunctionFacts by a forward dataflow over
/// Clang's CFG: each block's environment maps each local (and each field path
/// of a local, of a parameter, of `this`) to the origins of its value, joined
/// where paths meet, iterated to a fixpoint round loops. Assignments
/// overwrite. Calls stay symbolic (CallResult, CallOutArg) for the solver,
/// except library propagators, applied here. Consent guards are a must-set
/// carried along the edges: a check's purposes hold on its true edge.
///
/// Expressions are visited one CFG element at a time, children before
/// parents, each child's value taken from the element that computed it, so
/// the walk never recurses deeper than one expression node.
class FunctionAnalyzer : public clang::ConstStmtVisitor<FunctionAnalyzer, Value> {
public:
  FunctionAnalyzer(clang::ASTContext &AC, const DeclIndex &Index,
                   std::vector<FunctionFacts> &Out, std::vector<ElementUse> &Uses,
                   const Deadline &Limit);

  /// Appends FD's facts, and those of every lambda in it, to Out.
  void analyze(const clang::FunctionDecl *FD);
  /// True when a body's analysis stopped at the deadline.
  bool cutShort() const { return CutShort; }

  // Expressions: the origins of E's value (the visitor's entry points).
  Value VisitStmt(const clang::Stmt *S);
  Value VisitDeclRefExpr(const clang::DeclRefExpr *DRE);
  Value VisitMemberExpr(const clang::MemberExpr *ME);
  Value VisitCallExpr(const clang::CallExpr *Call);
  Value VisitCXXConstructExpr(const clang::CXXConstructExpr *CE);
  Value VisitBinaryOperator(const clang::BinaryOperator *BO);
  Value VisitLambdaExpr(const clang::LambdaExpr *LE);
  Value VisitCXXThisExpr(const clang::CXXThisExpr *);
  Value VisitUnaryOperator(const clang::UnaryOperator *UO);
  Value VisitAbstractConditionalOperator(const clang::AbstractConditionalOperator *CO);
  Value VisitCXXNewExpr(const clang::CXXNewExpr *New);
  Value VisitCXXDefaultInitExpr(const clang::CXXDefaultInitExpr *DI);
  Value VisitCXXDefaultArgExpr(const clang::CXXDefaultArgExpr *) { return {}; }
  Value VisitStringLiteral(const clang::StringLiteral *) { return {}; }
  Value VisitIntegerLiteral(const clang::IntegerLiteral *) { return {}; }
  Value VisitCXXBoolLiteralExpr(const clang::CXXBoolLiteralExpr *) { return {}; }
  Value VisitUnaryExprOrTypeTraitExpr(const clang::UnaryExprOrTypeTraitExpr *) { return {}; }
  Value VisitOpaqueValueExpr(const clang::OpaqueValueExpr *OVE);

private:
  /// A local variable (or `this`, as ThisVar) and a member path below it
  /// (".shipTo.city"; "" for the variable itself).
  using Key = std::pair<const clang::ValueDecl *, std::string>;
  using Env = std::map<Key, Value>;
  static constexpr const clang::ValueDecl *ThisVar = nullptr;

  /// What holds at a program point: the locals' values, and the purposes
  /// whose consent check returned true on every path to it (sorted).
  struct State {
    Env Locals;
    std::vector<std::string> Guards;
  };

  /// The last value computed for an expression, and in which block visit.
  struct Computed {
    Value V;
    unsigned Block = 0;
    unsigned Visit = 0;
  };

  struct Frame {
    FunctionFacts Facts;
    State Cur;
    std::map<const clang::ValueDecl *, std::vector<std::string>> ConsentVars;
    std::map<const clang::ValueDecl *, int> ParamIndex;
    std::unordered_map<const clang::Expr *, Computed> Values;
    unsigned Block = 0, Visit = 0;
    /// Call sites and writes by the expression that makes them, so that a
    /// block visited again round a loop updates them instead of adding more.
    std::map<std::pair<const clang::Stmt *, int>, size_t> Sites;
    std::map<std::tuple<const clang::Stmt *, int, std::string, int, std::string>, size_t> Writes;
    std::set<std::pair<std::string, SourceLoc>> UsesSeen;
    std::set<const clang::Expr *> WriteTargets;
    /// What each pointer or reference variable was bound or set to: the
    /// objects a write through it lands in (flow-insensitive).
    std::map<const clang::ValueDecl *, Value> Addresses;
  };

  // Bodies and the dataflow (FunctionAnalyzer.cpp).
  void analyzeBody(const clang::FunctionDecl *FD, const clang::Stmt *Body, Env Captures);
  void bindParameters(const clang::FunctionDecl *FD);
  void runDataflow(const clang::CFG &G);
  void markWriteTargets(const clang::CFG &G);
  void runWithoutCFG(const clang::Stmt *Body);
  void transfer(const clang::CFGBlock &B);
  void element(const clang::CFGElement &E);
  State edgeState(const clang::CFGBlock &From, unsigned SuccIndex, const State &Out) const;
  static void join(State &Into, const State &From);
  static bool sameState(const State &A, const State &B);

  // Statements.
  void statement(const clang::Stmt *S);
  void declStmt(const clang::DeclStmt *DS);
  void varDecl(const clang::VarDecl *VD);
  void returnStmt(const clang::ReturnStmt *R);
  void initializer(const clang::CXXCtorInitializer *Init);

  // Expressions (AnalyzerExpressions.cpp).
  /// E's value: the one its CFG element computed when it is current, else
  /// computed now.
  Value expr(const clang::Expr *E);
  /// E's value computed now, its children's taken as expr() gives them.
  Value evaluate(const clang::Expr *E);
  Value elementRead(const std::string &Id, const clang::Expr *E, const std::string &What);
  Value readLocal(const clang::ValueDecl *Var, const std::string &Path, bool Arithmetic);
  Value bindingRead(const clang::BindingDecl *BD);
  Value fieldRead(const clang::MemberExpr *ME, const clang::FieldDecl *FD);
  void addStep(Value &V, const clang::Expr *At, const std::string &What) const;
  /// V read through member Member (see projectOrigin).
  static Value projected(const Value &V, const std::string &Member);

  // Calls (AnalyzerCalls.cpp).
  struct CallShape {
    const clang::FunctionDecl *Callee = nullptr;
    const clang::Expr *ObjectExpr = nullptr;
    std::vector<const clang::Expr *> ArgExprs;
    Value Object;
    std::vector<Value> Args;
    std::string Name;
    bool Library = false;
  };
  CallShape shapeOf(const clang::CallExpr *Call);
  Value wholeObjectArgument(const clang::Expr *A, Value V);
  size_t site(const clang::Stmt *S, int Slot, const clang::FunctionDecl *Callee,
              const CallShape *Shape);
  Value argumentUnion(const CallShape &C, bool WithObject) const;
  Value callThroughValue(const clang::CallExpr *Call);
  void callablesPassedToLibrary(const clang::CallExpr *Call, const CallShape &C);
  bool writeIntoSinkObject(const clang::CallExpr *Call, int Slot, const clang::Expr *Target,
                           const Value &V, const CallShape &C);
  void writeIntoArgument(const clang::CallExpr *Call, int Slot, const clang::Expr *Target,
                         const Value &V, const CallShape &C);
  void applyPropagators(const clang::CallExpr *Call, const CallShape &C, Value &Result);
  void userCallEffects(const clang::CallExpr *Call, const CallShape &C, size_t Site);
  Value libraryCall(const clang::CallExpr *Call, CallShape &C, Value Result);

  // Writes (AnalyzerWrites.cpp).
  /// Where an lvalue lives, when it is a local's, a parameter's or `this`'s
  /// (a member path below it); through a pointer or a reference, Indirect.
  struct Place {
    const clang::ValueDecl *Var = nullptr;
    std::string Path;
    /// The object is not the variable's own: reached through a pointer or a
    /// reference held at AddressPath (`p->a`: "", `s.ptr->a`: ".ptr").
    bool Indirect = false;
    std::string AddressPath;
  };
  bool localPlace(const clang::Expr *E, Place &Out) const;
  void assign(const clang::Expr *Target, Value V, bool Strong, const clang::Expr *At);
  /// A write into what Pointer points to (an out-argument, `p->set(x)`).
  void assignPointee(const clang::Expr *Pointer, Value V, const clang::Expr *At);
  void storeLocal(const Place &P, const Value &V, bool Strong);
  Value addressOf(const Place &P);
  void writeThrough(const Place &P, const Value &V, const clang::Expr *At,
                    const clang::Expr *Target);
  void addWrite(Write W, const clang::Stmt *Key);
  /// The object a write into E lands in: follows member chains and calls
  /// returning a reference to their own object (os << a << b).
  const clang::Expr *writeBase(const clang::Expr *E) const;
  /// The sink a write into Base leaves by: a `object:` global or an object
  /// of a `type:` class. Empty when none.
  std::string sinkObjectOf(const clang::Expr *Base, std::string &TypeName) const;

  std::vector<std::string> consentIn(const clang::Expr *Cond, bool Negated) const;
  static bool isArithmetic(clang::QualType T);

  SourceLoc loc(const clang::Expr *E) const;
  SourceLoc loc(clang::SourceLocation L) const;
  std::string text(const clang::Expr *E) const;

  clang::ASTContext &AC;
  const DeclIndex &Index;
  std::vector<FunctionFacts> &Out;
  std::vector<ElementUse> &Uses;
  const Deadline &Limit;
  std::deque<Frame> Frames; // lambdas nest; a deque keeps references to outer frames valid
  std::set<const clang::CXXMethodDecl *> LambdasDone;
  bool CutShort = false;

  Frame &cur() { return Frames.back(); }
  const Frame &cur() const { return Frames.back(); }
};

} // namespace pdflow

#endif
