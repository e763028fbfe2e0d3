#include "pdflow/facts/Facts.h"

#include <algorithm>
#include <tuple>

namespace pdflow {

std::string Origin::key() const {
  // The reference goes last: every field before it is a number, so the key
  // is unambiguous whatever characters the USR holds.
  return std::to_string(static_cast<unsigned>(Kind)) + '|' + std::to_string(Index) + '|' +
         std::to_string(Arg) + '|' + (Projected ? "p" : "-") + '|' +
         std::to_string(static_cast<unsigned>(Transforms)) + '|' + Ref;
}

/// Same as A.key() == B.key(), without building the strings.
static bool sameKey(const Origin &A, const Origin &B) {
  return std::tie(A.Kind, A.Index, A.Arg, A.Projected, A.Transforms, A.Ref) ==
         std::tie(B.Kind, B.Index, B.Arg, B.Projected, B.Transforms, B.Ref);
}

void addOrigin(Value &V, Origin O) {
  bool Present = std::any_of(V.begin(), V.end(), [&](const Origin &E) { return sameKey(E, O); });
  if (!Present)
    V.push_back(std::move(O));
}

void addValue(Value &V, const Value &From) {
  if (&V == &From)
    return;
  for (const Origin &O : From)
    addOrigin(V, O);
}

} // namespace pdflow
