// The editor's "Video" button: a dialog that takes a link (YouTube, the province's video server, or a video of the
// library, /media/videos/...) and a required title, and inserts a placeholder the server checks on save and turns
// into a player on output. No frame is ever inserted here. Without JS, editors type the same figure in the textarea.
(function () {
  "use strict";

  function placeholder(editor, link, title) {
    var enc = editor.dom.encode;
    return '<figure data-video="' + enc(link) + '" data-title="' + enc(title) + '">' +
      '<a href="' + enc(link) + '">' + enc(title) + "</a></figure><p></p>";
  }

  function open(editor) {
    var selected = editor.dom.getParent(editor.selection.getNode(), "figure[data-video]");
    editor.windowManager.open({
      title: "Chèn video",
      body: {
        type: "panel",
        items: [
          { type: "htmlpanel", html: "<p>Dán liên kết video YouTube hoặc máy chủ video của tỉnh, hoặc đường dẫn /media/videos/... của video đã tải lên thư viện (Thư viện → Tải lên video MP4). Video không tự phát.</p>" },
          { type: "input", name: "link", label: "Liên kết video *" },
          { type: "input", name: "title", label: "Tiêu đề video * (hiện dưới video, cho người dùng trình đọc màn hình)" }
        ]
      },
      initialData: {
        link: selected ? selected.getAttribute("data-video") || "" : "",
        title: selected ? selected.getAttribute("data-title") || "" : ""
      },
      buttons: [{ type: "cancel", text: "Hủy" }, { type: "submit", text: "Chèn", primary: true }],
      onSubmit: function (api) {
        var data = api.getData();
        var link = (data.link || "").trim(), title = (data.title || "").trim();
        if (!link || !title) {
          editor.notificationManager.open({ text: "Vui lòng nhập cả liên kết và tiêu đề video.", type: "error", timeout: 5000 });
          return;
        }
        if (selected) editor.dom.remove(selected);
        api.close();
        window.cchcInsertFigure(editor, placeholder(editor, link, title));
      }
    });
  }

  window.cchcVideoPicker = {
    register: function (editor) {
      editor.ui.registry.addButton("cchcvideo", { icon: "embed", text: "Video", tooltip: "Chèn video", onAction: function () { open(editor); } });
    }
  };
})();
