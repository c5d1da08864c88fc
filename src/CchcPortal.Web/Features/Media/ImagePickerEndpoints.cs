using CchcPortal.Core.Identity;
using CchcPortal.Core.Media;
using CchcPortal.Media.Images;
using Microsoft.AspNetCore.Antiforgery;

namespace CchcPortal.Web.Features.Media;

/// <summary>
/// The rich-text editor's image picker (wwwroot/js/image-picker.js), for everyone who writes articles:
/// GET lists the library's images (folded search, paging) with a thumbnail variant; POST uploads an image (multipart:
/// Upload, AltText required, Title) after the antiforgery check. Errors are Vietnamese, keyed by field.
/// </summary>
public static class ImagePickerEndpoints
{
    public const string Path = "/quan-tri/thu-vien/anh";

    public sealed record PickerImage(int Id, string Url, string Thumbnail, string EditorSrc, string Alt, string Title, string FileName, int? Width, int? Height);
    public sealed record PickerPage(IReadOnlyList<PickerImage> Items, int Page, int PageCount, int Total);

    public static PickerImage ToPicker(MediaItem m) => new(m.Id, m.Url,
        ImageVariantEndpoints.Url(m.Url, ImageVariants.Widths[0], VariantFormat.Jpeg),
        ImageVariantEndpoints.Url(m.Url, ImageVariants.Widths[1], VariantFormat.Jpeg),
        m.AltText, m.Title, m.FileName, m.Width, m.Height);

    /// <summary>What an editor without JavaScript copies into the body (shown, encoded, on the library's image page).</summary>
    public static string ManualSnippet(MediaItem m) =>
        $"<figure><img {BodyImageReference.IdAttribute}=\"{m.Id}\" src=\"{m.Url}\" alt=\"{System.Net.WebUtility.HtmlEncode(m.AltText)}\"><figcaption>Chú thích ảnh</figcaption></figure>";

    public static IEndpointRouteBuilder MapImagePicker(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? q, int? trang, MediaLibrary library, HttpContext http, CancellationToken ct) =>
        {
            var page = await library.SearchAsync(q, MediaKind.Image, Math.Max(1, trang ?? 1), ct);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new PickerPage(page.Items.Select(ToPicker).ToList(), page.Page, page.PageCount, page.Total));
        }).RequireAuthorization(PortalPolicies.WriteNews);

        app.MapPost(Path, async (HttpContext http, MediaLibrary library, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
                return Results.Json(Errors("", "Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ: hãy tải lại trang rồi thử lại."), statusCode: StatusCodes.Status400BadRequest);
            var form = await http.Request.ReadFormAsync(ct);
            var result = await library.UploadImageAsync(form.Files.GetFile("Upload"), form["Title"], form["AltText"], http.User.Identity?.Name ?? "?", ct);
            if (!result.Succeeded)
                return Results.Json(new { errors = result.Errors.All.Select(e => new { field = e.Key, message = e.Value }) }, statusCode: StatusCodes.Status422UnprocessableEntity);
            return Results.Json(ToPicker(result.Value!), statusCode: StatusCodes.Status201Created);
        }).RequireAuthorization(PortalPolicies.WriteNews);
        return app;
    }

    private static object Errors(string field, string message) => new { errors = new[] { new { field, message } } };
}
