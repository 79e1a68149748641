#pragma once
// Crowd density maps: MCNN (models/manifest.json "mcnn_shtech_a", ShanghaiTech part A, dense
// crowds) run on the whole picture, for zones too crowded for boxes. The density analyser
// sums the map inside a zone to count the people there.
//
// What the runner does (density_runner.cpp, the only file with Torch headers): the picture
// in grey (BT.601 luma, 0–255, no normalisation, as the model was trained), reduced to at
// most `maxWidth` columns (area averaging, to bound the CPU time; MCNN was trained on
// pictures of 400–1000 columns), one forward pass, the map (1/4 of the input in each
// direction) returned as floats whose sum is the number of people.
//
// Thread: estimate() may be called from any analysis strand; calls are serialised by a mutex
// (one model shared by every camera). The engine owns the runner.
//
//   auto density = loadDensityEstimator(modelDir, manifestPath, "cpu");
//   auto map = (*density)->estimate(frame);          // Result<DensityMap>
//   double people = map->countIn(zone.polygon);

#include <memory>
#include <string>
#include <vector>

#include "core/frame.h"
#include "core/geometry.h"
#include "core/model_manifest.h"
#include "core/result.h"

namespace vigie::inference {

// People per cell of a grid laid over the picture (normalised: cell (x, y) covers
// [x/width, (x+1)/width) × [y/height, (y+1)/height) of the picture).
struct DensityMap {
    int width = 0;
    int height = 0;
    std::vector<float> values;  // row-major

    double total() const;
    // Sum of the cells whose centre is inside the polygon.
    double countIn(const core::Polygon& polygon) const;
};

class DensityEstimator {
public:
    virtual ~DensityEstimator() = default;
    virtual core::Result<DensityMap> estimate(const core::ImageFrame& frame) = 0;
    virtual std::string description() const = 0;
};

struct DensityRunnerOptions {
    std::string modelPath;
    core::ModelSpec spec;
    std::string device = "cpu";  // cpu, cuda, cuda:N, auto
    int maxWidth = 1024;         // larger pictures are reduced first (CPU time)
};

core::Result<std::unique_ptr<DensityEstimator>> createDensityRunner(
    const DensityRunnerOptions& options);

// Finds `modelName` (default "mcnn_shtech_a") in the manifest, verifies the file's SHA-256
// and loads it.
core::Result<std::unique_ptr<DensityEstimator>> loadDensityEstimator(
    const std::string& modelDir, const std::string& manifestPath, const std::string& device,
    const std::string& modelName = "mcnn_shtech_a");

}  // namespace vigie::inference
