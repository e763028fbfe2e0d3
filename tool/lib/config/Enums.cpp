// Spellings of the config enums: one table each, so the name, the parser and
// the "must be one of" list cannot drift apart.
#include "pdflow/config/Config.h"

#include <array>
#include <utility>

namespace pdflow {

namespace {
template <typename E, size_t N> using NameTable = std::array<std::pair<E, const char *>, N>;

constexpr NameTable<SinkKind, 5> SinkKinds = {{{SinkKind::Log, "log"},
                                               {SinkKind::Export, "export"},
                                               {SinkKind::Storage, "storage"},
                                               {SinkKind::ThirdParty, "third-party"},
                                               {SinkKind::InternalService, "internal-service"}}};

// Unspecified has a name for printing but is not a value users may write.
constexpr NameTable<Safeguard, 6> Safeguards = {{{Safeguard::Adequacy, "adequacy"},
                                                 {Safeguard::Dpf, "dpf"},
                                                 {Safeguard::Scc, "scc"},
                                                 {Safeguard::Bcr, "bcr"},
                                                 {Safeguard::Derogation, "derogation"},
                                                 {Safeguard::None, "none"}}};

constexpr NameTable<TransformEffect, 4> Effects = {{{TransformEffect::Pseudonymize, "pseudonymize"},
                                                    {TransformEffect::Anonymize, "anonymize"},
                                                    {TransformEffect::Encrypt, "encrypt"},
                                                    {TransformEffect::Redact, "redact"}}};

constexpr NameTable<OrganisationRole, 2> OrganisationRoles = {
    {{OrganisationRole::Controller, "controller"}, {OrganisationRole::Processor, "processor"}}};

constexpr NameTable<RecipientRole, 2> RecipientRoles = {
    {{RecipientRole::Processor, "processor"}, {RecipientRole::ThirdParty, "third-party"}}};

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

template <typename E, size_t N> std::vector<std::string> namesOf(const NameTable<E, N> &Table) {
  std::vector<std::string> Names;
  for (const auto &Entry : Table)
    Names.emplace_back(Entry.second);
  return Names;
}
} // namespace

const char *sinkKindName(SinkKind K) { return nameOf(SinkKinds, K); }
std::optional<SinkKind> parseSinkKind(const std::string &Text) {
  return parseName(SinkKinds, Text);
}
std::vector<std::string> sinkKindNames() { return namesOf(SinkKinds); }

const char *safeguardName(Safeguard S) {
  return S == Safeguard::Unspecified ? "unspecified" : nameOf(Safeguards, S);
}
std::optional<Safeguard> parseSafeguard(const std::string &Text) {
  return parseName(Safeguards, Text);
}
std::vector<std::string> safeguardNames() { return namesOf(Safeguards); }

const char *transformEffectName(TransformEffect E) { return nameOf(Effects, E); }
std::optional<TransformEffect> parseTransformEffect(const std::string &Text) {
  return parseName(Effects, Text);
}
std::vector<std::string> transformEffectNames() { return namesOf(Effects); }

const char *organisationRoleName(OrganisationRole R) { return nameOf(OrganisationRoles, R); }
std::optional<OrganisationRole> parseOrganisationRole(const std::string &Text) {
  return parseName(OrganisationRoles, Text);
}
std::vector<std::string> organisationRoleNames() { return namesOf(OrganisationRoles); }

const char *recipientRoleName(RecipientRole R) { return nameOf(RecipientRoles, R); }
std::optional<RecipientRole> parseRecipientRole(const std::string &Text) {
  return parseName(RecipientRoles, Text);
}
std::vector<std::string> recipientRoleNames() { return namesOf(RecipientRoles); }

void ModelSet::append(const ModelSet &Other) {
  Sinks.insert(Sinks.end(), Other.Sinks.begin(), Other.Sinks.end());
  Transforms.insert(Transforms.end(), Other.Transforms.begin(), Other.Transforms.end());
  Propagators.insert(Propagators.end(), Other.Propagators.begin(), Other.Propagators.end());
  ConsentChecks.insert(ConsentChecks.end(), Other.ConsentChecks.begin(), Other.ConsentChecks.end());
}

} // namespace pdflow
