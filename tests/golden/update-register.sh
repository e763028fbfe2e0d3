#!/usr/bin/env bash
# Rewrites tests/golden/shop/register.* from the current pdflow, after a
# change to the engine, the example or the register writers. Review the
# diff (git diff tests/golden/shop) before committing it. When the first
# screen of the HTML changed, refresh the docs' picture too: run
# `ctest --test-dir BUILD_DIR -R register/html-in-chromium` and copy
# BUILD_DIR/register-screenshot.png over docs/register-screenshot.png.
# Usage: tests/golden/update-register.sh [BUILD_DIR]   (default: build)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
PDFLOW_UPDATE_GOLDEN=1 exec bash "$SRC/tests/golden/check-register.sh" \
  "$BUILD/tool/cli/pdflow" "$SRC" "$BUILD/shop-register"
