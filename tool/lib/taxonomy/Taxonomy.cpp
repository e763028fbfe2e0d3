#include "pdflow/taxonomy/Taxonomy.h"

#include "TaxonomyYaml.h"
#include "pdflow/support/EmbeddedFile.h"
#include "pdflow/support/Text.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"

#include <algorithm>

namespace pdflow {

using yaml::MapReader;

const char *adequacyName(Adequacy A) {
  switch (A) {
  case Adequacy::None:
    return "none";
  case Adequacy::Full:
    return "full";
  case Adequacy::Framework:
    return "framework";
  case Adequacy::Commercial:
    return "commercial";
  }
  return "none";
}

std::optional<Adequacy> parseAdequacy(const std::string &Text) {
  for (Adequacy A : {Adequacy::None, Adequacy::Full, Adequacy::Framework, Adequacy::Commercial})
    if (Text == adequacyName(A))
      return A;
  return std::nullopt;
}

std::vector<std::string> dpiaCriterionNames() { return {"monitoring", "profiling"}; }

//===----------------------------------------------------------------------===//
// Adding entries
//===----------------------------------------------------------------------===//

// Ids travel through annotations and globs: keep them to lowercase words.
static bool isValidId(const std::string &Id, bool Dotted) {
  if (Id.empty() || Id.front() == '.' || Id.back() == '.')
    return false;
  for (size_t I = 0; I < Id.size(); ++I) {
    char C = Id[I];
    if (llvm::isLower(C) || llvm::isDigit(C) || C == '_' || C == '-')
      continue;
    if (Dotted && C == '.' && Id[I + 1] != '.')
      continue;
    return false;
  }
  return true;
}

static void reportRedefinition(DiagnosticList &Diags, const char *What, const std::string &Id,
                               const SourceLoc &Loc, const SourceLoc &Previous) {
  Diagnostic D{
      Severity::Error, Loc, std::string(What) + " '" + Id + "' is already defined", "", {}, {}};
  if (Previous.valid())
    D.Notes.push_back({Previous, "previous definition is here"});
  Diags.add(std::move(D));
}

static void addTerms(std::map<std::string, TaxonomyTerm> &Map,
                     const std::vector<TaxonomyTerm> &Terms, const char *What,
                     DiagnosticList &Diags) {
  for (const TaxonomyTerm &T : Terms) {
    if (!isValidId(T.Id, /*Dotted=*/false)) {
      Diags.error(T.Loc, std::string("invalid ") + What + " id '" + T.Id +
                             "'; use lowercase letters, digits, '-' and '_'");
      continue;
    }
    auto [It, Inserted] = Map.emplace(T.Id, T);
    if (!Inserted)
      reportRedefinition(Diags, What, T.Id, T.Loc, It->second.Loc);
  }
}

// The parent of a dotted id written without one: "contact.email" lies under
// "contact".
static std::string impliedParent(const std::string &Id) {
  size_t Dot = Id.rfind('.');
  return Dot == std::string::npos ? "" : Id.substr(0, Dot);
}

template <typename T> static std::vector<std::string> idsOf(const std::map<std::string, T> &Map) {
  std::vector<std::string> Ids;
  Ids.reserve(Map.size());
  for (const auto &Entry : Map)
    Ids.push_back(Entry.first);
  return Ids;
}

// True when walking up from Id reaches a root.
static bool reachesRoot(const std::map<std::string, Category> &Map, const std::string &Id) {
  std::string Cur = Id;
  for (size_t Steps = 0; Steps <= Map.size(); ++Steps) {
    auto It = Map.find(Cur);
    if (It == Map.end() || It->second.Parent.empty())
      return true;
    Cur = It->second.Parent;
  }
  return false;
}

static void addCategories(std::map<std::string, Category> &Map, const std::vector<Category> &Cats,
                          DiagnosticList &Diags) {
  std::vector<std::string> Added;
  for (Category C : Cats) {
    if (!isValidId(C.Id, /*Dotted=*/true)) {
      Diags.error(C.Loc, "invalid category id '" + C.Id +
                             "'; use lowercase words of letters, digits, '-' and '_' "
                             "separated by dots");
      continue;
    }
    if (C.Parent.empty())
      C.Parent = impliedParent(C.Id);
    auto [It, Inserted] = Map.emplace(C.Id, C);
    if (!Inserted) {
      reportRedefinition(Diags, "category", C.Id, C.Loc, It->second.Loc);
      continue;
    }
    Added.push_back(C.Id);
  }
  // Parents may be declared later in the same list; drop orphans until none
  // is left (an orphan's children become orphans in turn).
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const std::string &Id : Added) {
      auto It = Map.find(Id);
      if (It == Map.end() || It->second.Parent.empty() || Map.count(It->second.Parent))
        continue;
      const Category &C = It->second;
      std::vector<std::string> Known = idsOf(Map);
      Diags.error(C.Loc,
                  withSuggestion("unknown parent category '" + C.Parent + "' for '" + C.Id + "'",
                                 C.Parent, Known));
      Map.erase(It);
      Changed = true;
    }
  }
  // Find every category in or under a cycle before dropping any of them.
  std::vector<std::string> Cyclic;
  for (const std::string &Id : Added)
    if (Map.count(Id) && !reachesRoot(Map, Id))
      Cyclic.push_back(Id);
  for (const std::string &Id : Cyclic) {
    Diags.error(Map[Id].Loc, "category '" + Id + "' has a cyclic parent chain");
    Map.erase(Id);
  }
}

// A category naming a group that does not exist keeps no group of its own
// (it inherits its parent's).
static void checkGroups(std::map<std::string, Category> &Map, const std::vector<Category> &Added,
                        const std::vector<CategoryGroup> &Groups, DiagnosticList &Diags) {
  std::vector<std::string> Known;
  for (const CategoryGroup &G : Groups)
    Known.push_back(G.Id);
  for (const Category &C : Added) {
    auto It = Map.find(C.Id);
    if (C.Group.empty() || It == Map.end() || It->second.Loc != C.Loc ||
        std::find(Known.begin(), Known.end(), C.Group) != Known.end())
      continue;
    Diags.error(C.Loc, withSuggestion("unknown category group '" + C.Group + "' for '" + C.Id + "'",
                                      C.Group, Known));
    It->second.Group.clear();
  }
}

void Taxonomy::extend(const TaxonomyExtension &Ext, DiagnosticList &Diags) {
  addCategories(Categories, Ext.Categories, Diags);
  checkGroups(Categories, Ext.Categories, Groups, Diags);
  addTerms(Purposes, Ext.Purposes, "purpose", Diags);
  addTerms(Subjects, Ext.Subjects, "data subject", Diags);
}

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

static std::optional<Country> readCountry(yaml::YamlFile &File, const YAML::Node &N) {
  MapReader R(File, N, "country", {"code", "name", "name_fr", "eea", "adequacy", "aliases"});
  auto Code = R.required("code");
  Country C;
  if (auto Name = R.required("name"))
    C.Name = Name->Text;
  if (auto NameFr = R.required("name_fr"))
    C.NameFr = NameFr->Text;
  C.EEA = R.boolean("eea").value_or(false);
  if (auto A = R.scalar("adequacy")) {
    if (auto Parsed = parseAdequacy(A->Text))
      C.Adequate = *Parsed;
    else
      File.error(A->Loc, yaml::mustBeOneOf("adequacy", {"none", "full", "framework", "commercial"},
                                           A->Text));
    if (C.EEA && C.Adequate != Adequacy::None)
      File.error(A->Loc, "'adequacy' does not apply to an EEA country");
  }
  for (const yaml::Scalar &Alias : R.scalarList("aliases").value_or(std::vector<yaml::Scalar>{}))
    C.Aliases.push_back(Alias.Text);
  if (!Code)
    return std::nullopt;
  if (Code->Text.size() != 2 || !llvm::isAlpha(Code->Text[0]) || !llvm::isAlpha(Code->Text[1])) {
    File.error(Code->Loc,
               "country code must be two letters (ISO 3166-1 alpha-2); got '" + Code->Text + "'");
    return std::nullopt;
  }
  C.Code = llvm::StringRef(Code->Text).upper();
  return C;
}

static void readCountries(MapReader &R, std::map<std::string, Country> &Map) {
  for (const YAML::Node &Item : R.list("countries").value_or(std::vector<YAML::Node>{})) {
    if (!yaml::expectMap(R.file(), Item, "in 'countries'"))
      continue;
    auto C = readCountry(R.file(), Item);
    if (C && !Map.emplace(C->Code, *C).second)
      R.file().error(Item, "country '" + C->Code + "' is already defined");
  }
}

static void readGroups(MapReader &R, std::vector<CategoryGroup> &Out) {
  for (const YAML::Node &Item : R.list("groups").value_or(std::vector<YAML::Node>{})) {
    if (!yaml::expectMap(R.file(), Item, "in 'groups'"))
      continue;
    MapReader G(R.file(), Item, "group", {"id", "label", "label_fr"});
    auto Id = G.required("id");
    auto Label = G.required("label");
    auto LabelFr = G.required("label_fr");
    if (!Id || !Label || !LabelFr)
      continue;
    if (std::any_of(Out.begin(), Out.end(),
                    [&](const CategoryGroup &Other) { return Other.Id == Id->Text; })) {
      R.file().error(Id->Loc, "group '" + Id->Text + "' is already defined");
      continue;
    }
    Out.push_back({Id->Text, Label->Text, LabelFr->Text, Id->Loc});
  }
}

std::optional<Taxonomy> Taxonomy::parse(const std::string &Yaml, const std::string &FileName,
                                        DiagnosticList &Diags) {
  yaml::YamlFile File(FileName, Diags);
  std::optional<YAML::Node> Doc = yaml::parseDocument(Yaml, File);
  if (!Doc)
    return std::nullopt;
  Taxonomy T;
  if (yaml::isAbsent(*Doc) || !yaml::expectMap(File, *Doc, "at the top level of the taxonomy"))
    return T;
  MapReader R(File, *Doc, "taxonomy",
              {"version", "groups", "categories", "purposes", "subjects", "legal_bases",
               "special_conditions", "countries"});
  yaml::checkVersion(R);
  readGroups(R, T.Groups); // first: categories name their group
  TaxonomyExtension Ext;
  readExtension(R, Ext, /*LabelRequired=*/true);
  T.extend(Ext, Diags);
  addTerms(T.LegalBases, readTerms(R, "legal_bases", {"legal basis", true, true}), "legal basis",
           Diags);
  addTerms(T.SpecialConditions,
           readTerms(R, "special_conditions", {"special condition", true, true}),
           "special condition", Diags);
  readCountries(R, T.Countries);
  return T;
}

Taxonomy Taxonomy::builtin() {
  // Parsed once; immutable afterwards.
  static const Taxonomy Builtin = [] {
    DiagnosticList Diags;
    std::optional<Taxonomy> T;
    for (const EmbeddedFile &F : builtinTaxonomyFiles()) {
      T = parse(F.Text, "<builtin>/" + F.Name, Diags);
      break; // annotations/taxonomy.yaml is the only one
    }
    if (!T || Diags.hasErrors()) {
      std::string Message = "the built-in taxonomy is broken:\n";
      for (const Diagnostic &D : Diags.sorted())
        Message += formatDiagnostic(D);
      llvm::report_fatal_error(llvm::StringRef(Message), /*gen_crash_diag=*/false);
    }
    return std::move(*T);
  }();
  return Builtin;
}

//===----------------------------------------------------------------------===//
// Queries
//===----------------------------------------------------------------------===//

template <typename T>
static const T *lookup(const std::map<std::string, T> &Map, const std::string &Id) {
  auto It = Map.find(Id);
  return It == Map.end() ? nullptr : &It->second;
}

const Category *Taxonomy::category(const std::string &Id) const { return lookup(Categories, Id); }
const TaxonomyTerm *Taxonomy::purpose(const std::string &Id) const { return lookup(Purposes, Id); }
const TaxonomyTerm *Taxonomy::subject(const std::string &Id) const { return lookup(Subjects, Id); }
const TaxonomyTerm *Taxonomy::legalBasis(const std::string &Id) const {
  return lookup(LegalBases, Id);
}
const TaxonomyTerm *Taxonomy::specialCondition(const std::string &Id) const {
  return lookup(SpecialConditions, Id);
}
const Country *Taxonomy::country(const std::string &Code) const {
  return lookup(Countries, llvm::StringRef(Code).upper());
}
const CategoryGroup *Taxonomy::group(const std::string &Id) const {
  auto It = std::find_if(Groups.begin(), Groups.end(),
                         [&](const CategoryGroup &G) { return G.Id == Id; });
  return It == Groups.end() ? nullptr : &*It;
}

std::string Taxonomy::groupOf(const std::string &CategoryId) const {
  const Category *C = category(CategoryId);
  for (size_t Steps = 0; C && Steps <= Categories.size(); ++Steps) {
    if (!C->Group.empty())
      return C->Group;
    C = C->Parent.empty() ? nullptr : category(C->Parent);
  }
  return "other";
}

bool Taxonomy::isWithin(const std::string &Id, const std::string &Ancestor) const {
  // The tree has no cycles (extend drops them), but stay bounded anyway.
  const Category *C = category(Id);
  for (size_t Steps = 0; C && Steps <= Categories.size(); ++Steps) {
    if (C->Id == Ancestor)
      return true;
    C = C->Parent.empty() ? nullptr : category(C->Parent);
  }
  return false;
}

// True when Id or one of its ancestors has Flag set.
template <typename Pred>
static bool anyAncestor(const Taxonomy &T, const std::string &Id, size_t Bound, Pred Flag) {
  const Category *C = T.category(Id);
  for (size_t Steps = 0; C && Steps <= Bound; ++Steps) {
    if (Flag(*C))
      return true;
    C = C->Parent.empty() ? nullptr : T.category(C->Parent);
  }
  return false;
}

bool Taxonomy::isSpecial(const std::string &Id) const {
  return anyAncestor(*this, Id, Categories.size(), [](const Category &C) { return C.Special; });
}
bool Taxonomy::isCriminal(const std::string &Id) const {
  return anyAncestor(*this, Id, Categories.size(), [](const Category &C) { return C.Criminal; });
}
bool Taxonomy::isProtected(const std::string &Id) const {
  return anyAncestor(*this, Id, Categories.size(), [](const Category &C) { return C.Protected; });
}

std::vector<std::string> Taxonomy::categoryIds() const { return idsOf(Categories); }
std::vector<std::string> Taxonomy::purposeIds() const { return idsOf(Purposes); }
std::vector<std::string> Taxonomy::subjectIds() const { return idsOf(Subjects); }
std::vector<std::string> Taxonomy::legalBasisIds() const { return idsOf(LegalBases); }
std::vector<std::string> Taxonomy::specialConditionIds() const { return idsOf(SpecialConditions); }
std::vector<std::string> Taxonomy::countryCodes() const { return idsOf(Countries); }

} // namespace pdflow
