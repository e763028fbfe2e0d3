#!/usr/bin/env bash
# Produces InspIRCd's compile database for bench/real/run.sh:
#   compdb.sh SRC BUILD JOBS   ->  BUILD/compile_commands.json
# InspIRCd has no CMake build on Linux: its own ./configure (a Perl script)
# writes a GNUmakefile, and `bear` records the compiler invocations of
# `make`. So that recording takes seconds rather than a full build, `make`
# finds a stand-in `clang++-19` first on its PATH that only creates the
# output file it is asked for; the database then names the real clang++-19.
# The set of TUs is the core and the default modules (no extras:
# --disable-auto-extras, so it does not depend on what is installed).
# Nothing of the project is compiled or run. Needs perl, make, bear and clang++-19.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: compdb.sh SRC BUILD JOBS" >&2; exit 2; }
mkdir -p "$2"
SRC="$(cd "$1" && pwd)" BUILD="$(cd "$2" && pwd)" JOBS="$3"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in perl make bear clang++-19; do
  command -v "$tool" >/dev/null || { echo "compdb.sh: '$tool' is required (Debian: apt-get install $tool)" >&2; exit 2; }
done
mkdir -p "$BUILD/stand-in"
cd "$SRC"
CXX=clang++-19 ./configure --disable-interactive --disable-auto-extras --portable --disable-ownership \
  >"$BUILD/configure.log" 2>&1
cat >"$BUILD/stand-in/clang++-19" <<'STANDIN'
#!/bin/sh
# Stand-in compiler: creates the output file, compiles nothing.
out=""
while [ $# -gt 0 ]; do
  case "$1" in -o) out="$2"; shift ;; esac
  shift
done
[ -z "$out" ] || : >"$out"
STANDIN
chmod +x "$BUILD/stand-in/clang++-19"
make clean >"$BUILD/make.log" 2>&1
PATH="$BUILD/stand-in:$PATH" bear --output "$BUILD/compile_commands.full.json" -- make -j "$JOBS" >>"$BUILD/make.log" 2>&1
python3 "$HERE/../compdb.py" filter --compiler clang++-19 \
  "$BUILD/compile_commands.full.json" "$BUILD/compile_commands.json" "$SRC/src" >/dev/null
