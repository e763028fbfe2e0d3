// SARIF 2.1.0 output (OASIS, sarif-v2.1.0-errata01), shaped for GitHub code
// scanning's reading of it (docs.github.com, "SARIF support for code
// scanning"). See pdflow/report/ReportSarif.h.

#include "pdflow/report/ReportSarif.h"

#include "pdflow/rules/RuleInfo.h"

#include "JsonSupport.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <map>
#include <set>

namespace pdflow {
namespace {

namespace json = llvm::json;
using namespace jsonsupport;

constexpr const char *SchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr const char *SourceRootId = "%SRCROOT%";
/// partialFingerprints key of pdflow's semantic fingerprint; versioned as
/// SARIF recommends, so a new scheme never compares equal to an old one.
constexpr const char *SemanticFingerprintKey = "pdflowFingerprint/v1";

const char *levelName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

/// GitHub's scale: over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium,
/// 0.1 to 3.9 low.
const char *securitySeverity(Severity S) {
  switch (S) {
  case Severity::Note:
    return "2.0";
  case Severity::Warning:
    return "5.0";
  case Severity::Error:
    return "7.5";
  }
  return "5.0";
}

/// Percent-encodes what a URI path may not hold as is (RFC 3986).
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/!$&'()*+,;=:@").contains(C))
      Out += static_cast<char>(C);
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

json::Object artifactLocation(const std::string &File) {
  if (llvm::StringRef(File).starts_with("/"))
    return json::Object{{"uri", "file://" + uriPath(File)}};
  return json::Object{{"uri", uriPath(File)}, {"uriBaseId", SourceRootId}};
}

/// A location, or a message-only one when Loc is unknown.
json::Object location(const SourceLoc &Loc, const std::string &Message = {}) {
  json::Object O;
  if (Loc.valid()) {
    json::Object Physical{{"artifactLocation", artifactLocation(Loc.File)}};
    if (Loc.Line) {
      json::Object Region{{"startLine", static_cast<int64_t>(Loc.Line)}};
      if (Loc.Col)
        Region["startColumn"] = static_cast<int64_t>(Loc.Col);
      Physical["region"] = std::move(Region);
    }
    O["physicalLocation"] = std::move(Physical);
  }
  if (!Message.empty())
    O["message"] = json::Object{{"text", utf8(Message)}};
  return O;
}

json::Object message(const std::string &Text) { return json::Object{{"text", utf8(Text)}}; }

//===----------------------------------------------------------------------===//
// Rules
//===----------------------------------------------------------------------===//

/// "personal-data-in-logs" -> "PersonalDataInLogs".
std::string pascalCase(llvm::StringRef Name) {
  std::string Out;
  bool Upper = true;
  for (char C : Name) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Out += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

/// "a sink receives" -> "A sink receives.".
std::string sentence(llvm::StringRef Text) {
  std::string Out = Text.str();
  if (!Out.empty())
    Out[0] = llvm::toUpper(Out[0]);
  if (!Out.empty() && Out.back() != '.')
    Out += '.';
  return Out;
}

/// The first paragraph under "## Heading", as plain text on one line.
std::string firstParagraphOf(const std::string &Markdown, llvm::StringRef Heading) {
  size_t At = Markdown.find("\n## " + Heading.str() + "\n");
  if (At == std::string::npos)
    return {};
  llvm::StringRef Rest = llvm::StringRef(Markdown).substr(At + Heading.size() + 5).ltrim("\n");
  std::string Text = markdownToPlainText(Rest.split("\n\n").first.str());
  std::replace(Text.begin(), Text.end(), '\n', ' ');
  return llvm::StringRef(Text).trim().str();
}

std::vector<std::string> ruleTags(const RuleInfo &R, size_t Max) {
  std::vector<std::string> Tags = {"privacy", "gdpr"};
  if (R.Article.empty()) {
    Tags.push_back("correctness");
  } else {
    Tags.push_back("security"); // GitHub reads security-severity only then
    llvm::SmallVector<llvm::StringRef, 4> Articles;
    llvm::StringRef(R.Article).split(Articles, ',', -1, false);
    for (llvm::StringRef A : Articles)
      Tags.push_back("gdpr/art-" + A.trim().str());
  }
  if (Tags.size() > Max)
    Tags.resize(Max);
  return Tags;
}

/// The rule's level and whether it runs, as the run's config sets them.
std::pair<Severity, bool> configured(const RuleInfo &R, const Config *Cfg) {
  Severity Sev = R.DefaultSeverity;
  bool Enabled = true;
  if (Cfg) {
    auto It = Cfg->Rules.find(std::string(R.Name));
    if (It != Cfg->Rules.end()) {
      if (It->second.Sev)
        Sev = *It->second.Sev;
      if (It->second.Enabled)
        Enabled = *It->second.Enabled;
    }
  }
  return {Sev, Enabled};
}

json::Value ruleJson(const RuleInfo &R, const Config *Cfg, const SarifOptions &O) {
  const std::string &Docs = ruleDocs(R.Name);
  auto [Sev, Enabled] = configured(R, Cfg);
  std::string Full = firstParagraphOf(Docs, "What it checks");
  json::Object Config{{"level", levelName(Sev)}};
  if (!Enabled)
    Config["enabled"] = false;
  json::Object Properties{{"tags", texts(ruleTags(R, O.Limits.TagsPerRule))}};
  if (!R.Article.empty())
    Properties["security-severity"] = securitySeverity(Sev);
  json::Object Rule{
      {"id", std::string(R.Name)},
      {"name", pascalCase(R.Name)},
      {"shortDescription", message(sentence(R.Summary))},
      {"fullDescription", message(Full.empty() ? sentence(R.Summary) : Full)},
      {"defaultConfiguration", std::move(Config)},
      {"properties", std::move(Properties)},
  };
  if (!Docs.empty())
    Rule["help"] =
        json::Object{{"text", utf8(markdownToPlainText(Docs))}, {"markdown", utf8(Docs)}};
  if (!O.DocsBaseUrl.empty())
    Rule["helpUri"] = O.DocsBaseUrl + ruleDocsPath(R.Name);
  return Rule;
}

//===----------------------------------------------------------------------===//
// Results
//===----------------------------------------------------------------------===//

/// What the limits cut, for the notes.
struct Cuts {
  size_t ResultsLeftOut = 0;
  size_t TotalResults = 0;
  size_t FlowsShortened = 0;
  size_t RelatedCut = 0;
};

json::Array codeFlows(const Diagnostic &D, const SarifLimits &L, Cuts &C) {
  std::vector<const DiagNote *> Steps;
  for (const DiagNote &N : D.Notes)
    if (N.Step)
      Steps.push_back(&N);
  if (Steps.empty())
    return {};
  if (Steps.size() > L.ThreadFlowLocations) {
    // Keep the start of the flow and its end, the sink.
    const DiagNote *Last = Steps.back();
    Steps.resize(L.ThreadFlowLocations - 1);
    Steps.push_back(Last);
    ++C.FlowsShortened;
  }
  json::Array Locations;
  for (const DiagNote *N : Steps)
    Locations.push_back(json::Object{{"location", location(N->Loc, N->Message)}});
  json::Object Thread{{"locations", std::move(Locations)}};
  return json::Array{json::Object{{"threadFlows", json::Array{std::move(Thread)}}}};
}

json::Array relatedLocations(const Diagnostic &D, const SarifLimits &L, Cuts &C) {
  json::Array Out;
  int64_t Id = 0;
  for (const DiagNote &N : D.Notes) {
    if (N.Step)
      continue;
    if (Out.size() == L.RelatedLocations) {
      ++C.RelatedCut;
      break;
    }
    json::Object Loc = location(N.Loc, N.Message);
    Loc["id"] = ++Id;
    Out.push_back(std::move(Loc));
  }
  return Out;
}

/// The fix-its as one SARIF fix, grouped by file in their order.
json::Array fixes(const Diagnostic &D) {
  if (D.FixIts.empty())
    return {};
  std::vector<std::string> Files;
  for (const FixIt &F : D.FixIts)
    if (std::find(Files.begin(), Files.end(), F.Loc.File) == Files.end())
      Files.push_back(F.Loc.File);
  json::Array Changes;
  for (const std::string &File : Files) {
    json::Array Replacements;
    for (const FixIt &F : D.FixIts) {
      if (F.Loc.File != File)
        continue;
      json::Object Region{{"startLine", static_cast<int64_t>(F.Loc.Line)},
                          {"startColumn", static_cast<int64_t>(F.Loc.Col)},
                          {"endColumn", static_cast<int64_t>(F.Loc.Col + F.Length)}};
      Replacements.push_back(json::Object{{"deletedRegion", std::move(Region)},
                                          {"insertedContent", message(F.Replacement)}});
    }
    Changes.push_back(json::Object{{"artifactLocation", artifactLocation(File)},
                                   {"replacements", std::move(Replacements)}});
  }
  return json::Array{json::Object{{"description", message("apply pdflow's fix-it")},
                                  {"artifactChanges", std::move(Changes)}}};
}

json::Object partialFingerprints(const Diagnostic &D, const SarifOptions &O) {
  json::Object Out;
  auto Hashes = O.LineHashes.find(D.Loc.File);
  if (Hashes != O.LineHashes.end() && D.Loc.Line >= 1 && D.Loc.Line <= Hashes->second.size() &&
      !Hashes->second[D.Loc.Line - 1].empty())
    Out["primaryLocationLineHash"] = Hashes->second[D.Loc.Line - 1];
  if (!D.Fingerprint.empty())
    Out[SemanticFingerprintKey] = D.Fingerprint;
  return Out;
}

/// A finding to render, with the suppression that hid it, if any.
struct ResultInput {
  const Diagnostic *Finding;
  const Suppression *By;
};

/// Inferred: the finding is about data pdflow inferred from a name (--infer),
/// not annotated; the property lets a reviewer filter those to confirm.
json::Value resultJson(const ResultInput &In, int64_t RuleIndex, const SarifOptions &O, Cuts &C,
                       bool Inferred) {
  const Diagnostic &D = *In.Finding;
  json::Object R{{"ruleId", D.Rule},
                 {"level", levelName(D.Sev)},
                 {"message", message(D.Message)},
                 {"partialFingerprints", partialFingerprints(D, O)}};
  if (RuleIndex >= 0)
    R["ruleIndex"] = RuleIndex;
  if (D.Loc.valid())
    R["locations"] = json::Array{location(D.Loc)};
  json::Array Flows = codeFlows(D, O.Limits, C);
  if (!Flows.empty())
    R["codeFlows"] = std::move(Flows);
  json::Array Related = relatedLocations(D, O.Limits, C);
  if (!Related.empty())
    R["relatedLocations"] = std::move(Related);
  json::Array Fixes = fixes(D);
  if (!Fixes.empty())
    R["fixes"] = std::move(Fixes);
  if (In.By) {
    json::Object S{{"kind", "inSource"}, {"location", location(In.By->Loc)}};
    if (!In.By->Reason.empty())
      S["justification"] = utf8(In.By->Reason);
    R["suppressions"] = json::Array{std::move(S)};
  }
  if (Inferred)
    R["properties"] = json::Object{{"inferred", true}};
  return R;
}

/// Keeps at most Limit inputs: reported findings before suppressed ones,
/// higher severities first (as GitHub ranks what it shows), in their order.
std::vector<ResultInput> capResults(std::vector<ResultInput> All, size_t Limit, Cuts &C) {
  C.TotalResults = All.size();
  if (All.size() <= Limit)
    return All;
  std::vector<size_t> Order(All.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return std::make_pair(All[A].By == nullptr, All[A].Finding->Sev) >
           std::make_pair(All[B].By == nullptr, All[B].Finding->Sev);
  });
  Order.resize(Limit);
  std::sort(Order.begin(), Order.end());
  std::vector<ResultInput> Kept;
  for (size_t I : Order)
    Kept.push_back(All[I]);
  C.ResultsLeftOut = All.size() - Limit;
  return Kept;
}

//===----------------------------------------------------------------------===//
// Invocation
//===----------------------------------------------------------------------===//

json::Object notification(const char *Id, Severity Level, const std::string &Text,
                          json::Array Locations = {}) {
  json::Object N{{"descriptor", json::Object{{"id", Id}}},
                 {"level", levelName(Level)},
                 {"message", message(Text)}};
  if (!Locations.empty())
    N["locations"] = std::move(Locations);
  return N;
}

bool isIncompleteNotice(const Diagnostic &D, const std::vector<std::string> &Files) {
  return D.Rule.empty() && D.Loc.Line == 0 &&
         std::find(Files.begin(), Files.end(), D.Loc.File) != Files.end();
}

/// One error per file that was not analysed, with the reason the analysis
/// gave (a parse failure, --tu-timeout, a crash) and, for a file that does
/// not compile, the compiler's errors as locations.
json::Array incompleteNotifications(const ScanReport &R) {
  json::Array Out;
  for (const std::string &File : R.IncompleteFiles) {
    std::string Why = "it was not analysed";
    json::Array Locations{location({File, 0, 0})};
    for (const Diagnostic &D : R.ToolDiagnostics) {
      if (D.Loc.File != File || !isIncompleteNotice(D, R.IncompleteFiles))
        continue;
      Why = D.Message;
      for (const DiagNote &N : D.Notes)
        Locations.push_back(location(N.Loc, N.Message));
    }
    Out.push_back(notification("incomplete-translation-unit", Severity::Error,
                               "analysis incomplete: " + File + ": " + Why, std::move(Locations)));
  }
  return Out;
}

void addLimitNotes(json::Array &Out, const Cuts &C, const SarifLimits &L) {
  if (C.ResultsLeftOut)
    Out.push_back(notification(
        "sarif-limit", Severity::Warning,
        std::to_string(C.ResultsLeftOut) + " of " + std::to_string(C.TotalResults) +
            " results left out: GitHub code scanning rejects a run with more than " +
            std::to_string(L.Results) +
            " results (suppressed and lower-severity results went first); --format json "
            "lists them all"));
  if (C.FlowsShortened)
    Out.push_back(notification(
        "sarif-limit", Severity::Warning,
        "the code flows of " + std::to_string(C.FlowsShortened) + " results were cut to " +
            std::to_string(L.ThreadFlowLocations) +
            " steps, GitHub code scanning's limit per result; --format json has every step"));
  if (C.RelatedCut)
    Out.push_back(
        notification("sarif-limit", Severity::Warning,
                     "the related locations of " + std::to_string(C.RelatedCut) +
                         " results were cut to " + std::to_string(L.RelatedLocations) +
                         ", GitHub code scanning's limit per result; --format json has them all"));
}

json::Object runProperties(const ScanReport &R) {
  json::Object P;
  if (R.Baseline) {
    json::Array Stale;
    for (const BaselineEntry &E : R.Baseline->Stale)
      Stale.push_back(json::Object{{"fingerprint", E.Fingerprint},
                                   {"rule", E.Rule},
                                   {"file", utf8(E.File)},
                                   {"line", static_cast<int64_t>(E.Line)},
                                   {"message", utf8(E.Message)}});
    P["baseline"] = json::Object{{"file", utf8(R.Baseline->File)},
                                 {"known", static_cast<int64_t>(R.Baseline->Known)},
                                 {"stale", std::move(Stale)}};
  }
  if (R.NewSince)
    P["newSince"] = json::Object{{"revision", utf8(R.NewSince->Revision)},
                                 {"hidden", static_cast<int64_t>(R.NewSince->Hidden)}};
  return P;
}

} // namespace

std::string markdownToPlainText(const std::string &Markdown) {
  static const llvm::Regex Link("\\[([^]]*)\\]\\(([^)]*)\\)");
  std::string Out;
  bool InCode = false;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(Markdown).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.starts_with("```")) {
      InCode = !InCode; // drop the fence, keep the code as it is
      continue;
    }
    if (InCode) {
      Out += Line.str() + "\n";
      continue;
    }
    std::string Text = Line.starts_with("#") ? Line.ltrim('#').ltrim(' ').str() : Line.str();
    while (Link.match(Text))
      Text = Link.sub("\\1 (\\2)", Text);
    std::string Plain;
    for (size_t I = 0; I < Text.size(); ++I) {
      if (Text[I] == '`')
        continue;
      if (Text.compare(I, 2, "**") == 0) {
        ++I;
        continue;
      }
      Plain += Text[I];
    }
    Out += Plain + "\n";
  }
  while (!Out.empty() && Out.back() == '\n')
    Out.pop_back();
  return Out + "\n";
}

std::string renderScanSarif(const Model &M, const ScanReport &R, const SarifOptions &O) {
  const Config *Cfg = M.Cfg;
  json::Array Rules;
  for (const RuleInfo &Rule : allRules())
    Rules.push_back(ruleJson(Rule, Cfg, O));

  std::vector<ResultInput> Inputs;
  for (const Diagnostic &D : R.Findings)
    Inputs.push_back({&D, nullptr});
  for (const SuppressedFinding &S : R.Suppressed)
    Inputs.push_back({&S.Finding, &S.By});
  Cuts C;
  Inputs = capResults(std::move(Inputs), O.Limits.Results, C);
  std::map<std::string, int64_t, std::less<>> RuleIndex;
  for (const RuleInfo &Rule : allRules())
    RuleIndex.emplace(Rule.Name, static_cast<int64_t>(RuleIndex.size()));
  std::set<std::string> InferredElements;
  for (const DataElement &E : M.Elements)
    if (E.Origin == AnnotationOrigin::Inferred)
      InferredElements.insert(E.QualifiedName);
  json::Array Results;
  for (const ResultInput &In : Inputs) {
    auto It = RuleIndex.find(In.Finding->Rule);
    Results.push_back(resultJson(In, It == RuleIndex.end() ? -1 : It->second, O, C,
                                 InferredElements.count(In.Finding->Subject.Element) > 0));
  }

  json::Array Execution = incompleteNotifications(R);
  addLimitNotes(Execution, C, O.Limits);
  json::Array Configuration;
  bool Errors = !R.IncompleteFiles.empty();
  for (const Diagnostic &D : R.ToolDiagnostics) {
    Errors = Errors || D.Sev == Severity::Error;
    if (isIncompleteNotice(D, R.IncompleteFiles))
      continue;
    json::Array Locations;
    if (D.Loc.valid())
      Locations.push_back(location(D.Loc));
    for (const DiagNote &N : D.Notes)
      Locations.push_back(location(N.Loc, N.Message));
    Configuration.push_back(
        notification("tool-diagnostic", D.Sev, D.Message, std::move(Locations)));
  }
  json::Object Invocation{{"executionSuccessful", !Errors},
                          {"toolExecutionNotifications", std::move(Execution)},
                          {"toolConfigurationNotifications", std::move(Configuration)}};

  json::Object Driver{{"name", "pdflow"},
                      {"version", O.ToolVersion},
                      {"semanticVersion", O.ToolVersion},
                      {"rules", std::move(Rules)}};
  if (!O.DocsBaseUrl.empty())
    Driver["informationUri"] = O.DocsBaseUrl + "README.md";
  json::Object Run{{"tool", json::Object{{"driver", std::move(Driver)}}},
                   {"invocations", json::Array{std::move(Invocation)}},
                   {"results", std::move(Results)}};
  if (!O.SourceRoot.empty()) {
    // A base URI must end with a slash (SARIF 3.14.14).
    std::string Root = "file://" + uriPath(O.SourceRoot);
    if (Root.back() != '/')
      Root += '/';
    Run["originalUriBaseIds"] = json::Object{{SourceRootId, json::Object{{"uri", Root}}}};
  }
  json::Object Properties = runProperties(R);
  if (!Properties.empty())
    Run["properties"] = std::move(Properties);
  return print(json::Object{
      {"$schema", SchemaUri}, {"version", "2.1.0"}, {"runs", json::Array{std::move(Run)}}});
}

} // namespace pdflow
