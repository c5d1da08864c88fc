using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests;

/// <summary>The real portal on Kestrel (loopback, random port, temp data folder) and Debian's headless Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@browser.local";
    public const string AdminPassword = "Br0wser!Admin#Pass";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "cchc-browser", Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;

    private sealed class Factory(string dataPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Portal:DataPath", dataPath);
            builder.UseSetting("CCHC_ADMIN_EMAIL", AdminEmail);
            builder.UseSetting("CCHC_ADMIN_PASSWORD", AdminPassword);
            // A real challenge, a little easier than production's, so a headless browser on 2 cores solves it in about a second.
            builder.UseSetting("Portal:AntiSpam:MaxNumber", "20000");
            // Every test browses from 127.0.0.1: one address for all the citizens and staff of the suite. The limits
            // per address are tested with their defaults in the integration tests.
            builder.UseSetting("Portal:RateLimits:PublicPostsPerMinute", "500");
            // The newsroom test reads the statistics right after the citizen's visit.
            builder.UseSetting("Portal:News:ViewFlushSeconds", "2");
            builder.UseSetting("Portal:RateLimits:SignInsPerFiveMinutes", "500");
            builder.UseSetting("Portal:RateLimits:LookupsPerMinute", "2000");
            builder.UseSetting("Portal:Security:SignInAddressFreeFailures", "1000");
            // The journeys sign the administrator in with a password only (two-factor sign-in has integration tests).
            builder.UseSetting("Portal:Security:RequireTwoFactorForAdministrators", "false");
        }
    }

    public async Task InitializeAsync()
    {
        _factory = new Factory(_dataPath);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        // The search index is built in the background on first start; pages that search need it complete.
        await AddArticleAsync();
        await _factory.Services.GetRequiredService<CchcPortal.Web.Features.Search.SearchIndexer>().WaitUntilCurrentAsync(TimeSpan.FromSeconds(90));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>The seed has no news (the plans are documents): one published article for the article-page checks.</summary>
    private async Task AddArticleAsync()
    {
        using var scope = _factory!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcPortal.Core.Data.PortalDbContext>();
        var posts = scope.ServiceProvider.GetRequiredService<CchcPortal.Core.News.PostService>();
        var category = db.Categories.Single(c => c.Slug == "tin-hoat-dong-cchc");
        var created = await posts.CreateAsync(new CchcPortal.Core.News.PostInput
        {
            Title = "Bắc Kạn triển khai Kế hoạch tuyên truyền cải cách hành chính năm 2024", Slug = ArticleSlug,
            Summary = "Các sở, ngành và UBND cấp huyện tuyên truyền cải cách hành chính theo kế hoạch của tỉnh.",
            BodyHtml = "<p>Các sở, ban, ngành và UBND các huyện, thành phố triển khai các nội dung tuyên truyền đã giao.</p>"
                + "<h2>Nội dung tuyên truyền</h2><ul><li>Cải cách thủ tục hành chính.</li><li>Chuyển đổi số.</li></ul>"
                + "<p>Kết quả được báo cáo về Sở Nội vụ theo quý.</p>",
            CategoryId = category.Id, Tags = "Kế hoạch tuyên truyền, Bắc Kạn",
        }, null, "Biên tập viên");
        if (!created.Succeeded) throw new InvalidOperationException("The browser tests' article was not created.");
        await posts.PublishNowAsync(created.Value!.Id);
    }

    public const string ArticleSlug = "bac-kan-trien-khai-ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024";

    /// <remarks>The default is a 1366 px laptop: from 85rem the header shows its search box and menu in one row.</remarks>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataPath, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
