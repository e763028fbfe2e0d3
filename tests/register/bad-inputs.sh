#!/usr/bin/env bash
# pdflow register on bad input: options, --check files, outputs that cannot
# be written, an incomplete analysis. Each case names its place, exits with
# the documented code, and leaves no half-written file. With them, what the
# options do: several -o, --source-url, -j, the processor's record, --facts.
# Usage: bad-inputs.sh PDFLOW ANNOTATIONS_INCLUDE
set -uo pipefail
PDFLOW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ANNOTATIONS=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

expect() { # NAME CODE PATTERN -- COMMAND...
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

make_db() { # DIR FILE...
  local dir=$1 first=1; shift
  { echo "["
    for f in "$@"; do
      [ $first = 1 ] || echo ","; first=0
      echo "{\"directory\": \"$dir\", \"file\": \"$f\", \"command\": \"g++ -std=c++17 -I$ANNOTATIONS -c $f -o /dev/null\"}"
    done
    echo "]"; } >"$dir/compile_commands.json"
}

mkdir -p "$WORK/p"
cat >"$WORK/p/bill.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>
struct PDFLOW_SUBJECT(customer) Customer { PDFLOW_DATA(contact.email, retention = P3Y) std::string email; };
PDFLOW_SINK(third-party, recipient = "Mailer", country = US, safeguard = scc)
void send(const std::string &to);
PDFLOW_ACTIVITY(billing) void bill(const Customer &c) { send(c.email); }
CPP
cat >"$WORK/p/broken.cpp" <<'CPP'
int f() { return undeclared_name; }
CPP
cat >"$WORK/p/.pdflow.yaml" <<'YAML'
controller: {name: Acme, contact: privacy@acme.example, dpo: {name: Jane, contact: dpo@acme.example}}
security_measures: [TLS]
activities:
  - {id: billing, name: Billing, purposes: [billing], legal_basis: contract, subjects: [customer]}
YAML
make_db "$WORK/p" "$WORK/p/bill.cpp"
cd "$WORK/p"

# Options.
expect "format of another command" 2 "'--format' of 'register' must be yaml, md, html, csv, xlsx or dot; got 'json', a format of 'inventory'" \
  -- "$PDFLOW" register -p . --format json
expect "scan keeps its formats" 2 "'--format' of 'scan' must be text, json or sarif; got 'html', a format of 'register'" \
  -- "$PDFLOW" scan -p . --format html
expect "register options elsewhere" 2 "'--lang', '--check' and '--source-url' are options of 'register'" \
  -- "$PDFLOW" scan -p . --lang fr
expect "unknown language" 2 "'--lang' must be en or fr; got 'de'" -- "$PDFLOW" register -p . --lang de
expect "xlsx needs a file" 2 "'--format xlsx' writes a workbook: give the file with -o FILE" \
  -- "$PDFLOW" register -p . --format xlsx
expect "several outputs and --format" 2 "with several -o, give no '--format'" \
  -- "$PDFLOW" register -p . --format md -o a.md -o b.md
expect "several outputs need extensions" 2 "'out.txt': with several -o, each file needs an extension" \
  -- "$PDFLOW" register -p . -o a.md -o out.txt
expect "typo in an option" 2 "unknown option '--chek'; did you mean '--check'\?" \
  -- "$PDFLOW" register -p . --chek x.yaml
expect "--help lists register" 0 "pdflow register  -p BUILD_DIR" -- "$PDFLOW" --help

# Outputs: the format from the extension; several from one analysis.
expect "format from the extension" 0 "" -- "$PDFLOW" register -p . -o r.html
grep -q '<!DOCTYPE html>' r.html || { echo "FAIL -o r.html is not HTML"; FAILED=1; }
expect "several formats" 0 "" -- "$PDFLOW" register -p . -o r.yaml -o r.csv -o r.xlsx
[ -s r.yaml ] && [ -s r.csv ] && head -c 4 r.xlsx | grep -q PK ||
  { echo "FAIL several -o did not write every file"; FAILED=1; }
ls -A | grep -q 'pdflow-' && { echo "FAIL a temporary file was left"; FAILED=1; }
expect "unwritable output" 2 "cannot write '$WORK/p/nodir/r.md'" \
  -- "$PDFLOW" register -p . -o r2.yaml -o "$WORK/p/nodir/r.md"
[ -e r2.yaml ] && { echo "FAIL r2.yaml written although another output failed"; FAILED=1; }

# --check.
expect "check passes" 0 "the register matches r.yaml" -- "$PDFLOW" register -p . --check r.yaml
sed 's/country: US/country: IN/' r.yaml >moved.yaml
expect "check fails with the change" 1 "recipient 'Mailer': country changed from IN to US" \
  -- "$PDFLOW" register -p . --check moved.yaml
expect "missing --check file" 2 "cannot read 'nothere.yaml'" -- "$PDFLOW" register -p . --check nothere.yaml
printf 'pdflow_register: 1\nactivities:\n  - {id: a, legal_basis: [x]}\n' >bad.yaml
expect "invalid --check file" 2 "bad.yaml:3:26: error: expected a string for 'legal_basis'" \
  -- "$PDFLOW" register -p . --check bad.yaml
printf 'scan: 1\n' >notreg.yaml
expect "not a register" 2 "notreg.yaml:1:1: error: unknown key 'scan' in register" \
  -- "$PDFLOW" register -p . --check notreg.yaml
expect "--check with -o -" 2 "'--check' prints the changes on standard output; give -o a file" \
  -- "$PDFLOW" register -p . --check r.yaml -o -

# --source-url outside a git work tree.
expect "{rev} needs git" 2 "'--source-url' uses \{rev\}, but '.*' is not in a git work tree" \
  -- "$PDFLOW" register -p . --source-url 'https://h/{rev}/{path}#L{line}'
expect "no {rev}, no git needed" 0 "" -- "$PDFLOW" register -p . --source-url 'https://h/{path}#L{line}' -o linked.yaml
grep -q 'url: "https://h/bill.cpp#L6"' linked.yaml || { echo "FAIL no link in linked.yaml"; FAILED=1; }

# In a git work tree, {rev} is its HEAD and {path} is relative to its root.
if command -v git >/dev/null; then
  mkdir -p "$WORK/repo/src" && cp bill.cpp .pdflow.yaml "$WORK/repo/src/" && make_db "$WORK/repo/src" "$WORK/repo/src/bill.cpp"
  git -C "$WORK/repo" init -q && git -C "$WORK/repo" add -A &&
    git -C "$WORK/repo" -c user.name=t -c user.email=t@example.invalid commit -qm x
  REV=$(git -C "$WORK/repo" rev-parse HEAD)
  (cd "$WORK/repo/src" && "$PDFLOW" register -p . --source-url 'https://h/{rev}/{path}#L{line}' -o r.md) 2>/dev/null
  grep -q "(https://h/$REV/src/bill.cpp#L6)" "$WORK/repo/src/r.md" &&
    echo "ok   {rev} and {path} from the git work tree" ||
    { echo "FAIL no link to $REV/src/bill.cpp in r.md"; FAILED=1; }
fi

# Same input, same bytes, whatever -j.
"$PDFLOW" register -p . -j1 -o j1.yaml -o j1.xlsx 2>/dev/null
"$PDFLOW" register -p . -j4 -o j4.yaml -o j4.xlsx 2>/dev/null
cmp -s j1.yaml j4.yaml && cmp -s j1.xlsx j4.xlsx && echo "ok   -j1 and -j4 give the same bytes" ||
  { echo "FAIL -j1 and -j4 differ"; FAILED=1; }

# A processor's record (Art. 30(2)): its own sheet in the workbook.
cat >processor.yaml <<'YAML'
role: processor
controller: {name: Hosting SARL, contact: privacy@hosting.example}
controllers:
  - {name: Client Shop SAS, contact: dpo@client.example, activities: [billing]}
activities:
  - {id: billing, name: Billing, purposes: [billing], legal_basis: contract, subjects: [customer]}
YAML
expect "processor record" 0 "" -- "$PDFLOW" register -p . --config processor.yaml -o p.xlsx -o p.md
grep -q '^## Processing carried out on behalf of controllers (Art. 30(2))$' p.md ||
  { echo "FAIL p.md has no Art. 30(2) record"; FAILED=1; }
mkdir -p px && unzip -q -o p.xlsx -d px &&
  grep -q 'name="Art. 30(2)"' px/xl/workbook.xml && grep -q 'Client Shop SAS' px/xl/sharedStrings.xml &&
  echo "ok   processor record sheet in the workbook" ||
  { echo "FAIL p.xlsx has no Art. 30(2) sheet naming the controller"; FAILED=1; }

# Missing fields on stderr, at their config line.
sed -i 's/legal_basis: contract, //' .pdflow.yaml
expect "missing legal basis" 0 "\.pdflow\.yaml:4:5: warning: activity 'billing': no legal basis \(GDPR Art\. 6\(1\)\); the register shows it as missing" \
  -- "$PDFLOW" register -p . -o r3.yaml

# An incomplete analysis writes nothing.
make_db "$WORK/p" "$WORK/p/bill.cpp" "$WORK/p/broken.cpp"
expect "incomplete analysis" 3 "register not written: the analysis is incomplete" \
  -- "$PDFLOW" register -p . -o r4.yaml
[ -e r4.yaml ] && { echo "FAIL r4.yaml written by an incomplete analysis"; FAILED=1; }

# From sharded facts (pdflow facts --shard K/N): the same bytes as from -p;
# a shard left out is an incomplete analysis, and writes nothing.
cat >"$WORK/p/ship.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>
struct PDFLOW_SUBJECT(customer) Address { PDFLOW_DATA(contact.postal_address) std::string street; };
PDFLOW_SINK(third-party, recipient = "Parcelo", country = FR) void label(const std::string &s);
PDFLOW_ACTIVITY(billing) void ship(const Address &a) { label(a.street); }
CPP
make_db "$WORK/p" "$WORK/p/bill.cpp" "$WORK/p/ship.cpp"
"$PDFLOW" register -p . -o single.yaml -o single.md 2>/dev/null
for k in 1 2; do "$PDFLOW" facts -p . --shard "$k/2" -o "shard$k" 2>/dev/null; done
[ "$(ls shard1 shard2 | grep -c '\.facts\.json$')" = 2 ] ||
  { echo "FAIL facts --shard did not write one file per TU"; FAILED=1; }
expect "register --facts" 0 "" -- "$PDFLOW" register --facts shard2 shard1 -o merged.yaml -o merged.md
cmp -s single.yaml merged.yaml && cmp -s single.md merged.md && grep -q "Parcelo" merged.yaml &&
  echo "ok   register --facts: the same bytes as register -p" ||
  { echo "FAIL register --facts differs from register -p"; diff single.yaml merged.yaml | head; FAILED=1; }
mkdir partial && cp "$(find shard1 shard2 -name "*.facts.json" | sort | head -1)" partial/
expect "register --facts, a shard missing" 3 "register not written: the analysis is incomplete" \
  -- "$PDFLOW" register --facts partial -o part.yaml
[ -e part.yaml ] && { echo "FAIL part.yaml written from a missing shard"; FAILED=1; }
make_db "$WORK/p" "$WORK/p/bill.cpp"

# A file whose analysis crashes, or goes past --tu-timeout, makes the
# analysis incomplete too: named, exit 3, no register.
cat >"$WORK/p/crash.cpp" <<'CPP'
void f() {}
#pragma clang __debug crash
CPP
make_db "$WORK/p" "$WORK/p/bill.cpp" "$WORK/p/crash.cpp"
expect "crashed analysis" 3 "crash.cpp: error: pdflow's analysis of this file crashed" \
  -- "$PDFLOW" register -p . -o r6.yaml
[ -e r6.yaml ] && { echo "FAIL r6.yaml written although a file's analysis crashed"; FAILED=1; }
make_db "$WORK/p" "$WORK/p/bill.cpp"
expect "timed-out analysis" 3 "bill.cpp: error: pdflow's analysis of this file went past --tu-timeout" \
  -- "$PDFLOW" register -p . --tu-timeout 0.000001 -j1 -o r7.yaml
[ -e r7.yaml ] && { echo "FAIL r7.yaml written although a file timed out"; FAILED=1; }

# --stats times the register's output like any other.
expect "--stats" 0 "^pdflow: stats: parse\+extract .* output [0-9.]+ s, peak RSS" \
  -- "$PDFLOW" register -p . --stats -o r8.yaml
[ -s r8.yaml ] || { echo "FAIL --stats: r8.yaml not written"; FAILED=1; }

# Data inferred from names (discovery: infer) is a guess, not a declaration:
# the register lists it apart, to confirm, in every format, never among the
# categories; --check does not count it.
cat >"$WORK/p/guess.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>
PDFLOW_SINK(third-party, recipient = "Mailer", country = US, safeguard = scc)
void send(const std::string &to);
struct Subscriber { std::string email; };
PDFLOW_ACTIVITY(billing) void remind(const Subscriber &s) { send(s.email); }
CPP
{ cat .pdflow.yaml; echo 'discovery: {infer: true}'; } >infer.yaml
make_db "$WORK/p" "$WORK/p/bill.cpp" "$WORK/p/guess.cpp"
expect "the analysis infers Subscriber::email" 0 "Subscriber::email contact.email \\(inferred, confidence" \
  -- "$PDFLOW" inventory -p . --config infer.yaml
"$PDFLOW" register -p . -o r10.yaml 2>/dev/null ||
  { echo "FAIL register without inference"; FAILED=1; }
expect "the register lists inferred data apart" 0 "warning: 1 inferred data element is listed apart, to confirm" \
  -- "$PDFLOW" register -p . --config infer.yaml -o r9.yaml -o r9.md -o r9.html -o r9.csv -o r9.dot \
  -o r9.xlsx
holds() { # NAME FILE PATTERN: the file matches the extended regex
  grep -Eq -- "$3" "$2" && echo "ok   $1" || { echo "FAIL $1: $2 does not match /$3/"; FAILED=1; }
}
lacks() { # NAME FILE PATTERN
  grep -Eq -- "$3" "$2" && { echo "FAIL $1: $2 matches /$3/"; FAILED=1; } || echo "ok   $1"
}
holds "yaml: to confirm, with its fix" r9.yaml \
  '^          - \{element: Subscriber::email, confidence: [0-9]+, reason: .*confirm: "PDFLOW_DATA\(contact.email\) before .*guess.cpp:5:21"\}$'
lacks "yaml: not among the categories" r9.yaml 'elements: \[.*Subscriber'
holds "yaml: the annotated data stays registered" r9.yaml 'elements: \[Customer::email\]'
holds "md: to confirm" r9.md '^### Categories to confirm \(inferred, not part of the register\)$'
holds "html: to confirm" r9.html 'Categories to confirm \(inferred, not part of the register\)'
holds "csv: to confirm" r9.csv 'E-mail address: Subscriber::email \(name has .email., confidence [0-9]+\): PDFLOW_DATA\(contact.email\)'
holds "dot: to confirm" r9.dot '"to-confirm:contact.email" -> "activity:billing"'
mkdir -p r9x && unzip -q -o r9.xlsx -d r9x &&
  holds "xlsx: to confirm" r9x/xl/sharedStrings.xml 'Subscriber::email \(name has'
expect "--check ignores what is to confirm" 0 "the register matches" \
  -- "$PDFLOW" register -p . --config infer.yaml --check r10.yaml
make_db "$WORK/p" "$WORK/p/bill.cpp"

# A broken config writes nothing either.
printf 'role: procesor\n' >"$WORK/bad-config.yaml"
expect "config error" 2 "bad-config.yaml:1:7: error: 'role' must be one of controller, processor" \
  -- "$PDFLOW" register -p . --config "$WORK/bad-config.yaml" -o r5.yaml
[ -e r5.yaml ] && { echo "FAIL r5.yaml written despite a config error"; FAILED=1; }

[ $FAILED = 0 ] && echo "all register bad-input checks passed"
exit $FAILED
