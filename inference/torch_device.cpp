#include "inference/torch_device.h"

#include <torch/torch.h>

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

}  // namespace vigie::inference
