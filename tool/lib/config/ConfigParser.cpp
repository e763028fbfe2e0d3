// .pdflow.yaml: finding, reading and checking it (DESIGN.md section 3).
#include "pdflow/config/Config.h"

#include "../taxonomy/TaxonomyYaml.h"
#include "../taxonomy/TermLookup.h"
#include "ModelSections.h"
#include "YamlReader.h"
#include "pdflow/support/Text.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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
              {"id", "name", "purposes", "legal_basis", "special_condition", "subjects",
               "retention", "entry_points"});
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
  if (!Id)
    return std::nullopt;
  if (!isValidActivityId(Id->Text)) {
    File.error(Id->Loc,
               "invalid activity id '" + Id->Text + "'; use letters, digits, '-', '_' and '.'");
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

std::vector<std::string> configKeys() {
  std::vector<std::string> Keys = {
      "version", "controller", "security_measures", "taxonomy", "activities", "data",
      "discovery", "rules"};
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
  readController(Top, C.Ctrl);
  C.SecurityMeasures = texts(Top.scalarList("security_measures"));
  readActivities(Top, Tax, C.Activities);
  readData(Top, Tax, C.Data);
  readDiscovery(Top, C.Discovery);
  readModelSections(Top, Tax, ModelOrigin::Config, C.Models);
  readRules(Top, KnownRules, C.Rules);
  return C;
}

std::optional<Config> loadConfigFile(const std::string &File, Taxonomy &Tax, DiagnosticList &Diags,
                                     const std::vector<std::string> &KnownRules) {
  std::ifstream In(File, std::ios::binary);
  if (!In) {
    int Err = errno;
    std::string Reason = Err ? llvm::StringRef(std::strerror(Err)).lower() : "cannot open";
    Diags.error(SourceLoc{File, 0, 0}, "cannot read config file: " + Reason);
    return std::nullopt;
  }
  std::ostringstream Text;
  Text << In.rdbuf();
  return parseConfig(Text.str(), File, Tax, Diags, KnownRules);
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
