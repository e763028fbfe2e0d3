#ifndef PDFLOW_CHECKS_MISSINGLEGALBASISCHECK_H
#define PDFLOW_CHECKS_MISSINGLEGALBASISCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// An activity that processes personal data has no valid legal basis.
/// docs/rules/missing-legal-basis.md
class MissingLegalBasisCheck : public Check {
public:
  explicit MissingLegalBasisCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
