#ifndef PDFLOW_FRONTEND_FUNCTIONANALYZER_H
#define PDFLOW_FRONTEND_FUNCTIONANALYZER_H

#include "DeclIndex.h"

#include "pdflow/facts/Facts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace pdflow {

/// Describes one function body as FunctionFacts: walks the statements in
/// order with an environment from each local (and each local's field path) to
/// the origins of its value. Assignments overwrite (a local reassigned with
/// non-personal data is clean again), branches merge, loops run twice. Calls
/// stay symbolic (CallResult, CallOutArg) for the solver, except library
/// propagators, applied here.
class FunctionAnalyzer {
public:
  FunctionAnalyzer(clang::ASTContext &AC, const DeclIndex &Index,
                   std::vector<FunctionFacts> &Out, std::vector<ElementUse> &Uses);

  /// Appends FD's facts, and those of every lambda in it, to Out.
  void analyze(const clang::FunctionDecl *FD);

private:
  using Key = std::pair<const clang::ValueDecl *, std::string>;
  using Env = std::map<Key, Value>;

  struct Frame {
    FunctionFacts Facts;
    Env Locals;
    std::map<const clang::ValueDecl *, std::vector<std::string>> ConsentVars;
    std::vector<std::string> Guards;
    std::map<const clang::ValueDecl *, int> ParamIndex;
  };

  void analyzeBody(const clang::FunctionDecl *FD, const clang::Stmt *Body, Env Captures);

  // Statements.
  void stmt(const clang::Stmt *S);
  void compound(const clang::CompoundStmt *CS);
  void ifStmt(const clang::IfStmt *If);
  void loopBody(const clang::Stmt *Body);
  void declStmt(const clang::DeclStmt *DS);

  // Expressions: the origins of E's value.
  Value expr(const clang::Expr *E);
  Value declRef(const clang::DeclRefExpr *DRE);
  Value member(const clang::MemberExpr *ME);
  Value call(const clang::CallExpr *Call);
  Value construct(const clang::CXXConstructExpr *CE);
  Value binary(const clang::BinaryOperator *BO);
  Value lambda(const clang::LambdaExpr *LE);
  Value children(const clang::Stmt *S);

  // Writes.
  void assign(const clang::Expr *Target, Value V, bool Strong, const clang::Expr *At);
  /// The local (and field path) an lvalue names, if it is one.
  bool localPath(const clang::Expr *E, const clang::ValueDecl *&Var, std::string &Path) const;
  /// The object a write into E lands in: follows member chains and calls
  /// returning a reference to their own object (os << a << b).
  const clang::Expr *writeBase(const clang::Expr *E) const;
  /// The sink a write into Base leaves by: a `object:` global or an object
  /// of a `type:` class. Empty when none.
  std::string sinkObjectOf(const clang::Expr *Base, std::string &TypeName) const;

  Value readLocal(const clang::ValueDecl *Var, const std::string &Path, bool Arithmetic);
  Value elementRead(const std::string &Id, const clang::Expr *E, const std::string &What);
  void addStep(Value &V, const clang::Expr *At, const std::string &What) const;
  /// V read through member Member (see projectOrigin).
  static Value projected(const Value &V, const std::string &Member);

  std::vector<std::string> consentIn(const clang::Expr *Cond, bool Negated) const;
  static bool alwaysExits(const clang::Stmt *S);
  static bool isArithmetic(clang::QualType T);

  SourceLoc loc(const clang::Expr *E) const;
  SourceLoc loc(clang::SourceLocation L) const;
  std::string text(const clang::Expr *E) const;

  clang::ASTContext &AC;
  const DeclIndex &Index;
  std::vector<FunctionFacts> &Out;
  std::vector<ElementUse> &Uses;
  std::vector<Frame> Frames; // lambdas nest
  std::set<const clang::CXXMethodDecl *> LambdasDone;

  Frame &cur() { return Frames.back(); }
};

} // namespace pdflow

#endif
