using CchcPortal.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>
/// Cached search pages are keyed by the node's index generation: a page rendered from the old index and stored after
/// the commit's eviction (the race the scale-out script once hit) is never served once the commit is counted.
/// </summary>
public sealed class SearchCacheGenerationTests
{
    [Fact]
    public async Task A_search_page_cached_before_an_index_commit_is_not_served_after_it()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        const string url = "/tim-kiem?q=" + "c%E1%BA%A5p+gi%E1%BA%A5y+ph%C3%A9p";

        async Task<bool> FromCacheAsync()
        {
            using var response = await client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            return response.Headers.Age is not null;
        }

        await factory.WaitForSearchAsync();
        Assert.False(await FromCacheAsync());
        Assert.True(await FromCacheAsync());

        // Counted without an eviction, as when the stale page was stored after it.
        factory.Services.GetRequiredService<SearchCacheGeneration>().Advance();
        Assert.False(await FromCacheAsync());
        Assert.True(await FromCacheAsync());
    }
}
