#!/usr/bin/env bash
# Measures `pdflow scan` on a real project against `clang++-19 -fsyntax-only`
# over the same translation units at the same parallelism.
#
#   bench/real/run.sh [options] SRC
#
# SRC is a checkout of a project that has a directory bench/real/NAME/
# (NAME: the checkout's directory name, or --name) holding its .pdflow.yaml
# and compdb.sh, the recipe that produces its compile_commands.json. The
# script fetches nothing: see bench/real/README.md for where checkouts go.
#
#   -j N            parallel jobs for both tools (default 2)
#   --runs N        runs of each tool; the table shows medians (default 3)
#   --timeout S     a pdflow run that takes longer is stopped and reported
#                   as "did not finish in S s" (default 1200; the clang
#                   baseline always runs to the end)
#   --pdflow PATH   the pdflow binary to measure (default: build/tool/cli/pdflow)
#   --name NAME     the project's directory under bench/real/ (default: basename of SRC)
#   --config FILE   the .pdflow.yaml to use (default: bench/real/NAME/.pdflow.yaml)
#   --build DIR     where the compile database is made (default: bench/real/build/NAME)
#   --out DIR       where each run's output goes (default: bench/real/out/NAME-DATE)
#   --reconfigure   make the compile database again even if it exists
#   --only TOOL     run only `syntax` or only `pdflow`
#   --stacks N      gdb stack samples of pdflow taken, 5 s apart, when a run
#                   times out, before it is stopped (default 3; 0: none)
#   -h, --help      this help
set -euo pipefail

usage() {
  sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}
die() {
  echo "run.sh: $*" >&2
  exit 2
}

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JOBS=2 RUNS=3 TIMEOUT=1200 STACKS=3 RECONFIGURE=0 ONLY=""
PDFLOW="$REPO/build/tool/cli/pdflow"
NAME="" CONFIG="" BUILD="" OUT="" SRC=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -j) JOBS="${2:?-j needs a value}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --timeout) TIMEOUT="${2:?--timeout needs a value}"; shift 2 ;;
    --pdflow) PDFLOW="${2:?--pdflow needs a path}"; shift 2 ;;
    --name) NAME="${2:?--name needs a value}"; shift 2 ;;
    --config) CONFIG="${2:?--config needs a file}"; shift 2 ;;
    --build) BUILD="${2:?--build needs a directory}"; shift 2 ;;
    --out) OUT="${2:?--out needs a directory}"; shift 2 ;;
    --reconfigure) RECONFIGURE=1; shift ;;
    --only) ONLY="${2:?--only needs syntax or pdflow}"; shift 2 ;;
    --stacks) STACKS="${2:?--stacks needs a value}"; shift 2 ;;
    -h|--help) usage 0 ;;
    -*) echo "run.sh: unknown option '$1'" >&2; usage 2 ;;
    *) [[ -z "$SRC" ]] || die "one project at a time (got '$SRC' and '$1')"; SRC="$1"; shift ;;
  esac
done
[[ -n "$SRC" ]] || usage 2
[[ -d "$SRC" ]] || die "no checkout at '$SRC' (bench/real/README.md says how to bring one in)"
SRC="$(cd "$SRC" && pwd)"
for v in "$JOBS" "$RUNS" "$TIMEOUT"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "'$v' is not a positive integer"
done
[[ "$STACKS" =~ ^[0-9]+$ ]] || die "--stacks takes a number, got '$STACKS'"
[[ -z "$ONLY" || "$ONLY" == syntax || "$ONLY" == pdflow ]] || die "--only takes 'syntax' or 'pdflow'"
NAME="${NAME:-$(basename "$SRC")}"
PROJECT="$HERE/$NAME"
[[ -d "$PROJECT" ]] || die "no bench/real/$NAME/ (its .pdflow.yaml and compdb.sh); pass --name"
CONFIG="${CONFIG:-$PROJECT/.pdflow.yaml}"
[[ -f "$CONFIG" ]] || die "no config '$CONFIG'"
CONFIG="$(cd "$(dirname "$CONFIG")" && pwd)/$(basename "$CONFIG")"
BUILD="${BUILD:-$HERE/build/$NAME}"
OUT="${OUT:-$HERE/out/$NAME-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$BUILD" "$OUT"
BUILD="$(cd "$BUILD" && pwd)" OUT="$(cd "$OUT" && pwd)"

# --- Tools ----------------------------------------------------------------------
command -v clang++-19 >/dev/null || die "clang++-19 is required"
command -v python3 >/dev/null || die "python3 is required"
/usr/bin/time --version 2>&1 | grep -q GNU || die "GNU time is required for peak RSS (Debian: apt-get install time)"
if [[ "$ONLY" != syntax ]]; then
  [[ -x "$PDFLOW" ]] || die "no pdflow binary at '$PDFLOW' (pass --pdflow)"
  PDFLOW="$(cd "$(dirname "$PDFLOW")" && pwd)/$(basename "$PDFLOW")"
fi
if [[ "$STACKS" -gt 0 ]] && ! command -v gdb >/dev/null; then
  echo "note: no gdb (Debian: apt-get install gdb): no stack samples on timeout" >&2
  STACKS=0
fi

# --- The compile database ----------------------------------------------------------
DB="$BUILD/compile_commands.json"
if [[ $RECONFIGURE -eq 1 || ! -f "$DB" ]]; then
  echo "== $NAME: making the compile database in $BUILD" >&2
  "$PROJECT/compdb.sh" "$SRC" "$BUILD" "$JOBS" || die "$PROJECT/compdb.sh failed (logs in $BUILD)"
fi
TUS="$(python3 "$HERE/compdb.py" count "$DB")"
python3 "$HERE/compdb.py" syntax-only "$DB" "$OUT/syntax-jobs"

# --- Running with a limit -------------------------------------------------------------
# run_limited KIND PREFIX CMD...: runs CMD in its own process group under GNU
# time (stdout to PREFIX.out, stderr to PREFIX.err, time to PREFIX.time) and
# prints "WALL_S CPU_S RSS_KB STATUS", STATUS being the exit code or
# "timeout". A pdflow run that times out is sampled with gdb before it is
# stopped (PREFIX.stacks).
run_limited() {
  local kind="$1" prefix="$2"
  shift 2
  setsid /usr/bin/time -f '%e %U %S %M' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" &
  local leader=$! start=$SECONDS status=0 limit="$TIMEOUT"
  [[ "$kind" == pdflow ]] || limit=$((1 << 30))
  while kill -0 "$leader" 2>/dev/null && ((SECONDS - start < limit)); do
    sleep 1
  done
  if kill -0 "$leader" 2>/dev/null; then
    local child
    child="$(ps -o pid= --ppid "$leader" | head -n 1 | tr -d ' ')"
    if [[ "$kind" == pdflow && -n "$child" && "$STACKS" -gt 0 ]]; then
      sample_stacks "$child" "$prefix.stacks"
    fi
    # Stop the measured command first, so that GNU time still reports its
    # peak memory; then whatever is left of the group.
    [[ -n "$child" ]] && kill -TERM "$child" 2>/dev/null
    sleep 3
    kill -KILL -- "-$leader" 2>/dev/null || true
    wait "$leader" 2>/dev/null || true
    local rss
    rss="$(awk 'END { print ($4 == "" ? "n/a" : $4) }' "$prefix.time" 2>/dev/null || echo n/a)"
    echo "$TIMEOUT n/a $rss timeout"
    return
  fi
  wait "$leader" || status=$?
  tail -n 1 "$prefix.time" | awk -v st="$status" '{ printf "%s %.2f %s %s\n", $1, $2 + $3, $4, st }'
}

sample_stacks() { # PID FILE
  local pid="$1" file="$2" i
  : >"$file"
  for ((i = 1; i <= STACKS; i++)); do
    echo "=== sample $i at $(date +%T), pid $pid" >>"$file"
    timeout 120 gdb -p "$pid" -batch -ex 'thread apply all bt 20' >>"$file" 2>&1 || true
    if ((i < STACKS)); then sleep 5; fi
  done
}

# The functions most often on the sampled stacks: where the time goes.
stack_summary() { # FILE
  grep -oE '^#[0-9]+ +(0x[0-9a-f]+ in )?[A-Za-z_][A-Za-z0-9_:<>, ]*(\(|$)' "$1" 2>/dev/null |
    sed -E 's/^#[0-9]+ +(0x[0-9a-f]+ in )?//; s/ *\($//' | grep -v '^std::\|^__\|^??' |
    sort | uniq -c | sort -rn | head -n 8
}

# The clang baseline: every TU of the database with its own flags, JOBS at a
# time, in one process tree that GNU time measures as a whole.
SYNTAX_CMD='xargs -d "\n" -n 3 -P "$1" sh -c '"'"'cd "$0" && exec "$1" "@$2"'"'"' <"$2"'

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
  printf "%.1f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# --- Measuring -------------------------------------------------------------------------
echo "== $NAME: $TUS TUs, -j $JOBS, $RUNS runs, timeout $TIMEOUT s; outputs in $OUT" >&2
STATS_FLAG=()
if [[ "$ONLY" != syntax ]] && "$PDFLOW" scan --help 2>&1 | grep -q -- '--stats'; then
  STATS_FLAG=(--stats)
fi
: >"$OUT/syntax.runs"
: >"$OUT/pdflow.runs"
SYNTAX_DONE=0 PDFLOW_DONE=0
[[ "$ONLY" == pdflow ]] && SYNTAX_DONE=1
[[ "$ONLY" == syntax ]] && PDFLOW_DONE=1
# The tools alternate, so that load from elsewhere on the machine falls on both.
# A run that does not finish ends that tool's repetitions: the median of runs
# that cannot finish is not a number.
for ((run = 1; run <= RUNS; run++)); do
  if [[ $SYNTAX_DONE -eq 0 ]]; then
    echo "   run $run/$RUNS: clang++-19 -fsyntax-only" >&2
    read -r wall cpu rss status < <(run_limited syntax "$OUT/syntax.$run" \
      bash -c "$SYNTAX_CMD" syntax "$JOBS" "$OUT/syntax-jobs/jobs")
    echo "$run $wall $cpu $rss $status" >>"$OUT/syntax.runs"
    if [[ "$status" != 0 ]]; then
      echo "   clang++-19 exited $status: $(grep -c 'error:' "$OUT/syntax.$run.err" || true) errors (first ones below)" >&2
      grep -m 5 'error:' "$OUT/syntax.$run.err" >&2 || true
      SYNTAX_DONE=1
    fi
  fi
  if [[ $PDFLOW_DONE -eq 0 ]]; then
    echo "   run $run/$RUNS: pdflow scan --flows -j $JOBS" >&2
    # From the build directory, so that no .pdflow.yaml of a parent directory
    # is picked up; the config is named explicitly.
    read -r wall cpu rss status < <(cd "$BUILD" && run_limited pdflow "$OUT/pdflow.$run" \
      "$PDFLOW" scan -p "$BUILD" --config "$CONFIG" --flows --format json -j "$JOBS" "${STATS_FLAG[@]}")
    echo "$run $wall $cpu $rss $status" >>"$OUT/pdflow.runs"
    case "$status" in
      0|1) ;;
      3) echo "   pdflow exited 3 (analysis incomplete): $(grep -m 3 'error' "$OUT/pdflow.$run.err" | tr '\n' ' ')" >&2 ;;
      timeout) echo "   pdflow did not finish in $TIMEOUT s" >&2; PDFLOW_DONE=1 ;;
      *) echo "   pdflow exited $status:" >&2; head -n 10 "$OUT/pdflow.$run.err" >&2; PDFLOW_DONE=1 ;;
    esac
  fi
done

# --- Report --------------------------------------------------------------------------------
# summarize TOOL: "WALL CPU RSS_MB RUNS_LIST STATUS MEDIAN_RUN"
summarize() {
  local runs="$OUT/$1.runs"
  [[ -s "$runs" ]] || { echo "n/a n/a n/a - skipped -"; return; }
  local bad
  bad="$(awk '$5 != 0 && $5 != 1 && $5 != 3 { print $5; exit }' "$runs")"
  local list
  list="$(awk '{ printf "%s%s", (NR > 1 ? "," : ""), ($5 == "timeout" ? "dnf" : $2) }' "$runs")"
  local rss
  rss="$(awk '$4 != "n/a" { if ($4 > m) m = $4 } END { printf "%.0f", m / 1024 }' "$runs")"
  if [[ -n "$bad" ]]; then
    echo "n/a n/a $rss $list $bad -"
    return
  fi
  local wall cpu mrun
  wall="$(awk '{ print $2 }' "$runs" | median)"
  cpu="$(awk '{ print $3 }' "$runs" | median)"
  # The run whose wall time is closest to the median: its phases are shown.
  mrun="$(awk -v m="$wall" '{ d = $2 - m; if (d < 0) d = -d; if (NR == 1 || d < best) { best = d; r = $1 } } END { print r }' "$runs")"
  echo "$wall $cpu $rss $list $(awk -v r="$mrun" '$1 == r { print $5 }' "$runs") $mrun"
}

read -r s_wall s_cpu s_rss s_list s_status _ < <(summarize syntax)
read -r p_wall p_cpu p_rss p_list p_status p_run < <(summarize pdflow)
show_wall() { # WALL STATUS
  case "$2" in
    timeout) echo "did not finish in $TIMEOUT s" ;;
    skipped) echo "not run" ;;
    0|1|3) echo "$1" ;;
    *) echo "failed (exit $2)" ;;
  esac
}
ratio="n/a"
if [[ "$p_status" =~ ^[013]$ && "$s_status" =~ ^[013]$ ]]; then
  ratio="$(awk -v p="$p_wall" -v s="$s_wall" 'BEGIN { printf "%.2f", p / s }')"
elif [[ "$p_status" == timeout && "$s_status" =~ ^[013]$ ]]; then
  ratio="> $(awk -v p="$TIMEOUT" -v s="$s_wall" 'BEGIN { printf "%.1f", p / s }')"
fi

{
  echo "project:  $NAME ($(git -C "$SRC" describe --tags --always 2>/dev/null || echo 'not a git checkout')), $TUS TUs, -j $JOBS"
  [[ "$ONLY" == syntax ]] || echo "pdflow:   $PDFLOW ($("$PDFLOW" --version 2>&1 | head -n 1))"
  echo "config:   $CONFIG"
  echo "machine:  $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo
  printf '%-26s  %-28s  %-24s  %-7s  %-11s\n' "tool" "wall s (median)" "runs, s" "CPU s" "peak RSS MB"
  printf '%-26s  %-28s  %-24s  %-7s  %-11s\n' "clang++-19 -fsyntax-only" "$(show_wall "$s_wall" "$s_status")" \
    "$s_list" "$s_cpu" "$s_rss (one clang)"
  printf '%-26s  %-28s  %-24s  %-7s  %-11s\n' "pdflow scan --flows" "$(show_wall "$p_wall" "$p_status")" \
    "$p_list" "$p_cpu" "$p_rss"
  echo
  echo "ratio pdflow / syntax-only: $ratio"
  if [[ "$p_run" != "-" && -n "$p_run" ]]; then
    stats="$(grep -h '^pdflow: stats:' "$OUT/pdflow.$p_run.err" | tail -n 1 || true)"
    echo "phases (run $p_run): ${stats#pdflow: stats: }"
    [[ -n "$stats" ]] || echo "   (this pdflow prints no per-phase times: no --stats)"
    [[ "$p_status" == 3 ]] && echo "analysis incomplete (exit 3): $(grep -c error "$OUT/pdflow.$p_run.err") error lines in $OUT/pdflow.$p_run.err"
    python3 "$HERE/sample_flows.py" --summary "$OUT/pdflow.$p_run.out" || true
  fi
  for f in "$OUT"/pdflow.*.stacks; do
    [[ -f "$f" ]] || continue
    echo "stack samples: $f; most frequent frames:"
    stack_summary "$f"
  done
} | tee "$OUT/report.txt"
