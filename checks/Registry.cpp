#include "CheckFactories.h"
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

namespace {
struct CheckFactory {
  std::string_view Name;
  std::unique_ptr<Check> (*Create)(CheckContext &);
};
} // namespace

static const std::vector<CheckFactory> &checkFactories() {
  static const std::vector<CheckFactory> Factories = {
#define PDFLOW_RULE(Class, Name, Article, Sev, Summary) {Name, &create##Class##Check},
#include "pdflow/checks/Rules.def"
  };
  return Factories;
}

std::unique_ptr<Check> createCheck(std::string_view Name, CheckContext &Ctx) {
  for (const CheckFactory &F : checkFactories())
    if (F.Name == Name)
      return F.Create(Ctx);
  return nullptr;
}

std::map<std::string, std::string> ruleOptions(std::string_view Name) {
  const RuleInfo *Rule = findRule(Name);
  if (!Rule)
    return {};
  DiagnosticList Ignored;
  CheckContext Ctx(*Rule, nullptr, Ignored);
  std::unique_ptr<Check> C = createCheck(Name, Ctx);
  return C ? Ctx.declaredOptions() : std::map<std::string, std::string>{};
}

} // namespace pdflow
