// Matches declarations against the personal-data words of
// PersonalDataWords.h, for the unannotated-personal-data rule: on the words
// of the name (camelCase and snake_case split), then on the type's.
#ifndef PDFLOW_CHECKS_PERSONALDATALEXICON_H
#define PDFLOW_CHECKS_PERSONALDATALEXICON_H

#include "DeclarationWords.h"
#include "PersonalDataWords.h"
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
