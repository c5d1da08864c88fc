using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CchcPortal.Tests.Integration.Accounts;

/// <summary>Helpers of the account tests: client addresses, authenticator codes, the audit log.</summary>
public static partial class AccountTestSupport
{
    /// <summary>A request header the test front door turns into the client's address.</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>A portal whose requests come from the address a client names in <see cref="AddressHeader"/>.</summary>
    public static PortalFactory Portal(Dictionary<string, string>? settings = null)
    {
        settings ??= [];
        // These tests count sign-in attempts themselves: the fixed window per address stays out of the way.
        settings.TryAdd("Portal:RateLimits:SignInsPerFiveMinutes", "1000");
        return new PortalFactory(settings: settings, services: s => s.AddTransient<IStartupFilter, AddressFrontDoor>(), servicesActPerRequest: true);
    }

    public static HttpClient From(this PortalFactory factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>The current code of an authenticator app for the key shown on the security page (Otp.NET, not Identity).</summary>
    public static string Totp(string groupedKey) =>
        new Totp(Base32Encoding.ToBytes(groupedKey.Replace(" ", "").ToUpperInvariant())).ComputeTotp();

    [GeneratedRegex("<code id=\"authenticator-key\">([a-z0-9 ]+)</code>")] private static partial Regex KeyPattern();
    [GeneratedRegex("<li><code>([^<]+)</code></li>")] private static partial Regex RecoveryCodePattern();

    /// <summary>Turns two-factor sign-in on from the security page as the staff member would; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(this HttpClient signedIn)
    {
        var page = await signedIn.GetStringAsync("/quan-tri/bao-mat-tai-khoan");
        Assert.Contains("<svg", page);
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var enabled = await signedIn.PostFormAsync("/quan-tri/bao-mat-tai-khoan?handler=Enable", new() { ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = RecoveryCodePattern().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    public static async Task<List<AuditEntry>> AuditAsync(this PortalFactory factory, string action)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    public static string PathOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private sealed class AddressFrontDoor : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address) && IPAddress.TryParse(address, out var ip))
                    context.Connection.RemoteIpAddress = ip;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
