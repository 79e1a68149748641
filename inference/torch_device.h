#pragma once
// The LibTorch device a model runs on, from the configuration's word: "cpu" (or empty),
// "auto" (the first CUDA device when LibTorch sees one, else the CPU), "cuda", "cuda:N".
// One rule for the detector, pose and density runners. Any thread.

#include <string>

#include "core/result.h"

namespace vigie::inference {

// The device as LibTorch names it ("cpu", "cuda:0"…), or why it cannot be used.
core::Result<std::string> resolveTorchDevice(const std::string& wanted);

}  // namespace vigie::inference
