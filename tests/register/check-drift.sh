#!/usr/bin/env bash
# `pdflow register --check` against the committed register of examples/shop,
# on two copies of the example: one whose code moved down a few lines (no
# drift: exit 0), one that sends the e-mail address to a new recipient
# (drift: exit 1 and the change, with its place).
# Usage: check-drift.sh PDFLOW SOURCE_DIR
set -uo pipefail
PDFLOW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
COMMITTED="$SRC/tests/golden/shop/register.yaml"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

# A copy laid out like the repository, so that paths read examples/shop/...
copy_example() { # NAME
  mkdir -p "$WORK/$1/examples"
  cp -r "$SRC/examples/shop" "$WORK/$1/examples/shop"
}

check() { # NAME EXPECTED_EXIT: runs --check in the copy, output in $WORK/NAME.out
  local name=$1 code=$2 dir="$WORK/$1"
  cmake -S "$dir/examples/shop" -B "$dir/build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DPDFLOW_ANNOTATIONS_DIR="$SRC/annotations/include" >"$WORK/$name.cmake" 2>&1 ||
    { cat "$WORK/$name.cmake"; echo "FAIL $name: cannot configure the copy"; FAILED=1; return 1; }
  (cd "$dir" && "$PDFLOW" register -p build -j2 --check "$COMMITTED") >"$WORK/$name.out" 2>"$WORK/$name.err"
  local rc=$?
  if [ "$rc" != "$code" ]; then
    echo "FAIL $name: exit $rc, expected $code"; cat "$WORK/$name.out" "$WORK/$name.err"; FAILED=1
    return 1
  fi
}

# 1. Code that moves is not drift: three lines on top of files holding
#    declarations, sink calls and transforms.
copy_example moved
for f in src/model/Customer.h src/services/Accounts.cpp src/notify/Notifier.cpp \
         src/services/Support.cpp src/services/Newsletter.cpp; do
  printf '// moved\n// down\n// three lines\n' | cat - "$WORK/moved/examples/shop/$f" >"$WORK/tmp" &&
    mv "$WORK/tmp" "$WORK/moved/examples/shop/$f"
done
if check moved 0; then
  if grep -q "the register matches" "$WORK/moved.out"; then
    echo "ok   moved code: no drift"
  else
    echo "FAIL moved code:"; cat "$WORK/moved.out"; FAILED=1
  fi
fi

# 2. A new recipient: the newsletter also syncs each subscriber's e-mail
#    address to "Listly", a provider in the US with no safeguard declared.
copy_example listly
NEWSLETTER="$WORK/listly/examples/shop/src/services/Newsletter.cpp"
sed -i 's|^namespace shop::marketing {$|#include <pdflow/annotations.h>\
\
namespace shop::marketing {\
\
PDFLOW_SINK(third-party, recipient = "Listly", country = US)\
void listlySync(const std::string \&email);|' "$NEWSLETTER"
sed -i 's|^    mail_.upsertMember(customer.email(), customer.firstName());$|&\
    listlySync(customer.email());|' "$NEWSLETTER"
grep -q '^    listlySync(customer.email());$' "$NEWSLETTER" ||
  { echo "FAIL the test could not add the Listly call to Newsletter.cpp"; exit 1; }
LINE=$(grep -n '^    listlySync(customer.email());$' "$NEWSLETTER" | cut -d: -f1)
if check listly 1; then
  EXPECTED="  activity 'newsletter': new recipient 'Listly' (US, no safeguard) receives contact.email, examples/shop/src/services/Newsletter.cpp:$LINE:5"
  if [ "$(sed -n 2p "$WORK/listly.out")" = "$EXPECTED" ] && [ "$(wc -l <"$WORK/listly.out")" = 3 ] &&
     grep -q "^pdflow: the processing differs from the register in " "$WORK/listly.out"; then
    echo "ok   new recipient: exit 1 with the change"
  else
    echo "FAIL new recipient: expected the line"; echo "$EXPECTED"; echo "got:"; cat "$WORK/listly.out"
    FAILED=1
  fi
fi

exit $FAILED
