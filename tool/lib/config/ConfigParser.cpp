// .pdflow.yaml: finding, reading and checking it (DESIGN.md section 3).
#include "pdflow/config/Config.h"

#include "../taxonomy/TaxonomyYaml.h"
#include "../taxonomy/TermLookup.h"
#include "ModelSections.h"
#include "YamlReader.h"
#include "pdflow/support/Text.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <filesystem>

namespace pdflow {

using yaml::MapReader;
using yaml::Scalar;
using yaml::YamlFile;

namespace {

std::vector<std::string> texts(const std::optional<std::vector<Scalar>> &List) {
  std::vector<std::string> Out;
  if (List)
    for (const Scalar &S : *List)
      Out.push_back(S.Text);
  return Out;
}

/// The ids of List that Tax knows; each other one is an error with a
/// "did you mean".
std::vector<std::string> knownIds(YamlFile &File, const Taxonomy &Tax, TermKind Kind,
                                  const std::optional<std::vector<Scalar>> &List) {
  std::vector<std::string> Out;
  if (!List)
    return Out;
  for (const Scalar &S : *List) {
    if (auto Problem = unknownTerm(Tax, Kind, S.Text))
      File.error(S.Loc, *Problem);
    else
      Out.push_back(S.Text);
  }
  return Out;
}

/// The id, when Tax knows it; otherwise an error and "".
std::string knownId(YamlFile &File, const Taxonomy &Tax, TermKind Kind,
                    const std::optional<Scalar> &S) {
  if (!S)
    return "";
  if (auto Problem = unknownTerm(Tax, Kind, S->Text)) {
    File.error(S->Loc, *Problem);
    return "";
  }
  return S->Text;
}

// --- taxonomy: --------------------------------------------------------------

/// Reads `taxonomy:` and extends Tax with it; Ext keeps the entries Tax took.
void readTaxonomy(MapReader &Top, Taxonomy &Tax, TaxonomyExtension &Ext) {
  YAML::Node N = Top.get("taxonomy");
  if (yaml::isAbsent(N) || !yaml::expectMap(Top.file(), N, "for 'taxonomy'"))
    return;
  MapReader R(Top.file(), N, "taxonomy", {"categories", "purposes", "subjects"});
  TaxonomyExtension Read;
  readExtension(R, Read, /*LabelRequired=*/false);
  Tax.extend(Read, Top.file().diags());
  // An entry was taken when the taxonomy now holds it from this location.
  for (const Category &C : Read.Categories)
    if (const Category *Got = Tax.category(C.Id); Got && Got->Loc == C.Loc)
      Ext.Categories.push_back(*Got);
  for (const TaxonomyTerm &T : Read.Purposes)
    if (const TaxonomyTerm *Got = Tax.purpose(T.Id); Got && Got->Loc == T.Loc)
      Ext.Purposes.push_back(*Got);
  for (const TaxonomyTerm &T : Read.Subjects)
    if (const TaxonomyTerm *Got = Tax.subject(T.Id); Got && Got->Loc == T.Loc)
      Ext.Subjects.push_back(*Got);
}

// --- controller: --------------------------------------------------------------

std::optional<Party> readParty(YamlFile &File, const YAML::Node &N, const std::string &What,
                               const std::string &Where) {
  if (yaml::isAbsent(N) || !yaml::expectMap(File, N, Where))
    return std::nullopt;
  MapReader R(File, N, What, {"name", "contact"});
  return Party{R.string("name").value_or(""), R.string("contact").value_or("")};
}

void readController(MapReader &Top, Controller &Ctrl) {
  YAML::Node N = Top.get("controller");
  YamlFile &File = Top.file();
  if (yaml::isAbsent(N) || !yaml::expectMap(File, N, "for 'controller'"))
    return;
  MapReader R(File, N, "controller",
              {"name", "contact", "dpo", "representative", "joint_controllers"});
  Ctrl.Name = R.string("name").value_or("");
  Ctrl.Contact = R.string("contact").value_or("");
  Ctrl.Dpo = readParty(File, R.get("dpo"), "dpo", "for 'dpo'");
  Ctrl.Representative =
      readParty(File, R.get("representative"), "representative", "for 'representative'");
  for (const YAML::Node &Item : R.list("joint_controllers").value_or(std::vector<YAML::Node>{}))
    if (auto P = readParty(File, Item, "joint controller", "in 'joint_controllers'"))
      Ctrl.JointControllers.push_back(std::move(*P));
}

// --- activities: --------------------------------------------------------------

// Activity ids are written in PDFLOW_ACTIVITY(...): no spaces, commas or quotes.
bool isValidActivityId(const std::string &Id) {
  return !Id.empty() && std::all_of(Id.begin(), Id.end(), [](char C) {
    return llvm::isAlnum(C) || C == '-' || C == '_' || C == '.';
  });
}

std::optional<ActivityDecl> readActivity(YamlFile &File, const YAML::Node &N, const Taxonomy &Tax) {
  MapReader R(File, N, "activity",
              {"id", "name", "purposes", "legal_basis", "legitimate_interest", "special_condition",
               "subjects", "retention", "entry_points"});
  ActivityDecl A;
  A.Loc = R.loc();
  auto Id = R.required("id");
  A.Name = R.string("name").value_or("");
  A.Purposes = knownIds(File, Tax, TermKind::Purpose, R.scalarList("purposes"));
  A.LegalBasis = knownId(File, Tax, TermKind::LegalBasis, R.scalar("legal_basis"));
  A.SpecialCondition =
      knownId(File, Tax, TermKind::SpecialCondition, R.scalar("special_condition"));
  A.Subjects = knownIds(File, Tax, TermKind::Subject, R.scalarList("subjects"));
  A.Retention = R.string("retention").value_or("");
  A.EntryPoints = texts(R.scalarList("entry_points"));
  if (auto Interest = R.scalar("legitimate_interest")) {
    A.LegitimateInterest = Interest->Text;
    if (A.LegalBasis != "legitimate-interests")
      File.diags().warning(Interest->Loc, "'legitimate_interest' is ignored: the activity's "
                                          "legal_basis is not legitimate-interests");
  }
  if (!Id)
    return std::nullopt;
  if (!isValidActivityId(Id->Text)) {
    File.error(Id->Loc, "invalid activity id " + quoteForMessage(Id->Text) +
                            "; use letters, digits, '-', '_' and '.'");
    return std::nullopt;
  }
  A.Id = Id->Text;
  return A;
}

void readActivities(MapReader &Top, const Taxonomy &Tax, std::vector<ActivityDecl> &Out) {
  YamlFile &File = Top.file();
  for (const YAML::Node &Item : Top.list("activities").value_or(std::vector<YAML::Node>{})) {
    if (!yaml::expectMap(File, Item, "in 'activities'"))
      continue;
    auto A = readActivity(File, Item, Tax);
    if (!A)
      continue;
    auto Previous =
        std::find_if(Out.begin(), Out.end(), [&](const ActivityDecl &B) { return B.Id == A->Id; });
    if (Previous != Out.end()) {
      File.diags().add({Severity::Error,
                        A->Loc,
                        "duplicate activity id '" + A->Id + "'",
                        "",
                        {{Previous->Loc, "previous definition is here"}},
                        {}});
      continue;
    }
    Out.push_back(std::move(*A));
  }
}

// --- role:, controllers:, recipients: -------------------------------------------

void readRole(MapReader &Top, Config &C) {
  auto Role = Top.scalar("role");
  if (!Role)
    return;
  if (auto Parsed = parseOrganisationRole(Role->Text))
    C.Role = *Parsed;
  else
    Top.file().error(Role->Loc, yaml::mustBeOneOf("role", organisationRoleNames(), Role->Text));
}

/// A `controllers:` entry; ActivityIds are the declared activities, which
/// its `activities` must name.
std::optional<ClientController> readClientController(YamlFile &File, const YAML::Node &N,
                                                     const std::vector<std::string> &ActivityIds) {
  MapReader R(File, N, "controller entry",
              {"name", "contact", "representative", "dpo", "activities"});
  ClientController C;
  C.Loc = R.loc();
  auto Name = R.required("name");
  C.Contact = R.string("contact").value_or("");
  C.Representative =
      readParty(File, R.get("representative"), "representative", "for 'representative'");
  C.Dpo = readParty(File, R.get("dpo"), "dpo", "for 'dpo'");
  for (const Scalar &A : R.scalarList("activities").value_or(std::vector<Scalar>{})) {
    if (std::find(ActivityIds.begin(), ActivityIds.end(), A.Text) == ActivityIds.end())
      File.error(A.Loc, withSuggestion("unknown activity '" + A.Text + "'", A.Text, ActivityIds));
    else
      C.Activities.push_back(A.Text);
  }
  if (!Name)
    return std::nullopt;
  C.Name = Name->Text;
  return C;
}

/// Reads `controllers:`, after `activities:` so that the activity ids each
/// entry lists can be checked.
void readControllers(MapReader &Top, Config &C) {
  YamlFile &File = Top.file();
  auto Items = Top.list("controllers");
  std::vector<std::string> ActivityIds;
  for (const ActivityDecl &A : C.Activities)
    ActivityIds.push_back(A.Id);
  for (const YAML::Node &Item : Items.value_or(std::vector<YAML::Node>{}))
    if (yaml::expectMap(File, Item, "in 'controllers'"))
      if (auto Entry = readClientController(File, Item, ActivityIds))
        C.Controllers.push_back(std::move(*Entry));
  if (C.Role == OrganisationRole::Processor && C.Controllers.empty())
    File.error(Top.valueLoc("role"),
               "'role: processor' needs 'controllers': the controllers the processing is "
               "carried out for (Art. 30(2)(a))");
  if (C.Role == OrganisationRole::Controller && Items && !Items->empty())
    File.error(Top.valueLoc("controllers"),
               "'controllers' lists the controllers a processor acts for; set 'role: "
               "processor', or list joint controllers under controller.joint_controllers");
}

void readRecipients(MapReader &Top, std::vector<RecipientDecl> &Out) {
  YamlFile &File = Top.file();
  for (const YAML::Node &Item : Top.list("recipients").value_or(std::vector<YAML::Node>{})) {
    if (!yaml::expectMap(File, Item, "in 'recipients'"))
      continue;
    MapReader R(File, Item, "recipient", {"name", "role", "contract"});
    auto Name = R.required("name");
    auto Role = R.required("role");
    RecipientDecl D;
    D.Loc = R.loc();
    D.Contract = R.string("contract").value_or("");
    std::optional<RecipientRole> Parsed;
    if (Role && !(Parsed = parseRecipientRole(Role->Text)))
      File.error(Role->Loc, yaml::mustBeOneOf("role", recipientRoleNames(), Role->Text));
    if (!Name || !Parsed)
      continue;
    D.Name = Name->Text;
    D.Role = *Parsed;
    auto Previous = std::find_if(Out.begin(), Out.end(),
                                 [&](const RecipientDecl &O) { return O.Name == D.Name; });
    if (Previous != Out.end()) {
      File.diags().add({Severity::Error,
                        Name->Loc,
                        "recipient '" + D.Name + "' is already declared",
                        "",
                        {{Previous->Loc, "previous declaration is here"}},
                        {}});
      continue;
    }
    Out.push_back(std::move(D));
  }
}

// --- data: ----------------------------------------------------------------------

std::optional<SideAnnotation> readSideAnnotation(YamlFile &File, const YAML::Node &N,
                                                 const Taxonomy &Tax) {
  MapReader R(File, N, "data entry",
              {"symbol", "category", "subject", "purposes", "retention", "source"});
  SideAnnotation D;
  D.Loc = R.loc();
  auto Symbol = R.required("symbol");
  auto Category = R.required("category");
  D.Spec.Category = knownId(File, Tax, TermKind::Category, Category);
  D.Spec.Subject = knownId(File, Tax, TermKind::Subject, R.scalar("subject"));
  D.Spec.Purposes = knownIds(File, Tax, TermKind::Purpose, R.scalarList("purposes"));
  D.Spec.Retention = R.string("retention").value_or("");
  D.Spec.Source = R.string("source").value_or("");
  if (!Symbol)
    return std::nullopt;
  std::string Error;
  std::optional<SymbolPattern> Pattern = parseSymbolPattern(Symbol->Text, Error);
  if (!Pattern)
    File.error(Symbol->Loc, Error);
  if (!Pattern || D.Spec.Category.empty())
    return std::nullopt;
  D.Symbol = Symbol->Text;
  D.Pattern = std::move(*Pattern);
  return D;
}

void readData(MapReader &Top, const Taxonomy &Tax, std::vector<SideAnnotation> &Out) {
  for (const YAML::Node &Item : Top.list("data").value_or(std::vector<YAML::Node>{}))
    if (yaml::expectMap(Top.file(), Item, "in 'data'"))
      if (auto D = readSideAnnotation(Top.file(), Item, Tax))
        Out.push_back(std::move(*D));
}

// --- discovery: -----------------------------------------------------------------

void readDiscovery(MapReader &Top, DiscoverySettings &Out) {
  YAML::Node N = Top.get("discovery");
  YamlFile &File = Top.file();
  if (yaml::isAbsent(N) || !yaml::expectMap(File, N, "for 'discovery'"))
    return;
  MapReader R(File, N, "discovery", {"infer", "min_confidence"});
  Out.Infer = R.boolean("infer").value_or(Out.Infer);
  if (std::optional<unsigned> Min = R.index("min_confidence")) {
    if (*Min > 100)
      File.error(R.valueLoc("min_confidence"),
                 "'min_confidence' is a percentage from 0 to 100; got " + std::to_string(*Min));
    else
      Out.MinConfidence = *Min;
  }
}

// --- rules: ---------------------------------------------------------------------

/// A rule option as text: a scalar as written, a list of scalars joined with
/// ';' (clang-tidy's convention for list options).
std::optional<std::string> optionText(YamlFile &File, const Scalar &Key, const YAML::Node &V) {
  if (yaml::isAbsent(V))
    return "";
  if (V.IsScalar())
    return V.Scalar();
  if (V.IsSequence()) {
    std::string Joined;
    for (const YAML::Node &Item : V) {
      auto S = yaml::expectScalar(File, Item, "in option '" + Key.Text + "'");
      if (!S)
        return std::nullopt;
      Joined += (Joined.empty() ? "" : ";") + S->Text;
    }
    return Joined;
  }
  File.error(V, "expected a string or a list for option '" + Key.Text + "'");
  return std::nullopt;
}

std::optional<RuleSettings> readRule(YamlFile &File, const Scalar &Name, const YAML::Node &V) {
  RuleSettings S;
  S.Loc = Name.Loc;
  if (yaml::isAbsent(V))
    return S;
  if (!yaml::expectMap(File, V, "for rule '" + Name.Text + "'"))
    return std::nullopt;
  // Any key: the rule's own options are not known here.
  MapReader R(File, V, "rule '" + Name.Text + "'", {});
  for (const auto &[Key, Value] : R.entries()) {
    if (Key.Text == "enabled") {
      S.Enabled = R.boolean("enabled");
    } else if (Key.Text == "severity") {
      auto Sev = R.scalar("severity");
      Severity Parsed;
      if (Sev && parseSeverity(Sev->Text, Parsed))
        S.Sev = Parsed;
      else if (Sev)
        File.error(Sev->Loc,
                   yaml::mustBeOneOf("severity", {"note", "warning", "error"}, Sev->Text));
    } else if (auto Text = optionText(File, Key, Value)) {
      S.Options[Key.Text] = *Text;
    }
  }
  return S;
}

void readRules(MapReader &Top, const std::vector<std::string> &KnownRules,
               std::map<std::string, RuleSettings> &Out) {
  YAML::Node N = Top.get("rules");
  YamlFile &File = Top.file();
  if (yaml::isAbsent(N) || !yaml::expectMap(File, N, "for 'rules'"))
    return;
  MapReader R(File, N, "rules", {});
  for (const auto &[Name, Value] : R.entries()) {
    if (!KnownRules.empty() &&
        std::find(KnownRules.begin(), KnownRules.end(), Name.Text) == KnownRules.end()) {
      File.error(Name.Loc,
                 withSuggestion("unknown rule '" + Name.Text + "'", Name.Text, KnownRules));
      continue;
    }
    if (auto S = readRule(File, Name, Value))
      Out[Name.Text] = std::move(*S);
  }
}

/// A config is a few kilobytes; anything near this is not a config (and
/// --config /dev/zero must not read until memory runs out).
constexpr uint64_t MaxConfigBytes = 16 << 20;

/// Reads File into Text; the problem, in Clang's lowercase, when it is not a
/// regular file of a sensible size or cannot be read.
std::optional<std::string> readConfigText(const std::string &File, std::string &Text) {
  namespace fs = llvm::sys::fs;
  fs::file_status Status;
  if (std::error_code EC = fs::status(File, Status))
    return errorReason(EC);
  if (fs::is_directory(Status))
    return std::string("is a directory");
  if (!fs::is_regular_file(Status))
    return std::string("not a regular file");
  const char *TooLarge = "it is larger than 16 MiB, the most a config may be";
  if (Status.getSize() > MaxConfigBytes)
    return std::string(TooLarge);
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return errorReason(Buffer.getError());
  if ((*Buffer)->getBufferSize() > MaxConfigBytes)
    return std::string(TooLarge); // it grew since
  Text = (*Buffer)->getBuffer().str();
  return std::nullopt;
}

std::vector<std::string> configKeys() {
  std::vector<std::string> Keys = {
      "version",           "role",       "controller", "controllers", "recipients", "taxonomy",
      "security_measures", "activities", "data",       "discovery",   "rules"};
  for (const std::string &K : modelSectionKeys())
    Keys.push_back(K);
  return Keys;
}

} // namespace

std::optional<Config> parseConfig(const std::string &Yaml, const std::string &FileName,
                                  Taxonomy &Tax, DiagnosticList &Diags,
                                  const std::vector<std::string> &KnownRules) {
  YamlFile File(FileName, Diags);
  std::optional<YAML::Node> Doc = yaml::parseDocument(Yaml, File);
  if (!Doc)
    return std::nullopt;
  Config C;
  C.Path = FileName;
  if (yaml::isAbsent(*Doc) || !yaml::expectMap(File, *Doc, "at the top level of the config"))
    return C;
  MapReader Top(File, *Doc, "config", configKeys());
  yaml::checkVersion(Top);
  // First, so that everything below may use the project's own terms.
  readTaxonomy(Top, Tax, C.TaxonomyExt);
  readRole(Top, C);
  readController(Top, C.Ctrl);
  C.SecurityMeasures = texts(Top.scalarList("security_measures"));
  readActivities(Top, Tax, C.Activities);
  readControllers(Top, C);
  readRecipients(Top, C.Recipients);
  readData(Top, Tax, C.Data);
  readDiscovery(Top, C.Discovery);
  readModelSections(Top, Tax, ModelOrigin::Config, C.Models);
  readRules(Top, KnownRules, C.Rules);
  return C;
}

std::optional<Config> loadConfigFile(const std::string &File, Taxonomy &Tax, DiagnosticList &Diags,
                                     const std::vector<std::string> &KnownRules) {
  std::string Text;
  if (std::optional<std::string> Problem = readConfigText(File, Text)) {
    Diags.error(SourceLoc{File, 0, 0}, "cannot read config file: " + *Problem);
    return std::nullopt;
  }
  return parseConfig(Text, File, Tax, Diags, KnownRules);
}

std::string findConfigFile(const std::string &StartDir) {
  namespace fs = std::filesystem;
  std::error_code Ec;
  fs::path Dir = fs::absolute(StartDir.empty() ? fs::path(".") : fs::path(StartDir), Ec);
  if (Ec)
    return "";
  Dir = Dir.lexically_normal();
  if (!Dir.has_filename() && Dir.has_relative_path())
    Dir = Dir.parent_path(); // "/a/b/" -> "/a/b"
  while (true) {
    fs::path Candidate = Dir / ".pdflow.yaml";
    if (fs::is_regular_file(Candidate, Ec))
      return Candidate.string();
    if (!Dir.has_relative_path())
      return ""; // reached the root
    fs::path Parent = Dir.parent_path();
    if (Parent == Dir)
      return "";
    Dir = Parent;
  }
}

} // namespace pdflow
