using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Static assets come from the build's endpoint manifest (MapStaticAssets): the pages link fingerprinted URLs, which are
/// immutable and served from Brotli/gzip files made at build time; the plain URLs still work and are revalidated.
/// </summary>
public sealed partial class StaticAssetTests : IDisposable
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    // site.49uhrivuqe.css, altcha.min.loi49pjevz.js: a 10-character fingerprint before the extension.
    [GeneratedRegex("""(?:href|src)="(/[^"?#]+\.[a-z0-9]{10}(?:\.min)?\.(?:css|js))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex FingerprintedAsset();

    [GeneratedRegex("""<(?:link|script)\b[^>]*(?:href|src)="(/[^"]+\.(?:css|js)[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AnyAsset();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding = null, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return await client.SendAsync(request);
    }

    private static async Task<byte[]> DecodedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var copy = new MemoryStream();
        await decoded.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Every_stylesheet_and_script_of_the_public_layout_is_fingerprinted_immutable_and_precompressed()
    {
        var client = _factory.Anonymous();
        var html = await client.GetStringAsync("/");
        var linked = AnyAsset().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var fingerprinted = FingerprintedAsset().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(fingerprinted, u => u.StartsWith("/_content/CchcPortal.Themes.Default/css/site.", StringComparison.Ordinal));
        Assert.Contains(fingerprinted, u => u.StartsWith("/_content/CchcPortal.Themes.Default/js/site.", StringComparison.Ordinal));
        Assert.Equal(linked, fingerprinted); // nothing linked without a fingerprint (no ?v= query either)

        foreach (var url in fingerprinted)
        {
            var br = await GetAsync(client, url, "br, gzip");
            Assert.Equal(HttpStatusCode.OK, br.StatusCode);
            Assert.Equal(Immutable, br.Headers.CacheControl?.ToString());
            Assert.Equal("br", Assert.Single(br.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", br.Headers.Vary);

            var plain = await GetAsync(client, url);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal(Immutable, plain.Headers.CacheControl?.ToString());
            var bytes = await plain.Content.ReadAsByteArrayAsync();
            Assert.True(br.Content.Headers.ContentLength < bytes.Length, $"{url}: the Brotli file is smaller than the file");
            Assert.Equal(bytes, await DecodedAsync(br));
        }
    }

    [Fact]
    public async Task The_question_form_and_manager_layouts_link_fingerprinted_assets_too()
    {
        var form = await _factory.Anonymous().GetStringAsync("/hoi-dap/gui-cau-hoi");
        var formAssets = FingerprintedAsset().Matches(form).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(formAssets, u => u.StartsWith("/lib/altcha/altcha.min.", StringComparison.Ordinal));
        Assert.Contains(formAssets, u => u.StartsWith("/js/question-form.", StringComparison.Ordinal));

        var editor = await _factory.EditorAsync();
        var page = await editor.GetStringAsync("/quan-tri/bai-viet/sua");
        var managerAssets = FingerprintedAsset().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(managerAssets, u => u.StartsWith("/css/manager.", StringComparison.Ordinal));
        Assert.Contains(managerAssets, u => u.StartsWith("/js/manager.", StringComparison.Ordinal));
        var tinymce = Assert.Single(managerAssets, u => u.StartsWith("/lib/tinymce/tinymce.", StringComparison.Ordinal));
        var script = await GetAsync(editor, tinymce, "gzip");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("gzip", Assert.Single(script.Content.Headers.ContentEncoding));
        Assert.Equal(Immutable, script.Headers.CacheControl?.ToString());
    }

    [Theory]
    // TinyMCE loads its own files from base_url "/lib/tinymce" by their plain names.
    [InlineData("/lib/tinymce/skins/ui/oxide/skin.min.css")]
    [InlineData("/lib/tinymce/themes/silver/theme.min.js")]
    [InlineData("/lib/tinymce/models/dom/model.min.js")]
    [InlineData("/lib/tinymce/icons/default/icons.min.js")]
    [InlineData("/lib/tinymce/plugins/lists/plugin.min.js")]
    [InlineData("/lib/tinymce/langs/vi.js")]
    [InlineData("/_content/CchcPortal.Themes.Default/css/site.css")]
    public async Task Plain_urls_still_work_revalidated_by_etag(string url)
    {
        var client = _factory.Anonymous();
        var response = await GetAsync(client, url, "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.NotNull(response.Headers.ETag);

        var again = await GetAsync(client, url, "br", response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task A_gzip_only_client_gets_the_gzip_file_and_an_unknown_asset_is_404()
    {
        var client = _factory.Anonymous();
        var html = await client.GetStringAsync("/");
        var css = FingerprintedAsset().Matches(html).Select(m => m.Groups[1].Value).First(u => u.EndsWith(".css", StringComparison.Ordinal));
        var gzip = await GetAsync(client, css, "gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Contains(".site-header", System.Text.Encoding.UTF8.GetString(await DecodedAsync(gzip)));

        var missing = await GetAsync(client, "/_content/CchcPortal.Themes.Default/css/site.0000000000.css", "br");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
