#pragma once
// Object detector runner: a batch of pictures in, detections in normalised coordinates out.
// The implementation (LibTorch, TorchScript models) lives in .cpp files; this header is all
// the rest of the engine sees.
//
// Thread: one inference thread owns a Detector and is the only caller of detect().
//
//   auto det = createDetector(options);          // loads and warms up the model
//   auto out = (*det)->detect({frameA, frameB});  // out[i] belongs to frames[i]

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/detection.h"
#include "core/frame.h"
#include "core/model_manifest.h"
#include "core/result.h"
#include "inference/detection_decode.h"
#include "inference/frame_pool.h"

namespace vigie::inference {

struct DetectorOptions {
    std::string modelPath;  // TorchScript file, already verified against the manifest
    core::ModelSpec spec;
    std::string device = "auto";  // auto, cpu, cuda, cuda:N
    bool half = false;            // FP16 on a GPU (needs the manifest's half_file)
    int cpuThreads = 0;           // intra-op threads on CPU; 0 = every core
    int maxBatch = 64;            // pictures per forward pass at most
    bool cudaGraphs = true;       // replay captured graphs for fixed batch sizes (GPU)
    bool channelsLast = true;     // NHWC input on a GPU (tensor cores prefer it)
    int maxCandidates = 100;      // per picture, kept by score before NMS (on the device)
    DecodeOptions decode;
};

// Splits a picture into rows × cols overlapping tiles, each detected at the model's full
// input size, so that small (distant) people are seen; detections are merged across tiles
// (and with the whole picture when includeFullFrame) by class-aware NMS.
struct TileGrid {
    int rows = 1;
    int cols = 1;
    double overlap = 0.2;  // fraction of a tile shared with its neighbour
    bool includeFullFrame = true;
    bool enabled() const { return rows * cols > 1; }
};

// Allocates picture buffers the detector can read fastest (page-locked memory when it runs
// on a GPU: asynchronous uploads). Empty when plain memory is best.
using FrameBufferAllocator = BufferAllocator;

struct DetectorStats {
    std::int64_t calls = 0;
    std::int64_t pictures = 0;  // views (tiles count as pictures)
    std::int64_t forwardPasses = 0;
    std::int64_t graphReplays = 0;  // forward passes served by a captured CUDA graph
    double averageBatch() const { return forwardPasses > 0 ? double(pictures) / forwardPasses : 0; }
};

class Detector {
public:
    virtual ~Detector() = default;
    // One result per picture, in order. `tiles` is empty (no tiling) or one grid per picture.
    virtual core::Result<std::vector<std::vector<core::Detection>>> detect(
        const std::vector<core::ImageFrame>& frames, const std::vector<TileGrid>& tiles = {}) = 0;
    // Runs the network on an input already prepared in the model's layout (NCHW float),
    // returning its raw output. For golden-file tests and benchmarks.
    virtual core::Result<std::vector<float>> forwardRaw(const std::vector<float>& input,
                                                        int batch) = 0;
    virtual const std::vector<std::string>& classNames() const = 0;
    virtual std::string description() const = 0;
    virtual FrameBufferAllocator bufferAllocator() const { return {}; }
    // The device post-processing (decode, top-K, NMS) on one raw network output, for parity
    // tests against the reference decoder.
    virtual core::Result<std::vector<core::Detection>> postprocessRaw(
        const std::vector<float>& rawOutput, const Letterbox& lb) {
        (void)rawOutput;
        (void)lb;
        return core::makeError("this detector has no separate post-processing");
    }
    virtual DetectorStats stats() const { return {}; }
    // Largest number of pictures worth gathering into one call.
    virtual int preferredBatch() const { return 1; }
    // Whether detect() may run on several threads at once (the engine's inference workers,
    // each with its own pictures). Off by default: a detector with state per stream is not.
    virtual bool reentrant() const { return false; }
};

// The view rectangles (in pixels) that a grid cuts from a width × height picture.
struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};
std::vector<PixelRect> tileRects(int width, int height, const TileGrid& grid);

core::Result<std::unique_ptr<Detector>> createDetector(const DetectorOptions& options);

// LibTorch version and the devices it sees, for `vigie version` and the health view.
std::string torchRuntimeDescription();

}  // namespace vigie::inference
