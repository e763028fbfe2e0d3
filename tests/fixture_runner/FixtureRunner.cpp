// Runs pdflow on one fixture file and compares what it reports with the
// expectations written in the file. See tests/fixtures/README.md.
//
//   /* pdflow-config
//   activities: [{id: billing, purposes: [billing], legal_basis: contract,
//                 entry_points: ["run*"]}]
//   */
//   // pdflow-fixture: check=findings,flows std=c++17,c++20
//   spdlog::info("{}", c.email); // expect:3: warning: reaches log sink [personal-data-in-logs]
//   // expect@+1: flow: Customer::email -> log 'spdlog::info'
//   spdlog::info("{}", c.email);
//
// An expectation is `expect[@+N|@-N][:COL]: KIND: TEXT [RULE]` in a comment:
// KIND is error, warning, note, flow, element or wrapper (a function passing
// its parameter N to a sink: "Logger::info(#0) -> log 'spdlog::info'"); TEXT must occur in what is
// reported on that line (and column, when given); RULE must be the rule. The
// kinds listed in check= (default: findings, i.e. errors and warnings) are
// exact: anything reported in the fixture that no expectation names fails.
// Notes are only checked when expected. tu=a.cc,b.cc adds other files of the
// same program (named .cc, or .c for C, so they are not fixtures of their
// own); rules=a,b keeps only those rules' findings.

#include "pdflow/analysis/Analysis.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

using namespace pdflow;

namespace {

struct Observation {
  std::string File;
  unsigned Line = 0, Col = 0;
  std::string Kind; // error, warning, note, flow, element
  std::string Text;
  std::string Rule;
  bool Used = false;
};

struct Expectation {
  std::string File;
  unsigned Line = 0, Col = 0; // Col 0: any
  std::string Kind, Text, Rule;
  unsigned WrittenAt = 0;
};

std::string readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

std::vector<std::string> split(const std::string &S, char Sep) {
  std::vector<std::string> Out;
  std::stringstream In(S);
  for (std::string Part; std::getline(In, Part, Sep);)
    if (!Part.empty())
      Out.push_back(Part);
  return Out;
}

std::string flowText(const Flow &F, const Model &M) {
  const DataElement *E = M.element(F.ElementId);
  std::string T = (E ? E->QualifiedName : F.ElementId) + " -> " + sinkKindName(F.Sink.Kind) +
                  " '" + F.Sink.Function + "'";
  if (F.WholeObject)
    T += " (whole object)";
  if (E && E->Origin == AnnotationOrigin::Inferred)
    T += " (inferred)";
  auto List = [&](const char *Name, const std::vector<std::string> &Items) {
    if (Items.empty())
      return;
    T += std::string(" ") + Name + "=";
    for (size_t I = 0; I < Items.size(); ++I)
      T += (I ? "," : "") + Items[I];
  };
  std::vector<std::string> Transforms;
  for (TransformEffect X : F.Transforms)
    Transforms.push_back(transformEffectName(X));
  List("transforms", Transforms);
  List("activities", F.Activities);
  List("consent", F.ConsentPurposes);
  return T;
}

std::string elementText(const DataElement &E) {
  std::string T = E.QualifiedName + " " + E.Spec.Category;
  if (!E.Spec.Subject.empty())
    T += " subject=" + E.Spec.Subject;
  if (!E.Spec.Purposes.empty()) {
    T += " purposes=";
    for (size_t I = 0; I < E.Spec.Purposes.size(); ++I)
      T += (I ? "," : "") + E.Spec.Purposes[I];
  }
  if (!E.Spec.Retention.empty())
    T += " retention=" + E.Spec.Retention;
  if (E.Origin == AnnotationOrigin::Inferred)
    T += " inferred confidence=" + std::to_string(E.Inferred.Confidence) + " (" +
         E.Inferred.describe() + ")";
  return T;
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc != 4) {
    std::cerr << "usage: pdflow-fixture-test FIXTURE.cpp ANNOTATIONS_INCLUDE MOCK_INCLUDE\n";
    return 2;
  }
  llvm::SmallString<256> Path(Argv[1]);
  llvm::sys::fs::make_absolute(Path);
  const std::string File(Path);
  const std::string Code = readFile(File);
  if (Code.empty()) {
    std::cerr << File << ": cannot read the fixture\n";
    return 2;
  }

  // Header: config block, checked kinds, language standards.
  std::string ConfigText = "version: 1\n"; // never the machine's own config
  if (size_t Begin = Code.find("/* pdflow-config\n"); Begin != std::string::npos) {
    size_t Start = Begin + strlen("/* pdflow-config\n");
    size_t End = Code.find("*/", Start);
    // Padded so that config errors point at the fixture's own lines.
    size_t LinesBefore = std::count(Code.begin(), Code.begin() + Start, '\n');
    ConfigText = std::string(LinesBefore, '\n') + Code.substr(Start, End - Start);
  }
  std::set<std::string> Checked = {"error", "warning"};
  std::vector<std::string> Standards = {"c++17"};
  std::vector<std::string> OtherTUs; // analysed with the fixture, as other files of one program
  std::set<std::string> OnlyRules;   // rules=a,b: other rules' findings are ignored
  std::smatch Match;
  if (std::regex_search(Code, Match, std::regex(R"(// pdflow-fixture:([^\n]*))"))) {
    for (const std::string &Word : split(Match[1].str(), ' ')) {
      if (Word.rfind("check=", 0) == 0) {
        Checked.clear();
        for (const std::string &K : split(Word.substr(6), ','))
          if (K == "findings") {
            Checked.insert("error");
            Checked.insert("warning");
          } else if (K == "flow" || K == "flows") {
            Checked.insert("flow");
          } else if (K == "element" || K == "elements") {
            Checked.insert("element");
          } else if (K == "note" || K == "notes") {
            Checked.insert("note");
          } else if (K == "wrapper" || K == "wrappers") {
            Checked.insert("wrapper");
          } else {
            std::cerr << File << ": error: unknown check '" << K
                      << "'; use findings, flows, elements, notes or wrappers\n";
            return 2;
          }
      } else if (Word.rfind("std=", 0) == 0) {
        Standards = split(Word.substr(4), ',');
      } else if (Word.rfind("rules=", 0) == 0) {
        for (const std::string &R : split(Word.substr(6), ','))
          OnlyRules.insert(R);
      } else if (Word.rfind("tu=", 0) == 0) {
        for (const std::string &T : split(Word.substr(3), ','))
          OtherTUs.push_back(T);
      } else {
        std::cerr << File << ": error: unknown fixture option '" << Word
                  << "'; use check=, rules=, std= or tu=\n";
        return 2;
      }
    }
  }

  // Expectations, in the fixture and in the other files of its program.
  std::vector<Expectation> Expected;
  const std::regex Expect(
      R"(expect(@([+-]\d+))?(:(\d+))?: (error|warning|note|flow|element|wrapper): (.*?)( \[([a-z0-9-]+)\])?\s*$)");
  auto ReadExpectations = [&](const std::string &Path, const std::string &Text) {
    unsigned LineNo = 0;
    std::stringstream Lines(Text);
    for (std::string Line; std::getline(Lines, Line);) {
      ++LineNo;
      // In C++ comments, and in YAML comments of the config block.
      size_t Comment = Line.find("// expect");
      size_t Skip = 3;
      if (Comment == std::string::npos) {
        Comment = Line.find("# expect");
        Skip = 2;
      }
      if (Comment == std::string::npos)
        continue;
      std::string Tail = Line.substr(Comment + Skip);
      std::smatch M;
      if (!std::regex_match(Tail, M, Expect)) {
        std::cerr << Path << ":" << LineNo << ":" << Comment + 1
                  << ": error: malformed expectation; write "
                     "'expect[@+N][:COL]: KIND: TEXT [RULE]'\n";
        return false;
      }
      Expectation E;
      E.File = Path;
      E.WrittenAt = LineNo;
      E.Line = LineNo + (M[2].matched ? std::stoi(M[2].str()) : 0);
      E.Col = M[4].matched ? std::stoul(M[4].str()) : 0;
      E.Kind = M[5].str();
      E.Text = M[6].str();
      E.Rule = M[8].matched ? M[8].str() : "";
      Expected.push_back(E);
    }
    return true;
  };
  if (!ReadExpectations(File, Code))
    return 1;

  auto Absolute = [](const char *P) {
    llvm::SmallString<256> A(P);
    llvm::sys::fs::make_absolute(A);
    return std::string(A);
  };
  const std::string Annotations = Absolute(Argv[2]), Mocks = Absolute(Argv[3]);
  llvm::SmallString<256> Dir(File);
  llvm::sys::path::remove_filename(Dir);
  std::set<std::string> ProgramFiles = {File};
  for (const std::string &T : OtherTUs) {
    llvm::SmallString<256> Other(Dir);
    llvm::sys::path::append(Other, T);
    if (!ReadExpectations(std::string(Other), readFile(std::string(Other))))
      return 1;
  }
  int Failures = 0;
  for (const std::string &Std : Standards) {
    AnalysisRequest Req;
    Req.Commands = {{File,
                     std::string(Dir),
                     {"clang++", "-std=" + Std, "-I", Annotations, "-I", Mocks, File}}};
    for (const std::string &T : OtherTUs) {
      llvm::SmallString<256> Other(Dir);
      llvm::sys::path::append(Other, T);
      ProgramFiles.insert(std::string(Other));
      // A .c file of the program is C, whatever the C++ standard.
      bool IsC = llvm::sys::path::extension(Other) == ".c";
      Req.Commands.push_back({std::string(Other),
                              std::string(Dir),
                              {IsC ? "clang" : "clang++", IsC ? "-std=c11" : "-std=" + Std, "-I",
                               Annotations, "-I", Mocks, std::string(Other)}});
    }
    Req.ConfigText = ConfigText;
    Req.ConfigName = File;
    AnalysisResult R = analyze(Req);

    std::vector<Observation> Seen;
    auto Add = [&](const SourceLoc &L, std::string Kind, std::string Text, std::string Rule) {
      if (!ProgramFiles.count(L.File))
        return;
      Seen.push_back({L.File, L.Line, L.Col, std::move(Kind), std::move(Text), std::move(Rule)});
    };
    auto AddDiag = [&](const Diagnostic &D) {
      Add(D.Loc, severityName(D.Sev), D.Message, D.Rule);
      for (const DiagNote &N : D.Notes)
        Add(N.Loc, "note", N.Message, "");
    };
    for (const Diagnostic &D : R.ToolDiagnostics)
      AddDiag(D);
    for (const Diagnostic &D : R.Findings)
      if (OnlyRules.empty() || OnlyRules.count(D.Rule))
        AddDiag(D);
    for (const Flow &F : R.M.Flows)
      Add(F.SinkLoc, "flow", flowText(F, R.M), "");
    for (const DataElement &E : R.M.Elements)
      Add(E.Loc, "element", elementText(E), "");
    for (const SinkWrapper &W : R.M.SinkWrappers)
      Add(W.Loc, "wrapper",
          W.Function + "(#" + std::to_string(W.Param) + ") -> " + sinkKindName(W.Sink.Kind) +
              " '" + W.Sink.Function + "'",
          "");

    // Why a whole fixture went wrong (it did not compile, the config is
    // broken) is worth seeing whatever was expected.
    for (const Diagnostic &D : R.ToolDiagnostics)
      std::cout << formatDiagnostic(D);
    for (const Expectation &E : Expected) {
      auto It = std::find_if(Seen.begin(), Seen.end(), [&](const Observation &O) {
        return !O.Used && O.File == E.File && O.Line == E.Line && O.Kind == E.Kind && (!E.Col || O.Col == E.Col) &&
               (E.Rule.empty() || O.Rule == E.Rule) &&
               O.Text.find(E.Text) != std::string::npos;
      });
      if (It != Seen.end()) {
        It->Used = true;
        continue;
      }
      ++Failures;
      std::cout << E.File << ":" << E.Line << ":" << (E.Col ? E.Col : 1) << ": error: [" << Std
                << "] expected " << E.Kind << " not reported: " << E.Text
                << (E.Rule.empty() ? "" : " [" + E.Rule + "]") << "\n";
      for (const Observation &O : Seen)
        if (O.File == E.File && O.Line == E.Line && !O.Used)
          std::cout << O.File << ":" << O.Line << ":" << O.Col << ": note: reported here: "
                    << O.Kind << ": " << O.Text << (O.Rule.empty() ? "" : " [" + O.Rule + "]")
                    << "\n";
    }
    for (const Observation &O : Seen) {
      if (O.Used || !Checked.count(O.Kind))
        continue;
      ++Failures;
      std::cout << O.File << ":" << O.Line << ":" << O.Col << ": error: [" << Std
                << "] unexpected " << O.Kind << ": " << O.Text
                << (O.Rule.empty() ? "" : " [" + O.Rule + "]") << "\n";
    }
  }
  if (Failures)
    std::cout << Failures << " mismatch(es) in " << File << "\n";
  return Failures ? 1 : 0;
}
