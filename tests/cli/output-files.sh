#!/usr/bin/env bash
# Reports, and the register's files, are written whole or not at all, where
# the user asked, without replacing what is not a plain file of theirs; a
# text report says when the run was incomplete; text output escapes control
# bytes.
# Usage: output-files.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$1
ANNOTATIONS=$(cd "$2" && pwd)
source "$(dirname "$0")/common.sh"

# Enough elements for a JSON inventory of a few kilobytes: more than the
# file size limit below, less than a stdio buffer.
{
  echo '#include <pdflow/annotations.h>'
  echo '#include <string>'
  echo 'struct Customer {'
  for i in $(seq 1 9); do echo "  PDFLOW_DATA(contact.email) std::string email$i;"; done
  echo '};'
} >"$WORK/good.cpp"
cat >"$WORK/broken.cpp" <<'CPP'
int f() { return undeclared_name; }
CPP
make_db "$WORK/db" "$WORK/good.cpp"
make_db "$WORK/dbbroken" "$WORK/good.cpp" "$WORK/broken.cpp"
OUT="$WORK/out"
mkdir -p "$OUT"
no_leftovers() { ! ls -A "$OUT" | grep -q 'pdflow-'; }

# 1. Whatever -o names keeps being what it was.
expect "-o writes a new file" 0 "" -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/new.txt"
check "  with the report in it" grep -q "Customer::email1 contact.email" "$OUT/new.txt"

echo "old" >"$OUT/private.txt" && chmod 600 "$OUT/private.txt"
expect "-o over an existing file" 0 "" -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/private.txt"
check "  keeps its mode 600" [ "$(stat -c %a "$OUT/private.txt")" = 600 ]
check "  and holds the new report" grep -q "Customer::email1" "$OUT/private.txt"

echo "old" >"$OUT/real.txt" && ln -s real.txt "$OUT/link.txt"
expect "-o through a symlink" 0 "" -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/link.txt"
check "  leaves the link a link" [ -L "$OUT/link.txt" ]
check "  and writes its target" grep -q "Customer::email1" "$OUT/real.txt"

mkfifo "$OUT/fifo"
timeout 20 cat "$OUT/fifo" >"$WORK/from-fifo" &
READER=$!
expect "-o into a FIFO" 0 "" -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/fifo"
wait $READER
check "  writes through it" grep -q "Customer::email1" "$WORK/from-fifo"
check "  and leaves it a FIFO" [ -p "$OUT/fifo" ]

if [ "$(id -u)" = 0 ]; then
  mknod "$OUT/null" c 1 3 # a /dev/null of our own: the real one is not ours to risk
  expect "-o into a device node" 0 "" -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/null"
  check "  leaves it a device" [ -c "$OUT/null" ]
  rm -f "$OUT/null"
else
  echo "skip -o into a device node: needs root for mknod"
fi

mkdir "$OUT/dir"
expect "-o naming a directory is refused" 2 "pdflow: error: cannot write '.*/dir': is a directory" \
  -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/dir"
expect "-o into a missing directory" 2 "cannot write '.*/missing/r.txt': no such file or directory" \
  -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/missing/r.txt"

# 2. Write errors: a full disk (a file size limit, SIGXFSZ ignored) keeps
# the previous good report and says why.
"$PDFLOW" inventory -p "$WORK/db" --format json -o "$OUT/report.json"
cp "$OUT/report.json" "$WORK/good-report.json"
check "  (the report is larger than the limit below)" [ "$(stat -c %s "$WORK/good-report.json")" -gt 2048 ]
expect "a full disk is an error, exit 2" 2 "cannot write '.*/report.json': file too large" \
  -- bash -c "trap '' XFSZ; ulimit -f 2; exec \"\$@\"" _ \
     "$PDFLOW" inventory -p "$WORK/db" --format json -o "$OUT/report.json"
check "  the previous report is intact" cmp -s "$OUT/report.json" "$WORK/good-report.json"
check "  no temporary file is left" no_leftovers
# A small report is written from a buffer at close: the error shows there.
echo "the previous good report" >"$OUT/small.txt"
expect "a full disk when the report is flushed at close" 2 "cannot write '.*/small.txt': file too large" \
  -- bash -c "trap '' XFSZ; ulimit -f 0; exec \"\$@\"" _ \
     "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/small.txt"
check "  the previous report is intact" grep -q "the previous good report" "$OUT/small.txt"
check "  no temporary file is left" no_leftovers

if [ -w /dev/full ]; then
  for cmd in "scan -p $WORK/db" "inventory -p $WORK/db" "register -p $WORK/db" "rules" "--help"; do
    expect "pdflow $cmd > /dev/full: exit 2" 2 "cannot write to standard output: no space left on device" \
      -- bash -c "\"\$@\" >/dev/full" _ "$PDFLOW" $cmd
  done
else
  echo "skip writes to /dev/full: not available"
fi

# 3. register writes its files the same way, one or several from one run.
echo "old" >"$OUT/reg.yaml" && chmod 600 "$OUT/reg.yaml"
expect "register -o over an existing file" 0 "" -- "$PDFLOW" register -p "$WORK/db" -o "$OUT/reg.yaml"
check "  keeps its mode 600" [ "$(stat -c %a "$OUT/reg.yaml")" = 600 ]
check "  and holds the register" grep -q "^pdflow_register: " "$OUT/reg.yaml"
cp "$OUT/reg.yaml" "$WORK/good-reg.yaml"
echo "old" >"$OUT/reg-real.md" && ln -s reg-real.md "$OUT/reg-link.md"
expect "register, two -o, one through a symlink" 0 "" \
  -- "$PDFLOW" register -p "$WORK/db" -o "$OUT/reg-link.md" -o "$OUT/reg.csv"
check "  leaves the link a link" [ -L "$OUT/reg-link.md" ]
check "  and writes its target" grep -q "^# Record of processing activities" "$OUT/reg-real.md"
check "  and the other file" grep -q "Name of the processing" "$OUT/reg.csv"
mkfifo "$OUT/reg-fifo"
timeout 20 cat "$OUT/reg-fifo" >"$WORK/reg-from-fifo" &
READER=$!
expect "register -o into a FIFO" 0 "" -- "$PDFLOW" register -p "$WORK/db" --format yaml -o "$OUT/reg-fifo"
wait $READER
check "  writes through it" grep -q "^pdflow_register: " "$WORK/reg-from-fifo"
check "  and leaves it a FIFO" [ -p "$OUT/reg-fifo" ]
expect "register -o naming a directory is refused" 2 "pdflow: error: cannot write '.*/dir': is a directory" \
  -- "$PDFLOW" register -p "$WORK/db" --format yaml -o "$OUT/dir"
expect "register, a full disk is an error, exit 2" 2 "cannot write '.*/reg.yaml': file too large" \
  -- bash -c "trap '' XFSZ; ulimit -f 0; exec \"\$@\"" _ \
     "$PDFLOW" register -p "$WORK/db" -o "$OUT/reg.yaml" -o "$OUT/reg2.md"
check "  the previous register is intact" cmp -s "$OUT/reg.yaml" "$WORK/good-reg.yaml"
check "  the other file is not written either" [ ! -e "$OUT/reg2.md" ]
check "  no temporary file is left" no_leftovers
expect "register, no room for the workbook: exit 2" 2 "cannot write the workbook" \
  -- bash -c "trap '' XFSZ; ulimit -f 0; exec \"\$@\"" _ \
     "$PDFLOW" register -p "$WORK/db" -o "$OUT/reg.yaml" -o "$OUT/reg.xlsx"
check "  the previous register is intact" cmp -s "$OUT/reg.yaml" "$WORK/good-reg.yaml"
check "  no temporary file is left" no_leftovers

# 4. The temporary file is unique: a file named like the old fixed one is
# not ours and stays.
echo "someone else's" >"$OUT/shared.txt.pdflow-tmp"
expect "-o next to a file named like an old temporary" 0 "" \
  -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/shared.txt"
check "  leaves that file alone" grep -q "someone else's" "$OUT/shared.txt.pdflow-tmp"
rm -f "$OUT/shared.txt.pdflow-tmp"
check "  and no temporary file of its own" no_leftovers
# Killed while writing (SIGXFSZ, not ignored this time: the write past the
# limit kills the process): the temporary file goes with it.
expect "killed by a signal while writing the report" 153 "" \
  -- bash -c "ulimit -f 2; exec \"\$@\"" _ \
     "$PDFLOW" inventory -p "$WORK/db" --format json -o "$OUT/report.json"
check "  the previous report is intact" cmp -s "$OUT/report.json" "$WORK/good-report.json"
check "  no temporary file is left" no_leftovers
# Two runs writing the same -o at once each use their own temporary file:
# both succeed, and the file holds one whole report.
"$PDFLOW" inventory -p "$WORK/db" -o "$OUT/both.txt" & FIRST=$!
"$PDFLOW" inventory -p "$WORK/db" --format json -o "$OUT/both.txt" & SECOND=$!
wait $FIRST; FIRST_RC=$?
wait $SECOND; SECOND_RC=$?
check "two runs writing the same -o at once both succeed" [ "$FIRST_RC $SECOND_RC" = "0 0" ]
check "  and leave one whole report" bash -c \
  "cmp -s '$OUT/both.txt' '$OUT/new.txt' || cmp -s '$OUT/both.txt' '$WORK/good-report.json'"
check "  and no temporary file" no_leftovers

# 5. A text report written to a file says the run was incomplete.
expect "inventory -o, a file that does not parse" 3 "" \
  -- "$PDFLOW" inventory -p "$WORK/dbbroken" -o "$OUT/incomplete.txt"
check "  the report names it" grep -q "broken.cpp: error: analysis incomplete: this file was not analysed" "$OUT/incomplete.txt"
check "  with the compiler's error" grep -q "undeclared identifier 'undeclared_name'" "$OUT/incomplete.txt"
expect "scan -o, a file that does not parse" 3 "" \
  -- "$PDFLOW" scan -p "$WORK/dbbroken" -o "$OUT/incomplete-scan.txt"
check "  the report names it" grep -q "broken.cpp: error: analysis incomplete: this file was not analysed" "$OUT/incomplete-scan.txt"
check "  with the compiler's error" grep -q "undeclared identifier 'undeclared_name'" "$OUT/incomplete-scan.txt"
printf 'version: 1\nactivitiez: []\n' >"$WORK/bad.yaml"
expect "scan -o with a config error" 2 "" \
  -- "$PDFLOW" scan -p "$WORK/db" --config "$WORK/bad.yaml" -o "$OUT/config-error.txt"
check "  the report says so" grep -q "bad.yaml:2:1: error: unknown key 'activitiez'" "$OUT/config-error.txt"
check "  and that it was made despite it" grep -q "made despite the errors" "$OUT/config-error.txt"
expect "a complete run" 0 "" -- "$PDFLOW" inventory -p "$WORK/db" -o "$OUT/complete.txt"
check "  has no such lines" bash -c "! grep -q 'incomplete\|despite' '$OUT/complete.txt'"

# 6. Control bytes from code and config are escaped in text output; JSON
# stays valid; a file name that is not UTF-8 can be read back.
cat >"$WORK/evil.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>
struct Customer { PDFLOW_DATA(contact.email) std::string email; };
[[clang::annotate("pdflow.sink", "third-party, recipient = \"Evil \x1b[2J\nCorp\", country = FR")]]
void send(const std::string &s);
void run(const Customer &c) { send(c.email); }
CPP
make_db "$WORK/dbevil" "$WORK/evil.cpp"
expect "a recipient with control bytes" 0 "third-party 'Evil \\\\x1b\[2J\\\\nCorp'" \
  -- "$PDFLOW" scan -p "$WORK/dbevil" --flows --fail-on error
check "  no raw escape byte reaches the terminal" \
  bash -c "! \"\$@\" 2>&1 | grep -q \$'\\x1b'" _ "$PDFLOW" scan -p "$WORK/dbevil" --flows
"$PDFLOW" scan -p "$WORK/dbevil" --format json -o "$OUT/evil.json"
has_python() { command -v python3 >/dev/null || { echo "skip (no python3): $1"; return 1; }; }
has_python "JSON validity" && check "  JSON stays valid" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$OUT/evil.json"

LATIN1=$(printf 'caf\351')
mkdir -p "$WORK/src"
cp "$WORK/evil.cpp" "$WORK/src/$LATIN1.cpp"
make_db "$WORK/dblatin" "$WORK/src/$LATIN1.cpp"
expect "a file name that is not UTF-8 is escaped" 0 "src/caf\\\\xe9.cpp:3:" \
  -- "$PDFLOW" inventory -p "$WORK/dblatin"
"$PDFLOW" inventory -p "$WORK/dblatin" --format json -o "$OUT/latin.json"
has_python "JSON file name" && check "  and recoverable from JSON" python3 - "$OUT/latin.json" "$WORK/src/$LATIN1.cpp" <<'PY'
import codecs, json, os, sys
report = json.load(open(sys.argv[1]))
name = report["elements"][0]["file"]
raw = codecs.escape_decode(name.encode())[0]
sys.exit(0 if os.fsencode(sys.argv[2]).endswith(raw) else 1)
PY

finish
