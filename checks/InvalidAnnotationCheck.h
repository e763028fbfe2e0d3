#ifndef PDFLOW_CHECKS_INVALIDANNOTATIONCHECK_H
#define PDFLOW_CHECKS_INVALIDANNOTATIONCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// An annotation or side annotation is malformed or names an unknown taxonomy
/// entry.
/// docs/rules/invalid-annotation.md
class InvalidAnnotationCheck : public Check {
public:
  explicit InvalidAnnotationCheck(CheckContext &Ctx);
  void check(const Model &M) override;

private:
  void checkElement(const Model &M, const DataElement &E);
  void checkActivities(const Model &M);
};

} // namespace pdflow

#endif
