#!/usr/bin/env bash
# The service wiring of scripts/services.properties for bash (run-local.sh sources this file):
#   wiring[KEY]                 every KEY=VALUE of that file
#   wiring_services             the services in start order
#   wiring_has_version VERSION  whether reviews VERSION has settings
#   wiring_env SERVICE VERSION  SERVICE's environment, one KEY=VALUE a line, sorted; {port.NAME} from the caller's
#                               associative array `port`, {version} the reviews version
# Run directly, `scripts/wiring.sh SERVICE VERSION PORT_RATINGS PORT_DETAILS PORT_REVIEWS PORT_PRODUCTPAGE` prints
# that environment (the ports in the start order; robustness' ServiceWiringTest compares it with the other readers).

declare -A wiring=()
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%$'\r'}
  [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
  if [[ $line != *=* ]]; then
    echo "scripts/services.properties: not KEY=VALUE: $line" >&2
    return 1 2>/dev/null || exit 1
  fi
  wiring[${line%%=*}]=${line#*=}
done <"$(dirname "${BASH_SOURCE[0]}")/services.properties"
read -r -a wiring_services <<<"${wiring[services]}"

# True when the file has settings for reviews VERSION. A loop, not `printf | grep -q`: under pipefail, grep's early
# exit can kill printf with SIGPIPE and make the check fail at random.
wiring_has_version() {
  local key
  for key in "${!wiring[@]}"; do
    [[ $key == "env.reviews-$1."* ]] && return 0
  done
  return 1
}

wiring_env() {
  local svc=$1 version=$2 scope key value name
  if ! wiring_has_version "$version"; then
    echo "reviews version '$version' is not in scripts/services.properties" >&2
    return 1
  fi
  for scope in "$svc" "$svc-$version"; do
    for key in "${!wiring[@]}"; do
      [[ $key == "env.$scope."* && ${key#"env.$scope."} != *.* ]] || continue
      value=${wiring[$key]//\{version\}/$version}
      while [[ $value =~ \{port\.([a-z]+)\} ]]; do
        name=${BASH_REMATCH[1]}
        value=${value//"{port.$name}"/${port[$name]:?no port for $name}}
      done
      printf '%s=%s\n' "${key#"env.$scope."}" "$value"
    done
  done | LC_ALL=C sort
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  if (($# != 2 + ${#wiring_services[@]})); then
    sed -n '2,10s/^# \{0,1\}//p' "$0" >&2
    exit 2
  fi
  declare -A port=()
  svc=$1 version=$2
  shift 2
  for name in "${wiring_services[@]}"; do
    port[$name]=$1
    shift
  done
  wiring_env "$svc" "$version"
fi
