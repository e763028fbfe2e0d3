#!/usr/bin/env bash
# The HTML register in headless Chromium (Debian's chromium, driven by
# chromium-page.mjs over the DevTools pipe):
# 1. examples/shop's committed register.html renders with no console error
#    and shows every activity and the categories; its first screen is saved
#    for docs/register-screenshot.png;
# 2. a register whose config holds markup and scripts shows them as text and
#    runs none of them.
# Exits 77 (skipped) when chromium or node is not installed; ./dev test
# installs both.
# Usage: check-html.sh PDFLOW SOURCE_DIR ANNOTATIONS_INCLUDE SCREENSHOT_OUT
set -uo pipefail
PDFLOW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
ANNOTATIONS=$(cd "$3" && pwd)
SCREENSHOT=$4
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
NODE=$(command -v node || command -v nodejs || true)
if [ -z "$CHROMIUM" ] || [ -z "$NODE" ]; then
  echo "skipped: chromium or node not installed (./dev test installs them)"
  exit 77
fi
PAGE="$SRC/tests/register/chromium-page.mjs"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

# 1. The example's register, as committed (the golden test keeps it equal to
#    what pdflow writes).
expect=()
for text in "Customer accounts and access requests" "Order processing" "Payments and invoicing" \
            "Parcel shipping" "Customer support" "Monthly newsletter" "Product analytics" \
            "Fraud and account-takeover prevention" "E-mail address" "Phone number" \
            "Postal address" "Health data" "IP address" "Approximate location" \
            "Payment card data" "Delivery instructions" "Unregistered processing"; do
  expect+=(--expect "$text")
done
"$NODE" "$PAGE" "$CHROMIUM" "$SRC/tests/golden/shop/register.html" "${expect[@]}" \
  --screenshot "$SCREENSHOT" || FAILED=1
[ -s "$SCREENSHOT" ] && echo "ok   screenshot: $SCREENSHOT" ||
  { echo "FAIL no screenshot written"; FAILED=1; }

# 2. Hostile strings in the config.
mkdir -p "$WORK/p"
cat >"$WORK/p/bill.cpp" <<'CPP'
#include <pdflow/annotations.h>
#include <string>
struct PDFLOW_SUBJECT(customer) Customer { PDFLOW_DATA(contact.email) std::string email; };
PDFLOW_SINK(third-party, recipient = "Mailer", country = US) void send(const std::string &to);
PDFLOW_ACTIVITY(billing) void bill(const Customer &c) { send(c.email); }
CPP
cat >"$WORK/p/.pdflow.yaml" <<'YAML'
controller:
  name: "<script>alert(1)</script>"
  contact: "<img src=x onerror=alert(2)>"
  dpo: {name: "</style><script>alert(3)</script>", contact: "\"><svg onload=alert(4)>"}
security_measures: ["<iframe src=javascript:alert(5)></iframe>"]
activities:
  - {id: billing, name: "Billing <b onmouseover=alert(6)>x</b>", purposes: [billing],
     legal_basis: contract, subjects: [customer], retention: P1Y}
YAML
echo "[{\"directory\": \"$WORK/p\", \"file\": \"$WORK/p/bill.cpp\", \"command\": \"g++ -std=c++17 -I$ANNOTATIONS -c bill.cpp\"}]" \
  >"$WORK/p/compile_commands.json"
(cd "$WORK/p" && "$PDFLOW" register -p . --format html -o register.html) >"$WORK/p.log" 2>&1 ||
  { echo "FAIL pdflow register on the hostile config:"; cat "$WORK/p.log"; FAILED=1; }
"$NODE" "$PAGE" "$CHROMIUM" "$WORK/p/register.html" \
  --expect "<script>alert(1)</script>" --expect "<img src=x onerror=alert(2)>" \
  --expect "</style><script>alert(3)</script>" --expect "<iframe src=javascript:alert(5)></iframe>" \
  --expect "Billing <b onmouseover=alert(6)>x</b>" || FAILED=1

exit $FAILED
