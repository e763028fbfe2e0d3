#include "pdflow/model/Trail.h"

#include <algorithm>
#include <cassert>
#include <cstdint>

namespace pdflow {

/// A leaf holds steps in order; a concatenation holds two non-empty trails.
struct Trail::Node {
  std::vector<FlowStep> Steps;
  std::shared_ptr<const Node> Left, Right;
  size_t Size = 0;
  unsigned Depth = 0;

  bool isLeaf() const { return !Left; }
};

namespace {

using NodePtr = std::shared_ptr<const Trail::Node>;

NodePtr leaf(std::vector<FlowStep> Steps) {
  auto N = std::make_shared<Trail::Node>();
  N->Size = Steps.size();
  N->Depth = 1;
  N->Steps = std::move(Steps);
  return N;
}

/// Walks the steps of Root in order (Forward) or in reverse, skipping a step
/// equal to the one visited before it, until Limit steps are collected.
/// Iterative, and it stops early: a shared rope may stand for many more
/// steps than are shown.
std::vector<FlowStep> collect(const Trail::Node *Root, bool Forward, size_t Limit) {
  std::vector<FlowStep> Out;
  std::vector<const Trail::Node *> Stack{Root};
  while (!Stack.empty() && Out.size() < Limit) {
    const Trail::Node *N = Stack.back();
    Stack.pop_back();
    if (!N->isLeaf()) {
      Stack.push_back(Forward ? N->Right.get() : N->Left.get());
      Stack.push_back(Forward ? N->Left.get() : N->Right.get());
      continue;
    }
    auto Visit = [&](const FlowStep &S) {
      if (Out.size() < Limit && (Out.empty() || !(Out.back() == S)))
        Out.push_back(S);
    };
    if (Forward)
      std::for_each(N->Steps.begin(), N->Steps.end(), Visit);
    else
      std::for_each(N->Steps.rbegin(), N->Steps.rend(), Visit);
  }
  return Out;
}

} // namespace

Trail::Trail(std::vector<FlowStep> Steps) {
  if (!Steps.empty())
    Root = leaf(std::move(Steps));
}

void Trail::push_back(FlowStep Step) {
  if (!empty() && back() == Step)
    return;
  append(Trail(leaf({std::move(Step)})));
}

void Trail::append(const Trail &Other) {
  if (Other.empty())
    return;
  if (empty()) {
    Root = Other.Root;
    return;
  }
  auto N = std::make_shared<Node>();
  N->Left = Root;
  N->Right = Other.Root;
  // Saturating: a rope that shares its parts may stand for very many steps.
  size_t Room = SIZE_MAX - Root->Size;
  N->Size = Other.Root->Size > Room ? SIZE_MAX : Root->Size + Other.Root->Size;
  N->Depth = 1 + std::max(Root->Depth, Other.Root->Depth);
  Root = std::move(N);
  compact();
}

size_t Trail::size() const { return Root ? Root->Size : 0; }

const FlowStep &Trail::back() const {
  assert(Root && "back() of an empty trail");
  const Node *N = Root.get();
  while (!N->isLeaf())
    N = N->Right.get();
  return N->Steps.back();
}

std::vector<FlowStep> Trail::steps() const {
  if (!Root)
    return {};
  std::vector<FlowStep> Out = collect(Root.get(), /*Forward=*/true, MaxSteps + 1);
  if (Out.size() <= MaxSteps)
    return Out;
  size_t Head = MaxSteps / 2, Tail = MaxSteps - Head;
  Out.resize(Head);
  std::vector<FlowStep> End = collect(Root.get(), /*Forward=*/false, Tail);
  Out.insert(Out.end(), End.rbegin(), End.rend());
  return Out;
}

void Trail::compact() {
  if (Root && Root->Depth > MaxDepth)
    Root = leaf(steps());
}

} // namespace pdflow
