#!/usr/bin/env bash
# Golden test: pdflow's outputs on examples/shop, compared with the files in
# tests/golden/shop/. Fails when a data element, a flow or a finding appears
# or disappears. PDFLOW_UPDATE_GOLDEN=1 rewrites the golden files instead.
# Usage: check-shop.sh PDFLOW SOURCE_DIR BUILD_DIR
set -uo pipefail
PDFLOW=$1
SRC=$2
BUILD=$3
GOLDEN="$SRC/tests/golden/shop"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FAILED=0
cd "$SRC" # paths in the outputs are relative to the repository root

cmake -S examples/shop -B "$BUILD" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$OUT/cmake.log" 2>&1 ||
  { cat "$OUT/cmake.log"; echo "FAIL cannot configure examples/shop"; exit 1; }

run() { # NAME EXPECTED_EXIT ARGS...: stdout to $OUT/NAME, stderr to $OUT/NAME.stderr
  local name=$1 code=$2
  shift 2
  "$PDFLOW" "$@" >"$OUT/$name" 2>"$OUT/$name.stderr"
  local rc=$?
  if [ "$rc" != "$code" ]; then echo "FAIL $name: exit $rc, expected $code"; cat "$OUT/$name.stderr"; FAILED=1; fi
}
# Exit 1: the example holds deliberate mistakes, an invalid annotation among them.
run inventory.txt 1 inventory -p "$BUILD" -j2
run scan.txt 1 scan -p "$BUILD" --flows -j2
run scan.json 1 scan -p "$BUILD" --format json -j1 # the golden was written with -j2

for f in inventory.txt inventory.txt.stderr scan.txt scan.txt.stderr scan.json; do
  if [ "${PDFLOW_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$OUT/$f" "$GOLDEN/$f"
  elif ! diff -u "$GOLDEN/$f" "$OUT/$f" >"$OUT/$f.diff"; then
    echo "FAIL $f differs from tests/golden/shop/$f:"; head -60 "$OUT/$f.diff"; FAILED=1
  else
    echo "ok   $f"
  fi
done

# Every rule fires on purpose-built code in the example.
for rule in $("$PDFLOW" rules | awk '{print $1}'); do
  grep -q "\[$rule\]\$" "$OUT/scan.txt" || { echo "FAIL no '$rule' finding in examples/shop"; FAILED=1; }
done
# Every deliberate mistake (a `pdflow-example: RULE:` comment) is reported on its line.
while IFS=: read -r file line rest; do
  rule=$(sed -E 's/.*pdflow-example: ([a-z-]+):.*/\1/' <<<"$rest")
  grep -Eq "^$file:$line:[0-9]+: (note|warning|error): .*\[$rule\]\$" "$OUT/scan.txt" ||
    { echo "FAIL $file:$line: the deliberate $rule mistake is not reported"; FAILED=1; }
done < <(grep -rn 'pdflow-example: [a-z-]*:' examples/shop --include=*.h --include=*.cpp --include=.pdflow.yaml)

[ $FAILED = 0 ] && echo "examples/shop matches its golden outputs"
exit $FAILED
