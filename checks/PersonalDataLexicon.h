// The words that make a declaration look like personal data, for the
// unannotated-personal-data rule: English, French and German, matched on the
// words of an identifier (camelCase and snake_case split) and on its type.
#ifndef PDFLOW_CHECKS_PERSONALDATALEXICON_H
#define PDFLOW_CHECKS_PERSONALDATALEXICON_H

#include "pdflow/model/Model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdflow {

/// Splits an identifier into lower-case words: camelCase, PascalCase,
/// snake_case and "::" boundaries, an acronym before a word ("IPAddress" ->
/// ip, address); digits and Hungarian prefixes (m_, s_, g_, k, p) dropped.
/// "m_phoneNumber2" -> {"phone", "number"}.
std::vector<std::string> identifierWords(std::string_view Identifier);

/// What a declared type holds, as far as the heuristics care.
enum class TypeClass : unsigned {
  String = 1,  // std::string, QString, char *, char[N], string_view...
  Integer = 2, // int, long, int64_t... (a phone or zip code may be one)
  Real = 4,    // float, double (coordinates, amounts)
  Class = 8,   // any other class or enum (Address, QDate...)
  Bool = 16,   // never personal data by itself
  Memory = 32, // void *, uintptr_t, uint8_t *: a memory address or buffer
};

struct DeclaredType {
  TypeClass Kind = TypeClass::Class;
  /// For Class: the class's words and its namespaces' words, separately
  /// ("boost::asio::ip::address" -> {"address"}, {"boost", "asio", "ip"}).
  std::vector<std::string> Words;
  std::vector<std::string> ScopeWords;
};

/// Classifies a type as written ("const std::string &",
/// "std::optional<EmailAddress>"); containers and smart pointers are
/// looked through.
DeclaredType classifyType(std::string_view Type);

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

  enum class Place { Anywhere, Head, Whole };
  enum class Context {
    None,
    PersonBefore, // the word before is person-like ("customerName"), or the
                  // word is the whole name and its scope is ("Customer::name")
    PersonAfter,  // French head-first: "nomClient", or whole in a person scope
    PersonScope,  // a person-like word in the name or its scope
    NotNetwork,   // not a memory or network address ("baseAddress", net::Address)
    NotPath,      // not a working directory ("pwdPath"), nor a service's
    NotService,   // a person's, not a service's ("dbPassword", Config::user)
  };
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
