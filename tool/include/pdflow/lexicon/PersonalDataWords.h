// The data of the personal-data lexicon: the personal-data words
// (English, French, German) with the category each suggests, and the words
// that give a match its context or cancel it.
#ifndef PDFLOW_LEXICON_PERSONALDATAWORDS_H
#define PDFLOW_LEXICON_PERSONALDATAWORDS_H

#include <set>
#include <string>
#include <vector>

namespace pdflow {

/// Where in a name the words must be.
enum class WordPlace {
  Anywhere, // unless the name's last word describes it (emailTemplate)
  Head,     // ending the name, but for trailing words like "number"
  Whole,    // the whole name
};

/// What else the name or its scope must say.
enum class WordContext {
  None,
  PersonBefore, // the word before is person-like ("customerName"), or the
                // word is the whole name and its scope is ("Customer::name")
  PersonAfter,  // French head-first: "nomClient", or whole in a person scope
  PersonScope,  // a person-like word in the name or its scope
  NotNetwork,   // not a memory or network address ("baseAddress", net::Address)
  NotPath,      // not a working directory ("pwdPath"), nor a service's
  NotService,   // a person's, not a service's ("dbPassword", Config::user)
};

struct WordRow {
  const char *Words;      // space-separated, as identifierWords splits them
  const char *Categories; // "a|b": the first the taxonomy knows
  unsigned Types;         // TypeClass bits the declaration's type may have
  WordPlace Where = WordPlace::Anywhere;
  WordContext Needs = WordContext::None;
  bool TypeName = false; // also matches the declaration's type name
};

/// The built-in words, in the order they are tried among rows of the same
/// length (longer rows are tried first).
const std::vector<WordRow> &builtinWordRows();

/// Words that say whose data it is: "customerName", "Customer::name".
const std::set<std::string> &personWords();
/// Words before "address", or in its type, that make it a memory or network
/// address.
const std::set<std::string> &networkWords();
/// Words that make a password or login a service's, not a person's.
const std::set<std::string> &serviceWords();
/// Words of a working directory ("pwd" is also print-working-directory).
const std::set<std::string> &pathWords();
/// Trailing words that do not change what a name holds: phoneNumber,
/// emailStr, passwordHash, emailList.
const std::set<std::string> &transparentWords();
/// A last word that makes the name describe the data rather than hold it:
/// emailTemplate, phoneRegex, addressType, healthCheck.
const std::set<std::string> &metaWords();
/// Words of a scope holding things, not people: a socket's, a file's or a
/// thread's "parentName" is not a person's name.
const std::set<std::string> &thingWords();
/// A first word that makes the name a flag, a count or an accessor.
const std::set<std::string> &leadingVetoWords();

bool containsAny(const std::set<std::string> &Set, const std::vector<std::string> &Words);

} // namespace pdflow

#endif
