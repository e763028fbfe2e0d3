#!/usr/bin/env bash
# Bad input gets a clear message naming the place, a documented exit code,
# and the rest of the run still useful. Usage: bad-inputs.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$1
ANNOTATIONS=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

# expect NAME CODE PATTERN -- COMMAND...: the exit code is CODE and the
# combined output matches the extended regex PATTERN.
expect() {
  local name=$1 code=$2 pattern=$3
  shift 4
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [ "$rc" != "$code" ]; then
    echo "FAIL $name: exit $rc, expected $code"; echo "$out" | head -20; FAILED=1; return
  fi
  if ! grep -Eq -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output does not match /$pattern/"; echo "$out" | head -20; FAILED=1; return
  fi
  echo "ok   $name"
}

make_db() { # DIR FILE... : a compile database for these files
  local dir=$1; shift
  mkdir -p "$dir"
  {
    echo "["
    local first=1
    for f in "$@"; do
      [ $first = 1 ] || echo ","
      first=0
      echo "{\"directory\": \"$dir\", \"file\": \"$f\", \"command\": \"g++ -std=c++17 -I$ANNOTATIONS -c $f -o /dev/null\"}"
    done
    echo "]"
  } >"$dir/compile_commands.json"
}

cat >"$WORK/good.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>
struct Customer { PDFLOW_DATA(contact.email) std::string email; };
CPP
cat >"$WORK/broken.cpp" <<'CPP'
#include <pdflow/annotations.h>
struct Order { PDFLOW_DATA(contact.phone) int phone; };
int f() { return undeclared_name; }
CPP
cat >"$WORK/other.cpp" <<'CPP'
int g() { return 1; }
CPP

expect "help" 0 "EXIT CODES" -- "$PDFLOW" --help
expect "unknown option" 2 "unknown option '--flow'; did you mean '--flows'\?" -- "$PDFLOW" scan -p "$WORK" --flow
expect "unknown command" 2 "unknown command 'scna'; did you mean 'scan'\?" -- "$PDFLOW" scna
expect "missing -p" 2 "needs -p BUILD_DIR" -- "$PDFLOW" inventory
expect "bad -j" 2 "'-j' takes a positive number" -- "$PDFLOW" inventory -p "$WORK" -j zero

expect "missing database" 2 "compile_commands.json: error: no compile database; generate one with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" \
  -- "$PDFLOW" inventory -p "$WORK/nowhere"
mkdir -p "$WORK/baddb" && echo '{ not json' >"$WORK/baddb/compile_commands.json"
expect "unreadable database" 2 "baddb/compile_commands.json:[0-9]+:[0-9]+: error: cannot read the compile database" \
  -- "$PDFLOW" inventory -p "$WORK/baddb"

make_db "$WORK/db" "$WORK/good.cpp" "$WORK/broken.cpp"
expect "file that does not parse is named, exit 3" 3 "broken.cpp: error: this file does not compile" \
  -- "$PDFLOW" inventory -p "$WORK/db"
expect "its errors are shown" 3 "broken.cpp:3:18: note: use of undeclared identifier 'undeclared_name'" \
  -- "$PDFLOW" inventory -p "$WORK/db"
expect "the other files are still analysed" 3 "good.cpp:3:58: Customer::email contact.email" \
  -- "$PDFLOW" inventory -p "$WORK/db"

make_db "$WORK/db2" "$WORK/good.cpp" "$WORK/other.cpp"
expect "FILE not in the database" 2 "missing.cpp: error: not in the compile database" \
  -- "$PDFLOW" inventory -p "$WORK/db2" "$WORK/good.cpp" "$WORK/missing.cpp"
expect "the listed files that are in it are analysed" 2 "Customer::email contact.email" \
  -- "$PDFLOW" inventory -p "$WORK/db2" "$WORK/good.cpp" "$WORK/missing.cpp"

printf 'version: 1\nactivities:\n  - {id: billing, purposes: [billing\n' >"$WORK/broken.yaml"
expect "malformed YAML" 2 "broken.yaml:[0-9]+:[0-9]+: error: " \
  -- "$PDFLOW" inventory -p "$WORK/db2" --config "$WORK/broken.yaml"
printf 'version: 1\ndata:\n  - symbol: "Customer::email"\n    category: contact.emial\n' >"$WORK/unknown.yaml"
expect "unknown category in config" 2 "unknown.yaml:4:15: error: unknown category 'contact.emial'; did you mean 'contact.email'\?" \
  -- "$PDFLOW" inventory -p "$WORK/db2" --config "$WORK/unknown.yaml"
expect "missing --config file" 2 "nothere.yaml" \
  -- "$PDFLOW" inventory -p "$WORK/db2" --config "$WORK/nothere.yaml"

# Each command takes its own formats and options (--help lists them).
expect "suggest's formats" 2 "'--format' of 'suggest' must be text, yaml or fixes; got 'yml'; did you mean 'yaml'\?" \
  -- "$PDFLOW" suggest -p "$WORK/db2" --format yml
expect "rules takes no --format" 2 "'rules' takes no '--format'" -- "$PDFLOW" rules --format json
expect "--infer is not for register" 2 "'--infer' is an option of 'scan', 'inventory', 'baseline' and 'facts'" \
  -- "$PDFLOW" register -p "$WORK/db2" --infer
expect "suggest always infers" 2 "'suggest' always infers" -- "$PDFLOW" suggest -p "$WORK/db2" --infer
expect "--min-confidence is not for register" 2 "'--min-confidence' is an option of" \
  -- "$PDFLOW" register -p "$WORK/db2" --min-confidence 50
expect "--min-confidence is a percentage" 2 "'--min-confidence' takes a percentage from 0 to 100; got '101'" \
  -- "$PDFLOW" scan -p "$WORK/db2" --infer --min-confidence 101
expect "inference happens at extraction" 2 "'--infer' and '--min-confidence' act when the facts are extracted: pass them to 'pdflow facts'" \
  -- "$PDFLOW" scan --facts "$WORK/nofacts" --infer
expect "suggest parses the sources" 2 "'suggest' parses the sources itself" \
  -- "$PDFLOW" suggest --facts "$WORK/nofacts"
expect "--facts names its readers" 2 "'--facts' reads facts for 'inventory', 'scan', 'baseline' and 'register'" \
  -- "$PDFLOW" facts --facts "$WORK/nofacts"
for cmd in inventory scan baseline register suggest facts rules; do
  expect "--help lists $cmd" 0 "^  pdflow $cmd( |\$)" -- "$PDFLOW" --help
done

# -o writes nothing when the run fails before rendering, and the whole file otherwise.
expect "-o writes the report" 0 "" -- "$PDFLOW" inventory -p "$WORK/db2" -o "$WORK/out.txt"
grep -q "Customer::email" "$WORK/out.txt" || { echo "FAIL -o content"; FAILED=1; }

# Same input, same bytes, whatever -j.
for cmd in scan inventory; do
  "$PDFLOW" $cmd -p "$WORK/db2" --format json -j1 >"$WORK/j1.json" 2>/dev/null
  "$PDFLOW" $cmd -p "$WORK/db2" --format json -j4 >"$WORK/j4.json" 2>/dev/null
  if [ -s "$WORK/j1.json" ] && cmp -s "$WORK/j1.json" "$WORK/j4.json"; then
    echo "ok   $cmd: -j1 and -j4 give the same bytes"
  else
    echo "FAIL $cmd: -j1 and -j4 differ"; FAILED=1
  fi
done

if [ $FAILED = 0 ]; then echo "all bad-input checks passed"; fi
exit $FAILED
