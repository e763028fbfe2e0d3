#!/usr/bin/env bash
# The Markdown register as a reader sees it: examples/shop's committed
# register.md and register.fr.md rendered by cmark-gfm (GitHub's CommonMark
# renderer, Debian's cmark-gfm). Every table renders as a table, no
# emphasis marker is left showing in the text, and every in-page link lands
# on an anchor. Exits 77 (skipped) when cmark-gfm is not installed; ./dev
# test installs it.
# Usage: check-markdown.sh SOURCE_DIR
set -uo pipefail
SRC=$(cd "$1" && pwd)
if ! command -v cmark-gfm >/dev/null; then
  echo "skipped: cmark-gfm not installed (./dev test installs it)"
  exit 77
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

for name in register.md register.fr.md; do
  md="$SRC/tests/golden/shop/$name"
  # --unsafe keeps the register's <a id> anchors, as GitHub does.
  cmark-gfm --extension table --unsafe "$md" >"$WORK/$name.html" ||
    { echo "FAIL $name: cmark-gfm cannot render it"; FAILED=1; continue; }
  python3 - "$md" "$WORK/$name.html" <<'PY' || FAILED=1
import html, re, sys
md_path, html_path = sys.argv[1], sys.argv[2]
md = open(md_path, encoding='utf-8').read()
out = open(html_path, encoding='utf-8').read()
name = md_path.rsplit('/', 1)[-1]
problems = []
tables = len(re.findall(r'^\| --- \|', md, re.M))
rendered = out.count('<table>')
if tables == 0 or rendered != tables:
    problems.append(f'{tables} tables in the Markdown, {rendered} rendered')
# The reader's text: no marker of emphasis may be left in it.
text = html.unescape(re.sub(r'<[^>]+>', '', re.sub(r'<code>.*?</code>', '', out)))
for line in text.splitlines():
    if re.search(r'\*\*|_\*\*|\*\(|\)\*', line):
        problems.append(f'emphasis marker shown: {line.strip()[:120]!r}')
ids = set(re.findall(r'\bid="([^"]+)"', out))
for target in sorted(set(re.findall(r'href="#([^"]+)"', out))):
    if target not in ids:
        problems.append(f'link to #{target}, which no anchor defines')
for p in problems:
    print(f'FAIL {name}: {p}')
if not problems:
    print(f'ok   {name}: {rendered} tables, no stray marker, every in-page link lands')
sys.exit(1 if problems else 0)
PY
done
exit $FAILED
