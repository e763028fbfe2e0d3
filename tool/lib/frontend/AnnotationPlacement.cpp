#include "AnnotationPlacement.h"

#include "AstNames.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

#include <algorithm>

namespace pdflow {
using namespace clang;

const char *unannotatableKindNoun(const Decl *D) {
  if (isa<TypedefNameDecl>(D))
    return "typedefs and type aliases";
  if (isa<NamespaceDecl>(D))
    return "namespaces";
  if (isa<NamespaceAliasDecl>(D))
    return "namespace aliases";
  if (isa<EnumDecl>(D))
    return "enumerations";
  if (isa<EnumConstantDecl>(D))
    return "enumerators";
  if (isa<FieldDecl, VarDecl, FunctionDecl, RecordDecl>(D))
    return nullptr;
  return "this kind of declaration";
}

std::string doesNotApplyMessage(AnnotationKind K, const char *KindNoun) {
  std::string Message = std::string(annotationMacro(K)) + " does not apply to " + KindNoun;
  if (K == AnnotationKind::Data)
    Message += "; annotate the fields, variables, parameters, functions or classes that hold "
               "the data";
  return Message;
}

namespace {

/// Whether a value of type T can be tested as a condition, as a consent
/// check's result is: bool, a number, a pointer, a class with a conversion.
bool isTestable(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isDependentType() || T->isUndeducedType())
    return true; // known once instantiated or deduced
  if (T->isScalarType())
    return !T->isScopedEnumeralType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  for (const NamedDecl *Conversion : RD->getVisibleConversionFunctions()) {
    const Decl *Underlying = Conversion->getUnderlyingDecl();
    if (isa<FunctionTemplateDecl>(Underlying))
      return true;
    if (const auto *C = dyn_cast<CXXConversionDecl>(Underlying);
        C && isTestable(C->getConversionType()))
      return true;
  }
  return false;
}

bool hasParameterPack(const FunctionDecl *FD) {
  return std::any_of(FD->param_begin(), FD->param_end(),
                     [](const ParmVarDecl *P) { return P->isParameterPack(); });
}

} // namespace

void checkFunctionAnnotation(const FunctionDecl *FD, const FoundAnnotation &A,
                             AnnotationReader &Reader) {
  // An instantiation is the template's business: checked as written.
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  const std::string Name = "'" + qualifiedName(FD) + "'";
  QualType Result = FD->getReturnType();
  switch (A.Parsed.Kind) {
  case AnnotationKind::ConsentCheck:
    if (!isTestable(Result))
      Reader.problem(A.Loc, "PDFLOW_CONSENT_CHECK needs a function that returns whether the "
                            "person consented (a bool); " +
                                Name + " returns '" + Result.getAsString() + "'");
    return;
  case AnnotationKind::Transform:
    if (Result->isVoidType() && !isa<CXXConstructorDecl>(FD))
      Reader.problem(A.Loc, "PDFLOW_TRANSFORM needs a function that returns the transformed "
                            "value; " +
                                Name +
                                " returns void (for a result written into an argument, "
                                "declare the transform in .pdflow.yaml with 'to:')");
    return;
  case AnnotationKind::Sink: {
    const std::vector<unsigned> &Args = A.Parsed.Sink.Args;
    if (Args.empty() || FD->isVariadic() || hasParameterPack(FD))
      return;
    unsigned Params = FD->getNumParams();
    for (unsigned Index : Args)
      if (Index >= Params)
        Reader.problem(A.Loc, "'args' index " + std::to_string(Index) + " is out of range: " +
                                  Name + " " + describeArgumentIndexes(Params));
    return;
  }
  case AnnotationKind::Data:
  case AnnotationKind::Subject:
  case AnnotationKind::Activity:
    return;
  }
}

} // namespace pdflow
