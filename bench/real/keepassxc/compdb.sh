#!/usr/bin/env bash
# Produces KeePassXC's compile database for bench/real/run.sh:
#   compdb.sh SRC BUILD JOBS   ->  BUILD/compile_commands.json
# CMake configures the project with every optional feature on
# (WITH_XC_ALL: browser integration, networking, KeeShare, SSH agent,
# YubiKey, Secret Service) and exports the compile commands. The sources
# include headers that Qt's moc and uic generate at build time (ui_*.h,
# *.moc) and D-Bus adaptor headers that qdbusxml2cpp generates, so those
# steps are run, and nothing else: no object is compiled and nothing of the
# project is run. Only TUs under SRC/src are kept.
# Needs cmake, ninja, clang++-19 and the Debian packages in bench/real/README.md.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: compdb.sh SRC BUILD JOBS" >&2; exit 2; }
mkdir -p "$2"
SRC="$(cd "$1" && pwd)" BUILD="$(cd "$2" && pwd)" JOBS="$3"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$BUILD"
nice cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_AUTOGEN_PARALLEL="$JOBS" -DCMAKE_AUTOGEN_ORIGIN_DEPENDS=OFF \
  -DWITH_XC_ALL=ON -DWITH_XC_DOCS=OFF -DWITH_TESTS=OFF >"$BUILD/cmake.log" 2>&1
# The AUTOGEN step of each target, as its `<target>_autogen` rule runs it,
# without the rule's dependencies (which would build other targets first).
while IFS= read -r info; do
  (cd "$(dirname "$(dirname "$(dirname "$info")")")" && nice cmake -E cmake_autogen "$info" Release) \
    >>"$BUILD/autogen.log" 2>&1
done < <(find "$BUILD" -name AutogenInfo.json | sort)
# D-Bus adaptors (qdbusxml2cpp): their custom command alone, for the same reason.
while IFS= read -r adaptor; do
  (cd "$BUILD" && eval "$(ninja -t commands "$adaptor" | tail -n 1)") >>"$BUILD/autogen.log" 2>&1
done < <(cd "$BUILD" && ninja -t targets all | grep -oE '^src/[^:/]*adaptor\.h' | sort -u)
python3 "$HERE/../compdb.py" filter "$BUILD/compile_commands.json" "$BUILD/compile_commands.src.json" "$SRC/src" >/dev/null
mv "$BUILD/compile_commands.json" "$BUILD/compile_commands.full.json"
mv "$BUILD/compile_commands.src.json" "$BUILD/compile_commands.json"
