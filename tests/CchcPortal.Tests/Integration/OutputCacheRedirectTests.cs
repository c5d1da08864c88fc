using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Redirects answer from the output cache (zero SQL commands the second time) and are evicted by edits; unknown
/// codes are not stored (issue 20; docs/architecture.md "Output cache coverage").
/// </summary>
public sealed class OutputCacheRedirectTests(OutputCacheRedirectTests.Fixture fixture)
    : IClassFixture<OutputCacheRedirectTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(seedProcedures: true, countQueries: true);
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_short_procedure_link_is_a_cached_permanent_redirect_and_unknown_codes_are_not_stored()
    {
        var client = Factory.Anonymous();
        var first = await client.GetAsync("/tthc/1.001193");
        Assert.Equal(HttpStatusCode.MovedPermanently, first.StatusCode);
        var second = await client.GetAsync("/tthc/1.001193");
        Assert.Equal(HttpStatusCode.MovedPermanently, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(0, Factory.Queries!.LastCount("/tthc/1.001193"));

        // A scan of random codes must not fill the cache: their 404 is computed each time (one indexed lookup).
        for (var i = 0; i < 2; i++)
        {
            var missing = await client.GetAsync("/tthc/9.999999");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Không tìm thấy trang", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
        }
        Assert.True(Factory.Queries.LastCount("/tthc/9.999999") > 0);
        // Odd spellings of an error page's address answer, but are not stored either.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/loi/0404")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/loi/0404")).StatusCode);
    }

    [Fact]
    public async Task An_edit_evicts_the_cached_redirect_and_pages()
    {
        var client = Factory.Anonymous();
        const string code = "1.001695";
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync($"/tthc/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync($"/tthc/{code}")).StatusCode);
        Assert.Equal(0, Factory.Queries!.LastCount($"/tthc/{code}"));
        Assert.DoesNotContain("Gọi đường dây nóng 1022 (thử)", WebUtility.HtmlDecode(await client.GetStringAsync("/hoi-dap")));
        await client.GetStringAsync("/hoi-dap");
        Assert.Equal(0, Factory.Queries.LastCount("/hoi-dap"));

        // A manager changes the procedure's code: the short link of the old code no longer leads anywhere.
        var editor = await Factory.EditorAsync();
        var form = await editor.BrowserFormAsync($"/quan-tri/thu-tuc/{code}", "#procedure-form");
        var saved = await editor.PostAsync($"/quan-tri/thu-tuc/{code}", new FormUrlEncodedContent(form.With("Input.Code", code + ".T1")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tthc/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync($"/tthc/{code}.T1")).StatusCode);

        // The site's hotline changes: /hoi-dap (cached with the Questions policy) shows the new one at once.
        using (var scope = Factory.Services.CreateScope())
        {
            var current = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SiteSettings.AsNoTracking().FirstAsync();
            current.Hotline = "1022 (thử)";
            Assert.True((await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().UpdateAsync(current)).Succeeded);
        }
        Assert.Contains("Gọi đường dây nóng 1022 (thử)", WebUtility.HtmlDecode(await client.GetStringAsync("/hoi-dap")));
        Assert.True(Factory.Queries.LastCount("/hoi-dap") > 0);
    }
}
