#pragma once

namespace genlens::cli {

// Exit codes (DESIGN.md): the highest that applies wins.
enum ExitCode : int {
  kExitClean = 0,     // nothing at or above --fail-on
  kExitFindings = 1,  // findings at or above --fail-on
  kExitInput = 2,     // some input could not be processed
  kExitUsage = 3,     // bad usage, configuration or rules
  kExitInternal = 4,  // internal error
};

int run(int argc, char** argv);

}  // namespace genlens::cli
