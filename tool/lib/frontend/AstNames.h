#ifndef PDFLOW_FRONTEND_ASTNAMES_H
#define PDFLOW_FRONTEND_ASTNAMES_H

// How the frontend names things: qualified names as models and globs expect
// them, USRs as the linker keys them, locations as diagnostics print them.

#include "pdflow/support/SourceLoc.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

#include <string>
#include <vector>

namespace pdflow {

/// "shop::Customer::email", "std::basic_string::append": namespaces and
/// classes without template arguments, inline namespaces (std::__cxx11)
/// dropped, so library models are written once for every instantiation.
std::string qualifiedName(const clang::NamedDecl *D);

/// The qualified name of a type's class (after references, pointers and
/// cv-qualifiers), or "" when it is no class.
std::string className(clang::QualType T);

/// The class of T and all its bases, most derived first.
std::vector<std::string> classAndBases(clang::QualType T);

/// A stable cross-TU key (Clang's USR; a fallback for declarations that have
/// none).
std::string usrOf(const clang::Decl *D);

/// The place a diagnostic about Loc should point at: the file position,
/// outside any macro expansion.
SourceLoc sourceLoc(const clang::SourceManager &SM, clang::SourceLocation Loc);

/// The source text of E, shortened for messages.
std::string exprText(const clang::Expr *E, const clang::SourceManager &SM,
                     const clang::LangOptions &LO);

bool isInSystemHeader(const clang::SourceManager &SM, clang::SourceLocation Loc);

} // namespace pdflow

#endif
