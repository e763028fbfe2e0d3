#!/usr/bin/env bash
# Sharded extraction: `pdflow facts --shard K/N` puts each TU in exactly one
# shard, `scan --facts` over every shard prints what a single scan prints,
# byte for byte; a missing shard, facts of two extractions, a corrupt file
# and a stale file are each caught. Shards agree across checkout paths.
# Usage: facts-shards.sh PDFLOW SOURCE_DIR BUILD_DIR ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$1
SRC=$2
BUILD=$3
ANNOTATIONS=$(cd "$4" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
fail() { echo "FAIL $*"; FAILED=1; }
ok() { echo "ok   $*"; }
cd "$SRC" # paths in the outputs are relative to the repository root

cmake -S examples/shop -B "$BUILD" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$WORK/cmake.log" 2>&1 ||
  { cat "$WORK/cmake.log"; echo "FAIL cannot configure examples/shop"; exit 1; }

expect_exit() { # NAME CODE: the last command's exit code
  if [ "$RC" = "$2" ]; then ok "$1 (exit $2)"; else fail "$1: exit $RC, expected $2"; fi
}

# Four shards, each TU in exactly one.
for k in 1 2 3 4; do
  "$PDFLOW" facts -p "$BUILD" -o "$WORK/s$k" --shard "$k/4" -j2 2>"$WORK/s$k.stderr"
  RC=$?; expect_exit "facts --shard $k/4" 0
done
entries=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$BUILD/compile_commands.json")
files=$(ls "$WORK"/s?/ | grep -c '\.facts\.json$')
names=$(ls "$WORK"/s?/ | grep '\.facts\.json$' | sort -u | wc -l)
[ "$files" = "$entries" ] && [ "$names" = "$entries" ] &&
  ok "each of the $entries TUs in exactly one shard" ||
  fail "$files facts files ($names distinct) for $entries TUs"
nonempty=0
for k in 1 2 3 4; do [ -n "$(ls "$WORK/s$k")" ] && nonempty=$((nonempty + 1)); done
[ "$nonempty" -ge 2 ] && ok "TUs spread over $nonempty shards" || fail "every TU in one shard"

# The merge prints what a single scan prints, in every format.
for fmt in text json; do # each format formats the same model
  "$PDFLOW" scan -p "$BUILD" --flows --format "$fmt" >"$WORK/single.$fmt" 2>"$WORK/single.$fmt.err"
  single=$?
  "$PDFLOW" scan --facts "$WORK"/s4 "$WORK"/s2 "$WORK"/s1 "$WORK"/s3 --flows --format "$fmt" \
    >"$WORK/merged.$fmt" 2>"$WORK/merged.$fmt.err"
  RC=$?; expect_exit "$fmt: merge exits as the single scan" "$single"
  cmp -s "$WORK/single.$fmt" "$WORK/merged.$fmt" && ok "$fmt: merged report byte-identical" ||
    { fail "$fmt: merged report differs"; diff "$WORK/single.$fmt" "$WORK/merged.$fmt" | head -20; }
  cmp -s "$WORK/single.$fmt.err" "$WORK/merged.$fmt.err" && ok "$fmt: merged diagnostics byte-identical" ||
    { fail "$fmt: merged diagnostics differ"; diff "$WORK/single.$fmt.err" "$WORK/merged.$fmt.err" | head -20; }
done
grep -q 'personal-data-in-logs' "$WORK/merged.text" || fail "the merged scan found nothing"

# A shard left out: named as incomplete, exit 3, the rest still reported.
"$PDFLOW" scan --facts "$WORK"/s1 "$WORK"/s2 "$WORK"/s3 >"$WORK/part.txt" 2>"$WORK/part.err"
RC=$?; expect_exit "a missing shard" 3
grep -q 'TUs extracted are missing; pass every shard' "$WORK/part.err" && ok "the missing shard is named" ||
  fail "no message for the missing shard: $(cat "$WORK/part.err")"

# Facts of two extraction runs over different file sets do not merge.
"$PDFLOW" facts -p "$BUILD" examples/shop/src/app/main.cpp -o "$WORK/other" 2>/dev/null
"$PDFLOW" scan --facts "$WORK"/s1 "$WORK/other" >/dev/null 2>"$WORK/mixed.err"
RC=$?; expect_exit "facts of two extractions" 2
grep -q 'come from another extraction' "$WORK/mixed.err" && ok "the mix is named" || fail "mix not named"

# A corrupt facts file is named, with the fix.
mkdir "$WORK/bad" && cp "$WORK"/s1/* "$WORK/bad/" && f=$(ls "$WORK"/bad/*.facts.json | head -1) &&
  echo '{"format": "pdflow-facts", "version":' >"$f"
"$PDFLOW" scan --facts "$WORK/bad" >/dev/null 2>"$WORK/bad.err"
RC=$?; expect_exit "a corrupt facts file" 2
grep -q "$(basename "$f"): error: malformed facts.*extract it again" "$WORK/bad.err" && ok "the corrupt file is named" ||
  fail "corrupt file not named: $(cat "$WORK/bad.err")"

# Re-extracting into a used directory: stale facts files go, other files stay.
echo notes >"$WORK/s1/README"
"$PDFLOW" facts -p "$BUILD" examples/shop/src/app/main.cpp examples/shop/src/log/Logger.cpp \
  -o "$WORK/s1" 2>/dev/null
[ "$(ls "$WORK/s1" | tr '\n' ' ')" = "000000-main.cpp.facts.json 000001-Logger.cpp.facts.json README " ] &&
  ok "stale facts files removed" || fail "stale facts left: $(ls "$WORK/s1")"
[ -f "$WORK/s1/README" ] && ok "other files left alone" || fail "README removed"

# Bad --shard values.
for bad in 0/4 5/4 x 1/0; do
  "$PDFLOW" facts -p "$BUILD" -o "$WORK/x" --shard "$bad" 2>"$WORK/shard.err"
  RC=$?; expect_exit "--shard $bad" 2
done
grep -q "'--shard' takes K/N" "$WORK/shard.err" || fail "no message for a bad --shard"

# The same project checked out at two paths: the same TUs in each shard.
for root in "$WORK/a" "$WORK/b/deeper/checkout"; do
  mkdir -p "$root/src/net" "$root/build"
  sep=""
  {
    echo "["
    for i in $(seq 1 12); do
      f="$root/src/net/unit$i.cpp"
      echo "int unit$i() { return $i; }" >"$f"
      echo "$sep{\"directory\": \"$root/build\", \"file\": \"$f\", \"arguments\": [\"clang++\", \"-I$ANNOTATIONS\", \"-c\", \"$f\"]}"
      sep=","
    done
    echo "]"
  } >"$root/build/compile_commands.json"
  "$PDFLOW" facts -p "$root/build" -o "$root/facts" --shard 2/3 2>/dev/null
done
[ "$(ls "$WORK/a/facts")" = "$(ls "$WORK/b/deeper/checkout/facts")" ] && [ -n "$(ls "$WORK/a/facts")" ] &&
  ok "shard assignment independent of the checkout path" ||
  fail "shards differ between checkouts: $(ls "$WORK/a/facts") vs $(ls "$WORK/b/deeper/checkout/facts")"

exit $FAILED
