#ifndef PDFLOW_CHECKS_UNUSEDPERSONALDATACHECK_H
#define PDFLOW_CHECKS_UNUSEDPERSONALDATACHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// A personal data element is collected or stored but no processing activity
/// reads it.
/// docs/rules/unused-personal-data.md
class UnusedPersonalDataCheck : public Check {
public:
  explicit UnusedPersonalDataCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
