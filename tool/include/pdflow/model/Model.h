#ifndef PDFLOW_MODEL_MODEL_H
#define PDFLOW_MODEL_MODEL_H

#include "pdflow/config/Config.h"
#include "pdflow/model/Trail.h"
#include "pdflow/support/Diagnostics.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <string>
#include <vector>

namespace pdflow {

enum class ElementKind { Field, Variable, Parameter, Return, Class, Local };
const char *elementKindName(ElementKind K); // "field", "variable", ... "local"

/// Inferred: no annotation says so; the personal-data lexicon rated the
/// declaration's name or type at or above discovery's min_confidence.
enum class AnnotationOrigin { Code, SideAnnotation, ClassAnnotation, Inferred };
const char *annotationOriginName(AnnotationOrigin O); // "code", "config", "class", "inferred"

/// Why an unannotated declaration was taken for personal data.
struct Inference {
  unsigned Confidence = 0; // 0-100
  std::string Reason;      // "name has 'password'", "type 'EmailAddress'", "key \"email\""
  SourceLoc InsertLoc;     // where PDFLOW_DATA(...) would go; invalid inside a macro
  SourceLoc KeyLoc;        // the string literal the reason ends with, if it names one

  /// The reason with the key literal's place: "key \"email\" at src/Db.cpp:42:7".
  std::string describe() const;
};

/// A declaration that holds personal data.
struct DataElement {
  std::string Id;            // stable across TUs (derived from the USR)
  std::string QualifiedName; // shop::Customer::email, shop::peer() for a return
  ElementKind Kind = ElementKind::Field;
  std::string Type; // as written, e.g. "std::string"
  SourceLoc Loc;    // the declaration
  DataSpec Spec;    // subject already inherited from PDFLOW_SUBJECT on the class
  AnnotationOrigin Origin = AnnotationOrigin::Code;
  SourceLoc AnnotationLoc; // the annotation: in code, or the config line
  Inference Inferred = {}; // when Origin is Inferred
};

/// The sink a flow ends in.
struct SinkRef {
  std::string Function; // qualified name of the callee (or the stream type)
  SinkKind Kind = SinkKind::Log;
  std::string Recipient;
  std::string Country;
  Safeguard Guard = Safeguard::Unspecified;
  std::optional<bool> Encrypted;
  std::vector<std::string> Accepts;
  ModelOrigin Origin = ModelOrigin::Builtin;
  SourceLoc ModelLoc; // where the sink model or annotation is declared
};

/// Data element -> steps -> sink.
struct Flow {
  std::string ElementId;
  SourceLoc SinkLoc;    // the call (or stream write) where the data leaves
  std::string Function; // qualified name of the function holding that call
  SinkRef Sink;
  std::vector<FlowStep> Steps; // from the first read to the sink, in order
  std::vector<TransformEffect> Transforms; // applied on the way
  bool WholeObject = false; // the element reached the sink inside a whole object
  std::vector<std::string> Activities;      // ids whose entry points reach the sink
  std::vector<std::string> ConsentPurposes; // purposes whose consent check guards it
};

/// A read of an element in a function (for unused-personal-data and the
/// register's evidence).
struct ElementUse {
  std::string ElementId;
  SourceLoc Loc;
  std::string Function;
  std::vector<std::string> Activities;
};

/// An unannotated declaration: field, variable or parameter, for the
/// unannotated-personal-data rule's heuristics.
struct DeclaredName {
  std::string QualifiedName;
  std::string Name;
  std::string Type;
  ElementKind Kind = ElementKind::Field;
  SourceLoc Loc;
  SourceLoc InsertLoc; // where a PDFLOW_DATA(...) annotation would go
};

/// A function of the project that hands one of its parameters to a sink
/// itself (an in-house logger calling spdlog, a database layer calling
/// sqlite3_exec): a candidate to declare a sink of that kind, so that its
/// callers' data leaves where they call it.
struct SinkWrapper {
  std::string Function; // qualified name
  SourceLoc Loc;        // the function's definition
  int Param = 0;        // 0-based, `this` not counted
  SinkRef Sink;         // the sink it calls
  SourceLoc SinkLoc;    // the call
};

/// `// pdflow: ignore[rule, ...] reason`.
struct Suppression {
  SourceLoc Loc; // the comment
  std::vector<std::string> Rules;
  std::string Reason; // empty: a suppression without a reason
};

/// Everything the checks and the register builder see. Plain data: no Clang.
struct Model {
  const Config *Cfg = nullptr;
  const Taxonomy *Tax = nullptr;
  std::vector<DataElement> Elements; // sorted by Id
  std::vector<Flow> Flows;           // sorted by sink location, then element
  std::vector<ElementUse> Uses;
  std::vector<DeclaredName> Declarations;
  std::vector<Suppression> Suppressions;
  /// Activity ids whose entry point exists in the code, with the entry's loc.
  std::vector<std::pair<std::string, SourceLoc>> ActivityEntries;
  std::vector<SinkWrapper> SinkWrappers; // by function, then parameter

  const DataElement *element(const std::string &Id) const;
};

} // namespace pdflow

#endif
