#include "pdflow/report/Report.h"

#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

DataElement element(std::string Id, std::string Name, SourceLoc Loc, DataSpec Spec,
                    AnnotationOrigin Origin = AnnotationOrigin::Code) {
  DataElement E;
  E.Id = std::move(Id);
  E.QualifiedName = std::move(Name);
  E.Type = "std::string";
  E.Loc = std::move(Loc);
  E.Spec = std::move(Spec);
  E.Origin = Origin;
  return E;
}

/// Three elements in two files; Elements sorted by id as the Model requires,
/// which is not their order by location.
Model shopModel() {
  Model M;
  DataElement Allergies = element(
      "e.allergies", "shop::Customer::allergies", {"src/Customer.h", 14, 3},
      {"special.health", "customer", {}, "", "intake form"}, AnnotationOrigin::ClassAnnotation);
  DataElement Email = element("e.email", "shop::Customer::email", {"src/Customer.h", 12, 3},
                              {"contact.email", "customer", {"billing", "support"}, "P3Y", ""});
  Email.AnnotationLoc = {"src/Customer.h", 11, 3};
  DataElement Ip = element("e.ip", "net::Session::peerAddress()", {"src/Net.h", 4, 15},
                           {"online.ip_address", "", {}, "", ""}, AnnotationOrigin::SideAnnotation);
  Ip.Kind = ElementKind::Return;
  Ip.AnnotationLoc = {".pdflow.yaml", 30, 5};
  M.Elements = {Allergies, Email, Ip};
  return M;
}

Flow logFlow() {
  Flow F;
  F.ElementId = "e.email";
  F.SinkLoc = {"src/Billing.cpp", 40, 5};
  F.Function = "shop::Billing::run";
  F.Sink.Function = "spdlog::info";
  F.Sink.Kind = SinkKind::Log;
  F.Steps = {{{"src/Billing.cpp", 38, 20}, "read 'c.email'"},
             {{"src/Billing.cpp", 40, 5}, "passed as argument 1 of 'spdlog::info'"}};
  F.Activities = {"billing"};
  return F;
}

Flow paymentFlow() {
  Flow F;
  F.ElementId = "e.email";
  F.SinkLoc = {"src/Billing.cpp", 52, 3};
  F.Function = "shop::Billing::charge";
  F.Sink.Function = "shop::PaymentGateway::charge";
  F.Sink.Kind = SinkKind::ThirdParty;
  F.Sink.Recipient = "Stripe";
  F.Sink.Country = "US";
  F.Sink.Guard = Safeguard::Dpf;
  F.Sink.Accepts = {"financial.payment_card"};
  F.Steps = {
      {{"src/Billing.cpp", 50, 10}, "read 'customer'"},
      {{"src/Billing.cpp", 52, 3}, "passed as argument 1 of 'shop::PaymentGateway::charge'"}};
  F.Transforms = {TransformEffect::Pseudonymize, TransformEffect::Redact};
  F.WholeObject = true;
  F.Activities = {"billing", "marketing"};
  F.ConsentPurposes = {"marketing"};
  return F;
}

/// Shares the log call of logFlow(): orders after it by element id.
Flow ipFlow() {
  Flow F;
  F.ElementId = "e.ip";
  F.SinkLoc = {"src/Billing.cpp", 40, 5};
  F.Function = "shop::Billing::run";
  F.Sink.Function = "spdlog::info";
  F.Steps = {{{"src/Billing.cpp", 39, 7}, "read 'session.peerAddress()'"}};
  F.Transforms = {TransformEffect::Redact};
  return F;
}

/// An element the model does not know, to a plaintext partner.
Flow unknownElementFlow() {
  Flow F;
  F.ElementId = "e.gone";
  F.SinkLoc = {"src/Sync.cpp", 9, 3};
  F.Sink.Function = "legacy::httpPost";
  F.Sink.Kind = SinkKind::ThirdParty;
  F.Sink.Recipient = "Partner";
  F.Sink.Country = "FR";
  F.Sink.Encrypted = false;
  return F;
}

Diagnostic diag(Severity Sev, SourceLoc Loc, std::string Message, std::string Rule = {}) {
  Diagnostic D;
  D.Sev = Sev;
  D.Loc = std::move(Loc);
  D.Message = std::move(Message);
  D.Rule = std::move(Rule);
  return D;
}

//===----------------------------------------------------------------------===//
// Model
//===----------------------------------------------------------------------===//

TEST(ReportModelTest, FindsElementsById) {
  Model M = shopModel();
  ASSERT_NE(M.element("e.email"), nullptr);
  EXPECT_EQ(M.element("e.email")->QualifiedName, "shop::Customer::email");
  EXPECT_EQ(M.element("e.allergies")->QualifiedName, "shop::Customer::allergies");
  EXPECT_EQ(M.element("e.ip")->QualifiedName, "net::Session::peerAddress()");
  EXPECT_EQ(M.element("e.gone"), nullptr);
  EXPECT_EQ(M.element(""), nullptr);
  EXPECT_EQ(Model().element("e.email"), nullptr);
}

TEST(ReportModelTest, NamesKindsAndOrigins) {
  EXPECT_STREQ(elementKindName(ElementKind::Field), "field");
  EXPECT_STREQ(elementKindName(ElementKind::Variable), "variable");
  EXPECT_STREQ(elementKindName(ElementKind::Parameter), "parameter");
  EXPECT_STREQ(elementKindName(ElementKind::Return), "return");
  EXPECT_STREQ(elementKindName(ElementKind::Class), "class");
  EXPECT_STREQ(annotationOriginName(AnnotationOrigin::Code), "code");
  EXPECT_STREQ(annotationOriginName(AnnotationOrigin::SideAnnotation), "config");
  EXPECT_STREQ(annotationOriginName(AnnotationOrigin::ClassAnnotation), "class");
}

//===----------------------------------------------------------------------===//
// Inventory
//===----------------------------------------------------------------------===//

TEST(ReportInventoryTest, TextListsElementsByLocation) {
  EXPECT_EQ(renderInventoryText(shopModel()),
            "src/Customer.h:12:3: shop::Customer::email contact.email subject=customer "
            "purposes=billing,support retention=P3Y (code)\n"
            "src/Customer.h:14:3: shop::Customer::allergies special.health subject=customer "
            "source=intake form (class)\n"
            "src/Net.h:4:15: net::Session::peerAddress() online.ip_address (config)\n"
            "3 data elements in 2 files\n");
}

TEST(ReportInventoryTest, TextSummaryIsSingularForOne) {
  Model M;
  M.Elements = {element("e", "g::token", {"a.cpp", 1, 13}, {"credentials.token", "", {}, "", ""})};
  EXPECT_EQ(renderInventoryText(M), "a.cpp:1:13: g::token credentials.token (code)\n"
                                    "1 data element in 1 file\n");
  EXPECT_EQ(renderInventoryText(Model()), "0 data elements in 0 files\n");
}

TEST(ReportInventoryTest, JsonHasEveryFieldOfOneElement) {
  Model M;
  M.Elements = shopModel().Elements;
  M.Elements.erase(M.Elements.begin()); // keep e.email and e.ip
  EXPECT_EQ(renderInventoryJson(M), R"json({
  "elements": [
    {
      "annotation": {
        "column": 3,
        "file": "src/Customer.h",
        "line": 11
      },
      "category": "contact.email",
      "column": 3,
      "confidence": null,
      "file": "src/Customer.h",
      "id": "e.email",
      "kind": "field",
      "line": 12,
      "name": "shop::Customer::email",
      "origin": "code",
      "purposes": [
        "billing",
        "support"
      ],
      "reason": null,
      "retention": "P3Y",
      "source": null,
      "subject": "customer",
      "type": "std::string"
    },
    {
      "annotation": {
        "column": 5,
        "file": ".pdflow.yaml",
        "line": 30
      },
      "category": "online.ip_address",
      "column": 15,
      "confidence": null,
      "file": "src/Net.h",
      "id": "e.ip",
      "kind": "return",
      "line": 4,
      "name": "net::Session::peerAddress()",
      "origin": "config",
      "purposes": [],
      "reason": null,
      "retention": null,
      "source": null,
      "subject": null,
      "type": "std::string"
    }
  ],
  "version": 2
}
)json");
}

TEST(ReportInventoryTest, JsonIsValidAndKeepsIdOrder) {
  std::string Text = renderInventoryJson(shopModel());
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Text);
  ASSERT_TRUE(static_cast<bool>(V)) << llvm::toString(V.takeError());
  const llvm::json::Array *Elements = V->getAsObject()->getArray("elements");
  ASSERT_NE(Elements, nullptr);
  ASSERT_EQ(Elements->size(), 3u);
  EXPECT_EQ((*Elements)[0].getAsObject()->getString("id"), "e.allergies");
  EXPECT_EQ((*Elements)[0].getAsObject()->get("annotation")->kind(), llvm::json::Value::Null);
  EXPECT_EQ((*Elements)[1].getAsObject()->getString("id"), "e.email");
  EXPECT_EQ((*Elements)[2].getAsObject()->getString("id"), "e.ip");
  EXPECT_EQ(renderInventoryJson(Model()), "{\n  \"elements\": [],\n  \"version\": 2\n}\n");
}

//===----------------------------------------------------------------------===//
// Flows
//===----------------------------------------------------------------------===//

TEST(ReportFlowsTest, TextShowsEachFlowSortedBySinkThenElement) {
  Model M = shopModel();
  M.Flows = {paymentFlow(), unknownElementFlow(), ipFlow(), logFlow()};
  EXPECT_EQ(renderFlowsText(M),
            "flow: shop::Customer::email (contact.email) -> log 'spdlog::info' at "
            "src/Billing.cpp:40:5\n"
            "  src/Billing.cpp:38:20: read 'c.email'\n"
            "  src/Billing.cpp:40:5: passed as argument 1 of 'spdlog::info'\n"
            "  transforms: none\n"
            "  activities: billing\n"
            "  consent: none\n"
            "flow: net::Session::peerAddress() (online.ip_address) -> log 'spdlog::info' at "
            "src/Billing.cpp:40:5\n"
            "  src/Billing.cpp:39:7: read 'session.peerAddress()'\n"
            "  transforms: redact\n"
            "  activities: none\n"
            "  consent: none\n"
            "flow: shop::Customer::email (contact.email) (whole object) -> third-party 'Stripe' "
            "(US, safeguard dpf) via 'shop::PaymentGateway::charge' at src/Billing.cpp:52:3\n"
            "  src/Billing.cpp:50:10: read 'customer'\n"
            "  src/Billing.cpp:52:3: passed as argument 1 of 'shop::PaymentGateway::charge'\n"
            "  transforms: pseudonymize, redact\n"
            "  activities: billing, marketing\n"
            "  consent: marketing\n"
            "flow: e.gone -> third-party 'Partner' (FR, unencrypted) via 'legacy::httpPost' at "
            "src/Sync.cpp:9:3\n"
            "  transforms: none\n"
            "  activities: none\n"
            "  consent: none\n");
}

TEST(ReportFlowsTest, TextIsEmptyWithoutFlows) { EXPECT_EQ(renderFlowsText(shopModel()), ""); }

//===----------------------------------------------------------------------===//
// Findings
//===----------------------------------------------------------------------===//

TEST(ReportFindingsTest, SummarisesLikeClang) {
  Diagnostic W =
      diag(Severity::Warning, {"a.cpp", 3, 5}, "personal data in log", "personal-data-in-logs");
  Diagnostic E = diag(Severity::Error, {"b.cpp", 1, 1}, "transfer to US", "third-country-transfer");
  Diagnostic N = diag(Severity::Note, {"c.cpp", 2, 2}, "a lone note");
  const std::string WText = "a.cpp:3:5: warning: personal data in log [personal-data-in-logs]\n";
  const std::string EText = "b.cpp:1:1: error: transfer to US [third-country-transfer]\n";
  const std::string NText = "c.cpp:2:2: note: a lone note\n";

  EXPECT_EQ(renderFindingsText({}, false), "");
  EXPECT_EQ(renderFindingsText({N}, false), NText);
  EXPECT_EQ(renderFindingsText({W}, false), WText + "1 warning generated.\n");
  EXPECT_EQ(renderFindingsText({W, W}, false), WText + WText + "2 warnings generated.\n");
  EXPECT_EQ(renderFindingsText({E}, false), EText + "1 error generated.\n");
  EXPECT_EQ(renderFindingsText({E, E}, false), EText + EText + "2 errors generated.\n");
  EXPECT_EQ(renderFindingsText({E, W, N, E}, false),
            EText + WText + NText + EText + "1 warning and 2 errors generated.\n");
  EXPECT_EQ(renderFindingsText({W, E, W}, false),
            WText + EText + WText + "2 warnings and 1 error generated.\n");
}

TEST(ReportFindingsTest, PrintsNotesUnderTheirFinding) {
  Diagnostic W =
      diag(Severity::Warning, {"src/Billing.cpp", 40, 5},
           "'shop::Customer::email' reaches log sink 'spdlog::info'", "personal-data-in-logs");
  W.Notes = {{{"src/Billing.cpp", 38, 20}, "read 'c.email'"}};
  EXPECT_EQ(renderFindingsText({W}, false),
            "src/Billing.cpp:40:5: warning: 'shop::Customer::email' reaches log sink "
            "'spdlog::info' [personal-data-in-logs]\n"
            "src/Billing.cpp:38:20: note: read 'c.email'\n"
            "1 warning generated.\n");
  std::string Colored = renderFindingsText({W}, true);
  EXPECT_NE(Colored.find("\033["), std::string::npos);
  EXPECT_EQ(Colored.substr(Colored.size() - 21), "1 warning generated.\n");
}

//===----------------------------------------------------------------------===//
// Scan JSON
//===----------------------------------------------------------------------===//

TEST(ReportScanJsonTest, RendersFlowsFindingsSuppressionsAndDiagnostics) {
  Model M;
  M.Elements = {shopModel().Elements[1]}; // e.email
  M.Flows = {paymentFlow()};

  Diagnostic Finding = diag(Severity::Warning, {"src/Billing.cpp", 52, 3},
                            "'shop::Customer' sent whole to 'Stripe'", "excess-to-sink");
  Finding.Notes = {{{"src/Billing.cpp", 50, 10}, "read 'customer'", /*Step=*/true}};
  Diagnostic Unannotated = diag(Severity::Warning, {"src/Lead.h", 5, 15},
                                "'phone' looks like personal data", "unannotated-personal-data");
  Unannotated.FixIts = {{{"src/Lead.h", 5, 3}, 0, "PDFLOW_DATA(contact.phone) "}};
  Diagnostic Hidden =
      diag(Severity::Error, {"src/Billing.cpp", 40, 5},
           "'shop::Customer::email' reaches log sink 'spdlog::info'", "personal-data-in-logs");
  Suppression By{{"src/Billing.cpp", 39, 3}, {"personal-data-in-logs"}, "audited"};
  Diagnostic Tool = diag(Severity::Error, {"src/Broken.cpp", 0, 0}, "file failed to parse");
  Suppression Stale{{"src/Lead.h", 9, 1}, {"excess-to-sink"}, ""};
  M.Suppressions = {By, Stale};

  Finding.Fingerprint = "0123abcd:1";
  Finding.Subject = {"shop::Customer", "shop::PaymentGateway::charge", "billing,marketing",
                     "shop::Billing::charge"};
  Finding.Notes.push_back({{"src/Customer.h", 12, 3}, "'shop::Customer' declared here"});
  ScanReport R;
  R.Findings = {Finding, Unannotated};
  R.Suppressed = {{Hidden, By}};
  R.ToolDiagnostics = {Tool};
  R.IncompleteFiles = {"src/Broken.cpp"};
  EXPECT_EQ(renderScanJson(M, R), R"json({
  "baseline": null,
  "diagnostics": [
    {
      "column": null,
      "file": "src/Broken.cpp",
      "fingerprint": null,
      "fixits": [],
      "line": null,
      "message": "file failed to parse",
      "notes": [],
      "rule": null,
      "severity": "error",
      "subject": null
    }
  ],
  "elements": [
    {
      "annotation": {
        "column": 3,
        "file": "src/Customer.h",
        "line": 11
      },
      "category": "contact.email",
      "column": 3,
      "confidence": null,
      "file": "src/Customer.h",
      "id": "e.email",
      "kind": "field",
      "line": 12,
      "name": "shop::Customer::email",
      "origin": "code",
      "purposes": [
        "billing",
        "support"
      ],
      "reason": null,
      "retention": "P3Y",
      "source": null,
      "subject": "customer",
      "type": "std::string"
    }
  ],
  "findings": [
    {
      "column": 3,
      "file": "src/Billing.cpp",
      "fingerprint": "0123abcd:1",
      "fixits": [],
      "line": 52,
      "message": "'shop::Customer' sent whole to 'Stripe'",
      "notes": [
        {
          "column": 10,
          "file": "src/Billing.cpp",
          "line": 50,
          "message": "read 'customer'",
          "step": true
        },
        {
          "column": 3,
          "file": "src/Customer.h",
          "line": 12,
          "message": "'shop::Customer' declared here",
          "step": false
        }
      ],
      "rule": "excess-to-sink",
      "severity": "warning",
      "subject": {
        "activity": "billing,marketing",
        "element": "shop::Customer",
        "function": "shop::Billing::charge",
        "sink": "shop::PaymentGateway::charge"
      }
    },
    {
      "column": 15,
      "file": "src/Lead.h",
      "fingerprint": null,
      "fixits": [
        {
          "column": 3,
          "file": "src/Lead.h",
          "length": 0,
          "line": 5,
          "replacement": "PDFLOW_DATA(contact.phone) "
        }
      ],
      "line": 5,
      "message": "'phone' looks like personal data",
      "notes": [],
      "rule": "unannotated-personal-data",
      "severity": "warning",
      "subject": null
    }
  ],
  "flows": [
    {
      "activities": [
        "billing",
        "marketing"
      ],
      "category": "contact.email",
      "consent": [
        "marketing"
      ],
      "element": "shop::Customer::email",
      "element_id": "e.email",
      "function": "shop::Billing::charge",
      "inferred": false,
      "location": {
        "column": 3,
        "file": "src/Billing.cpp",
        "line": 52
      },
      "sink": {
        "accepts": [
          "financial.payment_card"
        ],
        "country": "US",
        "encrypted": null,
        "function": "shop::PaymentGateway::charge",
        "kind": "third-party",
        "recipient": "Stripe",
        "safeguard": "dpf"
      },
      "steps": [
        {
          "column": 10,
          "file": "src/Billing.cpp",
          "line": 50,
          "what": "read 'customer'"
        },
        {
          "column": 3,
          "file": "src/Billing.cpp",
          "line": 52,
          "what": "passed as argument 1 of 'shop::PaymentGateway::charge'"
        }
      ],
      "transforms": [
        "pseudonymize",
        "redact"
      ],
      "whole_object": true
    }
  ],
  "incomplete": [
    "src/Broken.cpp"
  ],
  "new_since": null,
  "suppressed": [
    {
      "column": 5,
      "file": "src/Billing.cpp",
      "fingerprint": null,
      "fixits": [],
      "line": 40,
      "message": "'shop::Customer::email' reaches log sink 'spdlog::info'",
      "notes": [],
      "rule": "personal-data-in-logs",
      "severity": "error",
      "subject": null,
      "suppression": {
        "file": "src/Billing.cpp",
        "line": 39,
        "reason": "audited",
        "rules": [
          "personal-data-in-logs"
        ]
      }
    }
  ],
  "suppressions": [
    {
      "file": "src/Billing.cpp",
      "line": 39,
      "reason": "audited",
      "rules": [
        "personal-data-in-logs"
      ]
    },
    {
      "file": "src/Lead.h",
      "line": 9,
      "reason": null,
      "rules": [
        "excess-to-sink"
      ]
    }
  ],
  "version": 3
}
)json");
}

TEST(ReportScanJsonTest, SortsFlowsAndMarksUnknowns) {
  Model M = shopModel();
  M.Flows = {unknownElementFlow(), ipFlow(), logFlow()};
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(renderScanJson(M, ScanReport()));
  ASSERT_TRUE(static_cast<bool>(V)) << llvm::toString(V.takeError());
  const llvm::json::Array &Flows = *V->getAsObject()->getArray("flows");
  ASSERT_EQ(Flows.size(), 3u);
  EXPECT_EQ(Flows[0].getAsObject()->getString("element"), "shop::Customer::email");
  EXPECT_EQ(Flows[0].getAsObject()->getString("element_id"), "e.email");
  EXPECT_EQ(Flows[1].getAsObject()->getString("element"), "net::Session::peerAddress()");
  EXPECT_EQ(Flows[1].getAsObject()->getString("element_id"), "e.ip");
  const llvm::json::Object &Gone = *Flows[2].getAsObject();
  EXPECT_EQ(Gone.get("element")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(Gone.getString("element_id"), "e.gone");
  EXPECT_EQ(Gone.get("category")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(Gone.get("function")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(Gone.getObject("sink")->getBoolean("encrypted"), false);
  EXPECT_EQ(Gone.getObject("sink")->get("safeguard")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(Gone.getArray("steps")->size(), 0u);
  EXPECT_EQ(V->getAsObject()->getArray("findings")->size(), 0u);
  EXPECT_EQ(V->getAsObject()->getArray("suppressed")->size(), 0u);
  EXPECT_EQ(V->getAsObject()->getArray("diagnostics")->size(), 0u);
  EXPECT_EQ(V->getAsObject()->getArray("incomplete")->size(), 0u);
  EXPECT_EQ(V->getAsObject()->get("baseline")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(V->getAsObject()->get("new_since")->kind(), llvm::json::Value::Null);
}

TEST(ReportScanJsonTest, SaysWhatIsInferredAndWhy) {
  Model M = shopModel();
  DataElement Guess = element("e.guess", "app::login(password)", {"src/App.cpp", 3, 30},
                              {"credentials.password", "", {}, "", ""}, AnnotationOrigin::Inferred);
  Guess.Kind = ElementKind::Parameter;
  Guess.Inferred = {75, "name has 'password'", {"src/App.cpp", 3, 12}};
  M.Elements.insert(M.Elements.begin() + 2, Guess); // sorted by id: after e.email
  Flow Leak = logFlow();
  Leak.ElementId = "e.guess";
  M.Flows = {logFlow(), Leak};
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(renderScanJson(M, ScanReport()));
  ASSERT_TRUE(static_cast<bool>(V)) << llvm::toString(V.takeError());
  const llvm::json::Array &Elements = *V->getAsObject()->getArray("elements");
  ASSERT_EQ(Elements.size(), 4u);
  const llvm::json::Object &Inferred = *Elements[2].getAsObject();
  EXPECT_EQ(Inferred.getString("origin"), "inferred");
  EXPECT_EQ(Inferred.getString("kind"), "parameter");
  EXPECT_EQ(Inferred.getInteger("confidence"), 75);
  EXPECT_EQ(Inferred.getString("reason"), "name has 'password'");
  const llvm::json::Object &Annotated = *Elements[1].getAsObject();
  EXPECT_EQ(Annotated.get("confidence")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(Annotated.get("reason")->kind(), llvm::json::Value::Null);
  const llvm::json::Array &Flows = *V->getAsObject()->getArray("flows");
  ASSERT_EQ(Flows.size(), 2u);
  EXPECT_EQ(Flows[0].getAsObject()->getBoolean("inferred"), false);
  EXPECT_EQ(Flows[1].getAsObject()->getBoolean("inferred"), true);
}

TEST(ReportScanJsonTest, RendersTheBaselineAndNewSinceSummaries) {
  ScanReport R;
  R.Baseline = BaselineReport{
      "pdflow-baseline.json", 3, {{"ab:1", "excess-to-sink", "warning", "src/Old.cpp", 7, "gone"}}};
  R.NewSince = NewSinceReport{"origin/main", 4};
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(renderScanJson(Model(), R));
  ASSERT_TRUE(static_cast<bool>(V)) << llvm::toString(V.takeError());
  const llvm::json::Object &Baseline = *V->getAsObject()->getObject("baseline");
  EXPECT_EQ(Baseline.getString("file"), "pdflow-baseline.json");
  EXPECT_EQ(Baseline.getInteger("known"), 3);
  ASSERT_EQ(Baseline.getArray("stale")->size(), 1u);
  const llvm::json::Object &Stale = *(*Baseline.getArray("stale"))[0].getAsObject();
  EXPECT_EQ(Stale.getString("fingerprint"), "ab:1");
  EXPECT_EQ(Stale.getString("file"), "src/Old.cpp");
  EXPECT_EQ(Stale.getInteger("line"), 7);
  const llvm::json::Object &NewSince = *V->getAsObject()->getObject("new_since");
  EXPECT_EQ(NewSince.getString("revision"), "origin/main");
  EXPECT_EQ(NewSince.getInteger("hidden"), 4);
}

TEST(ReportIncompleteTest, NamesEachFileInClangsFormat) {
  EXPECT_EQ(renderIncompleteText({}, false), "");
  EXPECT_EQ(renderIncompleteText({"src/a.cpp", "src/b.cpp"}, false),
            "src/a.cpp: error: analysis incomplete: this file was not analysed (it failed to "
            "parse, timed out or crashed the analysis), so its flows and findings are missing "
            "from this report\n"
            "src/b.cpp: error: analysis incomplete: this file was not analysed (it failed to "
            "parse, timed out or crashed the analysis), so its flows and findings are missing "
            "from this report\n");
}

TEST(ReportScanJsonTest, EscapesInvalidUtf8) {
  // Valid JSON, and the bytes can be read back: "\xe9" (JSON-encoded), not
  // U+FFFD.
  Diagnostic D = diag(Severity::Warning, {"caf\xe9.cpp", 1, 1}, "'caf\xe9' logged", "r");
  ScanReport R;
  R.Findings = {D};
  std::string Text = renderScanJson(Model(), R);
  EXPECT_NE(Text.find(R"("file": "caf\\xe9.cpp")"), std::string::npos) << Text;
  EXPECT_NE(Text.find(R"("message": "'caf\\xe9' logged")"), std::string::npos) << Text;
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  EXPECT_TRUE(static_cast<bool>(Parsed)) << Text;
  llvm::consumeError(Parsed.takeError());
}

} // namespace
