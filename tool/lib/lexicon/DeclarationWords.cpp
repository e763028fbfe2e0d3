#include "pdflow/lexicon/DeclarationWords.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace pdflow {

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

static bool isLower(char C) { return C >= 'a' && C <= 'z'; }
static bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }
static bool isDigit(char C) { return C >= '0' && C <= '9'; }

std::vector<std::string> identifierWords(std::string_view Id) {
  std::vector<std::string> Words;
  std::string Cur;
  auto Flush = [&] {
    if (!Cur.empty() && !isDigit(Cur.front()))
      Words.push_back(Cur);
    Cur.clear();
  };
  for (size_t I = 0; I < Id.size(); ++I) {
    char C = Id[I];
    if (!isLower(C) && !isUpper(C) && !isDigit(C)) {
      Flush();
      continue;
    }
    if (!Cur.empty()) {
      char Prev = Id[I - 1];
      bool LowerToUpper = (isLower(Prev) || isDigit(Prev)) && isUpper(C);
      bool AcronymEnd = isUpper(Prev) && isUpper(C) && I + 1 < Id.size() && isLower(Id[I + 1]);
      bool DigitEdge = isDigit(Prev) != isDigit(C);
      if (LowerToUpper || AcronymEnd || DigitEdge)
        Flush();
    }
    Cur += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  }
  Flush();
  // Hungarian and member prefixes: m_name, s_count, g_user, kEmail, pName.
  static const std::set<std::string> Prefixes = {"m", "s", "g", "k", "p", "t"};
  if (Words.size() > 1 && Prefixes.count(Words.front()))
    Words.erase(Words.begin());
  return Words;
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

static std::string trim(std::string_view S) {
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.front())))
    S.remove_prefix(1);
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.back())))
    S.remove_suffix(1);
  return std::string(S);
}

static bool isIdentChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

/// Removes qualifier keywords written as whole words.
static std::string stripKeywords(std::string T) {
  static const char *const Keywords[] = {
      "const",  "volatile",  "struct", "class",        "enum",   "typename", "mutable",
      "static", "constexpr", "inline", "thread_local", "extern", "union"};
  for (const char *K : Keywords) {
    std::string Word = K;
    for (size_t Pos = T.find(Word); Pos != std::string::npos; Pos = T.find(Word, Pos)) {
      bool Start = Pos == 0 || !isIdentChar(T[Pos - 1]);
      bool End = Pos + Word.size() == T.size() || !isIdentChar(T[Pos + Word.size()]);
      if (Start && End)
        T.erase(Pos, Word.size());
      else
        Pos += Word.size();
    }
  }
  return trim(T);
}

static std::string lastComponent(std::string_view T) {
  size_t Lt = T.find('<');
  std::string_view Head = T.substr(0, Lt);
  size_t Colon = Head.rfind("::");
  return trim(Colon == std::string_view::npos ? Head : Head.substr(Colon + 2));
}

/// "std::optional<std::vector<Email>>" -> "std::vector<Email>".
static std::optional<std::string> firstTemplateArg(std::string_view T) {
  size_t Lt = T.find('<');
  if (Lt == std::string_view::npos || T.back() != '>')
    return std::nullopt;
  int Depth = 0;
  for (size_t I = Lt + 1; I + 1 < T.size(); ++I) {
    if (T[I] == '<')
      ++Depth;
    else if (T[I] == '>')
      --Depth;
    else if (T[I] == ',' && Depth == 0)
      return trim(T.substr(Lt + 1, I - Lt - 1));
  }
  return trim(T.substr(Lt + 1, T.size() - Lt - 2));
}

static bool isWrapper(const std::string &Name) {
  static const std::set<std::string> S = {"optional",
                                          "vector",
                                          "list",
                                          "set",
                                          "unordered_set",
                                          "multiset",
                                          "deque",
                                          "array",
                                          "unique_ptr",
                                          "shared_ptr",
                                          "weak_ptr",
                                          "span",
                                          "QList",
                                          "QVector",
                                          "QSet",
                                          "QSharedPointer",
                                          "QScopedPointer",
                                          "QPointer",
                                          "SmallVector",
                                          "Optional",
                                          "Nullable",
                                          "atomic",
                                          "reference_wrapper",
                                          "Expected",
                                          "expected",
                                          "StatusOr",
                                          "Result",
                                          "Box",
                                          "forward_list",
                                          "valarray",
                                          "initializer_list"};
  return S.count(Name) > 0;
}

static bool isStringType(const std::string &Name) {
  static const std::set<std::string> S = {"string",
                                          "wstring",
                                          "u8string",
                                          "u16string",
                                          "u32string",
                                          "string_view",
                                          "wstring_view",
                                          "u8string_view",
                                          "basic_string",
                                          "basic_string_view",
                                          "QString",
                                          "QStringView",
                                          "QLatin1String",
                                          "QByteArray",
                                          "QStringList",
                                          "CString",
                                          "CStringA",
                                          "CStringW",
                                          "String",
                                          "StringRef",
                                          "StringView",
                                          "fbstring",
                                          "ustring",
                                          "Cord",
                                          "SmallString",
                                          "Twine",
                                          "BSTR",
                                          "LPSTR",
                                          "LPCSTR",
                                          "LPWSTR",
                                          "LPCWSTR",
                                          "LPTSTR",
                                          "LPCTSTR",
                                          "gchararray",
                                          "auto",
                                          "wxString",
                                          "FString",
                                          "UnicodeString",
                                          "icu::UnicodeString"};
  return S.count(Name) > 0;
}

static bool isCharType(const std::string &Name) {
  static const std::set<std::string> S = {"char",  "wchar_t", "char8_t", "char16_t", "char32_t",
                                          "TCHAR", "WCHAR",   "gchar",   "QChar"};
  return S.count(Name) > 0;
}

static bool isMemoryType(const std::string &Name) {
  static const std::set<std::string> S = {
      "uintptr_t", "intptr_t", "ptrdiff_t", "DWORD_PTR", "ULONG_PTR", "UINT_PTR",
      "LONG_PTR",  "INT_PTR",  "caddr_t",   "quintptr",  "qintptr",   "off_t",
      "void",      "byte",     "LPVOID",    "PVOID",     "HANDLE"};
  return S.count(Name) > 0;
}

static bool isIntegerType(const std::string &T) {
  static const std::set<std::string> Words = {"unsigned", "signed",   "short",   "long",
                                              "int",      "char",     "wchar_t", "char8_t",
                                              "char16_t", "char32_t", "__int64"};
  static const std::set<std::string> Names = {
      "size_t",        "ssize_t",       "int8_t",       "int16_t",
      "int32_t",       "int64_t",       "uint8_t",      "uint16_t",
      "uint32_t",      "uint64_t",      "qint8",        "qint16",
      "qint32",        "qint64",        "quint8",       "quint16",
      "quint32",       "quint64",       "DWORD",        "WORD",
      "ULONG",         "UINT",          "LONG",         "INT",
      "uint",          "ulong",         "ushort",       "u8",
      "u16",           "u32",           "u64",          "i8",
      "i16",           "i32",           "i64",          "time_t",
      "BigInt",        "int_least32_t", "int_fast32_t", "uint_least32_t",
      "uint_fast32_t", "intmax_t",      "uintmax_t",    "uint128_t",
      "int128_t",      "__int128"};
  if (Names.count(lastComponent(T)))
    return true;
  std::vector<std::string> Ws;
  std::string Cur;
  for (char C : T) {
    if (isIdentChar(C)) {
      Cur += C;
    } else if (!Cur.empty()) {
      Ws.push_back(Cur);
      Cur.clear();
    }
  }
  if (!Cur.empty())
    Ws.push_back(Cur);
  return !Ws.empty() &&
         std::all_of(Ws.begin(), Ws.end(), [](const std::string &W) { return Words.count(W) > 0; });
}

static bool isRealType(const std::string &Name) {
  static const std::set<std::string> S = {"float",     "double",    "long double", "qreal",
                                          "float32_t", "float64_t", "Float",       "Double"};
  return S.count(Name) > 0;
}

DeclaredType classifyType(std::string_view Written) {
  std::string T = stripKeywords(std::string(Written));
  unsigned Indirections = 0;
  for (;;) {
    while (!T.empty() && (T.back() == '&' || T.back() == '*' || T.back() == ']')) {
      if (T.back() == '*')
        ++Indirections;
      if (T.back() == ']') {
        ++Indirections;
        T.erase(T.rfind('['));
      } else {
        T.pop_back();
      }
      T = stripKeywords(T);
    }
    if (!isWrapper(lastComponent(T)))
      break;
    std::optional<std::string> Arg = firstTemplateArg(T);
    if (!Arg)
      break;
    T = stripKeywords(*Arg);
  }
  std::string Last = lastComponent(T);
  DeclaredType D;
  if (Indirections > 0) {
    if (isCharType(T) && Indirections == 1)
      return {TypeClass::String, {}, {}};
    if (isMemoryType(Last) || isIntegerType(T) || isCharType(T))
      return {TypeClass::Memory, {}, {}};
  }
  if (T == "bool" || Last == "BOOL" || Last == "gboolean" || Last == "_Bool")
    return {TypeClass::Bool, {}, {}};
  if (isStringType(Last) || (Last == "basic_string"))
    return {TypeClass::String, {}, {}};
  if (isMemoryType(Last))
    return {TypeClass::Memory, {}, {}};
  if (isIntegerType(T))
    return {TypeClass::Integer, {}, {}};
  if (isRealType(T) || isRealType(Last))
    return {TypeClass::Real, {}, {}};
  D.Kind = TypeClass::Class;
  D.Words = identifierWords(Last);
  size_t Lt = T.find('<');
  std::string Head = T.substr(0, Lt);
  size_t Colon = Head.rfind("::");
  if (Colon != std::string::npos)
    D.ScopeWords = identifierWords(Head.substr(0, Colon));
  return D;
}

} // namespace pdflow
