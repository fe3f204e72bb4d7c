#!/usr/bin/env bash
# A first, ad-hoc measurement of a bulk send (PRODUCT.md §12), not the benchmark harness:
# Casemail (`serve`, embedded PostgreSQL in a fresh data directory, the shared acme data) mails
# a batch of N invoices to Postfix's smtp-sink; then smtp-source sends as many messages of the
# same size over the same number of reused connections to the same sink. Prints the time the
# batch took to store, both rates, and Casemail's peak RSS while it mailed.
#
# Needs target/casemail.jar (mvn -DskipTests package), Postfix's smtp-sink and smtp-source
# (Debian: postfix), curl and python3.
# Usage: bench/bulk-send.sh [cases=10000] [connections=8] [warm-up batches=0]
# BENCH_JAVA_OPTS (e.g. -Xmx256m) go to Casemail's JVM; BENCH_DIR, BENCH_HTTP_PORT and
# BENCH_SINK_PORT say where it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${1:-10000}
CONNECTIONS=${2:-8}
WARMUPS=${3:-0}
WORK=${BENCH_DIR:-/tmp/casemail-bench}
export BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-18480}
SINK_PORT=${BENCH_SINK_PORT:-18425}
SINK_USER=$( [ "$(id -u)" = 0 ] && echo "-u nobody" || echo "")
JAR=target/casemail.jar
ADMINISTRATION="Bench Administration"
PIDS=()

stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT

rm -rf "$WORK" && mkdir -p "$WORK/mails" && chmod 777 "$WORK/mails"
export CASEMAIL_DATA_DIR=$WORK/data CASEMAIL_HTTP_PORT=$BENCH_HTTP_PORT
export CASEMAIL_SECRET=bench-secret CASEMAIL_SMTP_HOST=127.0.0.1 CASEMAIL_SMTP_PORT=$SINK_PORT
export CASEMAIL_SMTP_MAX_CONNECTIONS=$CONNECTIONS
java -jar "$JAR" import --administration "$ADMINISTRATION" \
  "${BENCH_DATA:-src/main/resources/demo/acme}" >"$WORK/import.log"
echo "bench password" | java -jar "$JAR" user add --administration "$ADMINISTRATION" \
  --email bench@bench.example --name Bench --admin >/dev/null
export BENCH_KEY=$(java -jar "$JAR" api-key create --administration "$ADMINISTRATION" | tail -1)

# A first sink keeps what it receives: one email of a one-case batch, to size smtp-source's
# messages like Casemail's. Then a sink that keeps nothing takes over, as for smtp-source.
smtp-sink $SINK_USER -d "$WORK/mails/%H%M%S." 127.0.0.1:$SINK_PORT 1000 & SAMPLER=$!
java ${BENCH_JAVA_OPTS:-} -jar "$JAR" serve >"$WORK/serve.log" 2>&1 & CASEMAIL=$!
PIDS+=($CASEMAIL)
until curl -sf "http://127.0.0.1:$BENCH_HTTP_PORT/health" >/dev/null; do sleep 0.5; done
python3 bench/bulk_send.py sample
for _ in $(seq 100); do [ -n "$(ls "$WORK/mails")" ] && break; sleep 0.2; done
[ -n "$(ls "$WORK/mails")" ] || { echo "no sample email arrived; see $WORK/serve.log"; exit 1; }
sleep 1
kill $SAMPLER; wait $SAMPLER 2>/dev/null || true
SIZE=$(stat -c %s "$WORK"/mails/* | sort -n | tail -1)
smtp-sink $SINK_USER 127.0.0.1:$SINK_PORT 1000 & PIDS+=($!)
sleep 1

python3 bench/bulk_send.py run "$CASES" "$WARMUPS" "$CASEMAIL" | tee "$WORK/casemail.txt" \
  | head -n -1
SENT=$(tail -1 "$WORK/casemail.txt")

START=$(date +%s.%N)
smtp-source -d -s "$CONNECTIONS" -m "$SENT" -l "$SIZE" -f bench@bench.example \
  -t sink@bench.example 127.0.0.1:$SINK_PORT
END=$(date +%s.%N)
python3 -c 'import sys; n, size, conns, t = sys.argv[1:5]; print(f"smtp-source -d -s {conns}," \
  f" {n} messages of {size} bytes to the same sink: {int(n) / float(t):.0f} messages/s")' \
  "$SENT" "$SIZE" "$CONNECTIONS" "$(echo "$END - $START" | bc)"
