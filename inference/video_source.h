#pragma once
// One video input (RTSP, RTSPS, or a file) decoded with FFmpeg into BGR pictures from a
// per-source frame pool. The FFmpeg headers stay in video_source.cpp.
//
// Thread: one owner thread calls open/next/convertCurrent/rewind; interrupt() may be called
// from any thread to abort a blocking open or read (shutdown, stall watchdog).
//
//   auto src = VideoSource::open("rtsp://vms:554/cam1", {.transport = Transport::Tcp});
//   while (src && (*src)->next() == ReadStatus::Frame) {
//       if (wanted((*src)->currentPtsUs())) { auto frame = (*src)->convertCurrent(); … }
//   }

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/frame.h"
#include "core/result.h"
#include "core/site.h"

namespace vigie::inference {

struct SourceOptions {
    core::Transport transport = core::Transport::Auto;
    int openTimeoutMs = 10000;
    int readTimeoutMs = 5000;    // no data for this long: the read fails as stalled
    std::size_t poolFrames = 6;  // pictures in flight for this source at most
    int decodeThreads = 1;       // 0: FFmpeg chooses (files analysed offline)
    std::string userInfo;        // "user:password" from the keychain; never logged
};

struct StreamInfo {
    int width = 0;
    int height = 0;
    double fps = 0.0;        // nominal rate, 0 when unknown
    double durationS = 0.0;  // files; 0 for live streams
    std::string codec;
    bool isFile = false;
};

enum class ReadStatus { Invalid = 0, Frame, EndOfStream, Error };

struct SourceCounters {
    std::atomic<std::int64_t> packets{0};
    std::atomic<std::int64_t> bytes{0};
    std::atomic<std::int64_t> decoded{0};
    std::atomic<std::int64_t> decodeErrors{0};
    std::atomic<std::int64_t> poolExhausted{0};
};

class VideoSource {
public:
    static core::Result<std::unique_ptr<VideoSource>> open(const std::string& url,
                                                           const SourceOptions& options);
    ~VideoSource();
    VideoSource(const VideoSource&) = delete;
    VideoSource& operator=(const VideoSource&) = delete;

    // Decodes the next picture. After ReadStatus::Frame, currentPtsUs() describes it.
    ReadStatus next();
    std::int64_t currentPtsUs() const;
    std::int64_t currentIndex() const;
    // Converts the current picture to BGR into a pool buffer (no allocation in steady
    // state). Fails when the pool is exhausted (the caller drops and counts the frame).
    core::Result<core::ImageFrame> convertCurrent();
    // Files only: back to the first picture; timestamps keep increasing across loops.
    core::Status rewind();
    void interrupt();

    const StreamInfo& info() const;
    const SourceCounters& counters() const;
    const std::string& lastError() const;
    // The URL with credentials and query redacted, for messages.
    const std::string& displayUrl() const;

private:
    VideoSource();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// FFmpeg's version string, for `vigie version` and bug reports.
std::string ffmpegVersion();

}  // namespace vigie::inference
