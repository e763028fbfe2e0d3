#include "pdflow/facts/Facts.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

Origin origin(OriginKind Kind, std::string Ref, int Index = 0) {
  Origin O;
  O.Kind = Kind;
  O.Ref = std::move(Ref);
  O.Index = Index;
  return O;
}

//===----------------------------------------------------------------------===//
// Origins and values
//===----------------------------------------------------------------------===//

TEST(FactsOriginTest, KeyIgnoresTrail) {
  Origin A = origin(OriginKind::Element, "e1");
  Origin B = A;
  B.Trail.push_back({{"a.cpp", 3, 5}, "read 'c.email'"});
  EXPECT_EQ(A.key(), B.key());
}

TEST(FactsOriginTest, KeyTellsEveryIdentityMemberApart) {
  Origin Base = origin(OriginKind::Param, "r", 1);
  std::vector<Origin> Variants(8, Base);
  Variants[0].Kind = OriginKind::This;
  Variants[1].Ref = "s";
  Variants[2].Index = 2;
  Variants[3].Arg = -1;
  Variants[4].Projected = true;
  Variants[5].Transforms = 1;
  Variants[6].Via = "body";
  Variants[7].At = "shipTo";
  for (const Origin &V : Variants)
    EXPECT_NE(V.key(), Base.key());
}

TEST(FactsOriginTest, KeyIsUnambiguousWhateverTheRefHolds) {
  Origin A = origin(OriginKind::Field, "1|2");
  Origin B = origin(OriginKind::Field, "1");
  B.Index = 0;
  EXPECT_NE(A.key(), B.key());
}

TEST(FactsOriginTest, AddOriginKeepsFirstTrailAndInsertionOrder) {
  Origin First = origin(OriginKind::Element, "e2");
  First.Trail.push_back({{"a.cpp", 1, 1}, "short"});
  Origin Again = First;
  Again.Trail = {{{"a.cpp", 1, 1}, "long"}, {{"a.cpp", 2, 1}, "longer"}};

  Value V;
  addOrigin(V, First);
  addOrigin(V, origin(OriginKind::Element, "e1"));
  addOrigin(V, Again);
  ASSERT_EQ(V.size(), 2u);
  EXPECT_EQ(V[0].Ref, "e2");
  ASSERT_EQ(V[0].Trail.size(), 1u);
  EXPECT_EQ(V[0].Trail.steps()[0].What, "short");
  EXPECT_EQ(V[1].Ref, "e1");
}

TEST(FactsOriginTest, AddOriginKeepsSameDataWithOtherTransforms) {
  Origin Plain = origin(OriginKind::Element, "e1");
  Origin Hashed = Plain;
  Hashed.Transforms = 1;
  Value V;
  addOrigin(V, Plain);
  addOrigin(V, Hashed);
  EXPECT_EQ(V.size(), 2u);
}

TEST(FactsOriginTest, AddValueMergesWithoutDuplicates) {
  Value V = {origin(OriginKind::Param, "", 0), origin(OriginKind::Global, "g")};
  Value From = {origin(OriginKind::Global, "g"), origin(OriginKind::This, ""),
                origin(OriginKind::Param, "", 0)};
  addValue(V, From);
  ASSERT_EQ(V.size(), 3u);
  EXPECT_EQ(V[0].Kind, OriginKind::Param);
  EXPECT_EQ(V[1].Kind, OriginKind::Global);
  EXPECT_EQ(V[2].Kind, OriginKind::This);

  addValue(V, V);
  EXPECT_EQ(V.size(), 3u);
}

//===----------------------------------------------------------------------===//
// Member-wise comparison of the model types, which have no operator==
//===----------------------------------------------------------------------===//

template <class T, class F>
void expectSameList(const std::vector<T> &A, const std::vector<T> &B, F ExpectSame) {
  ASSERT_EQ(A.size(), B.size());
  for (size_t I = 0; I < A.size(); ++I) {
    SCOPED_TRACE("index " + std::to_string(I));
    ExpectSame(A[I], B[I]);
  }
}

void expectSame(const DataSpec &A, const DataSpec &B) {
  EXPECT_EQ(A.Category, B.Category);
  EXPECT_EQ(A.Subject, B.Subject);
  EXPECT_EQ(A.Purposes, B.Purposes);
  EXPECT_EQ(A.Retention, B.Retention);
  EXPECT_EQ(A.Source, B.Source);
}

void expectSame(const DataElement &A, const DataElement &B) {
  EXPECT_EQ(A.Id, B.Id);
  EXPECT_EQ(A.QualifiedName, B.QualifiedName);
  EXPECT_EQ(A.Kind, B.Kind);
  EXPECT_EQ(A.Type, B.Type);
  EXPECT_EQ(A.Loc, B.Loc);
  expectSame(A.Spec, B.Spec);
  EXPECT_EQ(A.Origin, B.Origin);
  EXPECT_EQ(A.AnnotationLoc, B.AnnotationLoc);
  EXPECT_EQ(A.Inferred.Confidence, B.Inferred.Confidence);
  EXPECT_EQ(A.Inferred.Reason, B.Inferred.Reason);
  EXPECT_EQ(A.Inferred.InsertLoc, B.Inferred.InsertLoc);
  EXPECT_EQ(A.Inferred.KeyLoc, B.Inferred.KeyLoc);
}

void expectSame(const ElementUse &A, const ElementUse &B) {
  EXPECT_EQ(A.ElementId, B.ElementId);
  EXPECT_EQ(A.Loc, B.Loc);
  EXPECT_EQ(A.Function, B.Function);
  EXPECT_EQ(A.Activities, B.Activities);
}

void expectSame(const DeclaredName &A, const DeclaredName &B) {
  EXPECT_EQ(A.QualifiedName, B.QualifiedName);
  EXPECT_EQ(A.Name, B.Name);
  EXPECT_EQ(A.Type, B.Type);
  EXPECT_EQ(A.Kind, B.Kind);
  EXPECT_EQ(A.Loc, B.Loc);
  EXPECT_EQ(A.InsertLoc, B.InsertLoc);
}

void expectSame(const Suppression &A, const Suppression &B) {
  EXPECT_EQ(A.Loc, B.Loc);
  EXPECT_EQ(A.Rules, B.Rules);
  EXPECT_EQ(A.Reason, B.Reason);
}

void expectSame(const SinkModel &A, const SinkModel &B) {
  EXPECT_EQ(A.Function, B.Function);
  EXPECT_EQ(A.Type, B.Type);
  EXPECT_EQ(A.Object, B.Object);
  EXPECT_EQ(A.Kind, B.Kind);
  EXPECT_EQ(A.Recipient, B.Recipient);
  EXPECT_EQ(A.Country, B.Country);
  EXPECT_EQ(A.Guard, B.Guard);
  EXPECT_EQ(A.Encrypted, B.Encrypted);
  EXPECT_EQ(A.Accepts, B.Accepts);
  EXPECT_EQ(A.Args, B.Args);
  EXPECT_EQ(A.Origin, B.Origin);
  EXPECT_EQ(A.Loc, B.Loc);
}

void expectSame(const ParsedAnnotation &A, const ParsedAnnotation &B) {
  EXPECT_EQ(A.Kind, B.Kind);
  expectSame(A.Data, B.Data);
  EXPECT_EQ(A.Subject, B.Subject);
  expectSame(A.Sink, B.Sink);
  EXPECT_EQ(A.Effect, B.Effect);
  EXPECT_EQ(A.Activities, B.Activities);
  EXPECT_EQ(A.ConsentPurpose, B.ConsentPurpose);
}

void expectSame(const FunctionAnnotations &A, const FunctionAnnotations &B) {
  EXPECT_EQ(A.QualifiedName, B.QualifiedName);
  EXPECT_EQ(A.Loc, B.Loc);
  expectSameList(A.Annotations, B.Annotations,
                 [](const ParsedAnnotation &X, const ParsedAnnotation &Y) { expectSame(X, Y); });
}

void expectSame(const TUFacts &A, const TUFacts &B) {
  auto Same = [](const auto &X, const auto &Y) { expectSame(X, Y); };
  EXPECT_EQ(A.Version, B.Version);
  EXPECT_EQ(A.MainFile, B.MainFile);
  expectSameList(A.Elements, B.Elements, Same);
  EXPECT_TRUE(A.Functions == B.Functions);
  ASSERT_EQ(A.Annotated.size(), B.Annotated.size());
  for (auto IA = A.Annotated.begin(), IB = B.Annotated.begin(); IA != A.Annotated.end();
       ++IA, ++IB) {
    EXPECT_EQ(IA->first, IB->first);
    expectSame(IA->second, IB->second);
  }
  EXPECT_TRUE(A.Records == B.Records);
  expectSameList(A.Declarations, B.Declarations, Same);
  expectSameList(A.Suppressions, B.Suppressions, Same);
  EXPECT_EQ(A.Diags, B.Diags);
  EXPECT_EQ(A.SideAnnotationsMatched, B.SideAnnotationsMatched);
  expectSameList(A.Uses, B.Uses, Same);
  EXPECT_EQ(A.Outcome, B.Outcome);
}

//===----------------------------------------------------------------------===//
// Facts with every member set to something other than its default
//===----------------------------------------------------------------------===//

Origin fullOrigin() {
  Origin O;
  O.Kind = OriginKind::CallOutArg;
  O.Ref = "c:@F@fill#&$@N@std@S@basic_string";
  O.Index = 3;
  O.Arg = -1;
  O.Projected = true;
  O.Transforms = 0b1010;
  O.Trail = {{{"src/Billing.cpp", 38, 20}, "read 'c.email'"},
             {{"src/Billing.cpp", 39, 7}, "formatted by 'fmt::format'"}};
  O.Via = "body";
  O.At = "shipTo.city";
  return O;
}

CallSite fullCall() {
  CallSite C;
  C.CalleeUsr = "c:@N@spdlog@F@info#";
  C.CalleeName = "spdlog::info";
  C.Virtual = true;
  C.Loc = {"src/Billing.cpp", 40, 5};
  C.Args = {{fullOrigin()}, {}, {origin(OriginKind::Lambda, "c:lambda")}};
  C.Object = {origin(OriginKind::This, "")};
  C.SinkObject = "std::cout";
  C.SinkObjectType = "std::basic_ostream";
  C.WrittenValue = {origin(OriginKind::Global, "c:@gLastEmail")};
  C.StringArgs = {{0, "email: {}"}, {2, "marketing"}};
  C.ConsentGuards = {"marketing"};
  return C;
}

FunctionFacts fullFunction() {
  FunctionFacts F;
  F.Usr = "c:@N@shop@S@Billing@F@run#";
  F.QualifiedName = "shop::Billing::run";
  F.Loc = {"src/Billing.cpp", 30, 14};
  F.NumParams = 2;
  F.IsMethod = true;
  F.ClassName = "shop::Billing";
  F.Overrides = {"c:@N@shop@S@Service@F@run#"};
  F.Calls = {fullCall(), CallSite{}};
  F.Returns = {origin(OriginKind::CallResult, "", 1),
               origin(OriginKind::ObjectType, "shop::Customer")};
  Write W;
  W.Target = WriteTargetKind::Param;
  W.Ref = "c:@N@shop@S@Order@FI@email";
  W.Name = "shop::Order::email";
  W.Index = 1;
  W.Val = {fullOrigin()};
  W.Loc = {"src/Billing.cpp", 44, 9};
  F.Writes = {W};
  return F;
}

ParsedAnnotation fullAnnotation() {
  ParsedAnnotation A;
  A.Kind = AnnotationKind::Sink;
  A.Data = {"contact.email", "customer", {"billing", "support"}, "P3Y", "signup form"};
  A.Subject = "customer";
  A.Sink.Function = "shop::PaymentGateway::charge";
  A.Sink.Type = "shop::Gateway";
  A.Sink.Object = "shop::gGateway";
  A.Sink.Kind = SinkKind::ThirdParty;
  A.Sink.Recipient = "Stripe";
  A.Sink.Country = "US";
  A.Sink.Guard = Safeguard::Dpf;
  A.Sink.Encrypted = false;
  A.Sink.Accepts = {"financial.payment_card"};
  A.Sink.Args = {0, 2};
  A.Sink.Origin = ModelOrigin::Annotation;
  A.Sink.Loc = {"src/Gateway.h", 7, 1};
  A.Effect = TransformEffect::Redact;
  A.Activities = {"billing", "support"};
  A.ConsentPurpose = "marketing";
  return A;
}

TUFacts fullFacts() {
  TUFacts F;
  F.MainFile = "src/Billing.cpp";

  DataElement E;
  E.Id = "c:@N@shop@S@Customer@FI@email";
  E.QualifiedName = "shop::Customer::email";
  E.Kind = ElementKind::Parameter;
  E.Type = "std::string";
  E.Loc = {"src/Customer.h", 12, 3};
  E.Spec = {"contact.email", "customer", {"billing", "support"}, "P3Y", "signup form"};
  E.Origin = AnnotationOrigin::SideAnnotation;
  E.AnnotationLoc = {".pdflow.yaml", 20, 5};
  DataElement Keyed;
  Keyed.Id = "c:@F@save@v";
  Keyed.QualifiedName = "save::v";
  Keyed.Kind = ElementKind::Local;
  Keyed.Spec.Category = "contact.email";
  Keyed.Origin = AnnotationOrigin::Inferred;
  Keyed.Inferred = {85, "key \"email\"", {"src/Db.cpp", 40, 3}, {"src/Db.cpp", 42, 7}};
  F.Elements = {E, Keyed, DataElement{}};

  F.Functions = {fullFunction()};
  F.Annotated["c:@N@shop@S@PaymentGateway@F@charge#"] = {
      "shop::PaymentGateway::charge", {"src/Gateway.h", 8, 8}, {fullAnnotation(), {}}};
  F.Records["shop::Customer"] = {
      "shop::Customer", {"shop::Person"}, {"c:@N@shop@S@Customer@FI@email"}, {"shop::Address"}};

  DeclaredName D;
  D.QualifiedName = "shop::Lead::phone";
  D.Name = "phone";
  D.Type = "std::string";
  D.Kind = ElementKind::Variable;
  D.Loc = {"src/Lead.h", 5, 15};
  D.InsertLoc = {"src/Lead.h", 5, 3};
  F.Declarations = {D};

  F.Suppressions = {{{"src/Billing.cpp", 39, 3},
                     {"personal-data-in-logs", "excess-to-sink"},
                     "audited by the DPO"}};

  Diagnostic Diag;
  Diag.Sev = Severity::Error;
  Diag.Loc = {"src/Customer.h", 11, 3};
  Diag.Message = "unknown category 'contact.emial'; did you mean 'contact.email'?";
  Diag.Rule = "invalid-annotation";
  Diag.Notes = {{{"src/Customer.h", 1, 1}, "annotation expanded from here"}};
  Diag.FixIts = {{{"src/Customer.h", 11, 14}, 13, "contact.email"}};
  F.Diags = {Diag};

  F.SideAnnotationsMatched = {0, 3};
  F.Uses = {{"c:@N@shop@S@Customer@FI@email",
             {"src/Billing.cpp", 38, 20},
             "shop::Billing::run",
             {"billing"}}};
  F.Outcome = TUOutcome::TimedOut;
  return F;
}

TUFacts roundTrip(const TUFacts &F) {
  TUFacts Read;
  std::string Error;
  EXPECT_TRUE(readFacts(writeFacts(F), Read, Error)) << Error;
  return Read;
}

//===----------------------------------------------------------------------===//
// The on-disk form
//===----------------------------------------------------------------------===//

TEST(FactsIOTest, RoundTripsEveryMember) {
  TUFacts F = fullFacts();
  std::string Text = writeFacts(F);
  TUFacts Read;
  std::string Error;
  ASSERT_TRUE(readFacts(Text, Read, Error)) << Error;
  expectSame(F, Read);
  EXPECT_EQ(writeFacts(Read), Text);
}

TEST(FactsIOTest, RoundTripsEveryEnumerator) {
  TUFacts F;
  for (OriginKind K : {OriginKind::Element, OriginKind::Param, OriginKind::This, OriginKind::Field,
                       OriginKind::Global, OriginKind::CallResult, OriginKind::CallOutArg,
                       OriginKind::ObjectType, OriginKind::Lambda}) {
    FunctionFacts Fn;
    Fn.Returns = {origin(K, "r")};
    F.Functions.push_back(Fn);
  }
  for (WriteTargetKind K : {WriteTargetKind::Field, WriteTargetKind::Global, WriteTargetKind::Param,
                            WriteTargetKind::This}) {
    Write W;
    W.Target = K;
    F.Functions[0].Writes.push_back(W);
  }
  for (ElementKind K : {ElementKind::Field, ElementKind::Variable, ElementKind::Parameter,
                        ElementKind::Return, ElementKind::Class})
    for (AnnotationOrigin O : {AnnotationOrigin::Code, AnnotationOrigin::SideAnnotation,
                               AnnotationOrigin::ClassAnnotation}) {
      DataElement E;
      E.Kind = K;
      E.Origin = O;
      F.Elements.push_back(E);
    }
  FunctionAnnotations &Ann = F.Annotated["u"];
  for (AnnotationKind K :
       {AnnotationKind::Data, AnnotationKind::Subject, AnnotationKind::Sink,
        AnnotationKind::Transform, AnnotationKind::Activity, AnnotationKind::ConsentCheck}) {
    ParsedAnnotation A;
    A.Kind = K;
    Ann.Annotations.push_back(A);
  }
  for (SinkKind K : {SinkKind::Log, SinkKind::Export, SinkKind::Storage, SinkKind::ThirdParty,
                     SinkKind::InternalService}) {
    ParsedAnnotation A;
    A.Sink.Kind = K;
    Ann.Annotations.push_back(A);
  }
  for (Safeguard G : {Safeguard::Unspecified, Safeguard::Adequacy, Safeguard::Dpf, Safeguard::Scc,
                      Safeguard::Bcr, Safeguard::Derogation, Safeguard::None}) {
    ParsedAnnotation A;
    A.Sink.Guard = G;
    Ann.Annotations.push_back(A);
  }
  for (ModelOrigin O : {ModelOrigin::Builtin, ModelOrigin::Config, ModelOrigin::Annotation}) {
    ParsedAnnotation A;
    A.Sink.Origin = O;
    Ann.Annotations.push_back(A);
  }
  for (TransformEffect T : {TransformEffect::Pseudonymize, TransformEffect::Anonymize,
                            TransformEffect::Encrypt, TransformEffect::Redact}) {
    ParsedAnnotation A;
    A.Effect = T;
    Ann.Annotations.push_back(A);
  }
  for (Severity S : {Severity::Note, Severity::Warning, Severity::Error}) {
    Diagnostic D;
    D.Sev = S;
    F.Diags.push_back(D);
  }
  for (bool Encrypted : {true, false}) {
    ParsedAnnotation A;
    A.Sink.Encrypted = Encrypted;
    Ann.Annotations.push_back(A);
  }
  expectSame(F, roundTrip(F));
}

TEST(FactsIOTest, LeavesDefaultMembersOut) {
  const std::string Version = std::to_string(FactsFormatVersion);
  EXPECT_EQ(writeFacts(TUFacts{}), R"({"format":"pdflow-facts","version":)" + Version + "}");

  TUFacts F;
  F.MainFile = "a.cpp";
  DataElement E;
  E.Id = "e1";
  E.QualifiedName = "a::x";
  E.Loc = {"a.cpp", 3, 7};
  E.Spec.Category = "contact.email";
  F.Elements = {E};
  FunctionFacts Fn;
  Fn.Usr = "c:@F@f#";
  Fn.Returns = {origin(OriginKind::Param, "", 1)};
  F.Functions = {Fn};
  EXPECT_EQ(writeFacts(F),
            R"({"elements":[{"id":"e1","loc":["a.cpp",3,7],"qualified":"a::x",)"
            R"("spec":{"category":"contact.email"}}],"format":"pdflow-facts",)"
            R"("functions":[{"returns":[{"index":1,"kind":"param"}],"usr":"c:@F@f#"}],)"
            R"("main":"a.cpp","version":)" +
                Version + "}");
}

TEST(FactsIOTest, KeepsEmptyArgumentValuesInPlace) {
  TUFacts F;
  FunctionFacts Fn;
  CallSite C;
  C.Args = {{}, {origin(OriginKind::Element, "e1")}};
  Fn.Calls = {C};
  F.Functions = {Fn};
  TUFacts Read = roundTrip(F);
  ASSERT_EQ(Read.Functions.size(), 1u);
  ASSERT_EQ(Read.Functions[0].Calls.size(), 1u);
  EXPECT_EQ(Read.Functions[0].Calls[0].Args, C.Args);
}

TEST(FactsIOTest, RejectsAnotherVersion) {
  TUFacts Read;
  Read.MainFile = "untouched.cpp";
  std::string Error;
  const std::string Next = std::to_string(FactsFormatVersion + 1);
  EXPECT_FALSE(readFacts(R"({"format":"pdflow-facts","version":)" + Next + R"(,"main":"a.cpp"})",
                         Read, Error));
  EXPECT_EQ(Error, "facts format version " + Next + " is not supported (expected version " +
                       std::to_string(FactsFormatVersion) +
                       "); extract "
                       "the facts again");
  EXPECT_EQ(Read.MainFile, "untouched.cpp");

  EXPECT_FALSE(readFacts(R"({"format":"pdflow-facts","main":"a.cpp"})", Read, Error));
  EXPECT_EQ(Error, "facts file has no integer \"version\"");
}

TEST(FactsIOTest, RejectsAnotherFormat) {
  TUFacts Read;
  std::string Error;
  EXPECT_FALSE(readFacts(R"({"format":"sarif","version":1})", Read, Error));
  EXPECT_EQ(Error, "not a pdflow facts file: format is 'sarif', expected 'pdflow-facts'");
  EXPECT_FALSE(readFacts(R"({"version":1})", Read, Error));
  EXPECT_EQ(Error, "not a pdflow facts file: no \"format\": \"pdflow-facts\"");
  EXPECT_FALSE(readFacts(R"([1, 2])", Read, Error));
  EXPECT_EQ(Error, "not a pdflow facts file: expected a JSON object");
}

TEST(FactsIOTest, RejectsMalformedJson) {
  TUFacts Read;
  std::string Error;
  EXPECT_FALSE(
      readFacts(R"({"format":"pdflow-facts","version":)" + std::to_string(FactsFormatVersion) + ",",
                Read, Error));
  EXPECT_EQ(Error.rfind("malformed facts: [1:", 0), 0u) << Error;
  EXPECT_FALSE(readFacts("", Read, Error));
  EXPECT_EQ(Error.rfind("malformed facts: ", 0), 0u) << Error;
}

TEST(FactsIOTest, NamesThePathOfAWrongMember) {
  const std::string Head =
      R"({"format":"pdflow-facts","version":)" + std::to_string(FactsFormatVersion) + ",";
  struct Case {
    std::string Body;
    std::string Error;
  } Cases[] = {
      {R"("elements":[{"id":"e"},{"loc":["a.cpp","3",1]}]})",
       "invalid facts: expected an integer at facts.elements[1].loc[1]"},
      {R"("elements":[{"loc":["a.cpp",-3,1]}]})",
       "invalid facts: integer out of range at facts.elements[0].loc[1]"},
      {R"("elements":[{"loc":["a.cpp",3]}]})",
       "invalid facts: expected [file, line, column] at facts.elements[0].loc"},
      {R"("elements":[{"kind":"method"}]})",
       "invalid facts: unknown enumerator at facts.elements[0].kind"},
      {R"("elements":[{"colour":"red"}]})",
       "invalid facts: unknown key at facts.elements[0].colour"},
      {R"("functions":[{"calls":[{"strings":{"x":"a"}}]}]})",
       "invalid facts: expected an integer key at facts.functions[0].calls[0].strings.x"},
      {R"("functions":[{"returns":[{"transforms":256}]}]})",
       "invalid facts: integer out of range at facts.functions[0].returns[0].transforms"},
      {R"("records":{"A":{"bases":"B"}}})",
       "invalid facts: expected an array at facts.records.A.bases"},
      {R"("outcome":true})", "invalid facts: expected a string at facts.outcome"},
      {R"("outcome":"exploded"})", "invalid facts: unknown enumerator at facts.outcome"},
      {R"("functions":[{"calls":[{"virtual":1}]}]})",
       "invalid facts: expected a boolean at facts.functions[0].calls[0].virtual"},
      {R"("main":null})", "invalid facts: expected a string at facts.main"},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.Body);
    TUFacts Read;
    std::string Error;
    EXPECT_FALSE(readFacts(Head + C.Body, Read, Error));
    EXPECT_EQ(Error, C.Error);
  }
}

TEST(FactsIOTest, SurvivesEveryTruncation) {
  std::string Text = writeFacts(fullFacts());
  for (size_t Length = 0; Length < Text.size(); ++Length) {
    TUFacts Read;
    std::string Error;
    EXPECT_FALSE(readFacts(Text.substr(0, Length), Read, Error)) << Length;
    EXPECT_FALSE(Error.empty());
  }
}

TEST(FactsIOTest, ReplacesInvalidUtf8InsteadOfFailing) {
  TUFacts F;
  F.MainFile = "caf\xe9.cpp"; // Latin-1
  TUFacts Read = roundTrip(F);
  EXPECT_EQ(Read.MainFile, "caf\xef\xbf\xbd.cpp"); // U+FFFD
}

} // namespace

TEST(FactsProjectionTest, ReadingAMemberDropsWholeObjectsAndOtherMembers) {
  Origin Whole = origin(OriginKind::ObjectType, "shop::Customer");
  EXPECT_FALSE(projectOrigin(Whole, "email"));

  Origin AtShipTo = origin(OriginKind::Element, "e.address");
  AtShipTo.At = "shipTo";
  Origin Other = AtShipTo;
  EXPECT_FALSE(projectOrigin(Other, "items")); // stored at another member
  Origin Same = AtShipTo;
  ASSERT_TRUE(projectOrigin(Same, "shipTo"));
  EXPECT_EQ(Same.At, "");

  Origin Deep = origin(OriginKind::Element, "e.city");
  Deep.At = "shipTo.city";
  ASSERT_TRUE(projectOrigin(Deep, "shipTo"));
  EXPECT_EQ(Deep.At, "city");

  Origin Parent = origin(OriginKind::Element, "e.address");
  Parent.At = "shipTo";
  EXPECT_TRUE(projectOrigin(Parent, "shipTo.city")); // inside what was stored
}

TEST(FactsProjectionTest, SymbolicOriginsRememberTheMemberForLater) {
  Origin P = origin(OriginKind::Param, "", 0);
  ASSERT_TRUE(projectOrigin(P, "body"));
  EXPECT_TRUE(P.Projected);
  EXPECT_EQ(P.Via, "body");
  Origin E = origin(OriginKind::Element, "e.email");
  ASSERT_TRUE(projectOrigin(E, "body"));
  EXPECT_FALSE(E.Projected); // an element is what it is, whatever it is read through
}

TEST(FactsWideningTest, ManyPathsOfOneSourceBecomeTheirCommonPath) {
  Value V;
  for (size_t I = 0; I <= MaxPathsPerSource; ++I) {
    Origin O = Origin::global("c:@ServerInstance");
    O.Projected = true;
    O.Via = "Config.m" + std::to_string(I);
    V.push_back(O);
  }
  V.push_back(Origin::element("e.nick"));
  ASSERT_TRUE(widenValue(V));
  ASSERT_EQ(V.size(), 2u);
  EXPECT_EQ(V[0].Ref, "c:@ServerInstance");
  EXPECT_TRUE(V[0].Projected);
  EXPECT_EQ(V[0].Via, "Config"); // stands for every member of Config read
  EXPECT_EQ(V[1].Ref, "e.nick");
}

TEST(FactsWideningTest, PathsWithNothingInCommonBecomeTheWholeSource) {
  Value V;
  for (size_t I = 0; I <= MaxPathsPerSource; ++I) {
    Origin O = Origin::param(0);
    O.Projected = true;
    O.Via = "m" + std::to_string(I);
    O.At = I % 2 ? "x.a" : "x.b";
    V.push_back(O);
  }
  ASSERT_TRUE(widenValue(V));
  ASSERT_EQ(V.size(), 1u);
  EXPECT_FALSE(V[0].Projected);
  EXPECT_EQ(V[0].Via, "");
  EXPECT_EQ(V[0].At, "x");
}

TEST(FactsWideningTest, PathsUnderDifferentTopMembersStayApart) {
  // A server object holding its users and its configuration: widening its
  // many member paths must not let a read of the configuration receive the
  // users' data.
  Value V;
  for (size_t I = 0; I <= MaxPathsPerSource; ++I) {
    Origin O = Origin::element("e.nick");
    O.At = (I % 2 ? "users.list.m" : "config.tls.m") + std::to_string(I);
    V.push_back(O);
  }
  ASSERT_TRUE(widenValue(V));
  ASSERT_EQ(V.size(), 2u);
  EXPECT_EQ(V[0].At, "config.tls");
  EXPECT_EQ(V[1].At, "users.list");
  Origin Config = V[0];
  EXPECT_TRUE(projectOrigin(Config, "config"));
  Origin Users = V[1];
  EXPECT_FALSE(projectOrigin(Users, "config"));
}

TEST(FactsWideningTest, ManySourcesAreKeptApart) {
  Value V;
  for (size_t I = 0; I <= 2 * MaxPathsPerSource; ++I)
    V.push_back(Origin::element("e" + std::to_string(I)));
  EXPECT_FALSE(widenValue(V));
  EXPECT_EQ(V.size(), 2 * MaxPathsPerSource + 1);
}
