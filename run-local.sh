#!/usr/bin/env bash
# Runs the whole Bookinfo suite on the local machine as packaged jars (no Docker, no Kubernetes):
#   productpage :9080  details :9081  reviews :9082  ratings :9083
# With --oidc also Keycloak on :8180, standing in for an Auth0 tenant: "Sign in" goes through it, and details,
# reviews and ratings check the access token themselves (JWT_MODE=standalone).
# With --ratings v2-mysql or v2-mongodb, ratings reads its stars from a local database (MariaDB on :3306, or a
# MongoDB-protocol server on :27017), as upstream's ratings v2 does.
# With --observe also Zipkin on :9411 (every service sends it its spans) and Prometheus on :9090 (scraping all four).
# Builds first if a jar is missing. Logs go to run/logs/. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
# The ports and environment of the four services: scripts/services.properties.
source scripts/wiring.sh

usage() {
  cat <<'USAGE'
Usage: ./run-local.sh [--reviews v1|v2|v3] [--ratings v1|v2-mysql|v2-mongodb] [--build] [--oidc] [--observe]

  --reviews V   reviews variant: v1 (no stars), v2 (black stars, default), v3 (red stars)
  --ratings V   ratings variant: v1 (in memory, default); v2-mysql (from MariaDB on :3306, Debian's mariadb-server
                package, started here with its data under run/mariadb/); v2-mongodb (from a MongoDB-protocol server
                on :27017, de.bwaldvogel:mongo-java-server from Maven Central, in memory)
  --build       rebuild the jars even if they exist
  --oidc        sign in with a local OpenID Connect provider (Keycloak from Maven Central, on :8180,
                configured like an Auth0 tenant; users jason/jason and alice/alice); details, reviews and
                ratings then require the signed-in user's token. Without it: upstream's demo form login.
  --observe     also start Zipkin on :9411 (Maven Central's zipkin-server jar, fetched once) with the
                four services' traces, and Prometheus on :9090 (Debian's prometheus package) scraping them
  JAVA_OPTS     extra JVM options for every service (environment variable), after the shipped ones of
                scripts/jvm.options (a later -Xmx and the like wins; another collector clashes with -XX:+UseSerialGC)
USAGE
}

reviews_version=${wiring[reviews.version]}
ratings_version=v1
force_build=false
oidc=false
observe=false
while (($#)); do
  case "$1" in
    --reviews) reviews_version=${2:-}; shift 2 || { usage; exit 2; } ;;
    --reviews=*) reviews_version=${1#*=}; shift ;;
    --ratings) ratings_version=${2:-}; shift 2 || { usage; exit 2; } ;;
    --ratings=*) ratings_version=${1#*=}; shift ;;
    --build) force_build=true; shift ;;
    --oidc) oidc=true; shift ;;
    --observe) observe=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if ! wiring_has_version "$reviews_version"; then
  echo "--reviews must be v1, v2 or v3, not '$reviews_version'" >&2
  exit 2
fi
case "$ratings_version" in
  v1) database= ;;
  v2-mysql) database=mariadb ;;
  v2-mongodb) database=mongodb ;;
  *) echo "--ratings must be v1, v2-mysql or v2-mongodb, not '$ratings_version'" >&2; exit 2 ;;
esac
# Checked before anything is built or started: without MariaDB there is nothing to run against.
if [[ $database == mariadb ]] && ! [[ -x /usr/sbin/mariadbd && -x /usr/bin/mariadb-install-db && -x /usr/bin/mariadb ]]
then
  echo "--ratings v2-mysql needs MariaDB, which is not installed here. On Debian or Ubuntu:" >&2
  echo "  sudo apt-get install -y mariadb-server" >&2
  echo "It need not run as a system service: run-local.sh starts its own server, with its data under run/mariadb/." >&2
  exit 1
fi

JAVA_HOME=$(scripts/java-home.sh)
export JAVA_HOME
java="$JAVA_HOME/bin/java"
# The JVM options the services ship with, as in the images and the Deployments: one per line, '#' starts a comment.
mapfile -t jvm_options < <(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^#/d' -e '/^$/d' scripts/jvm.options)

services=("${wiring_services[@]}")
declare -A port=([keycloak]=8180 [mariadb]=3306 [mongodb]=27017 [zipkin]=9411 [prometheus]=9090)
for svc in "${services[@]}"; do port[$svc]=${wiring[port.$svc]}; done

checked=("${services[@]}")
$oidc && checked+=(keycloak)
[[ -n $database ]] && checked+=("$database")
$observe && checked+=(zipkin prometheus)
if $observe && ! command -v prometheus >/dev/null; then
  echo "--observe needs Prometheus, which is not installed. On Debian or Ubuntu: apt-get install -y prometheus" >&2
  exit 1
fi
for svc in "${checked[@]}"; do
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

# Keycloak: the distribution zip from Maven Central, unpacked once under run/; the realm is the e2e tests' one.
keycloak_version=26.7.3
keycloak_home=run/keycloak-$keycloak_version
realm_file=e2e/src/test/resources/keycloak/bookinfo-realm.json
issuer=http://localhost:${port[keycloak]}/realms/bookinfo
if $oidc && [[ ! -f "$keycloak_home/bin/kc.sh" ]]; then
  echo "Fetching Keycloak $keycloak_version from Maven Central (once) ..."
  ./mvnw -B -q -ntp -f e2e/pom.xml dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" -DoutputDirectory="$PWD/run"
  (cd run && "$JAVA_HOME/bin/jar" xf "keycloak-quarkus-dist-$keycloak_version.zip")
  rm -f "run/keycloak-quarkus-dist-$keycloak_version.zip"
fi

# Zipkin: the server's exec jar from Maven Central, fetched once into run/.
zipkin_version=3.5.1
zipkin_jar=run/zipkin-server-$zipkin_version-exec.jar
if $observe && [[ ! -f "$zipkin_jar" ]]; then
  echo "Fetching Zipkin $zipkin_version from Maven Central (once) ..."
  ./mvnw -B -q -ntp -f e2e/pom.xml dependency:copy \
    -Dartifact="io.zipkin:zipkin-server:$zipkin_version:jar:exec" -DoutputDirectory="$PWD/run"
fi

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

start() { # name, then env assignments beyond the wiring's
  local svc=$1 wired; shift
  mapfile -t wired < <(wiring_env "$svc" "$reviews_version")
  env "${wired[@]}" "$@" QUARKUS_HTTP_PORT="${port[$svc]}" \
    "$java" "${jvm_options[@]}" ${JAVA_OPTS:-} -jar "$svc/target/quarkus-app/quarkus-run.jar" >"$logs/$svc.log" 2>&1 &
  pids+=($!)
  started[$svc]=$!
}
declare -A started

jwt=() sign_in=()
if $oidc; then
  # A fresh database every run, so the realm file is imported as it is now.
  rm -rf "$keycloak_home/data"
  mkdir -p "$keycloak_home/data/import"
  cp "$realm_file" "$keycloak_home/data/import/"
  (cd "$keycloak_home" && exec env JAVA_HOME="$JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    bash bin/kc.sh start-dev --http-port="${port[keycloak]}" --hostname="http://localhost:${port[keycloak]}" \
    --import-realm --cache=local) >"$logs/keycloak.log" 2>&1 &
  pids+=($!)
  started[keycloak]=$!
  jwt=(JWT_MODE=standalone JWT_ISSUER="$issuer" JWT_JWKS_URL="$issuer/protocol/openid-connect/certs"
    JWT_AUDIENCE=https://bookinfo.io)
  # The client secret is the realm file's default; the session key is new on every run (sessions end with it).
  sign_in=(OIDC_AUTH_SERVER_URL="$issuer" OIDC_CLIENT_ID=bookinfo-productpage OIDC_CLIENT_SECRET=bookinfo-local-secret
    OIDC_AUDIENCE=https://bookinfo.io SESSION_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64 | tr -d '\n')")
fi

# The databases of ratings v2. MariaDB: a data directory under run/mariadb/, created and loaded with upstream's
# schema and rows (ratings/src/main/db/mysqldb-init.sql) on the first run, kept afterwards; root's password is
# upstream's "password". MongoDB: mongo-java-server in memory, loaded with upstream's two documents on every start.
mariadb_dir=$PWD/run/mariadb
start_mariadb() {
  local as_root=()
  [[ $(id -u) == 0 ]] && as_root=(--user=root) # mariadbd refuses to run as root unless told to
  if [[ ! -f $mariadb_dir/loaded ]]; then
    rm -rf "$mariadb_dir"
    mkdir -p "$mariadb_dir"
    echo "Creating a MariaDB data directory in run/mariadb/ (once) ..."
    mariadb-install-db --no-defaults "${as_root[@]}" --datadir="$mariadb_dir/data" --skip-test-db \
      --auth-root-authentication-method=normal >"$logs/mariadb-install.log" 2>&1 ||
      { echo "mariadb-install-db failed; see $logs/mariadb-install.log" >&2; exit 1; }
  fi
  /usr/sbin/mariadbd --no-defaults "${as_root[@]}" --datadir="$mariadb_dir/data" --port="${port[mariadb]}" \
    --bind-address=127.0.0.1 --skip-name-resolve --socket="$mariadb_dir/mariadb.sock" \
    --pid-file="$mariadb_dir/mariadb.pid" --skip-log-bin --innodb-buffer-pool-size=16M >"$logs/mariadb.log" 2>&1 &
  pids+=($!)
  started[mariadb]=$!
}
load_mariadb() {
  [[ -f $mariadb_dir/loaded ]] && return 0
  { echo "ALTER USER 'root'@'localhost' IDENTIFIED BY 'password';"
    echo "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';"
    echo "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY 'password';"
    echo "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
    cat ratings/src/main/db/mysqldb-init.sql
  } | mariadb --no-defaults --user=root --socket="$mariadb_dir/mariadb.sock" >>"$logs/mariadb-install.log" 2>&1 ||
    { echo "Loading the ratings into MariaDB failed; see $logs/mariadb-install.log" >&2; exit 1; }
  touch "$mariadb_dir/loaded"
}
start_mongodb() {
  local classpath=run/mongodb/classpath.txt
  if $force_build || [[ ! -s $classpath ]]; then
    echo "Fetching the MongoDB-protocol server (de.bwaldvogel:mongo-java-server) from Maven Central (once) ..."
    mkdir -p run/mongodb
    ./mvnw -B -q -ntp -f scripts/local-mongodb/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath" \
      >"$logs/mongodb-fetch.log" 2>&1 || { echo "Fetching it failed; see $logs/mongodb-fetch.log" >&2; exit 1; }
  fi
  "$java" -cp "$(cat "$classpath")" scripts/local-mongodb/LocalMongoServer.java "${port[mongodb]}" \
    >"$logs/mongodb.log" 2>&1 &
  pids+=($!)
  started[mongodb]=$!
}

# --observe: Zipkin and a Prometheus scraping the four services, which export their spans to Zipkin.
observability=()
if $observe; then
  (exec env QUERY_PORT="${port[zipkin]}" "$java" -Xmx256m -jar "$zipkin_jar") >"$logs/zipkin.log" 2>&1 &
  pids+=($!)
  started[zipkin]=$!
  mkdir -p run/prometheus
  {
    echo "# Written by run-local.sh --observe: the four services on their local ports."
    echo "global:"
    echo "  scrape_interval: 5s"
    echo "scrape_configs:"
    for svc in "${services[@]}"; do
      path=/q/metrics
      [[ $svc == productpage ]] && path=/metrics
      printf '  - job_name: %s\n    metrics_path: %s\n    static_configs:\n      - targets: [localhost:%s]\n' \
        "$svc" "$path" "${port[$svc]}"
    done
  } >run/prometheus/prometheus.yml
  (cd run/prometheus && exec prometheus --config.file=prometheus.yml --storage.tsdb.path=data \
    --web.listen-address="127.0.0.1:${port[prometheus]}") >"$logs/prometheus.log" 2>&1 &
  pids+=($!)
  started[prometheus]=$!
  observability=(OTEL_EXPORTER_ZIPKIN_ENDPOINT="http://localhost:${port[zipkin]}/api/v2/spans")
fi

healthy() { curl -fsS -o /dev/null --max-time 2 "http://localhost:$1/q/health/ready" 2>/dev/null; }
# Keycloak's first start also builds its server (60-100 s on two cores); later ones take 10-20 s.
keycloak_healthy() { curl -fsS -o /dev/null --max-time 2 "$issuer/.well-known/openid-configuration" 2>/dev/null; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
zipkin_healthy() { curl -fsS -o /dev/null --max-time 2 "http://localhost:${port[zipkin]}/health" 2>/dev/null; }
prometheus_healthy() { curl -fsS -o /dev/null --max-time 2 "http://localhost:${port[prometheus]}/-/ready" 2>/dev/null; }

await() { # services...
  local svc deadline probe
  for svc in "$@"; do
    deadline=$((SECONDS + 60))
    probe="healthy ${port[$svc]}"
    if [[ $svc == keycloak ]]; then deadline=$((SECONDS + 300)) probe=keycloak_healthy; fi
    if [[ $svc == "$database" ]]; then probe="listening ${port[$svc]}"; fi
    # Zipkin's server takes 10-60 s to start on two cores.
    if [[ $svc == zipkin ]]; then deadline=$((SECONDS + 300)) probe=zipkin_healthy; fi
    if [[ $svc == prometheus ]]; then probe=prometheus_healthy; fi
    until $probe; do
      if ! kill -0 "${started[$svc]}" 2>/dev/null; then
        echo "$svc exited during startup; the end of $logs/$svc.log:" >&2
        tail -n 20 "$logs/$svc.log" >&2
        exit 1
      fi
      if ((SECONDS > deadline)); then
        echo "$svc is not healthy in time; see $logs/$svc.log" >&2
        exit 1
      fi
      sleep 0.2
    done
    if [[ $svc == "$database" ]]; then
      printf '%-12s ready on 127.0.0.1:%s (log: %s/%s.log)\n' "$svc" "${port[$svc]}" "$logs" "$svc"
    else
      printf '%-12s healthy on http://localhost:%s (log: %s/%s.log)\n' "$svc" "${port[$svc]}" "$logs" "$svc"
    fi
  done
}

ratings_env=()
case "$database" in
  mariadb)
    start_mariadb
    await mariadb
    load_mariadb
    ratings_env=(SERVICE_VERSION=v2 DB_TYPE=mysql MYSQL_DB_HOST=127.0.0.1 MYSQL_DB_PORT="${port[mariadb]}"
      MYSQL_DB_USER=root MYSQL_DB_PASSWORD=password) ;;
  mongodb)
    start_mongodb
    await mongodb
    ratings_env=(SERVICE_VERSION=v2 MONGO_DB_URL="mongodb://127.0.0.1:${port[mongodb]}/test") ;;
esac
start ratings "${ratings_env[@]}" "${jwt[@]}" "${observability[@]}"
start details "${jwt[@]}" "${observability[@]}"
start reviews "${jwt[@]}" "${observability[@]}"
await details ratings reviews
[[ -n $database ]] && { grep -o -m 1 'Ratings v2 read .*' "$logs/ratings.log" || true; }
# productpage reads the provider's discovery document at startup: start it once Keycloak answers.
$oidc && await keycloak
start productpage "${sign_in[@]}" "${observability[@]}"
await productpage
$observe && await prometheus zipkin

echo
if [[ -n $database ]]; then
  echo "Bookinfo is up (reviews $reviews_version, ratings $ratings_version): http://localhost:${port[productpage]}/productpage"
else
  echo "Bookinfo is up (reviews $reviews_version): http://localhost:${port[productpage]}/productpage"
fi
if $oidc; then
  echo "Sign in as jason / jason (or alice / alice) at the local OpenID Connect provider, $issuer"
fi
if $observe; then
  echo "Zipkin: http://localhost:${port[zipkin]}"
  echo "Prometheus: http://localhost:${port[prometheus]}"
fi
echo "Press Ctrl-C to stop."
wait -n "${pids[@]}" || true
echo "A service stopped unexpectedly; see $logs/." >&2
exit 1
