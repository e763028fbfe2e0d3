#include "CheckUtils.h"

#include <algorithm>
#include <cctype>

namespace pdflow {

const ActivityDecl *findActivity(const Model &M, const std::string &Id) {
  if (!M.Cfg)
    return nullptr;
  for (const ActivityDecl &A : M.Cfg->Activities)
    if (A.Id == Id)
      return &A;
  return nullptr;
}

bool hasTransform(const Flow &F, TransformEffect E) {
  return std::find(F.Transforms.begin(), F.Transforms.end(), E) != F.Transforms.end();
}

bool isAnonymized(const Flow &F) { return hasTransform(F, TransformEffect::Anonymize); }

bool isWithinAny(const Taxonomy *Tax, const std::string &Category,
                 const std::vector<std::string> &Ancestors) {
  for (const std::string &A : Ancestors) {
    if (Category == A)
      return true;
    if (Tax && Tax->isWithin(Category, A))
      return true;
  }
  return false;
}

bool isSpecialOrCriminal(const Taxonomy *Tax, const std::string &Category) {
  return Tax && (Tax->isSpecial(Category) || Tax->isCriminal(Category));
}

std::vector<std::string> splitList(std::string_view Text) {
  std::vector<std::string> Items;
  size_t Start = 0;
  while (Start <= Text.size()) {
    size_t End = Text.find_first_of(",;", Start);
    if (End == std::string_view::npos)
      End = Text.size();
    std::string_view Item = Text.substr(Start, End - Start);
    while (!Item.empty() && std::isspace(static_cast<unsigned char>(Item.front())))
      Item.remove_prefix(1);
    while (!Item.empty() && std::isspace(static_cast<unsigned char>(Item.back())))
      Item.remove_suffix(1);
    if (!Item.empty())
      Items.emplace_back(Item);
    Start = End + 1;
  }
  return Items;
}

std::string quote(std::string_view S) { return "'" + std::string(S) + "'"; }

std::string join(const std::vector<std::string> &Items, std::string_view Sep) {
  std::string Out;
  for (const std::string &I : Items) {
    if (!Out.empty())
      Out += Sep;
    Out += I;
  }
  return Out;
}

std::string joinQuoted(const std::vector<std::string> &Items) {
  std::vector<std::string> Quoted;
  for (const std::string &I : Items)
    Quoted.push_back(quote(I));
  return join(Quoted);
}

std::string dataPhrase(const DataElement &E, std::string_view Noun) {
  std::string Inferred = E.Origin == AnnotationOrigin::Inferred ? "inferred " : "";
  return Inferred + std::string(Noun) + " " + quote(E.Spec.Category) + " (" + E.QualifiedName +
         ")";
}

std::string dataNoun(const Taxonomy *Tax, const std::string &Category) {
  if (!Tax)
    return "personal data";
  if (Tax->isCriminal(Category))
    return "criminal-offence data";
  if (Tax->isSpecial(Category))
    return "special-category data";
  if (Tax->isProtected(Category))
    return "credential or payment data";
  return "personal data";
}

std::string sinkPhrase(const SinkRef &S) {
  std::string Out = std::string(sinkKindName(S.Kind)) + " sink " + quote(S.Function);
  std::vector<std::string> Details;
  if (!S.Recipient.empty())
    Details.push_back("recipient " + quote(S.Recipient));
  if (!S.Country.empty())
    Details.push_back(S.Country);
  if (!Details.empty())
    Out += " (" + join(Details) + ")";
  return Out;
}

std::string activitiesPhrase(const std::vector<std::string> &Activities) {
  if (Activities.empty())
    return "";
  if (Activities.size() == 1)
    return " under activity " + quote(Activities.front());
  return " under activities " + joinQuoted(Activities);
}

std::string wholeObjectPhrase(const Flow &F) {
  return F.WholeObject ? " inside a whole object" : "";
}

std::string gdpr(std::string_view Articles) { return " (GDPR Art. " + std::string(Articles) + ")"; }

} // namespace pdflow
