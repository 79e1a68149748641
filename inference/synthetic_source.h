#pragma once
// A camera without a camera: "synthetic://704x576?fps=25&people=6&seconds=0&realtime=1"
// renders a textured scene with `people` figures walking on deterministic paths, paced like
// a live stream (realtime=1) or as fast as asked (realtime=0), for `seconds` (0: endless).
// Used by benchmarks of many streams and on GPU servers built without FFmpeg; no decoding
// cost, so the figures measure the rest of the pipeline.
// Thread: see FrameSource.

#include <memory>
#include <string>

#include "inference/frame_source.h"

namespace vigie::inference {

inline constexpr const char* kSyntheticScheme = "synthetic://";

core::Result<std::unique_ptr<FrameSource>> openSyntheticSource(const std::string& url,
                                                               const SourceOptions& options);

}  // namespace vigie::inference
