#include "CheckFactories.h"
#include "pdflow/checks/Check.h"

#include <algorithm>

namespace pdflow {

namespace {
struct CheckFactory {
  std::string_view Name;
  std::unique_ptr<Check> (*Create)(CheckContext &);
};
} // namespace

static const std::vector<CheckFactory> &checkFactories() {
  static const std::vector<CheckFactory> Factories = {
#define PDFLOW_RULE(Class, Name, Article, Sev, Summary) {Name, &create##Class##Check},
#include "pdflow/rules/Rules.def"
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
