#ifndef PDFLOW_CHECKS_THIRDCOUNTRYTRANSFERCHECK_H
#define PDFLOW_CHECKS_THIRDCOUNTRYTRANSFERCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// Personal data reaches a recipient outside the EEA with no adequacy decision
/// and no safeguard.
/// docs/rules/third-country-transfer.md
class ThirdCountryTransferCheck : public Check {
public:
  explicit ThirdCountryTransferCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
