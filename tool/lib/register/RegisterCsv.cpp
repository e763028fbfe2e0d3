// CSV: one row per activity, RFC 4180 (every field quoted, CRLF), UTF-8
// with a byte order mark so that spreadsheets detect the encoding.

#include "pdflow/register/RegisterWriters.h"

#include "Views.h"

#include "llvm/Support/JSON.h"

namespace pdflow {

namespace {

/// A quoted field. A cell a spreadsheet would read as a formula (=, +, -,
/// @, tab, CR first) is prefixed with ', as OWASP advises against CSV
/// injection: config text is not trusted to be harmless.
std::string field(const std::string &Value) {
  std::string Text = llvm::json::isUTF8(Value) ? Value : llvm::json::fixUTF8(Value);
  if (!Text.empty() && std::string("=+-@\t\r").find(Text.front()) != std::string::npos)
    Text.insert(Text.begin(), '\'');
  std::string Out = "\"";
  for (char C : Text) {
    if (C == '"')
      Out += '"';
    Out += C;
  }
  return Out + "\"";
}

std::string record(const std::vector<std::string> &Cells) {
  std::string Out;
  for (size_t I = 0; I < Cells.size(); ++I)
    Out += (I ? "," : "") + field(Cells[I]);
  return Out + "\r\n";
}

} // namespace

std::string renderRegisterCsv(const Register &R, const Taxonomy &Tax,
                              const RegisterRenderOptions &O) {
  Labels L(Tax, O.Lang);
  SummaryTable T = summaryTable(R, Tax, L);
  std::string Out = "\xEF\xBB\xBF";
  Out += record(T.Header);
  for (const std::vector<std::string> &Row : T.Rows)
    Out += record(Row);
  return Out;
}

} // namespace pdflow
