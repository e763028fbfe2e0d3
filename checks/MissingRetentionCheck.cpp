#include "MissingRetentionCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

namespace pdflow {

MissingRetentionCheck::MissingRetentionCheck(CheckContext &Ctx) : Check(Ctx) {}

static bool activityHasRetention(const Model &M, const Flow &F) {
  for (const std::string &Id : F.Activities)
    if (const ActivityDecl *A = findActivity(M, Id); A && !A->Retention.empty())
      return true;
  return false;
}

static std::string howToFix(const DataElement &E, const Flow &F) {
  std::string Fix;
  switch (E.Origin) {
  case AnnotationOrigin::Code:
    Fix = "add retention = <period, e.g. P3Y> to its PDFLOW_DATA annotation";
    break;
  case AnnotationOrigin::SideAnnotation:
    Fix = "add retention: <period, e.g. P3Y> to its entry under data: in .pdflow.yaml";
    break;
  case AnnotationOrigin::ClassAnnotation:
    Fix = "add retention = <period, e.g. P3Y> to the annotation of its class";
    break;
  case AnnotationOrigin::Inferred:
    Fix = "annotate it with PDFLOW_DATA(" + E.Spec.Category + ", retention = <period, e.g. P3Y>)";
    break;
  }
  if (F.Activities.size() == 1)
    Fix += ", or retention: to activity " + quote(F.Activities.front());
  else if (!F.Activities.empty())
    Fix += ", or retention: to one of activities " + joinQuoted(F.Activities);
  return Fix;
}

void MissingRetentionCheck::check(const Model &M) {
  for (const Flow &F : M.Flows) {
    bool Storage = F.Sink.Kind == SinkKind::Storage;
    if ((!Storage && F.Sink.Kind != SinkKind::Export) || isAnonymized(F))
      continue;
    const DataElement *E = M.element(F.ElementId);
    if (!E || !E->Spec.Retention.empty() || activityHasRetention(M, F))
      continue;
    Ctx.report(flowSubject(F, M), F.SinkLoc,
               dataPhrase(*E) + wholeObjectPhrase(F) +
                   (Storage ? " is stored by " : " is exported by ") + sinkPhrase(F.Sink) +
                   activitiesPhrase(F.Activities) + " with no retention period; " +
                   howToFix(*E, F) + gdpr(Ctx.rule().Article),
               flowNotes(F, M), flowFixIts(F, M));
  }
}

std::unique_ptr<Check> createMissingRetentionCheck(CheckContext &Ctx) {
  return std::make_unique<MissingRetentionCheck>(Ctx);
}

} // namespace pdflow
