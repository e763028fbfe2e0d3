// Spellings of the register's enums, and the stderr wording of a missing field.

#include "pdflow/register/Register.h"

#include <array>
#include <utility>

namespace pdflow {

namespace {

template <typename E, size_t N> using NameTable = std::array<std::pair<E, const char *>, N>;

constexpr NameTable<Provenance, 3> Provenances = {
    {{Provenance::Declared, "declared"},
     {Provenance::Derived, "derived"},
     {Provenance::DeclaredAndDerived, "declared+derived"}}};

constexpr NameTable<Evidence::Kind, 4> EvidenceKinds = {
    {{Evidence::Kind::Declaration, "declaration"},
     {Evidence::Kind::SinkCall, "sink-call"},
     {Evidence::Kind::Transform, "transform"},
     {Evidence::Kind::EntryPoint, "entry-point"}}};

constexpr NameTable<RecipientClass, 3> RecipientClasses = {
    {{RecipientClass::Internal, "internal"},
     {RecipientClass::Processor, "processor"},
     {RecipientClass::ThirdParty, "third-party"}}};

template <typename E, size_t N> const char *nameOf(const NameTable<E, N> &Table, E Value) {
  for (const auto &[V, Name] : Table)
    if (V == Value)
      return Name;
  return "";
}

template <typename E, size_t N>
std::optional<E> parseName(const NameTable<E, N> &Table, const std::string &Text) {
  for (const auto &[V, Name] : Table)
    if (Text == Name)
      return V;
  return std::nullopt;
}

/// What is missing, in the words of the stderr message.
std::string missingWhat(const MissingField &F) {
  if (F.Field == "controller")
    return "no controller name";
  if (F.Field == "contact")
    return "no controller contact details";
  if (F.Field == "dpo")
    return "no data protection officer";
  if (F.Field == "security_measures")
    return "no security measures";
  if (F.Field == "declaration")
    return "named in the code but not declared under activities: in .pdflow.yaml";
  if (F.Field == "purposes")
    return "no purposes";
  if (F.Field == "legal_basis")
    return "no legal basis";
  if (F.Field == "legitimate_interest")
    return "legitimate interests is the legal basis, but no legitimate_interest says which";
  if (F.Field == "special_condition")
    return F.Article == "10" ? "criminal-offence data, but no Art. 10 ground (special_condition)"
                             : "special-category data, but no Art. 9(2) condition "
                               "(special_condition)";
  if (F.Field == "subjects")
    return "no data subjects";
  if (F.Field == "retention")
    return "no retention for " + F.Detail + ", on its data or on the activity";
  return "no " + F.Field;
}

} // namespace

const char *provenanceName(Provenance P) { return nameOf(Provenances, P); }
std::optional<Provenance> parseProvenance(const std::string &Text) {
  return parseName(Provenances, Text);
}

const char *evidenceKindName(Evidence::Kind K) { return nameOf(EvidenceKinds, K); }
std::optional<Evidence::Kind> parseEvidenceKind(const std::string &Text) {
  return parseName(EvidenceKinds, Text);
}

const char *recipientClassName(RecipientClass C) { return nameOf(RecipientClasses, C); }
std::optional<RecipientClass> parseRecipientClass(const std::string &Text) {
  return parseName(RecipientClasses, Text);
}

std::string describeMissing(const MissingField &F) {
  std::string Who = F.Activity.empty() ? "" : "activity '" + F.Activity + "': ";
  return Who + missingWhat(F) + " (GDPR Art. " + F.Article + ")";
}

} // namespace pdflow
