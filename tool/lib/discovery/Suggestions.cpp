#include "pdflow/discovery/Suggestions.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace pdflow {

std::vector<Suggestion> collectSuggestions(const Model &M) {
  std::vector<Suggestion> Out;
  for (const DataElement &E : M.Elements) {
    if (E.Origin != AnnotationOrigin::Inferred)
      continue;
    Out.push_back({E.QualifiedName, E.Kind, E.Type, E.Spec.Category, E.Inferred.Confidence,
                   E.Inferred.describe(), E.Loc, E.Inferred.InsertLoc});
  }
  std::stable_sort(Out.begin(), Out.end(), [](const Suggestion &A, const Suggestion &B) {
    return std::tie(A.Loc, A.Symbol) < std::tie(B.Loc, B.Symbol);
  });
  return Out;
}

namespace {
/// A proposed sink: one function, one kind, the arguments that reach it.
struct ProposedSink {
  std::string Function;
  SinkKind Kind;
  std::vector<int> Args;
  const SinkWrapper *First; // where it was found first, for the message
};

std::vector<ProposedSink> groupSinks(const std::vector<SinkWrapper> &Sinks) {
  std::vector<ProposedSink> Out;
  std::map<std::pair<std::string, SinkKind>, size_t> Index;
  for (const SinkWrapper &W : Sinks) {
    auto [It, New] = Index.try_emplace({W.Function, W.Sink.Kind}, Out.size());
    if (New)
      Out.push_back({W.Function, W.Sink.Kind, {}, &W});
    std::vector<int> &Args = Out[It->second].Args;
    if (std::find(Args.begin(), Args.end(), W.Param) == Args.end())
      Args.push_back(W.Param);
  }
  for (ProposedSink &P : Out)
    std::sort(P.Args.begin(), P.Args.end());
  return Out;
}

std::string joinArgs(const std::vector<int> &Args, const char *Sep) {
  std::string Out;
  for (int A : Args)
    Out += (Out.empty() ? "" : Sep) + std::to_string(A);
  return Out;
}

/// "passes its argument 0 to log sink 'spdlog::info' at src/log.cpp:12:3".
std::string sinkReason(const ProposedSink &P) {
  return std::string("passes its argument") + (P.Args.size() > 1 ? "s " : " ") +
         joinArgs(P.Args, ", ") + " to " + sinkKindName(P.Kind) + " sink '" +
         P.First->Sink.Function + "' at " + P.First->SinkLoc.str();
}
} // namespace

std::string renderSuggestionsText(const std::vector<Suggestion> &S,
                                  const std::vector<SinkWrapper> &Sinks) {
  std::string Out;
  for (const Suggestion &X : S)
    Out += (X.Loc.valid() ? X.Loc.str() + ": " : "") + "'" + X.Symbol + "' " +
           elementKindName(X.Kind) + ": " + X.Category + " (confidence " +
           std::to_string(X.Confidence) + ": " + X.Reason + ")\n";
  std::vector<ProposedSink> Proposed = groupSinks(Sinks);
  for (const ProposedSink &P : Proposed)
    Out += (P.First->Loc.valid() ? P.First->Loc.str() + ": " : "") + "'" + P.Function +
           "' sink: " + sinkKindName(P.Kind) + ", args " + joinArgs(P.Args, " ") + " (" +
           sinkReason(P) + ")\n";
  Out += std::to_string(S.size()) + (S.size() == 1 ? " data element, " : " data elements, ") +
         std::to_string(Proposed.size()) + (Proposed.size() == 1 ? " sink\n" : " sinks\n");
  return Out;
}

namespace {
/// A YAML double-quoted scalar: newlines escaped, so that a replacement
/// ending a line keeps its line break.
std::string doubleQuoted(const std::string &S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

/// A YAML single-quoted scalar (clang-apply-replacements' own style).
std::string singleQuoted(const std::string &S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += '\'';
    Out += C;
  }
  return Out + "'";
}
} // namespace

std::string renderSuggestionsYaml(const std::vector<Suggestion> &S,
                                  const std::vector<SinkWrapper> &Sinks) {
  std::string Out = "# Proposed by `pdflow suggest`: check each category, add subject,\n"
                    "# purposes and retention, and delete what is not personal data.\n";
  Out += S.empty() ? "data: []\n" : "data:\n";
  for (const Suggestion &X : S) {
    Out += "  - symbol: " + doubleQuoted(X.Symbol) + "   # " + elementKindName(X.Kind) + ", " +
           X.Reason + ", confidence " + std::to_string(X.Confidence) + "\n";
    Out += "    category: " + X.Category + "\n";
  }
  std::vector<ProposedSink> Proposed = groupSinks(Sinks);
  if (Proposed.empty())
    return Out;
  Out += "# Functions of the project that pass data to a sink themselves: declared\n"
         "# sinks, their callers' data leaves where they call them. Add the\n"
         "# recipient, country and safeguard of third-party ones.\n"
         "sinks:\n";
  for (const ProposedSink &P : Proposed)
    Out += "  - {function: " + doubleQuoted(P.Function) + ", kind: " + sinkKindName(P.Kind) +
           ", args: [" + joinArgs(P.Args, ", ") + "]}   # " + sinkReason(P) + "\n";
  return Out;
}

namespace {
/// The byte offset of a 1-based line and column in Text, or nullopt when
/// Text has no such place.
std::optional<size_t> offsetOf(const std::string &Text, unsigned Line, unsigned Col) {
  size_t Start = 0;
  for (unsigned L = 1; L < Line; ++L) {
    size_t NL = Text.find('\n', Start);
    if (NL == std::string::npos)
      return std::nullopt;
    Start = NL + 1;
  }
  size_t End = Text.find('\n', Start);
  if (End == std::string::npos)
    End = Text.size();
  if (Col == 0 || Start + Col - 1 > End)
    return std::nullopt;
  return Start + Col - 1;
}

bool startsWith(const std::string &Text, size_t At, const std::string &Prefix) {
  return Text.compare(At, Prefix.size(), Prefix) == 0;
}

/// Where `#include <pdflow/annotations.h>` goes: before the file's first
/// #include; else after `#pragma once` or an include guard's #define; else
/// at the top. nullopt when the file already includes it.
std::optional<size_t> includeOffset(const std::string &Text) {
  if (Text.find("pdflow/annotations.h") != std::string::npos)
    return std::nullopt;
  std::optional<size_t> AfterGuard;
  bool SawIfndef = false;
  for (size_t Start = 0; Start < Text.size();) {
    size_t NL = Text.find('\n', Start);
    size_t Next = NL == std::string::npos ? Text.size() : NL + 1;
    size_t Hash = Text.find_first_not_of(" \t", Start);
    if (Hash != std::string::npos && Hash < Next && Text[Hash] == '#') {
      size_t Word = Text.find_first_not_of(" \t", Hash + 1);
      if (startsWith(Text, Word, "include"))
        return Start;
      if (startsWith(Text, Word, "pragma") && Text.find("once", Word) < Next && !AfterGuard)
        AfterGuard = Next;
      else if (startsWith(Text, Word, "ifndef") && !AfterGuard)
        SawIfndef = true;
      else if (startsWith(Text, Word, "define") && SawIfndef && !AfterGuard)
        AfterGuard = Next;
    }
    Start = Next;
  }
  return AfterGuard.value_or(0);
}

struct Replacement {
  size_t Offset;
  std::string Text;
  std::string Message;
};
} // namespace

std::string renderSuggestionsFixes(const std::vector<Suggestion> &S, const FileReader &Read,
                                   std::vector<std::string> &Errors) {
  std::map<std::string, std::vector<const Suggestion *>> ByFile;
  for (const Suggestion &X : S)
    if (X.InsertLoc.valid())
      ByFile[X.InsertLoc.File].push_back(&X);
  std::string Out = "---\nMainSourceFile:  ''\nDiagnostics:\n";
  bool Any = false;
  for (const auto &[File, Items] : ByFile) {
    std::optional<std::string> Text = Read(File);
    if (!Text) {
      Errors.push_back(File + ": cannot read the file to compute its fixes");
      continue;
    }
    std::vector<Replacement> Edits;
    std::set<size_t> Taken; // two declarators of one declaration share a place
    for (const Suggestion *X : Items) {
      std::optional<size_t> At = offsetOf(*Text, X->InsertLoc.Line, X->InsertLoc.Col);
      if (!At || !Taken.insert(*At).second)
        continue;
      Edits.push_back({*At, "PDFLOW_DATA(" + X->Category + ") ",
                       "'" + X->Symbol + "' looks like " + X->Category + " (" + X->Reason +
                           ", confidence " + std::to_string(X->Confidence) + ")"});
    }
    if (Edits.empty())
      continue;
    if (std::optional<size_t> At = includeOffset(*Text))
      Edits.insert(Edits.begin(), {*At, "#include <pdflow/annotations.h>\n",
                                   "the annotations' header, for PDFLOW_DATA"});
    for (const Replacement &R : Edits) {
      Any = true;
      Out += "  - DiagnosticName:  pdflow-suggest\n"
             "    DiagnosticMessage:\n"
             "      Message:         " + singleQuoted(R.Message) + "\n"
             "      FilePath:        " + singleQuoted(File) + "\n"
             "      FileOffset:      " + std::to_string(R.Offset) + "\n"
             "      Replacements:\n"
             "        - FilePath:        " + singleQuoted(File) + "\n"
             "          Offset:          " + std::to_string(R.Offset) + "\n"
             "          Length:          0\n"
             "          ReplacementText: " + doubleQuoted(R.Text) + "\n"
             "    Level:           Warning\n";
    }
  }
  if (!Any)
    Out = "---\nMainSourceFile:  ''\nDiagnostics:     []\n";
  return Out + "...\n";
}

} // namespace pdflow
