#!/usr/bin/env bash
# Fingerprints in the JSON and SARIF outputs: unchanged when blank lines are
# inserted above the findings (GitHub's primaryLocationLineHash too), changed
# when a finding's sink changes, and the same from any directory and in a
# sharded scan.
# Usage: fingerprints.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$(realpath "$1")
ANNOTATIONS=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
source "$(dirname "$0")/lib.sh"
cd "$WORK"
export GIT_CONFIG_NOSYSTEM=1 HOME=$WORK
git -c init.defaultBranch=main init -q .

write_app() { # BLANK_LINES STATEMENT_OF_A
  {
    for ((i = 0; i < $1; i++)); do echo; done
    cat <<'CPP'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Customer {
  PDFLOW_DATA(contact.email) std::string email;
  PDFLOW_DATA(contact.phone) std::string phone;
};
CPP
    echo "void a(const Customer &c) { $2 }"
    echo 'void b(const Customer &c) { std::printf("%s\n", c.phone.c_str()); }'
  } >app.cpp
}
line_hashes() { grep -Eo '"primaryLocationLineHash": "[0-9a-f]+:[0-9]+"' "$1" | sort; }
scan() { # NAME: NAME.json and NAME.sarif
  "$PDFLOW" scan -p db --format json -o "$1.json" 2>/dev/null
  "$PDFLOW" scan -p db --format sarif -o "$1.sarif" 2>/dev/null
}

PRINTF='std::printf("%s\n", c.email.c_str());'
write_app 0 "$PRINTF"
make_db "$WORK/db" "$WORK/app.cpp"
scan before
[ "$(fingerprints before.json | wc -l)" = 4 ] && echo "ok   4 findings" ||
  { echo "FAIL expected 4 findings in before.json"; FAILED=1; }

write_app 3 "$PRINTF"
scan moved
check "the findings moved" moved.json '"line": 11,'
if [ "$(fingerprints before.json)" = "$(fingerprints moved.json)" ]; then
  echo "ok   json: fingerprints unchanged by blank lines above"
else
  echo "FAIL json fingerprints changed:"; diff <(fingerprints before.json) <(fingerprints moved.json); FAILED=1
fi
if [ "$(fingerprints before.sarif)" = "$(fingerprints moved.sarif)" ] &&
  [ "$(fingerprints before.sarif)" = "$(fingerprints before.json)" ]; then
  echo "ok   sarif: the same fingerprints, unchanged"
else
  echo "FAIL sarif fingerprints differ"; FAILED=1
fi
if [ -n "$(line_hashes before.sarif)" ] && [ "$(line_hashes before.sarif)" = "$(line_hashes moved.sarif)" ]; then
  echo "ok   sarif: primaryLocationLineHash unchanged"
else
  echo "FAIL primaryLocationLineHash changed"; FAILED=1
fi
mkdir -p sub && (cd sub && "$PDFLOW" scan -p ../db --format json -o ../sub.json 2>/dev/null)
[ "$(fingerprints before.json)" = "$(fingerprints sub.json)" ] &&
  echo "ok   the same from a subdirectory" || { echo "FAIL fingerprints differ from a subdirectory"; FAILED=1; }

# A sharded scan (pdflow facts, then scan --facts) writes the same SARIF and
# JSON, fingerprints included, as a scan of the database.
"$PDFLOW" facts -p db -o facts --shard 1/1 2>/dev/null
"$PDFLOW" scan --facts facts --format sarif -o sharded.sarif 2>/dev/null
"$PDFLOW" scan --facts facts --format json -o sharded.json 2>/dev/null
cmp -s moved.sarif sharded.sarif && cmp -s moved.json sharded.json &&
  echo "ok   scan --facts: the same SARIF and JSON" || { echo "FAIL scan --facts differs"; FAILED=1; }

# a() now logs with puts: its findings are about another sink.
write_app 0 'std::puts(c.email.c_str());'
scan resunk
changed=$(comm -13 <(fingerprints before.json) <(fingerprints resunk.json) | wc -l)
kept=$(comm -12 <(fingerprints before.json) <(fingerprints resunk.json) | wc -l)
[ "$changed" = 2 ] && [ "$kept" = 2 ] && echo "ok   a new sink, new fingerprints; b() keeps its own" ||
  { echo "FAIL after changing a()'s sink: $changed new, $kept kept (expected 2 and 2)"; FAILED=1; }

[ $FAILED = 0 ] && echo "fingerprints follow the findings, not the lines"
exit $FAILED
