//===- Register.h - The Art. 30 record of processing activities -*- C++ -*-===//
//
// The register is a view over the model: one entry per processing activity,
// each value marked as declared (written in .pdflow.yaml) or derived (found in
// the code), each derived value with the code locations that prove it. Plain
// data: the builder reads the Model, the Config and the Taxonomy, never a
// rule; the writers read only this.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_REGISTER_REGISTER_H
#define PDFLOW_REGISTER_REGISTER_H

#include "pdflow/config/Config.h"
#include "pdflow/model/Model.h"

#include <optional>
#include <string>
#include <vector>

namespace pdflow {

/// Where a register value comes from.
enum class Provenance {
  Declared,           // written in .pdflow.yaml
  Derived,            // found in the code
  DeclaredAndDerived, // declared, and the code shows it too
};
const char *provenanceName(Provenance P); // "declared", "derived", "declared+derived"
std::optional<Provenance> parseProvenance(const std::string &Text);

/// A code location that proves a register value.
struct Evidence {
  enum class Kind { Declaration, SinkCall, Transform, EntryPoint };
  Kind What = Kind::SinkCall;
  SourceLoc Loc;
  auto operator<=>(const Evidence &) const = default;
  bool operator==(const Evidence &) const = default;
};
const char *evidenceKindName(Evidence::Kind K); // "declaration", "sink-call", ...
std::optional<Evidence::Kind> parseEvidenceKind(const std::string &Text);

/// One retention period that applies to (some of) a category's data.
struct RetentionValue {
  std::string Value; // empty: none given, for the element nor for the activity
  Provenance Source = Provenance::Declared;
  auto operator<=>(const RetentionValue &) const = default;
  bool operator==(const RetentionValue &) const = default;
};

/// A category of personal data an activity processes, Art. 30(1)(c).
struct RegisterCategory {
  std::string Id;
  std::vector<std::string> Elements;     // qualified names, sorted
  std::vector<RetentionValue> Retention; // Art. 30(1)(f), sorted, distinct
  /// Some of it reaches storage or an export (not anonymised): it is kept,
  /// so a missing retention is a missing field.
  bool Stored = false;
  std::vector<Evidence> Proof; // declarations and sink calls
  bool operator==(const RegisterCategory &) const = default;
};

/// The CNIL template's split of recipients, Art. 30(1)(d).
enum class RecipientClass { Internal, Processor, ThirdParty };
const char *recipientClassName(RecipientClass C); // "internal", "processor", "third-party"
std::optional<RecipientClass> parseRecipientClass(const std::string &Text);

/// Where an activity's data goes: a recipient, or one of the controller's
/// own systems (logs, storage, exports, internal services).
struct RegisterRecipient {
  std::string Name; // the sink's recipient; the sink function when it names none
  SinkKind Kind = SinkKind::ThirdParty;
  RecipientClass Class = RecipientClass::Internal;
  /// Derived from the sink's kind, or declared under `recipients:`.
  Provenance ClassSource = Provenance::Derived;
  std::string Country; // ISO code; empty: not declared
  Safeguard Guard = Safeguard::Unspecified;
  std::string Contract;                // declared under `recipients:` (Art. 28(3) contract)
  std::vector<std::string> Categories; // what it receives, sorted
  std::vector<Evidence> Proof;         // the sink calls
  bool operator==(const RegisterRecipient &) const = default;
};

/// Personal data leaving the EEA, Art. 30(1)(e), Art. 44-49.
struct RegisterTransfer {
  std::string Recipient;
  std::string Country;
  Safeguard Guard = Safeguard::Unspecified; // as declared on the sink
  bool Adequacy = false;                    // an adequacy decision (Art. 45) covers it
  bool Covered = false;                     // adequacy, or a safeguard valid for that country
  std::vector<std::string> Categories;
  std::vector<Evidence> Proof;
  bool operator==(const RegisterTransfer &) const = default;
};

/// A technical measure the code applies on the activity's flows, Art.
/// 30(1)(g), Art. 32(1)(a).
struct RegisterMeasure {
  TransformEffect Effect = TransformEffect::Encrypt;
  std::vector<std::string> Functions;  // the transforms, e.g. FieldCipher::encrypt
  std::vector<std::string> Categories; // the data it protects
  std::vector<Evidence> Proof;         // where it is applied
  bool operator==(const RegisterMeasure &) const = default;
};

/// Why an activity likely needs an impact assessment (Art. 35).
struct DpiaReason {
  /// "special-categories", "criminal-data", "special-data-transfer",
  /// "location-data", "profiling", "monitoring".
  std::string Criterion;
  std::vector<std::string> Details; // categories, purposes or recipients, sorted
  bool operator==(const DpiaReason &) const = default;
};

/// A screening, not an assessment: "likely required" when a reason applies.
struct DpiaScreening {
  bool LikelyRequired = false;
  std::vector<DpiaReason> Reasons;
  bool operator==(const DpiaScreening &) const = default;
};

struct RegisterSubject {
  std::string Id;
  Provenance Source = Provenance::Declared;
  bool operator==(const RegisterSubject &) const = default;
};

/// A data element pdflow only inferred from its name, type or a key next to
/// it (discovery), with what confirms it.
struct InferredElement {
  std::string Element; // qualified name
  unsigned Confidence = 0;
  std::string Reason; // "name has 'email'", "key \"email\" at src/Db.cpp:42:7"
  SourceLoc Declaration;
  /// Where `PDFLOW_DATA(category) ` goes; invalid when the declaration
  /// cannot take it (a macro, a shared declaration): a side annotation then.
  SourceLoc FixAt;
  bool operator==(const InferredElement &) const = default;
};

/// A category pdflow inferred on some of an activity's data: listed apart,
/// "to confirm", never among the register's categories, recipients,
/// transfers, measures or DPIA criteria, and not compared by --check. An
/// annotation confirms it; it is then a category like any other.
struct ToConfirmCategory {
  std::string Id;
  std::vector<InferredElement> Elements; // by name
  std::vector<std::string> Recipients;   // where its data would go, sorted
  std::vector<Evidence> Proof;           // declarations and sink calls
  bool operator==(const ToConfirmCategory &) const = default;
};

/// The annotation that confirms E as of Category: `PDFLOW_DATA(category)
/// before src/a.cpp:3:5`, or the side annotation to add to .pdflow.yaml.
std::string confirmingAnnotation(const InferredElement &E, const std::string &Category);

/// One entry of the register.
struct RegisterActivity {
  std::string Id;
  /// False for an activity named in code (PDFLOW_ACTIVITY) but not declared
  /// in .pdflow.yaml: every declared field is then missing.
  bool Declared = true;
  std::string Name;
  std::vector<std::string> Purposes;
  std::string LegalBasis;
  std::string SpecialCondition;
  std::string LegitimateInterest;
  std::string Retention;
  std::vector<RegisterSubject> Subjects;
  std::vector<Evidence> EntryPoints;
  std::vector<RegisterCategory> Categories;  // in group order, then by id
  std::vector<RegisterRecipient> Recipients; // by class, then name, then kind
  std::vector<RegisterTransfer> Transfers;   // by recipient, then country
  std::vector<RegisterMeasure> Measures;     // by effect
  DpiaScreening Dpia;
  std::vector<ToConfirmCategory> ToConfirm; // inferred, by id
  bool operator==(const RegisterActivity &) const = default;
};

/// A flow to a sink that runs under no declared activity.
struct UnregisteredFlow {
  std::string Element; // qualified name
  std::string Category;
  std::string Sink; // recipient, or the sink function
  SinkKind Kind = SinkKind::Log;
  std::string Function; // the function holding the sink call
  std::vector<Evidence> Proof;
  bool operator==(const UnregisteredFlow &) const = default;
};

/// A field the config leaves empty, shown as missing with its article.
struct MissingField {
  std::string Activity; // empty: the controller's part
  std::string Field;    // "dpo", "legal_basis", "retention", ...
  std::string Article;  // "37", "6(1)", "30(1)(f)"...
  std::string Detail;   // e.g. the category whose retention is missing
  SourceLoc Where;      // the config entry to complete
  bool operator==(const MissingField &) const = default;
};

/// Art. 30(2): a controller on whose behalf a processor acts.
struct RegisterClientController {
  Party Controller;
  std::optional<Party> Representative;
  std::optional<Party> Dpo;
  std::vector<std::string> Activities; // ids
  bool operator==(const RegisterClientController &) const = default;
};

struct Register {
  /// The `pdflow_register` version of the YAML form (docs/register.md).
  static constexpr int SchemaVersion = 1;

  OrganisationRole Role = OrganisationRole::Controller;
  Party Controller; // with role: processor, the processor itself
  std::optional<Party> Dpo;
  std::optional<Party> Representative;
  std::vector<Party> JointControllers;
  std::vector<std::string> SecurityMeasures; // declared, Art. 30(1)(g)
  std::vector<RegisterActivity> Activities;  // config order, then undeclared ids
  std::vector<UnregisteredFlow> Unregistered;
  /// Inferred data that reaches a sink under no activity, to confirm.
  std::vector<ToConfirmCategory> UnregisteredToConfirm;
  std::vector<RegisterClientController> Controllers; // role: processor
  std::vector<MissingField> Missing;
  bool operator==(const Register &) const = default;

  const RegisterActivity *activity(const std::string &Id) const;
};

/// Builds the register of M (whose Cfg and Tax must be set). Deterministic:
/// the order of M's flows and uses does not matter.
Register buildRegister(const Model &M);

/// "activity 'analytics': no retention for location.approximate (GDPR Art.
/// 30(1)(f))", as printed on stderr.
std::string describeMissing(const MissingField &F);

} // namespace pdflow

#endif
