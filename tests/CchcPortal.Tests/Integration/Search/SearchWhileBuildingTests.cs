using System.Net;
using System.Text.Json.Nodes;
using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>
/// Until a node's first index is built its searches say so (503, Retry-After, never "0 kết quả", never cached) and
/// /healthz shows the index building; a later rebuild keeps serving the previous commit. The rebuild is held open by
/// a document source that waits at a gate.
/// </summary>
public class SearchWhileBuildingTests : IDisposable
{
    private const string Query = "/tim-kiem?q=uy+ban+nhan+dan";
    private const string ApiQuery = "/api/search?q=uy+ban+nhan+dan";
    private readonly Gate _gate = new();
    private readonly PortalFactory _factory;

    public SearchWhileBuildingTests() =>
        _factory = new PortalFactory(services: s => s.AddScoped<ISearchDocumentSource>(_ => new GatedSource(_gate)));

    public void Dispose()
    {
        _gate.Open();
        _factory.Dispose();
    }

    /// <summary>Holds every full load of its kind (that is, every rebuild) until opened; then adds nothing.</summary>
    private sealed class Gate
    {
        private volatile TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Reached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task WaitAsync(CancellationToken ct)
        {
            Reached.TrySetResult();
            return _open.Task.WaitAsync(ct);
        }
        public void Open() => _open.TrySetResult();
        public void Close()
        {
            Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private sealed class GatedSource(Gate gate) : ISearchDocumentSource
    {
        public string Kind => "gated";
        public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
        {
            if (ids is null) await gate.WaitAsync(ct);
            return [];
        }
    }

    private async Task<JsonObject> SearchHealthAsync()
    {
        var response = await _factory.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Degraded at worst: /healthz is the liveness probe
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return health["checks"]!.AsArray().Single(c => (string)c!["name"]! == "search-index")!.AsObject();
    }

    [Fact]
    public async Task Before_the_first_index_is_built_searches_say_it_is_being_built_and_nothing_of_it_is_cached()
    {
        var indexer = _factory.Services.GetRequiredService<SearchIndexer>();
        await _gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(indexer.Searchable);
        var client = _factory.Anonymous();

        var page = await client.GetAsync(Query);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), page.Headers.RetryAfter?.Delta);
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Contains("noindex", page.Headers.GetValues("X-Robots-Tag").Single());
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        // The message, noindex, and ways to browse meanwhile (the lists filtered by the same words in the database).
        string[] expected = ["Đang xây dựng chỉ mục tìm kiếm", "<meta name=\"robots\" content=\"noindex", "href=\"/tin-tuc\"",
            "href=\"/thu-tuc-hanh-chinh?q=uy%20ban%20nhan%20dan\"", "href=\"/van-ban?q=uy%20ban%20nhan%20dan\""];
        Assert.All(expected, e => Assert.Contains(e, html));
        Assert.DoesNotContain("kết quả cho", html);
        Assert.DoesNotContain("Không tìm thấy", html);

        foreach (var url in new[] { ApiQuery, "/api/search/suggest?q=uy+ban" })
        {
            var api = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), api.Headers.RetryAfter?.Delta);
            Assert.True(api.Headers.CacheControl?.NoStore);
            var json = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
            Assert.Equal("building", (string)json["status"]!);
            Assert.StartsWith("Đang xây dựng chỉ mục tìm kiếm", (string)json["message"]!);
        }

        var building = await SearchHealthAsync();
        Assert.Equal("Degraded", (string)building["status"]!);
        Assert.Contains("Đang xây dựng chỉ mục tìm kiếm", (string)building["description"]!);
        Assert.Equal("building", (string)building["data"]!["state"]!);
        Assert.Equal(0, (int)building["data"]!["documents"]!);
        Assert.True((long)building["data"]!["targetSequence"]! > 0);
        Assert.Null(building["data"]!["lastRebuildSeconds"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);

        _gate.Open();
        await _factory.WaitForSearchAsync(60);

        // The same URLs, asked again: results, not a stored "building" answer.
        var after = await client.GetAsync(Query);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var afterHtml = WebUtility.HtmlDecode(await after.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Đang xây dựng chỉ mục tìm kiếm", afterHtml);
        Assert.Contains("href=\"/co-quan/ubnd-tinh\"", afterHtml);
        var afterApi = await client.GetAsync(ApiQuery);
        Assert.Equal(HttpStatusCode.OK, afterApi.StatusCode);
        Assert.True((int)JsonNode.Parse(await afterApi.Content.ReadAsStringAsync())!["total"]! > 0);

        var ready = await SearchHealthAsync();
        Assert.Equal("Healthy", (string)ready["status"]!);
        Assert.Equal("ready", (string)ready["data"]!["state"]!);
        var documents = (int)ready["data"]!["documents"]!;
        Assert.Equal(_factory.Services.GetRequiredService<ISearchIndex>().DocumentCount, documents);
        Assert.True(documents > 0);
        Assert.Equal((long)ready["data"]!["targetSequence"]!, (long)ready["data"]!["appliedSequence"]!);
        Assert.True((double)ready["data"]!["lastRebuildSeconds"]! > 0);
    }

    [Fact]
    public async Task A_rebuild_over_an_index_that_has_documents_keeps_serving_the_previous_commit()
    {
        _gate.Open();
        await _factory.WaitForSearchAsync(60);
        var indexer = _factory.Services.GetRequiredService<SearchIndexer>();
        _gate.Close();
        indexer.RequestRebuild();
        await _gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(indexer.RebuildPending);
        Assert.True(indexer.Searchable);
        var api = await _factory.Anonymous().GetAsync(ApiQuery);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True((int)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["total"]! > 0);
        var rebuilding = await SearchHealthAsync();
        Assert.Equal("rebuilding", (string)rebuilding["data"]!["state"]!);
        Assert.True((int)rebuilding["data"]!["documents"]! > 0);

        _gate.Open();
        await _factory.WaitForSearchAsync(60);
        Assert.Equal("ready", (string)(await SearchHealthAsync())["data"]!["state"]!);
    }
}
