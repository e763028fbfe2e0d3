#include "KeyLiterals.h"

#include "AstNames.h"
#include "ExprShapes.h"

#include "pdflow/discovery/SqlColumns.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace pdflow {
using namespace clang;

namespace {

bool named(const FunctionDecl *FD, std::initializer_list<llvm::StringRef> Names) {
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef Name = FD->getName();
  return std::find(Names.begin(), Names.end(), Name) != Names.end();
}

/// Methods that give the value they are called on in another form
/// (`j["email"].get<std::string>()`, `row["email"].c_str()`).
bool isConversion(const CXXMemberCallExpr *C) {
  const CXXMethodDecl *M = C->getMethodDecl();
  if (!M || C->getNumArgs() != 0)
    return false;
  return isa<CXXConversionDecl>(M) ||
         named(M, {"get", "value", "c_str", "data", "str", "string", "as_string", "asString",
                   "toString", "GetString", "get_string"});
}

/// E without what changes its form but not which value it is: implicit
/// conversions, casts, copies, std::move, conversion methods.
const Expr *sameValue(const Expr *E) {
  while (true) {
    E = strip(E);
    if (const auto *C = dyn_cast<CXXConstructExpr>(E);
        C && C->getNumArgs() >= 1 && C->getConstructor()->isConvertingConstructor(true))
      E = C->getArg(0);
    else if (const auto *M = dyn_cast<CXXMemberCallExpr>(E); M && isConversion(M))
      E = M->getImplicitObjectArgument();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->isInStdNamespace() &&
             named(Call->getDirectCallee(), {"move", "forward"}))
      E = Call->getArg(0);
    else
      return E;
  }
}

const StringLiteral *literalOf(const Expr *E) {
  const auto *S = dyn_cast_or_null<StringLiteral>(E ? sameValue(E) : nullptr);
  return S && (S->isOrdinary() || S->isUTF8()) ? S : nullptr;
}

/// The variable, parameter or field E reads, or null.
const ValueDecl *declOf(const Expr *E) {
  E = sameValue(E);
  if (const auto *R = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(R->getDecl());
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return dyn_cast<FieldDecl>(M->getMemberDecl());
  return nullptr;
}

/// `x["email"]`, `x.at("email")`, `x.get("email")`, `x.value("email")`:
/// the key literal, or null.
const StringLiteral *keyOf(const Expr *E) {
  E = sameValue(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 ? literalOf(Op->getArg(1))
                                                                      : nullptr;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E);
      M && M->getNumArgs() >= 1 &&
      named(M->getMethodDecl(), {"at", "get", "value", "getValue", "getString"}))
    return literalOf(M->getArg(0));
  return nullptr;
}

/// `obj.set("email", v)`, `m.emplace("email", v)`...: the key, and the value
/// stored under it.
std::optional<std::pair<const StringLiteral *, const Expr *>> setterOf(const CallExpr *C) {
  const auto *M = dyn_cast<CXXMemberCallExpr>(C);
  if (!M || M->getNumArgs() < 2 ||
      !named(M->getMethodDecl(), {"set", "put", "emplace", "insert", "insert_or_assign",
                                  "try_emplace", "setValue", "add", "AddMember"}))
    return std::nullopt;
  if (const StringLiteral *Key = literalOf(M->getArg(0)))
    return std::make_pair(Key, M->getArg(1));
  return std::nullopt;
}

/// `sqlite3_column_text(stmt, 2)`: the statement and the result column.
std::optional<std::pair<const VarDecl *, int>> columnRead(const Expr *E, const ASTContext &AC) {
  const auto *C = dyn_cast<CallExpr>(sameValue(E));
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  // The value of the column; not its name, type or size.
  if (!FD || C->getNumArgs() != 2 ||
      !named(FD, {"sqlite3_column_text", "sqlite3_column_text16", "sqlite3_column_blob",
                  "sqlite3_column_int", "sqlite3_column_int64", "sqlite3_column_double",
                  "sqlite3_column_value"}))
    return std::nullopt;
  const auto *Stmt = dyn_cast_or_null<VarDecl>(declOf(C->getArg(0)));
  Expr::EvalResult Index;
  if (!Stmt || !C->getArg(1)->EvaluateAsInt(Index, AC))
    return std::nullopt;
  return std::make_pair(Stmt, static_cast<int>(Index.Val.getInt().getExtValue()));
}

/// A statement prepared from SQL pdflow could read.
struct Prepared {
  std::optional<SqlColumns> Columns; // none: prepared from several texts, or unreadable
  const StringLiteral *Literal = nullptr;
};

/// A value bound to a placeholder (of an INSERT), or read from a result
/// column (of a SELECT).
struct StatementValue {
  const VarDecl *Stmt;
  SqlColumns::Kind Use;
  int Index;
  const ValueDecl *Decl;
};

class KeyFinder : public RecursiveASTVisitor<KeyFinder> {
public:
  KeyFinder(ASTContext &AC) : AC(AC), SM(AC.getSourceManager()) {}

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      noteAssigned(B->getLHS());
    if (B->getOpcode() == BO_Assign)
      link(B->getLHS(), B->getRHS());
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    if (C->isAssignmentOp() && C->getNumArgs() == 2) {
      noteAssigned(C->getArg(0));
      if (C->getOperator() == OO_Equal)
        link(C->getArg(0), C->getArg(1));
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (const Expr *Init = VD->getInit())
      read(VD, Init);
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    if (auto Set = setterOf(C))
      add(declOf(Set->second), Set->first, "");
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return true;
    llvm::StringRef Name = FD->getName();
    if (Name.starts_with("sqlite3_prepare"))
      prepare(C, Name.ends_with("_v3") ? 4 : 3);
    else if (Name.starts_with("sqlite3_bind_") && !Name.starts_with("sqlite3_bind_parameter") &&
             C->getNumArgs() >= 3)
      bind(C);
    return true;
  }

  std::vector<KeyUse> finish() {
    std::map<const VarDecl *, Prepared> Statements = statements();
    for (const StatementValue &V : Values) {
      auto It = Statements.find(V.Stmt);
      if (It == Statements.end() || !It->second.Columns)
        continue;
      const SqlColumns &Sql = *It->second.Columns;
      if (Sql.What != V.Use)
        continue;
      auto Column = Sql.Columns.find(V.Index);
      if (Column != Sql.Columns.end())
        add(V.Decl, It->second.Literal, Column->second, Sql.Table);
    }
    return std::move(Out);
  }

private:
  /// `L = R`: a value stored under a key, or read from one.
  void link(const Expr *L, const Expr *R) {
    if (const StringLiteral *Key = keyOf(L))
      add(declOf(R), Key, "");
    else if (const ValueDecl *D = declOf(L))
      read(D, R);
  }

  /// D takes the value of E: from a key, or from a result column.
  void read(const ValueDecl *D, const Expr *E) {
    if (const StringLiteral *Key = keyOf(E))
      add(D, Key, "");
    else if (auto Column = columnRead(E, AC))
      Values.push_back({Column->first, SqlColumns::Kind::Select, Column->second, D});
  }

  void noteAssigned(const Expr *L) {
    if (const auto *VD = dyn_cast_or_null<VarDecl>(declOf(L)))
      Assigned.insert(VD);
  }

  /// The SQL text E holds: a literal, or a variable initialised with one and
  /// never assigned in the function.
  const StringLiteral *sqlText(const Expr *E) const {
    if (const StringLiteral *S = literalOf(E))
      return S;
    const auto *VD = dyn_cast_or_null<VarDecl>(declOf(E));
    if (!VD || !VD->getInit() || Assigned.count(VD))
      return nullptr;
    return literalOf(VD->getInit());
  }

  void prepare(const CallExpr *C, unsigned StmtArg) {
    if (C->getNumArgs() <= StmtArg)
      return;
    const auto *Addr = dyn_cast<UnaryOperator>(strip(C->getArg(StmtArg)));
    if (Addr && Addr->getOpcode() == UO_AddrOf)
      if (const auto *Stmt = dyn_cast_or_null<VarDecl>(declOf(Addr->getSubExpr())))
        Prepares.push_back({Stmt, C->getArg(1)});
  }

  /// Each statement variable with the SQL it was prepared from, once the
  /// whole body was seen (the variables assigned are known then).
  std::map<const VarDecl *, Prepared> statements() const {
    std::map<const VarDecl *, Prepared> Out;
    for (const auto &[Stmt, Text] : Prepares) {
      const StringLiteral *Sql = sqlText(Text);
      std::optional<SqlColumns> Columns =
          Sql ? parseSqlColumns(Sql->getString().str()) : std::nullopt;
      auto [It, New] = Out.try_emplace(Stmt);
      // One statement variable prepared twice: which binds go with which
      // SQL the order of execution says, not the text. Keep neither.
      if (New && Columns)
        It->second = {std::move(Columns), Sql};
      else
        It->second = {};
    }
    return Out;
  }

  void bind(const CallExpr *C) {
    const auto *Stmt = dyn_cast_or_null<VarDecl>(declOf(C->getArg(0)));
    Expr::EvalResult Index;
    const ValueDecl *D = declOf(C->getArg(2));
    if (Stmt && D && C->getArg(1)->EvaluateAsInt(Index, AC))
      Values.push_back(
          {Stmt, SqlColumns::Kind::Insert, static_cast<int>(Index.Val.getInt().getExtValue()), D});
  }

  void add(const ValueDecl *D, const StringLiteral *Key, const std::string &Table) {
    if (Key)
      add(D, Key, Key->getString().str(), Table);
  }

  void add(const ValueDecl *D, const StringLiteral *Literal, const std::string &Key,
           const std::string &Table) {
    if (!D || D->isImplicit() || !D->getIdentifier() || isInSystemHeader(SM, D->getLocation()) ||
        Key.empty())
      return;
    SourceLoc Loc = sourceLoc(SM, Literal->getBeginLoc());
    if (Seen.insert({D, Key, Loc}).second)
      Out.push_back({D, Key, Table, Loc});
  }

  ASTContext &AC;
  const SourceManager &SM;
  std::vector<std::pair<const VarDecl *, const Expr *>> Prepares; // statement, SQL argument
  std::set<const VarDecl *> Assigned;
  std::vector<StatementValue> Values;
  std::set<std::tuple<const ValueDecl *, std::string, SourceLoc>> Seen;
  std::vector<KeyUse> Out;
};

} // namespace

std::vector<KeyUse> findKeyUses(const FunctionDecl *FD, ASTContext &AC) {
  KeyFinder Finder(AC);
  Finder.TraverseStmt(FD->getBody());
  return Finder.finish();
}

} // namespace pdflow
