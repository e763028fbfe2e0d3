#include "PurposeLimitationCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

#include <algorithm>

namespace pdflow {

PurposeLimitationCheck::PurposeLimitationCheck(CheckContext &Ctx) : Check(Ctx) {}

static bool intersects(const std::vector<std::string> &A, const std::vector<std::string> &B) {
  return std::any_of(A.begin(), A.end(), [&](const std::string &X) {
    return std::find(B.begin(), B.end(), X) != B.end();
  });
}

void PurposeLimitationCheck::check(const Model &M) {
  for (const Flow &F : M.Flows) {
    if (isAnonymized(F))
      continue;
    const DataElement *E = M.element(F.ElementId);
    // Data that declares no purposes is not limited to any.
    if (!E || E->Spec.Purposes.empty())
      continue;
    for (const std::string &Id : F.Activities) {
      const ActivityDecl *A = findActivity(M, Id);
      if (!A || A->Purposes.empty() || intersects(A->Purposes, E->Spec.Purposes))
        continue;
      FindingSubject About = flowSubject(F, M);
      About.Activity = Id; // one finding per activity
      Ctx.report(std::move(About), F.SinkLoc,
                 dataPhrase(*E) + wholeObjectPhrase(F) + " reaches " + sinkPhrase(F.Sink) +
                     " under activity " + quote(Id) + ", whose purposes (" + join(A->Purposes) +
                     ") are not among the data's purposes (" + join(E->Spec.Purposes) +
                     "); stop this flow, or add the purpose to the data's purposes if it is "
                     "compatible with them" +
                     gdpr(Ctx.rule().Article),
                 flowNotes(F, M), flowFixIts(F, M));
    }
  }
}

std::unique_ptr<Check> createPurposeLimitationCheck(CheckContext &Ctx) {
  return std::make_unique<PurposeLimitationCheck>(Ctx);
}

} // namespace pdflow
