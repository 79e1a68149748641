#!/usr/bin/env bash
# Installs every Debian 12 package Vigie needs to build, test and run the demo.
# Idempotent and non-interactive: packages already present are skipped by apt.
#
# usage: deploy/install-deps.sh [--runtime|--build|--test]   (default: --test = everything)
set -euo pipefail

profile=${1:---test}

build_pkgs=(
    cmake g++ pkg-config ninja-build ccache git ca-certificates tzdata
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-charts-dev
    libqt6opengl6-dev libgl-dev libxkbcommon-dev
    libopencv-dev libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
    libtorch-dev libsqlcipher-dev qtkeychain-qt6-dev libspdlog-dev nlohmann-json3-dev
    libsodium-dev libssl-dev libxlsxwriter-dev libmosquitto-dev
)
runtime_pkgs=(
    ffmpeg sqlcipher python3-torch xvfb xauth
    fonts-dejavu-core libqt6svg6 qt6-qpa-plugins
)
test_pkgs=(
    gnome-keyring libsecret-1-0 dbus dbus-x11 imagemagick
    libgstrtspserver-1.0-dev gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
    gstreamer1.0-plugins-ugly gstreamer1.0-plugins-base gstreamer1.0-tools gstreamer1.0-libav
    mosquitto mosquitto-clients iproute2 clang-format
)

pkgs=()
case "$profile" in
    --runtime) pkgs=("${runtime_pkgs[@]}") ;;
    --build) pkgs=("${build_pkgs[@]}" "${runtime_pkgs[@]}") ;;
    --test) pkgs=("${build_pkgs[@]}" "${runtime_pkgs[@]}" "${test_pkgs[@]}") ;;
    *) echo "usage: $0 [--runtime|--build|--test]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "deploy: all ${#pkgs[@]} packages already installed"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "deploy: run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
fi

echo "deploy: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "deploy: done"
