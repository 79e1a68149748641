#include "inference/video_source.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string_view>
#include <vector>

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

std::string percentEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out += char(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

AVHWDeviceType hardwareType(HardwareDecode h) {
    switch (h) {
        case HardwareDecode::Cuda:
            return AV_HWDEVICE_TYPE_CUDA;
        case HardwareDecode::Vaapi:
            return AV_HWDEVICE_TYPE_VAAPI;
        case HardwareDecode::Auto:
        case HardwareDecode::None:
        case HardwareDecode::Invalid:
            break;
    }
    return AV_HWDEVICE_TYPE_NONE;
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
    std::int64_t discontinuityOffsetUs = 0;  // accumulated by timestamp jumps
    std::int64_t lastRawUs = -1;             // previous timestamp before the offsets
    std::int64_t maxJumpUs = 5'000'000;
    std::int64_t lastPictureMs = 0;  // steady clock, for stall detection
    AVBufferRef* hwDevice = nullptr;
    AVPixelFormat hwPixelFormat = AV_PIX_FMT_NONE;
    AVFrame* swFrame = nullptr;  // hardware pictures are copied here for conversion
    bool draining = false;
    bool haveFrame = false;
    std::atomic<bool> interrupted{false};
    std::atomic<std::int64_t> deadlineMs{0};
    std::atomic<bool> deadlineFired{false};
    int readTimeoutMs = 5000;
    StreamInfo info;
    SourceCounters counters;
    std::string lastError;
    std::string displayUrl;
    std::unique_ptr<FramePool> pool;
    std::shared_ptr<spdlog::logger> log = core::logger("source");

    ~Impl() {
        sws_freeContext(sws);
        av_frame_free(&swFrame);
        av_buffer_unref(&hwDevice);
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
        if (deadline > 0 && steadyNowMs() > deadline) {
            // Remembered: FFmpeg may still hand out a packet its parser was holding, which
            // must not count as the stream being alive.
            self->deadlineFired.store(true);
            return 1;
        }
        return 0;
    }

    void armDeadline(int timeoutMs) {
        deadlineFired.store(false);
        deadlineMs.store(steadyNowMs() + timeoutMs);
    }

    std::string stallMessage() const {
        return "no data for " + std::to_string(readTimeoutMs) + " ms (stream stalled)";
    }

    // The decoder asks which output format it may use: the hardware one when offered.
    static AVPixelFormat pickFormat(AVCodecContext* ctx, const AVPixelFormat* formats) {
        const auto* self = static_cast<const Impl*>(ctx->opaque);
        for (const AVPixelFormat* f = formats; *f != AV_PIX_FMT_NONE; ++f) {
            if (*f == self->hwPixelFormat) {
                return *f;
            }
        }
        return formats[0];  // software: the decoder's first choice
    }

    // Sets up hardware decoding; false (logged) means software decoding.
    bool setUpHardware(const AVCodec* decoder, HardwareDecode wanted) {
        std::vector<AVHWDeviceType> candidates;
        if (wanted == HardwareDecode::Auto) {
            candidates = {AV_HWDEVICE_TYPE_CUDA, AV_HWDEVICE_TYPE_VAAPI};
        } else {
            candidates = {hardwareType(wanted)};
        }
        for (AVHWDeviceType type : candidates) {
            for (int i = 0;; ++i) {
                const AVCodecHWConfig* config = avcodec_get_hw_config(decoder, i);
                if (config == nullptr) {
                    break;
                }
                if (config->device_type != type ||
                    (config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) == 0) {
                    continue;
                }
                if (av_hwdevice_ctx_create(&hwDevice, type, nullptr, nullptr, 0) < 0) {
                    break;
                }
                hwPixelFormat = config->pix_fmt;
                codec->hw_device_ctx = av_buffer_ref(hwDevice);
                codec->opaque = this;
                codec->get_format = &Impl::pickFormat;
                info.hardware = av_hwdevice_get_type_name(type);
                return true;
            }
        }
        log->info("{}: no hardware decoder available for {}; decoding on the CPU", displayUrl,
                  decoder->name);
        return false;
    }

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
        // Socket I/O timeout in microseconds: a silent server never blocks us forever. One
        // second longer than our own deadline, so that a stall is reported as one.
        av_dict_set_int(&opts, "timeout", (std::int64_t(options.readTimeoutMs) + 1000) * 1000, 0);
        av_dict_set(&opts, "buffer_size", "4194304", 0);
    }
    d.armDeadline(options.openTimeoutMs);
    const std::string fullUrl = insertUserInfo(url, options.userInfo);
    int rc = avformat_open_input(&d.format, fullUrl.c_str(), nullptr, &opts);
    av_dict_free(&opts);
    if (rc < 0) {
        // avformat_open_input frees the context on failure.
        d.format = nullptr;
        std::string why = avError(rc);
        // FFmpeg 5.1 can turn an interrupted first request into "invalid data": when our
        // deadline fired, the server did not answer in time, whatever the code says.
        if (rc == AVERROR_EXIT || d.deadlineFired.load()) {
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
    d.maxJumpUs = std::int64_t(options.maxTimestampJumpMs) * 1000;
    if (options.hardware != HardwareDecode::None && options.hardware != HardwareDecode::Invalid) {
        d.setUpHardware(decoder, options.hardware);
    }
    rc = avcodec_open2(d.codec, decoder, nullptr);
    if (rc < 0 && d.hwDevice != nullptr) {
        // The device exists but this stream does not decode on it: software instead.
        d.log->warn("{}: hardware decoding ({}) failed to start ({}); decoding on the CPU",
                    d.displayUrl, d.info.hardware, avError(rc));
        avcodec_free_context(&d.codec);
        av_buffer_unref(&d.hwDevice);
        d.info.hardware.clear();
        d.hwPixelFormat = AV_PIX_FMT_NONE;
        d.codec = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(d.codec, stream->codecpar);
        d.codec->thread_count = options.decodeThreads;
        rc = avcodec_open2(d.codec, decoder, nullptr);
    }
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
    d.swFrame = av_frame_alloc();
    d.lastPictureMs = steadyNowMs();
    d.pool = std::make_unique<FramePool>(std::size_t(d.info.width) * d.info.height * 3,
                                         options.poolFrames, options.allocator);
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
                const std::int64_t raw = d.toUs(pts - d.firstPts) + d.ptsOffsetUs;
                if (d.lastRawUs >= 0) {
                    const std::int64_t step = raw - d.lastRawUs;
                    if (step <= 0 || step > d.maxJumpUs) {
                        // Discontinuity: continue the timeline one frame after the last
                        // picture instead of jumping (or running backwards).
                        d.discontinuityOffsetUs +=
                            (d.lastPtsUs + d.frameDurationUs) - (raw + d.discontinuityOffsetUs);
                        ++d.counters.timestampJumps;
                        d.log->warn("{}: timestamp jump of {:.3f} s; timeline continued",
                                    d.displayUrl, double(step) / 1e6);
                    }
                }
                d.lastRawUs = raw;
                us = raw + d.discontinuityOffsetUs;
            }
            // B-frame reordering can still give equal stamps: keep the timeline strictly
            // increasing.
            if (d.lastPtsUs >= 0 && us <= d.lastPtsUs) {
                us = d.lastPtsUs + 1;
            }
            d.lastPtsUs = us;
            d.currentPtsUs = us;
            d.haveFrame = true;
            d.lastPictureMs = steadyNowMs();
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
        if (!d.info.isFile && steadyNowMs() - d.lastPictureMs > d.readTimeoutMs) {
            // Packets arrive but none decodes into a picture (broken stream, lost key
            // frames): as stalled as a silent socket.
            d.lastError =
                "no picture for " + std::to_string(d.readTimeoutMs) + " ms (stream stalled)";
            return ReadStatus::Error;
        }
        d.armDeadline(d.readTimeoutMs);
        rc = av_read_frame(d.format, d.packet);
        if (!d.info.isFile && d.deadlineFired.load() && !d.interrupted.load()) {
            av_packet_unref(d.packet);
            d.lastError = d.stallMessage();
            return ReadStatus::Error;
        }
        if (rc == AVERROR_EOF && !d.info.isFile) {
            // A live stream has no end: the server closed the connection (restart, crash).
            d.lastError = "the server closed the connection";
            return ReadStatus::Error;
        }
        if (rc == AVERROR_EOF || (rc < 0 && d.info.isFile && avio_feof(d.format->pb))) {
            d.draining = true;
            avcodec_send_packet(d.codec, nullptr);
            continue;
        }
        if (rc < 0) {
            if (d.interrupted.load()) {
                d.lastError = "interrupted";
            } else if (rc == AVERROR_EXIT || (!d.info.isFile && rc == AVERROR(ETIMEDOUT))) {
                d.lastError = d.stallMessage();
            } else {
                d.lastError = "read failed: " + avError(rc);
            }
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
    AVFrame* picture = d.frame;
    if (d.hwPixelFormat != AV_PIX_FMT_NONE && d.frame->format == d.hwPixelFormat) {
        // The picture is in device memory: one copy to host memory for conversion.
        av_frame_unref(d.swFrame);
        const int rc = av_hwframe_transfer_data(d.swFrame, d.frame, 0);
        if (rc < 0) {
            return makeError("cannot copy a decoded picture from the " + d.info.hardware +
                             " device: " + avError(rc));
        }
        picture = d.swFrame;
    }
    const int w = picture->width;
    const int h = picture->height;
    if (w != d.info.width || h != d.info.height) {
        // Resolution changed mid-stream: new pool for the new size; old frames stay valid.
        d.log->info("{}: picture size changed from {}x{} to {}x{}", d.displayUrl, d.info.width,
                    d.info.height, w, h);
        d.info.width = w;
        d.info.height = h;
        ++d.counters.resolutionChanges;
        d.pool = std::make_unique<FramePool>(std::size_t(w) * h * 3, d.pool->capacity(),
                                             d.pool->allocator());
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
    d.lastRawUs = -1;
    d.ptsOffsetUs = 0;
    d.discontinuityOffsetUs = d.lastPtsUs + d.frameDurationUs;
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

std::string insertUserInfo(const std::string& url, const std::string& userInfo) {
    if (userInfo.empty()) {
        return url;
    }
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) {
        return url;
    }
    const auto colon = userInfo.find(':');
    const std::string user = percentEncode(std::string_view(userInfo).substr(0, colon));
    const std::string password =
        colon == std::string::npos
            ? std::string()
            : ":" + percentEncode(std::string_view(userInfo).substr(colon + 1));
    return url.substr(0, scheme + 3) + user + password + "@" + url.substr(scheme + 3);
}

std::string ffmpegVersion() {
    return std::string("libavformat ") + LIBAVFORMAT_IDENT + ", libavcodec " + LIBAVCODEC_IDENT;
}

}  // namespace vigie::inference
