// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // "Sao chép liên kết" buttons are hidden without JS (no clipboard) and shown here.
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
        var status = document.getElementById(button.getAttribute("aria-describedby") || "");
        if (status) status.textContent = "Đã sao chép liên kết.";
      });
    });
  });
  // Print buttons: a link to the print view works without JS; with JS it prints in place.
  document.querySelectorAll("[data-print]").forEach(function (link) {
    link.addEventListener("click", function (e) { e.preventDefault(); window.print(); });
  });
})();

// Instant filter for lists (the directory): the same filter runs on the server when JS is off.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
  }
  document.querySelectorAll("[data-filter-input]").forEach(function (input) {
    var list = document.querySelector(input.getAttribute("data-filter-input"));
    var status = document.getElementById("directory-status");
    if (!list) return;
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var terms = fold(input.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        list.querySelectorAll("[data-filter-item]").forEach(function (item) {
          var text = item.getAttribute("data-filter-text") || "";
          var match = terms.every(function (t) { return text.indexOf(t) >= 0; });
          item.hidden = !match;
          if (match) shown++;
        });
        list.querySelectorAll("[data-filter-group]").forEach(function (group) {
          group.hidden = !group.querySelector("[data-filter-item]:not([hidden])");
        });
        if (status) status.textContent = terms.length ? "Có " + shown + " cơ quan phù hợp." : "";
      }, 150);
    });
  });
})();

// Header menu (a details element that works without JS): Escape and a tap outside close it on a phone; the search
// button opens it at the search box instead of leaving the page; on a desktop whose browser cannot show a closed
// details' content (no ::details-content), it is kept open in the header row.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu) return;
  var summary = menu.querySelector("summary");
  var desktop = window.matchMedia("(min-width: 85rem)");
  var inRow = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  function layout() {
    if (inRow) return;
    menu.classList.toggle("is-static", desktop.matches);
    menu.open = desktop.matches;
  }
  layout();
  if (desktop.addEventListener) desktop.addEventListener("change", layout);
  function isOverlay() { return !desktop.matches && menu.open; }
  menu.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !e.defaultPrevented && isOverlay()) { menu.open = false; summary.focus(); }
  });
  document.addEventListener("click", function (e) {
    if (isOverlay() && !menu.contains(e.target)) menu.open = false;
  });
  var searchLink = document.querySelector("[data-open-search]");
  var searchInput = document.getElementById("site-search-q");
  if (searchLink && searchInput) {
    searchLink.addEventListener("click", function (e) {
      e.preventDefault();
      e.stopPropagation();
      menu.open = true;
      searchInput.focus();
    });
  }
})();
