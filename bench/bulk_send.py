#!/usr/bin/env python3
"""The HTTP side of bench/bulk-send.sh: sends bulk messages through the API and watches them.

  bulk_send.py sample                      a one-case batch (for a sample email)
  bulk_send.py run CASES WARMUPS PID       WARMUPS unmeasured batches, then one measured:
                                           prints store time, mailing rate, peak RSS of PID

Reads BENCH_HTTP_PORT and BENCH_KEY from the environment.
"""
import json
import os
import sys
import time
import urllib.request

PORT = os.environ["BENCH_HTTP_PORT"]
KEY = os.environ["BENCH_KEY"]
MESSAGE = {
    "author": "bench@bench.example",
    "subject": "Invoice {{invoice.number}}",
    "body": "Dear {{contact.name}},\n\nInvoice {{invoice.number}} of {{invoice.amount}} is open"
            " for {{invoice.open_amount}}, due {{invoice.due_date}}.\n\nKind regards,\n"
            "{{user.name}}",
}


def api(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}/api/v1{path}", data=data, headers={
        "Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as reply:
        return json.load(reply)


def invoice_ids(wanted):
    ids, cursor = [], None
    while len(ids) < wanted:
        page = api("/invoices?limit=500" + (f"&cursor={cursor}" if cursor else ""))
        ids += [item["id"] for item in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    return ids[:wanted]


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))


def batch(ids, pid=None):
    """Stores a batch and waits until it is mailed: (store seconds, mail seconds, sent, peak)."""
    start = time.time()
    created = api("/batches", dict(MESSAGE, case_type="invoice", case_ids=ids))
    stored = time.time()
    peak = 0
    while True:
        if pid:
            peak = max(peak, rss_kb(pid))
        progress = api(f"/batches/{created['id']}")
        if progress["done"]:
            return stored - start, time.time() - stored, progress["sent"], peak
        time.sleep(0.1)


def main():
    if sys.argv[1] == "sample":
        api("/batches", dict(MESSAGE, case_type="invoice", filter={"number": "2026-000030"}))
        return
    cases, warmups, pid = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ids = invoice_ids(cases)
    for _ in range(warmups):
        batch(ids)
    store, mail, sent, peak = batch(ids, pid)
    print(f"batch of {len(ids)} cases stored in {store:.2f} s (API request to its 202)")
    print(f"mailed {sent} emails in {mail:.2f} s: {sent / mail:.0f} emails/s")
    print(f"Casemail's peak RSS while mailing: {peak / 1024:.0f} MB")
    print(sent)


if __name__ == "__main__":
    main()
