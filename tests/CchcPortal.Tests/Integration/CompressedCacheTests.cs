using System.IO.Compression;
using System.Net;
using System.Text;

namespace CchcPortal.Tests.Integration;

/// <summary>Cached pages are stored compressed, one entry per Accept-Encoding: each client gets what it asked for.</summary>
public sealed class CompressedCacheTests : IDisposable
{
    private readonly PortalFactory _factory = new(countQueries: true);
    public void Dispose() => _factory.Dispose();

    private async Task<(string? Encoding, string Html, string Vary)> GetAsync(string url, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await _factory.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = encoding switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return (encoding, await reader.ReadToEndAsync(), string.Join(",", response.Headers.Vary));
    }

    [Fact]
    public async Task Brotli_gzip_and_plain_clients_each_get_their_encoding_from_the_cache()
    {
        var br = await GetAsync("/tin-tuc", "br");
        var gzip = await GetAsync("/tin-tuc", "gzip");
        var plain = await GetAsync("/tin-tuc", null);
        var brAgain = await GetAsync("/tin-tuc", "br");

        Assert.Equal(("br", "gzip", null, "br"), (br.Encoding, gzip.Encoding, plain.Encoding, brAgain.Encoding));
        Assert.Contains("Accept-Encoding", br.Vary);
        Assert.Contains("<html", plain.Html);
        Assert.Equal(plain.Html, br.Html);
        Assert.Equal(plain.Html, gzip.Html);
        Assert.Equal(plain.Html, brAgain.Html);
        // The fourth request was a cache hit: no SQL, and the stored bytes were already Brotli.
        Assert.Equal(0, _factory.Queries!.LastCount("/tin-tuc"));
    }

    [Fact]
    public async Task The_sign_in_page_is_never_compressed()
    {
        var login = await GetAsync("/tai-khoan/dang-nhap", "br, gzip");
        Assert.Null(login.Encoding);
        Assert.Contains("<form", login.Html);
    }
}
