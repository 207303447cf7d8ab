#!/usr/bin/env bash
# Checks that ./run-local.sh does what README.md promises: it builds if needed, starts the four services,
# serves the page with details and two reviews with black stars, greets "jason" after a form login, and stops
# everything on Ctrl-C (SIGINT). Prints "smoke-local: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0
check() { # description, command...
  local what=$1; shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok   - $what"
  else
    failed=$((failed + 1)); echo "FAIL - $what"
  fi
}

out=$(mktemp) jar=$(mktemp) page=$(mktemp)
trap 'rm -f "$out" "$jar" "$page"' EXIT

# A background job of a script starts with SIGINT ignored, and bash cannot trap a signal ignored on entry:
# restore the default first, so that SIGINT to the process group acts like Ctrl-C in a terminal.
setsid python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
  ./run-local.sh >"$out" 2>&1 &
runner=$!

up=false
for _ in $(seq 1 3000); do # up to 600 s: the first run builds the jars (slow on a busy 2-core machine)
  if grep -q "Bookinfo is up" "$out"; then up=true; break; fi
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.2
done
check "run-local.sh reports the suite up" $up
if ! $up; then
  cat "$out"
  kill -INT -- "-$runner" 2>/dev/null
  echo "smoke-local: $passed passed, $failed failed"
  exit 1
fi

curl -sS -o "$page" http://localhost:9080/productpage
check "anonymous page has the details table" grep -q "PublisherA" "$page"
check "anonymous page has two reviews" test "$(grep -o "Reviewer[12]" "$page" | sort -u | wc -l)" -eq 2
check "reviews v2 draws 5 + 4 filled stars" test "$(grep -o "glyphicon glyphicon-star" "$page" | wc -l)" -eq 9
check "the stars are black" grep -q "stars-black" "$page"
check "anonymous page offers Sign in" grep -q ">Sign in<" "$page"

location=$(curl -sS -o /dev/null -c "$jar" -w '%{redirect_url}' --data "username=jason&passwd=password" \
  http://localhost:9080/login)
check "form login without Referer redirects to /productpage" test "$location" = "http://localhost:9080/productpage"
curl -sS -b "$jar" -o "$page" http://localhost:9080/productpage
check "signed-in page greets jason" grep -q ">jason<" "$page"
check "signed-in page offers Sign out" grep -q "Sign out" "$page"
check "signed-in page still has stars" test "$(grep -o "glyphicon glyphicon-star" "$page" | wc -l)" -eq 9

kill -INT -- "-$runner"
stopped=false
for _ in $(seq 1 100); do
  if ! kill -0 "$runner" 2>/dev/null; then stopped=true; break; fi
  sleep 0.2
done
check "Ctrl-C stops run-local.sh" $stopped
all_closed=true
for port in 9080 9081 9082 9083; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then all_closed=false; fi
done
check "Ctrl-C stops all four services" $all_closed

echo "smoke-local: $passed passed, $failed failed"
((failed == 0))
