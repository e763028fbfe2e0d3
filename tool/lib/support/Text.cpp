#include "pdflow/support/Text.h"

#include "llvm/ADT/StringRef.h"

#include <algorithm>

namespace pdflow {

std::optional<std::string> closestMatch(std::string_view Word,
                                        const std::vector<std::string> &Candidates) {
  // Allow about one typo per three characters, as clang-tidy's option checks do.
  const unsigned MaxDistance = std::max<unsigned>(1, Word.size() / 3);
  std::optional<std::string> Best;
  unsigned BestDistance = MaxDistance + 1;
  for (const std::string &C : Candidates) {
    unsigned D = llvm::StringRef(Word).edit_distance(C, /*AllowReplacements=*/true,
                                                     MaxDistance);
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

bool matchQualifiedName(std::string_view Pattern, std::string_view Name) {
  Pattern = stripCallParens(Pattern);
  Name = stripCallParens(Name);
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
