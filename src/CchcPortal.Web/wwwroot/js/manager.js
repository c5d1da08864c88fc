// Manager enhancements. Without JS, forms still work: the body is a plain HTML textarea, actions submit directly.
(function () {
  "use strict";
  // Confirmation before anything public changes.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
    });
  });

  // A figure from a picker (library image, video) is a block of its own: it never lands inside another figure's
  // caption, and the caret moves to a paragraph after it, so what comes next is not typed into its caption either.
  window.cchcInsertFigure = function (editor, html) {
    editor.focus();
    var around = editor.dom.getParent(editor.selection.getNode(), "figure");
    if (around) { editor.selection.select(around); editor.selection.collapse(false); }
    editor.insertContent(html.replace("<figure", "<figure data-cchc-new=\"1\""));
    var figure = editor.dom.select("figure[data-cchc-new]")[0];
    if (!figure) return;
    figure.removeAttribute("data-cchc-new");
    var next = figure.nextElementSibling;
    if (!next || next.nodeName !== "P") {
      next = editor.dom.create("p", {}, "<br data-mce-bogus=\"1\">");
      editor.dom.insertAfter(next, figure);
    }
    editor.selection.setCursorLocation(next, 0);
  };

  // Articles and static pages insert images from the media library (image-picker.js), checked again on save.
  var imagePicker = window.tinymce && /^\/quan-tri\/(bai-viet|trang)\//.test(window.location.pathname);
  if (imagePicker) document.head.appendChild(Object.assign(document.createElement("script"), { src: "/js/image-picker.js" }));

  // One editor per box: a page may set its height (data-editor-height), e.g. the case page with two draft boxes.
  if (window.tinymce) document.querySelectorAll("textarea[data-rich-text]").forEach(function (box) {
    var height = parseInt(box.getAttribute("data-editor-height"), 10) || 560;
    var token = box.form && box.form.querySelector("input[name=__RequestVerificationToken]");
    window.tinymce.init({
      target: box,
      base_url: "/lib/tinymce",
      suffix: ".min",
      language: "vi",
      language_url: "/lib/tinymce/langs/vi.js",
      promotion: false,
      branding: false,
      menubar: false,
      height: height,
      min_height: height,
      plugins: "lists link table image code autoresize searchreplace wordcount",
      // Buttons wrap onto a second row instead of hiding behind "more" in a narrow column or on a phone.
      toolbar_mode: "wrap",
      toolbar: "undo redo | blocks | bold italic | bullist numlist | link " + (imagePicker ? "libraryimage" : "image") + " table" + (window.cchcVideoPicker ? " cchcvideo" : "") + " | removeformat code",
      // An image with no description must be marked decorative on purpose (alt="").
      a11y_advanced_options: true,
      image_caption: true,
      setup: function (editor) {
        // The video button (video-picker.js, on the pages whose bodies show players).
        if (window.cchcVideoPicker) window.cchcVideoPicker.register(editor);
        if (!imagePicker) return;
        editor.ui.registry.addButton("libraryimage", {
          icon: "image",
          tooltip: "Chèn ảnh từ thư viện",
          onAction: function () { if (window.CchcImagePicker) window.CchcImagePicker.open(editor, token ? token.value : ""); }
        });
      },
      block_formats: "Đoạn văn=p; Tiêu đề 2=h2; Tiêu đề 3=h3; Tiêu đề 4=h4",
      // Styles pasted from Word are dropped; the server sanitizer removes them anyway.
      paste_data_images: false,
      invalid_styles: "color font-family font-size background background-color",
      relative_urls: false,
      convert_urls: false,
      link_default_target: "",
      table_default_attributes: {},
      table_default_styles: {}
    });
  });
})();
