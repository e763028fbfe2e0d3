#include "UnusedPersonalDataCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

#include <algorithm>

namespace pdflow {

UnusedPersonalDataCheck::UnusedPersonalDataCheck(CheckContext &Ctx) : Check(Ctx) {}

/// Parameters and return values are reads themselves: only what is kept
/// (fields, variables, whole classes) can be collected and never used.
static bool isCollected(ElementKind K) {
  return K == ElementKind::Field || K == ElementKind::Variable || K == ElementKind::Class;
}

namespace {
/// A read of the element, by a use or a flow, with the activities it runs under.
struct Read {
  SourceLoc Loc;
  std::string Function;
  bool UnderActivity;
};
} // namespace

static std::vector<Read> readsOf(const Model &M, const DataElement &E) {
  const std::string &Id = E.Id;
  std::vector<Read> Reads;
  for (const ElementUse &U : M.Uses)
    if (U.ElementId == Id)
      Reads.push_back({U.Loc, U.Function, !U.Activities.empty()});
  // A field stored or sent along with its whole object was carried, not
  // read: a record saved with a never-used field still holds data nobody
  // needs. A whole-object flow is a read of an annotated class itself.
  for (const Flow &F : M.Flows)
    if (F.ElementId == Id && (!F.WholeObject || E.Kind == ElementKind::Class))
      Reads.push_back({F.SinkLoc, F.Function, !F.Activities.empty()});
  std::sort(Reads.begin(), Reads.end(), [](const Read &A, const Read &B) { return A.Loc < B.Loc; });
  return Reads;
}

void UnusedPersonalDataCheck::check(const Model &M) {
  bool HasActivities = M.Cfg && !M.Cfg->Activities.empty();
  for (const DataElement &E : M.Elements) {
    // Inferred data is a guess about a name, not a declaration of what was
    // collected: only an annotation says it is kept for nothing.
    if (!isCollected(E.Kind) || E.Origin == AnnotationOrigin::Inferred)
      continue;
    std::vector<Read> Reads = readsOf(M, E);
    if (std::any_of(Reads.begin(), Reads.end(), [](const Read &R) { return R.UnderActivity; }))
      continue;
    SourceLoc Loc = E.Loc.valid() ? E.Loc : E.AnnotationLoc;
    std::vector<DiagNote> Notes;
    if (E.Origin == AnnotationOrigin::SideAnnotation && E.AnnotationLoc.valid() &&
        E.AnnotationLoc != Loc)
      Notes.push_back(
          {E.AnnotationLoc, "declared " + E.Spec.Category + " by this side annotation"});
    if (Reads.empty()) {
      Ctx.report(FindingSubject{E.QualifiedName, "", "", ""}, Loc,
                 dataPhrase(E) +
                     " is collected but never read; stop collecting it, or read it "
                     "where a processing activity needs it" +
                     gdpr(Ctx.rule().Article),
                 std::move(Notes));
      continue;
    }
    // With no activity declared at all, reads outside activities are
    // unregistered-processing's concern, not this rule's.
    if (!HasActivities)
      continue;
    for (size_t I = 0; I < Reads.size() && I < 3; ++I)
      Notes.push_back({Reads[I].Loc, "read here in " + quote(Reads[I].Function) +
                                         ", which runs under no processing activity"});
    Ctx.report(FindingSubject{E.QualifiedName, "", "", ""}, Loc,
               dataPhrase(E) +
                   " is collected but never read by any processing activity, only "
                   "by code outside them; stop collecting it, or bring the code "
                   "that needs it under the activity it serves" +
                   gdpr(Ctx.rule().Article),
               std::move(Notes));
  }
}

std::unique_ptr<Check> createUnusedPersonalDataCheck(CheckContext &Ctx) {
  return std::make_unique<UnusedPersonalDataCheck>(Ctx);
}

} // namespace pdflow
