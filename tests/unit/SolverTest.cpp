// The linker and the solver on hand-built facts: no Clang involved.

#include "pdflow/solver/Solver.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

Origin element(const std::string &Id) {
  return Origin{OriginKind::Element, Id, 0, 0, false, 0, {{{"a.cpp", 1, 1}, "read '" + Id + "'"}}};
}
Origin param(int I) { return Origin{OriginKind::Param, "", I, 0, false, 0, {}}; }
Origin callResult(int Site) { return Origin{OriginKind::CallResult, "", Site, 0, false, 0, {}}; }

CallSite call(const std::string &Callee, std::vector<Value> Args, unsigned Line) {
  CallSite S;
  S.CalleeUsr = "usr:" + Callee;
  S.CalleeName = Callee;
  S.Loc = {"a.cpp", Line, 3};
  S.Args = std::move(Args);
  return S;
}

FunctionFacts function(const std::string &Name, unsigned Params = 1) {
  FunctionFacts F;
  F.Usr = "usr:" + Name;
  F.QualifiedName = Name;
  F.Loc = {"a.cpp", 1, 1};
  F.NumParams = Params;
  return F;
}

DataElement email() {
  DataElement E;
  E.Id = "e.email";
  E.QualifiedName = "Customer::email";
  E.Spec.Category = "contact.email";
  E.Loc = {"a.h", 3, 15};
  return E;
}

/// A program around one sink model, `log` (kind log), and one transform,
/// `hash` (pseudonymize).
struct Fixture {
  Taxonomy Tax = Taxonomy::builtin();
  Config Cfg;
  ModelSet Builtin;

  Fixture() {
    SinkModel Log;
    Log.Function = "log";
    Log.Kind = SinkKind::Log;
    Cfg.Models.Sinks.push_back(Log);
    TransformModel Hash;
    Hash.Function = "hash";
    Hash.Effect = TransformEffect::Pseudonymize;
    Cfg.Models.Transforms.push_back(Hash);
  }

  Model run(std::vector<TUFacts> TUs) {
    ModelIndex Models(Builtin, Cfg.Models);
    return solve(linkFacts(TUs), Cfg, Tax, Models);
  }

  /// Solves TUs and returns the work it took; Flows gets how many flows.
  SolveStats count(std::vector<TUFacts> TUs, size_t &Flows) {
    ModelIndex Models(Builtin, Cfg.Models);
    SolveStats Stats;
    Flows = solve(linkFacts(TUs), Cfg, Tax, Models, {}, &Stats).Flows.size();
    return Stats;
  }
};

TUFacts tu(std::vector<FunctionFacts> Functions) {
  TUFacts T;
  T.Elements = {email()};
  T.Functions = std::move(Functions);
  return T;
}

} // namespace

TEST(SolverTest, DataPassedToAHelperThatLogsItIsAFlowWithItsSteps) {
  FunctionFacts Helper = function("audit");
  Helper.Calls = {call("log", {{param(0)}}, 20)};
  FunctionFacts Caller = function("checkout");
  Caller.Calls = {call("audit", {{element("e.email")}}, 10)};
  Model M = Fixture().run({tu({Helper, Caller})});
  ASSERT_EQ(M.Flows.size(), 1u);
  const Flow &F = M.Flows[0];
  EXPECT_EQ(F.ElementId, "e.email");
  EXPECT_EQ(F.Sink.Kind, SinkKind::Log);
  EXPECT_EQ(F.SinkLoc, (SourceLoc{"a.cpp", 20, 3}));
  EXPECT_EQ(F.Function, "audit");
  std::vector<std::string> Steps;
  for (const FlowStep &S : F.Steps)
    Steps.push_back(S.Loc.str() + " " + S.What);
  EXPECT_EQ(Steps, (std::vector<std::string>{"a.cpp:1:1 read 'e.email'",
                                             "a.cpp:10:3 passed as argument 1 of 'audit'",
                                             "a.cpp:20:3 passed to 'log'"}));
}

TEST(SolverTest, SummariesKeepCallSitesApart) {
  // same(x) returns x; only the call given personal data logs it.
  FunctionFacts Same = function("same");
  Same.Returns = {param(0)};
  FunctionFacts Caller = function("caller", 0);
  Caller.Calls = {call("same", {{element("e.email")}}, 10), call("log", {{callResult(0)}}, 11),
                  call("same", {{}}, 12), call("log", {{callResult(2)}}, 13)};
  Model M = Fixture().run({tu({Same, Caller})});
  ASSERT_EQ(M.Flows.size(), 1u);
  EXPECT_EQ(M.Flows[0].SinkLoc.Line, 11u);
}

TEST(SolverTest, TransformsAreRecordedOnTheFlow) {
  FunctionFacts Caller = function("caller", 0);
  Caller.Calls = {call("hash", {{element("e.email")}}, 10), call("log", {{callResult(0)}}, 11)};
  Model M = Fixture().run({tu({Caller})});
  ASSERT_EQ(M.Flows.size(), 1u);
  EXPECT_EQ(M.Flows[0].Transforms, std::vector<TransformEffect>{TransformEffect::Pseudonymize});
}

TEST(SolverTest, AVirtualCallReachesEveryOverride) {
  FunctionFacts Base = function("Notifier::notify");
  FunctionFacts Logging = function("LogNotifier::notify");
  Logging.Overrides = {Base.Usr};
  Logging.Calls = {call("log", {{param(0)}}, 30)};
  FunctionFacts Silent = function("NullNotifier::notify");
  Silent.Overrides = {Base.Usr};
  FunctionFacts Caller = function("remind", 0);
  CallSite Virtual = call("Notifier::notify", {{element("e.email")}}, 10);
  Virtual.Virtual = true;
  Caller.Calls = {Virtual};
  Model M = Fixture().run({tu({Base, Logging, Silent, Caller})});
  ASSERT_EQ(M.Flows.size(), 1u);
  EXPECT_EQ(M.Flows[0].Function, "LogNotifier::notify");

  Caller.Calls[0].Virtual = false; // a qualified call reaches the named function only
  EXPECT_TRUE(Fixture().run({tu({Base, Logging, Silent, Caller})}).Flows.empty());
}

TEST(SolverTest, ActivitiesFollowEntryPointsAndTheCallPath) {
  Fixture Fx;
  ActivityDecl Billing;
  Billing.Id = "billing";
  Billing.EntryPoints = {"Billing::*"};
  Fx.Cfg.Activities = {Billing};
  FunctionFacts Helper = function("store");
  Helper.Calls = {call("log", {{param(0)}}, 20)};
  FunctionFacts Entry = function("Billing::run");
  Entry.Calls = {call("store", {{element("e.email")}}, 10)};
  FunctionFacts Cron = function("cron", 0);
  Cron.Calls = {call("log", {{element("e.email")}}, 40)};
  Model M = Fx.run({tu({Helper, Entry, Cron})});
  ASSERT_EQ(M.Flows.size(), 2u);
  EXPECT_EQ(M.Flows[0].Activities, std::vector<std::string>{"billing"}); // line 20
  EXPECT_TRUE(M.Flows[1].Activities.empty());                            // line 40: cron
  ASSERT_EQ(M.ActivityEntries.size(), 1u);
  EXPECT_EQ(M.ActivityEntries[0].first, "billing");
}

TEST(LinkerTest, AFunctionSeenByManyTUsCountsOnceAndElementsMerge) {
  FunctionFacts Header = function("inlineHelper");
  Header.Calls = {call("log", {{param(0)}}, 5)};
  TUFacts A = tu({Header});
  TUFacts B = tu({Header});
  DataElement Phone = email();
  Phone.Id = "e.phone";
  B.Elements.push_back(Phone);
  Program P = linkFacts({A, B});
  EXPECT_EQ(P.Functions.size(), 1u);
  EXPECT_EQ(P.Elements.size(), 2u);

  // Incremental linking gives the same program.
  Linker L;
  L.add(A);
  L.add(B);
  Program Q = L.finish();
  EXPECT_EQ(Q.Functions.size(), P.Functions.size());
  EXPECT_EQ(Q.Elements.size(), P.Elements.size());
}

// The solver's cost grows with the program, not with its number of paths:
// these shapes, found on real code, made the old solver enumerate paths.
// They count units of work (SolveStats), never time.
namespace {

Origin node(OriginKind Kind, const std::string &Ref) {
  return Origin{Kind, Ref, 0, 0, false, 0, {{{"a.cpp", 2, 1}, "read '" + Ref + "'"}}};
}

Write storeInto(WriteTargetKind Kind, const std::string &Ref, Value V) {
  Write W;
  W.Target = Kind;
  W.Ref = Ref;
  W.Name = Ref;
  W.Val = std::move(V);
  W.Loc = {"a.cpp", 3, 1};
  return W;
}

/// N field/global node pairs, each pair storing both nodes of the pair
/// before it: 2^N paths from the last pair to the element, one flow.
SolveStats nodeLadder(int N, size_t &Flows) {
  Fixture Fx;
  FunctionFacts Fill = function("fill", 0);
  Fill.Writes.push_back(storeInto(WriteTargetKind::Field, "f0", {element("e.email")}));
  Fill.Writes.push_back(storeInto(WriteTargetKind::Global, "g0", {element("e.email")}));
  for (int I = 1; I <= N; ++I) {
    std::string Prev = std::to_string(I - 1), Here = std::to_string(I);
    Value Both{node(OriginKind::Field, "f" + Prev), node(OriginKind::Global, "g" + Prev)};
    Fill.Writes.push_back(storeInto(WriteTargetKind::Field, "f" + Here, Both));
    Fill.Writes.push_back(storeInto(WriteTargetKind::Global, "g" + Here, Both));
  }
  FunctionFacts Report = function("report", 0);
  Report.Calls = {call("log", {{node(OriginKind::Field, "f" + std::to_string(N))}}, 30)};
  return Fx.count({tu({Fill, Report})}, Flows);
}

/// A chain of N calls in one function, each fed the previous call's result
/// and out-argument twice over (a SHA-1 round written as inline calls with
/// out-parameters): 2^N ways to read the last value.
SolveStats callChain(int N, size_t &Flows) {
  Fixture Fx;
  FunctionFacts Step = function("step", 2);
  Step.Returns = {param(0), param(1)};
  Write Out;
  Out.Target = WriteTargetKind::Param;
  Out.Index = 0;
  Out.Val = {param(0), param(1)};
  Step.Writes = {Out};
  FunctionFacts Chain = function("chain", 0);
  Chain.Calls.push_back(call("step", {{element("e.email")}, {}}, 10));
  for (int I = 1; I < N; ++I) {
    Value Prev{callResult(I - 1), Origin{OriginKind::CallOutArg, "", I - 1, 0, false, 0, {}}};
    Chain.Calls.push_back(call("step", {Prev, Prev}, 10 + I));
  }
  Chain.Calls.push_back(call("log", {{callResult(N - 1)}}, 99));
  return Fx.count({tu({Step, Chain})}, Flows);
}

} // namespace

TEST(SolverScaleTest, NodeLadderWorkIsLinearInItsLength) {
  size_t Flows20 = 0, Flows40 = 0;
  SolveStats At20 = nodeLadder(20, Flows20);
  SolveStats At40 = nodeLadder(40, Flows40);
  EXPECT_EQ(Flows20, 1u);
  EXPECT_EQ(Flows40, 1u);
  ASSERT_GT(At20.NodesVisited, 0u);
  // Twice the ladder, about twice the work (paths grow by 2^20).
  EXPECT_LE(At40.NodesVisited, 3 * At20.NodesVisited)
      << At20.NodesVisited << " -> " << At40.NodesVisited;
}

TEST(SolverScaleTest, CallChainWorkIsLinearInItsLength) {
  size_t Flows20 = 0, Flows40 = 0;
  SolveStats At20 = callChain(20, Flows20);
  SolveStats At40 = callChain(40, Flows40);
  EXPECT_EQ(Flows20, 1u);
  EXPECT_EQ(Flows40, 1u);
  ASSERT_GT(At20.OriginsResolved, 0u);
  EXPECT_LE(At40.OriginsResolved, 3 * At20.OriginsResolved)
      << At20.OriginsResolved << " -> " << At40.OriginsResolved;
}

TEST(SolverScaleTest, MutualRecursionConvergesInBoundedRounds) {
  // N functions in one SCC, each calling the next three and the first
  // logging its parameter: every function's summary reaches the sink.
  Fixture Fx;
  const int N = 60;
  std::vector<FunctionFacts> Fs;
  for (int I = 0; I < N; ++I) {
    FunctionFacts F = function("f" + std::to_string(I));
    for (int K = 1; K <= 3; ++K)
      F.Calls.push_back(call("f" + std::to_string((I + K) % N), {{param(0)}}, 10 + K));
    if (I == 0)
      F.Calls.push_back(call("log", {{param(0)}}, 40));
    Fs.push_back(F);
  }
  FunctionFacts Main = function("main", 0);
  Main.Calls = {call("f7", {{element("e.email")}}, 50)};
  Fs.push_back(Main);
  size_t Flows = 0;
  SolveStats Stats = Fx.count({tu(Fs)}, Flows);
  ASSERT_EQ(Flows, 1u);
  // Each summary is recomputed a bounded number of times, not once per path.
  EXPECT_LE(Stats.Summaries, static_cast<size_t>(6 * (N + 1))) << Stats.Summaries;
}

namespace {

/// N functions in one recursive component, each logging its parameter and
/// passing it on to 20 others (the shape measured on a real project: 9.4 s
/// at N = 300 when every caller's summary copied every callee's sink hits).
SolveStats loggingComponent(int N, size_t &Flows) {
  Fixture Fx;
  std::vector<FunctionFacts> Fs;
  for (int I = 0; I < N; ++I) {
    FunctionFacts F = function("f" + std::to_string(I));
    F.Calls.push_back(call("log", {{param(0)}}, 1000 + I));
    for (int K = 1; K <= 20; ++K)
      F.Calls.push_back(call("f" + std::to_string((I * 7 + K * 13) % N), {{param(0)}}, 10 + K));
    Fs.push_back(F);
  }
  FunctionFacts Main = function("main", 0);
  Main.Calls = {call("f0", {{element("e.email")}}, 50)};
  Fs.push_back(Main);
  return Fx.count({tu(Fs)}, Flows);
}

} // namespace

TEST(SolverScaleTest, SinkHitsInARecursiveComponentCostItsEdges) {
  size_t Flows100 = 0, Flows200 = 0;
  SolveStats At100 = loggingComponent(100, Flows100);
  SolveStats At200 = loggingComponent(200, Flows200);
  // Every function is reached from main: each one's log call is a flow.
  EXPECT_EQ(Flows100, 100u);
  EXPECT_EQ(Flows200, 200u);
  ASSERT_GT(At100.UsesFollowed, 0u);
  // Twice the functions and calls, about twice the work (copying every
  // sink into every caller's summary was quadratic).
  EXPECT_LE(At200.UsesFollowed, 3 * At100.UsesFollowed)
      << At100.UsesFollowed << " -> " << At200.UsesFollowed;
  EXPECT_LE(At200.Summaries, 3 * At100.Summaries) << At100.Summaries << " -> " << At200.Summaries;
}

TEST(SolverScaleTest, CallersAreSummarisedAfterTheirCallees) {
  // A chain of N functions whose names sort callers first: each calls the
  // next and returns its result, the last returns the element. Summarised
  // callees first, each function is summarised once; in name order, every
  // function would be summarised again when its callee's summary grew.
  Fixture Fx;
  const int N = 50;
  std::vector<FunctionFacts> Fs;
  for (int I = 0; I < N; ++I) {
    FunctionFacts F = function("a" + std::to_string(1000 + I), 0);
    if (I + 1 < N) {
      F.Calls.push_back(call("a" + std::to_string(1000 + I + 1), {}, 10));
      F.Returns = {callResult(0)};
    } else {
      F.Returns = {element("e.email")};
    }
    Fs.push_back(F);
  }
  FunctionFacts Main = function("main", 0);
  Main.Calls = {call("a1000", {}, 20), call("log", {{callResult(0)}}, 21)};
  Fs.push_back(Main);
  size_t Flows = 0;
  SolveStats Stats = Fx.count({tu(Fs)}, Flows);
  EXPECT_EQ(Flows, 1u);
  EXPECT_EQ(Stats.Summaries, static_cast<size_t>(N + 1));
}

namespace {

/// main logs what make returns: the element, and with WithState also a
/// whole object of a class that holds no personal field.
SolveStats objectReturned(bool WithState, size_t &Flows) {
  Fixture Fx;
  FunctionFacts Make = function("make", 0);
  Make.Returns = {element("e.email")};
  if (WithState)
    Make.Returns.push_back(Origin::objectType("fmt::detail::state"));
  FunctionFacts Main = function("main", 0);
  Main.Calls = {call("make", {}, 20), call("log", {{callResult(0)}}, 21)};
  TUFacts T = tu({Make, Main});
  T.Records["fmt::detail::state"].QualifiedName = "fmt::detail::state";
  return Fx.count({T}, Flows);
}

} // namespace

TEST(SolverScaleTest, WholeObjectsWithoutPersonalDataAreNotCarried) {
  // Formatter state, iterators: real code passes thousands of such objects.
  // Read once where they appear, they go no further, so summaries stay as
  // small as the data they hold.
  size_t Without = 0, With = 0;
  SolveStats Plain = objectReturned(false, Without);
  SolveStats Stateful = objectReturned(true, With);
  EXPECT_EQ(Without, 1u);
  EXPECT_EQ(With, 1u);
  EXPECT_EQ(Stateful.OriginsResolved, Plain.OriginsResolved + 1)
      << Plain.OriginsResolved << " -> " << Stateful.OriginsResolved;
}

namespace {

/// main passes the element to `audit`, which logs it, and to the first of N
/// functions that pass it on to each other and never reach a sink (a hash
/// function's rounds, a formatter's internals).
SolveStats deadEndChain(int N, size_t &Flows) {
  Fixture Fx;
  std::vector<FunctionFacts> Fs;
  for (int I = 0; I < N; ++I) {
    FunctionFacts F = function("round" + std::to_string(I));
    if (I + 1 < N)
      F.Calls.push_back(call("round" + std::to_string(I + 1), {{param(0)}}, 10));
    Fs.push_back(F);
  }
  FunctionFacts Audit = function("audit");
  Audit.Calls = {call("log", {{param(0)}}, 30)};
  FunctionFacts Main = function("main", 0);
  Main.Calls = {call("round0", {{element("e.email")}}, 40),
                call("audit", {{element("e.email")}}, 41)};
  Fs.push_back(Audit);
  Fs.push_back(Main);
  return Fx.count({tu(Fs)}, Flows);
}

} // namespace

TEST(SolverScaleTest, DataIsNotFollowedWhereNoSinkIsReachable) {
  // On InspIRCd most of the inputs data arrives at lead to no sink; walking
  // them cost most of the propagation.
  size_t Flows10 = 0, Flows50 = 0;
  SolveStats At10 = deadEndChain(10, Flows10);
  SolveStats At50 = deadEndChain(50, Flows50);
  EXPECT_EQ(Flows10, 1u);
  EXPECT_EQ(Flows50, 1u);
  ASSERT_GT(At10.UsesFollowed, 0u);
  EXPECT_EQ(At50.UsesFollowed, At10.UsesFollowed)
      << At10.UsesFollowed << " -> " << At50.UsesFollowed;
}
