#pragma once
// Scale benchmarks of `vigie bench` (see bench_scale.cpp): the detector across batch sizes
// and precisions, and the engine with many synthetic cameras.

#include <string>
#include <vector>

namespace vigie::app {

struct ScaleOptions {
    std::string modelDir;
    std::string manifestPath;
    std::string device = "auto";
    std::string providedModel = "yolox_nano_416";
    std::string dynamicModel = "yolox_nano_416_dynamic";
    std::vector<int> batches{1, 8, 32, 64, 128, 256};
    std::vector<int> cameras{50, 100, 200, 400};
    int width = 704;
    int height = 576;
    double fps = 12.5;
    double seconds = 10.0;
    double warmupS = 8.0;
    int maxBatch = 128;
    int batchWaitMs = 8;
    int analysisThreads = 0;
    int cpuThreads = 0;         // EngineOptions::cpuThreads (0: the engine's choice)
    int inferenceWorkers = 0;   // EngineOptions::inferenceWorkers (0: the engine's choice)
    std::string input;          // cameras play this file in a loop, in real time (else synthetic)
    bool motionGating = false;  // skip the detector on static pictures
    // --input: camera i starts i/N of the way into the clip, so that the cameras do not all
    // see the same motion at the same moment (independent cameras, not N copies in step).
    bool stagger = true;
    std::string detectorModel;  // the engine's detector (default: dynamicModel)
};

int runDetectorScaling(const ScaleOptions& options);
int runSyntheticCameras(const ScaleOptions& options);

}  // namespace vigie::app
