#ifndef PDFLOW_CHECKS_SPECIALCATEGORYWITHOUTCONDITIONCHECK_H
#define PDFLOW_CHECKS_SPECIALCATEGORYWITHOUTCONDITIONCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// Special-category or criminal data is processed in an activity with no
/// Art. 9(2) condition.
/// docs/rules/special-category-without-condition.md
class SpecialCategoryWithoutConditionCheck : public Check {
public:
  explicit SpecialCategoryWithoutConditionCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
