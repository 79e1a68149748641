#!/usr/bin/env bash
# Copies the headers and static libraries the engine needs besides LibTorch (nlohmann-json,
# spdlog + fmt header-only, libsodium, OpenSSL's libcrypto) from this Debian 12 machine into
# DIR, for building the `cuda` preset on a GPU server that has a CUDA LibTorch but none of
# Debian's -dev packages:  VIGIE_THIRD_PARTY_DIR=DIR cmake --preset cuda
#
# usage: deploy/carry-third-party.sh DIR
set -euo pipefail
dir=${1:?usage: $0 DIR}
mkdir -p "$dir/include" "$dir/lib"
for h in nlohmann spdlog fmt sodium sodium.h openssl; do
    cp -a "/usr/include/$h" "$dir/include/"
done
# Debian keeps opensslconf.h and configuration.h under the multiarch directory.
cp -a /usr/include/x86_64-linux-gnu/openssl/. "$dir/include/openssl/"
cp /usr/lib/x86_64-linux-gnu/libsodium.a /usr/lib/x86_64-linux-gnu/libcrypto.a "$dir/lib/"
du -sh "$dir"
