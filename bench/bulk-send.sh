#!/usr/bin/env bash
# A first, ad-hoc measurement of a bulk send (PRODUCT.md §12), not the benchmark harness:
# Casemail (`serve`, embedded PostgreSQL in a fresh data directory) mails a batch of N invoices
# of the shared data to Postfix's smtp-sink; then smtp-source sends as many messages of the
# same size over the same number of reused connections to the same sink. Prints the time the
# batch took to store, both rates, and Casemail's peak RSS while it mailed.
#
# Needs: target/casemail.jar (mvn -DskipTests package), Postfix's smtp-sink and smtp-source
# (Debian: postfix), curl, python3. Usage: bench/bulk-send.sh [cases] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${1:-10000}
CONNECTIONS=${2:-8}
WORK=${BENCH_DIR:-/tmp/casemail-bench}
HTTP_PORT=${BENCH_HTTP_PORT:-18480}
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
export CASEMAIL_DATA_DIR=$WORK/data CASEMAIL_HTTP_PORT=$HTTP_PORT CASEMAIL_SECRET=bench-secret
export CASEMAIL_SMTP_HOST=127.0.0.1 CASEMAIL_SMTP_PORT=$SINK_PORT
export CASEMAIL_SMTP_MAX_CONNECTIONS=$CONNECTIONS
java -jar "$JAR" import --administration "$ADMINISTRATION" "${BENCH_DATA:-src/main/resources/demo/acme}" \
  >"$WORK/import.log"
echo "bench password" | java -jar "$JAR" user add --administration "$ADMINISTRATION" \
  --email bench@bench.example --name Bench --admin >/dev/null
KEY=$(java -jar "$JAR" api-key create --administration "$ADMINISTRATION" | tail -1)

# A first sink keeps what it receives: one email of a one-case batch, to size smtp-source's
# messages like Casemail's. Then a sink that keeps nothing takes over, as for smtp-source.
smtp-sink $SINK_USER -d "$WORK/mails/%H%M%S." 127.0.0.1:$SINK_PORT 1000 & SAMPLER=$!
java -Xlog:disable -jar "$JAR" serve >"$WORK/serve.log" 2>&1 & CASEMAIL=$!; PIDS+=($CASEMAIL)
until curl -sf "http://127.0.0.1:$HTTP_PORT/health" >/dev/null; do sleep 0.5; done

api() {
  curl -sf -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" "$@"
}

api -d '{"case_type": "invoice", "filter": {"number": "2026-000030"}, "author": "bench@bench.example", "subject": "Invoice {{invoice.number}}", "body": "Dear {{contact.name}},\n\nInvoice {{invoice.number}} of {{invoice.amount}} is open for {{invoice.open_amount}}, due {{invoice.due_date}}.\n\nKind regards,\n{{user.name}}"}' \
  "http://127.0.0.1:$HTTP_PORT/api/v1/batches" >/dev/null
for _ in $(seq 100); do [ -n "$(ls "$WORK/mails")" ] && break; sleep 0.2; done
[ -n "$(ls "$WORK/mails")" ] || { echo "no sample email arrived; see $WORK/serve.log"; exit 1; }
sleep 1
kill $SAMPLER; wait $SAMPLER 2>/dev/null || true
SIZE=$(stat -c %s "$WORK"/mails/* | sort -n | tail -1)
smtp-sink $SINK_USER 127.0.0.1:$SINK_PORT 1000 & PIDS+=($!)
sleep 1

IDS=$(python3 - "$HTTP_PORT" "$KEY" "$CASES" <<'EOF'
import json, sys, urllib.request
port, key, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids, cursor = [], None
while len(ids) < wanted:
    url = f"http://127.0.0.1:{port}/api/v1/invoices?limit=500" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + key})))
    ids += [item["id"] for item in page["items"]]
    cursor = page["next"]
    if not cursor:
        break
print(json.dumps(ids[:wanted]))
EOF
)
BODY=$(python3 -c 'import json,sys; print(json.dumps({"case_type": "invoice", "case_ids": json.loads(sys.argv[1]), "author": "bench@bench.example", "subject": "Invoice {{invoice.number}}", "body": "Dear {{contact.name}},\n\nInvoice {{invoice.number}} of {{invoice.amount}} is open for {{invoice.open_amount}}, due {{invoice.due_date}}.\n\nKind regards,\n{{user.name}}"}))' "$IDS")

START=$(date +%s.%N)
REPLY=$(api -d "$BODY" "http://127.0.0.1:$HTTP_PORT/api/v1/batches")
STORED=$(date +%s.%N)
BATCH=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$REPLY")

PEAK=0
while :; do
  RSS=$(awk '/VmRSS/ {print $2}' "/proc/$CASEMAIL/status")
  [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  PROGRESS=$(api "http://127.0.0.1:$HTTP_PORT/api/v1/batches/$BATCH")
  python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["done"] else 1)' \
    <<<"$PROGRESS" && break
  sleep 0.2
done
SENT_AT=$(date +%s.%N)
SENT=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["sent"])' <<<"$PROGRESS")

SOURCE_START=$(date +%s.%N)
smtp-source -d -s "$CONNECTIONS" -m "$SENT" -l "$SIZE" -f bench@bench.example \
  -t sink@bench.example 127.0.0.1:$SINK_PORT
SOURCE_END=$(date +%s.%N)

python3 - "$CASES" "$START" "$STORED" "$SENT_AT" "$SENT" "$SOURCE_START" "$SOURCE_END" \
  "$PEAK" "$SIZE" "$CONNECTIONS" <<'EOF'
import sys
cases, start, stored, sent_at, sent, s0, s1, peak, size, conns = sys.argv[1:]
store = float(stored) - float(start)
mail = float(sent_at) - float(stored)
source = float(s1) - float(s0)
print(f"batch of {cases} cases stored in {store:.2f} s (the API call, from request to 202)")
print(f"mailed {sent} emails of about {size} bytes in {mail:.2f} s: {int(sent) / mail:.0f} emails/s"
      f" over {conns} connections")
print(f"smtp-source, same sink, {sent} messages of {size} bytes, -d -s {conns}: "
      f"{int(sent) / source:.0f} messages/s")
print(f"Casemail peak RSS while mailing: {int(peak) / 1024:.0f} MB")
EOF
