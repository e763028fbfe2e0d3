#!/usr/bin/env bash
# pdflow's SARIF checked by Microsoft's validator (npm
# @microsoft/sarif-multitool, with its GitHub ingestion rules) and against
# the OASIS SARIF 2.1.0 JSON schema the validator ships (with ajv-cli, which
# also checks enumerations and URI formats, on which the validator is
# silent): no errors on examples/shop, whose every result must carry its
# flow's every step, as the JSON report has them; and none on a small
# project that makes pdflow write what the shop does not: a suppressed
# result with its justification, a fix, a file that was not analysed, a
# stale baseline entry, --new-since, a configuration error, a path that
# needs percent-encoding. Broken copies must fail, so both validators are
# known to validate.
# Skipped (exit 77) when npm or a package is unavailable.
# Usage: sarif-validate.sh PDFLOW SOURCE_DIR SHOP_BUILD_DIR NPM_DIR
set -uo pipefail
PDFLOW=$(realpath "$1")
SRC=$(cd "$2" && pwd)
SHOP=$(realpath -m "$3")
NPM=$(realpath -m "$4")
ANNOTATIONS=$SRC/annotations/include
FAILED=0
source "$(dirname "$0")/npm-tool.sh"
source "$(dirname "$0")/../cli/lib.sh"
npm_tool "$NPM" @microsoft/sarif-multitool@5.7.0
npm_tool "$NPM" ajv-cli@5.0.0
npm_tool "$NPM" ajv-formats@3.0.1
MULTITOOL=$(cd "$NPM" && node -p "require('@microsoft/sarif-multitool-linux')") || {
  echo "skipped: @microsoft/sarif-multitool has no binary for this platform"; exit 77; }
SCHEMA=$(dirname "$MULTITOOL")/sarif-2.1.0.json
[ -f "$SCHEMA" ] || { echo "skipped: @microsoft/sarif-multitool ships no sarif-2.1.0.json"; exit 77; }
AJV=$NPM/node_modules/.bin/ajv
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

multitool_errors() { # FILE: prints the validator's errors; fails when it did not run
  "$MULTITOOL" validate "$1" -o "$OUT/validation.sarif" --log ForceOverwrite \
    --level "Error;Warning" --rule-kind "Gh;Sarif" >"$OUT/validate.txt" 2>&1
  grep -q "Analysis completed successfully" "$OUT/validate.txt" || { cat "$OUT/validate.txt"; return 1; }
  grep -E ": error [A-Z]+[0-9]+: " "$OUT/validate.txt"
  return 0
}
schema_valid() { # FILE: ajv accepts FILE (read as .json, as ajv-cli wants)
  cp "$1" "$OUT/doc.json"
  "$AJV" validate --spec=draft2020 --strict=false -c ajv-formats -s "$SCHEMA" -d "$OUT/doc.json" \
    >"$OUT/ajv.txt" 2>&1
}
validate() { # NAME FILE: neither validator finds an error in FILE
  local errors
  if ! errors=$(multitool_errors "$2"); then
    echo "FAIL $1: sarif-multitool did not run"; FAILED=1
  elif [ -n "$errors" ]; then
    echo "$errors"; echo "FAIL $1: sarif-multitool errors"; FAILED=1
  else
    echo "ok   $1: sarif-multitool finds 0 errors"
  fi
  if schema_valid "$2"; then
    echo "ok   $1: valid against the SARIF 2.1.0 schema"
  else
    grep -v "^unknown format" "$OUT/ajv.txt" | head -30; echo "FAIL $1: not valid against the schema"; FAILED=1
  fi
}
rejected() { # NAME FILE JS_STATEMENT: with the edit, both validators reject FILE
  local script="const f = require('fs'); const d = JSON.parse(f.readFileSync(process.argv[1], 'utf8'));
    const r = d.runs[0]; $3; f.writeFileSync(process.argv[2], JSON.stringify(d, null, 2));"
  node -e "$script" "$2" "$OUT/broken.sarif" || { echo "FAIL $1: cannot edit"; FAILED=1; return; }
  local errors
  errors=$(multitool_errors "$OUT/broken.sarif")
  [ -n "$errors" ] && echo "ok   $1: sarif-multitool rejects it" ||
    { echo "FAIL $1: sarif-multitool accepts it"; FAILED=1; }
  schema_valid "$OUT/broken.sarif" && { echo "FAIL $1: the schema accepts it"; FAILED=1; } ||
    echo "ok   $1: the schema rejects it"
}
holds() { # NAME FILE JS_EXPRESSION: the expression, over run r of FILE, is true
  local script="const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).runs[0];
    process.exit(($3) ? 0 : 1);"
  if node -e "$script" "$2"; then
    echo "ok   $1"
  else
    echo "FAIL $1: not ($3)"; FAILED=1
  fi
}

# The example shop.
cd "$SRC" # paths relative to the work tree's top, as the golden outputs
cmake -S examples/shop -B "$SHOP" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$OUT/cmake.log" 2>&1 ||
  { cat "$OUT/cmake.log"; echo "FAIL cannot configure examples/shop"; exit 1; }
"$PDFLOW" scan -p "$SHOP" --format sarif -o "$OUT/shop.sarif" -j2 2>"$OUT/stderr"
rc=$?
[ $rc = 1 ] || { echo "FAIL pdflow scan exited $rc, expected 1"; cat "$OUT/stderr"; exit 1; }
validate "examples/shop" "$OUT/shop.sarif"
# Every result's code flow is the whole flow: the JSON report's steps.
node "$(dirname "$0")/check-code-flows.js" "$OUT/shop.sarif" tests/golden/shop/scan.json || FAILED=1

# A small project in a throwaway git repository, its sources in a directory
# whose name a URI must percent-encode.
export GIT_CONFIG_NOSYSTEM=1 HOME=$OUT GIT_AUTHOR_NAME=pdflow GIT_AUTHOR_EMAIL=test@pdflow.invalid \
  GIT_COMMITTER_NAME=pdflow GIT_COMMITTER_EMAIL=test@pdflow.invalid
REPO=$OUT/repo
mkdir -p "$REPO/src dir" && cd "$REPO"
git -c init.defaultBranch=main init -q .
cat >"src dir/app.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Customer {
  PDFLOW_DATA(contact.email) std::string email;
  PDFLOW_DATA(contact.phone) std::string phone;
};
struct Visitor { std::string email; };
void a(const Customer &c) { std::printf("%s\n", c.email.c_str()); }
void b(const Customer &c) {
  // pdflow: ignore[personal-data-in-logs] support needs the number in this log
  std::printf("%s\n", c.phone.c_str());
}
CPP
echo 'int f() { return undeclared_name; }' >"src dir/broken.cpp"
mkdir -p db
for f in app broken; do
  printf '{"directory": "%s", "file": "%s/src dir/%s.cpp", "arguments": ["g++", "-std=c++17", "-I%s", "-c", "src dir/%s.cpp"]}\n' \
    "$REPO" "$REPO" $f "$ANNOTATIONS" $f
done | paste -sd, | sed 's/^/[/; s/$/]/' >db/compile_commands.json
echo "db/" >.gitignore
git add "src dir/app.cpp" .gitignore && git commit -qm "first"
echo 'void c(const Customer &c) { std::printf("%s\n", c.email.c_str()); }' >>"src dir/app.cpp"
cat >base.json <<'JSON'
{"version": 1, "tool": "pdflow", "incomplete": [], "findings": [
  {"fingerprint": "0123456789abcdef0123456789abcdef:1", "rule": "personal-data-in-logs",
   "severity": "warning", "file": "gone.cpp", "line": 3, "message": "a leak fixed since"}]}
JSON

"$PDFLOW" scan -p db --format sarif -o full.sarif --baseline base.json 2>/dev/null
validate "a full scan with a suppression, a fix, an incomplete file and a baseline" full.sarif
holds "  it has the suppressed result" full.sarif \
  'r.results.some((x) => x.suppressions && x.suppressions[0].kind === "inSource" &&
     x.suppressions[0].justification === "support needs the number in this log")'
holds "  it has the fix" full.sarif 'r.results.some((x) => x.fixes && x.ruleId === "unannotated-personal-data")'
holds "  it names the file that was not analysed" full.sarif \
  'r.invocations[0].executionSuccessful === false && r.invocations[0].toolExecutionNotifications.some(
     (n) => n.descriptor.id === "incomplete-translation-unit" &&
            n.locations[0].physicalLocation.artifactLocation.uri === "src%20dir/broken.cpp")'
holds "  it lists the stale baseline entry" full.sarif \
  'r.properties.baseline.stale.length === 1 && r.properties.baseline.stale[0].file === "gone.cpp"'

printf 'version: 1\nactivities:\n  - {id: billing, purposes: [billing\n' >broken.yaml
"$PDFLOW" scan -p db --format sarif -o pr.sarif --new-since HEAD --config broken.yaml 2>/dev/null
validate "a pull-request scan with a configuration error" pr.sarif
holds "  it has the configuration error" pr.sarif \
  'r.invocations[0].toolConfigurationNotifications.some((n) => n.level === "error" &&
     n.locations[0].physicalLocation.artifactLocation.uri === "broken.yaml")'
holds "  it says what --new-since left out" pr.sarif \
  'r.properties.newSince.revision === "HEAD" && r.properties.newSince.hidden > 0 && r.results.length > 0 &&
   r.results.every((x) => x.locations[0].physicalLocation.region.startLine === 14)'

# The validators are known to validate: each rejects a broken copy.
rejected "a result on line 0" full.sarif 'r.results[1].locations[0].physicalLocation.region.startLine = 0'
rejected "a result without a message" full.sarif 'delete r.results[0].message'
schema_valid <(sed '0,/"level": "warning"/s//"level": "severe"/' full.sarif) &&
  { echo "FAIL the schema accepts an unknown level"; FAILED=1; } || echo "ok   the schema rejects an unknown level"
schema_valid <(sed 's#"uri": "src%20dir/#"uri": "src dir/#' full.sarif) &&
  { echo "FAIL the schema accepts a URI with a space"; FAILED=1; } || echo "ok   the schema rejects a URI with a space"

[ $FAILED = 0 ] && echo "pdflow's SARIF validates"
exit $FAILED
