#!/usr/bin/env bash
# No TU can take the whole run down or hold it forever: a TU whose analysis
# crashes and a TU over --tu-timeout are each named, the run exits 3, and the
# other TUs' findings are all there. A 12,000-term expression is analysed,
# not a stack overflow. Usage: incomplete-tus.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$1
ANNOTATIONS=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
fail() { echo "FAIL $*"; FAILED=1; }

db() { # DIR FILE...: a compile database for these files
  local dir=$1 sep=""
  shift
  {
    echo "["
    for f in "$@"; do
      echo "$sep{\"directory\": \"$dir\", \"file\": \"$f\", \"arguments\": [\"clang++\", \"-std=c++17\", \"-I$ANNOTATIONS\", \"-c\", \"$f\"]}"
      sep=","
    done
    echo "]"
  } >"$dir/compile_commands.json"
}

# A TU with a finding and no function to analyse: an annotated field never read.
cat >"$WORK/kept.cpp" <<'EOF'
#include <pdflow/annotations.h>
#include <string>
struct Customer {
  PDFLOW_DATA(contact.email) std::string email;
};
EOF
# Clang's own debugging pragma crashes the process that parses it.
cat >"$WORK/crash.cpp" <<'EOF'
void f() {}
#pragma clang __debug crash
EOF
# A body with a flow to analyse.
cat >"$WORK/slow.cpp" <<'EOF'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Lead {
  PDFLOW_DATA(contact.phone) std::string phone;
};
void call(const Lead &l) { std::puts(l.phone.c_str()); }
EOF
python3 - "$WORK/deep.cpp" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('#include <pdflow/annotations.h>\n#include <cstdio>\n#include <string>\n')
    f.write('struct P { PDFLOW_DATA(contact.email) std::string a; std::string b; };\n')
    f.write('void show(const P &p) {\n  std::string s = std::string()')
    for i in range(12000):
        f.write((' + p.a', ' + p.b', ' + "x"')[i % 3])
    f.write(';\n  std::puts(s.c_str());\n}\n')
EOF

# A crash is named; the others are analysed. The crashed TU's memory is
# abandoned, not freed (nothing on its stack is unwound): no leak for
# LeakSanitizer to report under ./dev test --sanitize.
db "$WORK" kept.cpp crash.cpp deep.cpp
for format in text json; do
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$PDFLOW" scan -p "$WORK" --format "$format" -j2 >"$WORK/out.$format" 2>"$WORK/err.$format"
  rc=$?
  [ $rc = 3 ] || fail "crash ($format): exit $rc, expected 3"
  grep -q "crash.cpp: error: pdflow's analysis of this file crashed" "$WORK/err.$format" ||
    fail "crash ($format): the crashed TU is not named"; 
  grep -q "collected but never read" "$WORK/out.$format" ||
    fail "crash ($format): kept.cpp's finding is missing"
  grep -q "reaches log sink 'puts'" "$WORK/out.$format" ||
    fail "crash ($format): the 12,000-term expression's flow is missing"
done
[ $FAILED = 0 ] && echo "ok   a crashing TU is named, the others analysed"

# A timeout is named; a TU with nothing to analyse after parsing is kept.
# The limit is far below any parse, so the outcome does not depend on speed.
db "$WORK" kept.cpp slow.cpp
"$PDFLOW" scan -p "$WORK" --tu-timeout 0.000001 -j1 >"$WORK/out.timeout" 2>"$WORK/err.timeout"
rc=$?
[ $rc = 3 ] || fail "timeout: exit $rc, expected 3"
grep -q "slow.cpp: error: pdflow's analysis of this file went past --tu-timeout 0.000001 s" \
  "$WORK/err.timeout" || fail "timeout: the timed-out TU is not named"
grep -q "collected but never read" "$WORK/out.timeout" || fail "timeout: kept.cpp's finding is missing"
grep -q "contact.phone" "$WORK/out.timeout" && fail "timeout: facts of the timed-out TU were used"
# Without the limit the same TU is analysed.
"$PDFLOW" scan -p "$WORK" -j1 >"$WORK/out.notimeout" 2>&1
grep -q "contact.phone" "$WORK/out.notimeout" || fail "timeout: slow.cpp's flow is missing without a limit"
"$PDFLOW" scan -p "$WORK" --tu-timeout=-1 >/dev/null 2>"$WORK/err.bad"
[ $? = 2 ] && grep -q "'--tu-timeout' takes a positive number of seconds" "$WORK/err.bad" ||
  fail "timeout: a negative --tu-timeout is not a usage error"
[ $FAILED = 0 ] && echo "ok   a TU over --tu-timeout is named, the others analysed"
exit $FAILED
