#include "inference/detection_decode.h"

#include "inference/detector.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace vigie::inference {

Letterbox computeLetterbox(int imageWidth, int imageHeight, int inputWidth, int inputHeight) {
    Letterbox lb;
    lb.inputWidth = inputWidth;
    lb.inputHeight = inputHeight;
    lb.imageWidth = imageWidth;
    lb.imageHeight = imageHeight;
    if (imageWidth <= 0 || imageHeight <= 0) {
        return lb;
    }
    lb.scale = std::min(double(inputWidth) / imageWidth, double(inputHeight) / imageHeight);
    // YOLOX's preproc: int(img.shape * r), i.e. truncation, and at least one pixel.
    lb.resizedWidth = std::clamp(int(imageWidth * lb.scale), 1, inputWidth);
    lb.resizedHeight = std::clamp(int(imageHeight * lb.scale), 1, inputHeight);
    return lb;
}

std::vector<std::size_t> nonMaximumSuppression(const std::vector<core::Detection>& detections,
                                               float iouThreshold, bool classAware) {
    std::vector<std::size_t> order(detections.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return detections[a].score > detections[b].score;
    });
    std::vector<std::size_t> kept;
    std::vector<bool> removed(detections.size(), false);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::size_t a = order[i];
        if (removed[a]) {
            continue;
        }
        kept.push_back(a);
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            const std::size_t b = order[j];
            if (removed[b] || (classAware && detections[a].classId != detections[b].classId)) {
                continue;
            }
            if (core::iou(detections[a].box, detections[b].box) > iouThreshold) {
                removed[b] = true;
            }
        }
    }
    return kept;
}

namespace {

// A box in model-input pixels back to the original picture, normalised and clamped.
core::BoxF toPicture(double x0, double y0, double x1, double y1, const Letterbox& lb) {
    const double s = lb.scale;
    return core::clampToUnit({x0 / s / lb.imageWidth, y0 / s / lb.imageHeight,
                              x1 / s / lb.imageWidth, y1 / s / lb.imageHeight});
}

// Class-aware NMS, then at most maxDetections by score.
std::vector<core::Detection> suppress(const std::vector<core::Detection>& candidates,
                                      const DecodeOptions& options) {
    const auto kept = nonMaximumSuppression(candidates, options.nmsIouThreshold, true);
    std::vector<core::Detection> out;
    out.reserve(std::min<std::size_t>(kept.size(), options.maxDetections));
    for (std::size_t i : kept) {
        if (out.size() >= std::size_t(options.maxDetections)) {
            break;
        }
        out.push_back(candidates[i]);
    }
    return out;
}

// Calls visit(anchor, gx, gy, stride) for each grid cell of each stride, in the models'
// output order, for at most `anchors` cells.
template <typename Visit>
void forEachAnchor(const std::vector<int>& strides, const Letterbox& lb, int anchors,
                   Visit&& visit) {
    int anchor = 0;
    for (int stride : strides) {
        for (int gy = 0; gy < lb.inputHeight / stride; ++gy) {
            for (int gx = 0; gx < lb.inputWidth / stride; ++gx, ++anchor) {
                if (anchor >= anchors) {
                    return;
                }
                visit(anchor, gx, gy, stride);
            }
        }
    }
}

// The best of `n` class scores: its class and score.
std::pair<int, float> bestOf(const float* scores, int n) {
    int best = 0;
    for (int c = 1; c < n; ++c) {
        if (scores[c] > scores[best]) {
            best = c;
        }
    }
    return {best, scores[best]};
}

// The class is kept and its score reaches its threshold.
bool classKept(int cls, float score, const DecodeOptions& options) {
    const float threshold = std::size_t(cls) < options.classThreshold.size()
                                ? options.classThreshold[std::size_t(cls)]
                                : options.scoreThreshold;
    return score >= threshold &&
           (options.keepClass.empty() ||
            (std::size_t(cls) < options.keepClass.size() && options.keepClass[std::size_t(cls)]));
}

}  // namespace

std::vector<core::Detection> decodeYolox(const float* output, int anchors, int numClasses,
                                         const std::vector<int>& strides, const Letterbox& lb,
                                         const DecodeOptions& options) {
    std::vector<core::Detection> candidates;
    forEachAnchor(strides, lb, anchors, [&](int anchor, int gx, int gy, int stride) {
        const float* row = output + std::int64_t(anchor) * (5 + numClasses);
        const float objectness = row[4];
        if (objectness < options.scoreThreshold) {
            return;  // score = objectness × class ≤ objectness
        }
        const auto [bestClass, bestScore] = bestOf(row + 5, numClasses);
        const float score = objectness * bestScore;
        if (!classKept(bestClass, score, options)) {
            return;
        }
        const double cx = (row[0] + gx) * stride;
        const double cy = (row[1] + gy) * stride;
        const double w = std::exp(double(row[2])) * stride;
        const double h = std::exp(double(row[3])) * stride;
        core::Detection det;
        det.box = toPicture(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, lb);
        det.classId = bestClass;
        det.score = score;
        if (det.box.isValid()) {
            candidates.push_back(det);
        }
    });
    return suppress(candidates, options);
}

std::vector<core::Detection> decodeNanoDet(const float* output, int anchors, int numClasses,
                                           int regMax, const std::vector<int>& strides,
                                           const Letterbox& lb, const DecodeOptions& options) {
    std::vector<core::Detection> candidates;
    const int bins = regMax + 1;
    forEachAnchor(strides, lb, anchors, [&](int anchor, int gx, int gy, int stride) {
        const float* row = output + std::int64_t(anchor) * (numClasses + 4 * bins);
        const auto [bestClass, bestScore] = bestOf(row, numClasses);
        if (!classKept(bestClass, bestScore, options)) {
            return;
        }
        // Expected distance of each side: softmax over the bins, times the bin index.
        double dist[4];
        for (int side = 0; side < 4; ++side) {
            const float* logits = row + numClasses + side * bins;
            const float top = *std::max_element(logits, logits + bins);
            double sum = 0.0;
            double weighted = 0.0;
            for (int k = 0; k < bins; ++k) {
                const double e = std::exp(double(logits[k] - top));
                sum += e;
                weighted += e * k;
            }
            dist[side] = weighted / sum * stride;
        }
        const double cx = double(gx) * stride;
        const double cy = double(gy) * stride;
        core::Detection det;
        det.box = toPicture(cx - dist[0], cy - dist[1], cx + dist[2], cy + dist[3], lb);
        det.classId = bestClass;
        det.score = bestScore;
        if (det.box.isValid()) {
            candidates.push_back(det);
        }
    });
    return suppress(candidates, options);
}

std::vector<PixelRect> tileRects(int width, int height, const TileGrid& grid) {
    std::vector<PixelRect> rects;
    if (grid.includeFullFrame || !grid.enabled()) {
        rects.push_back({0, 0, width, height});
    }
    if (!grid.enabled()) {
        return rects;
    }
    // Tiles of equal size whose union covers the picture with the given overlap:
    // cols * tw - (cols - 1) * overlap * tw = width.
    const double ov = std::clamp(grid.overlap, 0.0, 0.9);
    const double tw = width / (grid.cols - (grid.cols - 1) * ov);
    const double th = height / (grid.rows - (grid.rows - 1) * ov);
    for (int r = 0; r < grid.rows; ++r) {
        for (int c = 0; c < grid.cols; ++c) {
            const int x0 = int(std::lround(c * tw * (1.0 - ov)));
            const int y0 = int(std::lround(r * th * (1.0 - ov)));
            const int x1 = std::min(width, int(std::lround(x0 + tw)));
            const int y1 = std::min(height, int(std::lround(y0 + th)));
            rects.push_back({x0, y0, x1 - x0, y1 - y0});
        }
    }
    return rects;
}

}  // namespace vigie::inference
