#include "UnregisteredProcessingCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

namespace pdflow {

UnregisteredProcessingCheck::UnregisteredProcessingCheck(CheckContext &Ctx) : Check(Ctx) {}

void UnregisteredProcessingCheck::check(const Model &M) {
  for (const Flow &F : M.Flows) {
    if (!F.Activities.empty() || isAnonymized(F))
      continue;
    const DataElement *E = M.element(F.ElementId);
    if (!E)
      continue;
    std::string Where = F.Function.empty() ? "" : " in " + quote(F.Function);
    Ctx.report(flowSubject(F, M), F.SinkLoc,
               dataPhrase(*E) + wholeObjectPhrase(F) + " reaches " + sinkPhrase(F.Sink) + Where +
                   ", which runs under no declared processing activity; " +
                   "list the code's entry point under an activity's entry_points in "
                   ".pdflow.yaml or annotate it with PDFLOW_ACTIVITY(<id>)" +
                   gdpr(Ctx.rule().Article),
               flowNotes(F, M), flowFixIts(F, M));
  }
}

std::unique_ptr<Check> createUnregisteredProcessingCheck(CheckContext &Ctx) {
  return std::make_unique<UnregisteredProcessingCheck>(Ctx);
}

} // namespace pdflow
