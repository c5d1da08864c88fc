using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.StaticPages;
using CchcPortal.Search.Lucene;
using CchcPortal.Tests.Support;
using CchcPortal.Web.Features.Notifications;
using CchcPortal.Web.Infrastructure.Leases;
using CchcPortal.Web.Infrastructure.Redis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CchcPortal.Tests.Integration.ScaleOut;

/// <summary>
/// Two nodes of one portal: two app instances on the same data folder (one SQLite database, each its own search
/// index) sharing one Redis under one key prefix. What one node does, the other must see.
/// </summary>
public sealed partial class RedisScaleOutTests(RedisScaleOutTests.Nodes nodes) : IClassFixture<RedisScaleOutTests.Nodes>
{
    public const string AddressHeader = "X-Test-Address";

    public sealed class Nodes : IDisposable
    {
        public string Prefix { get; } = RedisServer.NewPrefix();
        public PortalFactory A { get; }
        public PortalFactory B { get; }
        private readonly string _certFolder = Directory.CreateTempSubdirectory("cchc-redis-cert-").FullName;
        private readonly string _indexB = Directory.CreateTempSubdirectory("cchc-redis-index-").FullName;

        public Nodes()
        {
            var settings = new Dictionary<string, string>
            {
                ["Redis:Configuration"] = RedisServer.Instance.Configuration,
                ["Redis:InstanceName"] = Prefix,
                ["Portal:RateLimits:LookupsPerMinute"] = "4",
                // The keys in Redis are encrypted with a certificate, as on a real deployment (docs/security.md).
                ["Portal:DataProtection:CertificatePath"] = TestCertificate(_certFolder),
                ["Portal:DataProtection:CertificatePassword"] = "Mk-nút-chung",
            };
            A = new PortalFactory(settings: settings, services: s => s.AddTransient<IStartupFilter, ClientAddressFromHeader>());
            _ = A.Services; // A starts first: it migrates, seeds and makes the first data-protection key.
            B = new PortalFactory(A.DataPath, settings: settings, services: s =>
            {
                s.AddTransient<IStartupFilter, ClientAddressFromHeader>();
                s.AddSingleton(_ => new LuceneSearchIndex(Path.Combine(_indexB, "index")));
            });
            _ = B.Services;
        }

        public void Dispose()
        {
            B.Dispose();
            A.Dispose();
            foreach (var folder in new[] { _certFolder, _indexB })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }

        private static string TestCertificate(string folder)
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=CchcPortal keys (redis test)", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var path = Path.Combine(folder, "keys.pfx");
            File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "Mk-nút-chung"));
            return path;
        }
    }

    /// <summary>Lets a test act as a client address of its own, so the rate-limit counts of one test never meet another's.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                return then(context);
            });
            next(app);
        };
    }

    private PortalFactory A => nodes.A;
    private PortalFactory B => nodes.B;
    private RedisConnection Redis => A.Services.GetRequiredService<RedisConnection>();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static HttpClient NoCookies(PortalFactory node) => node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [Fact]
    public async Task A_form_token_and_a_sign_in_made_on_one_node_are_valid_on_the_other_and_the_keys_in_Redis_are_encrypted()
    {
        var formPage = await NoCookies(A).GetAsync("/tai-khoan/dang-nhap");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await formPage.Content.ReadAsStringAsync()).Groups[1].Value);
        var login = new HttpRequestMessage(HttpMethod.Post, "/tai-khoan/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", CookiesOf(formPage));
        var signedIn = await NoCookies(B).SendAsync(login); // the antiforgery token and cookie of A, posted to B
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = CookiesOf(signedIn);
        Assert.Contains(".CchcPortal.Auth=", auth);

        foreach (var node in new[] { A, B })
        {
            var manager = new HttpRequestMessage(HttpMethod.Get, "/quan-tri");
            manager.Headers.Add("Cookie", auth);
            Assert.Equal(HttpStatusCode.OK, (await NoCookies(node).SendAsync(manager)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await NoCookies(A).GetAsync("/quan-tri")).StatusCode);

        var keys = await Redis.Database.ListRangeAsync(Redis.Key("data-protection-keys"));
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<encryptedSecret", (string)k!));
        Assert.False(Directory.Exists(Path.Combine(A.DataPath, "keys")) && Directory.EnumerateFiles(Path.Combine(A.DataPath, "keys")).Any());
    }

    private static async Task<string> PageAsync(PortalFactory node, string url, bool gzip = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (gzip) request.Headers.Add("Accept-Encoding", "gzip");
        var response = await NoCookies(node).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (!gzip) return await response.Content.ReadAsStringAsync();
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        await using var unzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        return await new StreamReader(unzip).ReadToEndAsync();
    }

    [Fact]
    public async Task An_edit_on_one_node_evicts_the_page_cached_for_both()
    {
        Assert.IsType<FailOpenOutputCacheStore>(A.Services.GetRequiredService<IOutputCacheStore>());
        int id;
        string title;
        using (var scope = A.Services.CreateScope())
        {
            var page = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().StaticPages.SingleAsync(p => p.Slug == "gioi-thieu");
            (id, title) = (page.Id, page.Title);
        }
        Assert.Contains(title, await PageAsync(B, "/gioi-thieu"));
        Assert.Contains(title, await PageAsync(B, "/gioi-thieu", gzip: true));

        // Changed behind the portal's back (no eviction): both nodes still answer the page B cached, from Redis.
        using (var scope = A.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().StaticPages.Where(p => p.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Tiêu đề chưa được công bố"));
        Assert.DoesNotContain("Tiêu đề chưa được công bố", await PageAsync(A, "/gioi-thieu"));
        Assert.DoesNotContain("Tiêu đề chưa được công bố", await PageAsync(B, "/gioi-thieu", gzip: true));

        using (var scope = A.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaticPageService>().UpdateAsync(id,
                new StaticPageInput { Title = "Giới thiệu cổng sau khi sửa trên nút A", BodyHtml = "<p>Nội dung mới.</p>" });
            Assert.True(result.Succeeded);
        }
        Assert.Contains("Giới thiệu cổng sau khi sửa trên nút A", await PageAsync(B, "/gioi-thieu"));
        Assert.Contains("Giới thiệu cổng sau khi sửa trên nút A", await PageAsync(B, "/gioi-thieu", gzip: true));
    }

    [Fact]
    public async Task Each_node_reports_its_Redis_connection_in_healthz()
    {
        foreach (var node in new[] { A, B })
        {
            using var response = await NoCookies(node).GetAsync("/healthz");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var redis = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis");
            Assert.Equal("Healthy", redis.GetProperty("status").GetString());
            Assert.True(redis.GetProperty("data").GetProperty("latencyMs").GetDouble() >= 0);
        }
    }

    [Fact]
    public async Task A_proof_of_work_accepted_on_one_node_is_refused_on_the_other()
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Câu hỏi gửi hai lần qua hai máy chủ",
            ["Input.Content"] = "Xin hỏi thủ tục đăng ký thường trú cho con mới sinh cần những giấy tờ gì và nộp ở đâu?",
            ["Input.Name"] = "Lê Thị Hai Nút", ["Input.Phone"] = "0905 222 333",
            ["altcha"] = await A.Anonymous().SolvedAltchaAsync(),
        };
        Assert.Equal(HttpStatusCode.SeeOther, (await A.Anonymous().PostFormAsync(AltchaTestClient.SubmitUrl, new(fields))).StatusCode);

        var replay = await B.Anonymous().PostFormAsync(AltchaTestClient.SubmitUrl, new(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Contains("đã được dùng", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()));
        using var scope = B.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.CountAsync(c => c.Title == "Câu hỏi gửi hai lần qua hai máy chủ"));
    }

    [Fact]
    public async Task Rate_limit_counts_of_one_address_add_up_across_nodes()
    {
        async Task<HttpStatusCode> ChallengeAsync(PortalFactory node)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/hoi-dap/thu-thach");
            request.Headers.Add(AddressHeader, "203.0.113.45");
            return (await NoCookies(node).SendAsync(request)).StatusCode;
        }
        // Four a minute (the fixture's setting): two on each node, then neither answers.
        foreach (var node in new[] { A, B, A, B }) Assert.Equal(HttpStatusCode.OK, await ChallengeAsync(node));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ChallengeAsync(A));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ChallengeAsync(B));
        var other = new HttpRequestMessage(HttpMethod.Get, "/hoi-dap/thu-thach");
        other.Headers.Add(AddressHeader, "203.0.113.46");
        Assert.Equal(HttpStatusCode.OK, (await NoCookies(B).SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_failures_on_one_node_make_the_other_wait()
    {
        var onA = A.Services.GetRequiredService<ISignInThrottle>();
        var onB = B.Services.GetRequiredService<ISignInThrottle>();
        Assert.IsType<RedisSignInThrottle>(onA);
        for (var i = 0; i < 5; i++) await onA.FailedAsync("doan@test.local", "198.51.100.7");
        var wait = await onB.RetryAfterAsync(" DOAN@test.local", "198.51.100.7");
        Assert.InRange(wait, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, await onB.RetryAfterAsync("doan@test.local", "198.51.100.8"));
        await onB.SucceededAsync("doan@test.local", "198.51.100.7");
        Assert.Equal(TimeSpan.Zero, await onA.RetryAfterAsync("doan@test.local", "198.51.100.7"));
    }

    [Fact]
    public async Task One_node_holds_a_lease_at_a_time_and_another_takes_over_when_it_stops_or_dies()
    {
        var held = new[]
        {
            await A.Services.GetRequiredService<IWorkLeases>().TryHoldAsync(WorkLeaseNames.Outbox),
            await B.Services.GetRequiredService<IWorkLeases>().TryHoldAsync(WorkLeaseNames.Outbox),
        };
        Assert.Single(held, true);

        var options = new RedisOptions { InstanceName = nodes.Prefix, LeaseSeconds = 3 };
        RedisWorkLeases Node() => new(Redis, options, NullLogger<RedisWorkLeases>.Instance);
        using var first = Node();
        using var second = Node();
        using var third = Node();
        Assert.True(await first.TryHoldAsync("takeover"));
        Assert.True(await first.TryHoldAsync("takeover")); // renewed by its holder
        Assert.False(await second.TryHoldAsync("takeover"));
        await first.StopAsync(CancellationToken.None); // a node that stops gives its leases back
        Assert.True(await second.TryHoldAsync("takeover"));

        // The second node now dies without a word: the third takes over once the time to live has run out.
        Assert.False(await third.TryHoldAsync("takeover"));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await third.TryHoldAsync("takeover"))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the lease of a dead node never expired");
            await Task.Delay(200);
        }
        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_outbox_mail_is_sent_once_by_two_senders_at_the_same_time()
    {
        var subject = $"Thư gửi một lần {Guid.NewGuid():N}";
        using (var scope = A.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                To = "can-bo@test.local", Subject = subject, BodyText = "Nội dung thư.", Purpose = "test", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await Task.WhenAll(
            Task.Run(() => A.Services.GetRequiredService<OutboxSender>().FlushAsync()),
            Task.Run(() => B.Services.GetRequiredService<OutboxSender>().FlushAsync()));

        var copies = Directory.GetFiles(A.MailPickupPath, "*.eml").Count(f => MimeKit.MimeMessage.Load(f).Subject == subject);
        Assert.Equal(1, copies);
    }
}
