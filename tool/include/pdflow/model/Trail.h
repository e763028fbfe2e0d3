#ifndef PDFLOW_MODEL_TRAIL_H
#define PDFLOW_MODEL_TRAIL_H

// The steps that brought data somewhere, as an immutable rope: copying a
// trail or appending one trail to another shares the steps instead of
// copying them, in constant time and memory. The solver copies a datum's trail into every caller it
// reaches and appends the caller's steps; with trails as vectors that was
// most of its time and memory on real programs.

#include "pdflow/support/SourceLoc.h"

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace pdflow {

/// One place on a flow's path.
struct FlowStep {
  SourceLoc Loc;
  std::string What; // "read 'c.email'", "passed as argument 1 of 'logLine'"
  bool operator==(const FlowStep &) const = default;
};

class Trail {
public:
  /// How many steps a trail shows: where the data started and where it
  /// ended are kept, the middle of a longer path is dropped.
  static constexpr size_t MaxSteps = 48;

  Trail() = default;
  Trail(std::initializer_list<FlowStep> Steps) : Trail(std::vector<FlowStep>(Steps)) {}
  explicit Trail(std::vector<FlowStep> Steps);

  /// Appends one step (a step equal to the last one is shown once).
  void push_back(FlowStep Step);
  /// Appends Other's steps after this trail's; shares them.
  void append(const Trail &Other);

  /// The steps as shown: consecutive repeats once, at most MaxSteps of them
  /// (the first half and the last half of a longer trail).
  std::vector<FlowStep> steps() const;
  /// How many steps it stands for, repeats included (saturating); at least
  /// steps().size().
  size_t size() const;
  bool empty() const { return !Root; }
  const FlowStep &back() const;

  bool operator==(const Trail &O) const { return steps() == O.steps(); }

  struct Node;

private:
  explicit Trail(std::shared_ptr<const Node> Root) : Root(std::move(Root)) {}
  /// Keeps the rope shallow, so that freeing it does not recurse without
  /// bound: past MaxDepth, the trail is flattened to the steps it shows.
  /// Depth grows by one per append, so this is rare.
  static constexpr unsigned MaxDepth = 256;
  void compact();

  std::shared_ptr<const Node> Root;
};

} // namespace pdflow

#endif
