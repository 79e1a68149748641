#pragma once
// The model registry: models/manifest.json names every model the product may load, with
// the file (relative to the model directory), its SHA-256, licence, source release, input
// geometry, colour order, normalisation, output layout and classes. A model is verified by
// hash before it is used, so a truncated copy or a swapped file is refused at start.
// Pure functions, any thread.

#include <array>
#include <string>
#include <vector>

#include "core/result.h"

namespace vigie::core {

enum class ModelTask { Invalid = 0, Detector, Pose, Density, Fire };
enum class ColourOrder { Invalid = 0, Bgr, Rgb, Gray };

struct ModelSpec {
    std::string name;
    ModelTask task = ModelTask::Invalid;
    std::string format;    // "torchscript"
    std::string file;      // relative to the model directory
    std::string sha256;    // of `file`
    std::string halfFile;  // optional variant whose weights can be cast to FP16
    std::string halfSha256;
    std::string licence;
    std::string sourceUrl;     // official release the file is derived from
    std::string sourceSha256;  // of the release file
    std::string exportScript;  // models/<script> that converts the release file
    int inputWidth = 0;
    int inputHeight = 0;
    ColourOrder colour = ColourOrder::Invalid;
    std::array<double, 3> mean{0.0, 0.0, 0.0};
    std::array<double, 3> std{1.0, 1.0, 1.0};
    int padValue = 114;
    std::string outputLayout;  // "yolox", "movenet", "density_map"
    std::vector<int> strides;
    std::vector<std::string> classes;
};

struct ModelManifest {
    int version = 1;
    std::vector<ModelSpec> models;
    const ModelSpec* find(const std::string& name) const;
};

Result<ModelManifest> parseModelManifest(const std::string& jsonText);
Result<ModelManifest> loadModelManifest(const std::string& path);

// Lower-case hex SHA-256 of a file, streamed.
Result<std::string> sha256File(const std::string& path);
// Checks that `modelDir/relativeFile` exists and has the expected hash, with a message an
// administrator can act on when it does not.
Result<std::string> verifyModelFile(const std::string& modelDir, const std::string& relativeFile,
                                    const std::string& expectedSha256);

// COCO's 80 class names in the order of the usual detectors' outputs.
const std::vector<std::string>& cocoClassNames();

}  // namespace vigie::core
