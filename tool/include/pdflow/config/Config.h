#ifndef PDFLOW_CONFIG_CONFIG_H
#define PDFLOW_CONFIG_CONFIG_H

#include "pdflow/support/Diagnostics.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pdflow {

struct Party {
  std::string Name;
  std::string Contact;
  bool operator==(const Party &) const = default;
};

/// Art. 30(1)(a).
struct Controller {
  std::string Name;
  std::string Contact;
  std::optional<Party> Dpo;
  std::optional<Party> Representative;
  std::vector<Party> JointControllers;
};

/// A processing activity (one Art. 30 register entry).
struct ActivityDecl {
  std::string Id;
  std::string Name;
  std::vector<std::string> Purposes;
  std::string LegalBasis;       // Art. 6(1) id; empty when not given
  std::string SpecialCondition; // Art. 9(2) id; empty when not given
  std::vector<std::string> Subjects;
  std::string Retention; // ISO 8601 duration or free text
  std::vector<std::string> EntryPoints; // qualified-name globs
  SourceLoc Loc;
  /// The interest pursued when LegalBasis is legitimate-interests (Art.
  /// 6(1)(f)); what the ICO's template asks next to the basis.
  std::string LegitimateInterest;
};

/// `role:` whether the organisation keeps its register as a controller (Art.
/// 30(1)) or also as a processor acting for other controllers (Art. 30(2)).
enum class OrganisationRole { Controller, Processor };
const char *organisationRoleName(OrganisationRole R); // "controller", "processor"
std::optional<OrganisationRole> parseOrganisationRole(const std::string &Text);
std::vector<std::string> organisationRoleNames();

/// `controllers:` with `role: processor`: a controller on whose behalf the
/// organisation processes data (Art. 30(2)(a)).
struct ClientController {
  std::string Name;
  std::string Contact;
  std::optional<Party> Representative;
  std::optional<Party> Dpo;
  /// Activity ids carried out for this controller; empty: every activity.
  std::vector<std::string> Activities;
  SourceLoc Loc;
};

/// `recipients:` what the code cannot say about a recipient named by a sink:
/// whether it processes the data on the controller's behalf (a processor,
/// Art. 28) or receives it for its own purposes (a third party).
enum class RecipientRole { Processor, ThirdParty };
const char *recipientRoleName(RecipientRole R); // "processor", "third-party"
std::optional<RecipientRole> parseRecipientRole(const std::string &Text);
std::vector<std::string> recipientRoleNames();

struct RecipientDecl {
  std::string Name; // as the sinks' `recipient` spells it
  RecipientRole Role = RecipientRole::ThirdParty;
  std::string Contract; // where the Art. 28 contract is (ICO template column)
  SourceLoc Loc;
};

/// What a data annotation says, in code or in a side annotation.
struct DataSpec {
  std::string Category;
  std::string Subject;
  std::vector<std::string> Purposes;
  std::string Retention;
  std::string Source;
};

/// What a side annotation's symbol names: "ns::C::email" (a field, global,
/// local or class), "ns::f()" (f's return value), "ns::f(password)" or
/// "ns::f(#1)" (a parameter, by name or by 0-based index).
struct SymbolPattern {
  enum class Target { Declaration, Return, Parameter };
  Target What = Target::Declaration;
  std::string Glob;                   // qualified-name glob, parentheses removed
  std::string ParamName;              // Parameter named so, when not by index
  std::optional<unsigned> ParamIndex; // Parameter by index
};

/// Parses a side annotation's symbol. Returns nullopt with Error set when the
/// parentheses hold something else than nothing, a name or #N.
std::optional<SymbolPattern> parseSymbolPattern(const std::string &Symbol, std::string &Error);

/// A side annotation: personal data declared in config for code the team
/// cannot or will not edit.
struct SideAnnotation {
  std::string Symbol; // as written
  SymbolPattern Pattern;
  DataSpec Spec;
  SourceLoc Loc;
};

/// `discovery:` in .pdflow.yaml: whether unannotated declarations the
/// personal-data lexicon rates highly enough count as data elements.
struct DiscoverySettings {
  bool Infer = false;
  unsigned MinConfidence = 70; // 0-100
};

enum class SinkKind { Log, Export, Storage, ThirdParty, InternalService };
const char *sinkKindName(SinkKind K); // "log", "export", ... "third-party"
std::optional<SinkKind> parseSinkKind(const std::string &Text);
std::vector<std::string> sinkKindNames();

enum class Safeguard { Unspecified, Adequacy, Dpf, Scc, Bcr, Derogation, None };
const char *safeguardName(Safeguard S); // "unspecified" for Unspecified, which parses as nothing
std::optional<Safeguard> parseSafeguard(const std::string &Text);
std::vector<std::string> safeguardNames();

/// Where a model (sink, transform, propagator, consent check) was declared.
enum class ModelOrigin { Builtin, Config, Annotation };

/// A sink: a function (or every method of / every write into a type) through
/// which data leaves the program.
struct SinkModel {
  std::string Function; // qualified-name glob; exactly one of Function, Type, Object
  std::string Type;     // class glob: writes into objects of it (<<, members) leave
  std::string Object;   // global object glob (std::cout): writes into it leave
  SinkKind Kind = SinkKind::Log;
  std::string Recipient;
  std::string Country; // ISO code, empty when unknown
  Safeguard Guard = Safeguard::Unspecified;
  std::optional<bool> Encrypted; // transport encryption; unset: unknown
  std::vector<std::string> Accepts; // categories the recipient needs
  std::vector<unsigned> Args;       // 0-based argument indexes; empty: all
  ModelOrigin Origin = ModelOrigin::Config;
  SourceLoc Loc;
};

enum class TransformEffect { Pseudonymize, Anonymize, Encrypt, Redact };
const char *transformEffectName(TransformEffect E);
std::optional<TransformEffect> parseTransformEffect(const std::string &Text);
std::vector<std::string> transformEffectNames();

struct TransformModel {
  std::string Function;
  TransformEffect Effect = TransformEffect::Pseudonymize;
  ModelOrigin Origin = ModelOrigin::Config;
  SourceLoc Loc;
  /// Which inputs are transformed into which output, encoded as in
  /// PropagatorModel (`from: [0], to: 2` for SHA256(d, n, md)). The default,
  /// every argument and the object into the return value, is the plain
  /// "its result is its input transformed".
  std::vector<int> From;
  int To = -1;
};

/// Taint in, taint out: data in argument From (or "this" object when FromThis)
/// flows to the return value (To = -1) or into argument To (0-based).
struct PropagatorModel {
  std::string Function;
  std::vector<int> From; // -1 is the object ("this"); empty: every argument and the object
  int To = -1;           // -1: the return value; -2: the object; N: argument N
  ModelOrigin Origin = ModelOrigin::Config;
  SourceLoc Loc;
  /// `alias: true`: To refers into From rather than holding a copy (s.append(x)
  /// returns s; v[i] names an element of v), so writes into To land in From.
  bool Alias = false;
};

/// A function returning whether a person consented to a purpose, given
/// either as a fixed Purpose or as the string literal at argument PurposeArg.
struct ConsentCheckModel {
  std::string Function;
  std::string Purpose;
  std::optional<unsigned> PurposeArg;
  ModelOrigin Origin = ModelOrigin::Config;
  SourceLoc Loc;
};

/// `rules: NAME: {...}` in .pdflow.yaml.
struct RuleSettings {
  std::optional<bool> Enabled;
  std::optional<Severity> Sev;
  std::map<std::string, std::string> Options; // the rule's own options; a list is joined with ';'
  SourceLoc Loc;
};

/// The sink/transform/propagator/consent part of a config, also the whole of
/// a library model file.
struct ModelSet {
  std::vector<SinkModel> Sinks;
  std::vector<TransformModel> Transforms;
  std::vector<PropagatorModel> Propagators;
  std::vector<ConsentCheckModel> ConsentChecks;
  void append(const ModelSet &Other);
};

/// A parsed .pdflow.yaml.
struct Config {
  std::string Path; // empty when no config file was found
  int Version = 1;
  Controller Ctrl;
  OrganisationRole Role = OrganisationRole::Controller;
  std::vector<ClientController> Controllers; // role: processor
  std::vector<RecipientDecl> Recipients;
  std::vector<std::string> SecurityMeasures;
  TaxonomyExtension TaxonomyExt;
  std::vector<ActivityDecl> Activities;
  std::vector<SideAnnotation> Data;
  DiscoverySettings Discovery;
  ModelSet Models;
  std::map<std::string, RuleSettings> Rules;
};

/// Finds .pdflow.yaml by walking up from StartDir, as clang-tidy does for
/// .clang-tidy. Returns an empty string when there is none.
std::string findConfigFile(const std::string &StartDir);

/// Parses a config document. Unknown keys, wrong types and unknown taxonomy
/// ids are errors at their file:line:col with a "did you mean"; rule names are
/// checked against KnownRules when it is not empty. Returns nullopt only when
/// the YAML cannot be parsed at all; otherwise the config holds every valid
/// part and Diags every problem. The taxonomy is extended in place with the
/// config's `taxonomy:` section before anything is checked against it.
std::optional<Config> parseConfig(const std::string &Yaml, const std::string &FileName,
                                  Taxonomy &Tax, DiagnosticList &Diags,
                                  const std::vector<std::string> &KnownRules = {});

/// Reads and parses File (an unreadable file is an error naming it).
std::optional<Config> loadConfigFile(const std::string &File, Taxonomy &Tax,
                                     DiagnosticList &Diags,
                                     const std::vector<std::string> &KnownRules = {});

/// Parses a library model file: only sinks, transforms, propagators and
/// consent_checks are allowed.
std::optional<ModelSet> parseModelFile(const std::string &Yaml, const std::string &FileName,
                                       const Taxonomy &Tax, DiagnosticList &Diags);

/// The built-in library models (annotations/models/*.yaml).
ModelSet builtinModels(const Taxonomy &Tax, DiagnosticList &Diags);

} // namespace pdflow

#endif
