#include <cstdio>
#include <thread>

#include "app/cli/commands.h"
#include "inference/detector.h"
#ifdef VIGIE_HAVE_FFMPEG
#include "inference/video_source.h"
#endif

namespace vigie::app {

int runVersion(const std::vector<std::string>& args) {
    (void)args;
    std::printf("Vigie %s\n", VIGIE_VERSION);
    std::printf("%s\n", inference::torchRuntimeDescription().c_str());
#ifdef VIGIE_HAVE_FFMPEG
    std::printf("%s\n", inference::ffmpegVersion().c_str());
#else
    std::printf("built without FFmpeg: synthetic:// sources only\n");
#endif
    std::printf("%u CPU cores\n", std::thread::hardware_concurrency());
    return kExitOk;
}

}  // namespace vigie::app
