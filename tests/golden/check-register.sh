#!/usr/bin/env bash
# Golden test: `pdflow register` on examples/shop in every format, compared
# with tests/golden/shop/register.*; then `--check` against the committed
# YAML register must pass, and docs/register.md must document every key. The XLSX is compared by its XML parts (unzip),
# each checked well-formed (xmllint).
#
# PDFLOW_UPDATE_GOLDEN=1 (or tests/golden/update-register.sh) rewrites the
# golden files instead: do it when the engine's flows on the example change
# on purpose, and review the diff.
# Usage: check-register.sh PDFLOW SOURCE_DIR BUILD_DIR
set -uo pipefail
PDFLOW=$1
SRC=$2
BUILD=$3
GOLDEN="$SRC/tests/golden/shop"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FAILED=0
UPDATE=${PDFLOW_UPDATE_GOLDEN:-}
cd "$SRC" # paths in the register are relative to the repository root

cmake -S examples/shop -B "$BUILD" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$OUT/cmake.log" 2>&1 ||
  { cat "$OUT/cmake.log"; echo "FAIL cannot configure examples/shop"; exit 1; }

run() { # NAME EXPECTED_EXIT ARGS...: stdout, stderr to $OUT/NAME.stdout, .stderr
  local name=$1 code=$2
  shift 2
  "$PDFLOW" "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr"
  local rc=$?
  if [ "$rc" != "$code" ]; then
    echo "FAIL $name: exit $rc, expected $code"; cat "$OUT/$name.stderr"; FAILED=1
  fi
}

# One analysis writes every format and checks the committed YAML register:
# it describes the code, so --check passes (in update mode it may not).
CHECK=(--check "$GOLDEN/register.yaml")
[ "$UPDATE" = 1 ] && [ ! -f "$GOLDEN/register.yaml" ] && CHECK=()
"$PDFLOW" register -p "$BUILD" -j2 "${CHECK[@]}" -o "$OUT/register.yaml" \
  -o "$OUT/register.md" -o "$OUT/register.html" -o "$OUT/register.csv" -o "$OUT/register.dot" \
  -o "$OUT/register.xlsx" >"$OUT/check.stdout" 2>"$OUT/register.stderr"
rc=$?
if [ "$UPDATE" != 1 ] && [ $rc != 0 ]; then
  echo "FAIL register --check on the committed register: exit $rc"
  cat "$OUT/check.stdout" "$OUT/register.stderr"; FAILED=1
elif [ "$UPDATE" != 1 ] && ! grep -q "the register matches" "$OUT/check.stdout"; then
  echo "FAIL register --check:"; cat "$OUT/check.stdout"; FAILED=1
elif [ $rc -gt 1 ]; then
  echo "FAIL register: exit $rc"; cat "$OUT/register.stderr"; exit 1
fi
run register.fr 0 register -p "$BUILD" -j2 --lang fr -o "$OUT/register.fr.md"

# The XLSX by its parts: the zip's own timestamps are not content.
xlsx_parts() { # XLSX DIR: unzip, check and pretty-print every XML part
  mkdir -p "$2" && unzip -q -o "$1" -d "$2" || return 1
  local part
  while IFS= read -r part; do
    xmllint --noout "$2/$part" || { echo "FAIL $1: $part is not well-formed XML"; return 1; }
    xmllint --format "$2/$part" >"$2/$part.pretty"
  done < <(cd "$2" && find . -name '*.xml' -o -name '*.rels' | sort)
}
xlsx_parts "$OUT/register.xlsx" "$OUT/xlsx" || FAILED=1
# The summary and the first activity sheet hold what the test reads back.
grep -q '<t[^>]*>billing</t>' "$OUT/xlsx/xl/sharedStrings.xml" ||
  { echo "FAIL register.xlsx: no 'billing' cell"; FAILED=1; }
grep -q 'name="account-management"' "$OUT/xlsx/xl/workbook.xml" ||
  { echo "FAIL register.xlsx: no sheet for account-management"; FAILED=1; }

# Graphviz reads the data map.
if command -v dot >/dev/null; then
  dot -Tsvg "$OUT/register.dot" -o "$OUT/register.svg" 2>"$OUT/dot.log" ||
    { echo "FAIL register.dot: Graphviz cannot read it:"; cat "$OUT/dot.log"; FAILED=1; }
fi

# docs/register.md documents the schema: every key the register writes is
# in its YAML example, as a key or in a comment's {key, ...} list.
python3 - "$SRC/docs/register.md" "$OUT/register.yaml" <<'PY' || FAILED=1
import re, sys
doc = open(sys.argv[1], encoding='utf-8').read()
block = re.search(r'## The YAML schema\n.*?```yaml\n(.*?)```', doc, re.S)
if not block:
    sys.exit('FAIL docs/register.md has no YAML schema block')
def keys(text, with_comments):
    found = set()
    for line in text.splitlines():
        code, _, comment = line.partition('#')
        found.update(re.findall(r'(?:^\s*(?:- )?|[{,]\s*)([a-z_]+):(?=\s|$)', code))
        if with_comments:
            for group in re.findall(r'\{([a-z_, ]+)\}', comment):
                found.update(k.strip() for k in group.split(','))
    return found
undocumented = keys(open(sys.argv[2], encoding='utf-8').read(), False) - keys(block.group(1), True)
if undocumented:
    sys.exit('FAIL keys of register.yaml missing from the schema in docs/register.md: ' +
             ', '.join(sorted(undocumented)))
print('ok   docs/register.md documents every key of register.yaml')
PY

files=(register.yaml register.md register.fr.md register.html register.csv register.dot
       register.stderr)
if [ "$UPDATE" = 1 ]; then
  for f in "${files[@]}" register.xlsx; do cp "$OUT/$f" "$GOLDEN/$f"; done
  echo "updated tests/golden/shop/register.* (review the diff before committing)"
  exit $FAILED
fi

for f in "${files[@]}"; do
  if ! diff -u "$GOLDEN/$f" "$OUT/$f" >"$OUT/$f.diff"; then
    echo "FAIL $f differs from tests/golden/shop/$f:"; head -60 "$OUT/$f.diff"; FAILED=1
  else
    echo "ok   $f"
  fi
done
xlsx_parts "$GOLDEN/register.xlsx" "$OUT/golden-xlsx" || FAILED=1
if ! diff -ru -x '*.xml' -x '*.rels' "$OUT/golden-xlsx" "$OUT/xlsx" >"$OUT/xlsx.diff"; then
  echo "FAIL register.xlsx differs from tests/golden/shop/register.xlsx:"; head -60 "$OUT/xlsx.diff"
  FAILED=1
else
  echo "ok   register.xlsx"
fi
# Same input, same bytes: the workbook too.
cmp -s "$GOLDEN/register.xlsx" "$OUT/register.xlsx" ||
  { echo "FAIL register.xlsx: same parts, different bytes"; FAILED=1; }

[ $FAILED = 0 ] && echo "examples/shop's register matches its golden files"
exit $FAILED
