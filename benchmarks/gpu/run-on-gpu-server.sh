#!/usr/bin/env bash
# The GPU figures of docs/performance.md, in one run on a GPU server that has a CUDA
# LibTorch (PyTorch's) but no Debian packages: builds the engine and the `vigie` CLI with
# the `cuda` preset, then runs
#   1. vigie bench --detector-scaling   (provided TorchScript eager FP32 / dynamic FP32 /
#      FP16 / FP16 + CUDA graphs, batches 1…256)
#   2. vigie bench --synthetic-cameras  (the whole engine, N synthetic 4CIF cameras at
#      12.5 fps, detection + tracking)
# while sampling GPU utilisation with nvidia-smi. Outputs go to $OUT (or ./gpu-figures).
#
# Needs, beside the source tree: deploy/carry-third-party.sh's output in
# .device/third_party and the model files in .device/models (detector/…).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-$PWD/gpu-figures}
mkdir -p "$out"
exec > >(tee "$out/run.log") 2>&1

echo "== machine"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
nproc
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'
torch_dir=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')/Torch

echo "== build (cuda preset)"
export VIGIE_TORCH_DIR=$torch_dir VIGIE_THIRD_PARTY_DIR=$PWD/.device/third_party
start=$(date +%s)
cmake --preset cuda -DCMAKE_CUDA_ARCHITECTURES=90 >"$out/configure.log" 2>&1 || {
    tail -40 "$out/configure.log"; exit 1; }
grep -E "LibTorch|CUDA" "$out/configure.log" | head -5
cmake --build build/cuda --target vigie_cli -j "$(nproc)" >"$out/build.log" 2>&1 || {
    grep -E "error|Error" "$out/build.log" | head -30; exit 1; }
echo "built in $(( $(date +%s) - start )) s"
build/cuda/bin/vigie version

nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv -lms 500 \
    >"$out/gpu-utilisation.csv" 2>/dev/null &
sampler=$!
common=(--model-dir .device/models --manifest models/manifest.json --device cuda)

echo "== 1. detector scaling"
[ -n "${SKIP_SCALING:-}" ] || build/cuda/bin/vigie bench --detector-scaling --batches "${BATCHES:-1,8,32,64,128,256}" \
    --seconds "${SCALING_SECONDS:-4}" "${common[@]}" 2>"$out/detector-scaling.err" |
    tee "$out/detector-scaling.txt"

echo "== 2. engine with synthetic 4CIF cameras at 12.5 fps"
build/cuda/bin/vigie bench --synthetic-cameras "${CAMERAS:-100,200,400,500}" --fps 12.5 \
    --seconds "${ENGINE_SECONDS:-10}" --warmup 8 --max-batch "${MAX_BATCH:-64}" --analysis-threads 8 \
    "${common[@]}" 2>"$out/engine-scale.err" | tee "$out/engine-scale.txt"

kill "$sampler" 2>/dev/null
echo "== GPU utilisation (nvidia-smi, every 0.5 s): mean and max over the run"
awk -F', ' 'NR > 1 { gsub(/ %/, "", $2); s += $2; n++; if ($2 > m) m = $2 }
            END { if (n) printf "utilisation mean %.0f %%, max %d %%, %d samples\n", s / n, m, n }' \
    "$out/gpu-utilisation.csv"
