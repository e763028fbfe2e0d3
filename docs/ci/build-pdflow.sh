#!/usr/bin/env bash
# Builds pdflow for a CI job on Debian 12 (the image the recipes in
# docs/ci.md use), as root: installs the build's packages from Debian's
# archive, builds SOURCE_DIR into BUILD_DIR (kept between runs by a cache,
# so a second run only checks it is up to date), and puts the binary on the
# job's PATH.
# Usage: build-pdflow.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
SRC=$1
BUILD=$2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends cmake ninja-build g++ clang-19 libclang-19-dev \
  llvm-19-dev libyaml-cpp-dev libfmt-dev >/dev/null
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPDFLOW_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" --target pdflow
# GitHub Actions reads GITHUB_PATH; elsewhere, add BUILD/tool/cli to PATH yourself.
if [ -n "${GITHUB_PATH:-}" ]; then echo "$(cd "$BUILD" && pwd)/tool/cli" >>"$GITHUB_PATH"; fi
"$BUILD/tool/cli/pdflow" --version
