#!/usr/bin/env python3
"""The cross-node assertions of run.sh (a-e), each printed as PASS/FAIL; the exit code is the number of failures.
Usage: cross_node_checks.py NODE_A NODE_B MAIL_DIR_A MAIL_DIR_B   (env CCHC_ADMIN_EMAIL, CCHC_ADMIN_PASSWORD)
Writes "slug=..." and "codes=..." to the file in env CHECKS_OUT for the later steps."""
import html, os, random, re, string, sys, time

from mail_pickup import messages, subject_code
from portal_client import Browser, slugify

a, b, mail_a, mail_b = sys.argv[1:5]
admin_email, admin_password = os.environ["CCHC_ADMIN_EMAIL"], os.environ["CCHC_ADMIN_PASSWORD"]
failures = 0


def check(name, ok, detail=""):
    global failures
    print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    if not ok:
        failures += 1
    return ok


def poll(seconds, probe, interval=0.1):
    """Calls probe until it returns a true value or the time is up; returns (value, seconds waited)."""
    start = time.monotonic()
    while True:
        value = probe()
        waited = time.monotonic() - start
        if value or waited >= seconds:
            return value, waited
        time.sleep(interval)


marker = "".join(random.choice(string.ascii_lowercase) for _ in range(10))
title = f"Liên thông hồ sơ đất đai giữa các máy chủ {marker}"
slug = slugify(title)
article = f"/tin-tuc/{slug}"

# c. A session made on A works on B: the sign-in cookie, and an antiforgery token from A accepted by B.
first_body, second_body = f"Phiên bản đầu {marker}.", f"Đã sửa lần hai {marker}."


def staff_steps():
    """c, then a and b (they need the signed-in editor)."""
    editor = Browser()
    signed_in = editor.sign_in(a, admin_email, admin_password)
    if not check("c. sign-in on node A", signed_in.status == 302 and "dang-nhap" not in signed_in.location,
                 f"HTTP {signed_in.status} -> {signed_in.location}"):
        return
    manager_on_b = editor.get(b + "/quan-tri")
    check("c. the session made on A opens the manager on node B", manager_on_b.status == 200,
          f"HTTP {manager_on_b.status} {manager_on_b.location}")
    form = editor.get(a + "/quan-tri/bai-viet/sua").text
    category = re.search(r'<select[^>]*name="Input.CategoryId"[^>]*>.*?<option value="([1-9]\d*)"', form, re.S)
    category_id = category.group(1) if category else "1"
    draft = editor.post_form(b + "/quan-tri/bai-viet/sua?handler=Save",
                             {"Input.Title": f"Bản nháp {marker}", "Input.Summary": "", "Input.BodyHtml": "<p>Nháp.</p>",
                              "Input.CategoryId": category_id, "Input.Tags": ""},
                             token=editor.token(a + "/quan-tri/bai-viet/sua"))
    check("c. a form token issued by node A is accepted by node B",
          draft.status == 302 and "/quan-tri/bai-viet/sua/" in draft.location, f"HTTP {draft.status} -> {draft.location}")

    # a. Publish on A -> the article and a search for it through B within 5 s.
    def fields(body):
        return {"Input.Title": title, "Input.Summary": "", "Input.BodyHtml": body, "Input.CategoryId": category_id,
                "Input.Tags": "nhiều máy chủ"}

    published = editor.post_form(a + "/quan-tri/bai-viet/sua?handler=Publish", fields(f"<p>{first_body}</p>"))
    edit_url = published.location
    if not check("a. publish a news post on node A", published.status == 302 and "/quan-tri/bai-viet/sua/" in edit_url,
                 f"HTTP {published.status} -> {edit_url}"):
        return
    seen, waited = poll(5, lambda: first_body in (r := Browser().get(b + article)).text and r.status == 200)
    check("a. the article is on its page through node B within 5 s", bool(seen), f"{waited:.2f} s")
    found, waited = poll(5, lambda: f'href="{article}"' in Browser().get(b + "/tim-kiem?q=" + marker).text, interval=0.25)
    check("a. a search on node B finds it within 5 s", bool(found), f"{waited:.2f} s")

    # b. An edit on A evicts the cached page on both nodes.
    anonymous = Browser()
    for node in (a, b, a, b):
        anonymous.get(node + article)   # the second round is served from the output cache
    stale = [n for n in (a, b) if first_body not in anonymous.get(n + article).text]
    check("b. the article is cached on both nodes before the edit", not stale, f"not as published on {stale}" if stale else "")
    edited = editor.post_form(a + edit_url + "?handler=Publish", fields(f"<p>{second_body}</p>"), form_url=a + edit_url)
    check("b. edit on node A", edited.status == 302, f"HTTP {edited.status}")
    for name, node in (("A", a), ("B", b)):
        fresh, waited = poll(1, lambda: second_body in anonymous.get(node + article).text, interval=0.05)
        check(f"b. node {name} serves the edited article", bool(fresh), f"in {waited:.2f} s")


def citizen_steps():
    """d. One solved proof of work used on A is refused on B; a fresh one on B is accepted. Returns the codes."""
    citizen = Browser()
    on_a, altcha = citizen.submit_question(a, f"{marker}-a")
    code_a = citizen.receipt_code(a) if on_a.status == 303 else None
    check("d. a question with a solved proof of work is saved on node A", bool(code_a), f"HTTP {on_a.status}, code {code_a}")
    replay = Browser()
    again, _ = replay.submit_question(b, f"{marker}-replay", altcha=altcha)
    check("d. the same proof of work is refused on node B",
          again.status == 422 and "đã được dùng cho một lần gửi trước" in html.unescape(again.text), f"HTTP {again.status}")
    on_b, _ = replay.submit_question(b, f"{marker}-b")
    code_b = replay.receipt_code(b) if on_b.status == 303 else None
    check("d. a freshly solved proof of work is accepted on node B", bool(code_b), f"HTTP {on_b.status}, code {code_b}")
    return [c for c in (code_a, code_b) if c]


def mail_steps(codes):
    """e. Each e-mail is sent once: the confirmation of each question is in exactly one .eml of both pickup folders."""
    def mails_with(code):
        return [path for path, message in messages((mail_a, mail_b)) if subject_code(message) == code]

    # The sender that holds the lease may be on the other node, which polls the outbox every 30 s.
    _, waited = poll(45, lambda: all(mails_with(c) for c in codes), interval=0.5)
    time.sleep(2)   # a second sender, if any, would write its copy meanwhile
    for code in codes:
        copies = mails_with(code)
        check(f"e. the confirmation of {code} is sent exactly once", len(copies) == 1,
              f"{len(copies)} copies after {waited:.1f} s: {[str(p) for p in copies]}")
    outbox_ids = [message["X-Outbox-Id"] for _, message in messages((mail_a, mail_b))]
    twice = sorted({i for i in outbox_ids if outbox_ids.count(i) > 1})
    check("e. no outbox message was written by both nodes", not twice, f"{len(outbox_ids)} messages, sent twice: {twice}")


def run(step, *args):
    try:
        return step(*args)
    except Exception as e:   # a node that answers nonsense: the step fails, the others still run
        check(f"{step.__name__} stopped", False, f"{type(e).__name__}: {e}")


run(staff_steps)
codes = run(citizen_steps) or []
run(mail_steps, codes)

with open(os.environ.get("CHECKS_OUT", os.devnull), "w") as out:
    out.write(f"slug={slug}\ncodes={' '.join(codes)}\n")
sys.exit(failures)
