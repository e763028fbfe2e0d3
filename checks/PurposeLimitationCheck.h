#ifndef PDFLOW_CHECKS_PURPOSELIMITATIONCHECK_H
#define PDFLOW_CHECKS_PURPOSELIMITATIONCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// Personal data flows into an activity or sink whose purpose is not among the
/// data's purposes.
/// docs/rules/purpose-limitation.md
class PurposeLimitationCheck : public Check {
public:
  explicit PurposeLimitationCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
