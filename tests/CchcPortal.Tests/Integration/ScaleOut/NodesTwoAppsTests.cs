using System.Net;
using System.Text.Json.Nodes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.ScaleOut;

/// <summary>
/// Two nodes on one database: each has its own search index folder, both share one media root (Portal:SharedPath).
/// Node B starts after A with an empty index whose rebuild is held at a gate, so its readiness can be seen before
/// and after.
/// </summary>
public sealed class TwoNodes : IDisposable
{
    public string SharedPath { get; } = Path.Combine(Path.GetTempPath(), "cchc-tests", "shared-" + Guid.NewGuid().ToString("N"));
    public string IndexB { get; } = Path.Combine(Path.GetTempPath(), "cchc-tests", "index-b-" + Guid.NewGuid().ToString("N"));
    public PortalFactory A { get; }
    public PortalFactory B { get; }
    public RebuildGate Gate { get; } = new();

    public TwoNodes()
    {
        A = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:SharedPath"] = SharedPath });
        _ = A.Services;
        B = new PortalFactory(A.DataPath, settings: new Dictionary<string, string>
        {
            ["Portal:SharedPath"] = SharedPath,
            ["Portal:SearchIndexPath"] = IndexB,
        }, services: s => s.AddScoped<ISearchDocumentSource>(_ => Gate));
    }

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
        foreach (var folder in new[] { SharedPath, IndexB })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A search document kind whose full load waits until <see cref="Open"/>: holds a rebuild in progress.</summary>
    public sealed class RebuildGate : ISearchDocumentSource
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Kind => "gate";
        public void Open() => _open.TrySetResult();

        public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
        {
            await _open.Task.WaitAsync(ct);
            return [];
        }
    }
}

public class NodesTwoAppsTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_new_node_rebuilds_its_own_index_is_not_ready_until_then_and_follows_the_other_node()
    {
        await nodes.A.WaitForSearchAsync();
        var b = nodes.B.Anonymous();
        var waiting = await b.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        Assert.Equal("no-store", waiting.Headers.CacheControl?.ToString());
        var body = JsonNode.Parse(await waiting.Content.ReadAsStringAsync())!;
        Assert.Equal("NotReady", (string)body["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["reason"]));
        // Liveness is another matter: the node is up.
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nodes.A.Anonymous().GetAsync("/healthz/ready")).StatusCode);

        nodes.Gate.Open();
        var ready = await PollAsync(async () => (await b.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.True(ready, "node B did not become ready after its rebuild");
        Assert.True(Directory.EnumerateFiles(nodes.IndexB).Any());

        // Published on A: B applies the change feed on its own and finds it within a few seconds.
        const string title = "Tổ chức đối thoại với doanh nghiệp về thủ tục đầu tư";
        var editor = await nodes.A.EditorAsync();
        int categoryId;
        using (var scope = nodes.A.Services.CreateScope())
            categoryId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.FirstAsync(c => c.Slug == "tin-hoat-dong-cchc")).Id;
        var publish = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Publish", new()
        {
            ["Input.Title"] = title, ["Input.Summary"] = "", ["Input.BodyHtml"] = "<p>Đối thoại về thủ tục đầu tư.</p>",
            ["Input.CategoryId"] = categoryId.ToString(), ["Input.Tags"] = "",
        }, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var attempt = 0;
        var found = await PollAsync(async () => (await b.GetStringAsync($"/api/search?q=doi+thoai+doanh+nghiep+thu+tuc+dau+tu&lan={attempt++}")).Contains(title),
            TimeSpan.FromSeconds(5));
        Assert.True(found, "node B did not find the post published on node A within 5 s");
    }

    [Fact]
    public async Task Both_nodes_making_one_variant_at_once_serve_the_same_whole_image_and_leave_no_temporary_file()
    {
        var relative = "images/2026/12/doi-thoai.jpg";
        var original = Path.Combine(nodes.SharedPath, "media", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(original)!);
        await File.WriteAllBytesAsync(original, TestImages.Jpeg(1600, 1200));
        var clients = new[] { nodes.A.Anonymous(), nodes.B.Anonymous() };
        Assert.Equal(HttpStatusCode.OK, (await clients[1].GetAsync("/media/" + relative)).StatusCode);

        var url = $"/media/v/640/{relative}.webp";
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => clients[i % 2].GetAsync(url)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var images = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(images, bytes => Assert.Equal(images[0], bytes));
        using (var made = NetVips.Image.NewFromBuffer(images[0]))
            Assert.Equal((640, 480), (made.Width, made.Height));
        Assert.True(File.Exists(Path.Combine(nodes.SharedPath, "cache", "variants", "640", relative + ".webp")));
        Assert.Empty(Directory.EnumerateFiles(nodes.SharedPath, "*.partial", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(nodes.A.DataPath, "cache")));
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return await condition();
    }
}
