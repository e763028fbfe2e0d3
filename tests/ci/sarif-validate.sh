#!/usr/bin/env bash
# SARIF of examples/shop checked by Microsoft's validator (npm
# @microsoft/sarif-multitool, with its GitHub ingestion rules): no errors.
# Each result must carry its flow's every step, as the JSON report has them.
# Skipped (exit 77) when npm or the package is unavailable.
# Usage: sarif-validate.sh PDFLOW SOURCE_DIR SHOP_BUILD_DIR NPM_DIR
set -uo pipefail
PDFLOW=$(realpath "$1")
SRC=$(cd "$2" && pwd)
SHOP=$(realpath -m "$3")
NPM=$(realpath -m "$4")
source "$(dirname "$0")/npm-tool.sh"
npm_tool "$NPM" @microsoft/sarif-multitool@5.7.0
MULTITOOL=$(cd "$NPM" && node -p "require('@microsoft/sarif-multitool-linux')") || {
  echo "skipped: @microsoft/sarif-multitool has no binary for this platform"; exit 77; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cd "$SRC" # paths relative to the work tree's top, as the golden outputs

cmake -S examples/shop -B "$SHOP" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$OUT/cmake.log" 2>&1 ||
  { cat "$OUT/cmake.log"; echo "FAIL cannot configure examples/shop"; exit 1; }
"$PDFLOW" scan -p "$SHOP" --format sarif -o "$OUT/shop.sarif" -j2 2>"$OUT/stderr"
rc=$?
[ $rc = 1 ] || { echo "FAIL pdflow scan exited $rc, expected 1"; cat "$OUT/stderr"; exit 1; }

"$MULTITOOL" validate "$OUT/shop.sarif" -o "$OUT/validation.sarif" --log ForceOverwrite \
  --level "Error;Warning" --rule-kind "Gh;Sarif" >"$OUT/validate.txt" 2>&1
cat "$OUT/validate.txt"
grep -q "Analysis completed successfully" "$OUT/validate.txt" || { echo "FAIL the validator did not run"; exit 1; }
errors=$(grep -Ec ": error [A-Z]+[0-9]+: " "$OUT/validate.txt")
[ "$errors" = 0 ] || { echo "FAIL $errors validation errors"; exit 1; }
echo "ok   sarif-multitool: 0 errors"

# Every result's code flow is the whole flow: the JSON report's steps.
node "$(dirname "$0")/check-code-flows.js" "$OUT/shop.sarif" tests/golden/shop/scan.json
