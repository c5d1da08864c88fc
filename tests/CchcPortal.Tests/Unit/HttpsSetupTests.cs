using CchcPortal.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CchcPortal.Tests.Unit;

/// <summary>Which proxy settings are read, and when plain HTTP is redirected (the rule docs/security.md states).</summary>
public class HttpsSetupTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static HttpsSetup.HttpsRedirect Rule(IConfiguration config) =>
        HttpsSetup.RedirectRule(config, config.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions());

    [Fact]
    public void Proxies_are_read_as_a_list_or_as_one_comma_separated_value()
    {
        var single = Config(("Portal:ReverseProxy:KnownProxies", "10.0.0.5, 10.0.0.6"));
        Assert.Equal(["10.0.0.5", "10.0.0.6"], HttpsSetup.ConfigList(single.GetSection("Portal:ReverseProxy:KnownProxies")));
        Assert.True(HttpsSetup.ProxyConfigured(single));
        Assert.True(HttpsSetup.ProxyConfigured(Config(("Portal:ReverseProxy:KnownNetworks:0", "10.0.0.0/24"))));
        Assert.False(HttpsSetup.ProxyConfigured(Config(("Portal:ReverseProxy:KnownProxies", " "))));
    }

    [Fact]
    public void Plain_http_is_redirected_only_when_the_portal_can_tell_https_from_http()
    {
        const string https = "https://cchc.example.gov.vn";
        Assert.Equal(HttpsSetup.HttpsRedirect.ToPublicAddress,
            Rule(Config(("Portal:PublicBaseUrl", https), ("Portal:ReverseProxy:KnownProxies:0", "10.0.0.5"))));
        // Behind a proxy nobody declared, every request looks like HTTP: redirecting would loop.
        Assert.Equal(HttpsSetup.HttpsRedirect.None, Rule(Config(("Portal:PublicBaseUrl", https))));
        Assert.Equal(HttpsSetup.HttpsRedirect.None,
            Rule(Config(("Portal:PublicBaseUrl", "http://cchc.example.gov.vn"), ("Portal:ReverseProxy:KnownProxies:0", "10.0.0.5"))));
        Assert.Equal(HttpsSetup.HttpsRedirect.ToHttpsPort, Rule(Config(("https_port", "443"))));
        Assert.Equal(HttpsSetup.HttpsRedirect.None, Rule(Config()));
    }
}
