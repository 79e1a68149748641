#pragma once
// One video input (RTSP over TCP/UDP/multicast, RTSPS, or a file) decoded with FFmpeg into
// BGR pictures from a per-source frame pool; hardware decoding through FFmpeg's hwaccel
// when asked and available. The FFmpeg headers stay in video_source.cpp.
// Thread: see FrameSource.

#include <memory>
#include <string>

#include "inference/frame_source.h"

namespace vigie::inference {

class VideoSource final : public FrameSource {
public:
    static core::Result<std::unique_ptr<VideoSource>> open(const std::string& url,
                                                           const SourceOptions& options);
    ~VideoSource() override;
    VideoSource(const VideoSource&) = delete;
    VideoSource& operator=(const VideoSource&) = delete;

    ReadStatus next() override;
    std::int64_t currentPtsUs() const override;
    std::int64_t currentIndex() const override;
    core::Result<core::ImageFrame> convertCurrent() override;
    core::Status rewind() override;
    void interrupt() override;

    const StreamInfo& info() const override;
    const SourceCounters& counters() const override;
    const std::string& lastError() const override;
    const std::string& displayUrl() const override;

private:
    VideoSource();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// "rtsp://host/p" + "user:pa@ss" → "rtsp://user:pa%40ss@host/p" (RFC 3986 userinfo).
std::string insertUserInfo(const std::string& url, const std::string& userInfo);

// FFmpeg's version string, for `vigie version` and bug reports.
std::string ffmpegVersion();

}  // namespace vigie::inference
