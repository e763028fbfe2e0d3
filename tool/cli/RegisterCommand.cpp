#include "RegisterCommand.h"

#include "pdflow/register/Register.h"
#include "pdflow/register/RegisterDrift.h"
#include "pdflow/register/RegisterWriters.h"
#include "pdflow/support/OutputFile.h"
#include "pdflow/support/Text.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <set>

namespace pdflow {

namespace {

std::string currentDir() {
  llvm::SmallString<256> Dir;
  llvm::sys::fs::current_path(Dir);
  return std::string(Dir);
}

/// Config locations come from the config as it was found (absolute); show
/// them relative to the current directory like every other path.
void relativizeMissing(Register &Reg, const std::string &Dir) {
  std::string Prefix = Dir + "/";
  for (MissingField &F : Reg.Missing)
    if (llvm::StringRef(F.Where.File).starts_with(Prefix))
      F.Where.File = F.Where.File.substr(Prefix.size());
}

/// "file:line:col: warning: activity 'x': no legal basis (GDPR Art. 6(1))".
void reportMissing(const Register &Reg, bool Color) {
  for (const MissingField &F : Reg.Missing) {
    Diagnostic D;
    D.Sev = Severity::Warning;
    D.Loc = F.Where;
    D.Message = describeMissing(F) + "; the register shows it as missing";
    llvm::errs() << formatDiagnostic(D, Color);
  }
}

/// The directory whose git work tree holds the sources: that of the first
/// data element, else the current one.
std::string sourcesDir(const Model &M, const std::string &Cwd) {
  if (M.Elements.empty())
    return Cwd;
  llvm::SmallString<256> File(M.Elements.front().Loc.File);
  llvm::sys::fs::make_absolute(Cwd, File);
  return llvm::sys::path::parent_path(File).str();
}

std::optional<SourceLinker> makeLinker(const std::string &Template, const Model &M) {
  std::string Cwd = currentDir();
  std::string Error;
  std::optional<GitWorkTree> Tree = findGitWorkTree(sourcesDir(M, Cwd), Error);
  if (Tree)
    return SourceLinker(Template, Tree->Head, Tree->Top, Cwd);
  if (SourceLinker::usesRev(Template)) {
    llvm::errs() << "pdflow: error: '--source-url' uses {rev}, but " << Error << "\n";
    return std::nullopt;
  }
  return SourceLinker(Template, "", Cwd, Cwd);
}

/// --check: 0 when File describes the same processing, 1 with the changes
/// printed, 2 when File cannot be read as a register.
int checkAgainst(const std::string &File, const Register &Current) {
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
  if (!Buffer) {
    llvm::errs() << "pdflow: error: cannot read '" << escapeNonPrintable(File)
                 << "': " << errorReason(Buffer.getError()) << "\n";
    return ExitUsage;
  }
  DiagnosticList Diags;
  std::optional<Register> Committed = parseRegisterYaml((*Buffer)->getBuffer().str(), File, Diags);
  for (const Diagnostic &D : Diags.sorted())
    llvm::errs() << formatDiagnostic(D, llvm::errs().has_colors());
  if (!Committed || Diags.hasErrors())
    return ExitUsage;
  // Names from the code and the config, escaped like every text output.
  std::vector<std::string> Changes = registerDrift(*Committed, Current);
  std::string Shown = escapeNonPrintable(File);
  std::string Text;
  if (Changes.empty()) {
    Text = "pdflow: the register matches " + Shown + "\n";
  } else {
    Text = "pdflow: the processing differs from the register in " + Shown + ":\n";
    for (const std::string &C : Changes)
      Text += "  " + escapeNonPrintable(C) + "\n";
    Text += "Review the change, then update the register: pdflow register -p BUILD_DIR -o " +
            Shown + "\n";
  }
  if (llvm::Error E = writeStandardOutput(Text)) {
    llvm::errs() << "pdflow: error: " << llvm::toString(std::move(E)) << "\n";
    return ExitUsage;
  }
  return Changes.empty() ? ExitClean : ExitFindings;
}

/// One output: a file (or standard output for "" and "-") in a format.
struct Target {
  std::string Path;
  std::string Format;
};

std::vector<Target> targetsOf(const CliOptions &O) {
  if (O.Outputs.size() <= 1)
    return {{O.Output, O.Format}};
  std::vector<Target> Out;
  for (const std::string &Path : O.Outputs)
    Out.push_back({Path, registerFormatOfPath(Path)});
  return Out;
}

/// The bytes of the register in Format; none, with the reason on stderr,
/// when they cannot be made.
std::optional<std::string> render(const std::string &Format, const Register &Reg,
                                  const Taxonomy &Tax, const RegisterRenderOptions &Opts) {
  if (Format == "yaml")
    return renderRegisterYaml(Reg, Opts);
  if (Format == "md")
    return renderRegisterMarkdown(Reg, Tax, Opts);
  if (Format == "html")
    return renderRegisterHtml(Reg, Tax, Opts);
  if (Format == "csv")
    return renderRegisterCsv(Reg, Tax, Opts);
  if (Format == "dot")
    return renderRegisterDot(Reg, Tax, Opts);
  std::string Error;
  std::optional<std::string> Workbook = renderRegisterXlsx(Reg, Tax, Opts, Error);
  if (!Workbook)
    llvm::errs() << "pdflow: error: " << Error << "\n";
  return Workbook;
}

/// Renders every target, then writes them all through OutputFile: whole,
/// never over what is not a plain file of the user's, and none replaced
/// until all are ready.
bool writeRegister(const CliOptions &O, const Register &Reg, const Taxonomy &Tax,
                   const RegisterRenderOptions &Opts) {
  std::vector<Target> Targets = targetsOf(O);
  std::vector<std::string> Contents;
  for (const Target &T : Targets) {
    std::optional<std::string> Bytes = render(T.Format, Reg, Tax, Opts);
    if (!Bytes)
      return false;
    Contents.push_back(std::move(*Bytes));
  }
  llvm::Error E = llvm::Error::success();
  if (Targets.size() == 1 && (Targets[0].Path.empty() || Targets[0].Path == "-")) {
    E = writeStandardOutput(Contents[0]);
  } else {
    std::vector<OutputFileContents> Files;
    for (size_t I = 0; I < Targets.size(); ++I)
      Files.push_back({Targets[I].Path, Contents[I]});
    E = writeOutputFiles(Files);
  }
  if (!E)
    return true;
  llvm::errs() << "pdflow: error: " << llvm::toString(std::move(E)) << "\n";
  return false;
}

/// The inferred data elements the register lists apart, to confirm.
size_t toConfirmCount(const Register &Reg) {
  std::set<std::pair<std::string, SourceLoc>> Elements;
  auto Add = [&](const std::vector<ToConfirmCategory> &Categories) {
    for (const ToConfirmCategory &C : Categories)
      for (const InferredElement &E : C.Elements)
        Elements.insert({E.Element, E.Declaration});
  };
  for (const RegisterActivity &A : Reg.Activities)
    Add(A.ToConfirm);
  Add(Reg.UnregisteredToConfirm);
  return Elements.size();
}

} // namespace

int runRegister(const CliOptions &O, const AnalysisResult &R) {
  if (R.UsageError) {
    llvm::errs() << "pdflow: register not written: fix the errors above first\n";
    return ExitUsage;
  }
  if (R.Incomplete) {
    llvm::errs() << "pdflow: register not written: the analysis is incomplete, and a register "
                    "without the processing of the files named above would be wrong\n";
    return ExitIncomplete;
  }
  Register Reg = buildRegister(R.M);
  if (size_t Inferred = toConfirmCount(Reg))
    llvm::errs() << "pdflow: warning: " << Inferred << " inferred data "
                 << (Inferred == 1 ? "element is" : "elements are")
                 << " listed apart, to confirm (discovery: infer): annotate them ('pdflow "
                    "suggest') to register their processing\n";
  relativizeMissing(Reg, currentDir());
  reportMissing(Reg, llvm::errs().has_colors());
  RegisterRenderOptions Opts;
  Opts.Lang = parseRegisterLang(O.Lang).value_or(RegisterLang::En);
  if (!O.SourceUrl.empty()) {
    Opts.Links = makeLinker(O.SourceUrl, R.M);
    if (!Opts.Links)
      return ExitUsage;
  }
  int Code = ExitClean;
  if (!O.CheckFile.empty()) {
    Code = checkAgainst(O.CheckFile, Reg);
    if (Code == ExitUsage || O.Outputs.empty())
      return Code;
  }
  if (!writeRegister(O, Reg, *R.Tax, Opts))
    return ExitUsage;
  return Code;
}

} // namespace pdflow
