#include "inference/torch_device.h"

#include <ATen/Parallel.h>
#include <torch/script.h>
#include <torch/torch.h>

#include <algorithm>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "core/log.h"

namespace vigie::inference {

core::Result<std::string> resolveTorchDevice(const std::string& wanted) {
    try {
        if (wanted.empty() || wanted == "cpu") {
            return std::string("cpu");
        }
        const bool cuda = torch::cuda::is_available();
        if (wanted == "auto") {
            return cuda ? std::string("cuda:0") : std::string("cpu");
        }
        if (!cuda) {
            return core::makeError("device '" + wanted +
                                   "' asked for, but this LibTorch sees no CUDA device");
        }
        return torch::Device(wanted).str();
    } catch (const c10::Error& e) {
        return core::makeError("device '" + wanted + "': " + e.what_without_backtrace());
    }
}

void useTorchThreadsHere(int threads) {
    thread_local int current = 0;
    threads = std::max(1, threads);
    if (current != threads) {
        // LibTorch sets a thread's count from the process-wide one at its first parallel
        // operator; have that happen now, so that it cannot undo this setting later.
        (void)at::get_num_threads();
        at::set_num_threads(threads);
        current = threads;
    }
}

namespace {

// See prepareCpuModel.
void keepTensorMemory() {
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        // 32 MiB is the largest mmap threshold glibc accepts on 64-bit (half its heap size).
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    });
#endif
}

}  // namespace

bool prepareCpuModel(torch::jit::Module& module, const std::string& what) {
    useTorchThreadsHere(1);
    keepTensorMemory();
    try {
        module = torch::jit::optimize_for_inference(module);
        return true;
    } catch (const c10::Error& e) {
        core::logger("engine")->warn(
            "{}: LibTorch's inference optimisation failed, the model runs as loaded: {}", what,
            e.what_without_backtrace());
        return false;
    }
}

}  // namespace vigie::inference
