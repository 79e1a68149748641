#include "inference/image_ops.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>

namespace vigie::inference {

using core::makeError;
using core::Result;

namespace {

// The picture as an OpenCV header over the frame's buffer (no copy).
Result<cv::Mat> wrap(const core::ImageFrame& frame) {
    if (frame.empty() || frame.format != core::PixelFormat::Bgr24) {
        return makeError("not a BGR picture");
    }
    return cv::Mat(frame.height, frame.width, CV_8UC3,
                   const_cast<std::uint8_t*>(frame.pixels.get()), std::size_t(frame.strideBytes));
}

// Reduced copy of at most maxWidth columns; INTER_AREA averages, which is what a small
// picture of a noisy CCTV stream needs (nearest-neighbour would keep the noise).
cv::Mat reduce(const cv::Mat& bgr, int maxWidth) {
    if (maxWidth <= 0 || bgr.cols <= maxWidth) {
        return bgr.clone();
    }
    const double scale = double(maxWidth) / bgr.cols;
    const int h = std::max(1, int(std::lround(bgr.rows * scale)));
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(maxWidth, h), 0, 0, cv::INTER_AREA);
    return small;
}

cv::Mat asMat(const GreyImage& g) {
    return cv::Mat(g.height, g.width, CV_8UC1, const_cast<std::uint8_t*>(g.pixels.data()));
}

cv::Rect boxToRect(const core::BoxF& box, int width, int height) {
    const int x0 = std::clamp(int(std::floor(box.x0 * width)), 0, width);
    const int y0 = std::clamp(int(std::floor(box.y0 * height)), 0, height);
    const int x1 = std::clamp(int(std::ceil(box.x1 * width)), 0, width);
    const int y1 = std::clamp(int(std::ceil(box.y1 * height)), 0, height);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

}  // namespace

Result<GreyImage> greyDownscale(const core::ImageFrame& frame, int maxWidth) {
    auto bgr = wrap(frame);
    if (!bgr) {
        return bgr.error();
    }
    try {
        cv::Mat grey;
        cv::cvtColor(reduce(*bgr, maxWidth), grey, cv::COLOR_BGR2GRAY);
        GreyImage out;
        out.width = grey.cols;
        out.height = grey.rows;
        out.pixels.assign(grey.datastart, grey.dataend);
        return out;
    } catch (const cv::Exception& e) {
        return makeError(std::string("grey picture: ") + e.what());
    }
}

Result<GreyImage> greyRegion(const core::ImageFrame& frame, const core::BoxF& box, int width,
                             int height) {
    auto bgr = wrap(frame);
    if (!bgr) {
        return bgr.error();
    }
    const cv::Rect r = boxToRect(box, frame.width, frame.height);
    if (r.width < 1 || r.height < 1 || width <= 0) {
        return makeError("empty picture region");
    }
    try {
        const int h =
            height > 0 ? height : std::max(1, int(std::lround(double(r.height) * width / r.width)));
        cv::Mat grey;
        cv::cvtColor((*bgr)(r), grey, cv::COLOR_BGR2GRAY);
        cv::Mat sized;
        const bool shrink = width <= r.width && h <= r.height;
        cv::resize(grey, sized, cv::Size(width, h), 0, 0,
                   shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
        GreyImage out;
        out.width = sized.cols;
        out.height = sized.rows;
        out.pixels.assign(sized.datastart, sized.dataend);
        return out;
    } catch (const cv::Exception& e) {
        return makeError(std::string("grey region: ") + e.what());
    }
}

Result<FlowField> denseFlow(const GreyImage& previous, const GreyImage& current) {
    if (previous.empty() || previous.width != current.width || previous.height != current.height) {
        return makeError("optical flow needs two pictures of the same size");
    }
    try {
        cv::Mat flow;
        cv::calcOpticalFlowFarneback(asMat(previous), asMat(current), flow, 0.5, 3, 15, 3, 5, 1.2,
                                     0);
        FlowField out;
        out.width = flow.cols;
        out.height = flow.rows;
        out.dx.resize(std::size_t(flow.total()));
        out.dy.resize(std::size_t(flow.total()));
        std::size_t i = 0;
        for (int y = 0; y < flow.rows; ++y) {
            const auto* row = flow.ptr<cv::Vec2f>(y);
            for (int x = 0; x < flow.cols; ++x, ++i) {
                out.dx[i] = row[x][0];
                out.dy[i] = row[x][1];
            }
        }
        return out;
    } catch (const cv::Exception& e) {
        return makeError(std::string("optical flow: ") + e.what());
    }
}

Result<FlameMaps> flameColourMask(const core::ImageFrame& frame, int maxWidth,
                                  const FlameColourOptions& options) {
    auto bgr = wrap(frame);
    if (!bgr) {
        return bgr.error();
    }
    try {
        const cv::Mat small = reduce(*bgr, maxWidth);
        const double s = std::clamp(options.sensitivity, 0.0, 1.0);
        // Red floor: flames are bright in red (Chen's R_T 115–135 on dark scenes; CCTV with
        // auto-exposure puts flames near saturation, so the default floor is higher).
        const int redMin = int(std::lround(190.0 - 80.0 * s));
        // Saturation floor: rejects white lights, pale reflections on floors and glass.
        const double satMin = 0.45 - 0.25 * s;
        FlameMaps out;
        out.width = small.cols;
        out.height = small.rows;
        out.mask.assign(std::size_t(small.total()), 0);
        out.value.assign(std::size_t(small.total()), 0);
        out.hue.assign(std::size_t(small.total()), 0);
        std::size_t i = 0;
        for (int y = 0; y < small.rows; ++y) {
            const auto* row = small.ptr<cv::Vec3b>(y);
            for (int x = 0; x < small.cols; ++x, ++i) {
                const int b = row[x][0];
                const int g = row[x][1];
                const int r = row[x][2];
                const int maxC = std::max({r, g, b});
                const int minC = std::min({r, g, b});
                out.value[i] = std::uint8_t(maxC);
                if (r < redMin || r < g || g <= b || maxC == 0) {
                    continue;  // Chen: R ≥ R_T, R ≥ G > B (hue between red and yellow)
                }
                if (double(maxC - minC) / maxC < satMin) {
                    continue;
                }
                // Çelik: Y > Cb and Cr > Cb (BT.601, offsets cancel in the comparisons).
                const double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                const double cb = 0.564 * (b - luma);
                const double cr = 0.713 * (r - luma);
                if (luma - 128.0 <= cb || cr <= cb) {
                    continue;
                }
                out.mask[i] = 1;
                // R is the largest here: hue = 60° × (G − B) / (max − min).
                out.hue[i] = std::uint8_t(maxC > minC ? 60 * (g - b) / (maxC - minC) : 0);
            }
        }
        return out;
    } catch (const cv::Exception& e) {
        return makeError(std::string("flame colours: ") + e.what());
    }
}

std::vector<MaskRegion> maskRegions(const std::vector<std::uint8_t>& mask, int width, int height,
                                    int minArea) {
    std::vector<MaskRegion> out;
    if (width <= 0 || height <= 0 || mask.size() != std::size_t(width) * std::size_t(height)) {
        return out;
    }
    try {
        const cv::Mat m(height, width, CV_8UC1, const_cast<std::uint8_t*>(mask.data()));
        cv::Mat closed;
        cv::morphologyEx(m, closed, cv::MORPH_CLOSE,
                         cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
        cv::Mat labels;
        cv::Mat stats;
        cv::Mat centroids;
        const int n = cv::connectedComponentsWithStats(closed, labels, stats, centroids, 8);
        for (int k = 1; k < n; ++k) {
            const int area = stats.at<int>(k, cv::CC_STAT_AREA);
            if (area < minArea) {
                continue;
            }
            MaskRegion r;
            r.x0 = stats.at<int>(k, cv::CC_STAT_LEFT);
            r.y0 = stats.at<int>(k, cv::CC_STAT_TOP);
            r.x1 = r.x0 + stats.at<int>(k, cv::CC_STAT_WIDTH);
            r.y1 = r.y0 + stats.at<int>(k, cv::CC_STAT_HEIGHT);
            r.area = area;
            out.push_back(r);
        }
    } catch (const cv::Exception&) {
        out.clear();  // an empty result: the analyser sees no region this picture
    }
    return out;
}

struct LongTermBackground::Impl {
    double timeConstantS = 120.0;
    int maxWidth = 320;
    cv::Mat background;  // CV_32FC3
    cv::Mat last;        // CV_8UC3, the last picture learnt from
};

LongTermBackground::LongTermBackground(double timeConstantS, int maxWidth)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->timeConstantS = std::max(1.0, timeConstantS);
    m_impl->maxWidth = maxWidth;
}

LongTermBackground::~LongTermBackground() = default;

core::Status LongTermBackground::update(const core::ImageFrame& frame, double dtS,
                                        const std::vector<core::BoxF>& frozen) {
    auto bgr = wrap(frame);
    if (!bgr) {
        return bgr.error();
    }
    try {
        Impl& d = *m_impl;
        cv::Mat small = reduce(*bgr, d.maxWidth);
        if (d.background.empty() || d.background.size() != small.size()) {
            small.convertTo(d.background, CV_32FC3);
        } else {
            // Exponential forgetting with the configured time constant, whatever the rate.
            const double alpha = 1.0 - std::exp(-std::max(0.0, dtS) / d.timeConstantS);
            if (frozen.empty()) {
                cv::accumulateWeighted(small, d.background, alpha);
            } else {
                cv::Mat watched = cv::Mat::zeros(small.size(), CV_8UC1);
                for (const auto& b : frozen) {
                    watched(boxToRect(b, small.cols, small.rows)).setTo(255);
                }
                cv::Mat free;
                cv::bitwise_not(watched, free);
                cv::accumulateWeighted(small, d.background, alpha, free);
                cv::accumulateWeighted(small, d.background, alpha / 10.0, watched);
            }
        }
        d.last = std::move(small);
        return {};
    } catch (const cv::Exception& e) {
        return makeError(std::string("background model: ") + e.what());
    }
}

bool LongTermBackground::ready() const {
    return !m_impl->background.empty();
}

double LongTermBackground::differingFraction(const core::BoxF& box, int threshold) const {
    const Impl& d = *m_impl;
    if (d.background.empty() || d.last.empty()) {
        return 0.0;
    }
    try {
        const cv::Rect r = boxToRect(box, d.last.cols, d.last.rows);
        if (r.area() <= 0) {
            return 0.0;
        }
        cv::Mat bg8;
        d.background(r).convertTo(bg8, CV_8UC3);
        cv::Mat diff;
        cv::absdiff(d.last(r), bg8, diff);
        int differing = 0;
        for (int y = 0; y < diff.rows; ++y) {
            const auto* row = diff.ptr<cv::Vec3b>(y);
            for (int x = 0; x < diff.cols; ++x) {
                if (std::max({row[x][0], row[x][1], row[x][2]}) > threshold) {
                    ++differing;
                }
            }
        }
        return double(differing) / double(r.area());
    } catch (const cv::Exception&) {
        return 0.0;
    }
}

}  // namespace vigie::inference
