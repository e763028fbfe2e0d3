#!/usr/bin/env bash
# pdflow's JSON documents validate against their schemas in docs/schema/
# (ajv-cli from npm): the example shop's scan report (the golden file, which
# golden/shop keeps equal to pdflow's output), and a scan with --baseline
# and --new-since, an inventory and a baseline of a small project, a scan and
# an inventory with inferred data (--infer). A document that breaks its
# schema must fail, so the validator is known to validate.
# Skipped (exit 77) when npm or ajv-cli is unavailable.
# Usage: json-schema.sh PDFLOW SOURCE_DIR ANNOTATIONS_INCLUDE NPM_DIR
set -uo pipefail
PDFLOW=$(realpath "$1")
SRC=$(cd "$2" && pwd)
ANNOTATIONS=$(cd "$3" && pwd)
NPM=$(realpath -m "$4")
FAILED=0
source "$(dirname "$0")/npm-tool.sh"
source "$(dirname "$0")/../cli/lib.sh"
npm_tool "$NPM" ajv-cli@5.0.0
AJV="$NPM/node_modules/.bin/ajv"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

valid() { # NAME SCHEMA DOCUMENT
  if "$AJV" validate --spec=draft7 --strict=true -s "$SRC/docs/schema/$2" -d "$3" >"$WORK/ajv.txt" 2>&1; then
    echo "ok   $1"
  else
    echo "FAIL $1:"; head -40 "$WORK/ajv.txt"; FAILED=1
  fi
}
invalid() { # NAME SCHEMA DOCUMENT: ajv runs and rejects DOCUMENT
  "$AJV" validate --spec=draft7 -s "$SRC/docs/schema/$2" -d "$3" >"$WORK/ajv.txt" 2>&1
  if grep -q "$3 invalid" "$WORK/ajv.txt"; then
    echo "ok   $1"
  else
    echo "FAIL $1: not rejected"; head -20 "$WORK/ajv.txt"; FAILED=1
  fi
}

valid "the shop's scan report" scan.schema.json "$SRC/tests/golden/shop/scan.json"

cd "$WORK"
export GIT_CONFIG_NOSYSTEM=1 HOME=$WORK GIT_AUTHOR_NAME=pdflow GIT_AUTHOR_EMAIL=test@pdflow.invalid \
  GIT_COMMITTER_NAME=pdflow GIT_COMMITTER_EMAIL=test@pdflow.invalid
git -c init.defaultBranch=main init -q .
cat >app.cpp <<'CPP'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Customer { PDFLOW_DATA(contact.email) std::string email; };
void a(const Customer &c) { std::printf("%s\n", c.email.c_str()); }
CPP
echo 'int f() { return undeclared_name; }' >broken.cpp
make_db "$WORK/db" "$WORK/app.cpp" "$WORK/broken.cpp"
git add app.cpp && git commit -qm one
"$PDFLOW" baseline -p db -o base.json --allow-incomplete 2>/dev/null
valid "a baseline" baseline.schema.json base.json
echo 'void b(const Customer &c) { std::printf("%s\n", c.email.c_str()); }' >>app.cpp
"$PDFLOW" scan -p db --format json -o scan.json --baseline base.json --new-since HEAD 2>/dev/null
grep -q '"new_since": {' scan.json && grep -q '"baseline": {' scan.json && grep -q '"broken.cpp"' scan.json ||
  { echo "FAIL the scan lacks baseline, new_since or incomplete"; FAILED=1; }
valid "a scan with a baseline, --new-since and an incomplete file" scan.schema.json scan.json
"$PDFLOW" inventory -p db --format json -o inventory.json 2>/dev/null
valid "an inventory" inventory.schema.json inventory.json

# Inferred data (--infer): the keys that say so, in both documents.
cat >infer.cpp <<'CPP'
#include <cstdio>
#include <string>
struct Customer { std::string email; };
void a(const Customer &c) { std::printf("%s\n", c.email.c_str()); }
CPP
make_db "$WORK/dbinfer" "$WORK/infer.cpp"
"$PDFLOW" scan -p dbinfer --infer --format json -o infer-scan.json 2>/dev/null
grep -q '"origin": "inferred"' infer-scan.json && grep -q '"inferred": true' infer-scan.json ||
  { echo "FAIL scan --infer has no inferred element or flow"; FAILED=1; }
valid "a scan with inferred data" scan.schema.json infer-scan.json
"$PDFLOW" inventory -p dbinfer --infer --format json -o infer-inventory.json 2>/dev/null
valid "an inventory with inferred data" inventory.schema.json infer-inventory.json

sed 's/"version": 3/"version": 2/' scan.json >old.json
invalid "a version 2 document is not version 3" scan.schema.json old.json
sed 's/"element_id"/"elementid"/' scan.json >renamed.json
invalid "a renamed key fails" scan.schema.json renamed.json

[ $FAILED = 0 ] && echo "pdflow's JSON matches its schemas"
exit $FAILED
