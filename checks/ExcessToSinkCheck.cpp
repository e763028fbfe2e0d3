#include "ExcessToSinkCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

namespace pdflow {

ExcessToSinkCheck::ExcessToSinkCheck(CheckContext &Ctx) : Check(Ctx) {}

void ExcessToSinkCheck::check(const Model &M) {
  for (const Flow &F : M.Flows) {
    // A sink that declares no accepts: says nothing about what it needs.
    if (F.Sink.Accepts.empty() || isAnonymized(F))
      continue;
    const DataElement *E = M.element(F.ElementId);
    if (!E || isWithinAny(M.Tax, E->Spec.Category, F.Sink.Accepts))
      continue;
    std::string Fix = F.WholeObject
                          ? "pass only the fields the recipient needs instead of the whole object"
                          : "stop sending it";
    Ctx.report(flowSubject(F, M), F.SinkLoc,
               dataPhrase(*E) + wholeObjectPhrase(F) + " reaches " + sinkPhrase(F.Sink) +
                   activitiesPhrase(F.Activities) + ", which accepts only " + join(F.Sink.Accepts) +
                   "; " + Fix +
                   ", or add the category to the sink's accepts if the recipient needs it" +
                   gdpr(Ctx.rule().Article),
               flowNotes(F, M), flowFixIts(F, M));
  }
}

std::unique_ptr<Check> createExcessToSinkCheck(CheckContext &Ctx) {
  return std::make_unique<ExcessToSinkCheck>(Ctx);
}

} // namespace pdflow
