# Sourced by the validation tests: installs an npm package into a directory
# of the build tree (never globally; its download cache too), or exits 77, which CTest reports as
# skipped, when npm is missing or the package cannot be installed.
# npm_tool DIR PACKAGE@VERSION
npm_tool() {
  local dir=$1 package=$2
  local marker="$dir/.installed-${package//[\/@]/_}"
  if ! command -v npm >/dev/null; then
    echo "skipped: npm is not installed (./dev installs it from Debian)"; exit 77
  fi
  if [ ! -f "$marker" ]; then
    mkdir -p "$dir"
    if ! npm install --prefix "$dir" --cache "$dir/.npm-cache" --no-audit --no-fund --loglevel=error "$package" >"$dir/npm.log" 2>&1; then
      echo "skipped: cannot install $package from the npm registry:"; tail -5 "$dir/npm.log"; exit 77
    fi
    touch "$marker"
  fi
}
