// LibTorch implementation of PoseEstimator (MoveNet on person crops). The only file of the
// pose runner that includes Torch headers. Crops are cut, scaled and padded on the host (a
// handful of people per picture), batched, and run on the model's device.
#include "inference/pose_runner.h"
#include "inference/torch_device.h"

#include <torch/cuda.h>
#include <torch/nn/functional/upsampling.h>
#include <torch/script.h>

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <sstream>

#include "core/log.h"

namespace vigie::inference {

using core::makeError;
using core::Result;

namespace {

constexpr const char* kPoseModelName = "movenet_mbv3_192";

// Where one crop sits: its pixel rectangle in the picture and its placement in the square.
struct CropPlacement {
    bool valid = false;
    int x0 = 0;
    int y0 = 0;
    int width = 0;
    int height = 0;
    int offsetX = 0;  // in the model input, pixels
    int offsetY = 0;
    int scaledWidth = 0;
    int scaledHeight = 0;
};

CropPlacement placeCrop(const core::BoxF& box, int pictureWidth, int pictureHeight, double margin,
                        int size) {
    CropPlacement c;
    const double mx = box.width() * margin;
    const double my = box.height() * margin;
    const int x0 = std::clamp(int(std::floor((box.x0 - mx) * pictureWidth)), 0, pictureWidth);
    const int y0 = std::clamp(int(std::floor((box.y0 - my) * pictureHeight)), 0, pictureHeight);
    const int x1 = std::clamp(int(std::ceil((box.x1 + mx) * pictureWidth)), 0, pictureWidth);
    const int y1 = std::clamp(int(std::ceil((box.y1 + my) * pictureHeight)), 0, pictureHeight);
    if (x1 - x0 < 2 || y1 - y0 < 2) {
        return c;
    }
    c.valid = true;
    c.x0 = x0;
    c.y0 = y0;
    c.width = x1 - x0;
    c.height = y1 - y0;
    const double scale = double(size) / std::max(c.width, c.height);
    c.scaledWidth = std::clamp(int(std::lround(c.width * scale)), 1, size);
    c.scaledHeight = std::clamp(int(std::lround(c.height * scale)), 1, size);
    c.offsetX = (size - c.scaledWidth) / 2;
    c.offsetY = (size - c.scaledHeight) / 2;
    return c;
}

class MoveNetRunner final : public PoseEstimator {
public:
    static Result<std::unique_ptr<PoseEstimator>> create(const PoseRunnerOptions& options) {
        if (options.spec.inputWidth <= 0 || options.spec.inputWidth != options.spec.inputHeight ||
            options.spec.inputWidth % 4 != 0) {
            return makeError("pose model " + options.spec.name +
                             ": the manifest must give a square input, a multiple of 4");
        }
        auto device = resolveTorchDevice(options.device);
        if (!device) {
            return device.error();
        }
        auto self = std::unique_ptr<MoveNetRunner>(new MoveNetRunner(options, *device));
        try {
            self->m_module = torch::jit::load(options.modelPath, self->m_device);
            self->m_module.eval();
            if (self->m_device.is_cpu()) {
                prepareCpuModel(self->m_module, options.spec.name);  // checked by the warm-up
            }
        } catch (const c10::Error& e) {
            return makeError("cannot load the pose model " + options.modelPath + ": " +
                             e.what_without_backtrace());
        }
        // Warm-up on a blank crop, which also checks the output layout against the manifest.
        const int size = options.spec.inputWidth;
        auto warm = self->forwardRaw(std::vector<float>(std::size_t(3) * size * size, 0.0F), 1);
        if (!warm) {
            return makeError("the pose model " + options.modelPath +
                             " does not run on a blank input: " + warm.error().message);
        }
        const std::size_t cells = std::size_t(self->m_grid) * std::size_t(self->m_grid);
        if (warm->size() != cells * (kPoseKeypoints + 1 + 4 * kPoseKeypoints)) {
            return makeError("the pose model " + options.modelPath + " returned " +
                             std::to_string(warm->size()) +
                             " values, expected 17 heatmaps, a centre map, 34 regressions and 34 "
                             "offsets at " +
                             std::to_string(self->m_grid) + "×" + std::to_string(self->m_grid));
        }
        core::logger("pose")->info("{}", self->description());
        return std::unique_ptr<PoseEstimator>(std::move(self));
    }

    Result<std::vector<Pose>> estimate(const core::ImageFrame& frame,
                                       const std::vector<core::BoxF>& boxes) override {
        std::vector<Pose> poses(boxes.size());
        if (boxes.empty()) {
            return poses;
        }
        if (frame.empty() || frame.format != core::PixelFormat::Bgr24) {
            return makeError("pose: the picture is not BGR");
        }
        const int size = m_options.spec.inputWidth;
        std::lock_guard lock(m_mutex);
        serialOnCpu();
        try {
            c10::InferenceMode guard;
            const auto picture = torch::from_blob(
                const_cast<std::uint8_t*>(frame.pixels.get()), {frame.height, frame.width, 3},
                {std::int64_t(frame.strideBytes), 3, 1}, torch::kUInt8);
            std::vector<CropPlacement> placements;
            std::vector<torch::Tensor> inputs;
            std::vector<std::size_t> owners;
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                const CropPlacement c =
                    placeCrop(boxes[i], frame.width, frame.height, m_options.marginFraction, size);
                if (!c.valid) {
                    continue;
                }
                inputs.push_back(prepare(picture, c, size));
                placements.push_back(c);
                owners.push_back(i);
            }
            const std::size_t chunk = std::size_t(std::max(1, m_options.maxBatch));
            for (std::size_t start = 0; start < inputs.size(); start += chunk) {
                const std::size_t end = std::min(inputs.size(), start + chunk);
                auto batch = torch::cat(std::vector<torch::Tensor>(
                    inputs.begin() + std::ptrdiff_t(start), inputs.begin() + std::ptrdiff_t(end)));
                auto out = forward(batch.to(m_device));
                for (std::size_t k = start; k < end; ++k) {
                    const auto b = std::int64_t(k - start);
                    const auto hm = out[0][b].contiguous();
                    const auto ce = out[1][b].contiguous();
                    const auto rg = out[2][b].contiguous();
                    const auto of = out[3][b].contiguous();
                    auto keypoints =
                        decodeMoveNet(hm.data_ptr<float>(), ce.data_ptr<float>(),
                                      rg.data_ptr<float>(), of.data_ptr<float>(), m_grid);
                    const CropPlacement& c = placements[k];
                    const double sx = double(c.scaledWidth) / c.width;
                    const double sy = double(c.scaledHeight) / c.height;
                    for (auto& kp : keypoints) {
                        const double px = (kp.point.x * size - c.offsetX) / sx + c.x0;
                        const double py = (kp.point.y * size - c.offsetY) / sy + c.y0;
                        kp.point = {px / frame.width, py / frame.height};
                    }
                    poses[owners[k]].keypoints = keypoints;
                }
            }
        } catch (const c10::Error& e) {
            return makeError(std::string("pose inference failed: ") + e.what_without_backtrace());
        }
        return poses;
    }

    Result<std::vector<float>> forwardRaw(const std::vector<float>& input, int batch) override {
        const int size = m_options.spec.inputWidth;
        const std::int64_t expected = std::int64_t(batch) * 3 * size * size;
        if (batch <= 0 || std::int64_t(input.size()) != expected) {
            return makeError("raw pose input has " + std::to_string(input.size()) +
                             " values, expected " + std::to_string(expected));
        }
        std::lock_guard lock(m_mutex);
        serialOnCpu();
        try {
            c10::InferenceMode guard;
            auto t = torch::from_blob(const_cast<float*>(input.data()), {batch, 3, size, size},
                                      torch::kFloat32)
                         .to(m_device);
            auto out = forward(t);
            std::vector<float> values;
            for (const auto& o : out) {
                const auto* p = o.data_ptr<float>();
                values.insert(values.end(), p, p + o.numel());
            }
            return values;
        } catch (const c10::Error& e) {
            return makeError(std::string("pose inference failed: ") + e.what_without_backtrace());
        }
    }

    std::string description() const override {
        std::ostringstream s;
        s << m_options.spec.name << " pose on " << m_device.str() << ", crops of "
          << m_options.spec.inputWidth << " px, margin " << m_options.marginFraction;
        return s.str();
    }

private:
    MoveNetRunner(PoseRunnerOptions options, torch::Device device)
        : m_options(std::move(options)), m_device(device), m_grid(m_options.spec.inputWidth / 4) {}

    // One crop → 1×3×size×size float RGB on the host, the crop scaled into the centre.
    static torch::Tensor prepare(const torch::Tensor& picture, const CropPlacement& c, int size) {
        auto crop = picture.slice(0, c.y0, c.y0 + c.height)
                        .slice(1, c.x0, c.x0 + c.width)
                        .permute({2, 0, 1})
                        .flip({0})  // BGR → RGB
                        .to(torch::kFloat32)
                        .unsqueeze(0);
        namespace F = torch::nn::functional;
        auto scaled =
            F::interpolate(crop, F::InterpolateFuncOptions()
                                     .size(std::vector<std::int64_t>{c.scaledHeight, c.scaledWidth})
                                     .mode(torch::kBilinear)
                                     .align_corners(false));
        auto canvas = torch::zeros({1, 3, size, size}, torch::kFloat32);
        canvas.slice(2, c.offsetY, c.offsetY + c.scaledHeight)
            .slice(3, c.offsetX, c.offsetX + c.scaledWidth)
            .copy_(scaled);
        return canvas;
    }

    // Crops are small: they run on the analysis thread alone, leaving the cores to the
    // detector's team (see useTorchThreadsHere).
    void serialOnCpu() const {
        if (m_device.is_cpu()) {
            useTorchThreadsHere(1);
        }
    }

    // The four outputs on the host, float, contiguous.
    std::vector<torch::Tensor> forward(const torch::Tensor& input) {
        auto result = m_module.forward({input});
        std::vector<torch::Tensor> out;
        if (result.isTuple()) {
            // Indexed, not a range-for: GCC's -Wnull-dereference trips over the inlined
            // TupleElements::begin() of LibTorch 1.13.
            const auto tuple = result.toTuple();
            const std::size_t n = tuple->elements().size();
            for (std::size_t i = 0; i < n; ++i) {
                out.push_back(tuple->elements()[i].toTensor());
            }
        } else if (result.isTensorList()) {
            for (const auto& t : result.toTensorVector()) {
                out.push_back(t);
            }
        }
        TORCH_CHECK(out.size() == 4,
                    "the pose model must return heatmaps, centre, regressions and offsets");
        for (auto& t : out) {
            t = t.to(torch::kCPU, torch::kFloat32).contiguous();
        }
        return out;
    }

    PoseRunnerOptions m_options;
    torch::Device m_device;
    int m_grid;
    torch::jit::script::Module m_module;
    std::mutex m_mutex;
};

}  // namespace

std::array<PoseKeypoint, kPoseKeypoints> decodeMoveNet(const float* heatmaps, const float* centre,
                                                       const float* regs, const float* offsets,
                                                       int grid, float threshold) {
    const std::size_t cells = std::size_t(grid) * std::size_t(grid);
    const double middle = grid / 2.0;
    // The person's centre: the centre map weighted towards the middle of the crop.
    int cx = 0;
    int cy = 0;
    double best = -1.0;
    for (int y = 0; y < grid; ++y) {
        for (int x = 0; x < grid; ++x) {
            const double w = 1.0 / (std::hypot(x - middle, y - middle) + 1.8);
            const double v = double(centre[std::size_t(y) * grid + x]) * w;
            if (v > best) {  // first maximum in row-major order, as numpy's argmax
                best = v;
                cx = x;
                cy = y;
            }
        }
    }
    std::array<PoseKeypoint, kPoseKeypoints> out{};
    const std::size_t at = std::size_t(cy) * grid + cx;
    for (int n = 0; n < kPoseKeypoints; ++n) {
        // int() truncates towards zero, like numpy's astype(int32) of (reg + 0.5).
        const int regX = int(regs[std::size_t(2 * n) * cells + at] + 0.5F) + cx;
        const int regY = int(regs[std::size_t(2 * n + 1) * cells + at] + 0.5F) + cy;
        const float* hm = heatmaps + std::size_t(n) * cells;
        int kx = 0;
        int ky = 0;
        double bestK = -1.0;
        for (int y = 0; y < grid; ++y) {
            for (int x = 0; x < grid; ++x) {
                float v = hm[std::size_t(y) * grid + x];
                if (v < threshold) {
                    v = 0.0F;
                }
                const double weighted = v / (std::hypot(double(x - regX), double(y - regY)) + 1.8);
                if (weighted > bestK) {
                    bestK = weighted;
                    kx = x;
                    ky = y;
                }
            }
        }
        float score = hm[std::size_t(ky) * grid + kx];
        if (score < threshold) {
            score = 0.0F;
        }
        const float ox = offsets[std::size_t(2 * n) * cells + std::size_t(ky) * grid + kx];
        const float oy = offsets[std::size_t(2 * n + 1) * cells + std::size_t(ky) * grid + kx];
        PoseKeypoint& kp = out[std::size_t(n)];
        kp.score = score;
        // movenet.pytorch writes -1 for a point under the threshold; the crop's middle is
        // a harmless position for a point whose score says "not seen".
        kp.point = score > 0.0F ? core::PointF{(kx + double(ox)) / grid, (ky + double(oy)) / grid}
                                : core::PointF{0.5, 0.5};
    }
    return out;
}

Result<std::unique_ptr<PoseEstimator>> createPoseRunner(const PoseRunnerOptions& options) {
    return MoveNetRunner::create(options);
}

Result<std::unique_ptr<PoseEstimator>> loadPoseEstimator(const std::string& modelDir,
                                                         const std::string& manifestPath,
                                                         const std::string& device) {
    auto manifest = core::loadModelManifest(manifestPath);
    if (!manifest) {
        return manifest.error();
    }
    const core::ModelSpec* spec = manifest->find(kPoseModelName);
    if (spec == nullptr || spec->task != core::ModelTask::Pose) {
        return makeError(std::string("the model manifest has no pose model named '") +
                         kPoseModelName + "'");
    }
    auto path = core::verifyModelFile(modelDir, spec->file, spec->sha256);
    if (!path) {
        return path.error();
    }
    PoseRunnerOptions options;
    options.modelPath = *path;
    options.spec = *spec;
    options.device = device;
    return createPoseRunner(options);
}

}  // namespace vigie::inference
