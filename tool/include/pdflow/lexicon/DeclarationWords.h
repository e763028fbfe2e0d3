// How the unannotated-personal-data rule reads a declaration: its name as
// words, its type as what the type holds.
#ifndef PDFLOW_LEXICON_DECLARATIONWORDS_H
#define PDFLOW_LEXICON_DECLARATIONWORDS_H

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

} // namespace pdflow

#endif
