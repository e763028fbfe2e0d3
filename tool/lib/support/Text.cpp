#include "pdflow/support/Text.h"

#include <algorithm>

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

// Classic backtracking glob over the whole string; '*' may not cross "::".
static bool globMatch(std::string_view P, std::string_view N) {
  size_t PI = 0, NI = 0;
  size_t StarP = std::string_view::npos, StarN = 0;
  bool StarCrosses = false;
  while (NI < N.size()) {
    if (PI < P.size() && P[PI] == '*') {
      StarCrosses = PI + 1 < P.size() && P[PI + 1] == '*';
      PI += StarCrosses ? 2 : 1;
      StarP = PI;
      StarN = NI;
      continue;
    }
    if (PI < P.size() && (P[PI] == '?' || P[PI] == N[NI])) {
      ++PI;
      ++NI;
      continue;
    }
    if (StarP != std::string_view::npos && (StarCrosses || N[StarN] != ':')) {
      ++StarN;
      PI = StarP;
      NI = StarN;
      continue;
    }
    return false;
  }
  while (PI < P.size() && P[PI] == '*')
    ++PI;
  return PI == P.size();
}

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
