#pragma once
// Pure post-processing shared by every detector head: letterbox geometry, YOLOX decoding and
// class-aware non-maximum suppression. No Torch here, so it is tested on its own and the
// same code runs after a CPU or a GPU forward pass. Pure functions, any thread.

#include <cstdint>
#include <vector>

#include "core/detection.h"

namespace vigie::inference {

// How a picture of size (width, height) was placed into the model's input (top-left
// letterbox, as YOLOX does): scaled by `scale`, padded on the right and bottom.
struct Letterbox {
    int inputWidth = 0;
    int inputHeight = 0;
    int imageWidth = 0;
    int imageHeight = 0;
    double scale = 1.0;
    int resizedWidth = 0;
    int resizedHeight = 0;
};

Letterbox computeLetterbox(int imageWidth, int imageHeight, int inputWidth, int inputHeight);

struct DecodeOptions {
    float scoreThreshold = 0.25F;
    float nmsIouThreshold = 0.45F;
    int maxDetections = 300;
    // Classes to keep (empty = all), indexed by class id.
    std::vector<bool> keepClass;
    // Per-class score thresholds overriding scoreThreshold (empty = none), by class id.
    std::vector<float> classThreshold;
};

// Decodes one image's YOLOX output: `anchors` rows of (x, y, w, h, objectness, classes…)
// with sigmoid already applied to objectness and classes; boxes come back normalised to the
// original picture (0..1), after NMS.
std::vector<core::Detection> decodeYolox(const float* output, int anchors, int numClasses,
                                         const std::vector<int>& strides, const Letterbox& lb,
                                         const DecodeOptions& options);

// Decodes one image's NanoDet-Plus (GFL) output: `anchors` rows of `numClasses` class scores
// (sigmoid applied) then 4 × (regMax + 1) distance logits (left, top, right, bottom), each a
// distribution over 0..regMax strides from the cell's corner point (x·stride, y·stride);
// the distance is its softmax's expectation. No objectness: the score is the best class.
// Boxes come back normalised to the original picture (0..1), after NMS.
std::vector<core::Detection> decodeNanoDet(const float* output, int anchors, int numClasses,
                                           int regMax, const std::vector<int>& strides,
                                           const Letterbox& lb, const DecodeOptions& options);

// Greedy NMS per class; `boxes` any consistent unit. Returns kept indices by score order.
std::vector<std::size_t> nonMaximumSuppression(const std::vector<core::Detection>& detections,
                                               float iouThreshold, bool classAware = true);

}  // namespace vigie::inference
