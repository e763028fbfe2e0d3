// The text renderers: inventory, flows and findings. The JSON ones are in
// ReportJson.cpp.

#include "pdflow/report/Report.h"

#include "pdflow/support/Text.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace pdflow {
namespace {

std::string join(const std::vector<std::string> &Items, const char *Sep) {
  std::string Out;
  for (const std::string &Item : Items) {
    if (!Out.empty())
      Out += Sep;
    Out += Item;
  }
  return Out;
}

/// "1 warning", "2 warnings".
std::string counted(size_t N, const char *Singular, const char *Plural) {
  return std::to_string(N) + " " + (N == 1 ? Singular : Plural);
}

/// "file:line:col: " or nothing when the place is unknown.
std::string locPrefix(const SourceLoc &Loc) { return Loc.valid() ? Loc.str() + ": " : ""; }

/// Appends one line of text, its control bytes escaped (names, recipients
/// and steps quote code and config).
void appendLine(std::string &Out, const std::string &Line) {
  Out += escapeNonPrintable(Line);
  Out += '\n';
}

void appendElementLine(std::string &Out, const DataElement &E) {
  const DataSpec &S = E.Spec;
  std::string Line = locPrefix(E.Loc) + E.QualifiedName;
  if (!S.Category.empty())
    Line += " " + S.Category;
  if (!S.Subject.empty())
    Line += " subject=" + S.Subject;
  if (!S.Purposes.empty())
    Line += " purposes=" + join(S.Purposes, ",");
  if (!S.Retention.empty())
    Line += " retention=" + S.Retention;
  if (!S.Source.empty())
    Line += " source=" + S.Source;
  Line += std::string(" (") + annotationOriginName(E.Origin);
  if (E.Origin == AnnotationOrigin::Inferred)
    Line += ", confidence " + std::to_string(E.Inferred.Confidence) + ": " + E.Inferred.describe();
  appendLine(Out, Line + ")");
}

/// "log 'spdlog::info'", "third-party 'Stripe' (US, safeguard dpf) via 'charge'".
std::string describeSink(const SinkRef &S) {
  bool HasRecipient = !S.Recipient.empty();
  std::string Out =
      std::string(sinkKindName(S.Kind)) + " '" + (HasRecipient ? S.Recipient : S.Function) + "'";
  std::vector<std::string> Details;
  if (!S.Country.empty())
    Details.push_back(S.Country);
  if (S.Guard != Safeguard::Unspecified)
    Details.push_back(std::string("safeguard ") + safeguardName(S.Guard));
  if (S.Encrypted == false)
    Details.push_back("unencrypted");
  if (!Details.empty())
    Out += " (" + join(Details, ", ") + ")";
  if (HasRecipient && !S.Function.empty())
    Out += " via '" + S.Function + "'";
  return Out;
}

std::string listOrNone(const std::vector<std::string> &Items) {
  return Items.empty() ? "none" : join(Items, ", ");
}

void appendFlow(std::string &Out, const Flow &F, const Model &M) {
  std::string Header = "flow: ";
  if (const DataElement *E = M.element(F.ElementId)) {
    Header += E->QualifiedName;
    if (!E->Spec.Category.empty())
      Header += " (" + E->Spec.Category +
                (E->Origin == AnnotationOrigin::Inferred ? ", inferred" : "") + ")";
  } else {
    Header += F.ElementId;
  }
  if (F.WholeObject)
    Header += " (whole object)";
  Header += " -> " + describeSink(F.Sink);
  if (F.SinkLoc.valid())
    Header += " at " + F.SinkLoc.str();
  appendLine(Out, Header);

  for (const FlowStep &Step : F.Steps)
    appendLine(Out, "  " + locPrefix(Step.Loc) + Step.What);
  std::vector<std::string> Transforms;
  for (TransformEffect T : F.Transforms)
    Transforms.push_back(transformEffectName(T));
  appendLine(Out, "  transforms: " + listOrNone(Transforms));
  appendLine(Out, "  activities: " + listOrNone(F.Activities));
  appendLine(Out, "  consent: " + listOrNone(F.ConsentPurposes));
}

} // namespace

std::string renderInventoryText(const Model &M) {
  std::vector<const DataElement *> Sorted;
  for (const DataElement &E : M.Elements)
    Sorted.push_back(&E);
  std::stable_sort(Sorted.begin(), Sorted.end(), [](const DataElement *A, const DataElement *B) {
    return std::tie(A->Loc, A->Id) < std::tie(B->Loc, B->Id);
  });

  std::string Out;
  std::set<std::string> Files;
  for (const DataElement *E : Sorted) {
    appendElementLine(Out, *E);
    if (E->Loc.valid())
      Files.insert(E->Loc.File);
  }
  appendLine(Out, counted(Sorted.size(), "data element", "data elements") + " in " +
                      counted(Files.size(), "file", "files"));
  return Out;
}

std::string renderFlowsText(const Model &M) {
  std::vector<const Flow *> Sorted;
  for (const Flow &F : M.Flows)
    Sorted.push_back(&F);
  std::stable_sort(Sorted.begin(), Sorted.end(), [](const Flow *A, const Flow *B) {
    return std::tie(A->SinkLoc, A->ElementId) < std::tie(B->SinkLoc, B->ElementId);
  });

  std::string Out;
  for (const Flow *F : Sorted)
    appendFlow(Out, *F, M);
  return Out;
}

std::string renderFindingsText(const std::vector<Diagnostic> &Findings, bool Color) {
  std::string Out;
  size_t Warnings = 0, Errors = 0;
  for (const Diagnostic &D : Findings) {
    Out += formatDiagnostic(D, Color);
    Warnings += D.Sev == Severity::Warning;
    Errors += D.Sev == Severity::Error;
  }
  // Clang's summary: "1 warning and 2 errors generated.", notes not counted.
  std::vector<std::string> Counts;
  if (Warnings)
    Counts.push_back(counted(Warnings, "warning", "warnings"));
  if (Errors)
    Counts.push_back(counted(Errors, "error", "errors"));
  if (!Counts.empty())
    Out += join(Counts, " and ") + " generated.\n";
  return Out;
}

std::string renderIncompleteText(const std::vector<std::string> &Files, bool Color) {
  std::string Out;
  for (const std::string &F : Files) {
    Diagnostic D;
    D.Sev = Severity::Error;
    D.Loc = {F, 0, 0};
    D.Message = "analysis incomplete: this file was not analysed (it failed to parse, timed "
                "out or crashed the analysis), so its flows and findings are missing from this "
                "report";
    Out += formatDiagnostic(D, Color);
  }
  return Out;
}

std::string renderRunStatusText(const std::vector<Diagnostic> &ToolDiagnostics, bool UsageError) {
  std::string Out;
  if (UsageError)
    appendLine(Out, "pdflow: error: this report was made despite the errors below; what they "
                    "concern is missing from it");
  for (const Diagnostic &D : ToolDiagnostics)
    Out += formatDiagnostic(D);
  return Out;
}

} // namespace pdflow
