#include "pdflow/support/Text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

namespace pdflow {

// Edit distance where swapping two neighbouring letters is one edit, as a
// typo usually is ("scna" for "scan"): the optimal string alignment distance.
static unsigned typoDistance(std::string_view A, std::string_view B) {
  std::vector<std::vector<unsigned>> D(A.size() + 1, std::vector<unsigned>(B.size() + 1));
  for (size_t I = 0; I <= A.size(); ++I)
    D[I][0] = I;
  for (size_t J = 0; J <= B.size(); ++J)
    D[0][J] = J;
  for (size_t I = 1; I <= A.size(); ++I)
    for (size_t J = 1; J <= B.size(); ++J) {
      unsigned Cost = A[I - 1] == B[J - 1] ? 0 : 1;
      D[I][J] = std::min({D[I - 1][J] + 1, D[I][J - 1] + 1, D[I - 1][J - 1] + Cost});
      if (I > 1 && J > 1 && A[I - 1] == B[J - 2] && A[I - 2] == B[J - 1])
        D[I][J] = std::min(D[I][J], D[I - 2][J - 2] + 1);
    }
  return D[A.size()][B.size()];
}

std::optional<std::string> closestMatch(std::string_view Word,
                                        const std::vector<std::string> &Candidates) {
  // Allow about one typo per three characters, as clang-tidy's option checks do.
  const unsigned MaxDistance = std::max<unsigned>(1, Word.size() / 3);
  std::optional<std::string> Best;
  unsigned BestDistance = MaxDistance + 1;
  for (const std::string &C : Candidates) {
    // The distance is at least the difference in length: skip the quadratic
    // work for candidates that cannot be close (a 200 KB word against ids).
    size_t LengthGap = Word.size() > C.size() ? Word.size() - C.size() : C.size() - Word.size();
    if (LengthGap > MaxDistance)
      continue;
    unsigned D = typoDistance(Word, C);
    if (D < BestDistance) {
      BestDistance = D;
      Best = C;
    }
  }
  return Best;
}

std::string withSuggestion(std::string Message, std::string_view Word,
                           const std::vector<std::string> &Candidates) {
  if (auto Best = closestMatch(Word, Candidates))
    Message += "; did you mean '" + *Best + "'?";
  return Message;
}

static std::string_view stripCallParens(std::string_view S) {
  if (S.size() >= 2 && S.substr(S.size() - 2) == "()")
    S.remove_suffix(2);
  return S;
}

std::string errorReason(std::error_code EC) {
  std::string Reason = EC.message();
  for (char &C : Reason)
    C = static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  return Reason;
}

std::string quoteForMessage(std::string_view Text) {
  constexpr size_t Keep = 60, Limit = 64;
  if (Text.size() <= Limit)
    return "'" + std::string(Text) + "'";
  size_t Cut = Keep;
  while (Cut > 0 && (static_cast<unsigned char>(Text[Cut]) & 0xC0) == 0x80)
    --Cut; // not inside a UTF-8 character
  return "'" + std::string(Text.substr(0, Cut)) + "...' (" + std::to_string(Text.size()) +
         " bytes)";
}

namespace {

/// The code point of the UTF-8 character at the start of S and its length
/// in bytes; length 0 when S does not start with a valid, shortest-form
/// UTF-8 character.
std::pair<uint32_t, size_t> decodeUtf8(std::string_view S) {
  auto Byte = [&](size_t I) { return static_cast<unsigned char>(S[I]); };
  unsigned char B0 = Byte(0);
  if (B0 < 0x80)
    return {B0, 1};
  size_t Len = B0 >= 0xF0 ? 4 : B0 >= 0xE0 ? 3 : B0 >= 0xC0 ? 2 : 0;
  if (Len == 0 || B0 > 0xF4 || S.size() < Len)
    return {0, 0};
  uint32_t CP = B0 & (0x7F >> Len);
  for (size_t I = 1; I < Len; ++I) {
    if ((Byte(I) & 0xC0) != 0x80)
      return {0, 0};
    CP = (CP << 6) | (Byte(I) & 0x3F);
  }
  static constexpr uint32_t Shortest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (CP < Shortest[Len] || CP > 0x10FFFF || (CP >= 0xD800 && CP <= 0xDFFF))
    return {0, 0};
  return {CP, Len};
}

/// Code points that change how a terminal shows what follows them: C1
/// controls, line and paragraph separators, bidirectional overrides.
bool isInvisibleControl(uint32_t CP) {
  return (CP >= 0x80 && CP <= 0x9F) || CP == 0x2028 || CP == 0x2029 ||
         (CP >= 0x202A && CP <= 0x202E) || (CP >= 0x2066 && CP <= 0x2069);
}

constexpr char HexDigits[] = "0123456789abcdef";

void appendHexByte(std::string &Out, unsigned char B) {
  Out += "\\x";
  Out += HexDigits[B >> 4];
  Out += HexDigits[B & 0xF];
}

void appendCodePoint(std::string &Out, uint32_t CP) {
  Out += "\\u";
  for (int Shift = 12; Shift >= 0; Shift -= 4)
    Out += HexDigits[(CP >> Shift) & 0xF];
}

/// Escapes S's backslashes and invalid UTF-8; also its control characters
/// when Controls is set.
std::string escapeBytes(std::string_view S, bool Controls) {
  std::string Out;
  Out.reserve(S.size());
  for (size_t I = 0; I < S.size();) {
    auto [CP, Len] = decodeUtf8(S.substr(I));
    if (Len == 0) {
      appendHexByte(Out, static_cast<unsigned char>(S[I++]));
      continue;
    }
    if (CP == '\\')
      Out += "\\\\";
    else if (!Controls || (CP >= 0x20 && CP != 0x7F && !isInvisibleControl(CP)))
      Out.append(S.substr(I, Len));
    else if (CP == '\n')
      Out += "\\n";
    else if (CP == '\r')
      Out += "\\r";
    else if (CP == '\t')
      Out += "\\t";
    else if (CP < 0x80)
      appendHexByte(Out, static_cast<unsigned char>(CP));
    else
      appendCodePoint(Out, CP);
    I += Len;
  }
  return Out;
}

bool isValidUtf8(std::string_view S) {
  for (size_t I = 0; I < S.size();) {
    size_t Len = decodeUtf8(S.substr(I)).second;
    if (Len == 0)
      return false;
    I += Len;
  }
  return true;
}

} // namespace

std::string escapeNonPrintable(std::string_view S) {
  bool Plain = std::all_of(S.begin(), S.end(), [](char C) {
    return C >= 0x20 && C != 0x7F && C != '\\';
  });
  return Plain ? std::string(S) : escapeBytes(S, /*Controls=*/true);
}

std::string escapeInvalidUtf8(std::string_view S) {
  return isValidUtf8(S) ? std::string(S) : escapeBytes(S, /*Controls=*/false);
}

namespace {

/// One element of a glob pattern.
enum class GlobToken : uint8_t {
  Char,       // this character
  AnyChar,    // '?': any one character
  Star,       // '*': any run of characters without ':'
  DoubleStar, // '**': any run of characters
  Components, // "**::" as a whole component: zero or more whole components
};

struct GlobPiece {
  GlobToken Kind;
  char C = 0;
};

std::vector<GlobPiece> tokenizeGlob(std::string_view P) {
  std::vector<GlobPiece> Out;
  for (size_t I = 0; I < P.size(); ++I) {
    if (P[I] == '?') {
      Out.push_back({GlobToken::AnyChar});
    } else if (P[I] != '*') {
      Out.push_back({GlobToken::Char, P[I]});
    } else if (I + 1 < P.size() && P[I + 1] == '*') {
      bool StartsComponent = I == 0 || (I >= 2 && P.substr(I - 2, 2) == "::");
      while (I + 1 < P.size() && P[I + 1] == '*')
        ++I; // "***" is "**"
      if (StartsComponent && P.substr(I + 1, 2) == "::") {
        Out.push_back({GlobToken::Components});
        I += 2;
      } else {
        Out.push_back({GlobToken::DoubleStar});
      }
    } else {
      Out.push_back({GlobToken::Star});
    }
  }
  return Out;
}

/// The positions of N reachable after Piece, given those reachable before.
void advance(const GlobPiece &Piece, std::string_view N, const std::vector<char> &Before,
             std::vector<char> &After) {
  std::fill(After.begin(), After.end(), 0);
  bool Seen = false; // Components: a position at least two before is reachable
  for (size_t I = 0; I <= N.size(); ++I) {
    switch (Piece.Kind) {
    case GlobToken::Char:
    case GlobToken::AnyChar:
      After[I] = I > 0 && Before[I - 1] &&
                 (Piece.Kind == GlobToken::AnyChar || N[I - 1] == Piece.C);
      break;
    case GlobToken::Star:
      After[I] = Before[I] || (I > 0 && After[I - 1] && N[I - 1] != ':');
      break;
    case GlobToken::DoubleStar:
      After[I] = Before[I] || (I > 0 && After[I - 1]);
      break;
    case GlobToken::Components:
      Seen = Seen || (I >= 2 && Before[I - 2]);
      After[I] = Before[I] || (Seen && N[I - 2] == ':' && N[I - 1] == ':');
      break;
    }
  }
}

/// Whole-string glob match, by the set of name positions each piece of the
/// pattern can reach: linear in the pattern times the name, whatever the
/// stars (a matcher that backtracks to its last star only misses
/// "a::**::*X" against "a::b::c::YX").
bool globMatch(std::string_view P, std::string_view N) {
  std::vector<char> Reach(N.size() + 1, 0), Next(N.size() + 1, 0);
  Reach[0] = 1;
  for (const GlobPiece &Piece : tokenizeGlob(P)) {
    advance(Piece, N, Reach, Next);
    Reach.swap(Next);
    if (std::find(Reach.begin(), Reach.end(), 1) == Reach.end())
      return false;
  }
  return Reach[N.size()];
}

} // namespace

// In "operator*" or "operator->*" the '*' is part of the name, not a
// wildcard: replace such characters in both strings by ones no glob uses.
static std::string literalOperators(std::string_view S) {
  std::string Out(S);
  for (size_t Pos = Out.find("operator"); Pos != std::string::npos;
       Pos = Out.find("operator", Pos + 8)) {
    bool AtComponentStart = Pos == 0 || (Pos >= 2 && Out.compare(Pos - 2, 2, "::") == 0);
    if (!AtComponentStart)
      continue;
    for (size_t I = Pos + 8; I < Out.size() && Out[I] != ':'; ++I)
      if (Out[I] == '*')
        Out[I] = '\x01';
      else if (Out[I] == '?')
        Out[I] = '\x02';
  }
  return Out;
}

bool matchQualifiedName(std::string_view RawPattern, std::string_view RawName) {
  std::string PatternText = literalOperators(stripCallParens(RawPattern));
  std::string NameText = literalOperators(stripCallParens(RawName));
  std::string_view Pattern = PatternText, Name = NameText;
  if (Pattern.substr(0, 2) == "::")
    return globMatch(Pattern.substr(2), Name);
  if (globMatch(Pattern, Name))
    return true;
  // An unanchored pattern also matches at any "::" boundary of the name.
  for (size_t Pos = Name.find("::"); Pos != std::string_view::npos;
       Pos = Name.find("::", Pos + 2))
    if (globMatch(Pattern, Name.substr(Pos + 2)))
      return true;
  return false;
}

} // namespace pdflow
