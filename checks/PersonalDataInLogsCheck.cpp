#include "PersonalDataInLogsCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

namespace pdflow {

PersonalDataInLogsCheck::PersonalDataInLogsCheck(CheckContext &Ctx) : Check(Ctx) {}

/// Redacted (masked), pseudonymized (hashed, tokenized) or anonymized data
/// may be logged; encryption alone does not count: the key sits beside the log.
static bool isSafeForLogs(const Flow &F) {
  return hasTransform(F, TransformEffect::Redact) ||
         hasTransform(F, TransformEffect::Pseudonymize) ||
         hasTransform(F, TransformEffect::Anonymize);
}

void PersonalDataInLogsCheck::check(const Model &M) {
  for (const Flow &F : M.Flows) {
    if (F.Sink.Kind != SinkKind::Log || isSafeForLogs(F))
      continue;
    const DataElement *E = M.element(F.ElementId);
    if (!E)
      continue;
    Ctx.report(flowSubject(F, M), F.SinkLoc,
               dataPhrase(*E) + wholeObjectPhrase(F) + " reaches " + sinkPhrase(F.Sink) +
                   " unredacted" + activitiesPhrase(F.Activities) +
                   "; pass it through a redact, pseudonymize or anonymize transform first" +
                   gdpr(Ctx.rule().Article),
               flowNotes(F, M), flowFixIts(F, M));
  }
}

std::unique_ptr<Check> createPersonalDataInLogsCheck(CheckContext &Ctx) {
  return std::make_unique<PersonalDataInLogsCheck>(Ctx);
}

} // namespace pdflow
