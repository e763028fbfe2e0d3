// One factory per rule, declared from Rules.def: each checks/<Class>Check.cpp
// defines its own, and a rule without a class fails to link.
#ifndef PDFLOW_CHECKS_CHECKFACTORIES_H
#define PDFLOW_CHECKS_CHECKFACTORIES_H

#include "pdflow/checks/Check.h"

#include <memory>

namespace pdflow {

#define PDFLOW_RULE(Class, Name, Article, Sev, Summary)                                            \
  std::unique_ptr<Check> create##Class##Check(CheckContext &Ctx);
#include "pdflow/rules/Rules.def"

} // namespace pdflow

#endif
