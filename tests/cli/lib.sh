# Helpers for the command-line test scripts (sourced). The caller sets
# PDFLOW and ANNOTATIONS, and FAILED=0.

# expect NAME CODE PATTERN -- COMMAND...: the exit code is CODE and the
# combined output matches the extended regex PATTERN (empty: anything).
expect() {
  local name=$1 code=$2 pattern=$3
  shift 4
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [ "$rc" != "$code" ]; then
    echo "FAIL $name: exit $rc, expected $code"; echo "$out" | head -20; FAILED=1; return 1
  fi
  if [ -n "$pattern" ] && ! grep -Eq -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output does not match /$pattern/"; echo "$out" | head -20; FAILED=1; return 1
  fi
  echo "ok   $name"
}

# check NAME FILE PATTERN: FILE exists and matches the extended regex PATTERN.
check() {
  if [ -f "$2" ] && grep -Eq -- "$3" "$2"; then
    echo "ok   $1"
  else
    echo "FAIL $1: $2 does not match /$3/"; [ -f "$2" ] && head -20 "$2"; FAILED=1
  fi
}

# check_not NAME FILE PATTERN: FILE exists and does not match PATTERN.
check_not() {
  if [ -f "$2" ] && ! grep -Eq -- "$3" "$2"; then
    echo "ok   $1"
  else
    echo "FAIL $1: $2 matches /$3/ (or is missing)"; FAILED=1
  fi
}

# make_db DIR FILE...: a compile database for these files.
make_db() {
  local dir=$1; shift
  mkdir -p "$dir"
  {
    echo "["
    local first=1 f
    for f in "$@"; do
      [ $first = 1 ] || echo ","
      first=0
      echo "{\"directory\": \"$dir\", \"file\": \"$f\", \"command\": \"g++ -std=c++17 -I$ANNOTATIONS -c $f -o /dev/null\"}"
    done
    echo "]"
  } >"$dir/compile_commands.json"
}

# fingerprints FILE: the sorted "pdflowFingerprint/v1" or "fingerprint"
# values of a SARIF or JSON report, one per line.
fingerprints() {
  grep -Eo '"(pdflowFingerprint/v1|fingerprint)": "[0-9a-f]{32}:[0-9]+"' "$1" | sed -E 's/.*: "(.*)"/\1/' | sort
}

# check_flat NAME FILE PATTERN: as check, on FILE with its newlines and
# indentation removed (for patterns across JSON lines).
check_flat() {
  if [ -f "$2" ] && tr -d '\n' <"$2" | sed -E 's/ +/ /g' | grep -Eq -- "$3"; then
    echo "ok   $1"
  else
    echo "FAIL $1: $2 does not match /$3/"; [ -f "$2" ] && head -30 "$2"; FAILED=1
  fi
}

# reported_fingerprints FILE: as fingerprints, for the top-level "findings"
# array of a JSON scan report only.
reported_fingerprints() {
  sed -n '/^  "findings": \[/,/^  \],\{0,1\}$/p' "$1" >"$1.findings"
  fingerprints "$1.findings"
}
