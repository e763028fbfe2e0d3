#include "TermLookup.h"

#include "pdflow/support/Text.h"

#include "llvm/ADT/StringExtras.h"

namespace pdflow {

const char *termKindNoun(TermKind K) {
  switch (K) {
  case TermKind::Category:
    return "category";
  case TermKind::Purpose:
    return "purpose";
  case TermKind::Subject:
    return "data subject";
  case TermKind::LegalBasis:
    return "legal basis";
  case TermKind::SpecialCondition:
    return "special-category condition";
  case TermKind::Country:
    return "country code";
  }
  return "term";
}

static bool isKnown(const Taxonomy &Tax, TermKind K, const std::string &Id) {
  switch (K) {
  case TermKind::Category:
    return Tax.category(Id);
  case TermKind::Purpose:
    return Tax.purpose(Id);
  case TermKind::Subject:
    return Tax.subject(Id);
  case TermKind::LegalBasis:
    return Tax.legalBasis(Id);
  case TermKind::SpecialCondition:
    return Tax.specialCondition(Id);
  case TermKind::Country:
    return Tax.country(Id);
  }
  return false;
}

static std::vector<std::string> idsOf(const Taxonomy &Tax, TermKind K) {
  switch (K) {
  case TermKind::Category:
    return Tax.categoryIds();
  case TermKind::Purpose:
    return Tax.purposeIds();
  case TermKind::Subject:
    return Tax.subjectIds();
  case TermKind::LegalBasis:
    return Tax.legalBasisIds();
  case TermKind::SpecialCondition:
    return Tax.specialConditionIds();
  case TermKind::Country:
    return Tax.countryCodes();
  }
  return {};
}

// Two-letter codes are all one edit apart, so suggest by country name or
// alias ("UK", "France", "Germny") rather than by code.
static std::optional<std::string> suggestCountry(const Taxonomy &Tax, const std::string &Text) {
  std::vector<std::string> Names;
  std::vector<std::string> CodesOfNames;
  for (const std::string &Code : Tax.countryCodes()) {
    const Country *C = Tax.country(Code);
    for (const std::string &Alias : C->Aliases)
      if (llvm::StringRef(Alias).equals_insensitive(Text))
        return Code;
    Names.push_back(llvm::StringRef(C->Name).lower());
    CodesOfNames.push_back(Code);
  }
  if (Text.size() <= 3)
    return std::nullopt;
  if (auto Best = closestMatch(llvm::StringRef(Text).lower(), Names))
    for (size_t I = 0; I < Names.size(); ++I)
      if (Names[I] == *Best)
        return CodesOfNames[I];
  return std::nullopt;
}

/// "username" for "online.username" (and for "username").
static llvm::StringRef leafOf(llvm::StringRef CategoryId) {
  return CategoryId.substr(CategoryId.rfind('.') + 1);
}

// A category is a path: "identity.username" is more likely a misplaced
// "online.username" than a misspelt "identity.last_name". Among several
// parents holding the leaf, the closest spelling wins.
static std::optional<std::string> suggestCategoryByLeaf(const Taxonomy &Tax,
                                                        const std::string &Id) {
  std::vector<std::string> SameLeaf;
  for (const std::string &Known : Tax.categoryIds())
    if (leafOf(Known) == leafOf(Id))
      SameLeaf.push_back(Known);
  if (SameLeaf.empty())
    return std::nullopt;
  if (auto Best = closestMatch(Id, SameLeaf))
    return Best;
  return SameLeaf.front();
}

static std::optional<std::string> suggest(const Taxonomy &Tax, TermKind K, const std::string &Id) {
  if (K == TermKind::Country)
    return suggestCountry(Tax, Id);
  if (K == TermKind::Category)
    if (auto ByLeaf = suggestCategoryByLeaf(Tax, Id))
      return ByLeaf;
  return closestMatch(Id, idsOf(Tax, K));
}

std::optional<std::string> unknownTerm(const Taxonomy &Tax, TermKind K, const std::string &Id) {
  if (isKnown(Tax, K, Id))
    return std::nullopt;
  std::string Message = std::string("unknown ") + termKindNoun(K) + " " + quoteForMessage(Id);
  if (auto Best = suggest(Tax, K, Id))
    Message += "; did you mean '" + *Best + "'?";
  return Message;
}

} // namespace pdflow
