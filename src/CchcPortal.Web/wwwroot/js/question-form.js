// The question form, progressively enhanced: the form works without this file (the printed question is then the
// anti-spam check, and no suggestions are shown).

// 1. ALTCHA proof of work: the widget solves a challenge from our server when "Gửi" is pressed, in a web worker
//    served from /lib/altcha (no blob: worker, no inline style: the strict CSP stays as it is).
(function () {
  "use strict";
  var box = document.getElementById("altcha-box");
  var fallback = document.getElementById("human-check");
  var altcha = globalThis.$altcha;
  if (!box || !fallback || !altcha) return;
  // The widget needs Web Crypto, workers and custom elements; crypto.subtle exists only on HTTPS or localhost.
  if (!window.isSecureContext || !window.crypto || !window.crypto.subtle || !window.Worker || !window.customElements) return;

  var workerUrl = box.getAttribute("data-worker-url");
  altcha.algorithms.set("SHA-256", function () { return new Worker(workerUrl); });
  var vi = altcha.i18n.get("vi") || {};
  altcha.i18n.set("vi", Object.assign({}, vi, {
    verifying: "Đang xác minh, xin chờ giây lát...",
    waitAlert: "Đang xác minh chống thư rác, xin chờ giây lát.",
    verified: "Đã xác minh",
    verificationRequired: "Cần xác minh trước khi gửi.",
    error: "Không xác minh được. Hãy trả lời câu hỏi kiểm tra bên dưới.",
    expired: "Xác minh đã hết hạn. Hãy đánh dấu lại ô này.",
    footer: "Chống thư rác bằng ALTCHA, xác minh trên máy chủ của cổng",
  }));

  function useQuestion(on) {
    fallback.hidden = !on;
    fallback.querySelectorAll("input").forEach(function (input) { input.disabled = !on; });
  }

  var widget = document.createElement("altcha-widget");
  widget.setAttribute("challenge", box.getAttribute("data-challenge-url"));
  widget.setAttribute("name", "altcha");
  widget.setAttribute("language", "vi");
  // Solve when the citizen presses "Gửi": the challenge is then fresh however long the writing took.
  widget.setAttribute("auto", "onsubmit");
  widget.setAttribute("configuration", JSON.stringify({ hideLogo: true, workers: 2 }));
  widget.addEventListener("statechange", function (e) {
    if (e.detail && e.detail.state === "error") useQuestion(true);
  });
  box.appendChild(widget);
  box.hidden = false;
  useQuestion(false);
})();

// 2. Suggestions while typing the title: published answers that may already answer the question.
(function () {
  "use strict";
  var input = document.querySelector("[data-suggest-url]");
  var region = document.getElementById("title-suggestions");
  if (!input || !region || !window.fetch) return;
  var url = input.getAttribute("data-suggest-url");
  var timer, controller, lastQuery = "";

  var shown = "";

  // Called with the query the items answer; the region says which (data-query), and the same list is not
  // rendered again: the polite live region would announce it again and a link about to be clicked would move.
  function render(q, items) {
    region.setAttribute("data-query", q);
    var key = items.map(function (item) { return item.url; }).join(" ");
    if (key === shown) return;
    shown = key;
    region.textContent = "";
    if (!items.length) return;
    var intro = document.createElement("p");
    intro.textContent = items.length === 1
      ? "Có 1 câu hỏi đã được trả lời có thể giống câu hỏi của bạn:"
      : "Có " + items.length + " câu hỏi đã được trả lời có thể giống câu hỏi của bạn:";
    var list = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "suggestion-meta";
      meta.textContent = " (" + (item.agency ? item.agency + ", " : "") + "trả lời ngày " + item.answeredAt + ")";
      li.appendChild(meta);
      list.appendChild(li);
    });
    region.appendChild(intro);
    region.appendChild(list);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q === lastQuery) return;
      lastQuery = q;
      if (controller) controller.abort();
      if (q.length < 6) { render(q, []); return; }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { render(q, items); })
        .catch(function () { /* aborted or offline: keep quiet, the form still works */ });
    }, 400);
  });
})();

// 3. A refused form: focus the error summary so screen readers and keyboards start there (GOV.UK pattern); its
//    links move focus to the field itself, not just scroll to it.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary[tabindex='-1']");
  if (!summary) return;
  summary.focus();
  summary.querySelectorAll("a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (e) {
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field || field.closest("[hidden]")) return;
      e.preventDefault();
      field.scrollIntoView({ block: "center" });
      field.focus();
    });
  });
})();
