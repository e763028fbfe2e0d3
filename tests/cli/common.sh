# Helpers shared by the CLI scripts: source it after setting PDFLOW and
# ANNOTATIONS. Sets WORK (removed on exit) and FAILED.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILED=1; }

# expect NAME CODE PATTERN -- COMMAND...: the exit code is CODE and the
# combined output matches the extended regex PATTERN.
expect() {
  local name=$1 code=$2 pattern=$3
  shift 4
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [ "$rc" != "$code" ]; then
    fail "$name: exit $rc, expected $code"; echo "$out" | head -20; return
  fi
  if ! grep -Eq -- "$pattern" <<<"$out"; then
    fail "$name: output does not match /$pattern/"; echo "$out" | head -20; return
  fi
  pass "$name"
}

# check NAME COMMAND...: the command (a test) succeeds.
check() {
  local name=$1
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
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

finish() {
  if [ $FAILED = 0 ]; then echo "all checks passed"; fi
  exit $FAILED
}
