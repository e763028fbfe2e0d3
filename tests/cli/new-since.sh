#!/usr/bin/env bash
# `scan --new-since REV` on a throwaway git repository: a finding introduced
# after REV is reported and those before it are not, including a finding
# whose sink is old but whose flow gained a new step; uncommitted and
# untracked code counts; it works from a subdirectory; bad revisions are
# usage errors. Also runs docs/ci/pre-commit, the hook recipe.
# Usage: new-since.sh PDFLOW ANNOTATIONS_INCLUDE SOURCE_DIR
set -uo pipefail
PDFLOW=$(realpath "$1")
ANNOTATIONS=$(cd "$2" && pwd)
SRC=$(cd "$3" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
source "$(dirname "$0")/lib.sh"
export GIT_CONFIG_NOSYSTEM=1 HOME=$WORK GIT_AUTHOR_NAME=pdflow GIT_AUTHOR_EMAIL=test@pdflow.invalid \
  GIT_COMMITTER_NAME=pdflow GIT_COMMITTER_EMAIL=test@pdflow.invalid
REPO=$WORK/repo
mkdir -p "$REPO/src" && cd "$REPO"
git -c init.defaultBranch=main init -q .
echo "db/" >.gitignore

# Commit 1: an old leak in a(), and a log helper whose caller logs nothing personal.
cat >src/app.cpp <<'CPP'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Customer {
  PDFLOW_DATA(contact.email) std::string email;
  PDFLOW_DATA(contact.phone) std::string phone;
};
void logLine(const std::string &s) { std::printf("%s\n", s.c_str()); }
std::string label(const Customer &c) { return "customer"; }
void a(const Customer &c) { std::printf("%s\n", c.email.c_str()); }
void greet(const Customer &c) { logLine(label(c)); }
CPP
make_db "$REPO/db" "$REPO/src/app.cpp"
git add -A && git commit -qm "old code"

# Commit 2: a new leak in b().
echo 'void b(const Customer &c) { std::printf("%s\n", c.phone.c_str()); }' >>src/app.cpp
git commit -qam "new leak"

expect "full scan: both leaks" 1 "app.cpp:10:.*contact.email" -- "$PDFLOW" scan -p db
expect "--new-since: the new leak" 1 "src/app.cpp:12:[0-9]+: warning: personal data 'contact.phone'" \
  -- "$PDFLOW" scan -p db --new-since HEAD~1
"$PDFLOW" scan -p db --new-since HEAD~1 >out.txt 2>err.txt
check_not "--new-since: not the old one" out.txt "contact.email"
check "--new-since: says what it left out" err.txt "finding(s)? touching no line changed since 'HEAD~1' not reported"
(cd src && expect "from a subdirectory" 1 "app.cpp:12:[0-9]+: warning: personal data 'contact.phone'" \
  -- "$PDFLOW" scan -p ../db --new-since HEAD~1)
expect "nothing new since HEAD" 0 "" -- "$PDFLOW" scan -p db --new-since HEAD
expect "json: the summary" 1 "" -- "$PDFLOW" scan -p db --new-since HEAD~1 --format json -o out.json
check_flat "json: new_since" out.json '"new_since": \{ "hidden": [1-9][0-9]*, "revision": "HEAD~1" \}'

# Commit 3: label() now returns the email: the sink in logLine() is old,
# the step in label() is new.
sed -i 's/return "customer";/return c.email;/' src/app.cpp
git commit -qam "label by email"
"$PDFLOW" scan -p db --new-since HEAD~1 >out.txt 2>err.txt
check "an old sink with a new step" out.txt "^src/app.cpp:8:[0-9]+: warning: personal data 'contact.email'.*\[personal-data-in-logs\]$"
check "its new step" out.txt "^src/app.cpp:9:[0-9]+: note: "
check_not "not the older leaks" out.txt "contact.phone|^src/app.cpp:10:"

# Uncommitted edits and untracked files count.
echo 'void d(const Customer &c) { std::printf("%s\n", c.phone.c_str()); }' >>src/app.cpp
expect "an uncommitted leak" 1 "src/app.cpp:13:[0-9]+: warning: personal data 'contact.phone'" \
  -- "$PDFLOW" scan -p db --new-since HEAD
git checkout -q src/app.cpp
cat >src/draft.cpp <<'CPP'
#include <pdflow/annotations.h>
#include <cstdio>
#include <string>
struct Lead { PDFLOW_DATA(contact.email) std::string email; };
void e(const Lead &l) { std::printf("%s\n", l.email.c_str()); }
CPP
make_db "$REPO/db" "$REPO/src/app.cpp" "$REPO/src/draft.cpp"
expect "an untracked file" 1 "src/draft.cpp:5:[0-9]+: warning: personal data 'contact.email'" \
  -- "$PDFLOW" scan -p db --new-since HEAD
rm src/draft.cpp
make_db "$REPO/db" "$REPO/src/app.cpp"

# Bad revisions and places are usage errors.
expect "unknown revision" 2 "'--new-since': unknown revision 'nope'" -- "$PDFLOW" scan -p db --new-since nope
expect "an option is no revision" 2 "'--output=x' is not a revision" \
  -- "$PDFLOW" scan -p db --new-since=--output=x
mkdir -p "$WORK/nogit" && make_db "$WORK/nogit" "$REPO/src/app.cpp"
(cd "$WORK/nogit" && expect "outside a work tree" 2 "is not in a git work tree" \
  -- "$PDFLOW" scan -p . --new-since HEAD)
expect "--new-since is a scan option" 2 "'--new-since' is an option of 'scan'" \
  -- "$PDFLOW" inventory -p db --new-since HEAD

# docs/ci/pre-commit: a commit adding a leak is refused, a clean one passes.
BIN=$(cd "$(dirname "$PDFLOW")" && pwd)
cp "$SRC/docs/ci/pre-commit" .git/hooks/pre-commit
echo 'int counter = 0;' >>src/app.cpp
git add -A
if PATH="$BIN:$PATH" PDFLOW_BUILD_DIR=db git commit -qm "clean" >hook.txt 2>&1; then
  echo "ok   pre-commit: a clean commit passes"
else
  echo "FAIL pre-commit refused a clean commit"; cat hook.txt; FAILED=1
fi
echo 'void f(const Customer &c) { std::printf("%s\n", c.phone.c_str()); }' >>src/app.cpp
git add -A
if PATH="$BIN:$PATH" PDFLOW_BUILD_DIR=db git commit -qm "leak" >hook.txt 2>&1; then
  echo "FAIL pre-commit let a leak in"; FAILED=1
else
  check "pre-commit: a leak is refused" hook.txt "contact.phone"
fi

[ $FAILED = 0 ] && echo "--new-since reports what changed"
exit $FAILED
