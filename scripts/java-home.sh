#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: $JAVA_HOME if it qualifies, else the newest one under /usr/lib/jvm.
# Debian 12's default `java` is 17, which Quarkus 3.34 no longer supports.
set -euo pipefail

major_of() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]] && (( $(major_of "$JAVA_HOME") >= 21 )); then
  echo "$JAVA_HOME"
  exit 0
fi

best="" best_major=0
for home in /usr/lib/jvm/*; do
  [[ -x "$home/bin/javac" ]] || continue
  major=$(major_of "$home")
  if [[ -n "$major" ]] && (( major >= 21 && major > best_major )); then
    best=$home best_major=$major
  fi
done

if [[ -z "$best" ]]; then
  echo "No JDK 21+ found: set JAVA_HOME to one (e.g. apt-get install openjdk-21-jdk-headless)." >&2
  exit 1
fi
echo "$best"
