// LibTorch implementation of DensityEstimator (MCNN). The only file of the density runner
// that includes Torch headers.
#include "inference/density_runner.h"
#include "inference/torch_device.h"

#include <torch/cuda.h>
#include <torch/nn/functional/pooling.h>
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

double DensityMap::total() const {
    double sum = 0.0;
    for (const float v : values) {
        sum += double(v);
    }
    return sum;
}

double DensityMap::countIn(const core::Polygon& polygon) const {
    double sum = 0.0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const core::PointF centre{(x + 0.5) / width, (y + 0.5) / height};
            if (core::contains(polygon, centre)) {
                sum += double(values[std::size_t(y) * std::size_t(width) + std::size_t(x)]);
            }
        }
    }
    return sum;
}

namespace {

class McnnRunner final : public DensityEstimator {
public:
    static Result<std::unique_ptr<DensityEstimator>> create(const DensityRunnerOptions& options) {
        auto device = resolveTorchDevice(options.device);
        if (!device) {
            return device.error();
        }
        auto self = std::unique_ptr<McnnRunner>(new McnnRunner(options, *device));
        try {
            self->m_module = torch::jit::load(options.modelPath, self->m_device);
            self->m_module.eval();
            if (self->m_device.is_cpu()) {
                prepareCpuModel(self->m_module, options.spec.name);
            }
            // Warm-up, which also checks the output shape (N×1×H/4×W/4).
            c10::InferenceMode guard;
            auto out = self->m_module.forward({torch::zeros({1, 1, 64, 64}).to(self->m_device)})
                           .toTensor();
            if (out.dim() != 4 || out.size(1) != 1 || out.size(2) != 16 || out.size(3) != 16) {
                return makeError("the density model " + options.modelPath +
                                 " does not return a 1/4-resolution density map");
            }
        } catch (const c10::Error& e) {
            return makeError("cannot load the density model " + options.modelPath + ": " +
                             e.what_without_backtrace());
        }
        core::logger("density")->info("{}", self->description());
        return std::unique_ptr<DensityEstimator>(std::move(self));
    }

    Result<DensityMap> estimate(const core::ImageFrame& frame) override {
        if (frame.empty() || frame.format != core::PixelFormat::Bgr24) {
            return makeError("density: the picture is not BGR");
        }
        std::lock_guard lock(m_mutex);
        serialOnCpu();
        try {
            c10::InferenceMode guard;
            const auto picture =
                torch::from_blob(const_cast<std::uint8_t*>(frame.pixels.get()),
                                 {frame.height, frame.width, 3},
                                 {std::int64_t(frame.strideBytes), 3, 1}, torch::kUInt8)
                    .to(torch::kFloat32);
            // BT.601 luma from BGR, as cv2.imread(..., 0) gives the model's training pictures.
            auto grey = (picture.select(2, 0) * 0.114F + picture.select(2, 1) * 0.587F +
                         picture.select(2, 2) * 0.299F)
                            .unsqueeze(0)
                            .unsqueeze(0);
            if (m_options.maxWidth > 0 && frame.width > m_options.maxWidth) {
                const int factor = (frame.width + m_options.maxWidth - 1) / m_options.maxWidth;
                namespace F = torch::nn::functional;
                grey = F::avg_pool2d(grey, F::AvgPool2dFuncOptions(factor));
            }
            auto out = m_module.forward({grey.to(m_device)})
                           .toTensor()
                           .to(torch::kCPU, torch::kFloat32)
                           .contiguous();
            DensityMap map;
            map.height = int(out.size(2));
            map.width = int(out.size(3));
            const float* p = out.data_ptr<float>();
            map.values.assign(p, p + out.numel());
            return map;
        } catch (const c10::Error& e) {
            return makeError(std::string("density inference failed: ") +
                             e.what_without_backtrace());
        }
    }

    std::string description() const override {
        std::ostringstream s;
        s << m_options.spec.name << " density on " << m_device.str() << ", pictures up to "
          << m_options.maxWidth << " columns";
        return s.str();
    }

private:
    McnnRunner(DensityRunnerOptions options, torch::Device device)
        : m_options(std::move(options)), m_device(device) {}

    // On the analysis thread alone: the cores belong to the detector's team (see
    // useTorchThreadsHere); a map every few seconds per camera can take its time.
    void serialOnCpu() const {
        if (m_device.is_cpu()) {
            useTorchThreadsHere(1);
        }
    }

    DensityRunnerOptions m_options;
    torch::Device m_device;
    torch::jit::script::Module m_module;
    std::mutex m_mutex;
};

}  // namespace

Result<std::unique_ptr<DensityEstimator>> createDensityRunner(const DensityRunnerOptions& options) {
    return McnnRunner::create(options);
}

Result<std::unique_ptr<DensityEstimator>> loadDensityEstimator(const std::string& modelDir,
                                                               const std::string& manifestPath,
                                                               const std::string& device,
                                                               const std::string& modelName) {
    auto manifest = core::loadModelManifest(manifestPath);
    if (!manifest) {
        return manifest.error();
    }
    const core::ModelSpec* spec = manifest->find(modelName);
    if (spec == nullptr || spec->task != core::ModelTask::Density) {
        return makeError("the model manifest has no density model named '" + modelName + "'");
    }
    auto path = core::verifyModelFile(modelDir, spec->file, spec->sha256);
    if (!path) {
        return path.error();
    }
    DensityRunnerOptions options;
    options.modelPath = *path;
    options.spec = *spec;
    options.device = device;
    return createDensityRunner(options);
}

}  // namespace vigie::inference
