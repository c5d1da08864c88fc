// As-you-type title suggestions for the header search box (ARIA 1.2 combobox with a listbox).
// Progressive enhancement: without this file the box is a plain GET form to /tim-kiem.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  if (!input || !window.fetch) return;
  var form = input.form;
  var list = document.createElement("ul");
  list.id = "site-search-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Gợi ý tìm kiếm");
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  var items = [];
  var active = -1;
  var timer;
  var lastQuery = "";
  var controller;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0 && options[index]) input.setAttribute("aria-activedescendant", options[index].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function render(data) {
    items = data;
    list.textContent = "";
    if (!data.length) { close(); return; }
    data.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = "site-search-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var title = document.createElement("span");
      title.className = "suggestion-title";
      title.textContent = item.title;
      var kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = item.kindLabel;
      li.appendChild(title);
      li.appendChild(kind);
      li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = item.url; });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      if (q === lastQuery) return;
      lastQuery = q;
      if (controller) controller.abort();
      controller = new AbortController();
      fetch("/api/search/suggest?q=" + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(render)
        .catch(function () { /* a failed suggestion never blocks the form */ });
    }, 150);
  });

  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === "Escape") { e.preventDefault(); close(); } // closes the suggestions, not the header menu
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = items[active].url; }
  });
  input.addEventListener("blur", close);
})();
