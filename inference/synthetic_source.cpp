#include "inference/synthetic_source.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include "inference/frame_pool.h"

namespace vigie::inference {

namespace {

using Clock = std::chrono::steady_clock;

struct Params {
    int width = 704;
    int height = 576;
    double fps = 25.0;
    int people = 6;
    double seconds = 0.0;
    bool realtime = true;
};

core::Result<Params> parse(const std::string& url) {
    Params p;
    std::string rest = url.substr(std::strlen(kSyntheticScheme));
    std::string query;
    if (const auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    char x = 0;
    std::istringstream size(rest);
    if (!(size >> p.width >> x >> p.height) || x != 'x' || p.width < 16 || p.height < 16 ||
        p.width > 8192 || p.height > 8192) {
        return core::makeError("synthetic source: expected synthetic://WIDTHxHEIGHT?…, not '" +
                               url + "'");
    }
    std::istringstream q(query);
    std::string item;
    while (std::getline(q, item, '&')) {
        const auto eq = item.find('=');
        const std::string key = item.substr(0, eq);
        const double v = eq == std::string::npos ? 1.0 : std::atof(item.c_str() + eq + 1);
        if (key == "fps" && v > 0 && v <= 240) {
            p.fps = v;
        } else if (key == "people" && v >= 0 && v <= 200) {
            p.people = int(v);
        } else if (key == "seconds" && v >= 0) {
            p.seconds = v;
        } else if (key == "realtime") {
            p.realtime = v != 0.0;
        } else {
            return core::makeError("synthetic source: unknown or invalid parameter '" + item + "'");
        }
    }
    return p;
}

class SyntheticSource final : public FrameSource {
public:
    SyntheticSource(Params p, const SourceOptions& options, std::string url)
        : m_p(p),
          m_display(std::move(url)),
          m_pool(std::size_t(p.width) * p.height * 3, options.poolFrames, options.allocator) {
        m_info.width = p.width;
        m_info.height = p.height;
        m_info.fps = p.fps;
        m_info.durationS = p.seconds;
        m_info.codec = "synthetic";
        m_info.isFile = false;
        // A static, textured background (pavement-like noise and a gradient).
        m_background.resize(std::size_t(p.width) * p.height * 3);
        std::uint32_t seed = 12345;
        for (int y = 0; y < p.height; ++y) {
            for (int x = 0; x < p.width; ++x) {
                seed = seed * 1664525U + 1013904223U;
                const int noise = int(seed >> 27) - 16;
                const int base = 90 + 60 * y / p.height;
                auto* px = &m_background[(std::size_t(y) * p.width + x) * 3];
                px[0] = std::uint8_t(std::clamp(base + noise + 10, 0, 255));
                px[1] = std::uint8_t(std::clamp(base + noise, 0, 255));
                px[2] = std::uint8_t(std::clamp(base + noise - 5, 0, 255));
            }
        }
        m_start = Clock::now();
    }

    ReadStatus next() override {
        ++m_index;
        const double t = double(m_index) / m_p.fps;
        if (m_p.seconds > 0 && t >= m_p.seconds) {
            return ReadStatus::EndOfStream;
        }
        if (m_p.realtime) {
            const auto due = m_start + std::chrono::microseconds(std::int64_t(t * 1e6));
            while (Clock::now() < due) {
                if (m_interrupted.load()) {
                    m_error = "interrupted";
                    return ReadStatus::Error;
                }
                std::this_thread::sleep_for(
                    std::min<Clock::duration>(due - Clock::now(), std::chrono::milliseconds(20)));
            }
        }
        ++m_counters.decoded;
        return ReadStatus::Frame;
    }

    std::int64_t currentPtsUs() const override {
        return std::int64_t(double(m_index) * 1e6 / m_p.fps);
    }
    std::int64_t currentIndex() const override { return m_index; }

    core::Result<core::ImageFrame> convertCurrent() override {
        auto buffer = m_pool.acquire();
        if (!buffer) {
            ++m_counters.poolExhausted;
            return core::makeError("frame pool exhausted");
        }
        std::memcpy(buffer.get(), m_background.data(), m_background.size());
        const double t = double(m_index) / m_p.fps;
        for (int i = 0; i < m_p.people; ++i) {
            drawFigure(buffer.get(), i, t);
        }
        core::ImageFrame f;
        f.width = m_p.width;
        f.height = m_p.height;
        f.strideBytes = m_p.width * 3;
        f.format = core::PixelFormat::Bgr24;
        f.pixels = std::shared_ptr<const std::uint8_t>(std::move(buffer));
        f.ptsUs = currentPtsUs();
        f.frameIndex = m_index;
        return f;
    }

    core::Status rewind() override {
        m_index = 0;
        m_start = Clock::now();
        return {};
    }
    void interrupt() override { m_interrupted.store(true); }
    const StreamInfo& info() const override { return m_info; }
    const SourceCounters& counters() const override { return m_counters; }
    const std::string& lastError() const override { return m_error; }
    const std::string& displayUrl() const override { return m_display; }

private:
    // A figure about a sixth of the picture high, walking on its own ellipse.
    void drawFigure(std::uint8_t* px, int i, double t) const {
        const double phase = 0.7 * i;
        const double speed = 0.05 + 0.01 * (i % 5);
        const double cx = 0.5 + 0.38 * std::sin(speed * 2 * M_PI * t + phase);
        const double cy = 0.55 + 0.3 * std::sin(speed * 3 * M_PI * t + 2 * phase);
        const int h = m_p.height / 6;
        const int w = h / 3;
        const int x0 = std::clamp(int(cx * m_p.width) - w / 2, 0, m_p.width - w);
        const int y0 = std::clamp(int(cy * m_p.height) - h / 2, 0, m_p.height - h);
        const std::uint8_t shirt[3] = {std::uint8_t(40 + 37 * i % 200), 60,
                                       std::uint8_t(200 - 23 * i % 150)};
        for (int y = y0; y < y0 + h; ++y) {
            const bool head = y < y0 + h / 6;
            const bool legs = y > y0 + h * 3 / 5;
            for (int x = x0; x < x0 + w; ++x) {
                if (head && (x < x0 + w / 4 || x > x0 + w * 3 / 4)) {
                    continue;
                }
                auto* p = px + (std::size_t(y) * m_p.width + x) * 3;
                if (head) {
                    p[0] = 120;
                    p[1] = 160;
                    p[2] = 210;
                } else if (legs) {
                    p[0] = 70;
                    p[1] = 50;
                    p[2] = 40;
                } else {
                    std::memcpy(p, shirt, 3);
                }
            }
        }
    }

    Params m_p;
    std::string m_display;
    FramePool m_pool;
    std::vector<std::uint8_t> m_background;
    StreamInfo m_info;
    SourceCounters m_counters;
    std::string m_error;
    std::int64_t m_index = -1;
    Clock::time_point m_start;
    std::atomic<bool> m_interrupted{false};
};

}  // namespace

core::Result<std::unique_ptr<FrameSource>> openSyntheticSource(const std::string& url,
                                                               const SourceOptions& options) {
    auto p = parse(url);
    if (!p) {
        return p.error();
    }
    return std::unique_ptr<FrameSource>(std::make_unique<SyntheticSource>(*p, options, url));
}

}  // namespace vigie::inference
