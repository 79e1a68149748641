#include "inference/video_source.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <chrono>
#include <filesystem>
#include <mutex>

#include "core/log.h"
#include "inference/frame_pool.h"

namespace vigie::inference {

using core::makeError;
using core::Result;
using core::Status;

namespace {

std::string avError(int code) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return buf;
}

std::int64_t steadyNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isNetworkUrl(const std::string& url) {
    return url.find("://") != std::string::npos && url.rfind("file://", 0) != 0;
}

std::string withUserInfo(const std::string& url, const std::string& userInfo) {
    if (userInfo.empty()) {
        return url;
    }
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) {
        return url;
    }
    return url.substr(0, scheme + 3) + userInfo + "@" + url.substr(scheme + 3);
}

void ffmpegLogOnce() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_FATAL); });
}

}  // namespace

struct VideoSource::Impl {
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    SwsContext* sws = nullptr;
    AVPacket* packet = nullptr;
    AVFrame* frame = nullptr;
    int streamIndex = -1;
    AVRational timeBase{1, 1000000};
    std::int64_t firstPts = AV_NOPTS_VALUE;
    std::int64_t ptsOffsetUs = 0;  // added after each loop of a file
    std::int64_t lastPtsUs = -1;
    std::int64_t currentPtsUs = 0;
    std::int64_t index = -1;
    std::int64_t frameDurationUs = 40000;
    bool draining = false;
    bool haveFrame = false;
    std::atomic<bool> interrupted{false};
    std::atomic<std::int64_t> deadlineMs{0};
    int readTimeoutMs = 5000;
    StreamInfo info;
    SourceCounters counters;
    std::string lastError;
    std::string displayUrl;
    std::unique_ptr<FramePool> pool;
    std::shared_ptr<spdlog::logger> log = core::logger("source");

    ~Impl() {
        sws_freeContext(sws);
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
    }

    static int interruptCallback(void* opaque) {
        auto* self = static_cast<Impl*>(opaque);
        if (self->interrupted.load()) {
            return 1;
        }
        const std::int64_t deadline = self->deadlineMs.load();
        return (deadline > 0 && steadyNowMs() > deadline) ? 1 : 0;
    }

    void armDeadline(int timeoutMs) { deadlineMs.store(steadyNowMs() + timeoutMs); }

    std::int64_t toUs(std::int64_t pts) const {
        return av_rescale_q(pts, timeBase, AVRational{1, 1000000});
    }
};

VideoSource::VideoSource() : m_impl(std::make_unique<Impl>()) {}
VideoSource::~VideoSource() = default;

Result<std::unique_ptr<VideoSource>> VideoSource::open(const std::string& url,
                                                       const SourceOptions& options) {
    ffmpegLogOnce();
    std::unique_ptr<VideoSource> self(new VideoSource());
    Impl& d = *self->m_impl;
    d.displayUrl = core::redactUrl(url);
    d.readTimeoutMs = options.readTimeoutMs;
    const bool network = isNetworkUrl(url);
    d.info.isFile = !network;
    if (!network && !std::filesystem::exists(url)) {
        return makeError("video file not found: " + url);
    }

    d.format = avformat_alloc_context();
    d.format->interrupt_callback.callback = &Impl::interruptCallback;
    d.format->interrupt_callback.opaque = &d;

    AVDictionary* opts = nullptr;
    if (network) {
        switch (options.transport) {
            case core::Transport::Tcp:
                av_dict_set(&opts, "rtsp_transport", "tcp", 0);
                break;
            case core::Transport::Udp:
                av_dict_set(&opts, "rtsp_transport", "udp", 0);
                break;
            case core::Transport::Multicast:
                av_dict_set(&opts, "rtsp_transport", "udp_multicast", 0);
                break;
            case core::Transport::Auto:
            case core::Transport::Invalid:
                break;
        }
        // Socket I/O timeout in microseconds: a silent server never blocks us forever.
        av_dict_set_int(&opts, "timeout", std::int64_t(options.readTimeoutMs) * 1000, 0);
        av_dict_set(&opts, "buffer_size", "4194304", 0);
    }
    d.armDeadline(options.openTimeoutMs);
    const std::string fullUrl = withUserInfo(url, options.userInfo);
    int rc = avformat_open_input(&d.format, fullUrl.c_str(), nullptr, &opts);
    av_dict_free(&opts);
    if (rc < 0) {
        // avformat_open_input frees the context on failure.
        d.format = nullptr;
        std::string why = avError(rc);
        if (rc == AVERROR_EXIT) {
            why = "no answer within " + std::to_string(options.openTimeoutMs) + " ms";
        } else if (rc == AVERROR_HTTP_UNAUTHORIZED) {
            why = "the server refused the credentials (401 Unauthorized)";
        }
        return makeError("cannot open " + d.displayUrl + ": " + why);
    }
    rc = avformat_find_stream_info(d.format, nullptr);
    if (rc < 0) {
        return makeError("cannot read the streams of " + d.displayUrl + ": " + avError(rc));
    }
    const AVCodec* decoder = nullptr;
    d.streamIndex = av_find_best_stream(d.format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (d.streamIndex < 0) {
        return makeError(d.displayUrl + " has no video stream" +
                         (d.streamIndex == AVERROR_DECODER_NOT_FOUND
                              ? " that this FFmpeg can decode (unsupported codec)"
                              : ""));
    }
    AVStream* stream = d.format->streams[d.streamIndex];
    d.codec = avcodec_alloc_context3(decoder);
    avcodec_parameters_to_context(d.codec, stream->codecpar);
    d.codec->thread_count = options.decodeThreads;
    rc = avcodec_open2(d.codec, decoder, nullptr);
    if (rc < 0) {
        return makeError("cannot start the " + std::string(decoder->name) + " decoder for " +
                         d.displayUrl + ": " + avError(rc));
    }
    d.timeBase = stream->time_base;
    d.info.width = d.codec->width;
    d.info.height = d.codec->height;
    d.info.codec = decoder->name;
    const AVRational rate = av_guess_frame_rate(d.format, stream, nullptr);
    d.info.fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    if (d.info.fps > 0.0) {
        d.frameDurationUs = static_cast<std::int64_t>(1e6 / d.info.fps);
    }
    if (d.format->duration > 0) {
        d.info.durationS = double(d.format->duration) / AV_TIME_BASE;
    }
    if (d.info.width <= 0 || d.info.height <= 0) {
        return makeError(d.displayUrl + ": the video stream has no picture size");
    }
    d.packet = av_packet_alloc();
    d.frame = av_frame_alloc();
    d.pool = std::make_unique<FramePool>(std::size_t(d.info.width) * d.info.height * 3,
                                         options.poolFrames);
    d.log->info("opened {} ({} {}x{} @ {:.2f} fps{})", d.displayUrl, d.info.codec, d.info.width,
                d.info.height, d.info.fps,
                d.info.isFile ? ", " + std::to_string(d.info.durationS) + " s" : "");
    return self;
}

ReadStatus VideoSource::next() {
    Impl& d = *m_impl;
    d.haveFrame = false;
    while (true) {
        int rc = avcodec_receive_frame(d.codec, d.frame);
        if (rc == 0) {
            ++d.counters.decoded;
            ++d.index;
            std::int64_t pts = d.frame->best_effort_timestamp;
            std::int64_t us = 0;
            if (pts == AV_NOPTS_VALUE) {
                us = d.lastPtsUs < 0 ? 0 : d.lastPtsUs + d.frameDurationUs;
            } else {
                if (d.firstPts == AV_NOPTS_VALUE) {
                    d.firstPts = pts;
                }
                us = d.toUs(pts - d.firstPts) + d.ptsOffsetUs;
            }
            // A timeline that goes backwards would confuse trackers and rules: keep it
            // strictly increasing and let the gap be visible instead.
            if (d.lastPtsUs >= 0 && us <= d.lastPtsUs) {
                us = d.lastPtsUs + 1;
            }
            d.lastPtsUs = us;
            d.currentPtsUs = us;
            d.haveFrame = true;
            return ReadStatus::Frame;
        }
        if (rc == AVERROR_EOF) {
            return ReadStatus::EndOfStream;
        }
        if (rc != AVERROR(EAGAIN)) {
            ++d.counters.decodeErrors;
            d.lastError = "decoding failed: " + avError(rc);
            return ReadStatus::Error;
        }
        if (d.draining) {
            return ReadStatus::EndOfStream;
        }
        d.armDeadline(d.readTimeoutMs);
        rc = av_read_frame(d.format, d.packet);
        if (rc == AVERROR_EOF || (rc < 0 && d.info.isFile && avio_feof(d.format->pb))) {
            d.draining = true;
            avcodec_send_packet(d.codec, nullptr);
            continue;
        }
        if (rc < 0) {
            d.lastError = rc == AVERROR_EXIT
                              ? (d.interrupted ? std::string("interrupted")
                                               : "no data for " + std::to_string(d.readTimeoutMs) +
                                                     " ms (stream stalled)")
                              : "read failed: " + avError(rc);
            return ReadStatus::Error;
        }
        if (d.packet->stream_index == d.streamIndex) {
            ++d.counters.packets;
            d.counters.bytes += d.packet->size;
            rc = avcodec_send_packet(d.codec, d.packet);
            if (rc < 0 && rc != AVERROR(EAGAIN)) {
                // A damaged packet: skip it, the decoder resynchronises on the next key frame.
                ++d.counters.decodeErrors;
            }
        }
        av_packet_unref(d.packet);
    }
}

std::int64_t VideoSource::currentPtsUs() const {
    return m_impl->currentPtsUs;
}

std::int64_t VideoSource::currentIndex() const {
    return m_impl->index;
}

Result<core::ImageFrame> VideoSource::convertCurrent() {
    Impl& d = *m_impl;
    if (!d.haveFrame) {
        return makeError("no decoded picture to convert");
    }
    const int w = d.frame->width;
    const int h = d.frame->height;
    if (w != d.info.width || h != d.info.height) {
        // Resolution changed mid-stream: new pool for the new size; old frames stay valid.
        d.log->info("{}: picture size changed from {}x{} to {}x{}", d.displayUrl, d.info.width,
                    d.info.height, w, h);
        d.info.width = w;
        d.info.height = h;
        d.pool = std::make_unique<FramePool>(std::size_t(w) * h * 3, d.pool->capacity());
    }
    auto buffer = d.pool->acquire();
    if (!buffer) {
        ++d.counters.poolExhausted;
        return makeError("frame pool exhausted");
    }
    d.sws = sws_getCachedContext(d.sws, w, h, static_cast<AVPixelFormat>(d.frame->format), w, h,
                                 AV_PIX_FMT_BGR24, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (d.sws == nullptr) {
        return makeError(
            "cannot convert pixel format " +
            std::string(av_get_pix_fmt_name(static_cast<AVPixelFormat>(d.frame->format))));
    }
    std::uint8_t* dst[4] = {buffer.get(), nullptr, nullptr, nullptr};
    int dstStride[4] = {w * 3, 0, 0, 0};
    sws_scale(d.sws, d.frame->data, d.frame->linesize, 0, h, dst, dstStride);
    core::ImageFrame out;
    out.width = w;
    out.height = h;
    out.strideBytes = w * 3;
    out.format = core::PixelFormat::Bgr24;
    out.pixels = std::shared_ptr<const std::uint8_t>(std::move(buffer));
    out.ptsUs = d.currentPtsUs;
    out.frameIndex = d.index;
    return out;
}

Status VideoSource::rewind() {
    Impl& d = *m_impl;
    if (!d.info.isFile) {
        return makeError("a live stream cannot be rewound");
    }
    const int rc = av_seek_frame(d.format, d.streamIndex, 0, AVSEEK_FLAG_BACKWARD);
    if (rc < 0) {
        return makeError("cannot go back to the start of " + d.displayUrl + ": " + avError(rc));
    }
    avcodec_flush_buffers(d.codec);
    d.draining = false;
    d.firstPts = AV_NOPTS_VALUE;
    d.ptsOffsetUs = d.lastPtsUs + d.frameDurationUs;
    return {};
}

void VideoSource::interrupt() {
    m_impl->interrupted.store(true);
}

const StreamInfo& VideoSource::info() const {
    return m_impl->info;
}

const SourceCounters& VideoSource::counters() const {
    return m_impl->counters;
}

const std::string& VideoSource::lastError() const {
    return m_impl->lastError;
}

const std::string& VideoSource::displayUrl() const {
    return m_impl->displayUrl;
}

std::string ffmpegVersion() {
    return std::string("libavformat ") + LIBAVFORMAT_IDENT + ", libavcodec " + LIBAVCODEC_IDENT;
}

}  // namespace vigie::inference
