#include "pdflow/discovery/SqlColumns.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace pdflow {

namespace {

struct Token {
  enum class Kind { Word, Text, Punct, Placeholder, NamedPlaceholder };
  Kind What = Kind::Punct;
  std::string Value; // a word without its quotes; "?" or "?12"; the punctuation
};

bool isWordChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

/// Reads a quoted run starting at I (after the opening quote); returns the
/// inside, I past the closing quote (a doubled quote is one quote).
std::string quoted(const std::string &S, size_t &I, char Close) {
  std::string Out;
  while (I < S.size()) {
    char C = S[I++];
    if (C != Close)
      Out += C;
    else if (I < S.size() && S[I] == Close && Close != ']')
      Out += S[I++];
    else
      break;
  }
  return Out;
}

std::vector<Token> tokenize(const std::string &S) {
  using K = Token::Kind;
  std::vector<Token> Out;
  for (size_t I = 0; I < S.size();) {
    char C = S[I];
    if (std::isspace(static_cast<unsigned char>(C))) {
      ++I;
    } else if (C == '-' && I + 1 < S.size() && S[I + 1] == '-') {
      I = std::min(S.find('\n', I), S.size());
    } else if (isWordChar(C)) {
      size_t B = I;
      while (I < S.size() && isWordChar(S[I]))
        ++I;
      Out.push_back({K::Word, S.substr(B, I - B)});
    } else if (C == '"' || C == '`' || C == '[') {
      ++I;
      Out.push_back({K::Word, quoted(S, I, C == '[' ? ']' : C)});
    } else if (C == '\'') {
      ++I;
      Out.push_back({K::Text, quoted(S, I, '\'')});
    } else if (C == '?') {
      size_t B = I++;
      while (I < S.size() && std::isdigit(static_cast<unsigned char>(S[I])))
        ++I;
      Out.push_back({K::Placeholder, S.substr(B, I - B)});
    } else if ((C == ':' || C == '@' || C == '$') && I + 1 < S.size() && isWordChar(S[I + 1])) {
      size_t B = I++;
      while (I < S.size() && isWordChar(S[I]))
        ++I;
      Out.push_back({K::NamedPlaceholder, S.substr(B, I - B)});
    } else {
      Out.push_back({K::Punct, std::string(1, C)});
      ++I;
    }
  }
  return Out;
}

bool keyword(const Token &T, const char *Word) {
  if (T.What != Token::Kind::Word)
    return false;
  std::string Lower = T.Value;
  std::transform(Lower.begin(), Lower.end(), Lower.begin(),
                 [](unsigned char C) { return std::tolower(C); });
  return Lower == Word;
}

bool punct(const Token &T, char C) {
  return T.What == Token::Kind::Punct && T.Value.size() == 1 && T.Value[0] == C;
}

using Tokens = std::vector<Token>;

/// The comma-separated items of the parenthesised list opening at I (on
/// its "("); I ends past the ")". nullopt when it does not close.
std::optional<std::vector<Tokens>> parenthesised(const Tokens &T, size_t &I) {
  if (I >= T.size() || !punct(T[I], '('))
    return std::nullopt;
  std::vector<Tokens> Items(1);
  int Depth = 0;
  for (++I; I < T.size(); ++I) {
    if (punct(T[I], '('))
      ++Depth;
    if (punct(T[I], ')') && Depth-- == 0) {
      ++I;
      return Items;
    }
    if (Depth == 0 && punct(T[I], ','))
      Items.emplace_back();
    else
      Items.back().push_back(T[I]);
  }
  return std::nullopt;
}

/// `[schema.]table`, its name, I past it.
std::string tableName(const Tokens &T, size_t &I) {
  std::string Name;
  while (I < T.size() && T[I].What == Token::Kind::Word) {
    Name = T[I++].Value;
    if (I + 1 < T.size() && punct(T[I], '.'))
      ++I;
    else
      break;
  }
  return Name;
}

/// The column a select item reads: `c`, `t.c`, `c AS alias`, `c alias`.
std::optional<std::string> plainColumn(const Tokens &Item) {
  size_t N = Item.size();
  if (N >= 2 && Item[N - 2].What == Token::Kind::Word && Item[N - 1].What == Token::Kind::Word)
    N -= keyword(Item[N - 2], "as") ? 2 : 1; // drop the alias
  if (N == 1 && Item[0].What == Token::Kind::Word)
    return Item[0].Value;
  if (N == 3 && Item[0].What == Token::Kind::Word && punct(Item[1], '.') &&
      Item[2].What == Token::Kind::Word)
    return Item[2].Value;
  return std::nullopt;
}

std::optional<SqlColumns> parseInsert(const Tokens &T, size_t I) {
  if (I < T.size() && keyword(T[I], "or"))
    I += 2; // INSERT OR REPLACE
  if (I >= T.size() || !keyword(T[I++], "into"))
    return std::nullopt;
  SqlColumns Out;
  Out.What = SqlColumns::Kind::Insert;
  Out.Table = tableName(T, I);
  auto Names = parenthesised(T, I);
  if (!Names || I >= T.size() || !keyword(T[I++], "values"))
    return std::nullopt;
  auto Values = parenthesised(T, I);
  if (!Values || Values->size() != Names->size())
    return std::nullopt;
  // SQLite numbers `?` one past the largest number given so far, `?NNN` as
  // NNN; a named placeholder takes a number too, which only its name tells.
  int Largest = 0;
  for (size_t V = 0; V < Values->size(); ++V) {
    const Tokens &Item = (*Values)[V];
    for (const Token &X : Item) {
      if (X.What == Token::Kind::NamedPlaceholder)
        return Out; // later numbers depend on names: keep what is known
      if (X.What != Token::Kind::Placeholder)
        continue;
      if (X.Value.size() > 6)
        return Out; // past SQLite's largest number anyway
      int Number = X.Value.size() > 1 ? std::stoi(X.Value.substr(1)) : Largest + 1;
      Largest = std::max(Largest, Number);
      const Tokens &Name = (*Names)[V];
      if (Item.size() == 1 && Name.size() == 1 && Name[0].What == Token::Kind::Word)
        Out.Columns[Number] = Name[0].Value;
    }
  }
  return Out;
}

std::optional<SqlColumns> parseSelect(const Tokens &T, size_t I) {
  if (I < T.size() && (keyword(T[I], "distinct") || keyword(T[I], "all")))
    ++I;
  std::vector<Tokens> Items(1);
  int Depth = 0;
  for (; I < T.size(); ++I) {
    if (Depth == 0 && keyword(T[I], "from"))
      break;
    if (punct(T[I], '('))
      ++Depth;
    else if (punct(T[I], ')'))
      --Depth;
    if (Depth == 0 && punct(T[I], ','))
      Items.emplace_back();
    else
      Items.back().push_back(T[I]);
  }
  if (I >= T.size())
    return std::nullopt; // no FROM: not a query of a table
  ++I;
  SqlColumns Out;
  Out.What = SqlColumns::Kind::Select;
  Out.Table = tableName(T, I);
  for (size_t C = 0; C < Items.size(); ++C)
    if (std::optional<std::string> Column = plainColumn(Items[C]))
      Out.Columns[static_cast<int>(C)] = *Column;
  return Out;
}

} // namespace

std::optional<SqlColumns> parseSqlColumns(const std::string &Sql) {
  Tokens T = tokenize(Sql);
  if (T.empty())
    return std::nullopt;
  if (keyword(T[0], "insert") || keyword(T[0], "replace"))
    return parseInsert(T, 1);
  if (keyword(T[0], "select"))
    return parseSelect(T, 1);
  return std::nullopt;
}

} // namespace pdflow
