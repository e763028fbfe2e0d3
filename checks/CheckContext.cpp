#include "pdflow/checks/Check.h"

#include <algorithm>

namespace pdflow {

CheckContext::CheckContext(const RuleInfo &Rule, const RuleSettings *Settings, DiagnosticList &Out)
    : Rule(Rule), Settings(Settings), Out(Out) {}

Severity CheckContext::severity() const {
  if (Settings && Settings->Sev)
    return *Settings->Sev;
  return Rule.DefaultSeverity;
}

std::string CheckContext::option(const std::string &Key, const std::string &Default) const {
  Declared.emplace(Key, Default);
  if (Settings) {
    auto It = Settings->Options.find(Key);
    if (It != Settings->Options.end())
      return It->second;
  }
  return Default;
}

void CheckContext::report(SourceLoc Loc, std::string Message, std::vector<DiagNote> Notes,
                          std::vector<FixIt> FixIts) {
  report(Severity::Error, std::move(Loc), std::move(Message), std::move(Notes), std::move(FixIts));
}

void CheckContext::report(Severity Level, SourceLoc Loc, std::string Message,
                          std::vector<DiagNote> Notes, std::vector<FixIt> FixIts) {
  Severity Sev = std::min(Level, severity());
  Out.add({Sev, std::move(Loc), std::move(Message), std::string(Rule.Name), std::move(Notes),
           std::move(FixIts)});
}

void CheckContext::report(FindingSubject Subject, SourceLoc Loc, std::string Message,
                          std::vector<DiagNote> Notes, std::vector<FixIt> FixIts) {
  Diagnostic D{severity(),       std::move(Loc),    std::move(Message), std::string(Rule.Name),
               std::move(Notes), std::move(FixIts), std::move(Subject)};
  Out.add(std::move(D));
}

void CheckContext::optionError(std::string Message) {
  Out.add(
      {Severity::Error, Settings ? Settings->Loc : SourceLoc{}, std::move(Message), "", {}, {}});
}

std::vector<DiagNote> flowNotes(const Flow &F, const Model &M) {
  std::vector<DiagNote> Notes;
  for (const FlowStep &S : F.Steps)
    Notes.push_back({S.Loc, S.What, /*Step=*/true});
  const DataElement *E = M.element(F.ElementId);
  if (!E)
    return Notes;
  if (E->Loc.valid() && E->Origin == AnnotationOrigin::Inferred)
    Notes.push_back({E->Loc, "'" + E->QualifiedName + "' inferred as " + E->Spec.Category + " (" +
                                 E->Inferred.describe() + ", confidence " +
                                 std::to_string(E->Inferred.Confidence) +
                                 "); annotate it with PDFLOW_DATA(" + E->Spec.Category +
                                 ") to confirm"});
  else if (E->Loc.valid())
    Notes.push_back({E->Loc, "'" + E->QualifiedName + "' declared here as " + E->Spec.Category});
  if (E->Origin == AnnotationOrigin::SideAnnotation && E->AnnotationLoc.valid())
    Notes.push_back({E->AnnotationLoc, "'" + E->QualifiedName + "' is declared " +
                                           E->Spec.Category + " by this side annotation"});
  return Notes;
}

FindingSubject flowSubject(const Flow &F, const Model &M) {
  const DataElement *E = M.element(F.ElementId);
  std::string Activities;
  for (const std::string &A : F.Activities)
    Activities += (Activities.empty() ? "" : ",") + A;
  return {E ? E->QualifiedName : F.ElementId, F.Sink.Function, Activities, F.Function};
}

std::vector<FixIt> flowFixIts(const Flow &F, const Model &M) {
  const DataElement *E = M.element(F.ElementId);
  if (!E || E->Origin != AnnotationOrigin::Inferred || !E->Inferred.InsertLoc.valid())
    return {};
  return {{E->Inferred.InsertLoc, 0, "PDFLOW_DATA(" + E->Spec.Category + ") "}};
}

} // namespace pdflow
