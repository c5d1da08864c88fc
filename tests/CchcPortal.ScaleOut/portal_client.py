"""What a browser does on the portal, in the standard library only: a cookie jar (shared across nodes: cookies
are per host, not per port, as behind one public address), antiforgery tokens from the form pages, the ALTCHA
proof of work solved as the widget does (tests/CchcPortal.Tests/Integration/AltchaTestClient.cs)."""
import base64, hashlib, html, http.cookiejar, json, re, unicodedata, urllib.error, urllib.parse, urllib.request

TOKEN_RE = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
CODE_RE = re.compile(r'Mã hồ sơ: <strong class="big-number">([^<]+)</strong>')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def location(self):
        return self.headers.get("Location", "")


class Browser:
    """One visitor: its cookies go to whichever node a request is sent to."""

    def __init__(self, timeout=15):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.timeout = timeout

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(url, body, headers={"Accept-Encoding": "identity"})
        try:
            with self.opener.open(req, timeout=self.timeout) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())

    def get(self, url):
        return self.request(url)

    def token(self, form_url):
        page = self.get(form_url)
        match = TOKEN_RE.search(page.text)
        if not match:
            raise RuntimeError(f"no antiforgery token on {form_url} (HTTP {page.status})")
        return html.unescape(match.group(1))

    def post_form(self, url, fields, form_url=None, token=None):
        fields = dict(fields)
        fields["__RequestVerificationToken"] = token or self.token(form_url or url.split("?")[0])
        return self.request(url, fields)

    def sign_in(self, base, email, password):
        return self.post_form(base + "/tai-khoan/dang-nhap", {"Email": email, "Password": password})

    def challenge(self, base):
        return json.loads(self.get(base + "/hoi-dap/thu-thach").body)

    def submit_question(self, base, i, altcha=None, form_base=None):
        """Posts the question form (form page and challenge from form_base, default base). Returns (response, altcha)."""
        form_base = form_base or base
        token = self.token(form_base + "/hoi-dap/gui-cau-hoi")
        altcha = altcha or solve(self.challenge(form_base))
        fields = {
            "altcha": altcha, "Input.Kind": "Question",
            "Input.Title": f"Hỏi về thời hạn giải quyết hồ sơ đất đai lần {i}",
            "Input.Content": f"Tôi đã nộp hồ sơ đăng ký biến động đất đai (lần thử {i}), xin hỏi bao lâu thì có kết quả?",
            "Input.Name": "Lê Thị Thử", "Input.Phone": "0905 000 111", "Input.Email": f"thu.{slugify(str(i))}@example.vn",
            "Input.Area": "Phường Nghĩa Lộ", "Input.ConsentToPublish": "true",
        }
        return self.post_form(base + "/hoi-dap/gui-cau-hoi", fields, token=token), altcha

    def receipt_code(self, base):
        """The tracking code the receipt page shows after a saved question (the receipt cookie goes along)."""
        page = self.get(base + "/hoi-dap/bien-nhan")
        match = CODE_RE.search(page.text)
        return html.unescape(match.group(1)).strip() if match else None


def solve(challenge):
    salt, target = challenge["salt"], challenge["challenge"]
    for n in range(challenge["maxnumber"] + 1):
        if hashlib.sha256((salt + str(n)).encode()).hexdigest() == target:
            payload = {"algorithm": challenge["algorithm"], "challenge": target, "number": n, "salt": salt,
                       "signature": challenge["signature"], "took": 300}
            return base64.b64encode(json.dumps(payload).encode()).decode()
    raise RuntimeError("challenge not solvable")


def slugify(text):
    """The portal's slug: Vietnamese without diacritics, lower case, words joined by hyphens (SlugGenerator)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
