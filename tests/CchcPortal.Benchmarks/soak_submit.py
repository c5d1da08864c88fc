#!/usr/bin/env python3
"""Soak helper: submits one question every INTERVAL seconds as a browser with JavaScript would (form page for the
antiforgery token, the ALTCHA challenge solved, the POST, the receipt), until DEADLINE (epoch seconds).
Writes one line per submission to stdout: epoch_seconds status milliseconds."""
import base64, hashlib, html, http.cookiejar, json, re, sys, time, urllib.error, urllib.parse, urllib.request

base, interval, deadline = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
token_re = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def solve(challenge):
    salt, target = challenge["salt"], challenge["challenge"]
    for n in range(challenge["maxnumber"] + 1):
        if hashlib.sha256((salt + str(n)).encode()).hexdigest() == target:
            payload = {"algorithm": challenge["algorithm"], "challenge": target, "number": n, "salt": salt,
                       "signature": challenge["signature"], "took": 500}
            return base64.b64encode(json.dumps(payload).encode()).decode()
    raise RuntimeError("challenge not solvable")


def submit(i):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
    page = opener.open(base + "/hoi-dap/gui-cau-hoi", timeout=30).read().decode()
    token = html.unescape(token_re.search(page).group(1))
    challenge = json.load(opener.open(base + "/hoi-dap/thu-thach", timeout=30))
    fields = {
        "__RequestVerificationToken": token, "altcha": solve(challenge), "Input.Kind": "Question",
        "Input.Title": f"Hỏi về thời hạn giải quyết hồ sơ đất đai lần {i}",
        "Input.Content": f"Tôi đã nộp hồ sơ đăng ký biến động đất đai (lần thử {i}), xin hỏi bao lâu thì có kết quả?",
        "Input.Name": "Lê Thị Thử", "Input.Phone": "0905 000 111", "Input.Email": "thu@example.vn",
        "Input.Area": "Phường Nghĩa Lộ", "Input.ConsentToPublish": "true",
    }
    start = time.monotonic()
    try:
        status = opener.open(base + "/hoi-dap/gui-cau-hoi", urllib.parse.urlencode(fields).encode(), timeout=30).status
    except urllib.error.HTTPError as e:
        status = e.code
    return status, (time.monotonic() - start) * 1000


i = 0
while time.time() < deadline:
    i += 1
    started = time.time()
    try:
        status, ms = submit(i)
    except Exception as e:  # a refused connection or a timeout counts as a failure
        print(f"{started:.0f} 599 0 {type(e).__name__}", file=sys.stderr)
        status, ms = 599, 0
    print(f"{started:.0f} {status} {ms:.0f}", flush=True)
    time.sleep(max(0.0, interval - (time.time() - started)))
