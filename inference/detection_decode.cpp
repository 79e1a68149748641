#include "inference/detection_decode.h"

#include <algorithm>
#include <cmath>
#include <numeric>

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

std::vector<core::Detection> decodeYolox(const float* output, int anchors, int numClasses,
                                         const std::vector<int>& strides, const Letterbox& lb,
                                         const DecodeOptions& options) {
    std::vector<core::Detection> candidates;
    const int rowSize = 5 + numClasses;
    int anchor = 0;
    for (int stride : strides) {
        const int gridW = lb.inputWidth / stride;
        const int gridH = lb.inputHeight / stride;
        for (int gy = 0; gy < gridH; ++gy) {
            for (int gx = 0; gx < gridW; ++gx, ++anchor) {
                if (anchor >= anchors) {
                    break;
                }
                const float* row = output + std::int64_t(anchor) * rowSize;
                const float objectness = row[4];
                if (objectness < options.scoreThreshold) {
                    continue;  // score = objectness × class ≤ objectness
                }
                int bestClass = 0;
                float bestScore = row[5];
                for (int c = 1; c < numClasses; ++c) {
                    if (row[5 + c] > bestScore) {
                        bestScore = row[5 + c];
                        bestClass = c;
                    }
                }
                const float score = objectness * bestScore;
                float threshold = options.scoreThreshold;
                if (std::size_t(bestClass) < options.classThreshold.size()) {
                    threshold = options.classThreshold[bestClass];
                }
                if (score < threshold) {
                    continue;
                }
                if (!options.keepClass.empty() &&
                    (std::size_t(bestClass) >= options.keepClass.size() ||
                     !options.keepClass[bestClass])) {
                    continue;
                }
                const double cx = (row[0] + gx) * stride;
                const double cy = (row[1] + gy) * stride;
                const double w = std::exp(double(row[2])) * stride;
                const double h = std::exp(double(row[3])) * stride;
                const double s = lb.scale;
                core::Detection det;
                det.box = core::clampToUnit(
                    {(cx - w / 2) / s / lb.imageWidth, (cy - h / 2) / s / lb.imageHeight,
                     (cx + w / 2) / s / lb.imageWidth, (cy + h / 2) / s / lb.imageHeight});
                det.classId = bestClass;
                det.score = score;
                if (det.box.isValid()) {
                    candidates.push_back(det);
                }
            }
        }
    }
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

}  // namespace vigie::inference
