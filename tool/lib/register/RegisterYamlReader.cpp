// Reading a committed register back (pdflow register --check): the schema
// renderRegisterYaml writes, with located errors for anything else.

#include "pdflow/register/RegisterDrift.h"

#include "../config/YamlReader.h"

#include "llvm/ADT/StringRef.h"

namespace pdflow {

namespace {

using yaml::MapReader;
using yaml::Scalar;
using yaml::YamlFile;

/// "file:line:col" (or "file:line", "file") as written by SourceLoc::str().
SourceLoc parseLocation(llvm::StringRef Text) {
  SourceLoc L;
  auto [Rest, Last] = Text.rsplit(':');
  unsigned A = 0, B = 0;
  if (Last.empty() || Last.getAsInteger(10, B)) {
    L.File = Text.str();
    return L;
  }
  auto [File, Middle] = Rest.rsplit(':');
  if (!Middle.empty() && !Middle.getAsInteger(10, A)) {
    L.File = File.str();
    L.Line = A;
    L.Col = B;
  } else {
    L.File = Rest.str();
    L.Line = B;
  }
  return L;
}

class RegisterReader {
public:
  RegisterReader(YamlFile &File) : File(File) {}

  std::optional<Register> read(const YAML::Node &Doc) {
    if (!yaml::expectMap(File, Doc, "at the top level of the register"))
      return std::nullopt;
    MapReader Top(File, Doc, "register",
                  {"pdflow_register", "role", "controller", "security_measures", "activities",
                   "unregistered_processing", "unregistered_to_confirm", "processor_record",
                   "missing"});
    auto Version = Top.required("pdflow_register");
    if (!Version)
      return std::nullopt;
    if (Version->Text != std::to_string(Register::SchemaVersion)) {
      File.error(Version->Loc, "'pdflow_register' must be " +
                                   std::to_string(Register::SchemaVersion) + "; got '" +
                                   Version->Text + "'");
      return std::nullopt;
    }
    Register R;
    if (auto Role = Top.scalar("role")) {
      if (auto Parsed = parseOrganisationRole(Role->Text))
        R.Role = *Parsed;
      else
        File.error(Role->Loc, yaml::mustBeOneOf("role", organisationRoleNames(), Role->Text));
    }
    controller(Top, R);
    R.SecurityMeasures = strings(Top, "security_measures");
    for (const YAML::Node &N : items(Top, "activities"))
      R.Activities.push_back(activity(N));
    for (const YAML::Node &N : items(Top, "unregistered_processing"))
      R.Unregistered.push_back(unregistered(N));
    R.UnregisteredToConfirm = toConfirm(Top, "unregistered_to_confirm");
    for (const YAML::Node &N : items(Top, "processor_record"))
      R.Controllers.push_back(clientController(N));
    for (const YAML::Node &N : items(Top, "missing"))
      R.Missing.push_back(missing(N));
    return R;
  }

private:
  /// The mappings listed under Key.
  std::vector<YAML::Node> items(MapReader &R, const std::string &Key) {
    std::vector<YAML::Node> Out;
    for (const YAML::Node &N : R.list(Key).value_or(std::vector<YAML::Node>{}))
      if (yaml::expectMap(File, N, "in '" + Key + "'"))
        Out.push_back(N);
    return Out;
  }

  std::vector<std::string> strings(MapReader &R, const std::string &Key) {
    std::vector<std::string> Out;
    for (const Scalar &S : R.scalarList(Key).value_or(std::vector<Scalar>{}))
      Out.push_back(S.Text);
    return Out;
  }

  static std::string text(MapReader &R, const std::string &Key) {
    return R.string(Key).value_or("");
  }

  bool flag(MapReader &R, const std::string &Key) { return R.boolean(Key).value_or(false); }

  template <typename T>
  T parsed(MapReader &R, const std::string &Key, std::optional<T> (*Parse)(const std::string &),
           std::vector<std::string> Allowed, T Default) {
    auto S = R.scalar(Key);
    if (!S)
      return Default;
    if (auto V = Parse(S->Text))
      return *V;
    File.error(S->Loc, yaml::mustBeOneOf(Key, Allowed, S->Text));
    return Default;
  }

  Safeguard guard(MapReader &R) {
    return parsed<Safeguard>(R, "safeguard", parseSafeguard, safeguardNames(),
                             Safeguard::Unspecified);
  }

  Provenance provenance(MapReader &R, const std::string &Key) {
    return parsed<Provenance>(R, Key, parseProvenance, {"declared", "derived", "declared+derived"},
                              Provenance::Declared);
  }

  std::optional<Party> party(const YAML::Node &N, const std::string &What) {
    if (yaml::isAbsent(N) || !yaml::expectMap(File, N, "for '" + What + "'"))
      return std::nullopt;
    MapReader R(File, N, What, {"name", "contact"});
    return Party{text(R, "name"), text(R, "contact")};
  }

  void controller(MapReader &Top, Register &R) {
    YAML::Node N = Top.get("controller");
    if (yaml::isAbsent(N) || !yaml::expectMap(File, N, "for 'controller'"))
      return;
    MapReader C(File, N, "controller",
                {"name", "contact", "dpo", "representative", "joint_controllers"});
    R.Controller = {text(C, "name"), text(C, "contact")};
    R.Dpo = party(C.get("dpo"), "dpo");
    R.Representative = party(C.get("representative"), "representative");
    for (const YAML::Node &P : C.list("joint_controllers").value_or(std::vector<YAML::Node>{}))
      if (auto J = party(P, "joint controller"))
        R.JointControllers.push_back(*J);
  }

  std::vector<Evidence> evidence(MapReader &R, const std::string &Key = "evidence") {
    std::vector<Evidence> Out;
    for (const YAML::Node &N : items(R, Key)) {
      MapReader E(File, N, "evidence", {"kind", "at", "url"});
      Evidence::Kind K = parsed<Evidence::Kind>(
          E, "kind", parseEvidenceKind, {"declaration", "sink-call", "transform", "entry-point"},
          Evidence::Kind::SinkCall);
      Out.push_back({K, parseLocation(text(E, "at"))});
    }
    return Out;
  }

  RegisterActivity activity(const YAML::Node &N) {
    MapReader R(File, N, "activity",
                {"id", "declared", "name", "purposes", "legal_basis", "special_condition",
                 "legitimate_interest", "retention", "subjects", "entry_points", "categories",
                 "recipients", "transfers", "security_measures", "dpia", "to_confirm"});
    RegisterActivity A;
    if (auto Id = R.required("id"))
      A.Id = Id->Text;
    A.Declared = R.boolean("declared").value_or(true);
    A.Name = text(R, "name");
    A.Purposes = strings(R, "purposes");
    A.LegalBasis = text(R, "legal_basis");
    A.SpecialCondition = text(R, "special_condition");
    A.LegitimateInterest = text(R, "legitimate_interest");
    A.Retention = text(R, "retention");
    for (const YAML::Node &S : items(R, "subjects")) {
      MapReader SR(File, S, "subject", {"id", "source"});
      A.Subjects.push_back({text(SR, "id"), provenance(SR, "source")});
    }
    A.EntryPoints = evidence(R, "entry_points");
    for (const YAML::Node &C : items(R, "categories"))
      A.Categories.push_back(category(C));
    for (const YAML::Node &C : items(R, "recipients"))
      A.Recipients.push_back(recipient(C));
    for (const YAML::Node &C : items(R, "transfers"))
      A.Transfers.push_back(transfer(C));
    for (const YAML::Node &C : items(R, "security_measures"))
      A.Measures.push_back(measure(C));
    A.Dpia = dpia(R.get("dpia"));
    A.ToConfirm = toConfirm(R, "to_confirm");
    return A;
  }

  std::vector<ToConfirmCategory> toConfirm(MapReader &R, const std::string &Key) {
    std::vector<ToConfirmCategory> Out;
    for (const YAML::Node &N : items(R, Key)) {
      MapReader C(File, N, "category to confirm", {"id", "elements", "recipients", "evidence"});
      ToConfirmCategory X;
      X.Id = text(C, "id");
      for (const YAML::Node &E : items(C, "elements")) {
        MapReader ER(File, E, "inferred element",
                     {"element", "confidence", "reason", "at", "fix_at", "confirm"});
        X.Elements.push_back({text(ER, "element"), ER.index("confidence").value_or(0),
                              text(ER, "reason"), parseLocation(text(ER, "at")),
                              parseLocation(text(ER, "fix_at"))});
      }
      X.Recipients = strings(C, "recipients");
      X.Proof = evidence(C);
      Out.push_back(std::move(X));
    }
    return Out;
  }

  RegisterCategory category(const YAML::Node &N) {
    MapReader R(File, N, "category", {"id", "elements", "stored", "retention", "evidence"});
    RegisterCategory C;
    C.Id = text(R, "id");
    C.Elements = strings(R, "elements");
    C.Stored = flag(R, "stored");
    for (const YAML::Node &V : items(R, "retention")) {
      MapReader VR(File, V, "retention", {"value", "source"});
      C.Retention.push_back({text(VR, "value"), provenance(VR, "source")});
    }
    C.Proof = evidence(R);
    return C;
  }

  RegisterRecipient recipient(const YAML::Node &N) {
    MapReader R(File, N, "recipient",
                {"name", "class", "class_source", "kind", "country", "safeguard", "contract",
                 "categories", "evidence"});
    RegisterRecipient Rec;
    Rec.Name = text(R, "name");
    Rec.Class = parsed<RecipientClass>(R, "class", parseRecipientClass,
                                       {"internal", "processor", "third-party"},
                                       RecipientClass::ThirdParty);
    Rec.ClassSource = provenance(R, "class_source");
    Rec.Kind = parsed<SinkKind>(R, "kind", parseSinkKind, sinkKindNames(), SinkKind::ThirdParty);
    Rec.Country = text(R, "country");
    Rec.Guard = guard(R);
    Rec.Contract = text(R, "contract");
    Rec.Categories = strings(R, "categories");
    Rec.Proof = evidence(R);
    return Rec;
  }

  RegisterTransfer transfer(const YAML::Node &N) {
    MapReader R(
        File, N, "transfer",
        {"recipient", "country", "safeguard", "adequacy", "covered", "categories", "evidence"});
    RegisterTransfer T;
    T.Recipient = text(R, "recipient");
    T.Country = text(R, "country");
    T.Guard = guard(R);
    T.Adequacy = flag(R, "adequacy");
    T.Covered = flag(R, "covered");
    T.Categories = strings(R, "categories");
    T.Proof = evidence(R);
    return T;
  }

  RegisterMeasure measure(const YAML::Node &N) {
    MapReader R(File, N, "security measure", {"effect", "functions", "categories", "evidence"});
    RegisterMeasure M;
    M.Effect = parsed<TransformEffect>(R, "effect", parseTransformEffect, transformEffectNames(),
                                       TransformEffect::Encrypt);
    M.Functions = strings(R, "functions");
    M.Categories = strings(R, "categories");
    M.Proof = evidence(R);
    return M;
  }

  DpiaScreening dpia(const YAML::Node &N) {
    DpiaScreening D;
    if (yaml::isAbsent(N) || !yaml::expectMap(File, N, "for 'dpia'"))
      return D;
    MapReader R(File, N, "dpia", {"likely_required", "reasons"});
    D.LikelyRequired = flag(R, "likely_required");
    for (const YAML::Node &Reason : items(R, "reasons")) {
      MapReader RR(File, Reason, "dpia reason", {"criterion", "details"});
      D.Reasons.push_back({text(RR, "criterion"), strings(RR, "details")});
    }
    return D;
  }

  UnregisteredFlow unregistered(const YAML::Node &N) {
    MapReader R(File, N, "unregistered flow",
                {"element", "category", "sink", "kind", "function", "evidence"});
    UnregisteredFlow F;
    F.Element = text(R, "element");
    F.Category = text(R, "category");
    F.Sink = text(R, "sink");
    F.Kind = parsed<SinkKind>(R, "kind", parseSinkKind, sinkKindNames(), SinkKind::Log);
    F.Function = text(R, "function");
    F.Proof = evidence(R);
    return F;
  }

  RegisterClientController clientController(const YAML::Node &N) {
    MapReader R(File, N, "controller entry",
                {"name", "contact", "representative", "dpo", "activities"});
    RegisterClientController C;
    C.Controller = {text(R, "name"), text(R, "contact")};
    C.Representative = party(R.get("representative"), "representative");
    C.Dpo = party(R.get("dpo"), "dpo");
    C.Activities = strings(R, "activities");
    return C;
  }

  MissingField missing(const YAML::Node &N) {
    MapReader R(File, N, "missing field", {"activity", "field", "article", "detail", "at"});
    return {text(R, "activity"), text(R, "field"), text(R, "article"), text(R, "detail"),
            R.has("at") ? parseLocation(text(R, "at")) : SourceLoc{}};
  }

  YamlFile &File;
};

} // namespace

std::optional<Register> parseRegisterYaml(const std::string &Text, const std::string &FileName,
                                          DiagnosticList &Diags) {
  YamlFile File(FileName, Diags);
  std::optional<YAML::Node> Doc = yaml::parseDocument(Text, File);
  if (!Doc)
    return std::nullopt;
  if (yaml::isAbsent(*Doc)) {
    File.error(SourceLoc{FileName, 0, 0}, "empty file; expected a register written by "
                                          "'pdflow register --format yaml'");
    return std::nullopt;
  }
  return RegisterReader(File).read(*Doc);
}

} // namespace pdflow
