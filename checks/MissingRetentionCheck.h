#ifndef PDFLOW_CHECKS_MISSINGRETENTIONCHECK_H
#define PDFLOW_CHECKS_MISSINGRETENTIONCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// Personal data reaches storage or an export with no retention period for it
/// or its activity.
/// docs/rules/missing-retention.md
class MissingRetentionCheck : public Check {
public:
  explicit MissingRetentionCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
