#!/usr/bin/env python3
"""Contest load (issue 24): N participants at once, each registering, starting an attempt, saving every answer as
contest.js does, and submitting. Standard library only; one thread and one cookie jar per participant. Prints the
p50/p95/p99 per step as a Markdown table, then checks the database: every answer the server accepted (204) is stored.
Usage: contest_load.py BASE_URL SLUG DB_FILE [PARTICIPANTS] [TIME_LIMIT_SECONDS]"""
import http.cookiejar, re, sqlite3, sys, threading, time, urllib.error, urllib.parse, urllib.request

base, slug, db_file = sys.argv[1], sys.argv[2], sys.argv[3]
participants = int(sys.argv[4]) if len(sys.argv) > 4 else 200
time_limit = float(sys.argv[5]) if len(sys.argv) > 5 else 300
token_re = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
question_re = re.compile(r'data-question-id="(\d+)"')
timings, errors, accepted = {}, [], {}
lock = threading.Lock()
deadline = time.monotonic() + time_limit

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

def timed(step, opener, url, data=None):
    if time.monotonic() > deadline:
        raise TimeoutError("time limit of the run reached")
    started = time.perf_counter()
    request = urllib.request.Request(base + url, data=urllib.parse.urlencode(data).encode() if data is not None else None)
    try:
        with opener.open(request, timeout=60) as response:
            status, body, location = response.status, response.read().decode(), response.headers.get("Location")
    except urllib.error.HTTPError as e:
        status, body, location = e.code, e.read().decode(errors="replace"), e.headers.get("Location")
    elapsed = (time.perf_counter() - started) * 1000
    with lock:
        timings.setdefault(step, []).append(elapsed)
    return status, body, location

def participant(n):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    try:
        status, body, _ = timed("1 trang cuộc thi (GET)", opener, f"/cuoc-thi/{slug}")
        token = token_re.search(body).group(1).replace("&#x2B;", "+").replace("&#x2F;", "/").replace("&#x3D;", "=")
        status, _, _ = timed("2 đăng ký (POST)", opener, f"/cuoc-thi/{slug}?handler=Register", {
            "Input.Name": f"Người thử tải {n}", "Input.Phone": f"0912{n:06d}", "Input.Unit": f"Đơn vị {n % 20}",
            "Input.Commune": f"Xã {n % 7}", "Input.TieBreakGuess": str(150 + n), "__RequestVerificationToken": token})
        assert status == 303, f"register {status}"
        status, _, location = timed("3 bắt đầu (POST)", opener, f"/cuoc-thi/{slug}?handler=Start", {"__RequestVerificationToken": token})
        assert status == 303 and location, f"start {status}"
        attempt = location.rsplit("/", 1)[1]
        status, sheet, _ = timed("4 bài thi (GET)", opener, location)
        assert status == 200, f"sheet {status}"
        ids = question_re.findall(sheet)
        sent = 0
        for i, qid in enumerate(ids):
            status, _, _ = timed("5 lưu một câu (POST)", opener, f"/cuoc-thi/bai-thi/{attempt}/luu",
                                 {"questionId": qid, "option": "ABCD"[(n + i) % 4], "__RequestVerificationToken": token})
            if status == 204:
                sent += 1
            else:
                raise AssertionError(f"save {status}")
        status, _, location = timed("6 nộp bài (POST)", opener, location, {"__RequestVerificationToken": token})
        assert status == 303 and "/ket-qua/" in location, f"submit {status}"
        with lock:
            accepted[attempt] = sent
    except Exception as e:  # every failure is counted and shown, never hidden
        with lock:
            errors.append(f"{n}: {e}")

started = time.perf_counter()
threads = [threading.Thread(target=participant, args=(n,)) for n in range(participants)]
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - started

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

print(f"\n{participants} participants at once, {len(accepted)} submitted, {len(errors)} failed, {wall:.1f} s wall time\n")
print("| step | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|")
for step in sorted(timings):
    v = timings[step]
    print(f"| {step} | {len(v)} | {pct(v, 50):.0f} | {pct(v, 95):.0f} | {pct(v, 99):.0f} | {max(v):.0f} |")

db = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
stored = dict(db.execute('SELECT t."Token", COUNT(a."Id") FROM "ContestAttempt" t LEFT JOIN "ContestAnswer" a ON a."AttemptId" = t."Id" GROUP BY t."Token"').fetchall())
unscored = db.execute('SELECT COUNT(*) FROM "ContestAttempt" WHERE "SubmittedAt" IS NULL').fetchone()[0]
lost = sum(max(0, sent - stored.get(token, 0)) for token, sent in accepted.items())
print(f"\nanswers accepted (204): {sum(accepted.values())}; stored for those attempts: {sum(stored.get(t, 0) for t in accepted)}; lost: {lost}; attempts not closed: {unscored}")
for e in errors[:10]: print("error:", e)
sys.exit(1 if lost or errors else 0)
