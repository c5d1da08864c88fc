// "Trang này có hữu ích không?": without JS the forms post and the thank-you page answers. With JS the same posts go
// through fetch and the thank-you part of the answer replaces the widget in place (focus moves to it).
(function () {
  "use strict";
  var widget = document.querySelector("[data-page-feedback]");
  if (!widget || !window.fetch || !window.DOMParser) return;
  var box = widget;

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    return fetch(form.action, { method: "POST", body: data, credentials: "same-origin" }).then(function (response) {
      // 429 (too fast) and server errors: let the browser post the form normally and show the full page.
      if (!response.ok && response.status !== 422) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      var result = new DOMParser().parseFromString(html, "text/html").querySelector("[data-page-feedback-result]");
      if (!result) throw new Error("no result");
      result.classList.add("page-feedback");
      box.replaceWith(result);
      box = result;
      var focus = result.querySelector("[aria-invalid]") || result.querySelector("[tabindex='-1']") || result;
      focus.focus();
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !box.contains(form)) return;
    event.preventDefault();
    var submitter = event.submitter;
    Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = true; });
    send(form, submitter).catch(function () {
      Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = false; });
      if (submitter && submitter.name) {
        var field = document.createElement("input");
        field.type = "hidden"; field.name = submitter.name; field.value = submitter.value;
        form.appendChild(field);
      }
      HTMLFormElement.prototype.submit.call(form);
    });
  });
})();
