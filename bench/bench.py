#!/usr/bin/env python3
"""The measuring side of bench/run (see bench/README.md): data, HTTP clients and figures.

bench/run starts and stops the processes; each subcommand here does one step against them:

  ports N                      N free TCP ports
  default KEY                  a default of conf/config.json
  data SRC DEST TOTAL          the shared data in SRC with generated invoices up to TOTAL, in DEST
  sample                       a one-case batch, for a sample email of the bulk message
  bulk CASES WARMUPS PID SIZE CONNS
                               WARMUPS unmeasured batches of CASES cases, then a measured one
                               between two runs of smtp-source -d (SIZE bytes, CONNS connections)
  pixel-tokens FILE            the tracking tokens of the deliveries, for wrk
  wrk NAME URL SECONDS         wrk -t2 -c64 with pixel.lua; its summary kept under NAME
  pixel OPENS_BEFORE           the pixel's figures from the wrk runs and the opens stored
  opens                        the opens stored, once the server has stored every load seen
  timeline ENTRIES             a case with ENTRIES timeline entries, made by API sends
  pages SAMPLES                timeline and overview page latencies as a signed-in staff user
  targets                      PRODUCT.md §12's targets against the figures; fails if one is missing

Reads BENCH_DIR (where figures and logs are kept), BENCH_HTTP_PORT, BENCH_KEY, BENCH_PG_PORT
(or BENCH_DATABASE_URL), BENCH_SINK_PORT and BENCH_USER/BENCH_PASSWORD from the environment. Figures are printed as
`RESULT <name> <value> <unit>` and kept in BENCH_DIR/results.json for the later steps.
"""
import csv
import http.client
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

WORK = Path(os.environ.get("BENCH_DIR", "/tmp/casemail-bench"))
RESULTS = WORK / "results.json"
BENCH_DIR = Path(__file__).resolve().parent

# The case that gets the long timeline: a generated invoice, numbered after every shared one,
# so that no bulk batch (the first invoices by number) touches it.
TIMELINE_INVOICE = "2027-000001"
TIMELINE_ENTRIES = 1000
# How many entries a case page shows at once (its timeline goes on with Older).
TIMELINE_PAGE = 50
SAMPLE_INVOICE = "2026-000030"
MESSAGE = {
    "author": "bench@bench.example",
    "subject": "Invoice {{invoice.number}}",
    "body": "Dear {{contact.name}},\n\nInvoice {{invoice.number}} of {{invoice.amount}} is open"
            " for {{invoice.open_amount}}, due {{invoice.due_date}}.\n\nKind regards,\n"
            "{{user.name}}",
}
# Overview pages as staff ask for them: a filter and a sort each, over every invoice.
OVERVIEWS = [
    "/invoices?status=overdue&sort=due_date&order=desc",
    "/invoices?status=open&amount_min=1000&sort=amount&order=desc",
    "/invoices?due_from=2026-01-01&due_to=2026-06-30&sort=open_amount&order=desc",
    "/invoices?q=bakkerij&status=overdue&sort=number&order=asc",
]
# PRODUCT.md §12: name, comparison, limit.
TARGETS = [
    ("bulk_store_10k_s", "<", 2),
    ("bulk_emails_per_s", ">=", 1000),
    ("bulk_vs_smtp_source", ">=", 0.25),
    ("pixel_vs_nginx", ">=", 0.5),
    ("pixel_p99_ms", "<", 20),
    ("pixel_lost", "==", 0),
    ("timeline_p95_ms", "<", 50),
    ("overview_p95_ms", "<", 50),
    ("rss_peak_mb", "<", 512),
]
# A page's timed requests stop after this many seconds (and at least 50), so that a slow page
# does not hold a run up for long.
PAGE_SECONDS = 120
FIGURES = ["bulk_store_10k_s", "bulk_emails_per_s", "bulk_vs_smtp_source", "pixel_rps",
           "pixel_vs_nginx", "pixel_p99_ms", "pixel_lost", "timeline_p95_ms",
           "overview_p95_ms", "rss_peak_mb"]


def log(text):
    print("bench: " + text, file=sys.stderr, flush=True)


def kept():
    return json.loads(RESULTS.read_text()) if RESULTS.exists() else {}


def keep(name, value):
    values = kept()
    values[name] = value
    RESULTS.write_text(json.dumps(values, indent=1))


def result(name, value, unit, digits):
    """Prints a figure as a RESULT line and keeps it."""
    value = round(value, digits) if digits else int(round(value))
    keep(name, value)
    print(f"RESULT {name} {value} {unit}", flush=True)


def percentile(values, p):
    """The nearest-rank percentile: the smallest value with at least p% of values at or below."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def sql(query):
    """One query through psql against the database Casemail uses; its rows as text."""
    database = os.environ.get("BENCH_DATABASE_URL") or (
        f"postgresql://postgres@127.0.0.1:{os.environ['BENCH_PG_PORT']}/postgres")
    return subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", query],
        check=True, capture_output=True, text=True).stdout.strip()


# --- the data ---------------------------------------------------------------------------------

def data(source, destination, total):
    """Copies the shared data and adds invoices numbered 2027-000001 on up to `total` invoices.

    The generated invoices belong to the shared customers, with amounts, dates and open amounts
    spread like the shared ones: about half paid, the rest open or overdue.
    """
    source, destination = Path(source), Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("customers.csv", "matters.csv"):
        shutil.copyfile(source / name, destination / name)
    with open(source / "customers.csv", newline="", encoding="utf-8") as file:
        customers = list(csv.DictReader(file))
    emailed = [c["customer_number"] for c in customers if c["email"].strip()]
    numbers = [c["customer_number"] for c in customers]
    with open(source / "invoices.csv", newline="", encoding="utf-8") as file:
        shared = list(csv.reader(file))
    header, rows = shared[0], shared[1:]
    generate = total - len(rows)
    if generate < 1:
        raise SystemExit(f"{source} already holds {len(rows)} invoices, not fewer than {total}")
    randomness = random.Random(9)
    first = date(2025, 1, 1)
    with open(destination / "invoices.csv", "w", newline="", encoding="utf-8") as file:
        out = csv.writer(file, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
        for n in range(1, generate + 1):
            customer = randomness.choice(emailed if n == 1 else numbers)
            issued = first + timedelta(days=randomness.randrange(730))
            due = issued + timedelta(days=randomness.choice((14, 30, 30, 60)))
            amount = randomness.randrange(2_000, 2_500_000) / 100
            left = randomness.random()
            open_amount = 0 if left < 0.5 else amount if left < 0.85 else round(amount / 3, 2)
            out.writerow([f"2027-{n:06d}", customer, issued.isoformat(), due.isoformat(),
                          f"{amount:.2f}", f"{open_amount:.2f}", "EUR",
                          f"Generated invoice {n} for the benchmark"])
    log(f"{len(rows)} shared and {generate} generated invoices in {destination}")


# --- HTTP -------------------------------------------------------------------------------------

def connection():
    return http.client.HTTPConnection("127.0.0.1", int(os.environ["BENCH_HTTP_PORT"]),
                                      timeout=120)


def api(path, body=None, client=None):
    own = client is None
    client = client or connection()
    try:
        headers = {"Authorization": "Bearer " + os.environ["BENCH_KEY"]}
        if body is not None:
            headers["Content-Type"] = "application/json"
        client.request("GET" if body is None else "POST", "/api/v1" + path,
                       None if body is None else json.dumps(body), headers)
        reply = client.getresponse()
        text = reply.read()
        if reply.status >= 300:
            raise RuntimeError(f"{path}: {reply.status} {text[:300]!r}")
        return json.loads(text)
    finally:
        if own:
            client.close()


def invoice_id(number):
    return api("/invoices?number=" + number)["items"][0]["id"]


def invoice_ids(wanted):
    ids, cursor = [], None
    while len(ids) < wanted:
        page = api("/invoices?limit=500" + (f"&cursor={cursor}" if cursor else ""))
        ids += [item["id"] for item in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    return ids[:wanted]


def unsent():
    return int(sql("SELECT count(*) FROM deliveries WHERE status IN ('queued', 'sending')"))


def wait_until_mailed(what, limit=600):
    start = time.time()
    while unsent():
        if time.time() - start > limit:
            raise SystemExit(f"{what}: deliveries still unsent after {limit} s")
        time.sleep(0.5)


# --- bulk -------------------------------------------------------------------------------------

def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field))


def reset_peak_rss(pid):
    """Restarts the kernel's peak RSS count (VmHWM) of pid; False where that is not allowed."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def batch(ids, pid=None):
    """Stores a batch and waits until it is mailed: (store s, mail s, sent, peak RSS kB)."""
    peak = 0
    start = time.time()
    created = api("/batches", dict(MESSAGE, case_type="invoice", case_ids=ids))
    stored = time.time()
    while True:
        if pid:
            peak = max(peak, rss_kb(pid))
        progress = api(f"/batches/{created['id']}")
        if progress["done"]:
            return stored - start, time.time() - stored, progress["sent"], peak
        time.sleep(0.1)


def sample():
    api("/batches", dict(MESSAGE, case_type="invoice", filter={"number": SAMPLE_INVOICE}))


def bulk(cases, warmups, pid, size, connections):
    """WARMUPS unmeasured batches, then smtp-source, the measured batch and smtp-source again:
    the anchor is the mean of the two smtp-source rates around the batch."""
    ids = invoice_ids(cases)
    if len(ids) < cases:
        raise SystemExit(f"only {len(ids)} invoices to send to, not {cases}")
    for n in range(warmups):
        store, mail, sent, _ = batch(ids)
        log(f"warm-up batch {n + 1}: stored in {store:.2f} s, {sent} mailed in {mail:.1f} s")
        wait_until_mailed("warm-up")
        time.sleep(2)
    before = smtp_source(cases, size, connections)
    time.sleep(2)
    exact = reset_peak_rss(pid)
    store, mail, sent, sampled = batch(ids, pid)
    peak = max(sampled, rss_kb(pid, "VmHWM") if exact else 0)
    log(f"batch of {cases} cases: stored in {store:.2f} s, {sent} emails mailed in {mail:.2f} s;"
        f" peak RSS {'(kernel high-water mark)' if exact else '(sampled every 0.1 s)'}")
    time.sleep(2)
    after = smtp_source(cases, size, connections)
    anchor = (before + after) / 2
    log(f"smtp-source -d -s {connections}, {cases} messages of {size} bytes to the same sink:"
        f" {before:.0f} messages/s before the batch, {after:.0f} after")
    keep("smtp_source_per_s", round(anchor))
    result("bulk_store_10k_s", store, "s", 2)
    result("bulk_emails_per_s", sent / mail, "emails/s", 0)
    result("bulk_vs_smtp_source", sent / mail / anchor, "ratio", 3)
    result("rss_peak_mb", peak / 1024, "MB", 0)


def smtp_source(count, size, connections):
    """Postfix's smtp-source reusing its connections (-d): messages per second to the sink."""
    start = time.time()
    subprocess.run(["smtp-source", "-d", "-s", str(connections), "-m", str(count), "-l",
                    str(size), "-f", "bench@bench.example", "-t", "sink@bench.example",
                    "127.0.0.1:" + os.environ["BENCH_SINK_PORT"]], check=True)
    return count / (time.time() - start)


# --- pixel ------------------------------------------------------------------------------------

def pixel_tokens(file):
    tokens = sql("SELECT tracking_token FROM deliveries WHERE status = 'sent'"
                 " ORDER BY random() LIMIT 20000")
    Path(file).write_text(tokens + "\n")
    log(f"{len(tokens.split())} tracking tokens in {file}")


def run_wrk(name, url, seconds):
    """wrk -t2 -c64 with pixel.lua against url; keeps its rate, p99 and requests sent."""
    out = subprocess.run(
        ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", "-s", str(BENCH_DIR / "pixel.lua"),
         url, "--", str(WORK / "tokens.txt")], check=True, capture_output=True, text=True).stdout
    (WORK / f"wrk-{name}.txt").write_text(out)
    figures = dict(re.findall(r"^([a-z0-9 /]+): ([0-9.]+)", out, re.MULTILINE))
    log(f"wrk {name}: {figures['requests/s']} requests/s, p99 {figures['p99 latency']} ms,"
        f" {figures['requests sent']} requests sent, {figures['responses']} answered,"
        f" {figures['socket errors']} socket errors")
    if figures["status errors"] != "0":
        raise SystemExit(f"wrk {name}: {figures['status errors']} answers were not 200")
    keep("wrk_" + name, {key: float(value) for key, value in figures.items()})


def opens():
    """The opens stored, once nothing is pending and the count held still for two seconds."""
    last, start = None, time.time()
    while time.time() - start < 120:
        count = int(sql("SELECT count(*) FROM opens"))
        if count == last and pending_opens() == 0:
            return count
        last = count
        time.sleep(2)
    raise SystemExit("opens still being stored after 120 s")


def pending_opens():
    client = connection()
    try:
        client.request("GET", "/metrics")
        text = client.getresponse().read().decode()
    finally:
        client.close()
    found = re.search(r"^casemail_opens_pending\S* ([0-9.e+]+)", text, re.MULTILINE)
    return float(found.group(1)) if found else 0


def pixel(opens_before):
    """The pixel's figures. Lost: loads Casemail answered whose open is not stored. A request
    wrk sent in its last moment may get no answer — wrk closes its connections, and a reset can
    drop what the server had not read yet — so those are no loss of Casemail's."""
    values = kept()
    casemail = values["wrk_casemail"]
    nginx = [values[name]["requests/s"] for name in ("wrk_nginx_before", "wrk_nginx_after")]
    stored = opens() - int(opens_before)
    sent, answered = int(casemail["requests sent"]), int(casemail["responses"])
    log(f"pixel: {sent} requests sent, {answered} answered, {stored} opens stored;"
        f" nginx {nginx[0]:.0f} and {nginx[1]:.0f} requests/s before and after")
    keep("nginx_per_s", round(sum(nginx) / 2))
    result("pixel_rps", casemail["requests/s"], "requests/s", 0)
    result("pixel_vs_nginx", casemail["requests/s"] / (sum(nginx) / 2), "ratio", 3)
    result("pixel_p99_ms", casemail["p99 latency"], "ms", 2)
    result("pixel_lost", max(0, answered - stored), "requests", 0)


# --- pages ------------------------------------------------------------------------------------

def timeline(entries):
    """Sends `entries` messages on one invoice through the API (4 at a time) and waits until
    they are mailed, so that its timeline shows them as sent."""
    number = TIMELINE_INVOICE
    case_id = invoice_id(number)
    have = len(api(f"/invoices/{case_id}/timeline?limit=500")["items"])
    todo = list(range(entries - have))
    lock = threading.Lock()

    def send():
        client = connection()
        while True:
            with lock:
                if not todo:
                    break
                n = todo.pop()
            api("/messages", {"case": {"type": "invoice", "number": number},
                              "author": MESSAGE["author"], "subject": f"Reminder {n}",
                              "body": MESSAGE["body"]}, client)
        client.close()

    start = time.time()
    senders = [threading.Thread(target=send) for _ in range(4)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    wait_until_mailed("timeline")
    count = int(sql(f"SELECT count(*) FROM messages m JOIN invoices i ON i.id = m.case_id"
                    f" WHERE m.case_type = 'invoice' AND i.number = '{number}'"))
    if count != entries:
        raise SystemExit(f"invoice {number} has {count} messages, not {entries}")
    log(f"invoice {number} (id {case_id}) has {count} timeline entries"
        f" ({count - have} sent through the API in {time.time() - start:.1f} s)")
    keep("timeline_case", case_id)


class Staff:
    """A signed-in staff user's browser: one keep-alive connection and the session cookie."""

    def __init__(self):
        self.client = connection()
        self.cookie = None
        page = self.get("/login")
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"_csrf": token, "next": "/inbox",
                                       "email": os.environ["BENCH_USER"],
                                       "password": os.environ["BENCH_PASSWORD"]})
        status, _ = self.request("POST", "/login", form)
        if status != 302:
            raise SystemExit(f"sign-in answered {status}")

    def request(self, method, path, form=None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if form:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.client.request(method, path, form, headers)
        reply = self.client.getresponse()
        body = reply.read().decode()
        for header, value in reply.getheaders():
            if header.lower() == "set-cookie" and value.startswith("casemail_session="):
                self.cookie = value.split(";")[0]
        return reply.status, body

    def get(self, path):
        status, body = self.request("GET", path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        return body

    def timed(self, path):
        start = time.perf_counter()
        body = self.get(path)
        return (time.perf_counter() - start) * 1000, body


def page_p95(staff, paths, samples, check):
    """Sequential GETs of paths in turn: a warm-up round of 20 each, then `samples` timed, or
    as many as PAGE_SECONDS allow (at least 50): (p95, p50, max, how many)."""
    for path in paths * 20:
        check(path, staff.get(path))
    times, start = [], time.time()
    while len(times) < samples and (len(times) < 50 or time.time() - start < PAGE_SECONDS):
        times.append(staff.timed(paths[len(times) % len(paths)])[0])
    return percentile(times, 95), percentile(times, 50), max(times), len(times)


def pages(samples):
    staff = Staff()
    case = kept()["timeline_case"]
    timeline_path = f"/invoices/{case}"

    def entries(path, body):
        # The case page shows the newest entries of the timeline (a page of them, with Older).
        shown = len(re.findall(r'<li class="entry[ "]', body))
        if shown < min(TIMELINE_PAGE, TIMELINE_ENTRIES):
            raise SystemExit(f"{path} shows {shown} timeline entries")

    def rows(path, body):
        if "2025-" not in body and "2026-" not in body and "2027-" not in body:
            raise SystemExit(f"{path} shows no invoices")

    p95, p50, worst, count = page_p95(staff, [timeline_path], samples, entries)
    log(f"case page {timeline_path} of a 1,000-entry timeline, {count} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms,"
        f" max {worst:.1f} ms")
    result("timeline_p95_ms", p95, "ms", 1)
    total = int(sql("SELECT count(*) FROM invoices"))
    if total < 100_000:
        raise SystemExit(f"only {total} invoices for the overview")
    p95, p50, worst, count = page_p95(staff, OVERVIEWS, samples, rows)
    log(f"overview pages over {total} invoices ({len(OVERVIEWS)} filters and sorts in turn),"
        f" {count} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms")
    result("overview_p95_ms", p95, "ms", 1)


# --- targets ----------------------------------------------------------------------------------

def targets():
    values = kept()
    holds = {"<": lambda a, b: a < b, ">=": lambda a, b: a >= b, "==": lambda a, b: a == b}
    for name, comparison, limit in TARGETS:
        if name in values:
            verdict = "ok" if holds[comparison](values[name], limit) else "MISSED"
            print(f"TARGET {name} {comparison} {limit} {verdict}")
    missing = [name for name in FIGURES if name not in values]
    if missing:
        print("bench: not measured: " + " ".join(missing), file=sys.stderr)
        sys.exit(1)


def free_ports(count):
    """Ports nothing listens on now, for the servers of this run."""
    sockets = [socket.socket() for _ in range(count)]
    for each in sockets:
        each.bind(("127.0.0.1", 0))
    ports = [each.getsockname()[1] for each in sockets]
    for each in sockets:
        each.close()
    return ports


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "ports":
        print(*free_ports(int(args[0])))
    elif command == "default":
        print(json.loads((BENCH_DIR.parent / "conf" / "config.json").read_text())[args[0]])
    elif command == "data":
        data(args[0], args[1], int(args[2]))
    elif command == "sample":
        sample()
    elif command == "bulk":
        bulk(*map(int, args[:5]))
    elif command == "pixel-tokens":
        pixel_tokens(args[0])
    elif command == "wrk":
        run_wrk(args[0], args[1], int(args[2]))
    elif command == "opens":
        print(opens())
    elif command == "pixel":
        pixel(args[0])
    elif command == "timeline":
        timeline(int(args[0]))
    elif command == "pages":
        pages(int(args[0]))
    elif command == "targets":
        targets()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
