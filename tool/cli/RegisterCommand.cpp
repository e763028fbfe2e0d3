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
  for (const MissingField &F : Reg.Missing)
    llvm::errs() << formatDiagnostic({Severity::Warning, F.Where,
                                      describeMissing(F) + "; the register shows it as missing",
                                      "", {}, {}},
                                     Color);
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

/// The workbook goes beside Path first, then replaces it.
bool writeXlsx(const std::string &Path, const Register &Reg, const Taxonomy &Tax,
               const RegisterRenderOptions &Opts) {
  std::string Temp = Path + ".pdflow-tmp";
  std::string Error;
  if (!writeRegisterXlsx(Reg, Tax, Opts, Temp, Error)) {
    llvm::errs() << "pdflow: error: " << Error << "\n";
    std::remove(Temp.c_str());
    return false;
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::errs() << "pdflow: error: cannot write '" << Path << "': " << EC.message() << "\n";
    std::remove(Temp.c_str());
    return false;
  }
  return true;
}

bool writeRegister(const CliOptions &O, const Register &Reg, const Taxonomy &Tax,
                   const RegisterRenderOptions &Opts, OutputWriter Write) {
  if (O.Format == "xlsx")
    return writeXlsx(O.Output, Reg, Tax, Opts);
  std::string Text;
  if (O.Format == "yaml")
    Text = renderRegisterYaml(Reg, Opts);
  else if (O.Format == "md")
    Text = renderRegisterMarkdown(Reg, Tax, Opts);
  else if (O.Format == "html")
    Text = renderRegisterHtml(Reg, Tax, Opts);
  else if (O.Format == "csv")
    Text = renderRegisterCsv(Reg, Tax, Opts);
  else
    Text = renderRegisterDot(Reg, Tax, Opts);
  return Write(O.Output, Text);
}

} // namespace

int runRegister(const CliOptions &O, const AnalysisResult &R, OutputWriter Write) {
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
    if (Code == ExitUsage || O.Output.empty())
      return Code;
  }
  if (!writeRegister(O, Reg, *R.Tax, Opts, Write))
    return ExitUsage;
  return Code;
}

} // namespace pdflow
