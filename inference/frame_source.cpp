#include "inference/frame_source.h"

#include "inference/synthetic_source.h"
#ifdef VIGIE_HAVE_FFMPEG
#include "inference/video_source.h"
#endif

namespace vigie::inference {

core::Result<std::unique_ptr<FrameSource>> openFrameSource(const std::string& url,
                                                           const SourceOptions& options) {
    if (url.rfind(kSyntheticScheme, 0) == 0) {
        return openSyntheticSource(url, options);
    }
#ifdef VIGIE_HAVE_FFMPEG
    auto src = VideoSource::open(url, options);
    if (!src) {
        return src.error();
    }
    return std::unique_ptr<FrameSource>(std::move(*src));
#else
    return core::makeError("this build of Vigie has no FFmpeg: only synthetic:// sources");
#endif
}

}  // namespace vigie::inference
