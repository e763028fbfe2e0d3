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
