// libFuzzer target: .pdflow.yaml as anyone may write it. Parses the bytes as
// a config, renders every problem as text, and matches the config's globs
// against a few names (the glob matcher takes patterns from the config).
#include "pdflow/checks/Check.h"
#include "pdflow/config/Config.h"
#include "pdflow/support/Text.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace pdflow;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const Taxonomy Builtin = Taxonomy::builtin();
  static const std::vector<std::string> Rules = ruleNames();
  static const std::vector<std::string> Names = {
      "shop::Customer::email",          "acme::net::http::RestClient::send", "operator*",
      "std::basic_ostream::operator<<", "(anonymous namespace)::f",          ""};
  Taxonomy Tax = Builtin; // the config's taxonomy: extends it
  DiagnosticList Diags;
  std::optional<Config> Cfg = parseConfig(std::string(reinterpret_cast<const char *>(Data), Size),
                                          "fuzz.yaml", Tax, Diags, Rules);
  for (const Diagnostic &D : Diags.sorted())
    (void)formatDiagnostic(D, /*Color=*/true);
  if (!Cfg)
    return 0;
  auto MatchAll = [&](const std::string &Glob) {
    for (const std::string &N : Names)
      (void)matchQualifiedName(Glob, N);
  };
  for (const SinkModel &S : Cfg->Models.Sinks) {
    MatchAll(S.Function);
    MatchAll(S.Type);
    MatchAll(S.Object);
  }
  for (const SideAnnotation &A : Cfg->Data)
    MatchAll(A.Symbol);
  for (const ActivityDecl &A : Cfg->Activities)
    for (const std::string &Glob : A.EntryPoints)
      MatchAll(Glob);
  return 0;
}
