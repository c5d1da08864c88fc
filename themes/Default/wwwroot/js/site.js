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
