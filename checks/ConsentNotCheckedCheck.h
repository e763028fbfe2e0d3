#ifndef PDFLOW_CHECKS_CONSENTNOTCHECKEDCHECK_H
#define PDFLOW_CHECKS_CONSENTNOTCHECKEDCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// An activity based on consent reaches a sink on a path not guarded by a
/// consent check for its purpose.
/// docs/rules/consent-not-checked.md
class ConsentNotCheckedCheck : public Check {
public:
  explicit ConsentNotCheckedCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
