#include "Views.h"

#include "llvm/ADT/StringExtras.h"

namespace pdflow {

std::vector<CategoryGroupView> groupCategories(const RegisterActivity &A, const Taxonomy &Tax) {
  std::vector<CategoryGroupView> Out;
  // The builder already sorts categories by group order: consecutive runs.
  for (const RegisterCategory &C : A.Categories) {
    std::string Group = Tax.groupOf(C.Id);
    if (Out.empty() || Out.back().Group != Group)
      Out.push_back({Group, {}});
    Out.back().Categories.push_back(&C);
  }
  return Out;
}

std::vector<const RegisterCategory *> sensitiveCategories(const RegisterActivity &A,
                                                          const Taxonomy &Tax) {
  std::vector<const RegisterCategory *> Out;
  for (const RegisterCategory &C : A.Categories)
    if (Tax.isSpecial(C.Id) || Tax.isCriminal(C.Id))
      Out.push_back(&C);
  return Out;
}

std::string partyText(const std::optional<Party> &P) {
  if (!P || (P->Name.empty() && P->Contact.empty()))
    return "";
  if (P->Contact.empty())
    return P->Name;
  return P->Name.empty() ? P->Contact : P->Name + " <" + P->Contact + ">";
}

std::string recipientText(const RegisterRecipient &R, const Labels &L) {
  if (R.Kind != SinkKind::ThirdParty && R.Country.empty())
    return L.sinkKind(R.Kind) + L.text(Text::Colon) + R.Name;
  std::string S = R.Name + ", " + L.country(R.Country);
  if (R.Class != RecipientClass::Internal && R.ClassSource == Provenance::Derived)
    S += " [" + std::string(L.text(Text::RoleNotDeclared)) + "]";
  if (!R.Contract.empty())
    S += " (" + std::string(L.text(Text::Contract)) + L.text(Text::Colon) + R.Contract + ")";
  return S;
}

std::string transferText(const RegisterTransfer &T, const Labels &L) {
  return T.Recipient + ", " + L.country(T.Country) + L.text(Text::Colon) + L.transferBasis(T);
}

std::string measureText(const RegisterMeasure &M, const Labels &L) {
  std::vector<std::string> Protects =
      mapLabels(M.Categories, [&](const std::string &Id) { return L.category(Id); });
  std::string S = L.effect(M.Effect);
  if (!M.Functions.empty())
    S += L.text(Text::Colon) + llvm::join(M.Functions, ", ");
  return S + " (" + llvm::join(Protects, ", ") + ")";
}

std::string dpiaReasonText(const DpiaReason &R, const Labels &L) {
  std::vector<std::string> Details;
  for (const std::string &D : R.Details)
    Details.push_back(R.Criterion == "profiling" || R.Criterion == "monitoring" ? L.purpose(D)
                      : R.Criterion == "special-data-transfer"                  ? D
                                                                                : L.category(D));
  return L.dpiaCriterion(R.Criterion) + L.text(Text::Colon) + llvm::join(Details, ", ");
}

std::string dpiaText(const DpiaScreening &D, const Labels &L) {
  if (!D.LikelyRequired)
    return L.text(Text::DpiaNotIndicated);
  std::vector<std::string> Reasons;
  for (const DpiaReason &R : D.Reasons)
    Reasons.push_back(dpiaReasonText(R, L));
  return L.text(Text::DpiaLikely) + std::string(L.text(Text::Colon)) + llvm::join(Reasons, "; ");
}

std::string categoryRetentionText(const RegisterCategory &C, const Labels &L) {
  std::vector<std::string> Values;
  for (const RetentionValue &R : C.Retention)
    Values.push_back(R.Value.empty() ? L.retention(R, C.Stored)
                                     : L.retention(R) + " (" + L.provenance(R.Source) + ")");
  return L.category(C.Id) + L.text(Text::Colon) + llvm::join(Values, ", ");
}

std::vector<ProcessorRecordView> processorRecord(const Register &R, const Labels &L) {
  std::vector<ProcessorRecordView> Out;
  for (const RegisterClientController &C : R.Controllers) {
    ProcessorRecordView V;
    V.Controller = &C;
    V.Measures = R.SecurityMeasures;
    for (const std::string &Id : C.Activities) {
      const RegisterActivity *A = R.activity(Id);
      if (!A)
        continue;
      V.Processing.push_back(
          (A->Name.empty() ? A->Id : A->Name) + L.text(Text::Colon) +
          llvm::join(mapLabels(A->Purposes, [&](const std::string &P) { return L.purpose(P); }),
                     ", "));
      for (const RegisterTransfer &X : A->Transfers)
        V.Transfers.push_back(transferText(X, L));
      for (const RegisterMeasure &M : A->Measures)
        V.Measures.push_back(measureText(M, L));
    }
    Out.push_back(std::move(V));
  }
  return Out;
}

namespace {

/// "Heading [declared]": the provenance of a whole column.
std::string heading(const Labels &L, Text T, Text Source) {
  return std::string(L.text(T)) + " [" + L.text(Source) + "]";
}

std::vector<std::string> recipientsOf(const RegisterActivity &A, RecipientClass Class,
                                      const Labels &L) {
  std::vector<std::string> Out;
  for (const RegisterRecipient &R : A.Recipients)
    if (R.Class == Class)
      Out.push_back(recipientText(R, L));
  return Out;
}

std::string join(const std::vector<std::string> &Items) { return llvm::join(Items, "; "); }

std::vector<std::string> row(const Register &R, const RegisterActivity &A, const Taxonomy &Tax,
                             const Labels &L) {
  std::vector<std::string> Categories, Sensitive, Retention, Subjects, Measures, Transfers, Missing;
  for (const CategoryGroupView &G : groupCategories(A, Tax)) {
    std::vector<std::string> Names;
    for (const RegisterCategory *C : G.Categories)
      Names.push_back(L.category(C->Id));
    Categories.push_back(L.group(G.Group) + L.text(Text::Colon) + llvm::join(Names, ", "));
  }
  for (const RegisterCategory *C : sensitiveCategories(A, Tax))
    Sensitive.push_back(L.category(C->Id));
  for (const RegisterCategory &C : A.Categories)
    Retention.push_back(categoryRetentionText(C, L));
  for (const RegisterSubject &S : A.Subjects)
    Subjects.push_back(L.subject(S.Id) + " (" + L.provenance(S.Source) + ")");
  for (const std::string &M : R.SecurityMeasures)
    Measures.push_back(M + " (" + L.provenance(Provenance::Declared) + ")");
  for (const RegisterMeasure &M : A.Measures)
    Measures.push_back(measureText(M, L) + " (" + L.provenance(Provenance::Derived) + ")");
  for (const RegisterTransfer &T : A.Transfers)
    Transfers.push_back(transferText(T, L));
  for (const MissingField &F : R.Missing)
    if (F.Activity == A.Id)
      Missing.push_back(L.missingField(F));
  auto Or = [&](const std::string &S, Text IfEmpty) {
    return S.empty() ? std::string(L.text(IfEmpty)) : S;
  };
  std::vector<std::string> JointControllers;
  for (const Party &P : R.JointControllers)
    JointControllers.push_back(partyText(P));
  return {
      A.Id,
      Or(A.Name, Text::MissingValue),
      Or(partyText(Party{R.Controller.Name, R.Controller.Contact}), Text::MissingValue),
      Or(partyText(R.Dpo), Text::MissingValue),
      Or(partyText(R.Representative), Text::NoneValue),
      Or(join(JointControllers), Text::NoneValue),
      Or(join(mapLabels(A.Purposes, [&](const std::string &Id) { return L.purpose(Id); })),
         Text::MissingValue),
      Or(A.LegalBasis.empty() ? "" : L.legalBasis(A.LegalBasis), Text::MissingValue),
      Or(A.SpecialCondition.empty() ? "" : L.specialCondition(A.SpecialCondition),
         Sensitive.empty() ? Text::NoneValue : Text::MissingValue),
      Or(A.LegitimateInterest,
         A.LegalBasis == "legitimate-interests" ? Text::MissingValue : Text::NoneValue),
      Or(join(Categories), Text::NoneValue),
      Sensitive.empty() ? std::string(L.text(Text::No)) : join(Sensitive),
      Or(join(Retention), A.Retention.empty() ? Text::MissingValue : Text::NoneValue),
      Or(join(Subjects), Text::MissingValue),
      Or(join(recipientsOf(A, RecipientClass::Internal, L)), Text::NoneValue),
      Or(join(recipientsOf(A, RecipientClass::Processor, L)), Text::NoneValue),
      Or(join(recipientsOf(A, RecipientClass::ThirdParty, L)), Text::NoneValue),
      Or(join(Measures), Text::MissingValue),
      Or(join(Transfers), Text::NoneValue),
      dpiaText(A.Dpia, L),
      Or(join(Missing), Text::NoneValue),
      Or(join(mapLabels(A.ToConfirm,
                        [&](const ToConfirmCategory &C) { return toConfirmText(C, L); })),
         Text::NoneValue),
  };
}

} // namespace

std::string toConfirmText(const ToConfirmCategory &C, const Labels &L) {
  std::vector<std::string> Elements;
  for (const InferredElement &E : C.Elements)
    Elements.push_back(E.Element + " (" + E.Reason + ", " + L.text(Text::Confidence) + " " +
                       std::to_string(E.Confidence) + "): " + confirmingAnnotation(E, C.Id));
  return L.category(C.Id) + L.text(Text::Colon) + llvm::join(Elements, ", ");
}

SummaryTable summaryTable(const Register &R, const Taxonomy &Tax, const Labels &L) {
  SummaryTable T;
  const Text Decl = Text::TagDeclared, Der = Text::TagDerived, Both = Text::TagMixed;
  T.Header = {
      L.text(Text::Ref),
      heading(L, Text::ActivityName, Decl),
      heading(L, Text::Controller, Decl),
      heading(L, Text::Dpo, Decl),
      heading(L, Text::Representative, Decl),
      heading(L, Text::JointControllers, Decl),
      heading(L, Text::Purposes, Decl),
      heading(L, Text::LegalBasis, Decl),
      heading(L, Text::SpecialCondition, Decl),
      heading(L, Text::LegitimateInterest, Decl),
      heading(L, Text::Categories, Der),
      heading(L, Text::SensitiveData, Der),
      heading(L, Text::Retention, Both),
      heading(L, Text::Subjects, Both),
      heading(L, Text::RecipientsInternal, Der),
      heading(L, Text::RecipientsProcessors, Both),
      heading(L, Text::RecipientsThirdParties, Both),
      heading(L, Text::SecurityMeasures, Both),
      heading(L, Text::Transfers, Der),
      heading(L, Text::Dpia, Der),
      L.text(Text::Missing),
      L.text(Text::ToConfirm),
  };
  for (const RegisterActivity &A : R.Activities)
    T.Rows.push_back(row(R, A, Tax, L));
  return T;
}

} // namespace pdflow
