#include "AnnotationReader.h"

#include "AstNames.h"

#include "clang/AST/Attr.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace pdflow {
using namespace clang;

const char *annotationMacro(AnnotationKind K) {
  switch (K) {
  case AnnotationKind::Data:
    return "PDFLOW_DATA";
  case AnnotationKind::Subject:
    return "PDFLOW_SUBJECT";
  case AnnotationKind::Sink:
    return "PDFLOW_SINK";
  case AnnotationKind::Transform:
    return "PDFLOW_TRANSFORM";
  case AnnotationKind::Activity:
    return "PDFLOW_ACTIVITY";
  case AnnotationKind::ConsentCheck:
    return "PDFLOW_CONSENT_CHECK";
  }
  return "PDFLOW_DATA";
}

namespace {

/// char or char8_t text: an array of them or a pointer to them.
bool isNarrowString(QualType T) {
  T = T.getCanonicalType();
  QualType Element;
  if (const ArrayType *A = T->getAsArrayTypeUnsafe())
    Element = A->getElementType();
  else if (T->isPointerType())
    Element = T->getPointeeType();
  else
    return false;
  return Element->isCharType() || Element->isChar8Type();
}

/// "PDFLOW_DATA(contact.email, purposes = billing)", whitespace collapsed,
/// long text cut.
std::string spelling(AnnotationKind K, llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 8> Words;
  Text.split(Words, ' ', -1, /*KeepEmpty=*/false);
  std::string Compact = llvm::join(Words, " ");
  if (Compact.size() > 60)
    Compact = Compact.substr(0, 57) + "...";
  return std::string(annotationMacro(K)) + "(" + Compact + ")";
}

/// The kinds a declaration has at most one of.
bool isSingleValued(AnnotationKind K) {
  return K == AnnotationKind::Data || K == AnnotationKind::Subject || K == AnnotationKind::Sink ||
         K == AnnotationKind::Transform;
}

} // namespace

void AnnotationReader::problem(const SourceLoc &Loc, std::string Message,
                               std::vector<DiagNote> Notes) {
  Diags.push_back(
      {Severity::Error, Loc, std::move(Message), "invalid-annotation", std::move(Notes), {}});
}

std::optional<std::string> AnnotationReader::textOf(const AnnotateAttr *A, const SourceLoc &Loc) {
  if (A->args_size() == 0)
    return std::string(); // the parser names what is missing
  const Expr *Arg = *A->args_begin();
  const Expr *E = Arg->IgnoreParenImpCasts();
  const std::string Expected =
      "the text of a pdflow annotation must be a narrow string such as \"contact.email\"";
  if (!isNarrowString(E->getType())) {
    problem(Loc, Expected + "; got '" + E->getType().getAsString() + "'");
    return std::nullopt;
  }
  if (const auto *S = dyn_cast<StringLiteral>(E))
    return S->getString().str();
  // A constant: [[clang::annotate("pdflow.data", kEmail)]].
  if (std::optional<std::string> Value = Arg->tryEvaluateString(AC))
    return Value;
  problem(Loc, Expected + ", or a constant that holds one");
  return std::nullopt;
}

void AnnotationReader::readOwn(const Decl *D, std::vector<FoundAnnotation> &Found) {
  const SourceManager &SM = AC.getSourceManager();
  for (const AnnotateAttr *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->isInherited())
      continue;
    std::string Name = A->getAnnotation().str();
    if (!isPdflowAnnotation(Name))
      continue;
    SourceLoc Loc = sourceLoc(SM, A->getLocation());
    std::optional<std::string> Text = textOf(A, Loc);
    if (!Text)
      continue;
    std::vector<AnnotationProblem> Problems;
    std::optional<ParsedAnnotation> Parsed = parseAnnotation(Name, *Text, Tax, Problems);
    for (AnnotationProblem &P : Problems)
      problem(Loc, std::move(P.Message));
    if (Parsed)
      Found.push_back({*Parsed, Loc, spelling(Parsed->Kind, *Text)});
  }
}

void AnnotationReader::keepFirstOfEachKind(std::vector<FoundAnnotation> &Found,
                                           const std::string &DeclName) {
  std::vector<FoundAnnotation> Kept;
  for (FoundAnnotation &A : Found) {
    auto Same = [&](const FoundAnnotation &K) { return sameMeaning(K.Parsed, A.Parsed); };
    if (std::any_of(Kept.begin(), Kept.end(), Same))
      continue; // repeated on another declaration
    auto First = std::find_if(Kept.begin(), Kept.end(), [&](const FoundAnnotation &K) {
      return K.Parsed.Kind == A.Parsed.Kind;
    });
    if (!isSingleValued(A.Parsed.Kind) || First == Kept.end()) {
      Kept.push_back(std::move(A));
      continue;
    }
    std::string Message = "conflicting annotations on '" + DeclName + "': " + First->Spelling +
                          " and " + A.Spelling + "; keep one (pdflow uses the first)";
    problem(First->Loc, Message, {{A.Loc, "the other annotation is here"}});
    problem(A.Loc, Message, {{First->Loc, "the other annotation is here"}});
  }
  Found = std::move(Kept);
}

std::vector<FoundAnnotation> AnnotationReader::read(llvm::ArrayRef<const Decl *> Decls,
                                                    const std::string &DeclName) {
  std::vector<FoundAnnotation> Found;
  for (const Decl *D : Decls)
    readOwn(D, Found);
  // Source order, whichever declaration the caller started from: the same
  // annotation wins and the same messages are given every time.
  std::stable_sort(
      Found.begin(), Found.end(),
      [](const FoundAnnotation &A, const FoundAnnotation &B) { return A.Loc < B.Loc; });
  keepFirstOfEachKind(Found, DeclName);
  return Found;
}

std::vector<FoundAnnotation> AnnotationReader::read(const Decl *D) {
  std::vector<const Decl *> Redecls(D->redecls_begin(), D->redecls_end());
  const auto *Named = dyn_cast<NamedDecl>(D);
  return read(Redecls, Named ? qualifiedName(Named) : std::string());
}

} // namespace pdflow
