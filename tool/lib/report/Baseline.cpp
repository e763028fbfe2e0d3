#include "pdflow/report/Baseline.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"

#include <map>

namespace pdflow {

namespace json = llvm::json;

namespace {

constexpr int64_t BaselineVersion = 1;

json::Value entryJson(const Diagnostic &D) {
  return json::Object{
      {"fingerprint", D.Fingerprint},
      {"rule", D.Rule},
      {"severity", severityName(D.Sev)},
      {"file", D.Loc.File},
      {"line", static_cast<int64_t>(D.Loc.Line)},
      {"message", json::isUTF8(D.Message) ? D.Message : json::fixUTF8(D.Message)},
  };
}

/// "[3:5, byte=20]: Expected ..." (llvm::json's ParseError) as "3:5: expected ...".
std::string parseErrorText(llvm::Error E) {
  std::string Text = llvm::toString(std::move(E));
  llvm::SmallVector<llvm::StringRef, 4> Groups;
  if (!llvm::Regex("^\\[([0-9]+):([0-9]+), byte=[0-9]+\\]: (.*)$").match(Text, &Groups))
    return " " + Text;
  std::string Message = Groups[3].str();
  if (!Message.empty())
    Message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(Message[0])));
  return (Groups[1] + ":" + Groups[2] + ": ").str() + Message;
}

std::string stringField(const json::Object &O, llvm::StringRef Key) {
  std::optional<llvm::StringRef> S = O.getString(Key);
  return S ? S->str() : std::string();
}

} // namespace

std::string renderBaseline(const std::vector<Diagnostic> &Findings,
                           const std::vector<std::string> &IncompleteFiles) {
  json::Array Entries;
  for (const Diagnostic &D : Findings)
    Entries.push_back(entryJson(D));
  json::Array Incomplete;
  for (const std::string &F : IncompleteFiles)
    Incomplete.push_back(F);
  json::Value Root = json::Object{{"version", BaselineVersion},
                                  {"tool", "pdflow"},
                                  {"incomplete", std::move(Incomplete)},
                                  {"findings", std::move(Entries)}};
  return llvm::formatv("{0:2}", Root).str() + "\n";
}

std::optional<Baseline> parseBaseline(llvm::StringRef Text, const std::string &Path,
                                      std::string &Error) {
  llvm::Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed) {
    Error = Path + ":" + parseErrorText(Parsed.takeError());
    return std::nullopt;
  }
  const json::Object *Root = Parsed->getAsObject();
  if (!Root) {
    Error = Path + ": a baseline is a JSON object; write one with 'pdflow baseline'";
    return std::nullopt;
  }
  std::optional<int64_t> Version = Root->getInteger("version");
  if (Version != BaselineVersion) {
    Error = Path + ": unsupported baseline version" +
            (Version ? " " + std::to_string(*Version) : std::string()) +
            "; this pdflow reads version 1 (write a new one with 'pdflow baseline')";
    return std::nullopt;
  }
  const json::Array *Findings = Root->getArray("findings");
  if (!Findings) {
    Error = Path + ": no \"findings\" array";
    return std::nullopt;
  }
  Baseline B;
  for (size_t I = 0; I < Findings->size(); ++I) {
    const json::Object *O = (*Findings)[I].getAsObject();
    std::optional<llvm::StringRef> Fingerprint = O ? O->getString("fingerprint") : std::nullopt;
    if (!Fingerprint || Fingerprint->empty()) {
      Error = Path + ": entry " + std::to_string(I + 1) +
              " of \"findings\" has no \"fingerprint\" string";
      return std::nullopt;
    }
    BaselineEntry E;
    E.Fingerprint = Fingerprint->str();
    E.Rule = stringField(*O, "rule");
    E.Severity = stringField(*O, "severity");
    E.File = stringField(*O, "file");
    E.Line = static_cast<unsigned>(O->getInteger("line").value_or(0));
    E.Message = stringField(*O, "message");
    B.Entries.push_back(std::move(E));
  }
  return B;
}

BaselineMatch applyBaseline(const Baseline &B, std::vector<Diagnostic> Findings) {
  // Fingerprint -> entries holding it that no finding has matched yet.
  std::map<std::string, size_t> Unmatched;
  for (const BaselineEntry &E : B.Entries)
    ++Unmatched[E.Fingerprint];
  std::map<std::string, size_t> Total = Unmatched;
  BaselineMatch M;
  for (Diagnostic &D : Findings) {
    auto It = Unmatched.find(D.Fingerprint);
    if (It != Unmatched.end() && It->second > 0) {
      --It->second;
      M.Known.push_back(std::move(D));
    } else {
      M.New.push_back(std::move(D));
    }
  }
  // Of the entries sharing a fingerprint, the last unmatched ones are stale.
  std::map<std::string, size_t> Seen;
  for (const BaselineEntry &E : B.Entries)
    if (++Seen[E.Fingerprint] > Total[E.Fingerprint] - Unmatched[E.Fingerprint])
      M.Stale.push_back(E);
  return M;
}

} // namespace pdflow
