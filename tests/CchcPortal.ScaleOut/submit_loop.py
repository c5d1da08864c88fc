#!/usr/bin/env python3
"""Failover load (run.sh, step f): WORKERS citizens submit questions through BASE (nginx) until DEADLINE (epoch s).
Prints one line per attempt: "epoch_seconds status code" where code is the tracking code the receipt page showed
("-" when none: the POST failed, e.g. 502 for a request in flight on the node that was killed)."""
import sys, threading, time

from portal_client import Browser

base, deadline, workers = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
lock = threading.Lock()


def citizen(w):
    i = 0
    while time.time() < deadline:
        i += 1
        started = time.time()
        status, code = 599, None
        try:
            browser = Browser(timeout=20)
            response, _ = browser.submit_question(base, f"tải {w}-{i}")
            status = response.status
            if status == 303:
                code = browser.receipt_code(base)
        except Exception as e:  # a refused connection or a timeout: no code was shown
            print(f"{started:.0f} worker {w}: {type(e).__name__}: {e}", file=sys.stderr)
        with lock:
            print(f"{started:.0f} {status} {code or '-'}", flush=True)


threads = [threading.Thread(target=citizen, args=(w,)) for w in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
