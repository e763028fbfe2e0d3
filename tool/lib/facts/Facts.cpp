#include "pdflow/facts/Facts.h"

#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <map>
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

size_t Origin::keyHash() const {
  return llvm::hash_combine(static_cast<unsigned>(Kind), Index, Arg, Projected, Transforms, Via, At,
                            Ref);
}

bool Origin::sameKey(const Origin &B) const {
  return std::tie(Kind, Index, Arg, Projected, Transforms, Via, At, Ref) ==
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

static auto indexOf(const Value &V) {
  return OriginIndex(V, [](const Origin &O) -> const Origin & { return O; });
}

void addOrigin(Value &V, Origin O) {
  bool Present = std::any_of(V.begin(), V.end(), [&](const Origin &E) { return E.sameKey(O); });
  if (!Present)
    V.push_back(std::move(O));
}

void addValue(Value &V, const Value &From) {
  if (&V == &From)
    return;
  if (V.size() * From.size() <= 1024) {
    for (const Origin &O : From)
      addOrigin(V, O);
    return;
  }
  auto Index = indexOf(V);
  for (size_t I = 0; I < V.size(); ++I)
    Index.insert(I);
  for (const Origin &O : From)
    if (Index.find(O) == Index.npos) {
      V.push_back(O);
      Index.insert(V.size() - 1);
    }
}

namespace {

/// The longest common prefix of two member paths, whole members only.
std::string commonPath(llvm::StringRef A, llvm::StringRef B) {
  size_t End = 0;
  for (size_t I = 0;; ++I) {
    bool AtEndA = I == A.size() || A[I] == '.', AtEndB = I == B.size() || B[I] == '.';
    if (AtEndA && AtEndB)
      End = I;
    if (I == A.size() || I == B.size() || A[I] != B[I])
      break;
  }
  return A.substr(0, End).str();
}

using SourceKey = std::tuple<OriginKind, const std::string *, int, int, uint8_t>;

SourceKey sourceOf(const Origin &O) { return {O.Kind, &O.Ref, O.Index, O.Arg, O.Transforms}; }

struct SourceLess {
  bool operator()(const SourceKey &A, const SourceKey &B) const {
    return std::tie(std::get<0>(A), *std::get<1>(A), std::get<2>(A), std::get<3>(A),
                    std::get<4>(A)) < std::tie(std::get<0>(B), *std::get<1>(B), std::get<2>(B),
                                               std::get<3>(B), std::get<4>(B));
  }
};

llvm::StringRef topMember(llvm::StringRef Path) {
  return Path.take_until([](char C) { return C == '.'; });
}

/// Members (positions in V) grouped by the top member of their place and of
/// the member they are read through, in order of first appearance.
std::vector<std::vector<size_t>> byTopMember(const Value &V, const std::vector<size_t> &Members) {
  std::vector<std::vector<size_t>> Groups;
  std::map<std::pair<llvm::StringRef, llvm::StringRef>, size_t> GroupOf;
  for (size_t I : Members) {
    auto Key = std::make_pair(topMember(V[I].At), V[I].Projected ? topMember(V[I].Via) : "");
    auto [It, New] = GroupOf.try_emplace(Key, Groups.size());
    if (New)
      Groups.emplace_back();
    Groups[It->second].push_back(I);
  }
  return Groups;
}

} // namespace

bool widenValue(Value &V, size_t MaxPaths) {
  if (V.size() <= MaxPaths)
    return false;
  std::map<SourceKey, std::vector<size_t>, SourceLess> Sources;
  for (size_t I = 0; I < V.size(); ++I)
    Sources[sourceOf(V[I])].push_back(I);
  std::vector<bool> Drop(V.size(), false);
  bool Changed = false;
  std::vector<std::vector<size_t>> Groups;
  for (auto &[Key, Members] : Sources) {
    if (Members.size() <= MaxPaths)
      continue;
    std::vector<std::vector<size_t>> ByTop = byTopMember(V, Members);
    if (ByTop.size() > MaxPaths)
      ByTop = {Members};
    Groups.insert(Groups.end(), ByTop.begin(), ByTop.end());
  }
  for (const std::vector<size_t> &Members : Groups) {
    if (Members.size() < 2)
      continue;
    Origin &Merged = V[Members.front()];
    bool AllProjected = true;
    for (size_t I : Members) {
      AllProjected = AllProjected && V[I].Projected;
      Merged.At = commonPath(Merged.At, V[I].At);
    }
    std::string Via = AllProjected ? V[Members.front()].Via : "";
    for (size_t I : Members)
      if (AllProjected)
        Via = commonPath(Via, V[I].Via);
    Merged.Projected = AllProjected && !Via.empty();
    Merged.Via = Merged.Projected ? Via : "";
    for (size_t I = 1; I < Members.size(); ++I)
      Drop[Members[I]] = true;
    Changed = true;
  }
  if (!Changed)
    return false;
  Value Kept;
  auto Index = indexOf(Kept);
  for (size_t I = 0; I < V.size(); ++I)
    if (!Drop[I] && Index.find(V[I]) == Index.npos) {
      Kept.push_back(std::move(V[I]));
      Index.insert(Kept.size() - 1);
    }
  V = std::move(Kept);
  return true;
}

} // namespace pdflow
