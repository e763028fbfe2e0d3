#ifndef PDFLOW_ANNOTATIONS_ANNOTATIONSPEC_H
#define PDFLOW_ANNOTATIONS_ANNOTATIONSPEC_H

#include "pdflow/config/Config.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <optional>
#include <string>
#include <vector>

namespace pdflow {

enum class AnnotationKind { Data, Subject, Sink, Transform, Activity, ConsentCheck };

/// The payload of one [[clang::annotate("pdflow.<kind>", "<text>")]], parsed.
/// Only the members for Kind are meaningful.
struct ParsedAnnotation {
  AnnotationKind Kind = AnnotationKind::Data;
  DataSpec Data;                      // Data
  std::string Subject;                // Subject
  SinkModel Sink;                     // Sink (Function/Type left empty)
  TransformEffect Effect = TransformEffect::Pseudonymize; // Transform
  std::vector<std::string> Activities; // Activity: one or more ids
  std::string ConsentPurpose;          // ConsentCheck
};

/// A problem in an annotation's text, for an invalid-annotation diagnostic at
/// the annotation; the message is complete ("unknown category 'contact.emial';
/// did you mean 'contact.email'?").
struct AnnotationProblem {
  std::string Message;
};

/// Whether A and B say the same thing: the same kind with the same values
/// (one annotation repeated on two declarations of a function, say).
bool sameMeaning(const ParsedAnnotation &A, const ParsedAnnotation &B);

/// "takes no arguments", "takes 1 argument (index 0)", "takes 3 arguments
/// (indexes 0 to 2)": what `args` may name, for messages.
std::string describeArgumentIndexes(unsigned NumArgs);

/// True for annotation names pdflow owns ("pdflow.data", ...).
bool isPdflowAnnotation(const std::string &AnnotationName);

/// Parses Text (the stringized macro arguments, e.g.
/// "contact.email, purposes = billing support, retention = P3Y") of the
/// annotation named AnnotationName ("pdflow.data"...). Values are separated by
/// whitespace; a value may be double-quoted. Returns nullopt, with at least one
/// problem, when the annotation is unusable; returns a value and problems for
/// recoverable ones (an unknown purpose is reported and dropped).
std::optional<ParsedAnnotation> parseAnnotation(const std::string &AnnotationName,
                                                const std::string &Text,
                                                const Taxonomy &Tax,
                                                std::vector<AnnotationProblem> &Problems);

} // namespace pdflow

#endif
