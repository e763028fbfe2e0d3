#!/usr/bin/env bash
# `pdflow baseline` and `scan --baseline`: a baseline silences exactly the
# findings it holds, whatever moved, lists the entries nothing matches any
# more, and is never written from a broken config or a partial analysis.
# Usage: baseline.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$(realpath "$1")
ANNOTATIONS=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
source "$(dirname "$0")/lib.sh"
cd "$WORK"
# A git work tree: baselines name files relative to its top.
export GIT_CONFIG_NOSYSTEM=1 HOME=$WORK
git -c init.defaultBranch=main init -q .

write_app() { # the two original leaks, after N blank lines
  {
    for ((i = 0; i < ${1:-0}; i++)); do echo; done
    cat <<'CPP'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Customer {
  PDFLOW_DATA(contact.email) std::string email;
  PDFLOW_DATA(contact.phone) std::string phone;
};
void a(const Customer &c) { std::printf("%s\n", c.email.c_str()); }
void b(const Customer &c) { std::printf("%s\n", c.phone.c_str()); }
CPP
  } >app.cpp
}
write_app
make_db "$WORK/db" "$WORK/app.cpp"

expect "baseline exits 0" 0 "baseline of 4 findings written to 'base.json'" \
  -- "$PDFLOW" baseline -p db -o base.json
check "the baseline holds the findings" base.json '"rule": "personal-data-in-logs"'
[ "$(fingerprints base.json | wc -l)" = 4 ] && echo "ok   4 entries" ||
  { echo "FAIL expected 4 baseline entries:"; cat base.json; FAILED=1; }
check "paths relative to the work tree's top" base.json '"file": "app.cpp"'

"$PDFLOW" facts -p db -o facts 2>/dev/null
expect "baseline --facts: from a sharded extraction" 0 "baseline of 4 findings written" \
  -- "$PDFLOW" baseline --facts facts -o sharded.json
cmp -s base.json sharded.json && echo "ok   the same baseline" ||
  { echo "FAIL baseline --facts differs"; diff base.json sharded.json | head; FAILED=1; }

expect "a baseline silences its findings" 0 "4 findings already in baseline 'base.json' not reported" \
  -- "$PDFLOW" scan -p db --baseline base.json --format json -o out.json
check_flat "json: no finding reported" out.json '"findings": \[\]'
check_flat "json: the baseline summary" out.json '"baseline": \{ "file": "base.json", "known": 4, "stale": \[\] \}'

# Code moves: the same findings, still silenced.
write_app 5
expect "moved code is still in the baseline" 0 "4 findings already" \
  -- "$PDFLOW" scan -p db --baseline base.json
mkdir -p sub
(cd sub && expect "from a subdirectory" 0 "4 findings already" \
  -- "$PDFLOW" scan -p ../db --baseline ../base.json)

# A new leak: only it is reported.
write_app
echo 'void c(const Customer &x) { std::printf("%s\n", x.email.c_str()); }' >>app.cpp
expect "a new finding is reported" 1 "" -- "$PDFLOW" scan -p db --baseline base.json --format json -o out.json
[ "$(reported_fingerprints out.json | wc -l)" = 2 ] && echo "ok   exactly the 2 new findings" ||
  { echo "FAIL expected 2 findings:"; grep -E '"(message|function)"' out.json; FAILED=1; }
check_flat "they are function c's" out.json '"subject": \{ "activity": null, "element": "Customer::email", "function": "c",'
[ -z "$(comm -12 <(reported_fingerprints out.json) <(fingerprints base.json))" ] &&
  echo "ok   none of the baseline's" || { echo "FAIL a baseline finding is reported"; FAILED=1; }

# A fixed leak: its entries are stale, and listed. (The phone number, read
# nowhere now, is a new unused-personal-data finding.)
write_app
sed -i '/^void b/d' app.cpp
expect "stale entries are listed" 1 "app.cpp:9: note: baseline entry [0-9a-f]{32}:1 matches no finding any more; remove it from 'base.json'" \
  -- "$PDFLOW" scan -p db --baseline base.json --format json -o out.json
check "json: the one new finding" out.json '"rule": "unused-personal-data"'
[ "$(reported_fingerprints out.json | wc -l)" = 1 ] && echo "ok   only it" || { echo "FAIL more findings than expected"; FAILED=1; }
check_flat "json: two stale entries" out.json '"known": 2, "stale": \[ \{ "file": "app.cpp", "fingerprint": "[0-9a-f]{32}:1", "line": 9, .*\}, \{ "file": "app.cpp", "fingerprint": "[0-9a-f]{32}:1", "line": 9,'
expect "sarif: stale entries in the run's properties" 1 "" \
  -- "$PDFLOW" scan -p db --baseline base.json --format sarif -o out.sarif
check_flat "sarif: the baseline summary" out.sarif '"properties": \{ "baseline": \{ "file": "base.json", "known": 2, "stale": \[ \{'

# Bad baseline files are usage errors, found before the analysis runs.
expect "missing baseline" 2 "cannot read baseline 'nothere.json'" \
  -- "$PDFLOW" scan -p db --baseline nothere.json
printf '{"version": 1,\n "findings": [\n  {"rule": "x"}]}\n' >bad.json
expect "entry without a fingerprint" 2 "bad.json: entry 1 of \"findings\" has no \"fingerprint\" string" \
  -- "$PDFLOW" scan -p db --baseline bad.json
printf '{"version": 1,\n oops}\n' >bad.json
expect "malformed JSON" 2 "bad.json:2:2: " -- "$PDFLOW" scan -p db --baseline bad.json
expect "--baseline is a scan option" 2 "'--baseline' is an option of 'scan'" \
  -- "$PDFLOW" inventory -p db --baseline base.json

# Never a baseline from a broken config or a partial analysis.
printf 'version: 1\nactivities:\n  - {id: x, purposes: [x\n' >broken.yaml
rm -f new.json
expect "broken config: not written" 2 "baseline not written" \
  -- "$PDFLOW" baseline -p db -o new.json --config broken.yaml
[ ! -e new.json ] && echo "ok   nothing written" || { echo "FAIL new.json written"; FAILED=1; }
echo 'int f() { return undeclared_name; }' >broken.cpp
make_db "$WORK/db2" "$WORK/app.cpp" "$WORK/broken.cpp"
expect "incomplete analysis: not written" 3 "baseline not written, the analysis is incomplete" \
  -- "$PDFLOW" baseline -p db2 -o new.json
[ ! -e new.json ] && echo "ok   nothing written" || { echo "FAIL new.json written"; FAILED=1; }
expect "--allow-incomplete writes it" 0 "" -- "$PDFLOW" baseline -p db2 -o new.json --allow-incomplete
check_flat "it names the file that failed" new.json '"incomplete": \[ "broken.cpp" \]'
expect "baseline takes no --format" 2 "'baseline' writes its own JSON format" \
  -- "$PDFLOW" baseline -p db --format json

[ $FAILED = 0 ] && echo "baselines hold exactly their findings"
exit $FAILED
