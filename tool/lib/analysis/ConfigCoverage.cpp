#include "ConfigCoverage.h"

#include "pdflow/annotations/AnnotationSpec.h"
#include "pdflow/support/Text.h"

#include <algorithm>
#include <map>
#include <set>

namespace pdflow {

namespace {

/// The names a config glob may match in P, by kind, and how many arguments
/// each function is called with or declared with.
struct SeenNames {
  std::set<std::string> Functions, Types, Objects;
  std::map<std::string, size_t> MostArguments;

  explicit SeenNames(const Program &P);

  void addFunction(const std::string &Name, size_t Args) {
    Functions.insert(Name);
    size_t &Most = MostArguments[Name];
    Most = std::max(Most, Args);
    // A method names its class: "app::Log::write" is in type "app::Log".
    if (size_t Sep = Name.rfind("::"); Sep != std::string::npos)
      Types.insert(Name.substr(0, Sep));
  }
};

SeenNames::SeenNames(const Program &P) {
  for (const auto &[Usr, F] : P.Functions) {
    addFunction(F.QualifiedName, F.NumParams);
    for (const CallSite &C : F.Calls) {
      if (!C.SinkObject.empty()) {
        Objects.insert(C.SinkObject);
        Types.insert(C.SinkObjectType);
      } else if (!C.CalleeName.empty()) {
        addFunction(C.CalleeName, C.Args.size());
      }
    }
  }
  for (const auto &[Usr, A] : P.Annotated)
    Functions.insert(A.QualifiedName);
  for (const auto &[Name, R] : P.Records) {
    Types.insert(Name);
    Types.insert(R.Bases.begin(), R.Bases.end());
  }
  for (const DeclaredName &D : P.Declarations)
    if (D.Kind == ElementKind::Variable)
      Objects.insert(D.QualifiedName);
  for (const auto &[Id, E] : P.Elements)
    if (E.Kind == ElementKind::Variable)
      Objects.insert(E.QualifiedName);
}

std::vector<std::string> matching(const std::string &Glob, const std::set<std::string> &Names) {
  std::vector<std::string> Out;
  for (const std::string &N : Names)
    if (matchQualifiedName(Glob, N))
      Out.push_back(N);
  return Out;
}

/// Noun is what the glob should have matched: "function defined or
/// called", "class defined or used", "variable defined or written to".
Diagnostic unmatched(const SourceLoc &Loc, const std::string &What, const std::string &Glob,
                     const char *Noun) {
  return {Severity::Warning,
          Loc,
          What + " " + quoteForMessage(Glob) + " matches no " + Noun +
              " in the analysed files, so it never applies; check the qualified name",
          "",
          {},
          {}};
}

/// `args` indexes that no call to the functions Names passes.
void checkArgs(const SinkModel &S, const std::vector<std::string> &Names, const SeenNames &Seen,
               std::vector<Diagnostic> &Out) {
  if (S.Args.empty() || Names.empty())
    return;
  size_t Most = 0;
  for (const std::string &N : Names)
    Most = std::max(Most, Seen.MostArguments.at(N));
  std::string Callee = Names.size() == 1
                           ? "'" + Names.front() + "'"
                           : "the functions " + quoteForMessage(S.Function) + " matches (at most)";
  for (unsigned Index : S.Args)
    if (Index >= Most)
      Out.push_back({Severity::Error,
                     S.Loc,
                     "'args' index " + std::to_string(Index) + " is out of range: " + Callee + " " +
                         describeArgumentIndexes(static_cast<unsigned>(Most)),
                     "invalid-annotation",
                     {},
                     {}});
}

} // namespace

ConfigCoverage checkConfigCoverage(const Program &P, const ModelSet &FromConfig) {
  SeenNames Seen(P);
  ConfigCoverage Out;
  for (const SinkModel &S : FromConfig.Sinks) {
    if (!S.Function.empty()) {
      std::vector<std::string> Names = matching(S.Function, Seen.Functions);
      if (Names.empty())
        Out.Unmatched.push_back(unmatched(S.Loc, "sink", S.Function, "function defined or called"));
      std::erase_if(Names, [&](const std::string &N) { return !Seen.MostArguments.count(N); });
      checkArgs(S, Names, Seen, Out.BadArgs);
    } else if (!S.Type.empty() && matching(S.Type, Seen.Types).empty()) {
      Out.Unmatched.push_back(unmatched(S.Loc, "sink", S.Type, "class defined or used"));
    } else if (!S.Object.empty() && matching(S.Object, Seen.Objects).empty()) {
      Out.Unmatched.push_back(unmatched(S.Loc, "sink", S.Object, "variable defined or written to"));
    }
  }
  for (const ConsentCheckModel &C : FromConfig.ConsentChecks)
    if (matching(C.Function, Seen.Functions).empty())
      Out.Unmatched.push_back(
          unmatched(C.Loc, "consent check", C.Function, "function defined or called"));
  return Out;
}

} // namespace pdflow
