#ifndef PDFLOW_CHECKS_UNREGISTEREDPROCESSINGCHECK_H
#define PDFLOW_CHECKS_UNREGISTEREDPROCESSINGCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// A flow of personal data to a sink runs under no declared processing
/// activity.
/// docs/rules/unregistered-processing.md
class UnregisteredProcessingCheck : public Check {
public:
  explicit UnregisteredProcessingCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
