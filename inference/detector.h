#pragma once
// Object detector runner: a batch of pictures in, detections in normalised coordinates out.
// The implementation (LibTorch, TorchScript models) lives in .cpp files; this header is all
// the rest of the engine sees.
//
// Thread: one inference thread owns a Detector and is the only caller of detect().
//
//   auto det = createDetector(options);          // loads and warms up the model
//   auto out = (*det)->detect({frameA, frameB});  // out[i] belongs to frames[i]

#include <memory>
#include <string>
#include <vector>

#include "core/detection.h"
#include "core/frame.h"
#include "core/model_manifest.h"
#include "core/result.h"
#include "inference/detection_decode.h"

namespace vigie::inference {

struct DetectorOptions {
    std::string modelPath;  // TorchScript file, already verified against the manifest
    core::ModelSpec spec;
    std::string device = "auto";  // auto, cpu, cuda, cuda:N
    bool half = false;            // FP16 on a GPU (needs the manifest's half_file)
    int cpuThreads = 0;           // intra-op threads on CPU; 0 = every core
    DecodeOptions decode;
};

class Detector {
public:
    virtual ~Detector() = default;
    virtual core::Result<std::vector<std::vector<core::Detection>>> detect(
        const std::vector<core::ImageFrame>& frames) = 0;
    // Runs the network on an input already prepared in the model's layout (NCHW float),
    // returning its raw output. For golden-file tests and benchmarks.
    virtual core::Result<std::vector<float>> forwardRaw(const std::vector<float>& input,
                                                        int batch) = 0;
    virtual const std::vector<std::string>& classNames() const = 0;
    virtual std::string description() const = 0;
};

core::Result<std::unique_ptr<Detector>> createDetector(const DetectorOptions& options);

// LibTorch version and the devices it sees, for `vigie version` and the health view.
std::string torchRuntimeDescription();

}  // namespace vigie::inference
