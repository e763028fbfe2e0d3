#include "pdflow/checks/Check.h"

#include <algorithm>

namespace pdflow {

const std::vector<RuleInfo> &allRules() {
  static const std::vector<RuleInfo> Rules = {
#define PDFLOW_RULE(Class, Name, Article, Sev, Summary) {Name, Article, Severity::Sev, Summary},
#include "pdflow/checks/Rules.def"
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

} // namespace pdflow
