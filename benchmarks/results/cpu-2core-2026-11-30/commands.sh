#!/bin/bash
# The CPU-box figures of docs/performance.md. MODELS: a model directory holding the
# yolox_nano_416_dynamic export (models/export_yolox.py); the build is the ci preset.
cd "$(dirname "$0")/../../.."  # the repository root
V=./build/ci/bin/vigie
MODELS=${MODELS:?set MODELS to the model directory}
M="--model-dir $MODELS --manifest models/manifest.json --device cpu"
D=../shared/data/video
O=${OUT:-.}
uptime > $O/uptime-start.txt
$V bench --input $D/aboda_video4_abandoned_bag.avi --model-dir ../shared/data/models --manifest models/manifest.json --device cpu --seconds 8 > $O/bench-aboda.txt 2>&1
S="--detector yolox_nano_416_dynamic --seconds 20 --warmup 5 --motion-gating"
$V bench --synthetic-cameras 4,8,10,12,14 --input $D/aboda_video4_abandoned_bag.avi $M $S > $O/scale-aboda.txt 2>&1
$V bench --synthetic-cameras 4,6,8 --input $D/aboda_video4_abandoned_bag.avi $M $S --in-step > $O/scale-aboda-in-step.txt 2>&1
$V bench --synthetic-cameras 4,6,8,10 --input $D/pets2006_s1_cam3_left_rucksack_aspectfixed.mp4 $M $S > $O/scale-pets2006.txt 2>&1
$V bench --synthetic-cameras 4,8 --input $D/pets2006_s1_cam3_left_rucksack_aspectfixed.mp4 --detector yolox_nano_416_dynamic --seconds 20 --warmup 5 $M > $O/scale-pets2006-no-gating.txt 2>&1
$V bench --synthetic-cameras 4,8 --input $D/intel_one-by-one-person-detection.mp4 $M $S > $O/scale-table-visits.txt 2>&1
uptime > $O/uptime-end.txt
$V bench --synthetic-cameras 8,12 --input $D/aboda_video4_abandoned_bag.avi --detector yolox_nano_416 --model-dir ../shared/data/models --manifest models/manifest.json --device cpu --seconds 20 --warmup 5 --motion-gating > $O/scale-aboda-provided-model.txt 2>&1
