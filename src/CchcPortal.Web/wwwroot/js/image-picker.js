// The editor's image picker: lists the media library's images (search, pages), uploads one in place (alt text
// required), and inserts a library reference (data-media-id), never a bare path; the server turns it into a
// responsive picture on output. Without JS the editor is a plain textarea: the library page shows the snippet to copy.
(function () {
  "use strict";
  var endpoint = "/quan-tri/thu-vien/anh";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function field(id, label, input, hint) {
    var wrap = el("div", { "class": "form-field" });
    wrap.appendChild(el("label", { "for": id }, label));
    if (hint) { wrap.appendChild(el("p", { "class": "hint", id: id + "-hint" }, hint)); input.setAttribute("aria-describedby", id + "-hint"); }
    input.id = id;
    wrap.appendChild(input);
    return wrap;
  }

  // The markup inserted: built as elements, so nothing typed can become HTML.
  function referenceHtml(image, alt, caption) {
    var img = el("img", { src: image.editorSrc, alt: alt, "data-media-id": String(image.id) });
    if (image.width && image.height) { img.setAttribute("width", image.width); img.setAttribute("height", image.height); }
    if (!caption) return img.outerHTML;
    var figure = el("figure");
    figure.appendChild(img);
    figure.appendChild(el("figcaption", null, caption));
    return figure.outerHTML;
  }

  function open(editor, token) {
    var dialog = el("dialog", { "class": "image-picker", "aria-labelledby": "ip-title" });
    dialog.appendChild(el("h2", { id: "ip-title" }, "Chèn ảnh từ thư viện"));
    var status = el("p", { role: "status", "aria-live": "polite", "class": "hint" });

    // Search and list.
    var search = el("form", { role: "search", "class": "filter-bar" });
    var q = el("input", { type: "search" });
    search.appendChild(field("ip-q", "Tìm theo tên tệp, tiêu đề, mô tả", q));
    search.appendChild(el("button", { type: "submit", "class": "button" }, "Tìm"));
    var list = el("ul", { "class": "media-grid" });
    var pager = el("nav", { "aria-label": "Trang ảnh" , "class": "pager" });

    // The chosen image: alt (from the library, editable) and an optional caption.
    var chosen = el("form", { hidden: "" });
    var preview = el("img", { alt: "", width: "160" });
    var alt = el("input", { type: "text", maxlength: "300", required: "" });
    var caption = el("input", { type: "text", maxlength: "300" });
    chosen.appendChild(preview);
    chosen.appendChild(field("ip-alt", "Văn bản thay thế *", alt, "Mô tả ngắn nội dung ảnh cho người khiếm thị."));
    chosen.appendChild(field("ip-caption", "Chú thích ảnh (không bắt buộc)", caption));
    chosen.appendChild(el("button", { type: "submit", "class": "button" }, "Chèn ảnh"));

    // Upload in place.
    var upload = el("form", { enctype: "multipart/form-data" });
    var file = el("input", { type: "file", accept: "image/*", required: "" });
    var upAlt = el("input", { type: "text", maxlength: "300", required: "" });
    var upTitle = el("input", { type: "text", maxlength: "300" });
    var upCaption = el("input", { type: "text", maxlength: "300" });
    var details = el("details");
    details.appendChild(el("summary", null, "Tải ảnh mới lên thư viện"));
    upload.appendChild(field("ip-file", "Ảnh *", file, "JPEG, PNG, WebP, GIF, HEIC. Thông tin ẩn trong ảnh (vị trí chụp...) được xóa."));
    upload.appendChild(field("ip-up-alt", "Văn bản thay thế *", upAlt));
    upload.appendChild(field("ip-up-title", "Tiêu đề", upTitle));
    upload.appendChild(field("ip-up-caption", "Chú thích ảnh (không bắt buộc)", upCaption));
    upload.appendChild(el("button", { type: "submit", "class": "button" }, "Tải lên và chèn"));
    details.appendChild(upload);

    var close = el("button", { type: "button", "class": "button button-secondary" }, "Đóng");
    [search, status, list, pager, chosen, details, close].forEach(function (n) { dialog.appendChild(n); });
    document.body.appendChild(dialog);

    var current = null;
    function done() { dialog.close(); dialog.remove(); editor.focus(); }
    function insert(image, altText, captionText) {
      done();
      window.cchcInsertFigure(editor, referenceHtml(image, altText, captionText));
    }

    function choose(image) {
      current = image;
      preview.src = image.thumbnail;
      alt.value = image.alt || "";
      chosen.hidden = false;
      alt.focus();
    }

    function load(page) {
      status.textContent = "Đang tải danh sách ảnh...";
      fetch(endpoint + "?q=" + encodeURIComponent(q.value) + "&trang=" + page, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error(); return r.json(); })
        .then(function (data) {
          list.textContent = "";
          pager.textContent = "";
          data.items.forEach(function (image) {
            var li = el("li");
            var b = el("button", { type: "button", "class": "media-choice" });
            b.appendChild(el("img", { src: image.thumbnail, alt: "", width: "160", height: "120", loading: "lazy" }));
            b.appendChild(el("span", { "class": "media-name" }, image.fileName + (image.alt ? " – " + image.alt : "")));
            b.addEventListener("click", function () { choose(image); });
            li.appendChild(b);
            list.appendChild(li);
          });
          if (data.page > 1) pager.appendChild(pageButton("Trang trước", data.page - 1));
          pager.appendChild(el("span", null, "Trang " + data.page + " / " + Math.max(1, data.pageCount)));
          if (data.page < data.pageCount) pager.appendChild(pageButton("Trang sau", data.page + 1));
          status.textContent = data.total + " ảnh.";
        })
        .catch(function () { status.textContent = "Không tải được danh sách ảnh. Hãy thử lại."; });
    }
    function pageButton(text, page) {
      var b = el("button", { type: "button", "class": "button button-secondary" }, text);
      b.addEventListener("click", function () { load(page); });
      return b;
    }

    search.addEventListener("submit", function (e) { e.preventDefault(); load(1); });
    chosen.addEventListener("submit", function (e) {
      e.preventDefault();
      if (current && alt.value.trim()) insert(current, alt.value.trim(), caption.value.trim());
    });
    upload.addEventListener("submit", function (e) {
      e.preventDefault();
      var data = new FormData();
      data.append("__RequestVerificationToken", token);
      if (file.files[0]) data.append("Upload", file.files[0]);
      data.append("AltText", upAlt.value);
      data.append("Title", upTitle.value);
      status.textContent = "Đang tải ảnh lên...";
      fetch(endpoint, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          if (res.ok) insert(res.body, res.body.alt, upCaption.value.trim());
          else status.textContent = res.body.errors.map(function (x) { return x.message; }).join(" ");
        })
        .catch(function () { status.textContent = "Không tải được ảnh lên. Hãy thử lại."; });
    });
    close.addEventListener("click", done);
    dialog.addEventListener("cancel", function (e) { e.preventDefault(); done(); });
    dialog.showModal();
    q.focus();
    load(1);
  }

  window.CchcImagePicker = { open: open };
})();
