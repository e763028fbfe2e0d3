#include "ThirdCountryTransferCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"

#include <map>
#include <optional>
#include <set>

namespace pdflow {

ThirdCountryTransferCheck::ThirdCountryTransferCheck(CheckContext &Ctx) : Check(Ctx) {}

namespace {
/// Why a transfer is not covered, and what would cover it.
struct Verdict {
  std::string Problem;
  std::string Fix;
};
} // namespace

static std::string countryName(const Country *C, const std::string &Code) {
  if (!C || C->Name.empty())
    return Code;
  return C->Name + " (" + C->Code + ")";
}

static std::string guardProblem(Safeguard G, const std::string &Name, bool Framework) {
  switch (G) {
  case Safeguard::Unspecified:
    return "with no safeguard";
  case Safeguard::None:
    return "with safeguard: none";
  case Safeguard::Dpf:
    return "with safeguard: dpf, which covers only certified recipients in the United States";
  case Safeguard::Adequacy:
    return Framework ? "with safeguard: adequacy, but the adequacy decision for " + Name +
                           " covers only recipients certified under the EU-US Data Privacy "
                           "Framework"
                     : "with safeguard: adequacy, but " + Name + " has no adequacy decision";
  default:
    return "";
  }
}

/// Nothing when the transfer is covered (EEA, adequacy, or a safeguard that
/// counts for the country), else why not.
static std::optional<Verdict> assess(const Country *C, const std::string &Code, Safeguard G,
                                     const std::string &Recipient) {
  Adequacy A = C ? C->Adequate : Adequacy::None;
  if ((C && C->EEA) || A == Adequacy::Full || A == Adequacy::Commercial)
    return std::nullopt;
  bool Contractual = G == Safeguard::Scc || G == Safeguard::Bcr || G == Safeguard::Derogation;
  std::string Name = countryName(C, Code);
  if (A == Adequacy::Framework) {
    if (Contractual || G == Safeguard::Dpf)
      return std::nullopt;
    // With safeguard: adequacy the problem already says what the decision covers.
    std::string Why = G == Safeguard::Adequacy
                          ? ""
                          : Name + " has an adequacy decision only for recipients certified "
                                   "under the EU-US Data Privacy Framework: ";
    return Verdict{guardProblem(G, Name, true),
                   Why + "declare safeguard: dpf if " + quote(Recipient) +
                       " is certified, otherwise put standard contractual clauses (scc) or "
                       "binding corporate rules (bcr) in place"};
  }
  if (Contractual)
    return std::nullopt;
  std::string Where = C ? Name + " is a third country with no adequacy decision"
                        : quote(Code) + " is not a country pdflow knows, so no adequacy "
                                        "decision is assumed";
  return Verdict{guardProblem(G, Name, false),
                 Where + ": put standard contractual clauses (safeguard: scc) or binding "
                         "corporate rules (bcr) in place, or declare the Art. 49 derogation "
                         "relied on (derogation)"};
}

void ThirdCountryTransferCheck::check(const Model &M) {
  // Third-party sinks with no country, by call site: one finding each.
  std::map<std::pair<SourceLoc, std::string>, std::vector<const Flow *>> Unknown;
  for (const Flow &F : M.Flows) {
    if (isAnonymized(F) || (F.Sink.Kind != SinkKind::ThirdParty && F.Sink.Country.empty()))
      continue;
    const DataElement *E = M.element(F.ElementId);
    if (!E)
      continue;
    if (F.Sink.Country.empty()) {
      Unknown[{F.SinkLoc, F.Sink.Function}].push_back(&F);
      continue;
    }
    const Country *C = M.Tax ? M.Tax->country(F.Sink.Country) : nullptr;
    std::string Recipient = F.Sink.Recipient.empty() ? F.Sink.Function : F.Sink.Recipient;
    std::optional<Verdict> V = assess(C, F.Sink.Country, F.Sink.Guard, Recipient);
    if (!V)
      continue;
    Ctx.report(flowSubject(F, M), F.SinkLoc,
               dataPhrase(*E) + wholeObjectPhrase(F) + " is transferred to " + sinkPhrase(F.Sink) +
                   activitiesPhrase(F.Activities) + " " + V->Problem + "; " + V->Fix +
                   gdpr(Ctx.rule().Article),
               flowNotes(F, M), flowFixIts(F, M));
  }
  for (const auto &[Key, Flows] : Unknown) {
    const Flow &First = *Flows.front();
    std::set<std::string> Data;
    for (const Flow *F : Flows)
      if (const DataElement *E = M.element(F->ElementId))
        Data.insert(quote(E->Spec.Category) + " (" + E->QualifiedName + ")");
    std::vector<DiagNote> Notes = flowNotes(First, M);
    if (First.Sink.ModelLoc.valid() && First.Sink.Origin != ModelOrigin::Builtin)
      Notes.push_back({First.Sink.ModelLoc,
                       "sink " + quote(First.Sink.Function) + " declared here without a country"});
    // One finding per call site, whatever data it carries.
    FindingSubject About{"", First.Sink.Function, "", First.Function};
    Ctx.report(std::move(About), Key.first,
               "personal data reaches " + sinkPhrase(First.Sink) +
                   ", whose recipient country is unknown: " +
                   join(std::vector<std::string>(Data.begin(), Data.end())) +
                   "; declare the sink's country and safeguard (country: and safeguard: "
                   "under sinks: in .pdflow.yaml, or PDFLOW_SINK(third-party, country = "
                   "<ISO code>, safeguard = <scc|bcr|dpf|derogation>))" +
                   gdpr(Ctx.rule().Article),
               std::move(Notes));
  }
}

std::unique_ptr<Check> createThirdCountryTransferCheck(CheckContext &Ctx) {
  return std::make_unique<ThirdCountryTransferCheck>(Ctx);
}

} // namespace pdflow
