#ifndef PDFLOW_CHECKS_PERSONALDATAINLOGSCHECK_H
#define PDFLOW_CHECKS_PERSONALDATAINLOGSCHECK_H

#include "pdflow/checks/Check.h"

namespace pdflow {

/// Personal data reaches a log sink without being redacted, pseudonymized or
/// anonymized.
/// docs/rules/personal-data-in-logs.md
class PersonalDataInLogsCheck : public Check {
public:
  explicit PersonalDataInLogsCheck(CheckContext &Ctx);
  void check(const Model &M) override;
};

} // namespace pdflow

#endif
