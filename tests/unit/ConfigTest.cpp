#include "pdflow/config/Config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace pdflow;

namespace {

std::string doc(const char *Text) { return Text[0] == '\n' ? Text + 1 : Text; }

// "file:line:col: message" for every diagnostic, in order, notes indented.
std::vector<std::string> messages(const DiagnosticList &Diags) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : Diags.sorted()) {
    Out.push_back(D.Loc.str() + ": " + D.Message);
    for (const DiagNote &N : D.Notes)
      Out.push_back("  " + N.Loc.str() + ": " + N.Message);
  }
  return Out;
}

struct Parsed {
  std::optional<Config> Cfg;
  std::vector<std::string> Errors;
  Taxonomy Tax;
};

Parsed parse(const std::string &Yaml, const std::vector<std::string> &Rules = {}) {
  Parsed P{std::nullopt, {}, Taxonomy::builtin()};
  DiagnosticList Diags;
  P.Cfg = parseConfig(Yaml, "p.yaml", P.Tax, Diags, Rules);
  P.Errors = messages(Diags);
  return P;
}

using Lines = std::vector<std::string>;

const char *const FullConfig = R"yaml(
version: 1
controller:
  name: Acme SAS
  contact: privacy@acme.example
  dpo: {name: Jane Doe, contact: dpo@acme.example}
  representative: null
  joint_controllers:
    - {name: Beta GmbH, contact: privacy@beta.example}
security_measures: ["TLS 1.3 on every external connection", Disk encryption]
taxonomy:
  categories:
    - {id: contact.work_email, parent: contact.email, label: Work e-mail}
    - {id: special.health.allergy, protected: true}
  purposes: [{id: fraud-scoring, label: Fraud scoring}]
  subjects: [{id: driver}]
activities:
  - id: billing
    name: Customer billing
    purposes: [billing, fraud-scoring]
    legal_basis: contract
    subjects: [customer, driver]
    retention: P10Y
    entry_points: ["shop::Billing*::*", "shop::invoice"]
  - id: care
    name: Allergy tracking
    purposes: [health-care]
    legal_basis: consent
    special_condition: explicit-consent
    subjects: [patient]
    retention: until the end of the treatment
data:
  - symbol: "shop::Customer::email"
    category: contact.work_email
    subject: customer
    purposes: [billing, support]
    retention: P1Y6M
    source: sign-up form
  - symbol: "net::Session::peerAddress()"
    category: online.ip_address
sinks:
  - function: "acme::log::*"
    kind: log
  - function: "stripe::Client::charge"
    kind: third-party
    recipient: Stripe
    country: US
    safeguard: dpf
    accepts: [financial.payment_card]
    args: [1]
  - type: "app::DebugStream"
    kind: log
  - function: "legacy::httpPost"
    kind: internal-service
    country: fr
    encrypted: false
transforms:
  - {function: "crypto::sha256Hex", effect: pseudonymize}
  - {function: "mask", effect: redact}
propagators:
  - {function: "std::string::append", from: [0], to: this}
  - {function: "std::string::c_str", from: this, to: return}
  - {function: "std::memcpy", from: [1, this], to: 0}
  - {function: "fmt::format"}
consent_checks:
  - {function: "Consents::granted", purpose_arg: 1}
  - {function: "Consents::marketing", purpose: marketing}
rules:
  personal-data-in-logs: {severity: error}
  excess-to-sink: {enabled: false}
  unannotated-personal-data: {enabled: true, severity: note, ignore-names: [id, uid], min-length: 3}
)yaml";

TEST(ConfigTest, ParsesEveryKey) {
  Parsed P = parse(doc(FullConfig));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, Lines{});
  const Config &C = *P.Cfg;
  EXPECT_EQ(C.Path, "p.yaml");
  EXPECT_EQ(C.Version, 1);

  EXPECT_EQ(C.Ctrl.Name, "Acme SAS");
  EXPECT_EQ(C.Ctrl.Contact, "privacy@acme.example");
  EXPECT_EQ(C.Ctrl.Dpo, (Party{"Jane Doe", "dpo@acme.example"}));
  EXPECT_EQ(C.Ctrl.Representative, std::nullopt);
  EXPECT_EQ(C.Ctrl.JointControllers, (std::vector<Party>{{"Beta GmbH", "privacy@beta.example"}}));
  EXPECT_EQ(C.SecurityMeasures, (Lines{"TLS 1.3 on every external connection", "Disk encryption"}));

  ASSERT_EQ(C.TaxonomyExt.Categories.size(), 2u);
  EXPECT_EQ(C.TaxonomyExt.Categories[0].Id, "contact.work_email");
  EXPECT_EQ(C.TaxonomyExt.Categories[0].Label, "Work e-mail");
  EXPECT_EQ(C.TaxonomyExt.Categories[0].Loc, (SourceLoc{"p.yaml", 12, 12}));
  EXPECT_EQ(C.TaxonomyExt.Categories[1].Parent, "special.health");
  EXPECT_EQ(C.TaxonomyExt.Purposes[0].Id, "fraud-scoring");
  EXPECT_EQ(C.TaxonomyExt.Subjects[0].Id, "driver");
  // The taxonomy passed in is extended.
  EXPECT_TRUE(P.Tax.isWithin("contact.work_email", "contact.email"));
  EXPECT_TRUE(P.Tax.isSpecial("special.health.allergy"));
  EXPECT_TRUE(P.Tax.isProtected("special.health.allergy"));

  ASSERT_EQ(C.Activities.size(), 2u);
  const ActivityDecl &A = C.Activities[0];
  EXPECT_EQ(A.Id, "billing");
  EXPECT_EQ(A.Name, "Customer billing");
  EXPECT_EQ(A.Purposes, (Lines{"billing", "fraud-scoring"}));
  EXPECT_EQ(A.LegalBasis, "contract");
  EXPECT_EQ(A.SpecialCondition, "");
  EXPECT_EQ(A.Subjects, (Lines{"customer", "driver"}));
  EXPECT_EQ(A.Retention, "P10Y");
  EXPECT_EQ(A.EntryPoints, (Lines{"shop::Billing*::*", "shop::invoice"}));
  EXPECT_EQ(A.Loc, (SourceLoc{"p.yaml", 17, 5}));
  EXPECT_EQ(C.Activities[1].SpecialCondition, "explicit-consent");
  EXPECT_EQ(C.Activities[1].Retention, "until the end of the treatment");
  EXPECT_EQ(C.Activities[1].EntryPoints, Lines{});

  ASSERT_EQ(C.Data.size(), 2u);
  EXPECT_EQ(C.Data[0].Symbol, "shop::Customer::email");
  EXPECT_EQ(C.Data[0].Spec.Category, "contact.work_email");
  EXPECT_EQ(C.Data[0].Spec.Subject, "customer");
  EXPECT_EQ(C.Data[0].Spec.Purposes, (Lines{"billing", "support"}));
  EXPECT_EQ(C.Data[0].Spec.Retention, "P1Y6M");
  EXPECT_EQ(C.Data[0].Spec.Source, "sign-up form");
  EXPECT_EQ(C.Data[0].Loc, (SourceLoc{"p.yaml", 32, 5}));
  EXPECT_EQ(C.Data[1].Symbol, "net::Session::peerAddress()");
  EXPECT_EQ(C.Data[1].Spec.Subject, "");

  const ModelSet &M = C.Models;
  ASSERT_EQ(M.Sinks.size(), 4u);
  EXPECT_EQ(M.Sinks[0].Function, "acme::log::*");
  EXPECT_EQ(M.Sinks[0].Kind, SinkKind::Log);
  EXPECT_EQ(M.Sinks[0].Origin, ModelOrigin::Config);
  EXPECT_EQ(M.Sinks[0].Guard, Safeguard::Unspecified);
  EXPECT_EQ(M.Sinks[0].Encrypted, std::nullopt);
  const SinkModel &Stripe = M.Sinks[1];
  EXPECT_EQ(Stripe.Kind, SinkKind::ThirdParty);
  EXPECT_EQ(Stripe.Recipient, "Stripe");
  EXPECT_EQ(Stripe.Country, "US");
  EXPECT_EQ(Stripe.Guard, Safeguard::Dpf);
  EXPECT_EQ(Stripe.Accepts, Lines{"financial.payment_card"});
  EXPECT_EQ(Stripe.Args, std::vector<unsigned>{1});
  EXPECT_EQ(Stripe.Loc, (SourceLoc{"p.yaml", 43, 5}));
  EXPECT_EQ(M.Sinks[2].Type, "app::DebugStream");
  EXPECT_EQ(M.Sinks[2].Function, "");
  EXPECT_EQ(M.Sinks[3].Kind, SinkKind::InternalService);
  EXPECT_EQ(M.Sinks[3].Country, "FR"); // normalised
  EXPECT_EQ(M.Sinks[3].Encrypted, false);

  ASSERT_EQ(M.Transforms.size(), 2u);
  EXPECT_EQ(M.Transforms[0].Function, "crypto::sha256Hex");
  EXPECT_EQ(M.Transforms[0].Effect, TransformEffect::Pseudonymize);
  EXPECT_EQ(M.Transforms[1].Effect, TransformEffect::Redact);

  ASSERT_EQ(M.Propagators.size(), 4u);
  EXPECT_EQ(M.Propagators[0].From, std::vector<int>{0});
  EXPECT_EQ(M.Propagators[0].To, -2);
  EXPECT_EQ(M.Propagators[1].From, std::vector<int>{-1});
  EXPECT_EQ(M.Propagators[1].To, -1);
  EXPECT_EQ(M.Propagators[2].From, (std::vector<int>{1, -1}));
  EXPECT_EQ(M.Propagators[2].To, 0);
  EXPECT_EQ(M.Propagators[3].From, std::vector<int>{});
  EXPECT_EQ(M.Propagators[3].To, -1);

  ASSERT_EQ(M.ConsentChecks.size(), 2u);
  EXPECT_EQ(M.ConsentChecks[0].PurposeArg, 1u);
  EXPECT_EQ(M.ConsentChecks[0].Purpose, "");
  EXPECT_EQ(M.ConsentChecks[1].Purpose, "marketing");
  EXPECT_EQ(M.ConsentChecks[1].PurposeArg, std::nullopt);

  ASSERT_EQ(C.Rules.size(), 3u);
  EXPECT_EQ(C.Rules.at("personal-data-in-logs").Sev, Severity::Error);
  EXPECT_EQ(C.Rules.at("personal-data-in-logs").Enabled, std::nullopt);
  EXPECT_EQ(C.Rules.at("excess-to-sink").Enabled, false);
  const RuleSettings &U = C.Rules.at("unannotated-personal-data");
  EXPECT_EQ(U.Enabled, true);
  EXPECT_EQ(U.Sev, Severity::Note);
  EXPECT_EQ(U.Options,
            (std::map<std::string, std::string>{{"ignore-names", "id;uid"}, {"min-length", "3"}}));
  EXPECT_EQ(U.Loc, (SourceLoc{"p.yaml", 70, 3}));
}

TEST(ConfigTest, EmptyDocumentIsAnEmptyConfig) {
  Parsed P = parse("# nothing yet\n");
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, Lines{});
  EXPECT_TRUE(P.Cfg->Activities.empty());
}

TEST(ConfigTest, SyntaxErrorFailsWithLocation) {
  Parsed P = parse(doc(R"(
activities:
  - id: billing
    purposes: [billing
  - id: other
)"));
  EXPECT_FALSE(P.Cfg);
  ASSERT_EQ(P.Errors.size(), 1u);
  EXPECT_EQ(P.Errors[0], "p.yaml:4:7: invalid YAML: end of sequence flow not found");
}

TEST(ConfigTest, UnknownKeysSuggestTheClosest) {
  Parsed P = parse(doc(R"(
versoin: 1
activities:
  - id: billing
    purpose: [billing]
    legal_basis: contract
sinks:
  - {function: f, kind: log, recipent: X}
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, (Lines{
                          "p.yaml:1:1: unknown key 'versoin' in config; did you mean 'version'?",
                          "p.yaml:4:5: unknown key 'purpose' in activity; did you mean 'purposes'?",
                          "p.yaml:7:30: unknown key 'recipent' in sink; did you mean 'recipient'?",
                      }));
  // The rest of each entry is kept.
  ASSERT_EQ(P.Cfg->Activities.size(), 1u);
  EXPECT_EQ(P.Cfg->Activities[0].LegalBasis, "contract");
  EXPECT_EQ(P.Cfg->Models.Sinks.size(), 1u);
}

TEST(ConfigTest, WrongTypesAndValues) {
  Parsed P = parse(doc(R"(
version: 2
controller: Acme
security_measures: TLS
activities:
  - id: billing
    purposes: billing
    entry_points: [[a]]
sinks:
  - {function: f, kind: logs}
  - {function: g, kind: storage, safeguard: contract, encrypted: maybe, args: [0, first]}
transforms:
  - {function: h, effect: hash}
rules:
  missing-retention: {enabled: yes, severity: fatal}
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors,
            (Lines{
                "p.yaml:1:10: 'version' must be 1; got '2'",
                "p.yaml:2:13: expected a mapping for 'controller'",
                "p.yaml:3:20: expected a list for 'security_measures'",
                "p.yaml:6:15: expected a list for 'purposes'",
                "p.yaml:7:20: expected a string in 'entry_points'",
                "p.yaml:9:25: 'kind' must be one of log, export, storage, third-party, "
                "internal-service; got 'logs'",
                "p.yaml:10:45: 'safeguard' must be one of adequacy, dpf, scc, bcr, derogation, "
                "none; got 'contract'",
                "p.yaml:10:66: 'encrypted' must be true or false; got 'maybe'",
                "p.yaml:10:83: expected a non-negative integer in 'args'; got 'first'",
                "p.yaml:12:27: 'effect' must be one of pseudonymize, anonymize, encrypt, redact; "
                "got 'hash'",
                "p.yaml:14:32: 'enabled' must be true or false; got 'yes'",
                "p.yaml:14:47: 'severity' must be one of note, warning, error; got 'fatal'",
            }));
  // Entries whose required parts are fine are kept, minus the bad values.
  ASSERT_EQ(P.Cfg->Activities.size(), 1u);
  EXPECT_EQ(P.Cfg->Activities[0].Purposes, Lines{});
  ASSERT_EQ(P.Cfg->Models.Sinks.size(), 1u);
  EXPECT_EQ(P.Cfg->Models.Sinks[0].Function, "g");
  EXPECT_EQ(P.Cfg->Models.Sinks[0].Args, std::vector<unsigned>{0});
  EXPECT_EQ(P.Cfg->Models.Sinks[0].Guard, Safeguard::Unspecified);
  EXPECT_TRUE(P.Cfg->Models.Transforms.empty());
  EXPECT_EQ(P.Cfg->Rules.at("missing-retention").Enabled, std::nullopt);
}

TEST(ConfigTest, UnknownTaxonomyIdsSuggestTheClosest) {
  Parsed P = parse(doc(R"(
activities:
  - id: billing
    purposes: [biling, support]
    legal_basis: contracts
    special_condition: explicit-consnt
    subjects: [custmer]
data:
  - symbol: "shop::Customer::email"
    category: contact.emial
  - symbol: "shop::Customer::phone"
    category: contact.phone
    subject: employe
sinks:
  - {function: f, kind: third-party, country: UK, accepts: [financial.payment_crd]}
  - {function: g, kind: third-party, country: Germany}
  - {function: h, kind: third-party, country: XY}
consent_checks:
  - {function: c, purpose: marketting}
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors,
            (Lines{
                "p.yaml:3:16: unknown purpose 'biling'; did you mean 'billing'?",
                "p.yaml:4:18: unknown legal basis 'contracts'; did you mean 'contract'?",
                "p.yaml:5:24: unknown special-category condition 'explicit-consnt'; did you "
                "mean 'explicit-consent'?",
                "p.yaml:6:16: unknown data subject 'custmer'; did you mean 'customer'?",
                "p.yaml:9:15: unknown category 'contact.emial'; did you mean 'contact.email'?",
                "p.yaml:12:14: unknown data subject 'employe'; did you mean 'employee'?",
                "p.yaml:14:47: unknown country code 'UK'; did you mean 'GB'?",
                "p.yaml:14:61: unknown category 'financial.payment_crd'; did you mean "
                "'financial.payment_card'?",
                "p.yaml:15:47: unknown country code 'Germany'; did you mean 'DE'?",
                "p.yaml:16:47: unknown country code 'XY'",
                "p.yaml:18:28: unknown purpose 'marketting'; did you mean 'marketing'?",
            }));
  // The side annotation with an unknown category is unusable and dropped.
  ASSERT_EQ(P.Cfg->Data.size(), 1u);
  EXPECT_EQ(P.Cfg->Data[0].Spec.Category, "contact.phone");
  EXPECT_EQ(P.Cfg->Activities[0].Purposes, Lines{"support"});
  EXPECT_TRUE(P.Cfg->Models.ConsentChecks.empty());
}

TEST(ConfigTest, RequiredAndExclusiveKeys) {
  Parsed P = parse(doc(R"(
activities:
  - name: Nameless
data:
  - category: contact.email
sinks:
  - {kind: log}
  - {function: f, type: T, kind: log}
  - {function: f}
transforms:
  - {function: h}
propagators:
  - {function: p, from: [that], to: there}
consent_checks:
  - {function: c}
  - {function: c, purpose: marketing, purpose_arg: 0}
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, (Lines{
                          "p.yaml:2:5: missing 'id' in activity",
                          "p.yaml:4:5: missing 'symbol' in data entry",
                          "p.yaml:6:5: missing 'function', 'type' or 'object' in sink",
                          "p.yaml:7:5: sink has both 'function' and 'type'; give only one",
                          "p.yaml:8:5: missing 'kind' in sink",
                          "p.yaml:10:5: missing 'effect' in transform",
                          "p.yaml:12:26: 'from' must be 'this' or an argument index; got 'that'",
                          "p.yaml:12:37: 'to' must be 'return', 'this' or an argument index; "
                          "got 'there'",
                          "p.yaml:14:5: missing 'purpose' or 'purpose_arg' in consent check",
                          "p.yaml:15:5: consent check has both 'purpose' and 'purpose_arg'; "
                          "give only one",
                      }));
  EXPECT_TRUE(P.Cfg->Activities.empty());
  EXPECT_TRUE(P.Cfg->Data.empty());
  EXPECT_TRUE(P.Cfg->Models.Sinks.empty());
  EXPECT_TRUE(P.Cfg->Models.Transforms.empty());
  EXPECT_TRUE(P.Cfg->Models.Propagators.empty());
  EXPECT_TRUE(P.Cfg->Models.ConsentChecks.empty());
}

TEST(ConfigTest, DuplicatesAreReportedWithThePreviousPlace) {
  Parsed P = parse(doc(R"(
activities:
  - id: billing
    name: One
    name: Two
  - id: billing
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, (Lines{
                          "p.yaml:4:5: duplicate key 'name' in activity",
                          "p.yaml:5:5: duplicate activity id 'billing'",
                          "  p.yaml:2:5: previous definition is here",
                      }));
  ASSERT_EQ(P.Cfg->Activities.size(), 1u);
  EXPECT_EQ(P.Cfg->Activities[0].Name, "One");
}

TEST(ConfigTest, TaxonomyExtensionIsCheckedAndUsedBeforeTheRest) {
  // `taxonomy:` comes last in the file but applies first.
  Parsed P = parse(doc(R"(
data:
  - {symbol: "Driver::plate", category: vehicle.plate, subject: driver, purposes: [fleet]}
taxonomy:
  categories:
    - {id: vehicle, label: Vehicle}
    - {id: vehicle.plate, label: Number plate}
    - {id: contact.work_email, parent: contact.emial}
    - {id: contact.email}
  purposes: [{id: fleet}, {id: billing}]
  subjects: [{id: driver}]
)"));
  ASSERT_TRUE(P.Cfg);
  ASSERT_EQ(P.Errors.size(), 5u);
  EXPECT_EQ(P.Errors[0], "p.yaml:7:12: unknown parent category 'contact.emial' for "
                         "'contact.work_email'; did you mean 'contact.email'?");
  EXPECT_EQ(P.Errors[1], "p.yaml:8:12: category 'contact.email' is already defined");
  EXPECT_EQ(P.Errors[3], "p.yaml:9:32: purpose 'billing' is already defined");
  ASSERT_EQ(P.Cfg->Data.size(), 1u);
  EXPECT_EQ(P.Cfg->Data[0].Spec.Category, "vehicle.plate");
  EXPECT_EQ(P.Cfg->Data[0].Spec.Subject, "driver");
  EXPECT_EQ(P.Cfg->Data[0].Spec.Purposes, Lines{"fleet"});
  // Only the entries the taxonomy took are kept in the extension.
  EXPECT_EQ(P.Cfg->TaxonomyExt.Categories.size(), 2u);
  EXPECT_EQ(P.Cfg->TaxonomyExt.Purposes.size(), 1u);
  EXPECT_FALSE(P.Tax.category("contact.work_email"));
}

TEST(ConfigTest, RuleNamesAreCheckedWhenKnown) {
  const std::string Yaml = doc(R"(
rules:
  personal-data-in-log: {severity: error}
  excess-to-sink: off
)");
  Parsed P = parse(Yaml, {"personal-data-in-logs", "excess-to-sink"});
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, (Lines{
                          "p.yaml:2:3: unknown rule 'personal-data-in-log'; did you mean "
                          "'personal-data-in-logs'?",
                          "p.yaml:3:19: expected a mapping for rule 'excess-to-sink'",
                      }));
  EXPECT_TRUE(P.Cfg->Rules.empty());
  // Without a list of rules, any name is taken.
  Parsed Any = parse(Yaml);
  EXPECT_EQ(Any.Errors.size(), 1u);
  EXPECT_EQ(Any.Cfg->Rules.count("personal-data-in-log"), 1u);
}

TEST(ConfigTest, RetentionIsIsoDurationOrFreeText) {
  Parsed P = parse(doc(R"(
activities:
  - {id: a, retention: P3Y}
  - {id: b, retention: PT12H}
  - {id: c, retention: 3 years after the last order}
  - {id: d, retention: 30}
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, Lines{});
  ASSERT_EQ(P.Cfg->Activities.size(), 4u);
  EXPECT_EQ(P.Cfg->Activities[0].Retention, "P3Y");
  EXPECT_EQ(P.Cfg->Activities[1].Retention, "PT12H");
  EXPECT_EQ(P.Cfg->Activities[2].Retention, "3 years after the last order");
  EXPECT_EQ(P.Cfg->Activities[3].Retention, "30");
}

TEST(ConfigTest, ObjectSinksAliasesAndTransformEndpoints) {
  Parsed P = parse(doc(R"(
sinks:
  - {object: "std::cout", kind: log}
  - {function: f, object: g, kind: log}
transforms:
  - {function: "::SHA256", effect: pseudonymize, from: [0], to: 2}
  - {function: "::EVP_DigestUpdate", effect: pseudonymize, from: 1, to: this}
  - {function: hash, effect: pseudonymize, to: nowhere}
propagators:
  - {function: "std::basic_string::append", from: [this], to: return, alias: true}
  - {function: "std::basic_string::substr", from: [this], to: return}
)"));
  ASSERT_TRUE(P.Cfg);
  EXPECT_EQ(P.Errors, (Lines{"p.yaml:3:5: sink has both 'function' and 'object'; give only one",
                             "p.yaml:7:48: 'to' must be 'return', 'this' or an argument index; got "
                             "'nowhere'"}));
  const ModelSet &M = P.Cfg->Models;
  ASSERT_EQ(M.Sinks.size(), 1u);
  EXPECT_EQ(M.Sinks[0].Object, "std::cout");
  EXPECT_EQ(M.Sinks[0].Function, "");
  ASSERT_EQ(M.Transforms.size(), 2u);
  EXPECT_EQ(M.Transforms[0].From, std::vector<int>{0});
  EXPECT_EQ(M.Transforms[0].To, 2);
  EXPECT_EQ(M.Transforms[1].From, std::vector<int>{1});
  EXPECT_EQ(M.Transforms[1].To, -2);
  ASSERT_EQ(M.Propagators.size(), 2u);
  EXPECT_TRUE(M.Propagators[0].Alias);
  EXPECT_FALSE(M.Propagators[1].Alias);
  // Defaults: every input into the return value.
  EXPECT_EQ(P.Cfg->Models.Transforms[0].Effect, TransformEffect::Pseudonymize);
  EXPECT_EQ(TransformModel{}.From, std::vector<int>{});
  EXPECT_EQ(TransformModel{}.To, -1);
}

TEST(ConfigTest, ModelFileAcceptsOnlyModelSections) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  std::optional<ModelSet> M = parseModelFile(doc(R"(
sinks:
  - {function: "::syslog", kind: log, args: [1]}
transforms:
  - {function: "absl::StrCat", effect: redact}
sink: []
activities: []
)"),
                                             "m.yaml", Tax, Diags);
  ASSERT_TRUE(M);
  EXPECT_EQ(messages(Diags),
            (Lines{"m.yaml:5:1: unknown key 'sink' in model file; did you mean 'sinks'?",
                   "m.yaml:6:1: unknown key 'activities' in model file"}));
  ASSERT_EQ(M->Sinks.size(), 1u);
  EXPECT_EQ(M->Sinks[0].Origin, ModelOrigin::Builtin);
  EXPECT_EQ(M->Sinks[0].Args, std::vector<unsigned>{1});
  EXPECT_EQ(M->Transforms[0].Origin, ModelOrigin::Builtin);

  DiagnosticList Bad;
  EXPECT_FALSE(parseModelFile("sinks: [", "m.yaml", Tax, Bad));
  EXPECT_TRUE(Bad.hasErrors());
}

TEST(ConfigTest, BuiltinModelsParseCleanly) {
  DiagnosticList Diags;
  ModelSet M = builtinModels(Taxonomy::builtin(), Diags);
  EXPECT_EQ(messages(Diags), Lines{});
  for (const SinkModel &S : M.Sinks)
    EXPECT_EQ(S.Origin, ModelOrigin::Builtin);
}

TEST(ConfigTest, ModelSetAppendKeepsOrder) {
  ModelSet A, B;
  A.Sinks.push_back({});
  A.Sinks.back().Function = "a";
  B.Sinks.push_back({});
  B.Sinks.back().Function = "b";
  B.Transforms.push_back({});
  B.Propagators.push_back({});
  B.ConsentChecks.push_back({});
  A.append(B);
  ASSERT_EQ(A.Sinks.size(), 2u);
  EXPECT_EQ(A.Sinks[1].Function, "b");
  EXPECT_EQ(A.Transforms.size(), 1u);
  EXPECT_EQ(A.Propagators.size(), 1u);
  EXPECT_EQ(A.ConsentChecks.size(), 1u);
}

TEST(ConfigTest, EnumNamesRoundTrip) {
  EXPECT_EQ(sinkKindNames(),
            (Lines{"log", "export", "storage", "third-party", "internal-service"}));
  for (const std::string &N : sinkKindNames())
    EXPECT_EQ(sinkKindName(*parseSinkKind(N)), N);
  EXPECT_EQ(safeguardNames(), (Lines{"adequacy", "dpf", "scc", "bcr", "derogation", "none"}));
  for (const std::string &N : safeguardNames())
    EXPECT_EQ(safeguardName(*parseSafeguard(N)), N);
  EXPECT_STREQ(safeguardName(Safeguard::Unspecified), "unspecified");
  EXPECT_EQ(parseSafeguard("unspecified"), std::nullopt);
  EXPECT_EQ(transformEffectNames(), (Lines{"pseudonymize", "anonymize", "encrypt", "redact"}));
  for (const std::string &N : transformEffectNames())
    EXPECT_EQ(transformEffectName(*parseTransformEffect(N)), N);
  EXPECT_EQ(parseSinkKind("Log"), std::nullopt);
}

class ConfigFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    Root = std::filesystem::temp_directory_path() /
           ("pdflow-config-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(Root / "a" / "b" / "c");
  }
  void TearDown() override { std::filesystem::remove_all(Root); }
  void write(const std::filesystem::path &P, const std::string &Text) { std::ofstream(P) << Text; }
  std::filesystem::path Root;
};

TEST_F(ConfigFileTest, FindWalksUp) {
  write(Root / "a" / ".pdflow.yaml", "version: 1\n");
  EXPECT_EQ(findConfigFile((Root / "a" / "b" / "c").string()),
            (Root / "a" / ".pdflow.yaml").string());
  EXPECT_EQ(findConfigFile((Root / "a" / "b" / "c" / "").string()),
            (Root / "a" / ".pdflow.yaml").string());
  // The nearest one wins.
  write(Root / "a" / "b" / ".pdflow.yaml", "version: 1\n");
  EXPECT_EQ(findConfigFile((Root / "a" / "b" / "c").string()),
            (Root / "a" / "b" / ".pdflow.yaml").string());
  // Above Root, whatever the machine holds is not ours to assert on.
  std::string Outside = findConfigFile(Root.string());
  EXPECT_EQ(Outside.find(Root.string()), std::string::npos);
}

TEST_F(ConfigFileTest, LoadReadsAndNamesTheFile) {
  std::string Path = (Root / ".pdflow.yaml").string();
  write(Root / ".pdflow.yaml", "activities:\n  - {id: a, legal_basis: contrat}\n");
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  std::optional<Config> C = loadConfigFile(Path, Tax, Diags);
  ASSERT_TRUE(C);
  EXPECT_EQ(C->Path, Path);
  EXPECT_EQ(messages(Diags),
            Lines{Path + ":2:26: unknown legal basis 'contrat'; did you mean 'contract'?"});

  DiagnosticList Missing;
  EXPECT_FALSE(loadConfigFile((Root / "nope.yaml").string(), Tax, Missing));
  EXPECT_EQ(messages(Missing), Lines{(Root / "nope.yaml").string() +
                                     ": cannot read config file: no such file or directory"});
}

} // namespace
