#!/usr/bin/env bash
# The CI recipes in docs/ci/ work: every pdflow command line in them parses,
# and the GitLab jq filters (docs/ci/gitlab-*.jq) turn pdflow's JSON into the
# Code Quality and SAST reports GitLab reads: every finding, with the fields
# GitLab requires, and a file that was not analysed reported too. (The
# workflow files' structure is checked by the unit test CiRecipesTest.)
# Skipped (exit 77) without jq.
# Usage: recipes.sh PDFLOW SOURCE_DIR ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$(realpath "$1")
SRC=$(cd "$2" && pwd)
ANNOTATIONS=$(cd "$3" && pwd)
command -v jq >/dev/null || { echo "skipped: jq is not installed (./dev installs it)"; exit 77; }
FAILED=0
source "$(dirname "$0")/../cli/lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ok() { # NAME JQ_EXPRESSION FILE: the expression is true
  if jq -e "$2" "$3" >/dev/null; then echo "ok   $1"; else echo "FAIL $1: not ($2)"; FAILED=1; fi
}
quality() { jq -f "$SRC/docs/ci/gitlab-codequality.jq" "$1"; }
sast() {
  jq --arg version 0.1.0 --arg start_time 2024-01-31T12:00:00 --arg end_time 2024-01-31T12:03:00 \
    -f "$SRC/docs/ci/gitlab-sast.jq" "$1"
}

# Each pdflow command line of the recipes, its shell words replaced by a
# placeholder, is accepted.
while read -r line; do
  if "$PDFLOW" $line --help >/dev/null 2>"$WORK/err"; then
    echo "ok   parses: $line"
  else
    echo "FAIL a recipe's command does not parse: $line"; cat "$WORK/err"; FAILED=1
  fi
done < <(grep -ho 'pdflow \(scan\|baseline\|inventory\|register\) [^|;&#]*' "$SRC"/docs/ci/*.yml "$SRC/docs/ci/pre-commit" |
  sed -E 's/^pdflow //; s/"[^"]*"/warning/g; s/\$[A-Za-z_]+/warning/g; s/[[:space:]]+$//' | sort -u)

SHOP=$SRC/tests/golden/shop/scan.json
quality "$SHOP" >"$WORK/quality.json" || { echo "FAIL the code quality filter"; exit 1; }
n=$(jq '.findings | length' "$SHOP")
ok "code quality: one issue per finding ($n)" "length == $n" "$WORK/quality.json"
ok "code quality: the fields GitLab reads" \
  'all(.[]; (.description | type == "string") and (.check_name | startswith("pdflow/"))
      and (.fingerprint | test("^[0-9a-f]{32}:[0-9]+$"))
      and (.severity | IN("info", "minor", "major", "critical", "blocker"))
      and (.location.path | type == "string") and (.location.lines.begin | type == "number"))' \
  "$WORK/quality.json"
ok "code quality: unique fingerprints" '(map(.fingerprint) | unique | length) == length' "$WORK/quality.json"

sast "$SHOP" >"$WORK/sast.json" || { echo "FAIL the SAST filter"; exit 1; }
ok "sast: one vulnerability per finding" ".vulnerabilities | length == $n" "$WORK/sast.json"
ok "sast: the scan object" \
  '.version == "15.0.7" and .scan.type == "sast" and .scan.status == "success"
   and .scan.analyzer.id == "pdflow" and .scan.scanner.vendor.name == "pdflow"
   and (.scan.start_time | test("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"))' "$WORK/sast.json"
ok "sast: the fields of each vulnerability" \
  'all(.vulnerabilities[]; (.id | type == "string") and (.severity | IN("Low", "Medium", "High"))
      and (.location.file | type == "string") and (.location.start_line | type == "number")
      and (.identifiers | length >= 1) and all(.identifiers[]; .type and .name and .value))' \
  "$WORK/sast.json"

# A file that was not analysed shows in both reports.
cd "$WORK"
echo 'int f() { return undeclared_name; }' >broken.cpp
make_db "$WORK/db" "$WORK/broken.cpp"
"$PDFLOW" scan -p db --format json -o broken.json 2>/dev/null
quality broken.json >q.json && sast broken.json >s.json
ok "code quality: the incomplete file is a blocker" \
  '.[] | select(.check_name == "pdflow/analysis-incomplete") | .severity == "blocker" and .location.path == "broken.cpp"' q.json
ok "sast: the scan failed" '.scan.status == "failure" and (.scan.messages[0].value | contains("broken.cpp"))' s.json
sed 's/"version": 3/"version": 2/' broken.json >old.json
if jq -f "$SRC/docs/ci/gitlab-codequality.jq" old.json >/dev/null 2>&1; then
  echo "FAIL the filter accepted a version 2 report"; FAILED=1
else
  echo "ok   the filter refuses another version"
fi

[ $FAILED = 0 ] && echo "the CI recipes work"
exit $FAILED
