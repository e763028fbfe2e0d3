#!/usr/bin/env bash
# Measures `pdflow scan` against the cost of parsing the same code with
# `clang -fsyntax-only`, on synthetic projects with known flows.
#
#   bench/scan_bench.sh [options] [N...]        (default N: 100 1000 5000)
#
#   -m M            functions per translation unit (default 10; with
#                   --generator real-shapes: helpers per TU, default 8)
#   --generator G   basic (bench/gen_project.sh, the default) or real-shapes
#                   (bench/gen_real_shapes.py: field chains and cycles, a
#                   session object, one logger, a recursive SCC...)
#   --gen-args A    more options for the generator, one string ("--scc-size 0")
#   --timeout S     stop a pdflow run after S seconds and report it as
#                   "did not finish in S s" (default: no limit)
#   --pdflow PATH   the pdflow binary to measure (same as PDFLOW=PATH)
#   -j J            parallel jobs, for pdflow and for the clang baseline
#                   (default: the number of CPUs)
#   -r R            repetitions; the table shows medians (default 3)
#   --baseline-only run clang only (also the default when no pdflow binary exists)
#   --keep          keep the generated projects and outputs (printed at the end)
#   -h, --help      this help
#
# Environment: PDFLOW (default: build/tool/cli/pdflow in this repository),
# CLANG (default: clang-19), TMPDIR (where projects are generated).
# See bench/README.md for what the columns mean.
set -euo pipefail

usage() {
  sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

die() {
  echo "scan_bench.sh: $*" >&2
  exit 2
}

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
M=""
GENERATOR=basic
GEN_ARGS=""
TIMEOUT=""
PDFLOW_ARG=""
JOBS="$(nproc 2>/dev/null || echo 1)"
REPS=3
BASELINE_ONLY=0
KEEP=0
SIZES=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -m) M="${2:?-m needs a value}"; shift 2 ;;
    --generator) GENERATOR="${2:?--generator needs basic or real-shapes}"; shift 2 ;;
    --gen-args) GEN_ARGS="${2?--gen-args needs a value}"; shift 2 ;;
    --timeout) TIMEOUT="${2:?--timeout needs a value}"; shift 2 ;;
    --pdflow) PDFLOW_ARG="${2:?--pdflow needs a path}"; shift 2 ;;
    -j) JOBS="${2:?-j needs a value}"; shift 2 ;;
    -r) REPS="${2:?-r needs a value}"; shift 2 ;;
    --baseline-only) BASELINE_ONLY=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "scan_bench.sh: unknown option '$1'" >&2; usage 2 ;;
    *) SIZES+=("$1"); shift ;;
  esac
done
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100 1000 5000)
case "$GENERATOR" in
  basic) M="${M:-10}" ;;
  real-shapes) M="${M:-8}" ;;
  *) die "--generator takes basic or real-shapes, not '$GENERATOR'" ;;
esac
for v in "$M" "$JOBS" "$REPS" "${SIZES[@]}" ${TIMEOUT:+"$TIMEOUT"}; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "'$v' is not a positive integer"
done

# --- Tools --------------------------------------------------------------------
CLANG="${CLANG:-clang-19}"
command -v "$CLANG" >/dev/null || die "no '$CLANG' on PATH (set CLANG=...)"
command -v awk >/dev/null || die "awk is required"
command -v xargs >/dev/null || die "xargs is required"

PDFLOW="${PDFLOW_ARG:-${PDFLOW:-$REPO/build/tool/cli/pdflow}}"
if [[ $BASELINE_ONLY -eq 0 && ! -x "$PDFLOW" ]]; then
  echo "note: no pdflow binary at '$PDFLOW' (set PDFLOW=...): measuring the clang baseline only" >&2
  BASELINE_ONLY=1
fi

# GNU time gives wall time and peak RSS in one go; without it, bash's own
# clock still gives wall time.
GNU_TIME=""
if [[ -x /usr/bin/time ]] && /usr/bin/time --version 2>&1 | grep -q GNU; then
  GNU_TIME=/usr/bin/time
else
  echo "note: GNU time not found (Debian/Ubuntu: apt-get install time): peak RSS will show as n/a" >&2
fi

# Counting the flows in pdflow's JSON needs a JSON reader.
JSON_COUNT=""
if command -v jq >/dev/null; then
  JSON_COUNT=jq
elif command -v python3 >/dev/null; then
  JSON_COUNT=python3
elif [[ $BASELINE_ONLY -eq 0 ]]; then
  echo "note: neither jq nor python3 found: flows found will show as n/a" >&2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pdflow-bench.XXXXXX")"
cleanup() {
  if [[ $KEEP -eq 1 ]]; then
    echo "kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# --- Measuring ----------------------------------------------------------------
# timed OUT_PREFIX CMD...: runs CMD, stdout to OUT_PREFIX.out, stderr to
# OUT_PREFIX.err; prints "WALL_S CPU_S RSS_KB STATUS" (CPU_S and RSS_KB are
# "n/a" without GNU time). With --timeout, CMD runs under timeout(1), which
# exits 124 when it stops CMD.
timed() {
  local prefix="$1"
  shift
  local status=0
  [[ -z "$TIMEOUT" ]] || set -- timeout --kill-after=10 "$TIMEOUT" "$@"
  if [[ -n "$GNU_TIME" ]]; then
    "$GNU_TIME" -f '%e %U %S %M' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" || status=$?
    # GNU time adds a "Command exited with non-zero status" line first.
    tail -n 1 "$prefix.time" | awk -v st="$status" '{ printf "%s %.2f %s %s\n", $1, $2 + $3, $4, st }'
  else
    local start end
    start=$(date +%s.%N)
    "$@" >"$prefix.out" 2>"$prefix.err" || status=$?
    end=$(date +%s.%N)
    echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') n/a n/a $status"
  fi
}

median() { # numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

max_or_na() { # numbers or n/a on stdin
  awk '$1 != "n/a" { if (!seen || $1 > m) m = $1; seen = 1 } END { print seen ? m : "n/a" }'
}

# The planted flows of a real-shapes project that the scan found: each
# planted_flows.tsv line (file, line, element) matched by a flow whose sink
# is at that line and whose element has that name.
count_planted() { # PROJECT JSON
  python3 - "$1" "$2" <<'PY' 2>/dev/null || echo "n/a"
import json, os, sys
proj, scan = sys.argv[1], json.load(open(sys.argv[2]))
names = {e["id"]: e["name"] for e in scan["elements"]}
rel = lambda p: os.path.relpath(p, proj) if os.path.isabs(p) else p
got = {(rel(f["location"]["file"]), f["location"]["line"], names.get(f["element"]))
       for f in scan["flows"] if f.get("location")}
planted = [l.split("\t") for l in open(os.path.join(proj, "planted_flows.tsv")).read().splitlines()]
print(sum((p[0], int(p[1]), p[2]) in got for p in planted))
PY
}

count_flows() { # JSON file
  case "$JSON_COUNT" in
    jq) jq '.flows | length' "$1" 2>/dev/null || echo "n/a" ;;
    python3) python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["flows"]))' "$1" \
               2>/dev/null || echo "n/a" ;;
    *) echo "n/a" ;;
  esac
}

# The baseline: every TU parsed with the compile database's flags (and the
# macro pdflow predefines, so both parse the same code), JOBS at a time. A
# separate bash so GNU time measures it as one process tree.
CLANG_BASELINE='mapfile -t flags <"$1/flags.txt"
find "$1/src" -name "*.cpp" -print0 | sort -z |
  xargs -0 -n 1 -P "$2" "$3" -fsyntax-only -D__PDFLOW__ "${flags[@]}"'

kb_to_mb() { awk -v k="$1" 'BEGIN { if (k == "n/a") print "n/a"; else printf "%.0f", k / 1024 }'; }

# --- Main loop ----------------------------------------------------------------
echo "pdflow scan benchmark: M=$M functions/TU, -j $JOBS, $REPS repetitions, median wall time" >&2
[[ $BASELINE_ONLY -eq 1 ]] || echo "pdflow: $PDFLOW" >&2
echo "clang:  $(command -v "$CLANG")" >&2

ROWS=()
for N in "${SIZES[@]}"; do
  proj="$WORK/n$N"
  echo "== N=$N: generating $proj" >&2
  if [[ "$GENERATOR" == basic ]]; then
    # shellcheck disable=SC2086 # GEN_ARGS is a list of options
    "$REPO/bench/gen_project.sh" -m "$M" $GEN_ARGS "$proj" "$N"
  else
    # shellcheck disable=SC2086
    python3 "$REPO/bench/gen_real_shapes.py" -m "$M" $GEN_ARGS "$proj" "$N"
  fi
  expected="$(cat "$proj/expected_flows.txt")"
  dnf=0

  : >"$WORK/n$N.clang.times"
  : >"$WORK/n$N.pdflow.times"
  found="n/a"
  for ((rep = 1; rep <= REPS; rep++)); do
    echo "   rep $rep/$REPS: clang -fsyntax-only" >&2
    read -r secs cpu rss status < <(timed "$WORK/n$N.clang.$rep" \
      bash -c "$CLANG_BASELINE" clang-baseline "$proj" "$JOBS" "$CLANG")
    if [[ "$status" != 0 ]]; then
      echo "scan_bench.sh: clang failed on the generated project (exit $status):" >&2
      head -n 20 "$WORK/n$N.clang.$rep.err" >&2
      KEEP=1
      exit 1
    fi
    echo "$secs $cpu $rss" >>"$WORK/n$N.clang.times"

    [[ $BASELINE_ONLY -eq 1 ]] && continue
    echo "   rep $rep/$REPS: pdflow scan" >&2
    # Run from the project so pdflow finds the project's .pdflow.yaml.
    read -r secs cpu rss status < <(cd "$proj" && timed "$WORK/n$N.pdflow.$rep" \
      "$PDFLOW" scan -p "$proj" --flows --format json -j "$JOBS")
    # 0: no findings, 1: findings at or above --fail-on; 124: stopped by
    # --timeout (the remaining repetitions are skipped: the median of runs
    # that cannot finish is not a number); anything else failed.
    if [[ -n "$TIMEOUT" && "$status" == 124 ]]; then
      echo "   pdflow did not finish in $TIMEOUT s" >&2
      dnf=1
      break
    fi
    if [[ "$status" != 0 && "$status" != 1 ]]; then
      echo "scan_bench.sh: pdflow scan exited $status (2: usage/config error, 3: incomplete):" >&2
      head -n 20 "$WORK/n$N.pdflow.$rep.err" >&2
      KEEP=1
      exit 1
    fi
    echo "$secs $cpu $rss" >>"$WORK/n$N.pdflow.times"
    found="$(count_flows "$WORK/n$N.pdflow.$rep.out")"
    if [[ -f "$proj/planted_flows.tsv" ]]; then
      found="$found (planted: $(count_planted "$proj" "$WORK/n$N.pdflow.$rep.out"))"
    fi
  done

  clang_wall="$(awk '{ print $1 }' "$WORK/n$N.clang.times" | median)"
  clang_cpu="$(awk '$2 != "n/a" { print $2 }' "$WORK/n$N.clang.times" | median)"
  clang_rss="$(kb_to_mb "$(awk '{ print $3 }' "$WORK/n$N.clang.times" | max_or_na)")"
  if [[ $BASELINE_ONLY -eq 1 ]]; then
    pd_wall="n/a" pd_cpu="n/a" pd_rss="n/a" ratio="n/a" found="n/a"
  else
    pd_wall="$(awk '{ print $1 }' "$WORK/n$N.pdflow.times" | median)"
    [[ $dnf -eq 0 ]] || pd_wall="dnf in $TIMEOUT s"
    pd_cpu="$(awk '$2 != "n/a" { print $2 }' "$WORK/n$N.pdflow.times" | median)"
    pd_rss="$(kb_to_mb "$(awk '{ print $3 }' "$WORK/n$N.pdflow.times" | max_or_na)")"
    ratio="$(awk -v p="$pd_wall" -v c="$clang_wall" 'BEGIN { if (c > 0) printf "%.2f", p / c; else print "n/a" }')"
    if [[ $dnf -eq 1 ]]; then
      ratio="$(awk -v p="$TIMEOUT" -v c="$clang_wall" 'BEGIN { printf "> %.1f", p / c }')"
      found="n/a"
    fi
  fi
  functions=$((N * (M + 3)))
  [[ "$GENERATOR" == basic ]] || functions="$(cat "$proj/functions.txt")"
  ROWS+=("$N|$functions|$pd_wall|$clang_wall|$ratio|$pd_cpu|$clang_cpu|$pd_rss|$clang_rss|$found / $expected")
  # Keep the bulky project only when asked; its outputs stay until exit.
  [[ $KEEP -eq 1 ]] || rm -rf "$proj"
done

# --- Report -----------------------------------------------------------------------
printf '\n'
{
  echo "N|functions|pdflow wall s|clang wall s|ratio|pdflow CPU s|clang CPU s|pdflow peak RSS MB|clang peak RSS MB/process|flows found / expected"
  printf '%s\n' "${ROWS[@]}"
} | awk -F'|' '
  { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } ; rows = NR; cols = NF }
  END {
    for (r = 1; r <= rows; r++) {
      line = ""
      for (i = 1; i <= cols; i++) line = line (i > 1 ? "  " : "") sprintf("%-" w[i] "s", cell[r, i])
      sub(/ +$/, "", line)
      print line
      if (r == 1) { line = ""; for (i = 1; i <= cols; i++) { d = ""; for (k = 0; k < w[i]; k++) d = d "-"; line = line (i > 1 ? "  " : "") d } print line }
    }
  }'
