// The on-disk form of TUFacts: compact JSON,
//   {"format": "pdflow-facts", "version": N, "main": ..., "elements": [...], ...}
//
// Each struct's keys are listed once, in its Schema below; the writer and the
// reader both walk that list, so they cannot drift apart. A member equal to
// its default value is left out, and a missing key reads back as the default.
// A SourceLoc is the array [file, line, column]; an enum is its name.

#include "pdflow/facts/Facts.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <climits>
#include <optional>
#include <type_traits>
#include <utility>

namespace pdflow {
namespace {

namespace json = llvm::json;

constexpr llvm::StringLiteral FormatName = "pdflow-facts";

//===----------------------------------------------------------------------===//
// Enum names
//===----------------------------------------------------------------------===//

const char *originKindName(OriginKind K) {
  switch (K) {
  case OriginKind::Element:
    return "element";
  case OriginKind::Param:
    return "param";
  case OriginKind::This:
    return "this";
  case OriginKind::Field:
    return "field";
  case OriginKind::Global:
    return "global";
  case OriginKind::CallResult:
    return "call-result";
  case OriginKind::CallOutArg:
    return "call-out-arg";
  case OriginKind::ObjectType:
    return "object-type";
  case OriginKind::Lambda:
    return "lambda";
  }
  return "element";
}

const char *writeTargetName(WriteTargetKind K) {
  switch (K) {
  case WriteTargetKind::Field:
    return "field";
  case WriteTargetKind::Global:
    return "global";
  case WriteTargetKind::Param:
    return "param";
  case WriteTargetKind::This:
    return "this";
  case WriteTargetKind::Through:
    return "through";
  }
  return "field";
}

const char *tuOutcomeName(TUOutcome O) {
  switch (O) {
  case TUOutcome::Complete:
    return "complete";
  case TUOutcome::ParseFailed:
    return "parse-failed";
  case TUOutcome::TimedOut:
    return "timed-out";
  case TUOutcome::Crashed:
    return "crashed";
  }
  return "complete";
}

const char *annotationKindName(AnnotationKind K) {
  switch (K) {
  case AnnotationKind::Data:
    return "data";
  case AnnotationKind::Subject:
    return "subject";
  case AnnotationKind::Sink:
    return "sink";
  case AnnotationKind::Transform:
    return "transform";
  case AnnotationKind::Activity:
    return "activity";
  case AnnotationKind::ConsentCheck:
    return "consent-check";
  }
  return "data";
}

const char *modelOriginName(ModelOrigin O) {
  switch (O) {
  case ModelOrigin::Builtin:
    return "builtin";
  case ModelOrigin::Config:
    return "config";
  case ModelOrigin::Annotation:
    return "annotation";
  }
  return "config";
}

/// Every enumerator of E and its name, for writing and reading it back.
template <class E> struct EnumInfo;

#define PDFLOW_ENUM_INFO(TYPE, NAME_FN, ...)                                                       \
  template <> struct EnumInfo<TYPE> {                                                              \
    static constexpr TYPE All[] = {__VA_ARGS__};                                                   \
    static const char *name(TYPE V) { return NAME_FN(V); }                                         \
  };

PDFLOW_ENUM_INFO(OriginKind, originKindName, OriginKind::Element, OriginKind::Param,
                 OriginKind::This, OriginKind::Field, OriginKind::Global, OriginKind::CallResult,
                 OriginKind::CallOutArg, OriginKind::ObjectType, OriginKind::Lambda)
PDFLOW_ENUM_INFO(WriteTargetKind, writeTargetName, WriteTargetKind::Field, WriteTargetKind::Global,
                 WriteTargetKind::Param, WriteTargetKind::This, WriteTargetKind::Through)
PDFLOW_ENUM_INFO(TUOutcome, tuOutcomeName, TUOutcome::Complete, TUOutcome::ParseFailed,
                 TUOutcome::TimedOut, TUOutcome::Crashed)
PDFLOW_ENUM_INFO(AnnotationKind, annotationKindName, AnnotationKind::Data, AnnotationKind::Subject,
                 AnnotationKind::Sink, AnnotationKind::Transform, AnnotationKind::Activity,
                 AnnotationKind::ConsentCheck)
PDFLOW_ENUM_INFO(ModelOrigin, modelOriginName, ModelOrigin::Builtin, ModelOrigin::Config,
                 ModelOrigin::Annotation)
PDFLOW_ENUM_INFO(ElementKind, elementKindName, ElementKind::Field, ElementKind::Variable,
                 ElementKind::Parameter, ElementKind::Return, ElementKind::Class,
                 ElementKind::Local)
PDFLOW_ENUM_INFO(AnnotationOrigin, annotationOriginName, AnnotationOrigin::Code,
                 AnnotationOrigin::SideAnnotation, AnnotationOrigin::ClassAnnotation,
                 AnnotationOrigin::Inferred)
PDFLOW_ENUM_INFO(SinkKind, sinkKindName, SinkKind::Log, SinkKind::Export, SinkKind::Storage,
                 SinkKind::ThirdParty, SinkKind::InternalService)
PDFLOW_ENUM_INFO(Safeguard, safeguardName, Safeguard::Unspecified, Safeguard::Adequacy,
                 Safeguard::Dpf, Safeguard::Scc, Safeguard::Bcr, Safeguard::Derogation,
                 Safeguard::None)
PDFLOW_ENUM_INFO(TransformEffect, transformEffectName, TransformEffect::Pseudonymize,
                 TransformEffect::Anonymize, TransformEffect::Encrypt, TransformEffect::Redact)
PDFLOW_ENUM_INFO(Severity, severityName, Severity::Note, Severity::Warning, Severity::Error)

#undef PDFLOW_ENUM_INFO

//===----------------------------------------------------------------------===//
// Schemas: the key of every member, once per struct
//===----------------------------------------------------------------------===//

template <class T> struct Schema;

template <> struct Schema<DataSpec> {
  template <class F> static constexpr void each(F &&Field) {
    Field("category", &DataSpec::Category);
    Field("subject", &DataSpec::Subject);
    Field("purposes", &DataSpec::Purposes);
    Field("retention", &DataSpec::Retention);
    Field("source", &DataSpec::Source);
  }
};

template <> struct Schema<Inference> {
  template <class F> static constexpr void each(F &&Field) {
    Field("confidence", &Inference::Confidence);
    Field("reason", &Inference::Reason);
    Field("insert", &Inference::InsertLoc);
    Field("key_at", &Inference::KeyLoc);
  }
};

template <> struct Schema<DataElement> {
  template <class F> static constexpr void each(F &&Field) {
    Field("id", &DataElement::Id);
    Field("qualified", &DataElement::QualifiedName);
    Field("kind", &DataElement::Kind);
    Field("type", &DataElement::Type);
    Field("loc", &DataElement::Loc);
    Field("spec", &DataElement::Spec);
    Field("origin", &DataElement::Origin);
    Field("annotation", &DataElement::AnnotationLoc);
    Field("inferred", &DataElement::Inferred);
  }
};

template <> struct Schema<FlowStep> {
  template <class F> static constexpr void each(F &&Field) {
    Field("loc", &FlowStep::Loc);
    Field("what", &FlowStep::What);
  }
};

template <> struct Schema<ElementUse> {
  template <class F> static constexpr void each(F &&Field) {
    Field("element", &ElementUse::ElementId);
    Field("loc", &ElementUse::Loc);
    Field("function", &ElementUse::Function);
    Field("activities", &ElementUse::Activities);
  }
};

template <> struct Schema<DeclaredName> {
  template <class F> static constexpr void each(F &&Field) {
    Field("qualified", &DeclaredName::QualifiedName);
    Field("name", &DeclaredName::Name);
    Field("type", &DeclaredName::Type);
    Field("kind", &DeclaredName::Kind);
    Field("loc", &DeclaredName::Loc);
    Field("insert", &DeclaredName::InsertLoc);
  }
};

template <> struct Schema<Suppression> {
  template <class F> static constexpr void each(F &&Field) {
    Field("loc", &Suppression::Loc);
    Field("rules", &Suppression::Rules);
    Field("reason", &Suppression::Reason);
  }
};

template <> struct Schema<DiagNote> {
  template <class F> static constexpr void each(F &&Field) {
    Field("loc", &DiagNote::Loc);
    Field("message", &DiagNote::Message);
  }
};

template <> struct Schema<FixIt> {
  template <class F> static constexpr void each(F &&Field) {
    Field("loc", &FixIt::Loc);
    Field("length", &FixIt::Length);
    Field("replacement", &FixIt::Replacement);
  }
};

template <> struct Schema<Diagnostic> {
  template <class F> static constexpr void each(F &&Field) {
    Field("severity", &Diagnostic::Sev);
    Field("loc", &Diagnostic::Loc);
    Field("message", &Diagnostic::Message);
    Field("rule", &Diagnostic::Rule);
    Field("notes", &Diagnostic::Notes);
    Field("fixits", &Diagnostic::FixIts);
  }
};

template <> struct Schema<SinkModel> {
  template <class F> static constexpr void each(F &&Field) {
    Field("function", &SinkModel::Function);
    Field("type", &SinkModel::Type);
    Field("object", &SinkModel::Object);
    Field("kind", &SinkModel::Kind);
    Field("recipient", &SinkModel::Recipient);
    Field("country", &SinkModel::Country);
    Field("safeguard", &SinkModel::Guard);
    Field("encrypted", &SinkModel::Encrypted);
    Field("accepts", &SinkModel::Accepts);
    Field("args", &SinkModel::Args);
    Field("origin", &SinkModel::Origin);
    Field("loc", &SinkModel::Loc);
  }
};

template <> struct Schema<ParsedAnnotation> {
  template <class F> static constexpr void each(F &&Field) {
    Field("kind", &ParsedAnnotation::Kind);
    Field("data", &ParsedAnnotation::Data);
    Field("subject", &ParsedAnnotation::Subject);
    Field("sink", &ParsedAnnotation::Sink);
    Field("effect", &ParsedAnnotation::Effect);
    Field("activities", &ParsedAnnotation::Activities);
    Field("consent", &ParsedAnnotation::ConsentPurpose);
  }
};

template <> struct Schema<Origin> {
  template <class F> static constexpr void each(F &&Field) {
    Field("kind", &Origin::Kind);
    Field("ref", &Origin::Ref);
    Field("index", &Origin::Index);
    Field("arg", &Origin::Arg);
    Field("projected", &Origin::Projected);
    Field("via", &Origin::Via);
    Field("at", &Origin::At);
    Field("transforms", &Origin::Transforms);
    Field("trail", &Origin::Trail);
  }
};

template <> struct Schema<Write> {
  template <class F> static constexpr void each(F &&Field) {
    Field("target", &Write::Target);
    Field("ref", &Write::Ref);
    Field("name", &Write::Name);
    Field("index", &Write::Index);
    Field("value", &Write::Val);
    Field("loc", &Write::Loc);
    Field("address", &Write::Address);
  }
};

template <> struct Schema<CallSite> {
  template <class F> static constexpr void each(F &&Field) {
    Field("callee", &CallSite::CalleeUsr);
    Field("callee_name", &CallSite::CalleeName);
    Field("virtual", &CallSite::Virtual);
    Field("loc", &CallSite::Loc);
    Field("args", &CallSite::Args);
    Field("object", &CallSite::Object);
    Field("sink_object", &CallSite::SinkObject);
    Field("sink_type", &CallSite::SinkObjectType);
    Field("written", &CallSite::WrittenValue);
    Field("strings", &CallSite::StringArgs);
    Field("consent", &CallSite::ConsentGuards);
  }
};

template <> struct Schema<FunctionFacts> {
  template <class F> static constexpr void each(F &&Field) {
    Field("usr", &FunctionFacts::Usr);
    Field("qualified", &FunctionFacts::QualifiedName);
    Field("loc", &FunctionFacts::Loc);
    Field("params", &FunctionFacts::NumParams);
    Field("method", &FunctionFacts::IsMethod);
    Field("class", &FunctionFacts::ClassName);
    Field("overrides", &FunctionFacts::Overrides);
    Field("calls", &FunctionFacts::Calls);
    Field("returns", &FunctionFacts::Returns);
    Field("writes", &FunctionFacts::Writes);
  }
};

template <> struct Schema<FunctionAnnotations> {
  template <class F> static constexpr void each(F &&Field) {
    Field("qualified", &FunctionAnnotations::QualifiedName);
    Field("loc", &FunctionAnnotations::Loc);
    Field("annotations", &FunctionAnnotations::Annotations);
  }
};

template <> struct Schema<RecordFacts> {
  template <class F> static constexpr void each(F &&Field) {
    Field("qualified", &RecordFacts::QualifiedName);
    Field("bases", &RecordFacts::Bases);
    Field("elements", &RecordFacts::ElementIds);
    Field("member_types", &RecordFacts::MemberTypes);
  }
};

/// "format" and "version" are written and checked by writeFacts/readFacts.
template <> struct Schema<TUFacts> {
  template <class F> static constexpr void each(F &&Field) {
    Field("main", &TUFacts::MainFile);
    Field("elements", &TUFacts::Elements);
    Field("functions", &TUFacts::Functions);
    Field("annotated", &TUFacts::Annotated);
    Field("records", &TUFacts::Records);
    Field("declarations", &TUFacts::Declarations);
    Field("suppressions", &TUFacts::Suppressions);
    Field("diags", &TUFacts::Diags);
    Field("side_matched", &TUFacts::SideAnnotationsMatched);
    Field("uses", &TUFacts::Uses);
    Field("outcome", &TUFacts::Outcome);
    Field("position", &TUFacts::Position);
    Field("of", &TUFacts::Of);
  }
};

template <class T>
concept HasSchema = requires {
  Schema<T>::each([](llvm::StringLiteral, auto) {});
};

//===----------------------------------------------------------------------===//
// A member added to a struct must be added to its schema too, or it would be
// silently lost on disk: count the members of each aggregate (the largest
// number of initializers T{...} accepts) and compare.
//===----------------------------------------------------------------------===//

struct AnyInit {
  template <class U> operator U() const;
};

template <class T, size_t... I> constexpr bool initializableWith(std::index_sequence<I...>) {
  return requires { T{(static_cast<void>(I), AnyInit{})...}; };
}

template <class T, size_t N = 0> constexpr size_t memberCount() {
  if constexpr (!initializableWith<T>(std::make_index_sequence<N + 1>{}))
    return N;
  else
    return memberCount<T, N + 1>();
}

template <class T> constexpr size_t schemaSize() {
  size_t N = 0;
  Schema<T>::each([&](llvm::StringLiteral, auto) { ++N; });
  return N;
}

#define PDFLOW_CHECK_SCHEMA(TYPE, UNLISTED)                                                        \
  static_assert(memberCount<TYPE>() == schemaSize<TYPE>() + (UNLISTED),                            \
                "a member of " #TYPE " is missing from its Schema in FactsIO.cpp "                 \
                "(bump FactsFormatVersion too)");
PDFLOW_CHECK_SCHEMA(DataSpec, 0)
PDFLOW_CHECK_SCHEMA(Inference, 0)
PDFLOW_CHECK_SCHEMA(DataElement, 0)
PDFLOW_CHECK_SCHEMA(FlowStep, 0)
PDFLOW_CHECK_SCHEMA(ElementUse, 0)
PDFLOW_CHECK_SCHEMA(DeclaredName, 0)
PDFLOW_CHECK_SCHEMA(Suppression, 0)
// DiagNote::Step, Diagnostic::Subject and ::Fingerprint are set by the checks and
// the report after linking, never by the frontend: not part of the facts.
PDFLOW_CHECK_SCHEMA(DiagNote, 1)
PDFLOW_CHECK_SCHEMA(FixIt, 0)
PDFLOW_CHECK_SCHEMA(Diagnostic, 2)
PDFLOW_CHECK_SCHEMA(SinkModel, 0)
PDFLOW_CHECK_SCHEMA(ParsedAnnotation, 0)
PDFLOW_CHECK_SCHEMA(Origin, 0)
PDFLOW_CHECK_SCHEMA(Write, 0)
PDFLOW_CHECK_SCHEMA(CallSite, 0)
PDFLOW_CHECK_SCHEMA(FunctionFacts, 0)
PDFLOW_CHECK_SCHEMA(FunctionAnnotations, 0)
PDFLOW_CHECK_SCHEMA(RecordFacts, 0)
PDFLOW_CHECK_SCHEMA(TUFacts, 1) // Version: the "version" key, checked by readFacts
#undef PDFLOW_CHECK_SCHEMA

template <class T>
concept IsEnum = std::is_enum_v<T> && requires {
  EnumInfo<T>::All;
};

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

json::Value write(const std::string &S);
json::Value write(bool B);
json::Value write(int I);
json::Value write(unsigned U);
json::Value write(uint8_t U);
json::Value write(const SourceLoc &L);
json::Value write(const std::map<int, std::string> &M);
template <IsEnum E> json::Value write(E V);
template <class T> json::Value write(const std::optional<T> &O);
template <class T> json::Value write(const std::vector<T> &V);
template <class T> json::Value write(const std::map<std::string, T> &M);
template <HasSchema T> json::Value write(const T &X);
json::Value write(const Trail &T);

/// JSON strings must be UTF-8; source text may not be (a Latin-1 literal).
std::string utf8(const std::string &S) { return json::isUTF8(S) ? S : json::fixUTF8(S); }

json::Value write(const std::string &S) { return utf8(S); }
json::Value write(bool B) { return B; }
json::Value write(int I) { return I; }
json::Value write(unsigned U) { return static_cast<int64_t>(U); }
json::Value write(uint8_t U) { return static_cast<int64_t>(U); }

json::Value write(const SourceLoc &L) {
  return json::Array{utf8(L.File), static_cast<int64_t>(L.Line), static_cast<int64_t>(L.Col)};
}

json::Value write(const std::map<int, std::string> &M) {
  json::Object O;
  for (const auto &[Key, Text] : M)
    O[std::to_string(Key)] = utf8(Text);
  return O;
}

template <IsEnum E> json::Value write(E V) { return EnumInfo<E>::name(V); }

template <class T> json::Value write(const std::optional<T> &O) {
  return O ? write(*O) : json::Value(nullptr);
}

template <class T> json::Value write(const std::vector<T> &V) {
  json::Array A;
  A.reserve(V.size());
  for (const T &E : V)
    A.push_back(write(E));
  return A;
}

template <class T> json::Value write(const std::map<std::string, T> &M) {
  json::Object O;
  for (const auto &[Key, Item] : M)
    O[utf8(Key)] = write(Item);
  return O;
}

json::Value write(const Trail &T) { return write(T.steps()); }

/// An object with the members that differ from a default-constructed T.
template <HasSchema T> json::Value write(const T &X) {
  static const T Default{};
  json::Object O;
  Schema<T>::each([&](llvm::StringLiteral Key, auto Member) {
    json::Value V = write(X.*Member);
    if (V != write(Default.*Member))
      O[Key] = std::move(V);
  });
  return O;
}

//===----------------------------------------------------------------------===//
// Reading: each function reports a problem at its path and returns false
//===----------------------------------------------------------------------===//

bool read(const json::Value &J, std::string &Out, json::Path P);
bool read(const json::Value &J, bool &Out, json::Path P);
bool read(const json::Value &J, int &Out, json::Path P);
bool read(const json::Value &J, unsigned &Out, json::Path P);
bool read(const json::Value &J, uint8_t &Out, json::Path P);
bool read(const json::Value &J, SourceLoc &Out, json::Path P);
bool read(const json::Value &J, std::map<int, std::string> &Out, json::Path P);
template <IsEnum E> bool read(const json::Value &J, E &Out, json::Path P);
template <class T> bool read(const json::Value &J, std::optional<T> &Out, json::Path P);
template <class T> bool read(const json::Value &J, std::vector<T> &Out, json::Path P);
template <class T> bool read(const json::Value &J, std::map<std::string, T> &Out, json::Path P);
template <HasSchema T> bool read(const json::Value &J, T &Out, json::Path P);
bool read(const json::Value &J, Trail &Out, json::Path P);

bool read(const json::Value &J, std::string &Out, json::Path P) {
  if (auto S = J.getAsString()) {
    Out = S->str();
    return true;
  }
  P.report("expected a string");
  return false;
}

bool read(const json::Value &J, bool &Out, json::Path P) {
  if (auto B = J.getAsBoolean()) {
    Out = *B;
    return true;
  }
  P.report("expected a boolean");
  return false;
}

/// An integer in [Min, Max].
template <class Int>
bool readInteger(const json::Value &J, Int &Out, json::Path P, int64_t Min, int64_t Max) {
  std::optional<int64_t> I = J.getAsInteger();
  if (!I) {
    P.report("expected an integer");
    return false;
  }
  if (*I < Min || *I > Max) {
    P.report("integer out of range");
    return false;
  }
  Out = static_cast<Int>(*I);
  return true;
}

bool read(const json::Value &J, int &Out, json::Path P) {
  return readInteger(J, Out, P, INT_MIN, INT_MAX);
}
bool read(const json::Value &J, unsigned &Out, json::Path P) {
  return readInteger(J, Out, P, 0, UINT_MAX);
}
bool read(const json::Value &J, uint8_t &Out, json::Path P) {
  return readInteger(J, Out, P, 0, UINT8_MAX);
}

bool read(const json::Value &J, SourceLoc &Out, json::Path P) {
  const json::Array *A = J.getAsArray();
  if (!A || A->size() != 3) {
    P.report("expected [file, line, column]");
    return false;
  }
  return read((*A)[0], Out.File, P.index(0)) && read((*A)[1], Out.Line, P.index(1)) &&
         read((*A)[2], Out.Col, P.index(2));
}

bool read(const json::Value &J, std::map<int, std::string> &Out, json::Path P) {
  const json::Object *O = J.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  Out.clear();
  for (const auto &[Key, Item] : *O) {
    int Index = 0;
    if (llvm::StringRef(Key).getAsInteger(10, Index)) {
      P.field(Key).report("expected an integer key");
      return false;
    }
    if (!read(Item, Out[Index], P.field(Key)))
      return false;
  }
  return true;
}

template <IsEnum E> bool read(const json::Value &J, E &Out, json::Path P) {
  std::optional<llvm::StringRef> Name = J.getAsString();
  if (!Name) {
    P.report("expected a string");
    return false;
  }
  for (E V : EnumInfo<E>::All)
    if (*Name == EnumInfo<E>::name(V)) {
      Out = V;
      return true;
    }
  P.report("unknown enumerator");
  return false;
}

template <class T> bool read(const json::Value &J, std::optional<T> &Out, json::Path P) {
  if (J.getAsNull()) {
    Out.reset();
    return true;
  }
  T Item{};
  if (!read(J, Item, P))
    return false;
  Out = std::move(Item);
  return true;
}

template <class T> bool read(const json::Value &J, std::vector<T> &Out, json::Path P) {
  const json::Array *A = J.getAsArray();
  if (!A) {
    P.report("expected an array");
    return false;
  }
  Out.clear();
  Out.resize(A->size());
  for (size_t I = 0; I < A->size(); ++I)
    if (!read((*A)[I], Out[I], P.index(I)))
      return false;
  return true;
}

bool read(const json::Value &J, Trail &Out, json::Path P) {
  std::vector<FlowStep> Steps;
  if (!read(J, Steps, P))
    return false;
  Out = Trail(std::move(Steps));
  return true;
}

template <class T> bool read(const json::Value &J, std::map<std::string, T> &Out, json::Path P) {
  const json::Object *O = J.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  Out.clear();
  for (const auto &[Key, Item] : *O)
    if (!read(Item, Out[Key.str()], P.field(Key)))
      return false;
  return true;
}

/// Keys the schema does not know are errors: they mean a writer and reader
/// that disagree, which the version should have caught.
template <HasSchema T> bool read(const json::Value &J, T &Out, json::Path P) {
  const json::Object *O = J.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  bool Ok = true;
  size_t Known = 0;
  Schema<T>::each([&](llvm::StringLiteral Key, auto Member) {
    const json::Value *V = O->get(Key);
    if (!Ok || !V)
      return;
    ++Known;
    Ok = read(*V, Out.*Member, P.field(Key));
  });
  if (!Ok || Known == O->size())
    return Ok;
  for (const auto &KV : *O) {
    bool InSchema = false;
    Schema<T>::each(
        [&](llvm::StringLiteral Key, auto) { InSchema |= Key == llvm::StringRef(KV.first); });
    if (!InSchema) {
      P.field(KV.first).report("unknown key");
      return false;
    }
  }
  return true;
}

} // namespace

std::string writeFacts(const TUFacts &F) {
  json::Value V = write(F);
  json::Object &O = *V.getAsObject();
  O["format"] = FormatName;
  O["version"] = FactsFormatVersion;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << V;
  OS.flush();
  return Out;
}

bool readFacts(const std::string &Text, TUFacts &Out, std::string &Error) {
  llvm::Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed) {
    Error = "malformed facts: " + llvm::toString(Parsed.takeError());
    return false;
  }
  json::Object *O = Parsed->getAsObject();
  if (!O) {
    Error = "not a pdflow facts file: expected a JSON object";
    return false;
  }
  std::optional<llvm::StringRef> Format = O->getString("format");
  if (!Format || *Format != FormatName) {
    Error = Format ? "not a pdflow facts file: format is '" + Format->str() + "', expected '" +
                         FormatName.str() + "'"
                   : "not a pdflow facts file: no \"format\": \"" + FormatName.str() + "\"";
    return false;
  }
  std::optional<int64_t> Version = O->getInteger("version");
  if (!Version) {
    Error = "facts file has no integer \"version\"";
    return false;
  }
  if (*Version != FactsFormatVersion) {
    Error = "facts format version " + std::to_string(*Version) +
            " is not supported (expected version " + std::to_string(FactsFormatVersion) +
            "); extract the facts again";
    return false;
  }
  O->erase("format");
  O->erase("version");

  TUFacts Facts;
  json::Path::Root Root("facts");
  if (!read(*Parsed, Facts, Root)) {
    Error = "invalid facts: " + llvm::toString(Root.getError());
    return false;
  }
  Facts.Version = FactsFormatVersion;
  Out = std::move(Facts);
  return true;
}

} // namespace pdflow
