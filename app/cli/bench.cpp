#include "app/cli/commands.h"

#include <cstdio>

namespace vigie::app {

int runBench(const std::vector<std::string>& args) {
    (void)args;
    std::fprintf(stderr, "vigie bench: not built yet\n");
    return kExitFailure;
}

}  // namespace vigie::app
