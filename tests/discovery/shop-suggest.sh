#!/usr/bin/env bash
# Acceptance test of `pdflow suggest` on examples/shop with every annotation
# removed: a copy of the shop loses its PDFLOW_* macros, its includes of
# pdflow/annotations.h and its data: side annotations; suggest must then
# propose the right category (the same, or one above or below it in the
# taxonomy) for at least 90% of the elements the annotated shop declares,
# and its fixes, applied with clang-apply-replacements, must compile with
# g++ and clang++ and be read back by pdflow as annotations.
# Usage: shop-suggest.sh PDFLOW SOURCE_DIR WORK_DIR CLANG_APPLY_REPLACEMENTS CLANGXX
set -uo pipefail
PDFLOW=$1
SRC=$2
WORK=$3
APPLY=$4
CLANGXX=$5
rm -rf "$WORK"
mkdir -p "$WORK"
fail() { echo "FAIL $*"; exit 1; }

configure() { # SOURCE BUILD
  cmake -S "$1" -B "$2" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DPDFLOW_ANNOTATIONS_DIR="$SRC/annotations/include" >"$2.log" 2>&1 ||
    { cat "$2.log"; fail "cannot configure $1"; }
}

# The elements of the annotated shop: "name<TAB>category" (the JSON's keys
# are sorted, so an element's category comes before its name).
configure "$SRC/examples/shop" "$WORK/orig-build"
"$PDFLOW" inventory -p "$WORK/orig-build" --format json -j2 >"$WORK/orig.json" 2>"$WORK/orig.stderr"
sed -nE 's/^      "(category|name)": "(.*)",?$/\1 \2/p' "$WORK/orig.json" |
  awk '$1 == "category" { c = substr($0, 10) } $1 == "name" { print substr($0, 6) "\t" c }' \
    | sort -u >"$WORK/expected.tsv"
[ -s "$WORK/expected.tsv" ] || fail "no element in the annotated shop's inventory"

# The copy, stripped of every annotation.
cp -r "$SRC/examples/shop" "$WORK/shop"
find "$WORK/shop" \( -name '*.h' -o -name '*.cpp' \) -print0 | xargs -0 perl -0pi -e '
  s{^[ \t]*#include <pdflow/annotations\.h>\n}{}mg;
  s{PDFLOW_[A-Z_]+(\((?:[^()]++|(?1))*\))\s*}{}g;'
perl -0pi -e 's{^data:\n(?:(?:[ \t#].*)?\n)*}{}m' "$WORK/shop/.pdflow.yaml"
! grep -rq "PDFLOW_\|pdflow/annotations.h" "$WORK/shop/src" "$WORK/shop/vendor" ||
  fail "annotations left in the stripped copy"
grep -q "^data:" "$WORK/shop/.pdflow.yaml" && fail "side annotations left in the stripped copy"
configure "$WORK/shop" "$WORK/build"
"$PDFLOW" inventory -p "$WORK/build" -j2 >"$WORK/stripped.txt" 2>&1
grep -q "^0 data elements" "$WORK/stripped.txt" || { cat "$WORK/stripped.txt"; fail "the stripped copy still declares data"; }

# Suggestions, as YAML: "symbol<TAB>category".
"$PDFLOW" suggest -p "$WORK/build" --format yaml -o "$WORK/suggest.yaml" -j2 ||
  fail "suggest --format yaml exited $?"
sed -nE 's/^  - symbol: "(.*)" .*$/\1/p; s/^    category: (.*)$/\t\1/p' "$WORK/suggest.yaml" |
  paste -d '' - - | sort -u >"$WORK/suggested.tsv"

# The category tree: "id<TAB>parent", from the built-in taxonomy and the
# shop's extension (a parent defaults to the dotted prefix).
sed -nE 's/^ *- *\{id: ([a-z0-9_.-]+)(, parent: ([a-z0-9_.-]+))?.*$/\1\t\3/p' \
  "$SRC/annotations/taxonomy.yaml" "$SRC/examples/shop/.pdflow.yaml" >"$WORK/parents.tsv"

# Right: the same category, or one above or below it in the tree
# (identity.first_name for identity.name; contact.postal_address for the
# shop's contact.delivery_instructions).
awk -F'\t' '
  function parent(c) { return (c in up && up[c] != "") ? up[c] : (c ~ /\./ ? substr(c, 1, match(c, /\.[^.]*$/) - 1) : "") }
  function within(c, a) { for (; c != ""; c = parent(c)) if (c == a) return 1; return 0 }
  FILENAME == ARGV[1] { up[$1] = $2; next }
  FILENAME == ARGV[2] { s[$1] = $2; next }
  { total++; got = s[$1]
    if (got != "" && (within(got, $2) || within($2, got))) right++
    else printf "miss %s: annotated %s, suggested %s\n", $1, $2, (got == "" ? "nothing" : got) }
  END { printf "%d of %d annotated elements get the right category (%d%%)\n", right, total, 100 * right / total
        exit (100 * right < 90 * total) }' "$WORK/parents.tsv" "$WORK/suggested.tsv" "$WORK/expected.tsv" ||
  fail "suggest proposes the right category for less than 90% of the shop's elements"

# The fixes apply and compile.
mkdir -p "$WORK/fixes"
"$PDFLOW" suggest -p "$WORK/build" --format fixes -o "$WORK/fixes/shop.yaml" -j2 ||
  fail "suggest --format fixes exited $?"
"$APPLY" "$WORK/fixes" || fail "clang-apply-replacements could not apply the fixes"
grep -rq "PDFLOW_DATA(" "$WORK/shop/src" || fail "the fixes inserted no annotation"
while IFS= read -r tu; do
  for cxx in g++ "$CLANGXX"; do
    "$cxx" -std=c++17 -fsyntax-only -I "$SRC/annotations/include" -I "$WORK/shop/src" \
      -I "$WORK/shop/vendor" "$tu" 2>"$WORK/compile.log" ||
      { cat "$WORK/compile.log"; fail "$tu does not compile with $cxx once fixed"; }
  done
done < <(find "$WORK/shop/src" "$WORK/shop/vendor" -name '*.cpp' | sort)
echo "ok   the fixes apply and compile with g++ and $CLANGXX"

# pdflow reads the inserted annotations back: what was inferred is declared.
"$PDFLOW" inventory -p "$WORK/build" -j2 >"$WORK/fixed.txt" 2>"$WORK/fixed.stderr"
declared=$(grep -cE "\((code|class)\)$" "$WORK/fixed.txt")
proposed=$(grep -c "PDFLOW_DATA(" "$WORK/fixes/shop.yaml")
[ "$declared" -ge 1 ] && [ "$declared" = "$proposed" ] ||
  { cat "$WORK/fixed.stderr"; fail "$declared annotations read back of $proposed inserted"; }
echo "ok   $declared annotations read back from the fixed copy"
