#pragma once
// Body keypoints of people already found by the detector: MoveNet (single person, the
// movenet.pytorch re-implementation of models/manifest.json "movenet_mbv3_192") run on a crop
// of each person box. The person-on-the-ground analyser uses it to tell lying from bending.
//
// What the runner does (pose_runner.cpp, the only file with Torch headers):
//   crop = the box widened by `marginFraction` of its size on each side, clamped to the
//   picture, to whole pixels (floor of the top-left, ceiling of the bottom-right);
//   scaled to fit 192×192 keeping its aspect (bilinear, align_corners=false), centred on a
//   black square (offset ⌊(192 − size) / 2⌋), RGB 0–255 (the model normalises itself);
//   one forward pass per batch of up to `maxBatch` crops; decodeMoveNet() per crop; points
//   mapped back to normalised picture coordinates.
// Keypoints whose heatmap peak is below 0.1 get score 0 and the crop's centre as position,
// as movenet.pytorch marks them -1.
//
// Thread: estimate() may be called from any analysis strand; calls are serialised by a mutex
// inside the runner (one model, shared by every camera). Ownership: the engine owns the
// runner and lends it to analysers by shared_ptr.
//
//   auto pose = loadPoseEstimator(modelDir, manifestPath, "cpu");
//   auto poses = (*pose)->estimate(frame, {personBox});   // one Pose per box, same order

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/frame.h"
#include "core/geometry.h"
#include "core/model_manifest.h"
#include "core/result.h"

namespace vigie::inference {

inline constexpr int kPoseKeypoints = 17;
// Indices in the COCO keypoint order (the manifest's `classes`) of the points the analysers
// read.
inline constexpr int kNose = 0;
inline constexpr int kLeftEye = 1;
inline constexpr int kRightEye = 2;
inline constexpr int kLeftEar = 3;
inline constexpr int kRightEar = 4;
inline constexpr int kLeftShoulder = 5;
inline constexpr int kRightShoulder = 6;
inline constexpr int kLeftHip = 11;
inline constexpr int kRightHip = 12;
inline constexpr int kLeftAnkle = 15;
inline constexpr int kRightAnkle = 16;

struct PoseKeypoint {
    core::PointF point;  // normalised picture coordinates (model input coordinates for decode)
    float score = 0.0F;  // heatmap value at the peak, 0..1; 0 when below the threshold
};

struct Pose {
    std::array<PoseKeypoint, kPoseKeypoints> keypoints{};
};

class PoseEstimator {
public:
    virtual ~PoseEstimator() = default;
    // One pose per box, in the order of `boxes` (normalised). An error for a picture that is
    // not BGR or a model failure; an empty box gives a pose with every score 0.
    virtual core::Result<std::vector<Pose>> estimate(const core::ImageFrame& frame,
                                                     const std::vector<core::BoxF>& boxes) = 0;
    // The four raw outputs of a batch of prepared inputs (N×3×192×192 RGB 0–255, NCHW),
    // concatenated per output: heatmaps, centre, regressions, offsets. For parity tests.
    virtual core::Result<std::vector<float>> forwardRaw(const std::vector<float>& input,
                                                        int batch) {
        (void)input;
        (void)batch;
        return core::makeError("this pose estimator has no raw model to run");
    }
    virtual std::string description() const = 0;
};

struct PoseRunnerOptions {
    std::string modelPath;
    core::ModelSpec spec;        // input size (192), layout "movenet"
    std::string device = "cpu";  // cpu, cuda, cuda:N, auto
    double marginFraction = 0.1;
    int maxBatch = 16;
};

core::Result<std::unique_ptr<PoseEstimator>> createPoseRunner(const PoseRunnerOptions& options);

// Finds "movenet_mbv3_192" in the manifest, verifies the file's SHA-256 and loads it.
core::Result<std::unique_ptr<PoseEstimator>> loadPoseEstimator(const std::string& modelDir,
                                                               const std::string& manifestPath,
                                                               const std::string& device);

// movenet.pytorch's decoding (lib/task/task_tools.py movenetDecode) of one picture's outputs
// at `grid`×`grid` (48), CHW: the person centre is the peak of the centre heatmap weighted by
// 1 / (distance to the grid centre + 1.8) (their center_weight_origin.npy); for each keypoint
// the regression at the centre gives a first guess (rounded), the keypoint heatmap (values
// below `threshold` zeroed) divided by (distance to that guess + 1.8) gives the cell, and the
// offset there the sub-cell position. Points are in 0..1 of the model input.
std::array<PoseKeypoint, kPoseKeypoints> decodeMoveNet(const float* heatmaps, const float* centre,
                                                       const float* regs, const float* offsets,
                                                       int grid, float threshold = 0.1F);

}  // namespace vigie::inference
