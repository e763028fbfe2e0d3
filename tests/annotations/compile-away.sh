#!/usr/bin/env bash
# The annotation macros cost nothing in real builds: g++ and clang++ compile
# an annotated sample with -Wall -Wextra -Werror, and Clang's IR holds no
# annotation (field annotations would become llvm.ptr.annotation calls, LLVM
# issue 55190). With __PDFLOW__ defined, as pdflow parses, the annotations are
# there: the check can fail.
# Usage: compile-away.sh ANNOTATIONS_INCLUDE CLANGXX
set -uo pipefail
INCLUDE=$1
CLANGXX=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/sample.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>

struct PDFLOW_SUBJECT(customer) Customer {
  PDFLOW_DATA(contact.email, purposes = billing support, retention = P3Y)
  std::string email;
  PDFLOW_DATA(special.health) std::string allergies;
};
struct PDFLOW_DATA(location.precise) GpsFix { double lat, lon; };
PDFLOW_DATA(online.ip_address) std::string lastIp;

PDFLOW_SINK(third-party, recipient = "Stripe", country = US, safeguard = dpf)
void charge(const Customer &c) { (void)c; }
PDFLOW_TRANSFORM(pseudonymize) std::string hashEmail(const std::string &e) { return e; }
PDFLOW_CONSENT_CHECK(marketing) bool wantsMarketing(const Customer &c) { return !c.email.empty(); }
PDFLOW_ACTIVITY(billing) void run(PDFLOW_DATA(contact.email) const std::string &to) {
  Customer c{to, ""};
  if (wantsMarketing(c))
    charge(c);
  lastIp = hashEmail(c.email);
}
int main() { run("a@b.example"); }
CPP
FAILED=0
FLAGS=(-std=c++17 -Wall -Wextra -Werror -I "$INCLUDE")
g++ "${FLAGS[@]}" -c "$WORK/sample.cpp" -o "$WORK/g.o" || { echo "FAIL g++ does not compile the sample"; FAILED=1; }
"$CLANGXX" "${FLAGS[@]}" -O0 -S -emit-llvm "$WORK/sample.cpp" -o "$WORK/plain.ll" ||
  { echo "FAIL clang++ does not compile the sample"; FAILED=1; }
if grep -Eq 'llvm\.(ptr|var|global)\.annotation' "$WORK/plain.ll"; then
  echo "FAIL annotations reach clang's IR in a normal build"; FAILED=1
fi
"$CLANGXX" "${FLAGS[@]}" -D__PDFLOW__ -O0 -S -emit-llvm "$WORK/sample.cpp" -o "$WORK/pdflow.ll" ||
  { echo "FAIL clang++ does not compile the sample with __PDFLOW__"; FAILED=1; }
if ! grep -q 'pdflow.data' "$WORK/pdflow.ll"; then
  echo "FAIL with __PDFLOW__ the annotations are missing (the check above proves nothing)"; FAILED=1
fi
[ $FAILED = 0 ] && echo "annotations compile away with g++ and clang++, and are present for pdflow"
exit $FAILED
