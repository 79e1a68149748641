#include <cstdio>
#include <thread>

#include "app/cli/commands.h"
#include "inference/detector.h"
#include "inference/video_source.h"

namespace vigie::app {

int runVersion(const std::vector<std::string>& args) {
    (void)args;
    std::printf("Vigie %s\n", VIGIE_VERSION);
    std::printf("%s\n", inference::torchRuntimeDescription().c_str());
    std::printf("%s\n", inference::ffmpegVersion().c_str());
    std::printf("%u CPU cores\n", std::thread::hardware_concurrency());
    return kExitOk;
}

}  // namespace vigie::app
