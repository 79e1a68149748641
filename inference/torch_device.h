#pragma once
// The LibTorch device a model runs on, from the configuration's word: "cpu" (or empty),
// "auto" (the first CUDA device when LibTorch sees one, else the CPU), "cuda", "cuda:N".
// One rule for the detector, pose and density runners. Any thread.

#include <string>

#include "core/result.h"

namespace torch::jit {
struct Module;
}

namespace vigie::inference {

// The device as LibTorch names it ("cpu", "cuda:0"…), or why it cannot be used.
core::Result<std::string> resolveTorchDevice(const std::string& wanted);

// LibTorch runs CPU operators on an OpenMP team owned by the calling thread. When the teams'
// threads outnumber the cores, libgomp stops spinning between operators and parks its
// workers in the kernel after each one: on a 2-core box the engine's detector, on its own
// thread after the model was probed on another, ran 2.4× slower than the same detector
// alone. So the engine keeps one multi-threaded team, the inference thread's, and the other
// threads that run a model (loading and probes, pose, density) run its operators themselves.
//
// Sets the calling thread's intra-op threads. LibTorch's setter also resizes shared pools,
// so it is only called when this thread's count changes, not for every inference.
void useTorchThreadsHere(int threads);

// A model just loaded for the CPU, before its probes and warm-up: one call for every runner.
// - Its operators run on this (the loading) thread alone, so that probes do not start a
//   second OpenMP team (useTorchThreadsHere(1)).
// - glibc gives blocks over 128 KiB back to the kernel when freed (and trims the threads'
//   arenas), so every activation of every inference was a fresh mapping faulted in page by
//   page: ~2 300 page faults per 416-pixel picture, a third of the engine's detector time on
//   a 2-core box. From the first CPU model on, freed blocks up to 32 MiB stay with the
//   process (its resident size stays near its peak). Process-wide, once; nothing without
//   glibc.
// - LibTorch's inference passes (freezing, convolution + batch-norm folding, oneDNN layouts
//   with prepacked weights). Without them a 1×1 convolution on a small feature map, or any
//   convolution on one intra-op thread, takes the im2col + BLAS path, and Debian's reference
//   BLAS makes that slow: on the 2-core box YOLOX-nano at 416 went from ~180 to ~20 ms a
//   picture on one thread (26 → 17 ms on two), MoveNet on 4 crops from 215 to 19 ms on one
//   thread, outputs equal to 3e-5.
// Returns whether the passes were applied; when they fail it logs why under `what` and the
// model runs as loaded. The caller checks the module it keeps (warm-up, probes, parity tests).
bool prepareCpuModel(torch::jit::Module& module, const std::string& what);

}  // namespace vigie::inference
