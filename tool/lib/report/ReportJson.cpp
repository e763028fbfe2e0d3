// The JSON renderers: inventory and scan. Every key is always present; a
// value that is not known (an empty string, line 0, an unknown place) is
// null, and lists are arrays, possibly empty. Keys print sorted, elements in
// the model's order (by id, stable when code moves), flows by sink location.

#include "pdflow/report/Report.h"

#include "JsonSupport.h"

#include <algorithm>
#include <tuple>

namespace pdflow {
namespace {

namespace json = llvm::json;
using namespace jsonsupport;

/// The scan document's schema version (docs/json-schema.md): 2 named flows'
/// elements by qualified name (the USR moved to "element_id") and added
/// fingerprints, "incomplete", "baseline" and "new_since"; 3 added inferred
/// elements ("confidence", "reason", flows' "inferred") and local variables.
constexpr int64_t ScanJsonVersion = 3;
/// The inventory's: 2 as the scan's 3, for its elements.
constexpr int64_t InventoryJsonVersion = 2;

/// "file", "line", "column" into O.
void putLoc(json::Object &O, const SourceLoc &Loc) {
  O["file"] = text(Loc.File);
  O["line"] = Loc.valid() ? number(Loc.Line) : nullptr;
  O["column"] = Loc.valid() ? number(Loc.Col) : nullptr;
}

json::Value locObject(const SourceLoc &Loc) {
  if (!Loc.valid())
    return nullptr;
  json::Object O;
  putLoc(O, Loc);
  return O;
}

json::Value elementJson(const DataElement &E) {
  const DataSpec &S = E.Spec;
  json::Object O{
      {"id", text(E.Id)},
      {"name", text(E.QualifiedName)},
      {"kind", elementKindName(E.Kind)},
      {"type", text(E.Type)},
      {"category", text(S.Category)},
      {"subject", text(S.Subject)},
      {"purposes", texts(S.Purposes)},
      {"retention", text(S.Retention)},
      {"source", text(S.Source)},
      {"origin", annotationOriginName(E.Origin)},
      {"annotation", locObject(E.AnnotationLoc)},
  };
  // Why an inferred element was taken for personal data; null for the others.
  bool Inferred = E.Origin == AnnotationOrigin::Inferred;
  O["confidence"] =
      Inferred ? json::Value(static_cast<int64_t>(E.Inferred.Confidence)) : json::Value(nullptr);
  O["reason"] = Inferred ? text(E.Inferred.describe()) : nullptr;
  putLoc(O, E.Loc);
  return O;
}

json::Array elementsJson(const Model &M) {
  json::Array A;
  for (const DataElement &E : M.Elements)
    A.push_back(elementJson(E));
  return A;
}

json::Value sinkJson(const SinkRef &S) {
  return json::Object{
      {"function", text(S.Function)},
      {"kind", sinkKindName(S.Kind)},
      {"recipient", text(S.Recipient)},
      {"country", text(S.Country)},
      {"safeguard", S.Guard == Safeguard::Unspecified ? json::Value(nullptr)
                                                      : json::Value(safeguardName(S.Guard))},
      {"encrypted", S.Encrypted ? json::Value(*S.Encrypted) : json::Value(nullptr)},
      {"accepts", texts(S.Accepts)},
  };
}

json::Value flowJson(const Flow &F, const Model &M) {
  json::Array Steps;
  for (const FlowStep &Step : F.Steps) {
    json::Object O{{"what", text(Step.What)}};
    putLoc(O, Step.Loc);
    Steps.push_back(std::move(O));
  }
  json::Array Transforms;
  for (TransformEffect T : F.Transforms)
    Transforms.push_back(transformEffectName(T));
  const DataElement *E = M.element(F.ElementId);
  return json::Object{
      {"element", E ? text(E->QualifiedName) : nullptr},
      {"element_id", text(F.ElementId)},
      {"category", E ? text(E->Spec.Category) : nullptr},
      {"sink", sinkJson(F.Sink)},
      {"location", locObject(F.SinkLoc)},
      {"function", text(F.Function)},
      {"steps", std::move(Steps)},
      {"transforms", std::move(Transforms)},
      {"activities", texts(F.Activities)},
      {"consent", texts(F.ConsentPurposes)},
      {"whole_object", F.WholeObject},
      {"inferred", E && E->Origin == AnnotationOrigin::Inferred},
  };
}

json::Array flowsJson(const Model &M) {
  std::vector<const Flow *> Sorted;
  for (const Flow &F : M.Flows)
    Sorted.push_back(&F);
  std::stable_sort(Sorted.begin(), Sorted.end(), [](const Flow *A, const Flow *B) {
    return std::tie(A->SinkLoc, A->ElementId) < std::tie(B->SinkLoc, B->ElementId);
  });
  json::Array A;
  for (const Flow *F : Sorted)
    A.push_back(flowJson(*F, M));
  return A;
}

json::Value subjectJson(const FindingSubject &S) {
  if (S.empty())
    return nullptr;
  return json::Object{{"element", text(S.Element)},
                      {"sink", text(S.Sink)},
                      {"activity", text(S.Activity)},
                      {"function", text(S.Function)}};
}

json::Object diagnosticJson(const Diagnostic &D) {
  json::Array Notes;
  for (const DiagNote &N : D.Notes) {
    json::Object O{{"message", text(N.Message)}, {"step", N.Step}};
    putLoc(O, N.Loc);
    Notes.push_back(std::move(O));
  }
  json::Array FixIts;
  for (const FixIt &F : D.FixIts) {
    // An empty replacement (a deletion) stays "", not null.
    json::Object O{{"length", static_cast<int64_t>(F.Length)},
                   {"replacement", utf8(F.Replacement)}};
    putLoc(O, F.Loc);
    FixIts.push_back(std::move(O));
  }
  json::Object O;
  O["rule"] = text(D.Rule);
  O["severity"] = severityName(D.Sev);
  O["message"] = text(D.Message);
  O["notes"] = std::move(Notes);
  O["fixits"] = std::move(FixIts);
  O["fingerprint"] = text(D.Fingerprint);
  O["subject"] = subjectJson(D.Subject);
  putLoc(O, D.Loc);
  return O;
}

json::Array diagnosticsJson(const std::vector<Diagnostic> &Diags) {
  json::Array A;
  for (const Diagnostic &D : Diags)
    A.push_back(diagnosticJson(D));
  return A;
}

json::Object suppressionJson(const Suppression &S) {
  return json::Object{
      {"file", text(S.Loc.File)},
      {"line", S.Loc.valid() ? number(S.Loc.Line) : nullptr},
      {"rules", texts(S.Rules)},
      {"reason", text(S.Reason)},
  };
}

json::Value suppressedJson(const SuppressedFinding &S) {
  json::Object O = diagnosticJson(S.Finding);
  O["suppression"] = suppressionJson(S.By);
  return O;
}

json::Value baselineEntryJson(const BaselineEntry &E) {
  return json::Object{{"fingerprint", text(E.Fingerprint)},
                      {"rule", text(E.Rule)},
                      {"severity", text(E.Severity)},
                      {"file", text(E.File)},
                      {"line", number(E.Line)},
                      {"message", text(E.Message)}};
}

json::Value baselineJson(const std::optional<BaselineReport> &B) {
  if (!B)
    return nullptr;
  json::Array Stale;
  for (const BaselineEntry &E : B->Stale)
    Stale.push_back(baselineEntryJson(E));
  return json::Object{{"file", text(B->File)},
                      {"known", static_cast<int64_t>(B->Known)},
                      {"stale", std::move(Stale)}};
}

json::Value newSinceJson(const std::optional<NewSinceReport> &N) {
  if (!N)
    return nullptr;
  return json::Object{{"revision", text(N->Revision)}, {"hidden", static_cast<int64_t>(N->Hidden)}};
}

} // namespace

std::string renderInventoryJson(const Model &M) {
  return print(json::Object{{"version", InventoryJsonVersion}, {"elements", elementsJson(M)}});
}

std::string renderScanJson(const Model &M, const ScanReport &R) {
  json::Array SuppressedJson;
  for (const SuppressedFinding &S : R.Suppressed)
    SuppressedJson.push_back(suppressedJson(S));
  // Every suppression comment in the code, whether it hid anything or not,
  // so that an auditor can list them all.
  json::Array SuppressionsJson;
  for (const Suppression &S : M.Suppressions)
    SuppressionsJson.push_back(suppressionJson(S));
  return print(json::Object{
      {"version", ScanJsonVersion},
      {"elements", elementsJson(M)},
      {"flows", flowsJson(M)},
      {"findings", diagnosticsJson(R.Findings)},
      {"suppressed", std::move(SuppressedJson)},
      {"suppressions", std::move(SuppressionsJson)},
      {"diagnostics", diagnosticsJson(R.ToolDiagnostics)},
      {"incomplete", texts(R.IncompleteFiles)},
      {"baseline", baselineJson(R.Baseline)},
      {"new_since", newSinceJson(R.NewSince)},
  });
}

} // namespace pdflow
