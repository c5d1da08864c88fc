using CchcPortal.Core.Changes;
using CchcPortal.Core.News;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CchcPortal.Web.Infrastructure;

/// <summary>Output-cache policies for anonymous GETs and the tags that content changes evict.</summary>
public static class CachePolicies
{
    /// <summary>Pages that list or show news: evicted on any post change.</summary>
    public const string News = "News";
    /// <summary>Everything else that is public: evicted when settings or static pages change.</summary>
    public const string Site = "Site";

    /// <summary>Directory and hotline pages: evicted on any agency change.</summary>
    public const string Directory = "Directory";

    /// <summary>Procedure pages and API: evicted on any procedure change.</summary>
    public const string Procedures = "Procedures";

    /// <summary>Index result pages and API: evicted when results or definitions change.</summary>
    public const string Indices = "Indices";
    public const string IndicesTag = "indices";

    public const string Questions = "Questions";
    public const string QuestionsTag = "questions";

    /// <summary>sitemap.xml: lists news, static pages and programme episodes, so it is evicted by each of them.</summary>
    public const string Sitemap = "Sitemap";
    public const string SitemapTag = "sitemap";

    /// <summary>Documents library pages. A document change evicts the whole site: posts and procedures link to documents.</summary>
    public const string Documents = "Documents";
    /// <summary>Search results and suggestions: evicted whenever the search indexer commits.</summary>
    public const string Search = "Search";
    public const string SearchTag = "search";

    /// <summary>The error pages /loi/{code}, stored with their status (the 404 page of every missing URL is one entry).</summary>
    public const string ErrorPages = "ErrorPages";

    public const string SiteTag = "site";
    public const string ProceduresTag = "procedures";
    public const string NewsTag = "news";
    public const string DirectoryTag = "directory";

    /// <param name="evictions">The tags each kind of content evicts, as the features declare them.</param>
    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services, IReadOnlyDictionary<string, string[]> evictions)
    {
        // Bounded by settings: an unbounded cache is what a scan of random URLs fills.
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PortalOptions>>((options, portal) =>
        {
            options.SizeLimit = Math.Max(1, portal.Value.Cache.OutputCacheMegabytes) * 1024L * 1024;
            options.MaximumBodySize = Math.Max(1, portal.Value.Cache.OutputCacheMaxPageMegabytes) * 1024L * 1024;
        });
        services.AddOutputCache(options =>
        {
            // Pages are stored compressed (compression runs inside the cache), so one entry per Accept-Encoding.
            // Redirects (/tthc/{code}, dissolved agencies, the latest plan year) are stored like pages; other statuses are
            // not, so a scan of random URLs never fills the size-bounded cache with 404s.
            void Add(string name, params string[] tags) =>
                options.AddPolicy(name, b => b.Expire(TimeSpan.FromMinutes(30)).SetVaryByHeader(HeaderNames.AcceptEncoding).Tag(tags)
                    .AddPolicy<StoreRedirects>());
            Add(Site, SiteTag);
            Add(News, SiteTag, NewsTag);
            Add(Directory, SiteTag, DirectoryTag);
            Add(Procedures, SiteTag, ProceduresTag);
            Add(Indices, SiteTag, IndicesTag);
            Add(Questions, SiteTag, QuestionsTag);
            Add(Sitemap, SiteTag, NewsTag, SitemapTag);
            // The plan page lists the posts reporting on each activity: evicted by news changes too.
            Add(Documents, SiteTag, NewsTag);
            // Keyed by the whole query string (the default key); short expiry bounds the many distinct queries.
            options.AddPolicy(Search, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByHeader(HeaderNames.AcceptEncoding).Tag(SiteTag, SearchTag)
                .VaryByValue(ctx => new KeyValuePair<string, string>("index",
                    ctx.RequestServices.GetRequiredService<SearchCacheGeneration>().Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            options.AddPolicy(ErrorPages, b => b.Expire(TimeSpan.FromMinutes(30)).SetVaryByHeader(HeaderNames.AcceptEncoding).Tag(SiteTag)
                .AddPolicy<StoreErrorPages>());
        });
        services.AddSingleton(new OutputCacheEvictions(evictions));
        services.AddSingleton<SearchCacheGeneration>();
        services.AddScoped<IContentChangeListener, OutputCacheEvictionListener>();
        return services;
    }
}

/// <summary>The tags a change of each kind evicts (declared by the features); any other kind evicts the whole site.</summary>
public sealed class OutputCacheEvictions(IReadOnlyDictionary<string, string[]> byKind)
{
    public IReadOnlyList<string> TagsFor(string kind) => byKind.TryGetValue(kind, out var tags) ? tags : [CachePolicies.SiteTag];
}

/// <summary>Evicts cached pages when content changes, so the next anonymous GET renders fresh HTML.</summary>
public sealed class OutputCacheEvictionListener(IOutputCacheStore store, OutputCacheEvictions evictions) : IContentChangeListener
{
    public async Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
    {
        foreach (var tag in evictions.TagsFor(notice.Kind))
            await store.EvictByTagAsync(tag, ct);
    }
}
