#!/usr/bin/env bash
# Runs the whole Bookinfo suite on this machine as packaged jars (no Docker, no Kubernetes):
#   productpage :9080  details :9081  reviews :9082  ratings :9083
# Builds first if a jar is missing. Logs go to run/logs/. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
Usage: ./run-local.sh [--reviews v1|v2|v3] [--build]

  --reviews V   reviews variant: v1 (no stars), v2 (black stars, default), v3 (red stars)
  --build       rebuild the jars even if they exist
  JAVA_OPTS     extra JVM options for every service (environment variable)
USAGE
}

reviews_version=v2
force_build=false
while (($#)); do
  case "$1" in
    --reviews) reviews_version=${2:-}; shift 2 || { usage; exit 2; } ;;
    --reviews=*) reviews_version=${1#*=}; shift ;;
    --build) force_build=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

case "$reviews_version" in
  v1) enable_ratings=false star_color=black ;;
  v2) enable_ratings=true star_color=black ;;
  v3) enable_ratings=true star_color=red ;;
  *) echo "--reviews must be v1, v2 or v3, not '$reviews_version'" >&2; exit 2 ;;
esac

JAVA_HOME=$(scripts/java-home.sh)
export JAVA_HOME
java="$JAVA_HOME/bin/java"

services=(productpage details reviews ratings)
declare -A port=([productpage]=9080 [details]=9081 [reviews]=9082 [ratings]=9083)

for svc in "${services[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/${port[$svc]}") 2>/dev/null; then
    echo "Port ${port[$svc]} (for $svc) is already in use: stop whatever listens there first." >&2
    exit 1
  fi
done

missing=false
for svc in "${services[@]}"; do
  [[ -f "$svc/target/quarkus-app/quarkus-run.jar" ]] || missing=true
done
if $force_build || $missing; then
  echo "Building the four services (./mvnw package -DskipTests) ..."
  ./mvnw -B -q -ntp package -DskipTests -pl details,ratings,reviews,productpage -am
fi

logs=run/logs
mkdir -p "$logs"
pids=()

stop_all() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    echo
    echo "Stopping ${#pids[@]} services ..."
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start() { # name, then env assignments
  local svc=$1; shift
  env "$@" QUARKUS_HTTP_PORT="${port[$svc]}" \
    "$java" ${JAVA_OPTS:-} -jar "$svc/target/quarkus-app/quarkus-run.jar" >"$logs/$svc.log" 2>&1 &
  pids+=($!)
  started[$svc]=$!
}
declare -A started

start ratings SERVICE_VERSION=v1
start details
start reviews ENABLE_RATINGS="$enable_ratings" STAR_COLOR="$star_color" HOSTNAME="reviews-$reviews_version-local" \
  RATINGS_HOSTNAME=localhost RATINGS_SERVICE_PORT="${port[ratings]}"
start productpage \
  DETAILS_HOSTNAME=localhost DETAILS_SERVICE_PORT="${port[details]}" \
  REVIEWS_HOSTNAME=localhost REVIEWS_SERVICE_PORT="${port[reviews]}" \
  RATINGS_HOSTNAME=localhost RATINGS_SERVICE_PORT="${port[ratings]}"

healthy() { curl -fsS -o /dev/null --max-time 2 "http://localhost:$1/q/health/ready"; }

for svc in details ratings reviews productpage; do
  deadline=$((SECONDS + 60))
  until healthy "${port[$svc]}"; do
    if ! kill -0 "${started[$svc]}" 2>/dev/null; then
      echo "$svc exited during startup; the end of $logs/$svc.log:" >&2
      tail -n 20 "$logs/$svc.log" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "$svc is not healthy after 60 s; see $logs/$svc.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  printf '%-12s healthy on http://localhost:%s (log: %s/%s.log)\n' "$svc" "${port[$svc]}" "$logs" "$svc"
done

echo
echo "Bookinfo is up (reviews $reviews_version): http://localhost:9080/productpage"
echo "Press Ctrl-C to stop."
wait -n "${pids[@]}" || true
echo "A service stopped unexpectedly; see $logs/." >&2
exit 1
