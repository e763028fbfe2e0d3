#include "pdflow/facts/Facts.h"

#include <algorithm>
#include <tuple>

namespace pdflow {

std::string Origin::key() const {
  // The reference goes last: every field before it is a number, so the key
  // is unambiguous whatever characters the USR holds.
  return std::to_string(static_cast<unsigned>(Kind)) + '|' + std::to_string(Index) + '|' +
         std::to_string(Arg) + '|' + (Projected ? "p" : "-") + '|' +
         std::to_string(static_cast<unsigned>(Transforms)) + '|' + std::to_string(Via.size()) +
         ':' + Via + '|' + std::to_string(At.size()) + ':' + At + '|' + Ref;
}

/// Same as A.key() == B.key(), without building the strings.
static bool sameKey(const Origin &A, const Origin &B) {
  return std::tie(A.Kind, A.Index, A.Arg, A.Projected, A.Transforms, A.Via, A.At, A.Ref) ==
         std::tie(B.Kind, B.Index, B.Arg, B.Projected, B.Transforms, B.Via, B.At, B.Ref);
}

static unsigned memberDepth(const std::string &Path) {
  return Path.empty() ? 0 : 1 + static_cast<unsigned>(std::count(Path.begin(), Path.end(), '.'));
}

bool projectOrigin(Origin &O, const std::string &Member) {
  if (O.Kind == OriginKind::ObjectType || O.Kind == OriginKind::Lambda)
    return false;
  if (!O.At.empty()) {
    const std::string &At = O.At;
    if (At == Member) {
      O.At.clear();
      return true;
    }
    if (At.compare(0, Member.size() + 1, Member + ".") == 0) {
      O.At = At.substr(Member.size() + 1);
      return true;
    }
    if (Member.compare(0, At.size() + 1, At + ".") == 0) {
      // Stored as a whole at a parent of what is read: read into it.
      std::string Rest = Member.substr(At.size() + 1);
      O.At.clear();
      return projectOrigin(O, Rest);
    }
    return Member.empty(); // stored at another member: not what is read
  }
  if (O.Kind == OriginKind::Element || Member.empty())
    return true;
  // Read through a member of what was already read through one: the path
  // grows (p.session.user), up to the depth places are tracked to.
  if (!O.Projected) {
    O.Projected = true;
    O.Via = Member;
  } else if (memberDepth(O.Via) + memberDepth(Member) <= MaxMemberDepth) {
    O.Via += "." + Member;
  }
  return true;
}

bool placeOrigin(Origin &O, const std::string &Path) {
  if (Path.empty())
    return true;
  if (memberDepth(Path) + memberDepth(O.At) > MaxMemberDepth)
    return false;
  O.At = O.At.empty() ? Path : Path + "." + O.At;
  return true;
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
