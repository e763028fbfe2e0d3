#include "pdflow/support/SourceLoc.h"

namespace pdflow {

std::string SourceLoc::str() const {
  if (Line == 0)
    return File;
  std::string S = File + ":" + std::to_string(Line);
  if (Col != 0)
    S += ":" + std::to_string(Col);
  return S;
}

} // namespace pdflow
