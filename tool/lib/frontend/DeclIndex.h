#ifndef PDFLOW_FRONTEND_DECLINDEX_H
#define PDFLOW_FRONTEND_DECLINDEX_H

#include "pdflow/facts/Facts.h"
#include "pdflow/frontend/Frontend.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <map>
#include <string>
#include <vector>

namespace pdflow {

/// What the declaration pass learned, for the function pass to look up:
/// which declarations are data elements, and which calls check consent.
class DeclIndex {
public:
  explicit DeclIndex(const FrontendContext &Ctx) : Ctx(Ctx) {}

  void addElement(const clang::Decl *D, std::string ElementId);
  /// The element id of a field, variable, parameter or function (its return
  /// value), or "" when it holds no annotated personal data.
  std::string elementOf(const clang::Decl *D) const;

  /// pdflow annotations of FD's declarations, merged.
  void addAnnotation(const clang::FunctionDecl *FD, const ParsedAnnotation &A);
  const std::vector<ParsedAnnotation> *annotations(const clang::FunctionDecl *FD) const;

  /// The purposes whose consent Call checks (by annotation or config model).
  std::vector<std::string> consentPurposes(const clang::CallExpr *Call) const;

  const FrontendContext &context() const { return Ctx; }

private:
  const FrontendContext &Ctx;
  std::map<const clang::Decl *, std::string> Elements;
  std::map<const clang::Decl *, std::vector<ParsedAnnotation>> Annotations;
};

} // namespace pdflow

#endif
