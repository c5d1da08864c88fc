using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Audit;
using static CchcPortal.Tests.Integration.Accounts.AccountTestSupport;

namespace CchcPortal.Tests.Integration.Accounts;

/// <summary>Guessing is slowed per (e-mail, address) and per address; nobody can lock the administrator out, and an
/// unknown e-mail is told apart from a wrong password neither by the page nor by its timing.</summary>
public class SignInThrottleTests
{
    private const string Attacker = "203.0.113.66", Office = "10.3.0.7";

    [Fact]
    public async Task Fifty_failures_from_an_attackers_address_do_not_stop_the_administrator_signing_in_from_another()
    {
        using var factory = Portal();
        var attacker = factory.From(Attacker);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
            statuses.Add((await attacker.SignInAsync(PortalFactory.AdminEmail, $"Doan-Mo!{i}x")).StatusCode);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(45, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        // The attacker, even with the right password, waits.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).StatusCode);

        var admin = factory.From(Office);
        Assert.Equal("/quan-tri", PathOf(await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/quan-tri")).StatusCode);
        Assert.Equal(46, (await factory.AuditAsync(AuditActions.SignInThrottled)).Count);
    }

    [Fact]
    public async Task An_address_failing_across_many_accounts_waits_too()
    {
        using var factory = Portal();
        var sprayer = factory.From(Attacker);
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.OK, (await sprayer.SignInAsync($"nguoi{i}@test.local", "Sai!Mat-Khau1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sprayer.SignInAsync("nguoi-khac@test.local", "Sai!Mat-Khau1")).StatusCode);
        Assert.Equal("/quan-tri", PathOf(await factory.From(Office).SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)));
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_page_and_the_throttle_message_alike()
    {
        using var factory = Portal();
        var knownClient = factory.From("10.3.1.1");
        var unknownClient = factory.From("10.3.1.2");
        var known = await knownClient.SignInAsync(PortalFactory.AdminEmail, "Sai!Mat-Khau1");
        var unknown = await unknownClient.SignInAsync("khong-ton-tai@test.local", "Sai!Mat-Khau1");
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await ErrorsAsync(known), await ErrorsAsync(unknown));

        for (var i = 0; i < 5; i++)
        {
            known = await knownClient.SignInAsync(PortalFactory.AdminEmail, "Sai!Mat-Khau1");
            unknown = await unknownClient.SignInAsync("khong-ton-tai@test.local", "Sai!Mat-Khau1");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Contains("thử lại sau", await ErrorsAsync(unknown));
        Assert.Equal(await ErrorsAsync(known), await ErrorsAsync(unknown));
    }

    [Fact]
    public async Task An_unknown_email_takes_about_as_long_as_a_wrong_password()
    {
        using var factory = Portal();
        await factory.From("10.3.2.0").SignInAsync("khoi-dong@test.local", "Sai!Mat-Khau1"); // warm-up
        await factory.From("10.3.2.1").SignInAsync(PortalFactory.AdminEmail, "Sai!Mat-Khau1");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            // A fresh address each time, so the throttle never answers instead of the password check.
            known.Add(await TimeAsync(factory.From($"10.3.3.{i}"), PortalFactory.AdminEmail));
            unknown.Add(await TimeAsync(factory.From($"10.3.4.{i}"), $"khong-co-{i}@test.local"));
        }
        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        Assert.True(unknownMedian >= knownMedian / 2, $"unknown e-mail {unknownMedian:0.0} ms, known {knownMedian:0.0} ms (medians)");
    }

    private static async Task<double> TimeAsync(HttpClient client, string email)
    {
        var token = await client.AntiforgeryTokenAsync("/tai-khoan/dang-nhap");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = "Sai!Mat-Khau1", ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/tai-khoan/dang-nhap", form);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")?.TextContent.Trim() ?? "";
}
