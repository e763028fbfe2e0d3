#ifndef PDFLOW_FRONTEND_KEYLITERALS_H
#define PDFLOW_FRONTEND_KEYLITERALS_H

// String literals that name the slot a value is stored in or read from: a
// JSON or map key (`j["email"] = v`, `v = row.at("email")`,
// `obj.set("email", v)`), a SQL column (`INSERT INTO users(email) VALUES(?)`
// with `sqlite3_bind_text(stmt, 1, v, ...)`). Discovery takes the key for
// the name the declaration does not have.

#include "pdflow/support/SourceLoc.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <string>
#include <vector>

namespace pdflow {

struct KeyUse {
  const clang::ValueDecl *Decl = nullptr; // a variable, parameter or field
  std::string Key;                        // "email"
  std::string Table;                      // a SQL column's table, else ""
  SourceLoc Loc;                          // the literal
};

/// The keys FD's body stores its declarations' values under, or reads them
/// from, directly: assigned, initialised, passed as a setter's value or
/// bound to a prepared statement's placeholder; never through another call.
std::vector<KeyUse> findKeyUses(const clang::FunctionDecl *FD, clang::ASTContext &AC);

} // namespace pdflow

#endif
