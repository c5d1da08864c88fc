using System.Text;
using WebMarkupMin.Core;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Minifies HTML responses with WebMarkupMin.Core. It sits inside the output cache, so a page is minified once,
/// on a cache miss, and the cache stores the minified bytes.
/// </summary>
public sealed class HtmlMinificationMiddleware(RequestDelegate next, ILogger<HtmlMinificationMiddleware> log)
{
    private static readonly HtmlMinificationSettings Settings = new()
    {
        RemoveOptionalEndTags = false,
        AttributeQuotesRemovalMode = HtmlAttributeQuotesRemovalMode.KeepQuotes,
        RemoveRedundantAttributes = false,
        RemoveHttpProtocolFromAttributes = false,
        RemoveHttpsProtocolFromAttributes = false,
        MinifyEmbeddedCssCode = false,
        MinifyEmbeddedJsCode = false,
        MinifyInlineCssCode = false,
        MinifyInlineJsCode = false,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/quan-tri"))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        var contentType = context.Response.ContentType ?? "";
        if (context.Response.StatusCode == 200 && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            && !context.Response.Headers.ContentEncoding.Any())
        {
            var html = Encoding.UTF8.GetString(buffer.ToArray());
            var result = new HtmlMinifier(Settings).Minify(html, generateStatistics: false);
            if (result.Errors.Count == 0)
            {
                var bytes = Encoding.UTF8.GetBytes(result.MinifiedContent);
                context.Response.ContentLength = bytes.Length;
                await original.WriteAsync(bytes, context.RequestAborted);
                return;
            }
            log.LogWarning("HTML minification skipped for {Path}: {Error}", context.Request.Path, result.Errors[0].Message);
        }
        // An empty body stays without Content-Length, so status-code pages can still fill it in.
        if (buffer.Length == 0) return;
        context.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
