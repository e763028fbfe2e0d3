#ifndef PDFLOW_FRONTEND_EXPRSHAPES_H
#define PDFLOW_FRONTEND_EXPRSHAPES_H

// Shapes of Clang expressions the function analysis looks through or for.

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace pdflow {

/// E without the parentheses, implicit conversions, temporaries and casts
/// that do not change which data it is.
const clang::Expr *strip(const clang::Expr *E);

/// A lambda or a std::function: a value that is called, not data.
bool isCallable(clang::QualType T);

/// True when a call's result is its own object or first argument: stream
/// insertion (os << x returns os) and builder-style chaining.
bool returnsSelf(const clang::FunctionDecl *FD);

} // namespace pdflow

#endif
