#include "InvalidAnnotationCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"
#include "pdflow/support/Text.h"

#include <algorithm>
#include <map>
#include <set>

namespace pdflow {

InvalidAnnotationCheck::InvalidAnnotationCheck(CheckContext &Ctx) : Check(Ctx) {}

static SourceLoc annotationLoc(const DataElement &E) {
  return E.AnnotationLoc.valid() ? E.AnnotationLoc : E.Loc;
}

/// Taxonomy ids in an element's spec that the taxonomy does not know; the
/// frontend and the config loader reject them where they are written, so this
/// only fires on facts cached under another taxonomy.
void InvalidAnnotationCheck::checkElement(const Model &M, const DataElement &E) {
  const Taxonomy &Tax = *M.Tax;
  std::string For = " for " + quote(E.QualifiedName);
  if (!Tax.category(E.Spec.Category))
    Ctx.report(annotationLoc(E), withSuggestion("unknown category " + quote(E.Spec.Category) + For,
                                                E.Spec.Category, Tax.categoryIds()));
  if (!E.Spec.Subject.empty() && !Tax.subject(E.Spec.Subject))
    Ctx.report(annotationLoc(E),
               withSuggestion("unknown data subject " + quote(E.Spec.Subject) + For, E.Spec.Subject,
                              Tax.subjectIds()));
  for (const std::string &P : E.Spec.Purposes)
    if (!Tax.purpose(P))
      Ctx.report(annotationLoc(E),
                 withSuggestion("unknown purpose " + quote(P) + For, P, Tax.purposeIds()));
}

/// Activity ids the code uses (annotations, flows, reads), each with the
/// first place it appears.
static std::map<std::string, SourceLoc> activitiesInCode(const Model &M) {
  std::map<std::string, SourceLoc> Ids;
  auto Add = [&](const std::string &Id, const SourceLoc &Loc) {
    auto [It, Inserted] = Ids.try_emplace(Id, Loc);
    if (!Inserted && Loc < It->second)
      It->second = Loc;
  };
  for (const auto &[Id, Loc] : M.ActivityEntries)
    Add(Id, Loc);
  for (const Flow &F : M.Flows)
    for (const std::string &Id : F.Activities)
      Add(Id, F.SinkLoc);
  for (const ElementUse &U : M.Uses)
    for (const std::string &Id : U.Activities)
      Add(Id, U.Loc);
  return Ids;
}

void InvalidAnnotationCheck::checkActivities(const Model &M) {
  std::vector<std::string> Declared;
  if (M.Cfg)
    for (const ActivityDecl &A : M.Cfg->Activities)
      Declared.push_back(A.Id);
  std::map<std::string, SourceLoc> Used = activitiesInCode(M);
  for (const auto &[Id, Loc] : Used)
    if (std::find(Declared.begin(), Declared.end(), Id) == Declared.end()) {
      std::string Message = "activity " + quote(Id) +
                            " is not declared under activities: in .pdflow.yaml; declare it "
                            "with its purposes, legal basis and retention";
      if (auto Best = closestMatch(Id, Declared))
        Message += ", or did you mean " + quote(*Best) + "?";
      Ctx.report(Loc, Message + gdpr("30"));
    }
  std::set<std::string> WithEntry;
  for (const auto &[Id, Loc] : M.ActivityEntries)
    WithEntry.insert(Id);
  if (!M.Cfg)
    return;
  for (const ActivityDecl &A : M.Cfg->Activities)
    if (!WithEntry.count(A.Id))
      Ctx.report(Severity::Warning, A.Loc,
                 "activity " + quote(A.Id) +
                     " has no entry point in the code; fix its entry_points globs or annotate "
                     "its entry point with PDFLOW_ACTIVITY(" +
                     A.Id + ")" + gdpr("30"));
}

void InvalidAnnotationCheck::check(const Model &M) {
  if (M.Tax)
    for (const DataElement &E : M.Elements)
      checkElement(M, E);
  checkActivities(M);
}

std::unique_ptr<Check> createInvalidAnnotationCheck(CheckContext &Ctx) {
  return std::make_unique<InvalidAnnotationCheck>(Ctx);
}

} // namespace pdflow
