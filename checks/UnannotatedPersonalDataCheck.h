#ifndef PDFLOW_CHECKS_UNANNOTATEDPERSONALDATACHECK_H
#define PDFLOW_CHECKS_UNANNOTATEDPERSONALDATACHECK_H

#include "pdflow/lexicon/PersonalDataLexicon.h"
#include "pdflow/checks/Check.h"

#include <string>
#include <utility>
#include <vector>

namespace pdflow {

/// A declaration whose name or type looks like personal data carries no
/// annotation.
/// docs/rules/unannotated-personal-data.md
class UnannotatedPersonalDataCheck : public Check {
public:
  explicit UnannotatedPersonalDataCheck(CheckContext &Ctx);
  void check(const Model &M) override;

private:
  /// Items of `extra_words` that are not word=category, reported in check().
  std::vector<std::string> MalformedExtraWords;
  /// Option `extra_words`: "word=category, ..." added to the built-in words.
  const std::vector<std::pair<std::string, std::string>> ExtraWords;
  /// Option `ignore`: qualified-name globs never reported.
  const std::vector<std::string> Ignore;
  // Parameters usually carry data already tracked from where it was read;
  // off by default, on for code whose entry points take raw personal data.
  const bool CheckParameters;
};

} // namespace pdflow

#endif
