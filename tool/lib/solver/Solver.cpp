#include "pdflow/solver/Solver.h"

#include "pdflow/support/Text.h"

#include "llvm/ADT/Hashing.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <deque>
#include <functional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace pdflow {

namespace {

bool isInput(const Origin &O) { return O.Kind == OriginKind::Param || O.Kind == OriginKind::This; }
bool isNode(const Origin &O) { return O.Kind == OriginKind::Field || O.Kind == OriginKind::Global; }

/// Where data ends up in a summary: a sink call, or a field or global node
/// that other functions read.
struct Target {
  bool IsNode = false;
  std::string NodeRef; // field or global USR
  std::string NodeName;
  SinkRef Sink;
  SourceLoc Loc;
  std::string Function; // holding the sink call
  std::string Via;      // "argument 1 of 'spdlog::info'", "written into 'std::cout'"

  std::string key() const {
    return IsNode ? "node:" + NodeRef : "sink:" + Loc.str() + ":" + Sink.Function;
  }
};

/// The consent checked and the activities run along the paths data took to
/// a place, over every path: activities united, consent intersected
/// (consented only for what every path checked). Merging is monotone, so
/// propagating contexts to a fixpoint terminates.
struct PathContext {
  std::vector<std::string> Guards;
  std::set<std::string> Activities;

  /// Merges one more path in; true when this changed.
  bool merge(const PathContext &Other) {
    std::vector<std::string> Both;
    std::set_intersection(Guards.begin(), Guards.end(), Other.Guards.begin(), Other.Guards.end(),
                          std::back_inserter(Both));
    bool Changed = Both != Guards;
    Guards = std::move(Both);
    for (const std::string &A : Other.Activities)
      Changed |= Activities.insert(A).second;
    return Changed;
  }
};

const Origin &itself(const Origin &O) { return O; }
using ValueIndex = OriginIndex<Value, const Origin &(*)(const Origin &)>;

/// A value with an index of its origins' keys, so adding is not a scan.
class OriginSet {
public:
  OriginSet() = default;
  OriginSet(const OriginSet &) = delete;
  OriginSet &operator=(const OriginSet &) = delete;

  bool add(Origin O) {
    if (Index.find(O) != Index.npos)
      return false;
    V.push_back(std::move(O));
    Index.insert(V.size() - 1);
    return true;
  }
  void addAll(const Value &From) {
    for (const Origin &O : From)
      add(O);
  }
  Value take() { return std::move(V); }
  const Value &value() const { return V; }

private:
  Value V;
  ValueIndex Index{V, itself};
};

/// Same origins, trails aside (values hold each key once).
bool sameKeys(const Value &A, const Value &B) {
  if (A.size() != B.size())
    return false;
  ValueIndex Index(B, itself);
  for (size_t I = 0; I < B.size(); ++I)
    Index.insert(I);
  return std::all_of(A.begin(), A.end(),
                     [&](const Origin &O) { return Index.find(O) != Index.npos; });
}

/// What a function gives back in terms of its inputs: its result and what
/// it writes into its parameters' and its object's pointees.
struct Summary {
  Value Ret;
  std::map<int, Value> Out; // parameter index; -1 is the object

  /// Adds what Old held, so that a summary only grows from one round of the
  /// fixpoint to the next: widening merges many member paths into one, and
  /// without this a recursive component could shrink and regrow forever.
  void absorb(const Summary &Old, size_t MaxPaths) {
    addValue(Ret, Old.Ret);
    widenValue(Ret, MaxPaths);
    for (const auto &[Slot, V] : Old.Out) {
      addValue(Out[Slot], V);
      widenValue(Out[Slot], MaxPaths);
    }
  }

  /// Same content, trails aside: the fixpoint's test for "changed".
  bool sameAs(const Summary &O) const {
    if (!sameKeys(Ret, O.Ret) || Out.size() != O.Out.size())
      return false;
    for (const auto &[I, V] : Out) {
      auto It = O.Out.find(I);
      if (It == O.Out.end() || !sameKeys(V, It->second))
        return false;
    }
    return true;
  }
};

/// Data that met a sink, with every path's context merged.
struct RawFlow {
  Target T;
  Origin O;
  PathContext Ctx;
};

/// An input of a function: (USR, slot), the slot a parameter's index or -1
/// for the object.
using InputRef = std::pair<std::string, int>;
/// An input as a small number: the propagation looks inputs up at every
/// step, and copying and comparing USRs there was much of its time.
using InputId = uint32_t;

class InputTable {
public:
  InputId idOf(const InputRef &In) {
    auto [It, New] = Ids.try_emplace(In, static_cast<InputId>(Refs.size()));
    if (New)
      Refs.push_back(&It->first);
    return It->second;
  }
  const InputRef &ref(InputId I) const { return *Refs[I]; }
  size_t size() const { return Refs.size(); }
  /// Every id, in the order of the inputs (function USR, then slot).
  std::vector<InputId> sorted() const {
    std::vector<InputId> Out;
    for (const auto &[In, Id] : Ids)
      Out.push_back(Id);
    return Out;
  }

private:
  std::map<InputRef, InputId> Ids;
  std::vector<const InputRef *> Refs;
};

/// What a function does with one of its inputs besides returning it: passes
/// it on to a callee's input, hands it to a sink, or stores it in a field or
/// global node. Use is the input as the function uses it (the member read,
/// where it is placed, the transforms, the steps inside the function).
struct InputUse {
  enum class Kind { Callee, Sink, Node };
  Kind K = Kind::Sink;
  Origin Use;
  std::vector<std::string> Guards; // consent checked around the use
  InputId Callee = 0;              // Callee: the input it is passed to
  Trail Step;                      // Callee: "passed as argument 1 of 'f'"
  std::set<std::string> Entry;     // Callee: activities entered there
  Target T;                        // Sink, Node
};

/// Data that arrived at a function's input, with its paths' context.
struct Arrival {
  Origin O;
  PathContext Ctx;
  bool Queued = false; // waiting in the propagation's worklist
};

const Origin &originOf(const Arrival &A) { return A.O; }

/// What arrived at one input, each datum once.
struct Arrivals {
  Arrivals() = default;
  Arrivals(const Arrivals &) = delete;
  Arrivals &operator=(const Arrivals &) = delete;

  std::vector<Arrival> List;
  OriginIndex<std::vector<Arrival>, const Origin &(*)(const Arrival &)> Index{List, originOf};
  /// How many entries of each source List holds (by a hash of the source).
  std::unordered_map<size_t, unsigned> PathsOfSource;
};

/// The source of an origin, its member paths aside (what widenValue groups).
size_t sourceHash(const Origin &O) {
  return llvm::hash_combine(static_cast<unsigned>(O.Kind), O.Ref, O.Index, O.Arg, O.Transforms);
}

/// k-limiting where data accumulates (arrivals at an input, a node's closed
/// content), as widenValue does for values: once the set holds
/// MaxPathsPerSource entries of O's source (Held), O's source stands whole
/// (less precise, never missing data). Returns true when O changed.
bool limitPaths(Origin &O, unsigned Held) {
  if (Held < MaxPathsPerSource || (O.At.empty() && !O.Projected))
    return false;
  O.At.clear();
  O.Via.clear();
  O.Projected = false;
  return true;
}

/// R stands for (part of) O: it sits where O sits in its object.
void inheritPlacement(Origin &R, const Origin &O) {
  if (!O.At.empty())
    R.At = R.At.empty() ? O.At : O.At + "." + R.At;
}

std::vector<std::string> unionOf(std::vector<std::string> A, const std::vector<std::string> &B) {
  A.insert(A.end(), B.begin(), B.end());
  std::sort(A.begin(), A.end());
  A.erase(std::unique(A.begin(), A.end()), A.end());
  return A;
}

class Solver {
public:
  Solver(const Program &P, const Config &Cfg, const Taxonomy &Tax, const ModelIndex &Models,
         const SolverOptions &Opts)
      : P(P), Cfg(Cfg), Tax(Tax), Models(Models), Opts(Opts) {}

  Model run() {
    buildCallGraph();
    computeActivities();
    computeGuardedIn();
    fixpoint();
    for (const auto &[Usr, F] : P.Functions)
      collectUses(Usr, F);
    markLive();
    propagate();
    closeNodes();
    // A field or global read and passed on is followed only once the node
    // is known to hold personal data: most nodes never do (a server's
    // configuration, its module list), and following each of them into
    // every function it reaches cost tens of gigabytes on InspIRCd. Nodes
    // become personal as data propagates into them, so repeat until none do.
    while (releasePersonalNodes()) {
      propagate();
      closeNodes();
    }
    return buildModel();
  }

private:
  // --- call graph -----------------------------------------------------------

  void buildCallGraph() {
    for (const auto &[Usr, F] : P.Functions) {
      bool Annotated = false;
      if (const auto *Anns = annotationsOf(Usr))
        for (const ParsedAnnotation &A : *Anns)
          Annotated = Annotated || A.Kind == AnnotationKind::Sink;
      if (Annotated || Models.sinkForFunction(F.QualifiedName))
        SinkFunctions.insert(Usr);
    }
    for (const auto &[Usr, F] : P.Functions)
      for (const std::string &Base : F.Overrides)
        Overriders[Base].push_back(Usr);
    for (const auto &[Usr, F] : P.Functions)
      for (const CallSite &S : F.Calls)
        for (const std::string &Callee : callees(S))
          Callers[Callee].insert(Usr);
  }

  /// The user functions a call may reach: the callee and, for a virtual
  /// call, every override of it anywhere in the program.
  const std::vector<std::string> &callees(const CallSite &S) const {
    auto [It, New] = CalleeCache.try_emplace({S.CalleeUsr, S.Virtual});
    if (New)
      It->second = findCallees(S);
    return It->second;
  }

  std::vector<std::string> findCallees(const CallSite &S) const {
    std::vector<std::string> Out;
    if (S.CalleeUsr.empty())
      return Out;
    std::deque<std::string> Work{S.CalleeUsr};
    std::set<std::string> Seen;
    while (!Work.empty()) {
      std::string U = Work.front();
      Work.pop_front();
      if (!Seen.insert(U).second)
        continue;
      if (P.Functions.count(U))
        Out.push_back(U);
      if (!S.Virtual)
        break;
      if (auto It = Overriders.find(U); It != Overriders.end())
        Work.insert(Work.end(), It->second.begin(), It->second.end());
    }
    return Out;
  }

  const std::vector<ParsedAnnotation> *annotationsOf(const std::string &Usr) const {
    auto It = P.Annotated.find(Usr);
    return It == P.Annotated.end() ? nullptr : &It->second.Annotations;
  }

  std::optional<TransformEffect> transformOf(const CallSite &S) const {
    if (const auto *Anns = annotationsOf(S.CalleeUsr))
      for (const ParsedAnnotation &A : *Anns)
        if (A.Kind == AnnotationKind::Transform)
          return A.Effect;
    if (const TransformModel *M = Models.transformFor(S.CalleeName))
      return M->Effect;
    return std::nullopt;
  }

  using SinkAndArgs = std::optional<std::pair<SinkRef, std::vector<unsigned>>>;

  /// The sink a call is, with the arguments that leave (empty: all); asked for
  /// each call site on every round of the fixpoint, so remembered.
  const SinkAndArgs &sinkOf(const CallSite &S) const {
    auto [It, New] = SinkCache.try_emplace(&S);
    if (New)
      It->second = findSink(S);
    return It->second;
  }

  SinkAndArgs findSink(const CallSite &S) const {
    auto FromModel = [&](const SinkModel &M, std::string Name) {
      SinkRef R;
      R.Function = std::move(Name);
      R.Kind = M.Kind;
      R.Recipient = M.Recipient;
      R.Country = M.Country;
      R.Guard = M.Guard;
      R.Encrypted = M.Encrypted;
      R.Accepts = M.Accepts;
      R.Origin = M.Origin;
      R.ModelLoc = M.Loc;
      return std::make_pair(R, M.Args);
    };
    if (!S.SinkObject.empty()) {
      const SinkModel *M = S.SinkObjectType.empty() ? Models.sinkForObject(S.SinkObject)
                                                    : Models.sinkForType({S.SinkObjectType});
      if (M)
        return FromModel(*M, S.SinkObject);
      return std::nullopt;
    }
    std::vector<std::string> Candidates{S.CalleeUsr};
    if (S.Virtual)
      for (const std::string &U : callees(S))
        Candidates.push_back(U);
    for (const std::string &U : Candidates)
      if (const auto *Anns = annotationsOf(U))
        for (const ParsedAnnotation &A : *Anns)
          if (A.Kind == AnnotationKind::Sink) {
            auto R = FromModel(A.Sink, S.CalleeName);
            R.first.Origin = ModelOrigin::Annotation;
            R.first.ModelLoc = P.Annotated.at(U).Loc;
            return R;
          }
    if (const SinkModel *M = Models.sinkForFunction(S.CalleeName))
      return FromModel(*M, S.CalleeName);
    return std::nullopt;
  }

  // --- resolution -----------------------------------------------------------

  /// What call site K's result (Arg == ResultArg) or out-argument Arg
  /// resolves to in the function being summarised: each is resolved once per
  /// summary, whatever number of values refer to it, so chains of calls
  /// feeding each other cost their length, not the number of ways to read
  /// them. A cycle (a value fed back round a loop) resolves to what is known
  /// so far; the fixpoint recomputes the summary when a callee's grows.
  static constexpr int ResultArg = INT_MIN;
  struct Memo {
    std::map<std::pair<int, int>, Value> Done;
    std::set<std::pair<int, int>> InProgress;
  };
  Memo *Current = nullptr;

  /// V's origins in terms of F's inputs and closed origins: call results and
  /// out-arguments replaced by what the callees' summaries say.
  Value resolve(const FunctionFacts &F, const Value &V) {
    OriginSet Out;
    for (const Origin &O : V) {
      ++Stats.OriginsResolved;
      if (O.Kind == OriginKind::Lambda)
        continue;
      // A whole object of a class that holds no personal data is no datum:
      // real code passes thousands of them (formatter state, iterators).
      if (O.Kind == OriginKind::ObjectType && typeContent(O.Ref).empty())
        continue;
      if (O.Kind != OriginKind::CallResult && O.Kind != OriginKind::CallOutArg) {
        Out.add(O);
        continue;
      }
      if (O.Index < 0 || static_cast<size_t>(O.Index) >= F.Calls.size())
        continue;
      for (Origin R : callValue(F, O.Index, O.Kind == OriginKind::CallResult ? ResultArg : O.Arg)) {
        if (O.Projected && !projectOrigin(R, O.Via))
          continue;
        inheritPlacement(R, O);
        R.Trail.append(O.Trail);
        R.Transforms |= O.Transforms;
        Out.add(std::move(R));
      }
    }
    return bounded(Out.take());
  }

  static Value bounded(Value V) {
    widenValue(V);
    return V;
  }

  const Value &callValue(const FunctionFacts &F, int Site, int Arg) {
    static const Value Empty;
    std::pair<int, int> Key{Site, Arg};
    if (auto It = Current->Done.find(Key); It != Current->Done.end())
      return It->second;
    if (!Current->InProgress.insert(Key).second)
      return Empty;
    const CallSite &S = F.Calls[Site];
    Value V;
    if (Arg == ResultArg) {
      V = callResult(F, S);
    } else {
      OriginSet Inner;
      for (const std::string &G : callees(S))
        if (auto It = Summaries.find(G); It != Summaries.end())
          if (auto OI = It->second.Out.find(Arg); OI != It->second.Out.end())
            Inner.addAll(substitute(F, S, OI->second));
      V = Inner.take();
    }
    Current->InProgress.erase(Key);
    return Current->Done[Key] = bounded(std::move(V));
  }

  Value callResult(const FunctionFacts &F, const CallSite &S) {
    Value Inputs;
    for (const Value &A : S.Args)
      addValue(Inputs, A);
    addValue(Inputs, S.Object);
    if (auto Effect = transformOf(S)) {
      Value V = resolve(F, Inputs);
      Trail Step{
          {S.Loc, std::string(transformEffectName(*Effect)) + "d by '" + S.CalleeName + "'"}};
      for (Origin &O : V) {
        O.Transforms |= 1u << static_cast<unsigned>(*Effect);
        O.Trail.append(Step);
      }
      return V;
    }
    const std::vector<std::string> &Gs = callees(S);
    if (Gs.empty() && !sinkOf(S)) {
      // Declared, defined nowhere we can see, not modelled: assume the
      // result is made of the inputs.
      Value V = resolve(F, Inputs);
      Trail Step{{S.Loc, "through '" + S.CalleeName + "'"}};
      for (Origin &O : V)
        O.Trail.append(Step);
      return V;
    }
    OriginSet Out;
    for (const std::string &G : Gs)
      if (auto It = Summaries.find(G); It != Summaries.end())
        Out.addAll(substitute(F, S, It->second.Ret));
    return Out.take();
  }

  /// The resolved value of the call's argument I (-1: its object), once per
  /// summary like call values.
  const Value &actual(const FunctionFacts &F, const CallSite &S, int I) {
    auto Key = std::make_pair(static_cast<int>(&S - F.Calls.data()), I);
    if (auto It = Actuals.find(Key); It != Actuals.end())
      return It->second;
    return Actuals[Key] = resolve(F, I < 0 ? S.Object : S.Args[I]);
  }
  std::map<std::pair<int, int>, Value> Actuals;

  /// A callee's value (in its own terms) seen from the call site S in F.
  Value substitute(const FunctionFacts &F, const CallSite &S, const Value &CalleeValue) {
    OriginSet Out;
    for (const Origin &O : CalleeValue) {
      if (!isInput(O)) {
        Out.add(O);
        continue;
      }
      std::string What;
      int I = -1;
      if (O.Kind == OriginKind::Param) {
        if (O.Index < 0 || static_cast<size_t>(O.Index) >= S.Args.size())
          continue;
        I = O.Index;
        What = "passed as argument " + std::to_string(O.Index + 1) + " of '" + S.CalleeName + "'";
      } else {
        What = "object of call to '" + S.CalleeName + "'";
      }
      Trail Step{{S.Loc, std::move(What)}};
      Step.append(O.Trail);
      for (Origin R : actual(F, S, I)) {
        if (O.Projected && !projectOrigin(R, O.Via))
          continue;
        inheritPlacement(R, O);
        R.Trail.append(Step);
        R.Transforms |= O.Transforms;
        Out.add(std::move(R));
      }
    }
    return Out.take();
  }

  // --- summaries ------------------------------------------------------------

  /// The objects a store through a pointer or reference lands in once its
  /// address is resolved: the caller's object behind a parameter or `this`
  /// (Slot), or a global's or field's node (Ref), each at the member path it
  /// was reached through. Content placed inside an object is not an object.
  struct StoreDestination {
    bool IsNode = false;
    int Slot = 0;
    std::string Ref;
    std::string Path;
  };

  std::vector<StoreDestination> destinationsOf(const FunctionFacts &F, const Write &W) {
    std::vector<StoreDestination> Out;
    for (const Origin &A : resolve(F, W.Address)) {
      if (!A.At.empty())
        continue;
      std::string Path = A.Projected ? A.Via : "";
      switch (A.Kind) {
      case OriginKind::Param:
      case OriginKind::This:
        Out.push_back({false, A.Kind == OriginKind::This ? -1 : A.Index, "", Path});
        break;
      case OriginKind::Global:
      case OriginKind::Field:
        Out.push_back({true, 0, A.Ref, Path});
        break;
      default:
        break;
      }
    }
    return Out;
  }

  /// V placed at Path of the object it is written into.
  static Value placedAt(const Value &V, const std::string &Path) {
    OriginSet Out;
    for (Origin O : V)
      if (placeOrigin(O, Path))
        Out.add(std::move(O));
    return Out.take();
  }

  /// Call values and actuals are remembered per function.
  void startFunction(Memo &M) {
    Current = &M;
    Actuals.clear();
  }

  /// F's result and out-values in terms of its inputs.
  Summary summarize(const FunctionFacts &F) {
    ++Stats.Summaries;
    Memo M;
    startFunction(M);
    Summary S;
    S.Ret = resolve(F, F.Returns);
    for (const Write &W : F.Writes) {
      switch (W.Target) {
      case WriteTargetKind::Param:
      case WriteTargetKind::This:
        addValue(S.Out[W.Target == WriteTargetKind::This ? -1 : W.Index], resolve(F, W.Val));
        break;
      case WriteTargetKind::Through:
        for (const StoreDestination &D : destinationsOf(F, W))
          if (!D.IsNode)
            addValue(S.Out[D.Slot], placedAt(resolve(F, W.Val), D.Path));
        break;
      case WriteTargetKind::Field:
      case WriteTargetKind::Global:
        break; // nodes: collectUses
      }
    }
    widenValue(S.Ret);
    for (auto &[Slot, V] : S.Out)
      widenValue(V);
    Current = nullptr;
    return S;
  }

  /// Each function's rank in an order where callees come before their
  /// callers and a recursive component's functions are adjacent (Tarjan's
  /// strongly connected components, which come out callees first).
  std::map<std::string, size_t> calleesFirst() const {
    std::vector<const std::string *> Usrs;
    std::map<std::string, size_t> Id;
    for (const auto &[Usr, F] : P.Functions) {
      Id.emplace(Usr, Usrs.size());
      Usrs.push_back(&Usr);
    }
    std::vector<std::vector<size_t>> Edges(Usrs.size());
    for (const auto &[Usr, F] : P.Functions)
      for (const CallSite &S : F.Calls)
        for (const std::string &G : callees(S))
          if (auto It = Id.find(G); It != Id.end())
            Edges[Id.at(Usr)].push_back(It->second);

    constexpr size_t Unvisited = SIZE_MAX;
    std::vector<size_t> Index(Usrs.size(), Unvisited), Low(Usrs.size(), 0);
    std::vector<bool> OnStack(Usrs.size(), false);
    std::vector<size_t> Stack, Order;
    size_t Next = 0;
    for (size_t Root = 0; Root < Usrs.size(); ++Root) {
      if (Index[Root] != Unvisited)
        continue;
      std::vector<std::pair<size_t, size_t>> Frames{{Root, 0}}; // (node, next edge)
      Index[Root] = Low[Root] = Next++;
      Stack.push_back(Root);
      OnStack[Root] = true;
      while (!Frames.empty()) {
        auto &[V, E] = Frames.back();
        if (E < Edges[V].size()) {
          size_t W = Edges[V][E++];
          if (Index[W] == Unvisited) {
            Index[W] = Low[W] = Next++;
            Stack.push_back(W);
            OnStack[W] = true;
            Frames.push_back({W, 0});
          } else if (OnStack[W]) {
            Low[V] = std::min(Low[V], Index[W]);
          }
          continue;
        }
        size_t Done = V;
        Frames.pop_back();
        if (!Frames.empty())
          Low[Frames.back().first] = std::min(Low[Frames.back().first], Low[Done]);
        if (Low[Done] != Index[Done])
          continue;
        size_t W;
        do {
          W = Stack.back();
          Stack.pop_back();
          OnStack[W] = false;
          Order.push_back(W);
        } while (W != Done);
      }
    }
    std::map<std::string, size_t> Rank;
    for (size_t R = 0; R < Order.size(); ++R)
      Rank.emplace(*Usrs[Order[R]], R);
    return Rank;
  }

  /// How many times a function is summarised before its values are widened
  /// to one origin per source.
  static constexpr unsigned MaxPreciseRounds = 8;

  /// Summaries to a fixpoint, callees before callers: a function outside a
  /// recursive component is summarised once its callees are final, so it is
  /// usually summarised once; a component is iterated until it is stable.
  void fixpoint() {
    std::map<std::string, size_t> Rank = calleesFirst();
    std::map<std::string, unsigned> Rounds;
    std::set<std::pair<size_t, const std::string *>> Queue; // lowest rank first
    for (const auto &[Usr, R] : Rank)
      Queue.insert({R, &Usr});
    while (!Queue.empty()) {
      const std::string &Usr = *Queue.begin()->second;
      Queue.erase(Queue.begin());
      Summary S = summarize(P.Functions.at(Usr));
      Summary &Old = Summaries[Usr];
      // A function recomputed many times (a recursive component building
      // ever longer member paths) keeps one origin per source: its values
      // can then only lose precision, a finite number of times.
      S.absorb(Old, ++Rounds[Usr] > MaxPreciseRounds ? 1 : MaxPathsPerSource);
      bool Changed = !S.sameAs(Old);
      Old = std::move(S);
      if (!Changed)
        continue;
      if (auto It = Callers.find(Usr); It != Callers.end())
        for (const std::string &C : It->second)
          if (auto R = Rank.find(C); R != Rank.end())
            Queue.insert({R->second, &R->first});
    }
  }

  // --- where data goes: uses of inputs, and data met in the function ---------

  static int slotOf(const Origin &O) { return O.Kind == OriginKind::This ? -1 : O.Index; }

  /// Where F's data goes, once the summaries are final: what F does with
  /// its inputs becomes an InputUse, data F holds itself (an element read, a
  /// node, a whole object) starts there with F's context. Each use is one
  /// edge of the graph propagate() walks, so the cost is the number of
  /// (input, datum) pairs, not the number of call paths.
  void collectUses(const std::string &Usr, const FunctionFacts &F) {
    Memo M;
    startFunction(M);
    for (const Write &W : F.Writes)
      collectStore(Usr, F, W);
    for (const CallSite &C : F.Calls) {
      if (const SinkAndArgs &Sink = sinkOf(C)) {
        collectSinkCall(Usr, F, C, *Sink);
        // The data left here: what a sink wrapper does inside (its own
        // library calls) is the same departure, not another one.
        continue;
      }
      for (const std::string &G : callees(C))
        if (Summaries.count(G))
          collectCall(Usr, F, C, G);
    }
    Current = nullptr;
  }

  void collectStore(const std::string &Usr, const FunctionFacts &F, const Write &W) {
    switch (W.Target) {
    case WriteTargetKind::Param:
    case WriteTargetKind::This:
      return; // the summary's
    case WriteTargetKind::Field:
    case WriteTargetKind::Global:
      storeInNode(Usr, F, W.Ref, W.Name, W.Loc, resolve(F, W.Val));
      return;
    case WriteTargetKind::Through:
      break;
    }
    bool Named = false;
    for (const StoreDestination &D : destinationsOf(F, W)) {
      Named = true;
      if (D.IsNode)
        storeInNode(Usr, F, D.Ref, W.Name.empty() ? D.Ref : W.Name, W.Loc,
                    placedAt(resolve(F, W.Val), D.Path));
    }
    if (Named || W.Ref.empty())
      return;
    // The address names no object: the field's program-wide node holds it.
    std::string Member = W.Name.substr(W.Name.rfind(':') + 1);
    Value InField;
    for (Origin O : resolve(F, W.Val))
      if (projectOrigin(O, Member))
        addOrigin(InField, std::move(O));
    storeInNode(Usr, F, W.Ref, W.Name, W.Loc, InField);
  }

  void storeInNode(const std::string &Usr, const FunctionFacts &F, const std::string &Ref,
                   const std::string &Name, const SourceLoc &Loc, const Value &V) {
    Target T;
    T.IsNode = true;
    T.NodeRef = Ref;
    T.NodeName = Name;
    T.Loc = Loc;
    T.Function = F.QualifiedName;
    for (const Origin &O : V) {
      if (O.Kind == OriginKind::Lambda)
        continue;
      if (isInput(O))
        addUse(Usr, O, InputUse{InputUse::Kind::Node, O, {}, {}, {}, {}, T});
      else
        addToNode(T, O);
    }
  }

  void collectSinkCall(const std::string &Usr, const FunctionFacts &F, const CallSite &C,
                       const std::pair<SinkRef, std::vector<unsigned>> &Sink) {
    Target T;
    T.Sink = Sink.first;
    T.Loc = C.Loc;
    T.Function = F.QualifiedName;
    Value Data;
    if (!C.SinkObject.empty()) {
      Data = C.WrittenValue;
      T.Via = "written into '" + C.SinkObject + "'";
    } else {
      for (size_t I = 0; I < C.Args.size(); ++I)
        if (Sink.second.empty() ||
            std::find(Sink.second.begin(), Sink.second.end(), I) != Sink.second.end())
          addValue(Data, C.Args[I]);
      T.Via = "passed to '" + C.CalleeName + "'";
    }
    for (Origin &O : resolve(F, Data)) {
      if (O.Kind == OriginKind::Lambda)
        continue;
      if (isInput(O))
        addUse(Usr, O, InputUse{InputUse::Kind::Sink, O, C.ConsentGuards, {}, {}, {}, T});
      else if (!SinkFunctions.count(Usr)) // a wrapper's own inside is not a departure
        addRawFlow(T, std::move(O), {unionOf(GuardedIn[Usr], C.ConsentGuards), activitiesIn(Usr)});
    }
  }

  void collectCall(const std::string &Usr, const FunctionFacts &F, const CallSite &C,
                   const std::string &G) {
    std::set<std::string> Entry;
    if (auto E = EntryOf.find(G); E != EntryOf.end())
      Entry = E->second;
    for (int I = -1; I < static_cast<int>(C.Args.size()); ++I) {
      InputId To = Inputs.idOf({G, I});
      Trail Step{{C.Loc, I < 0 ? "object of call to '" + C.CalleeName + "'"
                               : "passed as argument " + std::to_string(I + 1) + " of '" +
                                     C.CalleeName + "'"}};
      for (const Origin &A : actual(F, C, I)) {
        if (A.Kind == OriginKind::Lambda)
          continue;
        if (isInput(A)) {
          addUse(Usr, A, InputUse{InputUse::Kind::Callee, A, C.ConsentGuards, To, Step, Entry, {}});
          continue;
        }
        if (SinkFunctions.count(Usr))
          continue;
        Origin R = A;
        R.Trail.append(Step);
        PathContext Ctx{unionOf(GuardedIn[Usr], C.ConsentGuards), activitiesIn(Usr)};
        Ctx.Activities.insert(Entry.begin(), Entry.end());
        if (isNode(R))
          NodeStarts[R.Ref].push_back({To, std::move(R), std::move(Ctx)});
        else
          arrive(To, std::move(R), std::move(Ctx));
      }
    }
  }

  std::set<std::string> activitiesIn(const std::string &Usr) const {
    auto It = ActivitiesOf.find(Usr);
    return It == ActivitiesOf.end() ? std::set<std::string>{} : It->second;
  }

  void addUse(const std::string &Usr, const Origin &Input, InputUse U) {
    usesOf(Inputs.idOf({Usr, slotOf(Input)})).push_back(std::move(U));
  }

  void addToNode(const Target &T, Origin O) {
    O.Trail.push_back({T.Loc, "stored in '" + T.NodeName + "'"});
    NodeContent[T.NodeRef].add(std::move(O));
  }

  void addRawFlow(const Target &T, Origin O, PathContext Ctx) {
    std::string Key = T.key() + "|" + O.key();
    auto It = RawIndex.find(Key);
    if (It == RawIndex.end()) {
      RawIndex.emplace(Key, RawFlows.size());
      RawFlows.push_back({T, std::move(O), std::move(Ctx)});
      return;
    }
    RawFlows[It->second].Ctx.merge(Ctx);
  }

  /// Data reaching input In: new, or known with a context that grew, it is
  /// (re)queued; the first trail that found it is the one kept.
  std::vector<InputUse> &usesOf(InputId In) {
    if (Uses.size() <= In)
      Uses.resize(In + 1);
    return Uses[In];
  }

  Arrivals &arrivalsAt(InputId In) {
    while (Arrived.size() <= In)
      Arrived.emplace_back();
    return Arrived[In];
  }

  void arrive(InputId In, Origin O, PathContext Ctx) {
    if (!isLive(In))
      return;
    Arrivals &Here = arrivalsAt(In);
    size_t Pos = Here.Index.find(O);
    if (Pos == Here.Index.npos) {
      unsigned &Held = Here.PathsOfSource[sourceHash(O)];
      if (limitPaths(O, Held))
        Pos = Here.Index.find(O);
      if (Pos == Here.Index.npos)
        ++Held;
    }
    if (Pos == Here.Index.npos) {
      Pos = Here.List.size();
      Here.List.push_back({std::move(O), std::move(Ctx)});
      Here.Index.insert(Pos);
    } else if (!Here.List[Pos].Ctx.merge(Ctx)) {
      return;
    }
    if (!std::exchange(Here.List[Pos].Queued, true))
      Work.push_back({In, static_cast<uint32_t>(Pos)});
  }

  // --- liveness ---------------------------------------------------------------

  /// Marks the inputs and nodes from which data can still reach a sink, by
  /// walking the uses backwards from the sinks. Data anywhere else can never
  /// become a flow (a hash function's state, a formatter's buffer), so it is
  /// neither followed nor closed there: on InspIRCd most of the inputs data
  /// arrives at lead to no sink.
  void markLive() {
    LiveInputs.assign(Inputs.size(), false);
    std::vector<std::vector<InputId>> PassedInto(Inputs.size());   // input -> inputs passing to it
    std::map<std::string, std::vector<InputId>> StoredBy;          // node -> inputs storing into it
    std::vector<std::vector<std::string>> ReadInto(Inputs.size()); // input -> nodes read into it
    std::map<std::string, std::vector<std::string>> Holds;         // node -> nodes it holds data of
    for (InputId In = 0; In < Uses.size(); ++In)
      for (const InputUse &U : Uses[In])
        switch (U.K) {
        case InputUse::Kind::Callee:
          PassedInto[U.Callee].push_back(In);
          break;
        case InputUse::Kind::Sink:
          markLiveInput(In);
          break;
        case InputUse::Kind::Node:
          StoredBy[U.T.NodeRef].push_back(In);
          break;
        }
    for (const auto &[Node, Starts] : NodeStarts)
      for (const NodeStart &S : Starts)
        ReadInto[S.In].push_back(Node);
    for (const auto &[Node, Content] : NodeContent)
      for (const Origin &O : Content.value())
        if (isNode(O))
          Holds[Node].push_back(O.Ref);
    for (const RawFlow &R : RawFlows)
      if (isNode(R.O))
        markLiveNode(R.O.Ref);
    while (!LiveInputWork.empty() || !LiveNodeWork.empty()) {
      if (!LiveInputWork.empty()) {
        InputId In = LiveInputWork.back();
        LiveInputWork.pop_back();
        for (InputId From : PassedInto[In])
          markLiveInput(From);
        for (const std::string &Node : ReadInto[In])
          markLiveNode(Node);
        continue;
      }
      std::string Node = std::move(LiveNodeWork.back());
      LiveNodeWork.pop_back();
      for (InputId From : valuesAt(StoredBy, Node))
        markLiveInput(From);
      for (const std::string &Held : valuesAt(Holds, Node))
        markLiveNode(Held);
    }
    LivenessKnown = true;
  }

  template <class K, class V>
  static const std::vector<V> &valuesAt(const std::map<K, std::vector<V>> &M, const K &Key) {
    static const std::vector<V> None;
    auto It = M.find(Key);
    return It == M.end() ? None : It->second;
  }
  void markLiveInput(InputId In) {
    if (!LiveInputs[In]) {
      LiveInputs[In] = true;
      LiveInputWork.push_back(In);
    }
  }
  void markLiveNode(const std::string &Node) {
    if (LiveNodes.insert(Node).second)
      LiveNodeWork.push_back(Node);
  }
  bool isLive(InputId In) const {
    return !LivenessKnown || (In < LiveInputs.size() && LiveInputs[In]);
  }
  bool isLive(const std::string &Node) const { return !LivenessKnown || LiveNodes.count(Node); }

  /// Starts the node reads waiting in NodeStarts whose node now holds
  /// personal data; true when there were any.
  bool releasePersonalNodes() {
    bool Released = false;
    for (auto It = NodeStarts.begin(); It != NodeStarts.end();) {
      auto C = Closed.find(It->first);
      if (C == Closed.end() || C->second.value().empty()) {
        ++It;
        continue;
      }
      for (NodeStart &S : It->second)
        arrive(S.In, std::move(S.O), std::move(S.Ctx));
      It = NodeStarts.erase(It);
      Released = true;
    }
    return Released;
  }

  /// Walks the uses from every input data arrived at, to a fixpoint.
  void propagate() {
    while (!Work.empty()) {
      auto [In, Pos] = Work.front();
      Work.pop_front();
      Arrived[In].List[Pos].Queued = false;
      if (In >= Uses.size() || !isLive(In))
        continue;
      const Arrival A = Arrived[In].List[Pos];
      for (const InputUse &U : Uses[In]) {
        ++Stats.UsesFollowed;
        Origin R = A.O;
        if (U.Use.Projected && !projectOrigin(R, U.Use.Via))
          continue;
        inheritPlacement(R, U.Use);
        R.Trail.append(U.Use.Trail);
        R.Transforms |= U.Use.Transforms;
        PathContext Ctx{unionOf(A.Ctx.Guards, U.Guards), A.Ctx.Activities};
        switch (U.K) {
        case InputUse::Kind::Callee:
          R.Trail.append(U.Step);
          Ctx.Activities.insert(U.Entry.begin(), U.Entry.end());
          arrive(U.Callee, std::move(R), std::move(Ctx));
          break;
        case InputUse::Kind::Sink:
          addRawFlow(U.T, std::move(R), std::move(Ctx));
          break;
        case InputUse::Kind::Node:
          if (isLive(U.T.NodeRef))
            addToNode(U.T, std::move(R));
          break;
        }
      }
    }
  }

  // --- activities and consent ----------------------------------------------

  void computeActivities() {
    for (const ActivityDecl &A : Cfg.Activities) {
      std::vector<std::string> Entries;
      for (const auto &[Usr, F] : P.Functions)
        for (const std::string &Glob : A.EntryPoints)
          if (matchQualifiedName(Glob, F.QualifiedName)) {
            Entries.push_back(Usr);
            break;
          }
      for (const auto &[Usr, Ann] : P.Annotated)
        for (const ParsedAnnotation &X : Ann.Annotations)
          if (X.Kind == AnnotationKind::Activity &&
              std::find(X.Activities.begin(), X.Activities.end(), A.Id) != X.Activities.end())
            Entries.push_back(Usr);
      std::sort(Entries.begin(), Entries.end());
      Entries.erase(std::unique(Entries.begin(), Entries.end()), Entries.end());
      for (const std::string &E : Entries) {
        EntryOf[E].insert(A.Id);
        SourceLoc Loc;
        if (auto It = P.Functions.find(E); It != P.Functions.end())
          Loc = It->second.Loc;
        else
          Loc = P.Annotated.at(E).Loc;
        ActivityEntries.push_back({A.Id, Loc});
      }
      // Everything the entry points call runs under the activity.
      std::deque<std::string> Work(Entries.begin(), Entries.end());
      while (!Work.empty()) {
        std::string U = Work.front();
        Work.pop_front();
        if (!ActivitiesOf[U].insert(A.Id).second)
          continue;
        auto It = P.Functions.find(U);
        if (It == P.Functions.end())
          continue;
        for (const CallSite &S : It->second.Calls)
          for (const std::string &G : callees(S))
            Work.push_back(G);
      }
    }
  }

  /// The purposes whose consent is checked on every path into each function.
  void computeGuardedIn() {
    std::map<std::string, std::vector<std::pair<std::string, const CallSite *>>> CallsInto;
    for (const auto &[Usr, F] : P.Functions)
      for (const CallSite &S : F.Calls)
        for (const std::string &G : callees(S))
          CallsInto[G].push_back({Usr, &S});
    std::set<std::string> Known; // functions whose GuardedIn is not "everything" any more
    bool Changed = true;
    for (int Round = 0; Changed && Round < 64; ++Round) {
      Changed = false;
      for (const auto &[Usr, F] : P.Functions) {
        std::optional<std::vector<std::string>> Meet;
        auto It = CallsInto.find(Usr);
        if (It == CallsInto.end()) {
          Meet = std::vector<std::string>{};
        } else {
          for (const auto &[Caller, Site] : It->second) {
            if (!Known.count(Caller) && Caller != Usr)
              continue; // still "everything": does not restrict the meet
            std::vector<std::string> Here =
                unionOf(Site->ConsentGuards,
                        Caller == Usr ? std::vector<std::string>{} : GuardedIn[Caller]);
            if (!Meet) {
              Meet = Here;
              continue;
            }
            std::vector<std::string> Both;
            std::set_intersection(Meet->begin(), Meet->end(), Here.begin(), Here.end(),
                                  std::back_inserter(Both));
            Meet = Both;
          }
        }
        if (!Meet)
          continue;
        if (!Known.count(Usr) || GuardedIn[Usr] != *Meet) {
          Known.insert(Usr);
          GuardedIn[Usr] = *Meet;
          Changed = true;
        }
      }
    }
  }

  // --- the model ------------------------------------------------------------

  /// Personal elements an object of class Name holds: its annotated fields,
  /// those of the classes it holds by value, and its bases'. What methods
  /// stored in its unannotated fields travels with the object's own access
  /// path, not with its class.
  void elementsOfType(const std::string &Name, unsigned Depth, std::set<std::string> &Seen,
                      std::vector<std::string> &Out) const {
    if (Depth > Opts.MaxObjectDepth || !Seen.insert(Name).second)
      return;
    auto It = P.Records.find(Name);
    if (It == P.Records.end())
      return;
    Out.insert(Out.end(), It->second.ElementIds.begin(), It->second.ElementIds.end());
    for (const std::string &M : It->second.MemberTypes)
      elementsOfType(M, Depth + 1, Seen, Out);
    for (const std::string &B : It->second.Bases)
      elementsOfType(B, Depth + 1, Seen, Out);
  }

  struct Concrete {
    std::string ElementId;
    pdflow::Trail Trail;
    uint8_t Transforms = 0;
    bool Whole = false;
  };

  /// Every field and global node's content as elements and whole objects,
  /// nodes stored into other nodes followed: a worklist to a fixpoint over
  /// the node graph, each node recomputed when a node it reads grows. Each
  /// fact keeps the first trail that found it, so the cost is the number of
  /// (node, fact) pairs, not the number of paths between nodes.
  void closeNodes() {
    std::map<std::string, std::set<std::string>> Readers;
    std::deque<std::string> Work;
    std::set<std::string> Queued;
    for (const auto &[Node, Content] : NodeContent) {
      if (!isLive(Node))
        continue;
      Work.push_back(Node);
      Queued.insert(Node);
      for (const Origin &O : Content.value())
        if (isNode(O))
          Readers[O.Ref].insert(Node);
    }
    while (!Work.empty()) {
      std::string Node = Work.front();
      Work.pop_front();
      Queued.erase(Node);
      if (!recloseNode(Node))
        continue;
      if (auto It = Readers.find(Node); It != Readers.end())
        for (const std::string &R : It->second)
          if (Queued.insert(R).second)
            Work.push_back(R);
    }
  }

  bool recloseNode(const std::string &Node) {
    bool Grew = false;
    auto Add = [&](Origin O) {
      if (static_cast<unsigned>(std::count(O.At.begin(), O.At.end(), '.')) >= Opts.MaxObjectDepth)
        return; // bounds what a cycle of nodes stored in each other can build
      unsigned &Held = ClosedPaths[Node][sourceHash(O)];
      limitPaths(O, Held);
      if (Closed[Node].add(std::move(O))) {
        ++Held;
        Grew = true;
      }
    };
    // Semi-naive: each content entry remembers how much of its source's
    // closed content it has already taken, so re-closing a node costs what
    // is new, not everything again.
    const Value &Content = NodeContent[Node].value();
    std::vector<size_t> &Taken = TakenFrom[Node];
    Taken.resize(Content.size(), 0);
    for (size_t K = 0; K < Content.size(); ++K) {
      const Origin &S = Content[K];
      ++Stats.NodesVisited;
      if (S.Kind == OriginKind::Element || S.Kind == OriginKind::ObjectType) {
        if (Taken[K] == 0)
          Add(S);
        Taken[K] = 1;
        continue;
      }
      if (!isNode(S))
        continue;
      const Value &From = Closed[S.Ref].value();
      size_t N = From.size();
      for (size_t I = Taken[K]; I < N; ++I) {
        ++Stats.NodesVisited;
        Origin C = From[I];
        if (S.Projected && !projectOrigin(C, S.Via))
          continue;
        inheritPlacement(C, S);
        C.Trail.append(S.Trail);
        C.Transforms |= S.Transforms;
        Add(std::move(C));
      }
      Taken[K] = N;
    }
    return Grew;
  }

  /// The personal elements an object of class Name holds; once per class.
  const std::vector<Concrete> &typeContent(const std::string &Name) {
    if (auto It = TypeContent.find(Name); It != TypeContent.end())
      return It->second;
    std::set<std::string> Seen;
    std::vector<std::string> Ids;
    elementsOfType(Name, 0, Seen, Ids);
    std::vector<Concrete> Out;
    for (const std::string &Id : Ids)
      if (P.Elements.count(Id))
        Out.push_back({Id, {}, 0, true});
    return TypeContent[Name] = std::move(Out);
  }

  /// An element or whole-object origin as the elements it stands for.
  std::vector<Concrete> concreteOf(const Origin &C) {
    if (C.Kind == OriginKind::Element)
      return P.Elements.count(C.Ref) ? std::vector<Concrete>{{C.Ref, C.Trail, C.Transforms, false}}
                                     : std::vector<Concrete>{};
    std::vector<Concrete> Out;
    if (C.Kind != OriginKind::ObjectType)
      return Out;
    for (Concrete X : typeContent(C.Ref)) {
      X.Trail.append(C.Trail);
      X.Transforms |= C.Transforms;
      Out.push_back(std::move(X));
    }
    return Out;
  }

  /// A closed origin as the data elements it stands for.
  std::vector<Concrete> expand(const Origin &O) {
    if (!isNode(O))
      return concreteOf(O);
    std::vector<Concrete> Out;
    for (Origin C : Closed[O.Ref].value()) {
      if (O.Projected && !projectOrigin(C, O.Via))
        continue;
      for (Concrete X : concreteOf(C)) {
        X.Trail.append(O.Trail);
        X.Transforms |= O.Transforms;
        Out.push_back(std::move(X));
      }
    }
    return Out;
  }

  /// Functions whose own sink calls take one of their parameters with no
  /// transform on the way: candidates to declare sinks of that kind. Only
  /// the function holding the sink call is one (its callers reach the sink
  /// through it), and never a function that already is a sink.
  std::vector<SinkWrapper> sinkWrappers() const {
    std::vector<SinkWrapper> Out;
    std::set<std::tuple<std::string, int, SinkKind>> Seen;
    for (InputId In : Inputs.sorted()) {
      if (In >= Uses.size())
        continue;
      const std::vector<InputUse> &List = Uses[In];
      const auto &[Usr, Slot] = Inputs.ref(In);
      auto F = P.Functions.find(Usr);
      if (Slot < 0 || F == P.Functions.end() || SinkFunctions.count(Usr))
        continue;
      for (const InputUse &U : List) {
        if (U.K != InputUse::Kind::Sink || U.Use.Transforms)
          continue;
        if (Seen.insert({F->second.QualifiedName, Slot, U.T.Sink.Kind}).second)
          Out.push_back({F->second.QualifiedName, F->second.Loc, Slot, U.T.Sink, U.T.Loc});
      }
    }
    std::stable_sort(Out.begin(), Out.end(), [](const SinkWrapper &A, const SinkWrapper &B) {
      return std::tie(A.Function, A.Param, A.Loc) < std::tie(B.Function, B.Param, B.Loc);
    });
    return Out;
  }

  Model buildModel() {
    Model M;
    M.Cfg = &Cfg;
    M.Tax = &Tax;
    for (const auto &[Id, E] : P.Elements)
      M.Elements.push_back(E);

    std::map<std::tuple<SourceLoc, std::string, std::string, uint8_t, bool>, Flow> Flows;
    for (const RawFlow &R : RawFlows) {
      for (Concrete &C : expand(R.O)) {
        auto Key = std::make_tuple(R.T.Loc, R.T.Sink.Function, C.ElementId, C.Transforms, C.Whole);
        const std::set<std::string> &Acts = R.Ctx.Activities;
        const std::vector<std::string> &Consent = R.Ctx.Guards;
        if (auto It = Flows.find(Key); It != Flows.end()) {
          // The same flow reached by another path (a shared helper): it runs
          // under every path's activities, and is consented only for what
          // every path checked.
          Flow &Known = It->second;
          std::set<std::string> All(Acts);
          All.insert(Known.Activities.begin(), Known.Activities.end());
          Known.Activities.assign(All.begin(), All.end());
          std::vector<std::string> Both;
          std::set_intersection(Known.ConsentPurposes.begin(), Known.ConsentPurposes.end(),
                                Consent.begin(), Consent.end(), std::back_inserter(Both));
          Known.ConsentPurposes = Both;
          continue;
        }
        Flow F;
        F.ElementId = C.ElementId;
        F.SinkLoc = R.T.Loc;
        F.Function = R.T.Function;
        F.Sink = R.T.Sink;
        C.Trail.push_back({R.T.Loc, R.T.Via});
        F.Steps = C.Trail.steps();
        for (unsigned E = 0; E < 4; ++E)
          if (C.Transforms & (1u << E))
            F.Transforms.push_back(static_cast<TransformEffect>(E));
        F.WholeObject = C.Whole;
        F.Activities.assign(Acts.begin(), Acts.end());
        F.ConsentPurposes = Consent;
        Flows.emplace(Key, std::move(F));
      }
    }
    for (auto &[K, F] : Flows)
      M.Flows.push_back(std::move(F));
    M.SinkWrappers = sinkWrappers();
    std::stable_sort(M.Flows.begin(), M.Flows.end(), [](const Flow &A, const Flow &B) {
      return std::tie(A.SinkLoc, A.ElementId) < std::tie(B.SinkLoc, B.ElementId);
    });

    std::map<std::string, std::set<std::string>> ActivitiesByName;
    for (const auto &[Usr, Acts] : ActivitiesOf)
      if (auto It = P.Functions.find(Usr); It != P.Functions.end())
        ActivitiesByName[It->second.QualifiedName].insert(Acts.begin(), Acts.end());
    for (ElementUse U : P.Uses) {
      if (auto It = ActivitiesByName.find(U.Function); It != ActivitiesByName.end())
        U.Activities.assign(It->second.begin(), It->second.end());
      M.Uses.push_back(std::move(U));
    }
    M.Declarations = P.Declarations;
    M.Suppressions = P.Suppressions;
    M.ActivityEntries = ActivityEntries;
    return M;
  }

  const Program &P;
  const Config &Cfg;
  const Taxonomy &Tax;
  const ModelIndex &Models;
  const SolverOptions &Opts;

  std::map<std::string, std::vector<std::string>> Overriders;
  mutable std::map<std::pair<std::string, bool>, std::vector<std::string>> CalleeCache;
  mutable std::unordered_map<const CallSite *, SinkAndArgs> SinkCache;
  std::set<std::string> SinkFunctions;
  std::map<std::string, std::set<std::string>> Callers;
  std::map<std::string, Summary> Summaries;
  std::map<std::string, OriginSet> NodeContent;
  std::vector<RawFlow> RawFlows;
  std::unordered_map<std::string, size_t> RawIndex;
  InputTable Inputs;
  std::vector<std::vector<InputUse>> Uses; // by input
  std::deque<Arrivals> Arrived;            // by input; a deque, as Arrivals do not move
  /// A node read passed to a callee's input, waiting for the node to hold
  /// personal data.
  struct NodeStart {
    InputId In;
    Origin O;
    PathContext Ctx;
  };
  std::map<std::string, std::vector<NodeStart>> NodeStarts; // by node
  std::deque<std::pair<InputId, uint32_t>> Work;            // (input, position in its Arrivals)
  std::map<std::string, OriginSet> Closed;                  // node -> elements and whole objects
  /// Per node, per entry of its content: how many of its source's Closed
  /// entries recloseNode has taken.
  std::map<std::string, std::vector<size_t>> TakenFrom;
  /// Per node, how many entries of each source (by sourceHash) Closed holds.
  std::map<std::string, std::unordered_map<size_t, unsigned>> ClosedPaths;
  std::map<std::string, std::vector<Concrete>> TypeContent;
  bool LivenessKnown = false;
  std::vector<bool> LiveInputs; // by input
  std::set<std::string> LiveNodes;
  std::vector<InputId> LiveInputWork;
  std::vector<std::string> LiveNodeWork;

public:
  SolveStats Stats;
  std::map<std::string, std::set<std::string>> ActivitiesOf;
  std::map<std::string, std::set<std::string>> EntryOf; // entry point USR -> activities
  std::map<std::string, std::vector<std::string>> GuardedIn;
  std::vector<std::pair<std::string, SourceLoc>> ActivityEntries;
};

} // namespace

Model solve(const Program &P, const Config &Cfg, const Taxonomy &Tax, const ModelIndex &Models,
            const SolverOptions &Opts, SolveStats *Stats) {
  Solver S(P, Cfg, Tax, Models, Opts);
  Model M = S.run();
  if (Stats)
    *Stats = S.Stats;
  return M;
}

} // namespace pdflow
