#include "Labels.h"

#include "llvm/ADT/StringExtras.h"

namespace pdflow {

namespace {

struct TextEntry {
  const char *En;
  const char *Fr;
};

constexpr TextEntry Texts[] = {
#define PDFLOW_TEXT(Id, En, Fr) {En, Fr},
#include "RegisterText.def"
};

} // namespace

std::optional<RegisterLang> parseRegisterLang(const std::string &Text) {
  if (Text == "en")
    return RegisterLang::En;
  if (Text == "fr")
    return RegisterLang::Fr;
  return std::nullopt;
}

const char *Labels::text(Text T) const {
  const TextEntry &E = Texts[static_cast<size_t>(T)];
  return Lang == RegisterLang::Fr ? E.Fr : E.En;
}

/// The label in the reader's language, the English one when there is no
/// translation, the id when there is no label at all.
static std::string pick(RegisterLang Lang, const std::string &En, const std::string &Fr,
                        const std::string &Id) {
  if (Lang == RegisterLang::Fr && !Fr.empty())
    return Fr;
  return En.empty() ? Id : En;
}

std::string Labels::category(const std::string &Id) const {
  const Category *C = Tax.category(Id);
  return C ? pick(Lang, C->Label, C->LabelFr, Id) : Id;
}

std::string Labels::group(const std::string &Id) const {
  const CategoryGroup *G = Tax.group(Id);
  return G ? pick(Lang, G->Label, G->LabelFr, Id) : Id;
}

std::string Labels::purpose(const std::string &Id) const {
  const TaxonomyTerm *T = Tax.purpose(Id);
  return T ? pick(Lang, T->Label, T->LabelFr, Id) : Id;
}

std::string Labels::subject(const std::string &Id) const {
  const TaxonomyTerm *T = Tax.subject(Id);
  return T ? pick(Lang, T->Label, T->LabelFr, Id) : Id;
}

std::string Labels::article(const std::string &Number) const {
  return std::string(text(Text::Article)) + " " + Number;
}

std::string Labels::legalBasis(const std::string &Id) const {
  const TaxonomyTerm *T = Tax.legalBasis(Id);
  if (!T)
    return Id;
  return pick(Lang, T->Label, T->LabelFr, Id) + " (" + article(T->Article) + ")";
}

std::string Labels::specialCondition(const std::string &Id) const {
  const TaxonomyTerm *T = Tax.specialCondition(Id);
  if (!T)
    return Id;
  return pick(Lang, T->Label, T->LabelFr, Id) + " (" + article(T->Article) + ")";
}

std::string Labels::country(const std::string &Code) const {
  if (Code.empty())
    return text(Text::NotDeclared);
  const Country *C = Tax.country(Code);
  if (!C)
    return Code;
  return pick(Lang, C->Name, C->NameFr, Code) + " (" + C->Code + ")";
}

std::string Labels::sinkKind(SinkKind K) const {
  switch (K) {
  case SinkKind::Log:
    return text(Text::KindLog);
  case SinkKind::Export:
    return text(Text::KindExport);
  case SinkKind::Storage:
    return text(Text::KindStorage);
  case SinkKind::ThirdParty:
    return text(Text::KindThirdParty);
  case SinkKind::InternalService:
    return text(Text::KindInternalService);
  }
  return "";
}

std::string Labels::recipientClass(RecipientClass C) const {
  switch (C) {
  case RecipientClass::Internal:
    return text(Text::RecipientsInternal);
  case RecipientClass::Processor:
    return text(Text::RecipientsProcessors);
  case RecipientClass::ThirdParty:
    return text(Text::RecipientsThirdParties);
  }
  return "";
}

std::string Labels::provenance(Provenance P) const {
  switch (P) {
  case Provenance::Declared:
    return text(Text::Declared);
  case Provenance::Derived:
    return text(Text::Derived);
  case Provenance::DeclaredAndDerived:
    return text(Text::DeclaredAndDerived);
  }
  return "";
}

std::string Labels::effect(TransformEffect E) const {
  switch (E) {
  case TransformEffect::Encrypt:
    return text(Text::EffectEncrypt);
  case TransformEffect::Pseudonymize:
    return text(Text::EffectPseudonymize);
  case TransformEffect::Anonymize:
    return text(Text::EffectAnonymize);
  case TransformEffect::Redact:
    return text(Text::EffectRedact);
  }
  return "";
}

std::string Labels::evidenceKind(Evidence::Kind K) const {
  switch (K) {
  case Evidence::Kind::Declaration:
    return text(Text::EvidenceDeclaration);
  case Evidence::Kind::SinkCall:
    return text(Text::EvidenceSinkCall);
  case Evidence::Kind::Transform:
    return text(Text::EvidenceTransform);
  case Evidence::Kind::EntryPoint:
    return text(Text::EvidenceEntryPoint);
  }
  return "";
}

std::string Labels::safeguard(Safeguard G) const {
  switch (G) {
  case Safeguard::Adequacy:
    return text(Text::GuardAdequacy);
  case Safeguard::Dpf:
    return text(Text::GuardDpf);
  case Safeguard::Scc:
    return text(Text::GuardScc);
  case Safeguard::Bcr:
    return text(Text::GuardBcr);
  case Safeguard::Derogation:
    return text(Text::GuardDerogation);
  case Safeguard::None:
  case Safeguard::Unspecified:
    return text(Text::GuardNone);
  }
  return "";
}

std::string Labels::transferBasis(const RegisterTransfer &T) const {
  if (T.Adequacy)
    return safeguard(T.Guard == Safeguard::Dpf ? Safeguard::Dpf : Safeguard::Adequacy);
  std::string S = safeguard(T.Guard);
  if (!T.Covered && T.Guard != Safeguard::None && T.Guard != Safeguard::Unspecified)
    S += " (" + std::string(text(Text::Flagged)) + ")";
  return S;
}

std::string Labels::dpiaCriterion(const std::string &Criterion) const {
  if (Criterion == "special-categories")
    return text(Text::DpiaSpecial);
  if (Criterion == "criminal-data")
    return text(Text::DpiaCriminal);
  if (Criterion == "special-data-transfer")
    return text(Text::DpiaSpecialTransfer);
  if (Criterion == "location-data")
    return text(Text::DpiaLocation);
  if (Criterion == "profiling")
    return text(Text::DpiaProfiling);
  if (Criterion == "monitoring")
    return text(Text::DpiaMonitoring);
  return Criterion;
}

std::string Labels::duration(const std::string &Iso) const {
  // The plain durations people write for retention: PnY, PnM, PnW, PnD.
  llvm::StringRef S(Iso);
  if (S.size() < 3 || S.front() != 'P')
    return Iso;
  unsigned N = 0;
  if (S.drop_front().drop_back().getAsInteger(10, N))
    return Iso;
  std::pair<Text, Text> Unit;
  switch (S.back()) {
  case 'Y':
    Unit = {Text::Year, Text::Years};
    break;
  case 'M':
    Unit = {Text::Month, Text::Months};
    break;
  case 'W':
    Unit = {Text::Week, Text::Weeks};
    break;
  case 'D':
    Unit = {Text::Day, Text::Days};
    break;
  default:
    return Iso;
  }
  return std::to_string(N) + " " + text(N == 1 ? Unit.first : Unit.second) + " (" + Iso + ")";
}

std::string Labels::retention(const RetentionValue &R, bool Stored) const {
  if (R.Value.empty())
    return text(Stored ? Text::MissingValue : Text::NotKept);
  return duration(R.Value);
}

std::string Labels::missingField(const MissingField &F) const {
  Text Field = Text::FieldDeclaration;
  if (F.Field == "controller")
    Field = Text::FieldController;
  else if (F.Field == "contact")
    Field = Text::FieldContact;
  else if (F.Field == "dpo")
    Field = Text::FieldDpo;
  else if (F.Field == "security_measures")
    Field = Text::FieldSecurityMeasures;
  else if (F.Field == "purposes")
    Field = Text::FieldPurposes;
  else if (F.Field == "legal_basis")
    Field = Text::FieldLegalBasis;
  else if (F.Field == "legitimate_interest")
    Field = Text::FieldLegitimateInterest;
  else if (F.Field == "special_condition")
    Field = Text::FieldSpecialCondition;
  else if (F.Field == "subjects")
    Field = Text::FieldSubjects;
  else if (F.Field == "retention")
    Field = Text::FieldRetention;
  std::string S = text(Field);
  if (!F.Detail.empty())
    S += text(Text::Colon) + category(F.Detail);
  return S + " (" + article(F.Article) + ")";
}

} // namespace pdflow
