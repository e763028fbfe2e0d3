#include "SpecialCategoryWithoutConditionCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

#include <map>

namespace pdflow {

SpecialCategoryWithoutConditionCheck::SpecialCategoryWithoutConditionCheck(CheckContext &Ctx)
    : Check(Ctx) {}

namespace {
/// Where an (element, activity) pair is first seen processing the data: the
/// first flow's sink, else the first read.
struct Evidence {
  SourceLoc Loc;
  std::vector<DiagNote> Notes;
  bool FromFlow = false;
};
} // namespace

static bool needsCondition(const Model &M, const std::string &ActivityId) {
  const ActivityDecl *A = findActivity(M, ActivityId);
  // Undeclared activities are invalid-annotation's; declared ones need a condition.
  return A && A->SpecialCondition.empty();
}

void SpecialCategoryWithoutConditionCheck::check(const Model &M) {
  using Key = std::pair<std::string, std::string>; // element id, activity id
  std::map<Key, Evidence> Found;
  for (const Flow &F : M.Flows) {
    const DataElement *E = M.element(F.ElementId);
    if (!E || isAnonymized(F) || !isSpecialOrCriminal(M.Tax, E->Spec.Category))
      continue;
    for (const std::string &A : F.Activities)
      if (needsCondition(M, A))
        Found.try_emplace({E->Id, A}, Evidence{F.SinkLoc, flowNotes(F, M), true});
  }
  for (const ElementUse &U : M.Uses) {
    const DataElement *E = M.element(U.ElementId);
    if (!E || !isSpecialOrCriminal(M.Tax, E->Spec.Category))
      continue;
    for (const std::string &A : U.Activities) {
      if (!needsCondition(M, A))
        continue;
      std::vector<DiagNote> Notes = {{U.Loc, "read here in " + quote(U.Function)}};
      if (E->Loc.valid())
        Notes.push_back(
            {E->Loc, "'" + E->QualifiedName + "' declared here as " + E->Spec.Category});
      auto [It, Inserted] = Found.try_emplace({E->Id, A}, Evidence{U.Loc, Notes, false});
      if (!Inserted && !It->second.FromFlow && U.Loc < It->second.Loc)
        It->second = Evidence{U.Loc, Notes, false};
    }
  }
  for (auto &[K, Ev] : Found) {
    const DataElement *E = M.element(K.first);
    const ActivityDecl *A = findActivity(M, K.second);
    bool Criminal = M.Tax && M.Tax->isCriminal(E->Spec.Category);
    if (A->Loc.valid())
      Ev.Notes.push_back({A->Loc, "activity " + quote(A->Id) + " declared here"});
    std::string Message =
        dataPhrase(*E, dataNoun(M.Tax, E->Spec.Category)) + " is processed under activity " +
        quote(A->Id) + ", which declares no " +
        (Criminal ? "authorisation for criminal-offence data; set special_condition: for " +
                        quote(A->Id) + " to official-authority or authorised-by-law"
                  : "Art. 9(2) condition; set special_condition: for " + quote(A->Id) +
                        " to the Art. 9(2) condition that applies") +
        ", or stop processing this data there" + gdpr(Criminal ? "10" : "9");
    // The (element, activity) pair is the finding, whichever flow or read shows it.
    Ctx.report(FindingSubject{E->QualifiedName, "", A->Id, ""}, Ev.Loc, Message,
               std::move(Ev.Notes));
  }
}

std::unique_ptr<Check> createSpecialCategoryWithoutConditionCheck(CheckContext &Ctx) {
  return std::make_unique<SpecialCategoryWithoutConditionCheck>(Ctx);
}

} // namespace pdflow
