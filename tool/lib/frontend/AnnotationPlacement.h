#ifndef PDFLOW_FRONTEND_ANNOTATIONPLACEMENT_H
#define PDFLOW_FRONTEND_ANNOTATIONPLACEMENT_H

// Annotations written where they cannot do anything: on a declaration no
// annotation applies to, or on a function that cannot be what they say
// (a consent check that returns nothing, a sink argument it does not take).

#include "AnnotationReader.h"

#include "clang/AST/Decl.h"

namespace pdflow {

/// What to call declarations of D's kind in "PDFLOW_DATA does not apply to
/// <noun>" ("enumerators", "namespaces"), or null when some pdflow
/// annotation applies to them (fields, variables global or local,
/// parameters, functions, classes).
const char *unannotatableKindNoun(const clang::Decl *D);

/// "PDFLOW_DATA does not apply to enumerators; annotate ...".
std::string doesNotApplyMessage(AnnotationKind K, const char *KindNoun);

/// Reports, through Reader, annotation A of function FD when FD cannot be
/// what it says: PDFLOW_CONSENT_CHECK on a function whose result is no
/// yes/no, PDFLOW_TRANSFORM on one that returns nothing, PDFLOW_SINK with
/// `args` beyond its parameters. Templates are checked once, as written.
void checkFunctionAnnotation(const clang::FunctionDecl *FD, const FoundAnnotation &A,
                             AnnotationReader &Reader);

} // namespace pdflow

#endif
