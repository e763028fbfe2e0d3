#include "MissingLegalBasisCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"
#include "pdflow/support/Text.h"

#include <algorithm>

namespace pdflow {

MissingLegalBasisCheck::MissingLegalBasisCheck(CheckContext &Ctx) : Check(Ctx) {}

static std::vector<std::string> legalBases(const Taxonomy *Tax) {
  std::vector<std::string> Ids;
  if (Tax)
    Ids = Tax->legalBasisIds();
  if (Ids.empty()) // Art. 6(1)(a)-(f), as .pdflow.yaml spells them
    Ids = {"consent",         "contract",    "legal-obligation",
           "vital-interests", "public-task", "legitimate-interests"};
  return Ids;
}

static bool isValidBasis(const Taxonomy *Tax, const std::string &Id) {
  if (Id.empty())
    return false;
  if (Tax && Tax->legalBasis(Id))
    return true;
  std::vector<std::string> Ids = legalBases(Tax);
  return std::find(Ids.begin(), Ids.end(), Id) != Ids.end();
}

static bool lists(const std::vector<std::string> &Activities, const std::string &Id) {
  return std::find(Activities.begin(), Activities.end(), Id) != Activities.end();
}

/// Where activity Id processes personal data: its first three flows or reads.
static std::vector<DiagNote> evidence(const Model &M, const std::string &Id) {
  std::vector<DiagNote> Notes;
  auto Describe = [&](const std::string &ElementId) {
    const DataElement *E = M.element(ElementId);
    return E ? quote(E->Spec.Category) + " (" + E->QualifiedName + ")" : quote(ElementId);
  };
  for (const Flow &F : M.Flows)
    if (Notes.size() < 3 && lists(F.Activities, Id))
      Notes.push_back({F.SinkLoc, "processes " + Describe(F.ElementId) + " here"});
  for (const ElementUse &U : M.Uses)
    if (Notes.size() < 3 && lists(U.Activities, Id))
      Notes.push_back({U.Loc, "processes " + Describe(U.ElementId) + " here"});
  return Notes;
}

void MissingLegalBasisCheck::check(const Model &M) {
  if (!M.Cfg)
    return;
  for (const ActivityDecl &A : M.Cfg->Activities) {
    if (isValidBasis(M.Tax, A.LegalBasis))
      continue;
    // An activity that processes nothing has nothing to justify.
    std::vector<DiagNote> Notes = evidence(M, A.Id);
    if (Notes.empty())
      continue;
    std::vector<std::string> Bases = legalBases(M.Tax);
    std::string Message = "activity " + quote(A.Id) + " processes personal data ";
    if (A.LegalBasis.empty()) {
      Message += "but declares no legal basis; add legal_basis: with the one that applies (" +
                 join(Bases) + ")";
    } else {
      Message += "under legal basis " + quote(A.LegalBasis) + ", which is not an Art. 6(1) basis";
      if (auto Best = closestMatch(A.LegalBasis, Bases))
        Message += "; did you mean " + quote(*Best) + "?";
      else
        Message += "; use one of " + join(Bases);
    }
    Ctx.report(FindingSubject{"", "", A.Id, ""}, A.Loc, Message + gdpr(Ctx.rule().Article),
               std::move(Notes));
  }
}

std::unique_ptr<Check> createMissingLegalBasisCheck(CheckContext &Ctx) {
  return std::make_unique<MissingLegalBasisCheck>(Ctx);
}

} // namespace pdflow
