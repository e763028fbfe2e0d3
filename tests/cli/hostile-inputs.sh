#!/usr/bin/env bash
# Inputs as a hostile or careless user hands them over: a config that is no
# file, old Mac line ends, two YAML documents, compile databases with a bad
# entry or none readable, a 200 KB identifier. Each gets a clear message
# naming the place, a documented exit code, and the rest of the run.
# Usage: hostile-inputs.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$1
ANNOTATIONS=$(cd "$2" && pwd)
source "$(dirname "$0")/common.sh"

cat >"$WORK/good.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>
struct Customer { PDFLOW_DATA(contact.email) std::string email; };
CPP
cat >"$WORK/other.cpp" <<'CPP'
#include <pdflow/annotations.h>
struct Order { PDFLOW_DATA(contact.phone) const char *phone; };
CPP
make_db "$WORK/db" "$WORK/good.cpp"

# 6. --config must name a regular file of sensible size.
mkdir "$WORK/confdir"
expect "--config DIR is an error, not an empty config" 2 "confdir: error: cannot read config file: is a directory" \
  -- "$PDFLOW" inventory -p "$WORK/db" --config "$WORK/confdir"
# Capped address space: should the check ever go, the run fails instead of
# eating the machine's memory (not under AddressSanitizer, which reserves
# terabytes of address space for itself).
CAP='ulimit -v 4000000;'
[ -n "${ASAN_OPTIONS:-}" ] && CAP=''
expect "--config /dev/zero is refused unread" 2 "/dev/zero: error: cannot read config file: not a regular file" \
  -- bash -c "$CAP"' exec "$@"' _ "$PDFLOW" inventory -p "$WORK/db" --config /dev/zero
truncate -s 17M "$WORK/huge.yaml"
expect "a 17 MB config is refused" 2 "huge.yaml: error: cannot read config file: it is larger than 16 MiB" \
  -- "$PDFLOW" inventory -p "$WORK/db" --config "$WORK/huge.yaml"

# 7. CR, LF and CR LF line ends.
printf 'version: 1\rbogus: 1\r' >"$WORK/cr.yaml"
expect "CR-only line ends: the unknown key is found on its line" 2 "cr.yaml:2:1: error: unknown key 'bogus' in config" \
  -- "$PDFLOW" inventory -p "$WORK/db" --config "$WORK/cr.yaml"
printf 'version: 1\r\nbogus: 1\r\n' >"$WORK/crlf.yaml"
expect "CR LF line ends" 2 "crlf.yaml:2:1: error: unknown key 'bogus' in config" \
  -- "$PDFLOW" inventory -p "$WORK/db" --config "$WORK/crlf.yaml"

# 8. Nothing in the config is ignored silently.
printf 'version: 1\n---\nactivities: [{id: billing}]\n' >"$WORK/two-docs.yaml"
expect "a second YAML document is a warning at its line" 0 "two-docs.yaml:3:1: warning: a second YAML document starts here" \
  -- "$PDFLOW" inventory -p "$WORK/db" --config "$WORK/two-docs.yaml"
printf 'sinks:\n  - {function: "acme::log::*", kind: log}\nconsent_checks:\n  - {function: "Consents::granted", purpose: marketing}\n' >"$WORK/unmatched.yaml"
expect "a sink glob that matches nothing is a warning" 0 "unmatched.yaml:2:5: warning: sink 'acme::log::\*' matches no function" \
  -- "$PDFLOW" scan -p "$WORK/db" --config "$WORK/unmatched.yaml" --fail-on error
expect "so is a consent check" 0 "unmatched.yaml:4:5: warning: consent check 'Consents::granted' matches no function" \
  -- "$PDFLOW" scan -p "$WORK/db" --config "$WORK/unmatched.yaml" --fail-on error

# 10. A compile database with one bad entry: that entry is named and
# skipped, the rest analysed, exit 2.
cat >"$WORK/db/compile_commands.json" <<JSON
[
  {"directory": "$WORK", "file": "$WORK/good.cpp", "command": "g++ -std=c++17 -I$ANNOTATIONS -c good.cpp"},
  {"directory": "$WORK", "command": "g++ -c missing-file-key.cpp"},
  {"directory": "$WORK", "file": "$WORK/other.cpp", "arguments": ["g++", "-std=c++17", "-I$ANNOTATIONS", "-c", "other.cpp"]}
]
JSON
expect "a bad entry is named by index and place" 2 "compile_commands.json:3:3: error: entry \[1\] is skipped: missing \"file\"" \
  -- "$PDFLOW" inventory -p "$WORK/db"
expect "  and the entries before it are analysed" 2 "good.cpp:3:58: Customer::email contact.email" \
  -- "$PDFLOW" inventory -p "$WORK/db"
expect "  and those after it" 2 "other.cpp:2:55: Order::phone contact.phone" \
  -- "$PDFLOW" inventory -p "$WORK/db"
mkdir -p "$WORK/notarray"
printf '\n  {"directory": "/x"}\n' >"$WORK/notarray/compile_commands.json"
expect "not an array: said where" 2 "notarray/compile_commands.json:2:3: error: cannot read the compile database: expected a JSON array of compile commands" \
  -- "$PDFLOW" inventory -p "$WORK/notarray"
expect "-p naming a file says why" 2 "good.cpp/compile_commands.json: error: cannot read the compile database: not a directory" \
  -- "$PDFLOW" inventory -p "$WORK/good.cpp"
mkdir -p "$WORK/locked" && cp "$WORK/db/compile_commands.json" "$WORK/locked/" && chmod 000 "$WORK/locked"
if [ "$(id -u)" != 0 ]; then
  expect "an unreadable -p directory: permission denied" 2 "locked/compile_commands.json: error: cannot read the compile database: permission denied" \
    -- "$PDFLOW" inventory -p "$WORK/locked"
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null \
     && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$PDFLOW"; then
  expect "an unreadable -p directory: permission denied" 2 "locked/compile_commands.json: error: cannot read the compile database: permission denied" \
    -- setpriv --reuid=65534 --regid=65534 --clear-groups "$PDFLOW" inventory -p "$WORK/locked"
else
  echo "skip unreadable -p directory: root, and cannot run as nobody"
fi
chmod 700 "$WORK/locked"

# 16. A 200 KB unknown id is not echoed whole.
HUGE=$(head -c 200000 /dev/zero | tr '\0' x)
printf '#include <pdflow/annotations.h>\nstruct S { PDFLOW_DATA(%s) int x; };\n' "$HUGE" >"$WORK/huge.cpp"
make_db "$WORK/dbhuge" "$WORK/huge.cpp"
expect "a 200 KB unknown category is cut in the message" 1 "error: unknown category 'x{60}\.\.\.' \(200000 bytes\) \[invalid-annotation\]" \
  -- "$PDFLOW" inventory -p "$WORK/dbhuge"
check "  and the whole output stays short" \
  bash -c '[ "$("$@" 2>&1 | wc -c)" -lt 2000 ]' _ "$PDFLOW" inventory -p "$WORK/dbhuge"

finish
