// libFuzzer target: compile_commands.json. Reads the bytes as a database and
// adjusts each command it keeps for pdflow's Clang, as a scan would.
#include "pdflow/frontend/Frontend.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace pdflow;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  CompileDatabase Db = parseCompileDatabase(std::string(reinterpret_cast<const char *>(Data), Size),
                                            "/fuzz/compile_commands.json");
  for (const CompileCommand &C : Db.Commands)
    (void)adjustArguments(C.Args);
  return 0;
}
