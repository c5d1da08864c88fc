using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// The 429 answer. A rejected POST gets a Vietnamese page that says nothing was sent and gives back the title and
/// content the citizen wrote (HTML-encoded, read-only) so nothing is lost; a rejected lookup (JSON) gets a JSON error.
/// </summary>
public static class RateLimitRejection
{
    public const string Message = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.";

    public static async Task WriteAsync(HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.RetryAfter = "60";
        http.Response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await http.Response.WriteAsJsonAsync(new { error = Message }, ct);
            return;
        }
        string title = "", content = "";
        if (http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(ct);
                title = form["Input.Title"].ToString();
                content = form["Input.Content"].ToString();
            }
            catch (Exception e) when (e is InvalidDataException or IOException) { }
        }
        var h = HtmlEncoder.Create(UnicodeRanges.All);
        var kept = title.Length + content.Length == 0 ? "" :
            "<p>Nội dung bạn vừa viết <strong>chưa được gửi</strong>. Hãy chép lại để không mất, rồi bấm nút Quay lại của trình duyệt và gửi lại sau một phút.</p>" +
            (title.Length > 0 ? $"<div class=\"form-field\"><label for=\"kept-title\">Tiêu đề</label><textarea id=\"kept-title\" rows=\"2\" readonly>{h.Encode(title)}</textarea></div>" : "") +
            (content.Length > 0 ? $"<div class=\"form-field\"><label for=\"kept-content\">Nội dung</label><textarea id=\"kept-content\" rows=\"10\" readonly>{h.Encode(content)}</textarea></div>" : "");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>Gửi quá nhanh</title><link rel=\"stylesheet\" href=\"/_content/CchcPortal.Themes.Default/css/site.css\"></head>" +
            $"<body><main id=\"noi-dung\" class=\"container\"><h1>Xin chờ một chút</h1><p role=\"alert\">{Message}</p>{kept}" +
            "<p><a href=\"/\">Về trang chủ</a></p></main></body></html>", ct);
    }
}
