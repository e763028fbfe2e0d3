#ifndef PDFLOW_CHECKS_EXCESSTOSINKCHECK_H
#define PDFLOW_CHECKS_EXCESSTOSINKCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// A sink or recipient receives personal data categories it did not declare it
/// needs.
/// docs/rules/excess-to-sink.md
class ExcessToSinkCheck : public Check {
public:
  explicit ExcessToSinkCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
