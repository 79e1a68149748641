// LibTorch implementation of the Detector interface. The only file of the detector that
// includes Torch headers (a Torch include costs ~12 s and 700 MB of compiler memory).
#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <sstream>
#include <thread>

#include "core/log.h"
#include "inference/detector.h"

namespace vigie::inference {

using core::makeError;
using core::Result;

namespace {

Result<torch::Device> pickDevice(const std::string& wanted) {
    try {
        if (wanted == "cpu") {
            return torch::Device(torch::kCPU);
        }
        const bool cuda = torch::cuda::is_available();
        if (wanted == "auto") {
            return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
        }
        if (!cuda) {
            return makeError("device '" + wanted +
                             "' asked for, but this LibTorch sees no CUDA device");
        }
        return torch::Device(wanted);
    } catch (const c10::Error& e) {
        return makeError("device '" + wanted + "': " + e.what_without_backtrace());
    }
}

class TorchYoloxDetector final : public Detector {
public:
    static Result<std::unique_ptr<Detector>> create(const DetectorOptions& options) {
        auto self = std::unique_ptr<TorchYoloxDetector>(new TorchYoloxDetector(options));
        auto device = pickDevice(options.device);
        if (!device) {
            return device.error();
        }
        self->m_device = *device;
        if (self->m_device.is_cpu()) {
            const int threads = options.cpuThreads > 0
                                    ? options.cpuThreads
                                    : int(std::max(1U, std::thread::hardware_concurrency()));
            at::set_num_threads(threads);
            self->m_threads = threads;
        }
        self->m_half = options.half && self->m_device.is_cuda();
        try {
            self->m_module = torch::jit::load(options.modelPath, self->m_device);
            self->m_module.eval();
            if (self->m_half) {
                self->m_module.to(torch::kHalf);
            }
        } catch (const c10::Error& e) {
            return makeError("cannot load the model " + options.modelPath + ": " +
                             e.what_without_backtrace());
        }
        // Warm-up: the first forward pass allocates and, on CUDA, selects kernels.
        std::vector<float> zeros(std::size_t(3) * options.spec.inputWidth *
                                 options.spec.inputHeight);
        auto warm = self->forwardRaw(zeros, 1);
        if (!warm) {
            return makeError("the model " + options.modelPath +
                             " does not run on a blank input: " + warm.error().message);
        }
        const std::size_t expected =
            std::size_t(self->m_anchors) * std::size_t(5 + options.spec.classes.size());
        if (warm->size() != expected) {
            return makeError("the model " + options.modelPath + " returned " +
                             std::to_string(warm->size()) + " values, expected " +
                             std::to_string(expected) + " for the layout in the manifest");
        }
        self->probeBatching();
        core::logger("detector")->info("{}", self->description());
        return std::unique_ptr<Detector>(std::move(self));
    }

    Result<std::vector<std::vector<core::Detection>>> detect(
        const std::vector<core::ImageFrame>& frames) override {
        if (frames.empty()) {
            return std::vector<std::vector<core::Detection>>{};
        }
        try {
            c10::InferenceMode guard;
            std::vector<Letterbox> boxes;
            const auto& spec = m_options.spec;
            auto input =
                torch::full({std::int64_t(frames.size()), 3, spec.inputHeight, spec.inputWidth},
                            double(spec.padValue),
                            torch::TensorOptions().dtype(torch::kFloat32).device(m_device));
            for (std::size_t i = 0; i < frames.size(); ++i) {
                const auto& f = frames[i];
                if (f.empty() || f.format != core::PixelFormat::Bgr24) {
                    return makeError("detector input " + std::to_string(i) +
                                     " is not a BGR picture");
                }
                const Letterbox lb =
                    computeLetterbox(f.width, f.height, spec.inputWidth, spec.inputHeight);
                boxes.push_back(lb);
                // Wraps the pool buffer without copying; the model never writes to it.
                auto hwc =
                    torch::from_blob(const_cast<std::uint8_t*>(f.pixels.get()),
                                     {f.height, f.width, 3}, {f.strideBytes, 3, 1}, torch::kUInt8);
                auto chw = hwc.to(m_device, /*non_blocking=*/false)
                               .permute({2, 0, 1})
                               .unsqueeze(0)
                               .to(torch::kFloat32);
                if (spec.colour == core::ColourOrder::Rgb) {
                    chw = chw.flip({1});
                }
                auto resized = at::upsample_bilinear2d(chw, {lb.resizedHeight, lb.resizedWidth},
                                                       /*align_corners=*/false);
                input[std::int64_t(i)]
                    .slice(1, 0, lb.resizedHeight)
                    .slice(2, 0, lb.resizedWidth)
                    .copy_(resized[0]);
            }
            normalise(input);
            auto output = forwardInChunks(input);
            std::vector<std::vector<core::Detection>> result(frames.size());
            const int numClasses = int(spec.classes.size());
            for (std::size_t i = 0; i < frames.size(); ++i) {
                result[i] = decodeYolox(output[std::int64_t(i)].data_ptr<float>(), m_anchors,
                                        numClasses, spec.strides, boxes[i], m_options.decode);
            }
            return result;
        } catch (const c10::Error& e) {
            return makeError(std::string("inference failed: ") + e.what_without_backtrace());
        }
    }

    Result<std::vector<float>> forwardRaw(const std::vector<float>& input, int batch) override {
        const auto& spec = m_options.spec;
        const std::int64_t expected = std::int64_t(batch) * 3 * spec.inputHeight * spec.inputWidth;
        if (std::int64_t(input.size()) != expected) {
            return makeError("raw input has " + std::to_string(input.size()) +
                             " values, expected " + std::to_string(expected));
        }
        try {
            c10::InferenceMode guard;
            auto t =
                torch::from_blob(const_cast<float*>(input.data()),
                                 {batch, 3, spec.inputHeight, spec.inputWidth}, torch::kFloat32)
                    .to(m_device);
            auto out = forward(t);
            return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
        } catch (const c10::Error& e) {
            return makeError(std::string("inference failed: ") + e.what_without_backtrace());
        }
    }

    const std::vector<std::string>& classNames() const override { return m_options.spec.classes; }

    std::string description() const override {
        std::ostringstream s;
        s << m_options.spec.name << " on " << m_device.str();
        if (m_device.is_cpu()) {
            s << " (" << m_threads << (m_threads == 1 ? " thread)" : " threads)");
        }
        if (m_half) {
            s << ", FP16";
        }
        if (!m_batchable) {
            s << ", batch of 1 (fixed-batch export)";
        }
        return s.str();
    }

private:
    explicit TorchYoloxDetector(DetectorOptions options)
        : m_options(std::move(options)), m_device(torch::kCPU) {
        for (int stride : m_options.spec.strides) {
            m_anchors +=
                (m_options.spec.inputWidth / stride) * (m_options.spec.inputHeight / stride);
        }
    }

    void normalise(torch::Tensor& input) const {
        const auto& spec = m_options.spec;
        const bool identity = spec.mean == std::array<double, 3>{0, 0, 0} &&
                              spec.std == std::array<double, 3>{1, 1, 1};
        if (identity) {
            return;
        }
        auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(m_device);
        auto mean =
            torch::tensor({spec.mean[0], spec.mean[1], spec.mean[2]}, opts).view({1, 3, 1, 1});
        auto stdv = torch::tensor({spec.std[0], spec.std[1], spec.std[2]}, opts).view({1, 3, 1, 1});
        input.sub_(mean).div_(stdv);
    }

    // Some exported graphs fold the batch into a fixed reshape (traced with batch 1): they
    // accept a batch but mix its images. Compare a batch of two against two single runs and
    // fall back to one image per forward pass when they differ.
    void probeBatching() {
        const auto& spec = m_options.spec;
        try {
            c10::InferenceMode guard;
            auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(m_device);
            auto a = torch::full({1, 3, spec.inputHeight, spec.inputWidth}, 114.0, opts);
            auto b = torch::arange(3 * spec.inputHeight * spec.inputWidth, opts)
                         .remainder(251.0)
                         .view({1, 3, spec.inputHeight, spec.inputWidth});
            auto both = forward(torch::cat({a, b}));
            auto single = torch::cat({forward(a), forward(b)});
            m_batchable =
                both.sizes() == single.sizes() && (both - single).abs().max().item<float>() < 1e-2F;
        } catch (const c10::Error&) {
            m_batchable = false;
        }
    }

    torch::Tensor forwardInChunks(const torch::Tensor& input) {
        if (m_batchable || input.size(0) == 1) {
            return forward(input);
        }
        std::vector<torch::Tensor> outs;
        for (std::int64_t i = 0; i < input.size(0); ++i) {
            outs.push_back(forward(input.slice(0, i, i + 1)));
        }
        return torch::cat(outs);
    }

    // Forward pass; the output comes back as contiguous FP32 on the CPU.
    torch::Tensor forward(torch::Tensor input) {
        if (m_half) {
            input = input.to(torch::kHalf);
        }
        auto out = m_module.forward({input});
        torch::Tensor t = out.isTuple() ? out.toTuple()->elements()[0].toTensor() : out.toTensor();
        return t.to(torch::kCPU, torch::kFloat32).contiguous();
    }

    DetectorOptions m_options;
    torch::jit::script::Module m_module;
    torch::Device m_device;
    int m_anchors = 0;
    int m_threads = 0;
    bool m_half = false;
    bool m_batchable = true;
};

}  // namespace

Result<std::unique_ptr<Detector>> createDetector(const DetectorOptions& options) {
    const auto& spec = options.spec;
    if (spec.outputLayout != "yolox") {
        return makeError("model '" + spec.name + "' has output layout '" + spec.outputLayout +
                         "', which this detector runner does not decode");
    }
    if (spec.inputWidth <= 0 || spec.inputHeight <= 0 || spec.strides.empty() ||
        spec.classes.empty()) {
        return makeError("model '" + spec.name +
                         "': the manifest must give the input size, strides and classes");
    }
    return TorchYoloxDetector::create(options);
}

std::string torchRuntimeDescription() {
    std::ostringstream s;
    s << "LibTorch " << TORCH_VERSION;
    try {
        s << (torch::cuda::is_available()
                  ? ", CUDA devices: " + std::to_string(torch::cuda::device_count())
                  : ", CPU only");
    } catch (const c10::Error&) {
        s << ", CPU only";
    }
    s << ", " << at::get_num_threads() << " intra-op threads";
    return s.str();
}

}  // namespace vigie::inference
