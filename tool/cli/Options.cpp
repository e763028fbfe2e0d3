#include "Options.h"

#include "pdflow/support/Text.h"

#include "llvm/Support/Path.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace pdflow {

namespace {

const std::vector<std::string> Commands = {"inventory", "scan",  "baseline", "register",
                                           "suggest",   "facts", "rules"};

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

/// The --format values each command accepts, its default first; none for
/// the commands that write a format of their own.
std::vector<std::string> formatsOf(const std::string &Command) {
  if (Command == "inventory")
    return {"text", "json"};
  if (Command == "scan")
    return {"text", "json", "sarif"};
  if (Command == "register")
    return {"yaml", "md", "html", "csv", "xlsx", "dot"};
  if (Command == "suggest")
    return {"text", "yaml", "fixes"};
  return {};
}

/// "a, b or c".
std::string oneOf(const std::vector<std::string> &Items) {
  std::string Out;
  for (size_t I = 0; I < Items.size(); ++I)
    Out += (I == 0 ? "" : I + 1 == Items.size() ? " or " : ", ") + Items[I];
  return Out;
}

/// --format F for the command: one of its formats. A format of another
/// command is named as such.
bool checkFormat(const std::string &Command, const std::string &Format, std::string &Error) {
  std::vector<std::string> Formats = formatsOf(Command);
  if (Formats.empty()) {
    Error = Command == "baseline" ? "'baseline' writes its own JSON format; drop '--format'"
                                  : "'" + Command + "' takes no '--format'";
    return false;
  }
  if (std::find(Formats.begin(), Formats.end(), Format) != Formats.end())
    return true;
  Error = "'--format' of '" + Command + "' must be " + oneOf(Formats) + "; got '" + Format + "'";
  for (const std::string &Other : Commands) {
    std::vector<std::string> OtherFormats = formatsOf(Other);
    if (std::find(OtherFormats.begin(), OtherFormats.end(), Format) != OtherFormats.end()) {
      Error += ", a format of '" + Other + "'";
      return false;
    }
  }
  Error = withSuggestion(Error, Format, Formats);
  return false;
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

/// The commands that take --infer: those whose output shows inferred data as
/// such, and the extraction of facts for them.
bool infers(const std::string &Command) {
  return Command == "scan" || Command == "inventory" || Command == "baseline" || Command == "facts";
}

/// Options that only some commands take.
bool checkCommandOptions(const CliOptions &O, std::string &Error) {
  const std::string &C = O.Command;
  if (C != "scan" && !O.BaselineFile.empty())
    Error = "'--baseline' is an option of 'scan'; 'pdflow baseline' writes the file";
  else if (C != "scan" && !O.NewSince.empty())
    Error = "'--new-since' is an option of 'scan'";
  else if (C != "scan" && C != "baseline" && O.AllowIncomplete)
    Error = "'--allow-incomplete' is an option of 'scan' and 'baseline'";
  else if (C != "register" && (!O.Lang.empty() || !O.CheckFile.empty() || !O.SourceUrl.empty()))
    Error = "'--lang', '--check' and '--source-url' are options of 'register'";
  else if (C != "register" && O.Outputs.size() > 1)
    Error = "'-o' given " + std::to_string(O.Outputs.size()) +
            " times; only 'register' writes several files";
  else if (O.Infer && !infers(C))
    Error = C == "suggest" ? "'suggest' always infers; '--infer' is an option of 'scan', "
                             "'inventory', 'baseline' and 'facts'"
                           : "'--infer' is an option of 'scan', 'inventory', 'baseline' and "
                             "'facts'";
  else if (O.MinConfidence && !infers(C) && C != "suggest")
    Error = "'--min-confidence' is an option of 'scan', 'inventory', 'baseline', 'facts' and "
            "'suggest'";
  else if (!O.FactsDirs.empty() && C == "suggest")
    Error = "'--facts' is an option of 'inventory', 'scan', 'baseline' and 'register'; "
            "'suggest' parses the sources itself";
  else if (!O.FactsDirs.empty() && (O.Infer || O.MinConfidence))
    Error = "'--infer' and '--min-confidence' act when the facts are extracted: pass them to "
            "'pdflow facts'";
  return Error.empty();
}

/// register with several -o: each file's extension names its format.
bool checkRegisterOutputs(const CliOptions &Out, bool FormatGiven, std::string &Error) {
  if (FormatGiven) {
    Error = "with several -o, give no '--format': each file's extension names its format";
    return false;
  }
  for (const std::string &Path : Out.Outputs)
    if (registerFormatOfPath(Path).empty()) {
      Error = "'" + Path +
              "': with several -o, each file needs an extension naming its "
              "format: .yaml, .md, .html, .csv, .xlsx or .dot";
      return false;
    }
  return true;
}

/// register: the outputs and their formats, --check. Without --format, a
/// single -o names the format by its extension.
bool checkRegisterOptions(CliOptions &Out, bool FormatGiven, std::string &Error) {
  if (!FormatGiven && Out.Outputs.size() == 1)
    Out.Format = registerFormatOfPath(Out.Output);
  if (Out.Format.empty())
    Out.Format = formatsOf("register").front();
  if (Out.Outputs.size() > 1)
    return checkRegisterOutputs(Out, FormatGiven, Error);
  if (Out.Format == "xlsx" && (Out.Output.empty() || Out.Output == "-")) {
    Error = "'--format xlsx' writes a workbook: give the file with -o FILE";
    return false;
  }
  if (!Out.CheckFile.empty() && Out.Output == "-") {
    Error = "'--check' prints the changes on standard output; give -o a file";
    return false;
  }
  return true;
}

/// Every command's options but the positional ones.
bool checkOptions(CliOptions &Out, bool FormatGiven, std::string &Error) {
  if (!checkCommandOptions(Out, Error))
    return false;
  if (Out.Command == "register")
    return checkRegisterOptions(Out, FormatGiven, Error);
  if (Out.Format.empty() && !formatsOf(Out.Command).empty())
    Out.Format = formatsOf(Out.Command).front();
  return true;
}

} // namespace

std::string registerFormatOfPath(const std::string &Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  for (auto [Suffix, Format] : {std::pair{".yaml", "yaml"},
                                {".yml", "yaml"},
                                {".md", "md"},
                                {".html", "html"},
                                {".htm", "html"},
                                {".csv", "csv"},
                                {".xlsx", "xlsx"},
                                {".dot", "dot"},
                                {".gv", "dot"}})
    if (Ext.equals_insensitive(Suffix))
      return Format;
  return "";
}

bool parseOptions(const std::vector<std::string> &Args, CliOptions &Out, std::string &Error) {
  if (Args.empty()) {
    Error = "no command; expected one of " + oneOf(Commands);
    return false;
  }
  Out.Command = Args[0];
  if (std::find(Commands.begin(), Commands.end(), Out.Command) == Commands.end()) {
    Error = withSuggestion("unknown command '" + Out.Command + "'", Out.Command, Commands);
    return false;
  }
  const std::vector<std::string> Known = {"-p",
                                          "--config",
                                          "--format",
                                          "-o",
                                          "-j",
                                          "--flows",
                                          "--fail-on",
                                          "--help",
                                          "--stats",
                                          "--quiet",
                                          "--tu-timeout",
                                          "--facts",
                                          "--shard",
                                          "--baseline",
                                          "--new-since",
                                          "--allow-incomplete",
                                          "--lang",
                                          "--check",
                                          "--source-url",
                                          "--infer",
                                          "--min-confidence"};
  bool FormatGiven = false;
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
      if (!takeValue(Args, I, "--format", Out.Format, Error) ||
          !checkFormat(Out.Command, Out.Format, Error))
        return false;
      FormatGiven = true;
    } else if (is(A, "-o")) {
      if (!takeValue(Args, I, "-o", Out.Output, Error))
        return false;
      Out.Outputs.push_back(Out.Output);
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
    } else if (is(A, "--baseline")) {
      if (!takeValue(Args, I, "--baseline", Out.BaselineFile, Error))
        return false;
      if (Out.BaselineFile.empty()) {
        Error = "'--baseline' needs a file, written by 'pdflow baseline'";
        return false;
      }
    } else if (is(A, "--new-since")) {
      if (!takeValue(Args, I, "--new-since", Out.NewSince, Error))
        return false;
      if (Out.NewSince.empty()) {
        Error = "'--new-since' needs a git revision, such as the pull request's merge base";
        return false;
      }
    } else if (A == "--allow-incomplete") {
      Out.AllowIncomplete = true;
    } else if (is(A, "--lang")) {
      if (!takeValue(Args, I, "--lang", Out.Lang, Error))
        return false;
      if (Out.Lang != "en" && Out.Lang != "fr") {
        Error = "'--lang' must be en or fr; got '" + Out.Lang + "'";
        return false;
      }
    } else if (is(A, "--check")) {
      if (!takeValue(Args, I, "--check", Out.CheckFile, Error))
        return false;
      if (Out.CheckFile.empty()) {
        Error = "'--check' needs the YAML register to compare with";
        return false;
      }
    } else if (is(A, "--source-url")) {
      if (!takeValue(Args, I, "--source-url", Out.SourceUrl, Error))
        return false;
      if (Out.SourceUrl.empty()) {
        Error = "'--source-url' needs a template such as "
                "'https://host/org/repo/blob/{rev}/{path}#L{line}'";
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
      Error = "'--facts' reads facts for 'inventory', 'scan', 'baseline' and 'register'; "
              "'facts' writes them with -o DIR";
      return false;
    }
    if (!Out.BuildDir.empty()) {
      Error = "'--facts' and '-p' exclude each other: the facts replace the compile database";
      return false;
    }
    return checkOptions(Out, FormatGiven, Error);
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
    Error = "'" + Out.Command + "' needs -p BUILD_DIR, the directory holding compile_commands.json";
    return false;
  }
  if (Out.Command != "scan" && (Out.Flows)) {
    Error = "'--flows' is an option of 'scan'";
    return false;
  }
  return checkOptions(Out, FormatGiven, Error);
}

} // namespace pdflow
