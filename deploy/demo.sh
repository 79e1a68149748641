#!/usr/bin/env bash
# README command one: install what is missing, build, and run Vigie on the bundled demo.
# With a display, the operator workstation opens on the demo clip (in-process engine);
# without one, `vigie analyze` runs on the same clip and prints the alerts.
#
# usage: deploy/demo.sh [--no-install] [--headless]
set -euo pipefail
source "$(dirname "$0")/common.sh"

install=1
headless=0
for arg in "$@"; do
    case "$arg" in
        --no-install) install=0 ;;
        --headless) headless=1 ;;
        *) echo "usage: $0 [--no-install] [--headless]" >&2; exit 2 ;;
    esac
done

[ "$install" = 1 ] && "$VIGIE_ROOT/deploy/install-deps.sh" --build

log "building (release)…"
cmake --preset release -S "$VIGIE_ROOT" >/dev/null
cmake --build "$VIGIE_ROOT/build/release" --parallel "$(jobs_for_build)" \
    --target vigie_cli vigie_workstation

bin="$VIGIE_ROOT/build/release/bin"
site="$VIGIE_ROOT/resources/demo/site.json"
clip="$VIGIE_DATA_DIR/video/aboda_video4_abandoned_bag.avi"
model_dir="$VIGIE_DATA_DIR/models"

if [ ! -f "$clip" ] || [ ! -d "$model_dir" ]; then
    # No data set: a generated clip and the motion detector (no neural model needed).
    log "data set not found at $VIGIE_DATA_DIR: using a generated demo clip"
    gen="$VIGIE_ROOT/build/release/demo"
    "$VIGIE_ROOT/resources/demo/make-demo-clip.sh" "$gen/demo-generated.mp4"
    site="$VIGIE_ROOT/resources/demo/site-generated.json"
    clip="$gen/demo-generated.mp4"
    export VIGIE_DEMO_DIR="$gen"
else
    log "models: verifying $model_dir against models/manifest.json"
    "$bin/vigie" models verify --model-dir "$model_dir" --require yolox_nano_416
fi

if [ "$headless" = 0 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    log "opening the operator workstation on the demo site (close the window to quit)"
    exec "$bin/vigie-workstation" --site "$site" --model-dir "$model_dir"
fi

log "no display: analysing the demo clip headless"
"$bin/vigie" analyze "$clip" --site "$site" --model-dir "$model_dir" \
    --events-out "$VIGIE_ROOT/build/release/demo-alerts.jsonl"
log "alerts written to build/release/demo-alerts.jsonl:"
cat "$VIGIE_ROOT/build/release/demo-alerts.jsonl"
