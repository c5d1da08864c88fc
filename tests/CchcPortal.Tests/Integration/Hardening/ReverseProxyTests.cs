using System.Net;
using CchcPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcPortal.Tests.Integration.Hardening;

/// <summary>Behind a TLS proxy: the client's address and scheme come from the configured proxy only.</summary>
public class ReverseProxyTests
{
    private const string Host = "cchc.example.gov.vn";

    private static PortalFactory Factory(Dictionary<string, string>? settings = null) =>
        new(settings: settings, services: s => s.AddTransient<IStartupFilter, FakePeer>(), servicesActPerRequest: true);

    private static Dictionary<string, string> BehindProxy(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Portal:ReverseProxy:KnownProxies:0"] = FakePeer.DefaultAddress };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>A client as the proxy forwards it: X-Forwarded-For (and -Proto), optionally from another peer.</summary>
    private static HttpClient Client(PortalFactory factory, string forwardedFor, string proto = "http", string? peer = null, bool cookies = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://{Host}"), AllowAutoRedirect = false, HandleCookies = cookies,
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        if (peer is not null) client.DefaultRequestHeaders.Add(FakePeer.Header, peer);
        return client;
    }

    private static async Task<List<HttpStatusCode>> TrackAsync(HttpClient client, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
            statuses.Add((await client.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = "HD-2026-999999", ["Secret"] = "sai" })).StatusCode);
        return statuses;
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_client_address_has_its_own_public_post_limit()
    {
        using var factory = Factory(BehindProxy());
        var first = await TrackAsync(Client(factory, "198.51.100.1"), 11);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[10]);

        // Another citizen behind the same proxy still has all ten.
        var second = await TrackAsync(Client(factory, "198.51.100.2"), 10);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, second);

        // A client that reaches the node past the proxy cannot pick a fresh address with the header.
        var spoofed = await TrackAsync(Client(factory, "198.51.100.3", peer: "203.0.113.9"), 11);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed[10]);
        var spoofedAgain = await TrackAsync(Client(factory, "198.51.100.4", peer: "203.0.113.9"), 1);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofedAgain[0]);
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_addresses_are_ignored()
    {
        using var factory = Factory();
        var first = await TrackAsync(Client(factory, "198.51.100.1"), 10);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first);
        // A new X-Forwarded-For is not a new client: the limit is the peer's.
        var second = await TrackAsync(Client(factory, "198.51.100.2"), 1);
        Assert.Equal(HttpStatusCode.TooManyRequests, second[0]);

        // Nor is a forwarded https believed: no HSTS, no Secure cookie.
        var page = await Client(factory, "198.51.100.3", "https").GetAsync("/tai-khoan/dang-nhap");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(page.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Https_from_the_proxy_gives_hsts_and_secure_cookies_and_no_server_banner()
    {
        using var factory = Factory(BehindProxy());
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

        var plain = await Client(factory, "198.51.100.1").GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode); // no https address configured: no redirect
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        var client = Client(factory, "198.51.100.1", "https", cookies: false);
        var form = await client.GetAsync("/tai-khoan/dang-nhap");
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".CchcPortal.Antiforgery="));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var login = new HttpRequestMessage(HttpMethod.Post, "/tai-khoan/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".CchcPortal.Auth="));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_an_https_public_address_behind_the_proxy_plain_http_is_redirected_except_the_health_probe()
    {
        using var factory = Factory(BehindProxy(("Portal:PublicBaseUrl", $"https://{Host}"), ("Portal:Security:HstsPreload", "true")));
        var plain = await Client(factory, "198.51.100.1").GetAsync("/tin-tuc?trang=2");
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal($"https://{Host}/tin-tuc?trang=2", plain.Headers.Location!.OriginalString);

        var forged = Client(factory, "198.51.100.1");
        forged.DefaultRequestHeaders.Host = "evil.example";
        Assert.Equal($"https://{Host}/", (await forged.GetAsync("/")).Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await Client(factory, "198.51.100.1").GetAsync("/healthz")).StatusCode);

        var secure = await Client(factory, "198.51.100.1", "https").GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains; preload", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
    }
}
