#pragma once
// A source of pictures for one camera: an FFmpeg stream or file (video_source.h), or a
// synthetic scene (synthetic_source.h) for benchmarks and GPU servers without FFmpeg.
// Pictures come out in BGR from a per-source frame pool, with a strictly increasing
// timeline in microseconds.
//
// Thread: one owner thread calls next/convertCurrent/rewind; interrupt() may be called from
// any thread to abort a blocking open or read (shutdown, stall watchdog).
//
//   auto src = openFrameSource("rtsp://vms:554/cam1", {.transport = Transport::Tcp});
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
#include "inference/frame_pool.h"

namespace vigie::inference {

enum class HardwareDecode { Invalid = 0, None, Auto, Cuda, Vaapi };

struct SourceOptions {
    core::Transport transport = core::Transport::Auto;
    int openTimeoutMs = 10000;
    int readTimeoutMs = 5000;    // no data, or no picture, for this long: stalled
    std::size_t poolFrames = 6;  // pictures in flight for this source at most
    int decodeThreads = 1;       // 0: FFmpeg chooses
    std::string userInfo;        // "user:password" from the keychain; never logged
    // Decode on the GPU through FFmpeg's hwaccel when present; any failure to set it up
    // falls back to software decoding (logged once).
    HardwareDecode hardware = HardwareDecode::None;
    // A timestamp moving backwards, or forwards by more than this, is a discontinuity
    // (camera clock reset, VMS switching recorder): the timeline continues one frame later.
    int maxTimestampJumpMs = 5000;
    // Where picture buffers come from (page-locked memory for a GPU detector); empty: heap.
    BufferAllocator allocator;
};

struct StreamInfo {
    int width = 0;
    int height = 0;
    double fps = 0.0;        // nominal rate, 0 when unknown
    double durationS = 0.0;  // files; 0 for live streams
    std::string codec;
    bool isFile = false;
    std::string hardware;  // "cuda", "vaapi"… when pictures are decoded on a device; else empty
};

enum class ReadStatus { Invalid = 0, Frame, EndOfStream, Error };

struct SourceCounters {
    std::atomic<std::int64_t> packets{0};
    std::atomic<std::int64_t> bytes{0};
    std::atomic<std::int64_t> decoded{0};
    std::atomic<std::int64_t> decodeErrors{0};
    std::atomic<std::int64_t> poolExhausted{0};
    std::atomic<std::int64_t> timestampJumps{0};
    std::atomic<std::int64_t> resolutionChanges{0};
};

class FrameSource {
public:
    virtual ~FrameSource() = default;

    // Reads the next picture. After ReadStatus::Frame, currentPtsUs() describes it.
    virtual ReadStatus next() = 0;
    virtual std::int64_t currentPtsUs() const = 0;
    virtual std::int64_t currentIndex() const = 0;
    // Converts the current picture to BGR into a pool buffer (no allocation in steady
    // state). Fails when the pool is exhausted (the caller drops and counts the frame).
    virtual core::Result<core::ImageFrame> convertCurrent() = 0;
    // Files only: back to the first picture; timestamps keep increasing across loops.
    virtual core::Status rewind() = 0;
    virtual void interrupt() = 0;

    virtual const StreamInfo& info() const = 0;
    virtual const SourceCounters& counters() const = 0;
    virtual const std::string& lastError() const = 0;
    // The URL with credentials and query redacted, for messages.
    virtual const std::string& displayUrl() const = 0;
};

// "synthetic://…" opens a SyntheticSource; anything else an FFmpeg VideoSource (an error in
// builds without FFmpeg).
core::Result<std::unique_ptr<FrameSource>> openFrameSource(const std::string& url,
                                                           const SourceOptions& options);

}  // namespace vigie::inference
