#include "Options.h"

#include "pdflow/support/Text.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace pdflow {

namespace {

const std::vector<std::string> Commands = {"inventory", "scan", "suggest", "facts", "rules"};

/// "K/N" with 1 <= K <= N.
bool parseShard(const std::string &V, unsigned &Index, unsigned &Count) {
  size_t Slash = V.find('/');
  if (Slash == std::string::npos)
    return false;
  unsigned K = 0, N = 0;
  auto [P1, E1] = std::from_chars(V.data(), V.data() + Slash, K);
  auto [P2, E2] = std::from_chars(V.data() + Slash + 1, V.data() + V.size(), N);
  if (E1 != std::errc() || E2 != std::errc() || P1 != V.data() + Slash ||
      P2 != V.data() + V.size() || K == 0 || N == 0 || K > N)
    return false;
  Index = K - 1;
  Count = N;
  return true;
}

/// The --format values each command accepts, the first being its default.
std::vector<std::string> formatsOf(const std::string &Command) {
  if (Command == "suggest")
    return {"text", "yaml", "fixes"};
  return {"text", "json"};
}

/// "a, b or c".
std::string orList(const std::vector<std::string> &Items) {
  std::string Out;
  for (size_t I = 0; I < Items.size(); ++I)
    Out += (I == 0 ? "" : I + 1 == Items.size() ? " or " : ", ") + Items[I];
  return Out;
}

bool takeValue(const std::vector<std::string> &Args, size_t &I, const std::string &Flag,
               std::string &Value, std::string &Error) {
  const std::string &A = Args[I];
  // --flag=value, -pVALUE, or --flag value.
  if (A.size() > Flag.size() && A.compare(0, Flag.size(), Flag) == 0) {
    size_t Start = Flag.size() + (A[Flag.size()] == '=' ? 1 : 0);
    Value = A.substr(Start);
    return true;
  }
  if (I + 1 >= Args.size()) {
    Error = "option '" + Flag + "' needs a value";
    return false;
  }
  Value = Args[++I];
  return true;
}

bool is(const std::string &Arg, const std::string &Flag) {
  if (Arg == Flag)
    return true;
  if (Arg.compare(0, Flag.size(), Flag) != 0)
    return false;
  // "-j4" and "-pbuild" for the one-letter options; "--format=json" for the long ones.
  return Flag.size() == 2 ? Arg.size() > 2 : Arg[Flag.size()] == '=';
}

} // namespace

bool parseOptions(const std::vector<std::string> &Args, CliOptions &Out, std::string &Error) {
  if (Args.empty()) {
    Error = "no command; expected one of inventory, scan, suggest, facts, rules";
    return false;
  }
  Out.Command = Args[0];
  if (std::find(Commands.begin(), Commands.end(), Out.Command) == Commands.end()) {
    Error = withSuggestion("unknown command '" + Out.Command + "'", Out.Command, Commands);
    return false;
  }
  const std::vector<std::string> Known = {"-p",      "--config",  "--format",     "-o",
                                          "-j",      "--flows",   "--fail-on",    "--help",
                                          "--stats", "--quiet",   "--tu-timeout", "--facts",
                                          "--shard", "--infer",   "--min-confidence"};
  for (size_t I = 1; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    std::string V;
    if (A == "--help" || A == "-h") {
      Out.Help = true;
    } else if (is(A, "-p")) {
      if (!takeValue(Args, I, "-p", Out.BuildDir, Error))
        return false;
    } else if (is(A, "--config")) {
      if (!takeValue(Args, I, "--config", Out.ConfigFile, Error))
        return false;
    } else if (is(A, "--format")) {
      if (!takeValue(Args, I, "--format", Out.Format, Error))
        return false;
      std::vector<std::string> Formats = formatsOf(Out.Command);
      if (std::find(Formats.begin(), Formats.end(), Out.Format) == Formats.end()) {
        Error = withSuggestion("'--format' of '" + Out.Command + "' must be " + orList(Formats) +
                                   "; got '" + Out.Format + "'",
                               Out.Format, Formats);
        return false;
      }
    } else if (is(A, "-o")) {
      if (!takeValue(Args, I, "-o", Out.Output, Error))
        return false;
    } else if (is(A, "-j")) {
      if (!takeValue(Args, I, "-j", V, Error))
        return false;
      unsigned N = 0;
      auto [P, EC] = std::from_chars(V.data(), V.data() + V.size(), N);
      if (EC != std::errc() || P != V.data() + V.size() || N == 0) {
        Error = "'-j' takes a positive number of jobs; got '" + V + "'";
        return false;
      }
      Out.Jobs = N;
    } else if (A == "--infer") {
      Out.Infer = true;
    } else if (is(A, "--min-confidence")) {
      if (!takeValue(Args, I, "--min-confidence", V, Error))
        return false;
      unsigned N = 0;
      auto [P, EC] = std::from_chars(V.data(), V.data() + V.size(), N);
      if (EC != std::errc() || P != V.data() + V.size() || N > 100) {
        Error = "'--min-confidence' takes a percentage from 0 to 100; got '" + V + "'";
        return false;
      }
      Out.MinConfidence = N;
    } else if (A == "--flows") {
      Out.Flows = true;
    } else if (is(A, "--facts")) {
      if (!takeValue(Args, I, "--facts", V, Error))
        return false;
      Out.FactsDirs.push_back(V);
    } else if (is(A, "--shard")) {
      if (!takeValue(Args, I, "--shard", V, Error))
        return false;
      if (!parseShard(V, Out.ShardIndex, Out.ShardCount)) {
        Error = "'--shard' takes K/N with 1 <= K <= N, e.g. 2/8; got '" + V + "'";
        return false;
      }
    } else if (A == "--stats") {
      Out.Stats = true;
    } else if (A == "--quiet" || A == "-q") {
      Out.Quiet = true;
    } else if (is(A, "--tu-timeout")) {
      if (!takeValue(Args, I, "--tu-timeout", V, Error))
        return false;
      char *End = nullptr;
      double Seconds = std::strtod(V.c_str(), &End);
      if (V.empty() || *End != '\0' || !(Seconds > 0)) {
        Error = "'--tu-timeout' takes a positive number of seconds; got '" + V + "'";
        return false;
      }
      Out.TuTimeout = Seconds;
    } else if (is(A, "--fail-on")) {
      if (!takeValue(Args, I, "--fail-on", V, Error))
        return false;
      if (!parseSeverity(V, Out.FailOn)) {
        Error = "'--fail-on' must be note, warning or error; got '" + V + "'";
        return false;
      }
    } else if (!A.empty() && A[0] == '-') {
      Error = withSuggestion("unknown option '" + A + "'", A, Known);
      return false;
    } else {
      Out.Files.push_back(A);
    }
  }
  if (Out.Help || Out.Command == "rules")
    return true;
  // With --facts the positional arguments are more facts directories.
  if (!Out.FactsDirs.empty()) {
    Out.FactsDirs.insert(Out.FactsDirs.end(), Out.Files.begin(), Out.Files.end());
    Out.Files.clear();
    if (Out.Command == "facts") {
      Error = "'--facts' reads facts for 'scan' and 'inventory'; 'facts' writes them with -o DIR";
      return false;
    }
    if (!Out.BuildDir.empty()) {
      Error = "'--facts' and '-p' exclude each other: the facts replace the compile database";
      return false;
    }
    return true;
  }
  if (Out.Command == "facts" && Out.Output.empty()) {
    Error = "'facts' needs -o DIR, the directory to write the facts files into";
    return false;
  }
  if (Out.Command != "facts" && Out.ShardCount != 1) {
    Error = "'--shard' is an option of 'facts'";
    return false;
  }
  if (Out.BuildDir.empty()) {
    Error = "'" + Out.Command +
            "' needs -p BUILD_DIR, the directory holding compile_commands.json";
    return false;
  }
  if (Out.Command != "scan" && (Out.Flows)) {
    Error = "'--flows' is an option of 'scan'";
    return false;
  }
  if (Out.Command == "suggest" && Out.Infer) {
    Error = "'suggest' always infers; '--infer' is an option of 'scan' and 'inventory'";
    return false;
  }
  return true;
}

} // namespace pdflow
