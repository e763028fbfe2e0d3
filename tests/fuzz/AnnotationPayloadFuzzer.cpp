// libFuzzer target: the text of a PDFLOW_* annotation. The first byte picks
// the annotation (one of pdflow's, or a misspelt one), the rest is its text.
#include "pdflow/annotations/AnnotationSpec.h"
#include "pdflow/support/Text.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace pdflow;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const Taxonomy Tax = Taxonomy::builtin();
  static const char *const Names[] = {"pdflow.data",      "pdflow.subject",  "pdflow.sink",
                                      "pdflow.transform", "pdflow.activity", "pdflow.consent_check",
                                      "pdflow.dta"};
  if (Size == 0)
    return 0;
  const std::string Name = Names[Data[0] % (sizeof(Names) / sizeof(Names[0]))];
  const std::string Text(reinterpret_cast<const char *>(Data + 1), Size - 1);
  std::vector<AnnotationProblem> Problems;
  std::optional<ParsedAnnotation> A = parseAnnotation(Name, Text, Tax, Problems);
  for (const AnnotationProblem &P : Problems)
    (void)escapeNonPrintable(P.Message);
  if (A)
    (void)sameMeaning(*A, *A);
  return 0;
}
