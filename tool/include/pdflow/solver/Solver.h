#ifndef PDFLOW_SOLVER_SOLVER_H
#define PDFLOW_SOLVER_SOLVER_H

// The linker and the solver: no Clang here. The linker merges TUs' facts by
// USR; the solver computes, to a fixpoint, a summary of each function in
// terms of its inputs, and from them every flow from a data element to a
// sink, with the activities and consent checks that cover it.

#include "pdflow/config/Config.h"
#include "pdflow/facts/Facts.h"
#include "pdflow/model/Model.h"
#include "pdflow/solver/ModelIndex.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace pdflow {

/// The whole program's facts, merged: a declaration seen by many TUs (a
/// header) counts once.
struct Program {
  std::map<std::string, DataElement> Elements;    // by id
  std::map<std::string, FunctionFacts> Functions; // by USR; first definition wins
  std::map<std::string, FunctionAnnotations> Annotated;
  std::map<std::string, RecordFacts> Records;
  std::vector<DeclaredName> Declarations;
  std::vector<Suppression> Suppressions;
  std::vector<ElementUse> Uses;
  std::set<int> SideAnnotationsMatched;
};

/// Merges TUs' facts one at a time, so that each TU's facts can be freed as
/// soon as it is linked (a header's functions, repeated in every TU that
/// includes it, are kept once). Add TUs in a fixed order for a deterministic
/// program.
class Linker {
public:
  void add(TUFacts TU);
  /// The merged program; the linker is empty afterwards.
  Program finish();

private:
  Program P;
  std::set<std::string> SeenNames, SeenSuppressions;
  std::set<std::tuple<std::string, SourceLoc, std::string>> SeenUses;
};

Program linkFacts(const std::vector<TUFacts> &TUs);

struct SolverOptions {
  /// How deep whole-object flows look into nested classes.
  unsigned MaxObjectDepth = 4;
};

/// Units of work the solver did: they grow with the size of the program, not
/// with its number of paths (tests count them; they never time anything).
struct SolveStats {
  size_t Summaries = 0;       // function summaries computed, recomputations included
  size_t OriginsResolved = 0; // origins looked at while resolving values
  size_t NodesVisited = 0;    // steps of the field and global node closure
  size_t UsesFollowed = 0;    // (datum, use of an input) pairs walked to sinks
};

/// Solves P into a Model: elements, flows, uses, declarations, suppressions.
Model solve(const Program &P, const Config &Cfg, const Taxonomy &Tax, const ModelIndex &Models,
            const SolverOptions &Opts = {}, SolveStats *Stats = nullptr);

} // namespace pdflow

#endif
