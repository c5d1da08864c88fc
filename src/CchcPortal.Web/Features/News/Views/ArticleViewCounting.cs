using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Features.News.Views;

/// <summary>
/// The middleware that feeds <see cref="NewsViewCounter"/>: placed before the output cache, it sees cached pages too.
/// Counts a GET of the public article page that answered 200 to what looks like a reader: not HEAD, not a crawler or
/// link-preview fetcher, not a browser's prefetch. The staff preview is another page and never counts.
/// </summary>
public static class ArticleViewCounting
{
    private const string ArticlePage = "/News/Article";
    private static readonly string[] RobotWords = ["bot", "crawl", "spider", "preview", "slurp", "facebookexternalhit"];

    public static IApplicationBuilder UseArticleViewCounting(this IApplicationBuilder app)
    {
        var counter = app.ApplicationServices.GetRequiredService<NewsViewCounter>();
        return app.Use(async (context, next) =>
        {
            var slug = IsReaderOfArticle(context) ? context.GetRouteValue("slug") as string : null;
            await next(context);
            if (slug is not null && context.Response.StatusCode == StatusCodes.Status200OK) counter.Record(slug);
        });
    }

    private static bool IsReaderOfArticle(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)) return false;
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath != ArticlePage) return false;
        if (IsPrefetch(request.Headers)) return false;
        var agent = request.Headers.UserAgent.ToString();
        foreach (var word in RobotWords)
            if (agent.Contains(word, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    // Chromium sends Sec-Purpose (older: Purpose), Firefox X-Moz, Safari X-Purpose.
    private static bool IsPrefetch(IHeaderDictionary headers) =>
        headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || headers["X-Moz"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || headers["X-Purpose"].ToString().Contains("preview", StringComparison.OrdinalIgnoreCase);
}
