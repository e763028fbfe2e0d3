#include "pdflow/lexicon/PersonalDataLexicon.h"

#include <algorithm>
#include <set>

namespace pdflow {

using Place = PersonalDataLexicon::Place;
using Context = PersonalDataLexicon::Context;

/// Extra words fit any type but bool and memory.
static constexpr unsigned AllTypes =
    static_cast<unsigned>(TypeClass::String) | static_cast<unsigned>(TypeClass::Integer) |
    static_cast<unsigned>(TypeClass::Real) | static_cast<unsigned>(TypeClass::Class);

static std::vector<std::string> splitWords(std::string_view Text) {
  std::vector<std::string> Words;
  std::string Cur;
  for (char Ch : Text) {
    if (Ch == ' ' || Ch == '|') {
      if (!Cur.empty())
        Words.push_back(Cur);
      Cur.clear();
    } else {
      Cur += Ch;
    }
  }
  if (!Cur.empty())
    Words.push_back(Cur);
  return Words;
}

PersonalDataLexicon::PersonalDataLexicon() {
  for (const WordRow &Row : builtinWordRows())
    Entries.push_back(
        {splitWords(Row.Words), Row.Categories, Row.Types, Row.Where, Row.Needs, Row.TypeName});
  sortEntries();
}

void PersonalDataLexicon::sortEntries() {
  std::stable_sort(Entries.begin(), Entries.end(),
                   [](const Entry &A, const Entry &B) { return A.Words.size() > B.Words.size(); });
}

void PersonalDataLexicon::addWord(std::string_view Word, std::string Category) {
  std::vector<std::string> Words = identifierWords(Word);
  if (Words.empty())
    return;
  // Project words come before built-in ones of the same length.
  Entries.insert(Entries.begin(), {std::move(Words), std::move(Category), AllTypes, Place::Anywhere,
                                   Context::None, true});
  sortEntries();
}

std::vector<std::string> PersonalDataLexicon::builtinCategories() const {
  std::set<std::string> Out;
  for (const WordRow &Row : builtinWordRows())
    for (const std::string &C : splitWords(Row.Categories))
      Out.insert(C);
  return {Out.begin(), Out.end()};
}

//===----------------------------------------------------------------------===//
// Matching
//===----------------------------------------------------------------------===//

namespace {
/// What one entry is matched against: a name's words or a type's.
struct Subject {
  const std::vector<std::string> &Words;
  const std::vector<std::string> &Scope; // words of the enclosing scopes
  const DeclaredType &Type;
};
} // namespace

static size_t headIndex(const std::vector<std::string> &Words) {
  for (size_t I = Words.size(); I-- > 0;)
    if (!transparentWords().count(Words[I]))
      return I;
  return Words.size() - 1;
}

static bool contextHolds(Context Needs, const Subject &Subj, size_t Begin, size_t End,
                         size_t Head) {
  const auto &W = Subj.Words;
  bool ScopePerson = containsAny(personWords(), Subj.Scope);
  // A socket's or a thread's "parentName" names a thing, not a person.
  bool NeedsPerson = Needs == Context::PersonBefore || Needs == Context::PersonAfter ||
                     Needs == Context::PersonScope;
  if (NeedsPerson && containsAny(thingWords(), Subj.Scope))
    return false;
  switch (Needs) {
  case Context::None:
    return true;
  case Context::PersonBefore:
    return Begin > 0 ? personWords().count(W[Begin - 1]) > 0 : ScopePerson;
  case Context::PersonAfter:
    if (End + 1 < W.size() && personWords().count(W[End + 1]))
      return true;
    return Begin == 0 && End >= Head && ScopePerson;
  case Context::PersonScope:
    return ScopePerson || containsAny(personWords(), W);
  case Context::NotNetwork:
    return (Begin == 0 || !networkWords().count(W[Begin - 1])) &&
           !containsAny(networkWords(), Subj.Type.Words) &&
           !containsAny(networkWords(), Subj.Type.ScopeWords);
  case Context::NotPath:
    return !containsAny(pathWords(), W) && !containsAny(serviceWords(), W) &&
           !containsAny(serviceWords(), Subj.Scope);
  case Context::NotService:
    return !containsAny(serviceWords(), W) && !containsAny(serviceWords(), Subj.Scope);
  }
  return false;
}

static bool matchesAt(const PersonalDataLexicon::Entry &E, const Subject &Subj, size_t Begin,
                      bool AsType) {
  const auto &W = Subj.Words;
  size_t End = Begin + E.Words.size() - 1;
  size_t Head = headIndex(W);
  bool CoversHead = Begin <= Head && Head <= End;
  Place Where = AsType ? Place::Head : E.Where;
  if (Where == Place::Head && !CoversHead)
    return false;
  if (Where == Place::Whole && !(Begin == 0 && End >= Head))
    return false;
  // emailTemplate, phoneRegex: the name is about the data, not the data.
  // (French names put the head first: nomClient.)
  if (Head > End && E.Needs != Context::PersonAfter && metaWords().count(W[Head]))
    return false;
  if (!(E.Types & static_cast<unsigned>(Subj.Type.Kind)))
    return false;
  return contextHolds(E.Needs, Subj, Begin, End, Head);
}

/// The base confidence of an entry's match: specific phrases above single
/// words, single words above those that must end or be the whole name; words
/// with known negatives (Not* contexts) lower, those a person word confirmed
/// higher; a person in the name or scope raises any match.
static unsigned confidenceOf(const PersonalDataLexicon::Entry &E, const Subject &Subj,
                             bool AsType) {
  int C = AsType                          ? 85
          : E.Words.size() > 1            ? 90
          : E.Where == Place::Anywhere    ? 85
          : E.Where == Place::Head        ? 75
                                          : 70;
  switch (E.Needs) {
  case Context::PersonBefore:
  case Context::PersonAfter:
  case Context::PersonScope:
    C += 5;
    break;
  case Context::NotNetwork:
  case Context::NotPath:
  case Context::NotService:
    C -= 10;
    break;
  case Context::None:
    break;
  }
  if (containsAny(personWords(), Subj.Scope) || containsAny(personWords(), Subj.Words))
    C += 5;
  return static_cast<unsigned>(std::clamp(C, 0, 99));
}

static bool matchesEntry(const PersonalDataLexicon::Entry &E, const Subject &Subj, bool AsType) {
  const auto &W = Subj.Words;
  if (E.Words.size() > W.size())
    return false;
  for (size_t Begin = 0; Begin + E.Words.size() <= W.size(); ++Begin)
    if (std::equal(E.Words.begin(), E.Words.end(), W.begin() + Begin) &&
        matchesAt(E, Subj, Begin, AsType))
      return true;
  return false;
}

/// The first of "a|b|c" the taxonomy knows; else the closest ancestor of the
/// first it knows; nullopt when it knows none (no point suggesting an
/// annotation that would itself be invalid).
static std::optional<std::string> resolveCategory(const std::string &Alternatives,
                                                  const Taxonomy *Tax) {
  std::vector<std::string> Alts;
  size_t Start = 0;
  for (size_t Bar; (Bar = Alternatives.find('|', Start)) != std::string::npos; Start = Bar + 1)
    Alts.push_back(Alternatives.substr(Start, Bar - Start));
  Alts.push_back(Alternatives.substr(Start));
  if (!Tax)
    return Alts.front();
  for (const std::string &A : Alts)
    if (Tax->category(A))
      return A;
  std::string Up = Alts.front();
  for (size_t Dot; (Dot = Up.rfind('.')) != std::string::npos;) {
    Up.erase(Dot);
    if (Tax->category(Up))
      return Up;
  }
  return std::nullopt;
}

/// The words of the scopes around a declaration: "shop::Customer::email" ->
/// shop, customer.
static std::vector<std::string> scopeWords(const DeclaredName &D) {
  std::string_view Q = D.QualifiedName;
  if (Q.size() >= D.Name.size() && Q.substr(Q.size() - D.Name.size()) == D.Name)
    Q.remove_suffix(D.Name.size());
  return identifierWords(Q);
}

/// Coordinates looked up from an IP address (a GeoIP record) place a person
/// within a city at best: approximate, not precise, location.
static bool isIpGeolocation(const std::vector<std::string> &Scope) {
  for (size_t I = 0; I < Scope.size(); ++I)
    if (Scope[I] == "geoip" || (Scope[I] == "geo" && I + 1 < Scope.size() && Scope[I + 1] == "ip"))
      return true;
  return false;
}

static std::string refined(std::string Category, const std::vector<std::string> &Scope,
                           const Taxonomy *Tax) {
  if (Category == "location.precise" && isIpGeolocation(Scope) &&
      (!Tax || Tax->category("location.approximate")))
    return "location.approximate";
  return Category;
}

std::optional<LexiconMatch> PersonalDataLexicon::match(const DeclaredName &D,
                                                       const Taxonomy *Tax) const {
  // A class is matched by its own name, as a type: class EmailAddress.
  DeclaredType Type = D.Kind == ElementKind::Class
                          ? DeclaredType{TypeClass::Class, identifierWords(D.Name), {}}
                          : classifyType(D.Type);
  if (Type.Kind == TypeClass::Bool || Type.Kind == TypeClass::Memory)
    return std::nullopt;
  std::vector<std::string> Words = identifierWords(D.Name);
  std::vector<std::string> Scope = scopeWords(D);
  auto Join = [](const std::vector<std::string> &Ws) {
    std::string Out;
    for (const std::string &W : Ws)
      Out += (Out.empty() ? "" : " ") + W;
    return Out;
  };
  if (D.Kind != ElementKind::Class && !Words.empty() &&
      !(Words.size() > 1 && leadingVetoWords().count(Words.front()))) {
    Subject Name{Words, Scope, Type};
    for (const Entry &E : Entries)
      if (matchesEntry(E, Name, false))
        if (auto Cat = resolveCategory(E.Categories, Tax))
          return LexiconMatch{refined(*Cat, Scope, Tax), Join(E.Words), false,
                              confidenceOf(E, Name, false)};
  }
  if (Type.Kind != TypeClass::Class || Type.Words.empty())
    return std::nullopt;
  Subject TypeSubj{Type.Words, Type.ScopeWords, Type};
  for (const Entry &E : Entries)
    if (E.TypeName && matchesEntry(E, TypeSubj, true))
      if (auto Cat = resolveCategory(E.Categories, Tax))
        return LexiconMatch{*Cat, Join(E.Words), true, confidenceOf(E, TypeSubj, true)};
  return std::nullopt;
}

std::string LexiconMatch::reason(const DeclaredName &D) const {
  if (!ByType)
    return "name has '" + Word + "'";
  if (D.Kind == ElementKind::Class)
    return "class name has '" + Word + "'";
  return "type '" + D.Type + "' has '" + Word + "'";
}

} // namespace pdflow
