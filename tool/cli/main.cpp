#include "pdflow/checks/Check.h"

#include <cstdio>

int main(int argc, char **argv) {
  for (const auto &R : pdflow::allRules())
    std::printf("%.*s\n", (int)R.Name.size(), R.Name.data());
  return 0;
}
