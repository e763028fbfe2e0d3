// Matches declarations against the personal-data words of
// PersonalDataWords.h: on the words of the name (camelCase and snake_case
// split), then on the type's. One lexicon for every user: the
// unannotated-personal-data rule, `scan --infer` and `pdflow suggest`.
#ifndef PDFLOW_LEXICON_PERSONALDATALEXICON_H
#define PDFLOW_LEXICON_PERSONALDATALEXICON_H

#include "pdflow/lexicon/DeclarationWords.h"
#include "pdflow/lexicon/PersonalDataWords.h"
#include "pdflow/model/Model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdflow {

/// A suggestion: the category to annotate the declaration with.
struct LexiconMatch {
  std::string Category; // resolved against the taxonomy
  std::string Word;     // the words that matched, e.g. "phone"
  bool ByType = false;  // matched on the declaration's type, not its name
  /// How sure the match is, 0-100: a specific phrase ("card number") rates
  /// higher than a short word that must end the name ("tel") or one that has
  /// known negatives ("address", "password"); a person in the name or its
  /// scope ("Customer::email") raises it. See docs/discovery.md.
  unsigned Confidence = 0;

  /// "name has 'phone'", "type 'EmailAddress' has 'email address'".
  std::string reason(const DeclaredName &D) const;
};

class PersonalDataLexicon {
public:
  /// The built-in words.
  PersonalDataLexicon();

  /// Adds a project word ("kundennummer", "customer number") for Category;
  /// it matches anywhere in a name and as a type name.
  void addWord(std::string_view Word, std::string Category);

  /// The first entry that matches D's name, else D's type; Tax (may be null)
  /// picks the first of an entry's categories it knows.
  std::optional<LexiconMatch> match(const DeclaredName &D, const Taxonomy *Tax) const;

  /// Every category the built-in words may suggest (for tests).
  std::vector<std::string> builtinCategories() const;

  using Place = WordPlace;
  using Context = WordContext;
  struct Entry {
    std::vector<std::string> Words;
    std::string Categories; // "a|b": the first the taxonomy knows
    unsigned Types = 0;     // TypeClass bits the declaration's type may have
    Place Where = Place::Anywhere;
    Context Needs = Context::None;
    bool TypeName = false; // also matches the declaration's type name
  };

private:
  std::vector<Entry> Entries; // longest first, then in table order
  void sortEntries();
};

} // namespace pdflow

#endif
