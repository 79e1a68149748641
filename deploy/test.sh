#!/usr/bin/env bash
# README command two: install what is missing, build, and run every test (CTest + Qt Test).
# `.ci/run` runs exactly this on a clean clone.
#
# usage: deploy/test.sh [--no-install] [ctest arguments…]
set -euo pipefail
source "$(dirname "$0")/common.sh"

install=1
if [ "${1:-}" = "--no-install" ]; then
    install=0
    shift
fi
[ "$install" = 1 ] && "$VIGIE_ROOT/deploy/install-deps.sh" --test

export CCACHE_DIR="${CCACHE_DIR:-$VIGIE_ROOT/.ccache}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"
log "configuring (ci preset: warnings as errors, ccache)…"
cmake --preset ci -S "$VIGIE_ROOT" >/dev/null
log "building…"
cmake --build "$VIGIE_ROOT/build/ci" --parallel "$(jobs_for_build)"
ccache --show-stats 2>/dev/null | grep -E 'Hits|Misses|hit rate' || true

# Tests that use the keyring need a session bus and an unlocked keyring; tests that need a
# display use the offscreen platform; the real data set is found through VIGIE_DATA_DIR.
log "running the tests…"
tmp_home=$(mktemp -d)
trap 'rm -rf "$tmp_home"' EXIT
cd "$VIGIE_ROOT"
HOME="$tmp_home" XDG_RUNTIME_DIR="$tmp_home" dbus-run-session -- bash -c '
    printf "vigie-test\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    ctest --preset ci "$@"' ctest "$@"
