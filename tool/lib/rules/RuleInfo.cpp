#include "pdflow/rules/RuleInfo.h"
#include "pdflow/support/EmbeddedFile.h"

#include <map>

namespace pdflow {

const std::vector<RuleInfo> &allRules() {
  static const std::vector<RuleInfo> Rules = {
#define PDFLOW_RULE(Class, Name, Article, Sev, Summary) {Name, Article, Severity::Sev, Summary},
#include "pdflow/rules/Rules.def"
  };
  return Rules;
}

const RuleInfo *findRule(std::string_view Name) {
  for (const RuleInfo &R : allRules())
    if (R.Name == Name)
      return &R;
  return nullptr;
}

std::vector<std::string> ruleNames() {
  std::vector<std::string> Names;
  for (const RuleInfo &R : allRules())
    Names.emplace_back(R.Name);
  return Names;
}

std::string ruleDocsPath(std::string_view Name) {
  return "docs/rules/" + std::string(Name) + ".md";
}

const std::string &ruleDocs(std::string_view Name) {
  // Keyed by file name: "personal-data-in-logs.md".
  static const std::map<std::string, std::string, std::less<>> Docs = [] {
    std::map<std::string, std::string, std::less<>> Out;
    for (EmbeddedFile &F : ruleDocFiles())
      Out.emplace(std::move(F.Name), std::move(F.Text));
    return Out;
  }();
  static const std::string None;
  auto It = Docs.find(std::string(Name) + ".md");
  return It == Docs.end() ? None : It->second;
}

} // namespace pdflow
