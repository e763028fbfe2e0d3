#!/usr/bin/env bash
# Every exit code of `pdflow scan` (DESIGN.md section 5), in each output
# format, with what the -o file must say: 0 clean, 1 findings at or above
# --fail-on, 2 usage or config error, 3 analysis incomplete (the failed
# file named in every format) unless --allow-incomplete.
# Usage: exit-codes.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$(realpath "$1")
ANNOTATIONS=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
source "$(dirname "$0")/lib.sh"
cd "$WORK"

cat >leak.cpp <<'CPP'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Customer { PDFLOW_DATA(contact.email) std::string email; };
void greet(const Customer &c) { std::printf("%s\n", c.email.c_str()); }
CPP
cat >clean.cpp <<'CPP'
int answer() { return 42; }
CPP
cat >broken.cpp <<'CPP'
int f() { return undeclared_name; }
CPP
printf 'version: 1\nactivities:\n  - {id: billing, purposes: [billing\n' >broken.yaml
make_db "$WORK/clean" "$WORK/clean.cpp"
make_db "$WORK/leak" "$WORK/leak.cpp"
make_db "$WORK/broken" "$WORK/clean.cpp" "$WORK/broken.cpp"
make_db "$WORK/broken-leak" "$WORK/leak.cpp" "$WORK/broken.cpp"

for fmt in text json sarif; do
  out="$WORK/out.$fmt"

  # 0: nothing to report.
  rm -f "$out"
  expect "$fmt: clean code exits 0" 0 "" -- "$PDFLOW" scan -p clean --format "$fmt" -o "$out"
  case $fmt in
    text) [ -f "$out" ] && [ ! -s "$out" ] && echo "ok   text: empty report" ||
            { echo "FAIL text: the clean report is not empty"; FAILED=1; } ;;
    json) check_flat "json: no findings" "$out" '"findings": \[\]' ;;
    sarif) check_flat "sarif: no results" "$out" '"results": \[\]'
           check "sarif: the run succeeded" "$out" '"executionSuccessful": true' ;;
  esac
  expect "$fmt: findings below --fail-on exit 0" 0 "" \
    -- "$PDFLOW" scan -p leak --format "$fmt" -o "$out" --fail-on error

  # 1: findings at or above --fail-on (default warning).
  rm -f "$out"
  expect "$fmt: a finding exits 1" 1 "" -- "$PDFLOW" scan -p leak --format "$fmt" -o "$out"
  case $fmt in
    text) check "text: the finding" "$out" 'leak.cpp:5:[0-9]+: warning: .*\[personal-data-in-logs\]$' ;;
    json) check "json: the finding" "$out" '"rule": "personal-data-in-logs"' ;;
    sarif) check "sarif: the result" "$out" '"ruleId": "personal-data-in-logs"' ;;
  esac

  # 2: a usage error writes nothing; a config error is reported and the
  # analysis still runs.
  rm -f "$out"
  expect "$fmt: unknown option exits 2" 2 "unknown option '--fail-onn'" \
    -- "$PDFLOW" scan -p leak --format "$fmt" -o "$out" --fail-onn error
  [ ! -e "$out" ] && echo "ok   $fmt: nothing written on a usage error" ||
    { echo "FAIL $fmt: a usage error wrote $out"; FAILED=1; }
  expect "$fmt: broken config exits 2" 2 "broken.yaml:[0-9]+:[0-9]+: error: " \
    -- "$PDFLOW" scan -p clean --format "$fmt" -o "$out" --config broken.yaml
  case $fmt in
    text) [ -f "$out" ] && echo "ok   text: report written" || { echo "FAIL text: no report"; FAILED=1; } ;;
    json) check_flat "json: the config error" "$out" '"diagnostics": \[ \{ "column": [0-9]+, "file": "broken.yaml"' ;;
    sarif) check_flat "sarif: the config error" "$out" '"toolConfigurationNotifications": \[ \{ "descriptor": \{ "id": "tool-diagnostic" \}, "level": "error", "locations": \[ \{ "physicalLocation": \{ "artifactLocation": \{ "uri": "broken.yaml"'
           check "sarif: the run failed" "$out" '"executionSuccessful": false' ;;
  esac

  # 3: a file was not analysed (here: it does not compile); it is named in
  # the report itself.
  rm -f "$out"
  expect "$fmt: a file that fails to parse exits 3" 3 "analysis incomplete: broken.cpp was not analysed" \
    -- "$PDFLOW" scan -p broken --format "$fmt" -o "$out"
  case $fmt in
    text) check "text: the incomplete file" "$out" '^broken.cpp: error: analysis incomplete: ' ;;
    json) check_flat "json: the incomplete file" "$out" '"incomplete": \[ "broken.cpp" \]' ;;
    sarif) check_flat "sarif: the incomplete file" "$out" '"id": "incomplete-translation-unit" \}, "level": "error", "locations": \[ \{ "physicalLocation": \{ "artifactLocation": \{ "uri": "broken.cpp"'
           check "sarif: the run failed" "$out" '"executionSuccessful": false' ;;
  esac

  # --allow-incomplete: the code follows the findings; the file is still named.
  rm -f "$out"
  expect "$fmt: --allow-incomplete, nothing else: exit 0" 0 "analysis incomplete: broken.cpp was not analysed" \
    -- "$PDFLOW" scan -p broken --format "$fmt" -o "$out" --allow-incomplete
  check "$fmt: still named with --allow-incomplete" "$out" 'broken.cpp'
  expect "$fmt: --allow-incomplete with a finding: exit 1" 1 "" \
    -- "$PDFLOW" scan -p broken-leak --format "$fmt" -o "$out" --allow-incomplete
done

# Same input, same bytes, whatever -j.
"$PDFLOW" scan -p broken-leak --format sarif -o j1.sarif -j1 2>/dev/null
"$PDFLOW" scan -p broken-leak --format sarif -o j4.sarif -j4 2>/dev/null
[ -s j1.sarif ] && cmp -s j1.sarif j4.sarif && echo "ok   sarif: -j1 and -j4 give the same bytes" ||
  { echo "FAIL sarif: -j1 and -j4 differ"; FAILED=1; }

# The format is checked for the command.
expect "sarif is a scan format" 2 "'--format' of 'inventory' must be text or json; got 'sarif', a format of 'scan'" \
  -- "$PDFLOW" inventory -p clean --format sarif
expect "unknown format" 2 "'--format' of 'scan' must be text, json or sarif; got 'xml'\$" \
  -- "$PDFLOW" scan -p clean --format xml
expect "one -o for a report" 2 "'-o' given 2 times; only 'register' writes several files" \
  -- "$PDFLOW" scan -p clean -o a.txt -o b.txt

[ $FAILED = 0 ] && echo "every exit code is produced in every format"
exit $FAILED
