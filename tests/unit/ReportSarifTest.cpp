// SARIF output: the rule table, results with code flows, suppressions,
// incomplete analyses and GitHub's limits.
#include "pdflow/report/ReportSarif.h"

#include "pdflow/rules/RuleInfo.h"

#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

using namespace pdflow;
namespace json = llvm::json;

namespace {

Diagnostic logFinding() {
  Diagnostic D;
  D.Sev = Severity::Warning;
  D.Loc = {"src/Billing.cpp", 40, 5};
  D.Rule = "personal-data-in-logs";
  D.Message = "personal data 'contact.email' (shop::Customer::email) reaches log sink "
              "'spdlog::info' unredacted";
  D.Notes = {{{"src/Billing.cpp", 38, 20}, "read 'c.email'", true},
             {{"src/Billing.cpp", 40, 5}, "passed as argument 2 of 'spdlog::info'", true},
             {{"src/Customer.h", 12, 15}, "'shop::Customer::email' declared here as contact.email"},
             {{".pdflow.yaml", 30, 5}, "declared by this side annotation"}};
  D.Fingerprint = "00112233445566778899aabbccddeeff:1";
  return D;
}

/// The document, its run, and the run's results.
struct Sarif {
  json::Value Doc = nullptr;
  const json::Object &run() const {
    return *(*Doc.getAsObject()->getArray("runs"))[0].getAsObject();
  }
  const json::Array &results() const { return *run().getArray("results"); }
  const json::Object &result(size_t I) const { return *results()[I].getAsObject(); }
  const json::Object &invocation() const {
    return *(*run().getArray("invocations"))[0].getAsObject();
  }
  const json::Array &rules() const {
    return *run().getObject("tool")->getObject("driver")->getArray("rules");
  }
};

Sarif render(const ScanReport &R, const SarifOptions &O = {}, const Model &M = Model()) {
  std::string Text = renderScanSarif(M, R, O);
  llvm::Expected<json::Value> V = json::parse(Text);
  EXPECT_TRUE(static_cast<bool>(V)) << llvm::toString(V.takeError());
  Sarif S;
  if (V)
    S.Doc = std::move(*V);
  return S;
}

std::string uriOf(const json::Object &Location) {
  return Location.getObject("physicalLocation")
      ->getObject("artifactLocation")
      ->getString("uri")
      ->str();
}

TEST(ReportSarifTest, IsSarif210WithOneRun) {
  Sarif S = render(ScanReport());
  const json::Object &Doc = *S.Doc.getAsObject();
  EXPECT_EQ(Doc.getString("version"), "2.1.0");
  EXPECT_TRUE(Doc.getString("$schema")->ends_with("sarif-schema-2.1.0.json"));
  EXPECT_EQ(Doc.getArray("runs")->size(), 1u);
  EXPECT_EQ(S.results().size(), 0u);
  EXPECT_EQ(S.invocation().getBoolean("executionSuccessful"), true);
  EXPECT_EQ(S.run().get("originalUriBaseIds"), nullptr);
}

TEST(ReportSarifTest, MarksResultsOnInferredData) {
  Model M;
  DataElement Guess;
  Guess.Id = "e.guess";
  Guess.QualifiedName = "app::login(password)";
  Guess.Origin = AnnotationOrigin::Inferred;
  DataElement Annotated;
  Annotated.Id = "e.email";
  Annotated.QualifiedName = "shop::Customer::email";
  M.Elements = {Annotated, Guess};
  ScanReport R;
  R.Findings = {logFinding(), logFinding()};
  R.Findings[0].Subject = {"shop::Customer::email", "spdlog::info", "", "shop::Billing::run"};
  R.Findings[1].Subject = {"app::login(password)", "spdlog::info", "", "app::login"};
  Sarif S = render(R, {}, M);
  ASSERT_EQ(S.results().size(), 2u);
  EXPECT_EQ(S.result(0).get("properties"), nullptr);
  ASSERT_NE(S.result(1).getObject("properties"), nullptr);
  EXPECT_EQ(S.result(1).getObject("properties")->getBoolean("inferred"), true);
}

TEST(ReportSarifTest, ListsEveryRuleWithItsDocsAndGdprTags) {
  SarifOptions O;
  O.DocsBaseUrl = "https://example.org/pdflow/blob/v1/";
  Sarif S = render(ScanReport(), O);
  ASSERT_EQ(S.rules().size(), allRules().size());
  for (size_t I = 0; I < allRules().size(); ++I) {
    const RuleInfo &Info = allRules()[I];
    const json::Object &R = *S.rules()[I].getAsObject();
    EXPECT_EQ(R.getString("id"), llvm::StringRef(Info.Name));
    EXPECT_FALSE(R.getString("name")->empty());
    EXPECT_TRUE(R.getObject("shortDescription")->getString("text")->ends_with("."));
    llvm::StringRef Full = *R.getObject("fullDescription")->getString("text");
    EXPECT_FALSE(Full.empty());
    EXPECT_FALSE(Full.contains('\n')) << Full.str();
    EXPECT_EQ(R.getObject("help")->getString("markdown"), llvm::StringRef(ruleDocs(Info.Name)))
        << Info.Name;
    EXPECT_FALSE(R.getObject("help")->getString("text")->contains("```"));
    EXPECT_EQ(R.getString("helpUri"),
              llvm::StringRef("https://example.org/pdflow/blob/v1/docs/rules/" +
                              std::string(Info.Name) + ".md"));
    EXPECT_EQ(R.getObject("defaultConfiguration")->getString("level"),
              llvm::StringRef(severityName(Info.DefaultSeverity)));
    const json::Object &Props = *R.getObject("properties");
    EXPECT_LE(Props.getArray("tags")->size(), 20u);
    bool Security = false;
    for (const json::Value &T : *Props.getArray("tags"))
      Security = Security || T.getAsString() == "security";
    EXPECT_EQ(Security, !Info.Article.empty()) << Info.Name;
    EXPECT_EQ(Props.get("security-severity") != nullptr, !Info.Article.empty()) << Info.Name;
  }
  const json::Object &Logs = *S.rules()[5].getAsObject();
  ASSERT_EQ(Logs.getString("id"), "personal-data-in-logs");
  EXPECT_EQ(Logs.getString("name"), "PersonalDataInLogs");
  EXPECT_EQ(Logs.getObject("shortDescription")->getString("text"),
            "Personal data reaches a log sink without being redacted, pseudonymized or "
            "anonymized.");
  EXPECT_TRUE(Logs.getObject("fullDescription")
                  ->getString("text")
                  ->starts_with("Every flow whose sink is of kind log (spdlog, glog, std::cerr,"));
  EXPECT_EQ(Logs.getObject("properties")->getString("security-severity"), "5.0");
  std::vector<std::string> Tags;
  for (const json::Value &T : *Logs.getObject("properties")->getArray("tags"))
    Tags.push_back(T.getAsString()->str());
  EXPECT_EQ(Tags, (std::vector<std::string>{"privacy", "gdpr", "security", "gdpr/art-5(1)(f)",
                                            "gdpr/art-32"}));
}

TEST(ReportSarifTest, RuleLevelsFollowTheConfig) {
  Config Cfg;
  Cfg.Rules["personal-data-in-logs"].Sev = Severity::Error;
  Cfg.Rules["excess-to-sink"].Enabled = false;
  Model M;
  M.Cfg = &Cfg;
  Sarif S = render(ScanReport(), {}, M);
  for (const json::Value &V : S.rules()) {
    const json::Object &R = *V.getAsObject();
    const json::Object &C = *R.getObject("defaultConfiguration");
    if (R.getString("id") == "personal-data-in-logs") {
      EXPECT_EQ(C.getString("level"), "error");
      EXPECT_EQ(R.getObject("properties")->getString("security-severity"), "7.5");
    }
    if (R.getString("id") == "excess-to-sink")
      EXPECT_EQ(C.getBoolean("enabled"), false);
    else
      EXPECT_EQ(C.get("enabled"), nullptr);
    EXPECT_EQ(R.get("helpUri"), nullptr); // no docs URL configured
  }
}

TEST(ReportSarifTest, AResultCarriesItsFlowRelatedPlacesAndFingerprints) {
  ScanReport R;
  R.Findings = {logFinding()};
  SarifOptions O;
  O.SourceRoot = "/home/ci/my repo";
  O.LineHashes["src/Billing.cpp"] = std::vector<std::string>(40, "");
  O.LineHashes["src/Billing.cpp"][39] = "5d8f2b2c0ffee:1";
  Sarif S = render(R, O);
  ASSERT_EQ(S.results().size(), 1u);
  const json::Object &Res = S.result(0);
  EXPECT_EQ(Res.getString("ruleId"), "personal-data-in-logs");
  EXPECT_EQ(Res.getInteger("ruleIndex"), 5);
  EXPECT_EQ(Res.getString("level"), "warning");
  const json::Object &Loc = *(*Res.getArray("locations"))[0].getAsObject();
  EXPECT_EQ(uriOf(Loc), "src/Billing.cpp");
  EXPECT_EQ(
      Loc.getObject("physicalLocation")->getObject("artifactLocation")->getString("uriBaseId"),
      "%SRCROOT%");
  const json::Object &Region = *Loc.getObject("physicalLocation")->getObject("region");
  EXPECT_EQ(Region.getInteger("startLine"), 40);
  EXPECT_EQ(Region.getInteger("startColumn"), 5);

  const json::Array &Steps =
      *(*(*Res.getArray("codeFlows"))[0].getAsObject()->getArray("threadFlows"))[0]
           .getAsObject()
           ->getArray("locations");
  ASSERT_EQ(Steps.size(), 2u);
  const json::Object &First = *Steps[0].getAsObject()->getObject("location");
  EXPECT_EQ(First.getObject("message")->getString("text"), "read 'c.email'");
  EXPECT_EQ(First.getObject("physicalLocation")->getObject("region")->getInteger("startLine"), 38);
  EXPECT_EQ(Steps[1].getAsObject()->getObject("location")->getObject("message")->getString("text"),
            "passed as argument 2 of 'spdlog::info'");

  const json::Array &Related = *Res.getArray("relatedLocations");
  ASSERT_EQ(Related.size(), 2u);
  EXPECT_EQ(Related[0].getAsObject()->getInteger("id"), 1);
  EXPECT_EQ(uriOf(*Related[0].getAsObject()), "src/Customer.h");
  EXPECT_EQ(uriOf(*Related[1].getAsObject()), ".pdflow.yaml");

  const json::Object &Prints = *Res.getObject("partialFingerprints");
  EXPECT_EQ(Prints.getString("primaryLocationLineHash"), "5d8f2b2c0ffee:1");
  EXPECT_EQ(Prints.getString("pdflowFingerprint/v1"), "00112233445566778899aabbccddeeff:1");
  EXPECT_EQ(Res.get("suppressions"), nullptr);
  // The base URI ends with a slash; a space is percent-encoded.
  EXPECT_EQ(S.run().getObject("originalUriBaseIds")->getObject("%SRCROOT%")->getString("uri"),
            "file:///home/ci/my%20repo/");
}

TEST(ReportSarifTest, AbsolutePathsAreFileUris) {
  ScanReport R;
  Diagnostic D = logFinding();
  D.Loc.File = "/usr/include/caf\xc3\xa9 [1].h";
  D.Notes.clear();
  R.Findings = {D};
  Sarif S = render(R);
  const json::Object &Loc = *(*S.result(0).getArray("locations"))[0].getAsObject();
  EXPECT_EQ(uriOf(Loc), "file:///usr/include/caf%C3%A9%20%5B1%5D.h");
  EXPECT_EQ(Loc.getObject("physicalLocation")->getObject("artifactLocation")->get("uriBaseId"),
            nullptr);
  EXPECT_EQ(S.result(0).get("codeFlows"), nullptr);
  EXPECT_EQ(S.result(0).getObject("partialFingerprints")->get("primaryLocationLineHash"), nullptr);
}

TEST(ReportSarifTest, SuppressedFindingsAreResultsWithTheirJustification) {
  ScanReport R;
  Diagnostic Hidden = logFinding();
  R.Suppressed = {{Hidden, {{"src/Billing.cpp", 39, 3}, {"personal-data-in-logs"}, "audit log"}}};
  Sarif S = render(R);
  ASSERT_EQ(S.results().size(), 1u);
  const json::Array &Sups = *S.result(0).getArray("suppressions");
  ASSERT_EQ(Sups.size(), 1u);
  const json::Object &Sup = *Sups[0].getAsObject();
  EXPECT_EQ(Sup.getString("kind"), "inSource");
  EXPECT_EQ(Sup.getString("justification"), "audit log");
  EXPECT_EQ(Sup.getObject("location")
                ->getObject("physicalLocation")
                ->getObject("region")
                ->getInteger("startLine"),
            39);
}

TEST(ReportSarifTest, IncompleteFilesAreNamedAndTheRunUnsuccessful) {
  ScanReport R;
  Diagnostic Failed;
  Failed.Sev = Severity::Error;
  Failed.Loc = {"src/Broken.cpp", 0, 0};
  Failed.Message = "this file does not compile";
  Failed.Notes = {{{"src/Broken.cpp", 3, 18}, "use of undeclared identifier 'x'"}};
  Diagnostic Config;
  Config.Sev = Severity::Warning;
  Config.Loc = {".pdflow.yaml", 7, 5};
  Config.Message = "side annotation 'x' matches no declaration";
  R.ToolDiagnostics = {Failed, Config};
  R.IncompleteFiles = {"src/Broken.cpp"};
  Sarif S = render(R);
  const json::Object &Inv = S.invocation();
  EXPECT_EQ(Inv.getBoolean("executionSuccessful"), false);
  const json::Array &Exec = *Inv.getArray("toolExecutionNotifications");
  ASSERT_EQ(Exec.size(), 1u);
  const json::Object &N = *Exec[0].getAsObject();
  EXPECT_EQ(N.getString("level"), "error");
  EXPECT_EQ(N.getObject("descriptor")->getString("id"), "incomplete-translation-unit");
  EXPECT_EQ(N.getObject("message")->getString("text"),
            "analysis incomplete: src/Broken.cpp: this file does not compile");
  ASSERT_EQ(N.getArray("locations")->size(), 2u);
  EXPECT_EQ(uriOf(*(*N.getArray("locations"))[0].getAsObject()), "src/Broken.cpp");
  const json::Array &Conf = *Inv.getArray("toolConfigurationNotifications");
  ASSERT_EQ(Conf.size(), 1u);
  EXPECT_EQ(Conf[0].getAsObject()->getString("level"), "warning");
}

TEST(ReportSarifTest, CutsToTheLimitsWithANote) {
  ScanReport R;
  Diagnostic Note = logFinding();
  Note.Sev = Severity::Note;
  Diagnostic Error = logFinding();
  Error.Sev = Severity::Error;
  R.Findings = {Note, logFinding(), Error};
  SarifOptions O;
  O.Limits.Results = 2;
  O.Limits.ThreadFlowLocations = 1;
  O.Limits.RelatedLocations = 1;
  Sarif S = render(R, O);
  ASSERT_EQ(S.results().size(), 2u);
  // The note went first; the others keep their order.
  EXPECT_EQ(S.result(0).getString("level"), "warning");
  EXPECT_EQ(S.result(1).getString("level"), "error");
  const json::Array &Steps =
      *(*(*S.result(0).getArray("codeFlows"))[0].getAsObject()->getArray("threadFlows"))[0]
           .getAsObject()
           ->getArray("locations");
  ASSERT_EQ(Steps.size(), 1u); // the sink, the flow's end
  EXPECT_EQ(Steps[0].getAsObject()->getObject("location")->getObject("message")->getString("text"),
            "passed as argument 2 of 'spdlog::info'");
  EXPECT_EQ(S.result(0).getArray("relatedLocations")->size(), 1u);
  const json::Array &Notes = *S.invocation().getArray("toolExecutionNotifications");
  ASSERT_EQ(Notes.size(), 3u);
  EXPECT_EQ(Notes[0].getAsObject()->getObject("message")->getString("text"),
            "1 of 3 results left out: GitHub code scanning rejects a run with more than 2 results "
            "(suppressed and lower-severity results went first); --format json lists them all");
  EXPECT_EQ(S.invocation().getBoolean("executionSuccessful"), true);
}

TEST(ReportSarifTest, FixItsBecomeFixes) {
  ScanReport R;
  Diagnostic D = logFinding();
  D.Rule = "unannotated-personal-data";
  D.FixIts = {{{"src/Lead.h", 5, 3}, 0, "PDFLOW_DATA(contact.phone) "}};
  R.Findings = {D};
  Sarif S = render(R);
  const json::Object &Change =
      *(*(*S.result(0).getArray("fixes"))[0].getAsObject()->getArray("artifactChanges"))[0]
           .getAsObject();
  EXPECT_EQ(Change.getObject("artifactLocation")->getString("uri"), "src/Lead.h");
  const json::Object &Rep = *(*Change.getArray("replacements"))[0].getAsObject();
  EXPECT_EQ(Rep.getObject("deletedRegion")->getInteger("startColumn"), 3);
  EXPECT_EQ(Rep.getObject("deletedRegion")->getInteger("endColumn"), 3);
  EXPECT_EQ(Rep.getObject("insertedContent")->getString("text"), "PDFLOW_DATA(contact.phone) ");
}

TEST(ReportSarifTest, RunPropertiesCarryTheBaselineAndNewSince) {
  ScanReport R;
  R.Baseline =
      BaselineReport{"base.json", 2, {{"ab:1", "excess-to-sink", "warning", "a.cpp", 3, "m"}}};
  R.NewSince = NewSinceReport{"HEAD~1", 5};
  Sarif S = render(R);
  const json::Object &P = *S.run().getObject("properties");
  EXPECT_EQ(P.getObject("baseline")->getInteger("known"), 2);
  EXPECT_EQ(P.getObject("baseline")->getArray("stale")->size(), 1u);
  EXPECT_EQ(P.getObject("newSince")->getString("revision"), "HEAD~1");
  EXPECT_EQ(P.getObject("newSince")->getInteger("hidden"), 5);
}

TEST(ReportSarifTest, MarkdownBecomesPlainText) {
  EXPECT_EQ(markdownToPlainText("# title\n\nUse **`redact`**, see [the index](README.md).\n"
                                "```cpp\n#include <x>\nint `a`;\n```\n"),
            "title\n\nUse redact, see the index (README.md).\n#include <x>\nint `a`;\n");
}

} // namespace
