#!/bin/sh
# Entry point of Encore's app images (Dockerfile, target "app"): starts $MAIN_CLASS on the image's class path with
# the console logging of logback-encore.xml (ENCORE_LOG_FORMAT=text|json, ENCORE_LOG_LEVEL). Arguments are passed
# to the app: an optional properties file whose settings the environment overrides.
#   JAVA_OPTS  JVM options (default: -XX:MaxRAMPercentage=50, leaving the rest of the container's memory to what
#              lives outside the heap, RocksDB's budget encore.rocksdb.memory.bytes first)
set -eu
: "${MAIN_CLASS:?MAIN_CLASS is not set: the image was built without --build-arg MAIN_CLASS}"
# JAVA_OPTS is split into words on purpose: it holds several options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--XX:MaxRAMPercentage=50} -Dlogback.configurationFile=logback-encore.xml \
    -cp '/opt/encore/lib/*' "$MAIN_CLASS" "$@"
