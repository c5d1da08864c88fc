using CchcPortal.Core.Content;
using CchcPortal.Core.Search;
using Microsoft.AspNetCore.OutputCaching;
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

    public const string SiteTag = "site";
    public const string ProceduresTag = "procedures";
    public const string NewsTag = "news";
    public const string DirectoryTag = "directory";

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 256L * 1024 * 1024;
            // Pages are stored compressed (compression runs inside the cache), so one entry per Accept-Encoding.
            void Add(string name, params string[] tags) =>
                options.AddPolicy(name, b => b.Expire(TimeSpan.FromMinutes(30)).SetVaryByHeader(HeaderNames.AcceptEncoding).Tag(tags));
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
            options.AddPolicy(Search, b => b.Expire(TimeSpan.FromMinutes(10)).SetVaryByHeader(HeaderNames.AcceptEncoding).Tag(SiteTag, SearchTag));
        });
        services.AddScoped<IContentChangeListener, OutputCacheEvictionListener>();
        return services;
    }
}

/// <summary>Evicts cached pages when content changes, so the next anonymous GET renders fresh HTML.</summary>
public sealed class OutputCacheEvictionListener(IOutputCacheStore store) : IContentChangeListener
{
    public async Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
    {
        string[] tags = notice.Kind switch
        {
            ContentKinds.News => [CachePolicies.NewsTag],
            // Agency names appear in procedure filters; procedure lists appear on agency pages.
            ContentKinds.Agency => [CachePolicies.DirectoryTag, CachePolicies.ProceduresTag],
            ContentKinds.Procedure => [CachePolicies.ProceduresTag, CachePolicies.DirectoryTag],
            ContentKinds.Index => [CachePolicies.IndicesTag],
            ContentKinds.Question => [CachePolicies.QuestionsTag],
            // Episode pages and the answers given in them; published episodes are listed in the sitemap.
            ContentKinds.Episode => [CachePolicies.QuestionsTag, CachePolicies.SitemapTag],
            _ => [CachePolicies.SiteTag],
        };
        foreach (var tag in tags)
            await store.EvictByTagAsync(tag, ct);
    }
}
