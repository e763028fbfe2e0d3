#include "UnannotatedPersonalDataCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"
#include "pdflow/support/Text.h"

#include <algorithm>

namespace pdflow {

/// "kundennummer=identity.account_id, steuer_nr=identity.tax_id": pairs, and
/// the items without '=' in Malformed.
static std::vector<std::pair<std::string, std::string>>
parseExtraWords(const std::string &Text, std::vector<std::string> &Malformed) {
  std::vector<std::pair<std::string, std::string>> Pairs;
  for (const std::string &Item : splitList(Text)) {
    size_t Eq = Item.find('=');
    auto Trim = [](std::string S) {
      S.erase(0, S.find_first_not_of(" \t"));
      S.erase(S.find_last_not_of(" \t") + 1);
      return S;
    };
    std::string W = Eq == std::string::npos ? "" : Trim(Item.substr(0, Eq));
    std::string C = Eq == std::string::npos ? "" : Trim(Item.substr(Eq + 1));
    if (W.empty() || C.empty())
      Malformed.push_back(Item);
    else
      Pairs.emplace_back(W, C);
  }
  return Pairs;
}

static std::vector<std::pair<std::string, std::string>>
readExtraWords(CheckContext &Ctx, std::vector<std::string> &Malformed) {
  return parseExtraWords(Ctx.option("extra_words", ""), Malformed);
}

UnannotatedPersonalDataCheck::UnannotatedPersonalDataCheck(CheckContext &Ctx)
    : Check(Ctx), ExtraWords(readExtraWords(Ctx, MalformedExtraWords)),
      Ignore(splitList(Ctx.option("ignore", ""))),
      CheckParameters(Ctx.option("parameters", "false") == "true") {}

void UnannotatedPersonalDataCheck::check(const Model &M) {
  const std::string Rule(Ctx.rule().Name);
  for (const std::string &Item : MalformedExtraWords)
    Ctx.optionError("malformed item '" + Item + "' in option 'extra_words' of rule '" + Rule +
                    "'; write word=category, e.g. kundennummer=identity.account_id");
  PersonalDataLexicon Lexicon;
  for (const auto &[Word, Category] : ExtraWords) {
    if (M.Tax && !M.Tax->category(Category)) {
      Ctx.optionError(withSuggestion("unknown category '" + Category + "' for word '" + Word +
                                         "' in option 'extra_words' of rule '" + Rule + "'",
                                     Category, M.Tax->categoryIds()));
      continue;
    }
    Lexicon.addWord(Word, Category);
  }
  for (const DeclaredName &D : M.Declarations) {
    if (D.Kind == ElementKind::Parameter && !CheckParameters)
      continue;
    if (std::any_of(Ignore.begin(), Ignore.end(), [&](const std::string &Glob) {
          return matchQualifiedName(Glob, D.QualifiedName);
        }))
      continue;
    std::optional<LexiconMatch> Match = Lexicon.match(D, M.Tax);
    if (!Match)
      continue;
    const std::string &Cat = Match->Category;
    std::string Looks = Match->ByType ? quote(D.Name) + " has type " + quote(D.Type) +
                                            ", which looks like personal data (" + Cat + "),"
                                      : quote(D.Name) + " looks like personal data (" + Cat + ")";
    std::vector<FixIt> Fix;
    if (D.InsertLoc.valid())
      Fix.push_back({D.InsertLoc, 0, "PDFLOW_DATA(" + Cat + ") "});
    Ctx.report(FindingSubject{D.QualifiedName, "", "", ""}, D.Loc,
               Looks + " but has no annotation; add PDFLOW_DATA(" + Cat + ") or list " +
                   quote(D.QualifiedName) + " under data: in .pdflow.yaml" +
                   gdpr(Ctx.rule().Article),
               {}, std::move(Fix));
  }
}

std::unique_ptr<Check> createUnannotatedPersonalDataCheck(CheckContext &Ctx) {
  return std::make_unique<UnannotatedPersonalDataCheck>(Ctx);
}

} // namespace pdflow
