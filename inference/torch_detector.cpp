// LibTorch implementation of the Detector interface. The only file of the detector that
// includes Torch headers (a Torch include costs ~12 s and 700 MB of compiler memory).
//
// One forward pass serves a batch of "views": whole pictures, or the tiles of a picture.
// Everything after the upload runs on the model's device as tensor operations, so that the
// same code serves the CPU and the GPU:
//   upload (pinned, asynchronous on a GPU) → NCHW, float/half → letterbox resize + pad →
//   network → decode (grid, stride) → best class × objectness → top-K candidates →
//   class-aware IoU → exact greedy NMS as a fixed point → [B, K, 6] + keep mask → host.
// On a GPU the network and the post-processing of each batch size are captured once as a
// CUDA graph and replayed (fixed shapes; the batch is padded up to the next captured size).
#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#ifdef VIGIE_HAVE_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGraphsC10Utils.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "core/log.h"
#include "inference/detector.h"
#include "inference/torch_device.h"

namespace vigie::inference {

using core::makeError;
using core::Result;

namespace {

// One view to detect: a rectangle of a picture, and where its letterbox puts it.
struct View {
    std::size_t frame = 0;
    PixelRect rect;
    Letterbox lb;
};

// The whole post-processing on the device for a batch: [B, A, 5 + C] network output →
// [B, K, 6] (x0, y0, x1, y1 in letterbox pixels, score, class) and a keep mask [B, K].
struct PostProcessed {
    torch::Tensor rows;
    torch::Tensor keep;
};

class TorchYoloxDetector final : public Detector {
public:
    static Result<std::unique_ptr<Detector>> create(const DetectorOptions& options) {
        auto self = std::unique_ptr<TorchYoloxDetector>(new TorchYoloxDetector(options));
        auto device = resolveTorchDevice(options.device);
        if (!device) {
            return device.error();
        }
        self->m_device = *device;
        if (self->m_device.is_cpu()) {
            // For the passes of detect(); loading and the batch probe run serially here.
            self->m_threads = options.cpuThreads > 0
                                  ? options.cpuThreads
                                  : int(std::max(1U, std::thread::hardware_concurrency()));
        }
        const bool half = options.half && self->m_device.is_cuda();
        try {
            self->m_module = torch::jit::load(options.modelPath, self->m_device);
            self->m_module.eval();
            // The batch probe and the warm-up below check the optimised module.
            self->m_optimised =
                self->m_device.is_cpu() && prepareCpuModel(self->m_module, options.spec.name);
            // Whether the export really batches is checked in FP32, where a batch and single
            // passes agree to rounding; FP16 kernels differ by batch size far more than that.
            self->probeBatching();
            if (half) {
                self->m_module.to(torch::kHalf);
                self->m_half = true;
            }
        } catch (const c10::Error& e) {
            return makeError("cannot load the model " + options.modelPath + ": " +
                             e.what_without_backtrace());
        }
        try {
            self->prepareDecodeTensors();
        } catch (const c10::Error& e) {
            return makeError(std::string("cannot prepare the decoder: ") +
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
        const std::size_t classes = options.spec.classes.size();
        if (self->m_nanodet) {
            // Per anchor: the classes, then 4 distributions of regMax + 1 bins (regMax is 7
            // for the published NanoDet-Plus models; read from the output's size).
            const std::size_t per = warm->size() / std::size_t(std::max(1, self->m_anchors));
            if (warm->size() % std::size_t(std::max(1, self->m_anchors)) != 0 || per <= classes ||
                (per - classes) % 4 != 0 || (per - classes) / 4 < 2) {
                return makeError("the model " + options.modelPath + " returned " +
                                 std::to_string(warm->size()) + " values, not " +
                                 std::to_string(self->m_anchors) + " anchors of " +
                                 std::to_string(classes) + " classes + 4 distance distributions");
            }
            self->m_regMax = int((per - classes) / 4) - 1;
            self->prepareProjection();
        } else {
            const std::size_t expected = std::size_t(self->m_anchors) * (5 + classes);
            if (warm->size() != expected) {
                return makeError("the model " + options.modelPath + " returned " +
                                 std::to_string(warm->size()) + " values, expected " +
                                 std::to_string(expected) + " for the layout in the manifest");
            }
        }
        self->captureGraphs();
        core::logger("detector")->info("{}", self->description());
        return std::unique_ptr<Detector>(std::move(self));
    }

    Result<std::vector<std::vector<core::Detection>>> detect(
        const std::vector<core::ImageFrame>& frames, const std::vector<TileGrid>& tiles) override {
        std::vector<std::vector<core::Detection>> result(frames.size());
        if (frames.empty()) {
            return result;
        }
        if (!tiles.empty() && tiles.size() != frames.size()) {
            return makeError("detector: one tile grid per picture, or none");
        }
        // The intra-op thread count is per calling thread with OpenMP: the engine calls from
        // its own inference thread, not the one that created the detector.
        if (m_device.is_cpu() && m_threads > 0) {
            useTorchThreadsHere(m_threads);
        }
        const auto& spec = m_options.spec;
        std::vector<View> views;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const auto& f = frames[i];
            if (f.empty() || f.format != core::PixelFormat::Bgr24) {
                return makeError("detector input " + std::to_string(i) + " is not a BGR picture");
            }
            const TileGrid grid = tiles.empty() ? TileGrid{} : tiles[i];
            for (const auto& r : tileRects(f.width, f.height, grid)) {
                views.push_back(
                    {i, r, computeLetterbox(r.width, r.height, spec.inputWidth, spec.inputHeight)});
            }
        }
        ++m_calls;
        try {
            c10::InferenceMode guard;
#ifdef VIGIE_HAVE_CUDA
            std::optional<c10::cuda::CUDAStreamGuard> streamGuard;
            if (m_device.is_cuda()) {
                streamGuard.emplace(stream());
            }
#endif
            const int chunk = m_batchable ? std::max(1, m_options.maxBatch) : 1;
            for (std::size_t start = 0; start < views.size(); start += std::size_t(chunk)) {
                const std::size_t end = std::min(views.size(), start + std::size_t(chunk));
                auto input = preprocess(frames, views, start, end);
                PostProcessed post = run(input);
                auto rows = post.rows.to(torch::kCPU).contiguous();
                auto keep = post.keep.to(torch::kCPU).contiguous();
                collect(rows, keep, views, start, end, frames, result);
                m_pictures += std::int64_t(end - start);
                ++m_passes;
            }
        } catch (const c10::Error& e) {
            return makeError(std::string("inference failed: ") + e.what_without_backtrace());
        }
        // Tiles overlap each other and the whole picture: merge their detections.
        for (std::size_t i = 0; i < frames.size(); ++i) {
            if (!tiles.empty() && tiles[i].enabled()) {
                const auto kept =
                    nonMaximumSuppression(result[i], m_options.decode.nmsIouThreshold, true);
                std::vector<core::Detection> merged;
                merged.reserve(kept.size());
                for (std::size_t k : kept) {
                    merged.push_back(result[i][k]);
                }
                result[i] = std::move(merged);
            }
        }
        return result;
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
            auto out = forward(t).to(torch::kCPU, torch::kFloat32).contiguous();
            return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
        } catch (const c10::Error& e) {
            return makeError(std::string("inference failed: ") + e.what_without_backtrace());
        }
    }

    const std::vector<std::string>& classNames() const override {
        return m_options.spec.classes;
    }

    std::string description() const override {
        std::ostringstream s;
        s << m_options.spec.name << " on " << m_device.str();
        if (m_device.is_cpu()) {
            s << " (" << m_threads << (m_threads == 1 ? " thread" : " threads")
              << (m_optimised ? ", optimised for inference)" : ")");
        }
        if (m_half) {
            s << ", FP16";
        }
        if (useGraphs()) {
            s << ", CUDA graphs";
        }
        if (!m_batchable) {
            s << ", batch of 1 (fixed-batch export)";
        } else {
            s << ", batches up to " << m_options.maxBatch;
        }
        return s.str();
    }

    FrameBufferAllocator bufferAllocator() const override {
        if (!m_device.is_cuda()) {
            return {};
        }
        // Page-locked host memory: uploads run asynchronously on the copy engine.
        return [](std::size_t bytes) -> std::shared_ptr<std::uint8_t> {
            auto t = torch::empty({std::int64_t(bytes)},
                                  torch::TensorOptions().dtype(torch::kUInt8).pinned_memory(true));
            auto* data = t.data_ptr<std::uint8_t>();
            return std::shared_ptr<std::uint8_t>(data, [t](std::uint8_t*) mutable { t.reset(); });
        };
    }

    DetectorStats stats() const override {
        DetectorStats s;
        s.calls = m_calls.load();
        s.pictures = m_pictures.load();
        s.forwardPasses = m_passes.load();
        s.graphReplays = m_replays.load();
        return s;
    }
    int preferredBatch() const override {
        return m_batchable ? m_options.maxBatch : 1;
    }
    // On the CPU: the module's forward and the members read here are shared read-only,
    // counters are atomic (concurrent passes checked equal to single ones). On a GPU the
    // CUDA graphs and the stream belong to one caller.
    bool reentrant() const override {
        return m_device.is_cpu();
    }

    Result<std::vector<core::Detection>> postprocessRaw(const std::vector<float>& output,
                                                        const Letterbox& lb) override {
        const auto per = std::int64_t(rowSize());
        const auto values = std::size_t(m_anchors) * std::size_t(per);
        if (output.size() != values) {
            return makeError("raw output has " + std::to_string(output.size()) +
                             " values, expected " + std::to_string(values));
        }
        c10::InferenceMode guard;
        auto out = torch::from_blob(const_cast<float*>(output.data()), {1, m_anchors, per},
                                    torch::kFloat32)
                       .to(m_device);
        PostProcessed post = postprocess(out);
        std::vector<View> views{{0, {0, 0, lb.imageWidth, lb.imageHeight}, lb}};
        std::vector<std::vector<core::Detection>> result(1);
        core::ImageFrame frame;
        frame.width = lb.imageWidth;
        frame.height = lb.imageHeight;
        collect(post.rows.to(torch::kCPU).contiguous(), post.keep.to(torch::kCPU).contiguous(),
                views, 0, 1, {frame}, result);
        return result[0];
    }

private:
    explicit TorchYoloxDetector(DetectorOptions options)
        : m_options(std::move(options)),
          m_device(torch::kCPU),
          m_nanodet(m_options.spec.outputLayout == "nanodet") {
        for (int stride : m_options.spec.strides) {
            m_anchors +=
                (m_options.spec.inputWidth / stride) * (m_options.spec.inputHeight / stride);
        }
        m_options.maxCandidates = std::clamp(m_options.maxCandidates, 1, m_anchors);
    }

    bool useGraphs() const {
#ifdef VIGIE_HAVE_CUDA
        return m_device.is_cuda() && m_options.cudaGraphs && m_batchable;
#else
        return false;
#endif
    }

#ifdef VIGIE_HAVE_CUDA
    c10::cuda::CUDAStream stream() {
        if (!m_stream) {
            m_stream = c10::cuda::getStreamFromPool(/*isHighPriority=*/false, m_device.index());
        }
        return *m_stream;
    }
#endif

    // Grid offsets and strides of every anchor, and per-class thresholds, on the device.
    void prepareDecodeTensors() {
        const auto& spec = m_options.spec;
        std::vector<float> grid;
        std::vector<float> stride;
        grid.reserve(std::size_t(m_anchors) * 2);
        for (int s : spec.strides) {
            const int gw = spec.inputWidth / s;
            const int gh = spec.inputHeight / s;
            for (int y = 0; y < gh; ++y) {
                for (int x = 0; x < gw; ++x) {
                    grid.push_back(float(x));
                    grid.push_back(float(y));
                    stride.push_back(float(s));
                }
            }
        }
        auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
        m_grid = torch::from_blob(grid.data(), {1, m_anchors, 2}, f32).clone().to(m_device);
        m_stride = torch::from_blob(stride.data(), {1, m_anchors, 1}, f32).clone().to(m_device);
        const auto classes = std::int64_t(spec.classes.size());
        std::vector<float> thresholds(std::size_t(classes), m_options.decode.scoreThreshold);
        for (std::size_t c = 0; c < thresholds.size(); ++c) {
            if (c < m_options.decode.classThreshold.size()) {
                thresholds[c] = m_options.decode.classThreshold[c];
            }
            if (!m_options.decode.keepClass.empty() &&
                (c >= m_options.decode.keepClass.size() || !m_options.decode.keepClass[c])) {
                thresholds[c] = 2.0F;  // never reached: the class is filtered out
            }
        }
        m_classThreshold = torch::from_blob(thresholds.data(), {classes}, f32).clone().to(m_device);
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
            auto both = forward(torch::cat({a, b})).to(torch::kFloat32);
            auto single = torch::cat({forward(a), forward(b)}).to(torch::kFloat32);
            m_batchable =
                both.sizes() == single.sizes() && (both - single).abs().max().item<float>() < 1e-2F;
        } catch (const c10::Error&) {
            m_batchable = false;
        }
    }

    // Views [start, end) → network input [B, 3, S, S] on the device (float, or half).
    torch::Tensor preprocess(const std::vector<core::ImageFrame>& frames,
                             const std::vector<View>& views, std::size_t start, std::size_t end) {
        const auto& spec = m_options.spec;
        const auto n = std::int64_t(end - start);
        const auto dtype = m_half ? torch::kHalf : torch::kFloat32;
        auto input = torch::full({n, 3, spec.inputHeight, spec.inputWidth}, double(spec.padValue),
                                 torch::TensorOptions().dtype(dtype).device(m_device));
        // Pictures are uploaded once each, however many views they give.
        std::map<std::size_t, torch::Tensor> uploaded;
        auto upload = [&](std::size_t fi) -> torch::Tensor& {
            auto it = uploaded.find(fi);
            if (it != uploaded.end()) {
                return it->second;
            }
            const auto& f = frames[fi];
            auto hwc =
                torch::from_blob(const_cast<std::uint8_t*>(f.pixels.get()), {f.height, f.width, 3},
                                 {f.strideBytes, 3, 1}, torch::kUInt8);
            // Non-blocking from page-locked memory; the picture's handle outlives the
            // synchronisation at the end of detect(), so the buffer stays valid.
            return uploaded.emplace(fi, hwc.to(m_device, /*non_blocking=*/true)).first->second;
        };
        // Same-size whole pictures (the common case: a wall of identical cameras) go
        // through one batched resize.
        bool uniform = true;
        for (std::size_t v = start; v < end; ++v) {
            const auto& view = views[v];
            const auto& f = frames[view.frame];
            const auto& first = frames[views[start].frame];
            uniform = uniform && view.rect.x == 0 && view.rect.y == 0 &&
                      view.rect.width == f.width && view.rect.height == f.height &&
                      f.width == first.width && f.height == first.height;
        }
        if (uniform) {
            std::vector<torch::Tensor> pics;
            pics.reserve(std::size_t(n));
            for (std::size_t v = start; v < end; ++v) {
                pics.push_back(upload(views[v].frame));
            }
            const auto& lb = views[start].lb;
            auto nchw = torch::stack(pics).permute({0, 3, 1, 2}).to(dtype);
            if (spec.colour == core::ColourOrder::Rgb) {
                nchw = nchw.flip({1});
            }
            auto resized = at::upsample_bilinear2d(nchw, {lb.resizedHeight, lb.resizedWidth},
                                                   /*align_corners=*/false);
            input.slice(2, 0, lb.resizedHeight).slice(3, 0, lb.resizedWidth).copy_(resized);
        } else {
            for (std::size_t v = start; v < end; ++v) {
                const auto& view = views[v];
                auto& hwc = upload(view.frame);
                auto crop = hwc.slice(0, view.rect.y, view.rect.y + view.rect.height)
                                .slice(1, view.rect.x, view.rect.x + view.rect.width);
                auto chw = crop.permute({2, 0, 1}).unsqueeze(0).to(dtype);
                if (spec.colour == core::ColourOrder::Rgb) {
                    chw = chw.flip({1});
                }
                auto resized =
                    at::upsample_bilinear2d(chw, {view.lb.resizedHeight, view.lb.resizedWidth},
                                            /*align_corners=*/false);
                input[std::int64_t(v - start)]
                    .slice(1, 0, view.lb.resizedHeight)
                    .slice(2, 0, view.lb.resizedWidth)
                    .copy_(resized[0]);
            }
        }
        const bool identity = spec.mean == std::array<double, 3>{0, 0, 0} &&
                              spec.std == std::array<double, 3>{1, 1, 1};
        if (!identity) {
            auto opts = torch::TensorOptions().dtype(dtype).device(m_device);
            auto mean =
                torch::tensor({spec.mean[0], spec.mean[1], spec.mean[2]}, opts).view({1, 3, 1, 1});
            auto stdv =
                torch::tensor({spec.std[0], spec.std[1], spec.std[2]}, opts).view({1, 3, 1, 1});
            input.sub_(mean).div_(stdv);
        }
        if (m_device.is_cuda() && m_options.channelsLast) {
            input = input.contiguous(at::MemoryFormat::ChannelsLast);
        }
        return input;
    }

    // Network + post-processing, replayed from a CUDA graph when one is captured for the
    // padded batch size.
    PostProcessed run(const torch::Tensor& input) {
#ifdef VIGIE_HAVE_CUDA
        if (useGraphs()) {
            const std::int64_t n = input.size(0);
            std::int64_t bucket = 1;
            while (bucket < n) {
                bucket *= 2;
            }
            bucket = std::min<std::int64_t>(bucket, std::max(1, m_options.maxBatch));
            auto& g = graphFor(bucket, input);
            if (g.graph) {
                g.input.slice(0, 0, n).copy_(input);
                g.graph->replay();
                ++m_replays;
                return {g.output.rows.slice(0, 0, n), g.output.keep.slice(0, 0, n)};
            }
        }
#endif
        return postprocess(forward(input));
    }

    // Every batch size the engine may send is captured at start: a capture takes a few
    // hundred milliseconds, which must not fall on live pictures.
    void captureGraphs() {
#ifdef VIGIE_HAVE_CUDA
        if (!useGraphs()) {
            return;
        }
        c10::InferenceMode guard;
        c10::cuda::CUDAStreamGuard streamGuard(stream());
        const auto& spec = m_options.spec;
        auto like = torch::zeros(
            {1, 3, spec.inputHeight, spec.inputWidth},
            torch::TensorOptions().dtype(m_half ? torch::kHalf : torch::kFloat32).device(m_device));
        if (m_options.channelsLast) {
            like = like.contiguous(at::MemoryFormat::ChannelsLast);
        }
        for (std::int64_t bucket = 1;; bucket *= 2) {
            const std::int64_t size = std::min<std::int64_t>(bucket, m_options.maxBatch);
            graphFor(size, like);
            if (size >= m_options.maxBatch) {
                break;
            }
        }
        stream().synchronize();
#endif
    }

#ifdef VIGIE_HAVE_CUDA
    struct Captured {
        std::unique_ptr<at::cuda::CUDAGraph> graph;
        torch::Tensor input;
        PostProcessed output;
    };

    Captured& graphFor(std::int64_t bucket, const torch::Tensor& like) {
        auto it = m_graphs.find(bucket);
        if (it != m_graphs.end()) {
            return it->second;
        }
        Captured c;
        try {
            std::vector<std::int64_t> shape = like.sizes().vec();
            shape[0] = bucket;
            c.input = torch::zeros(shape, like.options());
            if (like.is_contiguous(at::MemoryFormat::ChannelsLast)) {
                c.input = c.input.contiguous(at::MemoryFormat::ChannelsLast);
            }
            // Warm-up on the side stream, as capture requires, then capture.
            for (int i = 0; i < 2; ++i) {
                postprocess(forward(c.input));
            }
            stream().synchronize();
            c.graph = std::make_unique<at::cuda::CUDAGraph>();
            c.graph->capture_begin();
            c.output = postprocess(forward(c.input));
            c.graph->capture_end();
        } catch (const c10::Error& e) {
            core::logger("detector")
                ->warn("CUDA graph capture for batch {} failed ({}); running eagerly", bucket,
                       e.what_without_backtrace());
            c.graph.reset();
        }
        return m_graphs.emplace(bucket, std::move(c)).first->second;
    }
#endif

    // Values per anchor in the model's output.
    int rowSize() const {
        const int classes = int(m_options.spec.classes.size());
        return m_nanodet ? classes + 4 * (m_regMax + 1) : 5 + classes;
    }

    // NanoDet: the bin indices 0..regMax whose softmax-weighted sum is a distance.
    void prepareProjection() {
        m_project =
            torch::arange(m_regMax + 1, torch::TensorOptions().dtype(torch::kFloat32)).to(m_device);
    }

    PostProcessed postprocess(torch::Tensor out) {
        out = out.to(torch::kFloat32);
        const std::int64_t b = out.size(0);
        const std::int64_t k = m_options.maxCandidates;
        torch::Tensor boxes;  // [B, A, 4] in input pixels
        torch::Tensor score;  // [B, A]
        torch::Tensor cls;    // [B, A] int64
        if (m_nanodet) {
            const auto classes = std::int64_t(m_options.spec.classes.size());
            auto dist = out.slice(2, classes)
                            .reshape({b, m_anchors, 4, m_regMax + 1})
                            .softmax(3)
                            .matmul(m_project) *
                        m_stride;             // [B, A, 4]: left, top, right, bottom
            auto corner = m_grid * m_stride;  // NanoDet's priors: cell corners
            boxes = torch::cat({corner - dist.slice(2, 0, 2), corner + dist.slice(2, 2, 4)}, 2);
            auto best = out.slice(2, 0, classes).max(2);
            score = std::get<0>(best);
            cls = std::get<1>(best);
        } else {
            auto xy = (out.slice(2, 0, 2) + m_grid) * m_stride;
            auto wh = out.slice(2, 2, 4).exp() * m_stride;
            boxes = torch::cat({xy - wh / 2, xy + wh / 2}, 2);
            auto best = out.slice(2, 5).max(2);            // over classes
            score = out.select(2, 4) * std::get<0>(best);  // objectness × class
            cls = std::get<1>(best);
        }
        auto top = score.topk(k, 1);
        auto topScore = std::get<0>(top);  // [B, K], descending
        auto topIdx = std::get<1>(top);
        auto topBoxes = boxes.gather(1, topIdx.unsqueeze(2).expand({b, k, 4}));
        auto topCls = cls.gather(1, topIdx);
        auto valid = topScore >= m_classThreshold.index_select(0, topCls.flatten()).view({b, k});
        // Class-aware IoU: boxes of other classes are moved far apart, so they never overlap.
        auto shifted = topBoxes + (topCls.to(torch::kFloat32) * 4096.0F).unsqueeze(2);
        auto x0 = shifted.select(2, 0);
        auto y0 = shifted.select(2, 1);
        auto x1 = shifted.select(2, 2);
        auto y1 = shifted.select(2, 3);
        auto area = (x1 - x0).clamp_min(0) * (y1 - y0).clamp_min(0);
        auto iw = (torch::min(x1.unsqueeze(2), x1.unsqueeze(1)) -
                   torch::max(x0.unsqueeze(2), x0.unsqueeze(1)))
                      .clamp_min(0);
        auto ih = (torch::min(y1.unsqueeze(2), y1.unsqueeze(1)) -
                   torch::max(y0.unsqueeze(2), y0.unsqueeze(1)))
                      .clamp_min(0);
        auto inter = iw * ih;
        auto iou = inter / (area.unsqueeze(2) + area.unsqueeze(1) - inter).clamp_min(1e-9);
        // over[b, j, i]: candidate j (higher score, j < i) would suppress candidate i.
        auto earlier =
            torch::ones({k, k}, torch::TensorOptions().dtype(torch::kBool).device(m_device))
                .triu(1)
                .unsqueeze(0);
        auto over = (iou > m_options.decode.nmsIouThreshold).logical_and(earlier);
        // Greedy NMS is the unique fixed point of keep[i] = valid[i] ∧ ¬∃ j < i: keep[j] ∧
        // over[j, i]; iterating from "keep what is valid" reaches it in at most K steps
        // (the longest suppression chain), usually a handful. On a GPU the loop runs a fixed
        // K steps so that it can be captured; elsewhere it stops when nothing changes.
        auto keep = valid.clone();
#ifdef VIGIE_HAVE_CUDA
        const bool capturing =
            m_device.is_cuda() &&
            c10::cuda::currentStreamCaptureStatusMayInitCtx() != c10::cuda::CaptureStatus::None;
#else
        const bool capturing = false;
#endif
        // Eagerly, convergence is checked every few steps (each check synchronises with a
        // GPU); inside a graph capture, the loop runs its K steps.
        const std::int64_t checkEvery = m_device.is_cuda() ? 8 : 1;
        for (std::int64_t step = 0; step < k; ++step) {
            auto suppressed = over.logical_and(keep.unsqueeze(2)).any(1);
            auto next = valid.logical_and(suppressed.logical_not());
            const bool check = !capturing && (step + 1) % checkEvery == 0;
            if (check && next.equal(keep)) {
                break;
            }
            keep = next;
        }
        auto rows = torch::cat(
            {topBoxes, topScore.unsqueeze(2), topCls.to(torch::kFloat32).unsqueeze(2)}, 2);
        return {rows, keep};
    }

    // Host copies of the post-processed rows → detections in normalised picture coordinates.
    void collect(const torch::Tensor& rows, const torch::Tensor& keep,
                 const std::vector<View>& views, std::size_t start, std::size_t end,
                 const std::vector<core::ImageFrame>& frames,
                 std::vector<std::vector<core::Detection>>& result) {
        const std::int64_t k = rows.size(1);
        const float* r = rows.data_ptr<float>();
        const bool* kp = keep.data_ptr<bool>();
        for (std::size_t v = start; v < end; ++v) {
            const auto& view = views[v];
            const auto& f = frames[view.frame];
            const double s = view.lb.scale;
            const std::int64_t base = std::int64_t(v - start) * k;
            for (std::int64_t j = 0; j < k; ++j) {
                if (!kp[base + j]) {
                    continue;
                }
                const float* row = r + (base + j) * 6;
                core::Detection det;
                det.box = core::clampToUnit(
                    {(view.rect.x + row[0] / s) / f.width, (view.rect.y + row[1] / s) / f.height,
                     (view.rect.x + row[2] / s) / f.width, (view.rect.y + row[3] / s) / f.height});
                det.score = row[4];
                det.classId = int(row[5]);
                if (det.box.isValid()) {
                    result[view.frame].push_back(det);
                }
            }
        }
    }

    // The network alone; its output comes back as [B, A, 5 + C] on the device.
    torch::Tensor forward(torch::Tensor input) {
        if (m_half && input.scalar_type() != torch::kHalf) {
            input = input.to(torch::kHalf);
        }
        auto out = m_module.forward({input});
        return out.isTuple() ? out.toTuple()->elements()[0].toTensor() : out.toTensor();
    }

    DetectorOptions m_options;
    torch::jit::script::Module m_module;
    torch::Device m_device;
    torch::Tensor m_grid;
    torch::Tensor m_stride;
    torch::Tensor m_classThreshold;
    int m_anchors = 0;
    int m_threads = 0;
    bool m_optimised = false;  // LibTorch's inference passes applied (prepareCpuModel)
    bool m_nanodet = false;    // NanoDet-Plus head (GFL distances), else YOLOX
    int m_regMax = 7;
    torch::Tensor m_project;
    bool m_half = false;
    bool m_batchable = true;
    // Read by stats() from other threads while the inference thread counts.
    std::atomic<std::int64_t> m_calls{0};
    std::atomic<std::int64_t> m_pictures{0};
    std::atomic<std::int64_t> m_passes{0};
    std::atomic<std::int64_t> m_replays{0};
#ifdef VIGIE_HAVE_CUDA
    std::optional<c10::cuda::CUDAStream> m_stream;
    std::map<std::int64_t, Captured> m_graphs;
#endif
};

}  // namespace

Result<std::unique_ptr<Detector>> createDetector(const DetectorOptions& options) {
    const auto& spec = options.spec;
    if (spec.outputLayout != "yolox" && spec.outputLayout != "nanodet") {
        return makeError("model '" + spec.name + "' has output layout '" + spec.outputLayout +
                         "', which this detector runner does not decode (yolox, nanodet)");
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
    // No thread count here: it is per calling thread (useTorchThreadsHere); the detector's
    // description() gives the one its inferences use.
    return s.str();
}

}  // namespace vigie::inference
