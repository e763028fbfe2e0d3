#!/usr/bin/env bash
# Writes the fuzzers' seed corpora into OUT/{config,annotation,compiledb},
# taken from the fixtures and examples (so they follow the code).
# Usage: make-seeds.sh SOURCE_DIR OUT
set -euo pipefail
SRC=$1
OUT=$2
mkdir -p "$OUT/config" "$OUT/annotation" "$OUT/compiledb"

# Configs: each fixture's /* pdflow-config ... */ block, the example's
# config and the library models (same sections).
n=0
while IFS= read -r f; do
  block=$(sed -n '/^\/\* pdflow-config$/,/^\*\//p' "$f" | sed '1d;$d')
  [ -n "$block" ] || continue
  printf '%s\n' "$block" >"$OUT/config/fixture-$((n++)).yaml"
done < <(find "$SRC/tests/fixtures" -name '*.cpp' | sort)
cp "$SRC/examples/shop/.pdflow.yaml" "$OUT/config/shop.yaml"
for m in "$SRC"/annotations/models/*.yaml; do cp "$m" "$OUT/config/model-$(basename "$m")"; done

# Annotation texts: the first byte picks the kind (see the fuzzer).
n=0
kinds=(DATA SUBJECT SINK TRANSFORM ACTIVITY CONSENT_CHECK)
for i in "${!kinds[@]}"; do
  grep -rhoE "PDFLOW_${kinds[$i]}\(([^()]|\([^()]*\))*\)" "$SRC/tests/fixtures" "$SRC/examples" \
      --include='*.cpp' --include='*.h' --include='*.cc' 2>/dev/null | sort -u |
    while IFS= read -r use; do
      text=${use#PDFLOW_${kinds[$i]}(}
      text=${text%)}
      { printf "\\x$(printf %02x "$i")"; printf '%s' "$text"; } >"$OUT/annotation/${kinds[$i]}-$((n++))"
    done
done

# Compile databases: both command forms, odd entries, the kinds of mistakes
# the reader reports.
cat >"$OUT/compiledb/good.json" <<'JSON'
[
  {"directory": "/src", "file": "a.cpp", "command": "g++ -std=c++17 -DX=\"a b\" -I 'in c' -c a.cpp -o a.o"},
  {"directory": "/src", "file": "/abs/b.cpp", "arguments": ["clang++", "-MD", "-MF", "b.d", "-c", "b.cpp"], "output": "b.o"}
]
JSON
cat >"$OUT/compiledb/bad-entries.json" <<'JSON'
[
  "not an object",
  {"directory": "/src", "command": "g++ -c b.cpp"},
  {"directory": "/src", "file": ["a.cpp"], "command": "g++"},
  {"directory": "/src", "file": "a.cpp", "arguments": ["g++", ["-c"]]},
  {"directory": "/src", "file": "a.cpp", "comand": "g++"},
  {"directory": "/src", "file": "a.cpp", "command": ""},
  {"directory": "/src", "file": "a.cpp", "arguments": []}
]
JSON
printf '{"directory": "/x"}' >"$OUT/compiledb/not-array.json"
printf '[\n  {"directory": "/src", "file": "a.cpp",\n  { not json\n' >"$OUT/compiledb/syntax.json"
# Inputs that once hung or crashed a target stay in its corpus.
for dir in "$SRC"/tests/fuzz/regressions/*/; do
  cp "$dir"* "$OUT/$(basename "$dir")/"
done

echo "seeds: $(ls "$OUT/config" | wc -l) configs, $(ls "$OUT/annotation" | wc -l) annotations, $(ls "$OUT/compiledb" | wc -l) databases"
