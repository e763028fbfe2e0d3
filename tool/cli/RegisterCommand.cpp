#include "RegisterCommand.h"

#include "pdflow/register/Register.h"
#include "pdflow/register/RegisterDrift.h"
#include "pdflow/register/RegisterWriters.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>

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
    llvm::errs() << "pdflow: error: cannot read '" << File << "': " << Buffer.getError().message()
                 << "\n";
    return ExitUsage;
  }
  DiagnosticList Diags;
  std::optional<Register> Committed = parseRegisterYaml((*Buffer)->getBuffer().str(), File, Diags);
  for (const Diagnostic &D : Diags.sorted())
    llvm::errs() << formatDiagnostic(D, llvm::errs().has_colors());
  if (!Committed || Diags.hasErrors())
    return ExitUsage;
  std::vector<std::string> Changes = registerDrift(*Committed, Current);
  if (Changes.empty()) {
    llvm::outs() << "pdflow: the register matches " << File << "\n";
    return ExitClean;
  }
  llvm::outs() << "pdflow: the processing differs from the register in " << File << ":\n";
  for (const std::string &C : Changes)
    llvm::outs() << "  " << C << "\n";
  llvm::outs() << "Review the change, then update the register: pdflow register -p BUILD_DIR -o "
               << File << "\n";
  return ExitFindings;
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

std::string render(const std::string &Format, const Register &Reg, const Taxonomy &Tax,
                   const RegisterRenderOptions &Opts) {
  if (Format == "yaml")
    return renderRegisterYaml(Reg, Opts);
  if (Format == "md")
    return renderRegisterMarkdown(Reg, Tax, Opts);
  if (Format == "html")
    return renderRegisterHtml(Reg, Tax, Opts);
  if (Format == "csv")
    return renderRegisterCsv(Reg, Tax, Opts);
  return renderRegisterDot(Reg, Tax, Opts);
}

/// Writes every target beside its file, then renames them all: no file is
/// replaced until every one is complete.
class StagedFiles {
public:
  ~StagedFiles() {
    for (const auto &[Temp, Final] : Staged)
      if (!Temp.empty())
        std::remove(Temp.c_str());
  }

  bool stage(const Target &T, const Register &Reg, const Taxonomy &Tax,
             const RegisterRenderOptions &Opts) {
    std::string Temp = T.Path + ".pdflow-tmp";
    Staged.push_back({Temp, T.Path});
    std::string Error;
    if (T.Format == "xlsx") {
      if (writeRegisterXlsx(Reg, Tax, Opts, Temp, Error))
        return true;
      llvm::errs() << "pdflow: error: " << Error << "\n";
      return false;
    }
    std::error_code EC;
    llvm::raw_fd_ostream Out(Temp, EC);
    if (!EC) {
      Out << render(T.Format, Reg, Tax, Opts);
      Out.close();
      if (!Out.has_error())
        return true;
      EC = Out.error();
      Out.clear_error();
    }
    llvm::errs() << "pdflow: error: cannot write '" << T.Path << "': " << EC.message() << "\n";
    return false;
  }

  bool commit() {
    for (auto &[Temp, Final] : Staged) {
      if (std::error_code EC = llvm::sys::fs::rename(Temp, Final)) {
        llvm::errs() << "pdflow: error: cannot write '" << Final << "': " << EC.message() << "\n";
        return false;
      }
      Temp.clear(); // renamed: nothing to remove
    }
    return true;
  }

private:
  std::vector<std::pair<std::string, std::string>> Staged; // temp, final
};

bool writeRegister(const CliOptions &O, const Register &Reg, const Taxonomy &Tax,
                   const RegisterRenderOptions &Opts) {
  std::vector<Target> Targets = targetsOf(O);
  if (Targets.size() == 1 && (Targets[0].Path.empty() || Targets[0].Path == "-")) {
    llvm::outs() << render(Targets[0].Format, Reg, Tax, Opts);
    llvm::outs().flush();
    return true;
  }
  StagedFiles Files;
  for (const Target &T : Targets)
    if (!Files.stage(T, Reg, Tax, Opts))
      return false;
  return Files.commit();
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
