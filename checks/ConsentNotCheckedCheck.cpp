#include "ConsentNotCheckedCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

#include <algorithm>

namespace pdflow {

ConsentNotCheckedCheck::ConsentNotCheckedCheck(CheckContext &Ctx) : Check(Ctx) {}

static bool consentedForOneOf(const Flow &F, const std::vector<std::string> &Purposes) {
  // An activity that declares no purpose is satisfied by any consent check.
  if (Purposes.empty())
    return !F.ConsentPurposes.empty();
  return std::any_of(Purposes.begin(), Purposes.end(), [&](const std::string &P) {
    return std::find(F.ConsentPurposes.begin(), F.ConsentPurposes.end(), P) !=
           F.ConsentPurposes.end();
  });
}

void ConsentNotCheckedCheck::check(const Model &M) {
  for (const Flow &F : M.Flows) {
    if (isAnonymized(F))
      continue;
    const DataElement *E = M.element(F.ElementId);
    if (!E)
      continue;
    for (const std::string &Id : F.Activities) {
      const ActivityDecl *A = findActivity(M, Id);
      if (!A || A->LegalBasis != "consent" || consentedForOneOf(F, A->Purposes))
        continue;
      std::string For = A->Purposes.empty() ? "" : " for " + joinQuoted(A->Purposes);
      std::string Only =
          F.ConsentPurposes.empty()
              ? ""
              : " (only consent to " + joinQuoted(F.ConsentPurposes) + " is checked)";
      std::string Purpose = A->Purposes.empty() ? "<purpose>" : A->Purposes.front();
      FindingSubject About = flowSubject(F, M);
      About.Activity = Id; // one finding per activity
      Ctx.report(std::move(About), F.SinkLoc,
                 dataPhrase(*E) + wholeObjectPhrase(F) + " reaches " + sinkPhrase(F.Sink) +
                     " under activity " + quote(Id) +
                     ", based on consent, on a path not guarded by a consent check" + For + Only +
                     "; reach the sink only where a PDFLOW_CONSENT_CHECK(" + Purpose +
                     ") function returned true" + gdpr(Ctx.rule().Article),
                 flowNotes(F, M), flowFixIts(F, M));
    }
  }
}

std::unique_ptr<Check> createConsentNotCheckedCheck(CheckContext &Ctx) {
  return std::make_unique<ConsentNotCheckedCheck>(Ctx);
}

} // namespace pdflow
