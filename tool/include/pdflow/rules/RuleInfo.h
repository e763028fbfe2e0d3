#ifndef PDFLOW_RULES_RULEINFO_H
#define PDFLOW_RULES_RULEINFO_H

// The rules' metadata, from the one list in Rules.def, as a layer of its own:
// the checks, `pdflow rules` and the SARIF rule table all read it, and none
// of them needs the others for it.

#include "pdflow/support/Diagnostics.h"

#include <string>
#include <string_view>
#include <vector>

namespace pdflow {

/// One row of pdflow/rules/Rules.def.
struct RuleInfo {
  std::string_view Name;
  std::string_view Article;
  Severity DefaultSeverity;
  std::string_view Summary;
};

/// Every rule, sorted by name.
const std::vector<RuleInfo> &allRules();
const RuleInfo *findRule(std::string_view Name);
std::vector<std::string> ruleNames();

/// "docs/rules/<name>.md": the rule's docs page, relative to the source tree.
std::string ruleDocsPath(std::string_view Name);
/// The text of the rule's docs page, compiled into the binary from
/// docs/rules/ (never read from disk at run time); empty for an unknown rule.
const std::string &ruleDocs(std::string_view Name);

} // namespace pdflow

#endif
