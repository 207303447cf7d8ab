#!/usr/bin/env bash
# Records the JDK 25 AOT cache of the four services (JEP 483/514/515: their classes loaded and linked, and the
# method profiles of a workload) in one training run, the way bench/bench.py's jvm-aot variant does: starts them
# together, each from DIR/<svc>/ (Quarkus' aot-jar layout, quarkus-run.jar), with the JVM options of OPTIONS_FILE
# plus -XX:AOTCacheOutput, serves every endpoint REQUESTS times, then stops them; each JVM writes DIR/<svc>/app.aot
# as it exits.
#
# A cache is only used by the same JDK build, with the same JVM options (the collector above all) and the same
# application files at the same paths, so it is recorded where the services run: deploy/Dockerfile.jvm-aot runs
# this script inside the image build, with the image's JDK and scripts/jvm.options. Locally:
#   ./mvnw package -DskipTests -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT \
#     -Dquarkus.package.jar.aot.phase=build -Dquarkus.package.output-directory=quarkus-app-aot
#   mkdir -p run/aot && for s in details ratings reviews productpage; do cp -a $s/target/quarkus-app-aot run/aot/$s; done
#   scripts/aot-train.sh run/aot scripts/jvm.options
#   java $(grep -v '^#' scripts/jvm.options) -XX:AOTCache=run/aot/ratings/app.aot -jar $PWD/run/aot/ratings/quarkus-run.jar
#
# The jar is named by its absolute path, as the images' run-java.sh names it (-jar /deployments/<svc>/quarkus-run.jar).
# Usage: scripts/aot-train.sh DIR OPTIONS_FILE [REQUESTS]   (REQUESTS per endpoint, default 2000)
# Needs curl; uses ports 29080-29083 on 127.0.0.1. Exits non-zero if a service fails to start or writes no cache.
set -euo pipefail

if (($# < 2)); then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2
  exit 2
fi
dir=$(cd "$1" && pwd)
options_file=$2
requests=${3:-2000}
java=java
[[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java

# The same reading of the options file as run-local.sh's: one option per line, '#' starts a comment.
mapfile -t jvm_options < <(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^#/d' -e '/^$/d' "$options_file")

services=(ratings details reviews productpage)
declare -A port=([productpage]=29080 [details]=29081 [reviews]=29082 [ratings]=29083)
declare -A pid
stop_all() {
  for svc in "${!pid[@]}"; do kill "${pid[$svc]}" 2>/dev/null || true; done
  for svc in "${!pid[@]}"; do wait "${pid[$svc]}" 2>/dev/null || true; done
}
trap stop_all EXIT
trap 'exit 143' INT TERM # so that the EXIT trap stops the services

start() { # service, then env assignments
  local svc=$1; shift
  rm -f "$dir/$svc/app.aot"
  (cd "$dir/$svc" && exec env "$@" QUARKUS_HTTP_PORT="${port[$svc]}" \
    "$java" "${jvm_options[@]}" -XX:AOTCacheOutput=app.aot -jar "$dir/$svc/quarkus-run.jar") \
    >"$dir/$svc/aot-training.log" 2>&1 &
  pid[$svc]=$!
}
await() {
  local svc=$1 deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${port[$svc]}/q/health/ready" 2>/dev/null; do
    if ! kill -0 "${pid[$svc]}" 2>/dev/null || ((SECONDS > deadline)); then
      echo "aot-train: $svc did not start; the end of $dir/$svc/aot-training.log:" >&2
      tail -n 20 "$dir/$svc/aot-training.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

start ratings SERVICE_VERSION=v1
start details
# reviews with stars, so that its calls to ratings are trained too (one image serves v1, v2 and v3).
start reviews ENABLE_RATINGS=true STAR_COLOR=black RATINGS_HOSTNAME=127.0.0.1 RATINGS_SERVICE_PORT="${port[ratings]}"
for svc in ratings details reviews; do await "$svc"; done
start productpage DETAILS_HOSTNAME=127.0.0.1 DETAILS_SERVICE_PORT="${port[details]}" \
  REVIEWS_HOSTNAME=127.0.0.1 REVIEWS_SERVICE_PORT="${port[reviews]}" \
  RATINGS_HOSTNAME=127.0.0.1 RATINGS_SERVICE_PORT="${port[ratings]}"
await productpage

# What readers and probes ask for: the page, the JSON API, each backend's own endpoint, health and metrics.
urls=()
for path in /productpage /api/v1/products /api/v1/products/0 /api/v1/products/0/reviews /api/v1/products/0/ratings \
    /health /q/health/ready /q/health/live /metrics; do
  urls+=("http://127.0.0.1:${port[productpage]}$path")
done
urls+=("http://127.0.0.1:${port[details]}/details/0" "http://127.0.0.1:${port[reviews]}/reviews/0"
  "http://127.0.0.1:${port[ratings]}/ratings/0")
for svc in details reviews ratings; do
  urls+=("http://127.0.0.1:${port[$svc]}/health" "http://127.0.0.1:${port[$svc]}/q/health/ready"
    "http://127.0.0.1:${port[$svc]}/q/metrics")
done
# One curl per endpoint with a config of REQUESTS identical requests: one process and one kept-alive connection.
for url in "${urls[@]}"; do
  for ((i = 0; i < requests; i++)); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done |
    curl -sS --fail-early -f -K - || { echo "aot-train: $url failed" >&2; exit 1; }
done

# SIGTERM: each JVM writes its cache on the way out (a few seconds per service).
for svc in "${services[@]}"; do kill -TERM "${pid[$svc]}"; done
for svc in "${services[@]}"; do wait "${pid[$svc]}" || true; unset "pid[$svc]"; done
for svc in "${services[@]}"; do
  if [[ ! -s $dir/$svc/app.aot ]]; then
    echo "aot-train: $svc wrote no $dir/$svc/app.aot; the end of its log:" >&2
    tail -n 20 "$dir/$svc/aot-training.log" >&2
    exit 1
  fi
  printf 'aot-train: %-12s %s MiB\n' "$svc" "$(($(stat -c %s "$dir/$svc/app.aot") / 1048576))"
done
