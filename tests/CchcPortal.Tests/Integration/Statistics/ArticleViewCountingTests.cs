using System.Net;
using CchcPortal.Core.News.Views;
using CchcPortal.Tests.Support;
using CchcPortal.Web.Features.News.Views;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Statistics;

/// <summary>
/// The article view counter: views of the public article page, cached or not, are counted in memory and written by
/// the flush alone, one additive row per post and day; robots, HEAD, prefetches, errors and the staff preview are
/// not counted. Run on SQLite (with the SQL commands of each request counted) and on PostgreSQL.
/// </summary>
public abstract class ArticleViewCountingTests(ArticleViewCountingTests.Fixture fixture)
{
    public abstract class Fixture(TestDatabase provider) : IDisposable
    {
        public PortalFactory Factory { get; } = new(countQueries: provider == TestDatabase.Sqlite, provider: provider);
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => fixture.Factory;
    private NewsViewCounter Counter => F.Services.GetRequiredService<NewsViewCounter>();
    // The fake clock's 2026-11-26 03:00 UTC is 10:00 the same day in Vietnam.
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public async Task Views_served_from_the_cache_count_and_only_the_flush_writes_them()
    {
        var id = await StatisticsPosts.AddAsync(F, "dem-luot-xem-tu-bo-nho-dem");
        var client = F.Anonymous();
        const int views = 12;
        for (var i = 0; i < views; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tin-tuc/dem-luot-xem-tu-bo-nho-dem")).StatusCode);

        if (F.Queries is { } queries)
        {
            // The last request was a cache hit: no SQL at all, so no write either.
            Assert.Equal(0, queries.LastCount("/tin-tuc/dem-luot-xem-tu-bo-nho-dem"));
        }
        Assert.Empty(await StatisticsPosts.ViewsAsync(F, id));

        await Counter.FlushAsync(default);
        Assert.Equal(new Dictionary<DateOnly, int> { [Today] = views }, await StatisticsPosts.ViewsAsync(F, id));
    }

    [Fact]
    public async Task Robots_HEAD_prefetches_errors_and_the_staff_preview_are_not_counted()
    {
        var id = await StatisticsPosts.AddAsync(F, "khong-dem-may-tim-kiem");
        const string path = "/tin-tuc/khong-dem-may-tim-kiem";
        var client = F.Anonymous();
        foreach (var agent in new[] { "Mozilla/5.0 (compatible; Googlebot/2.1)", "facebookexternalhit/1.1", "Mozilla/5.0 Slackbot-LinkExpanding 1.0", "Zalo-Preview/1.0", "Baiduspider", "SomeCrawler/3" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
        foreach (var (header, value) in new[] { ("Sec-Purpose", "prefetch;prerender"), ("Purpose", "prefetch"), ("X-Moz", "prefetch") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation(header, value);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
        using (var head = new HttpRequestMessage(HttpMethod.Head, path)) await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tin-tuc/khong-dem-may-tim-kiem-khong-co")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path + "/ban-in")).StatusCode);
        var editor = await F.EditorAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/quan-tri/bai-viet/{id}/xem-truoc")).StatusCode);
        await Counter.FlushAsync(default);
        Assert.Empty(await StatisticsPosts.ViewsAsync(F, id));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        await Counter.FlushAsync(default);
        Assert.Equal(new Dictionary<DateOnly, int> { [Today] = 1 }, await StatisticsPosts.ViewsAsync(F, id));
    }

    [Fact]
    public async Task Flushes_add_up_and_another_node_adds_its_own_counts()
    {
        var id = await StatisticsPosts.AddAsync(F, "hai-lan-ghi-cong-don");
        var client = F.Anonymous();
        for (var i = 0; i < 3; i++) await client.GetAsync("/tin-tuc/hai-lan-ghi-cong-don");
        await Counter.FlushAsync(default);
        for (var i = 0; i < 2; i++) await client.GetAsync("/tin-tuc/hai-lan-ghi-cong-don");
        await Counter.FlushAsync(default);
        Assert.Equal(new Dictionary<DateOnly, int> { [Today] = 5 }, await StatisticsPosts.ViewsAsync(F, id));

        // Another node flushes what it counted: same day adds up, another day is a row of its own, an unknown slug adds nothing.
        await StatisticsPosts.AddViewsAsync(F, new()
        {
            [new PostViewKey("hai-lan-ghi-cong-don", Today)] = 4,
            [new PostViewKey("hai-lan-ghi-cong-don", Today.AddDays(-1))] = 2,
            [new PostViewKey("bai-da-bi-xoa", Today)] = 9,
        });
        Assert.Equal(new Dictionary<DateOnly, int> { [Today] = 9, [Today.AddDays(-1)] = 2 }, await StatisticsPosts.ViewsAsync(F, id));
    }
}

public sealed class ArticleViewCountingOnSqliteTests(ArticleViewCountingOnSqliteTests.SqliteFixture fixture)
    : ArticleViewCountingTests(fixture), IClassFixture<ArticleViewCountingOnSqliteTests.SqliteFixture>
{
    public sealed class SqliteFixture() : Fixture(TestDatabase.Sqlite);
}

public sealed class ArticleViewCountingOnPostgreSqlTests(ArticleViewCountingOnPostgreSqlTests.PostgreSqlFixture fixture)
    : ArticleViewCountingTests(fixture), IClassFixture<ArticleViewCountingOnPostgreSqlTests.PostgreSqlFixture>
{
    public sealed class PostgreSqlFixture() : Fixture(TestDatabase.PostgreSql);
}
