#ifndef PDFLOW_FRONTEND_ANNOTATIONREADER_H
#define PDFLOW_FRONTEND_ANNOTATIONREADER_H

#include "pdflow/annotations/AnnotationSpec.h"
#include "pdflow/support/Diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace pdflow {

/// A pdflow annotation written on a declaration, parsed.
struct FoundAnnotation {
  ParsedAnnotation Parsed;
  SourceLoc Loc;
  std::string Spelling; // "PDFLOW_DATA(contact.email)", for messages
};

/// The macro of an annotation kind: "PDFLOW_DATA", "PDFLOW_SINK"...
const char *annotationMacro(AnnotationKind K);

/// Reads the pdflow annotations of declarations and checks what can be
/// checked without knowing where they are: the annotation's text (a narrow
/// string literal, or a constant that evaluates to one), its parse, and
/// annotations of one declaration that contradict each other. Each problem
/// is an invalid-annotation error at the annotation, added to Diags.
class AnnotationReader {
public:
  AnnotationReader(clang::ASTContext &AC, const Taxonomy &Tax, std::vector<Diagnostic> &Diags)
      : AC(AC), Tax(Tax), Diags(Diags) {}

  /// The usable annotations of D and its redeclarations.
  std::vector<FoundAnnotation> read(const clang::Decl *D);

  /// The usable annotations of Decls, taken as one declaration (a parameter
  /// in each declaration of its function), in source order. Of the kinds a
  /// declaration has one of (data, subject, sink, transform), only the first
  /// is kept: repeats are dropped, and one that says something else is a
  /// conflict, reported at both annotations.
  std::vector<FoundAnnotation> read(llvm::ArrayRef<const clang::Decl *> Decls,
                                    const std::string &DeclName);

  /// An invalid-annotation error.
  void problem(const SourceLoc &Loc, std::string Message, std::vector<DiagNote> Notes = {});

private:
  void readOwn(const clang::Decl *D, std::vector<FoundAnnotation> &Found);
  std::optional<std::string> textOf(const clang::AnnotateAttr *A, const SourceLoc &Loc);
  void keepFirstOfEachKind(std::vector<FoundAnnotation> &Found, const std::string &DeclName);

  clang::ASTContext &AC;
  const Taxonomy &Tax;
  std::vector<Diagnostic> &Diags;
};

} // namespace pdflow

#endif
