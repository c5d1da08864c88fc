using System.Net;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CchcPortal.Tests.Integration;

/// <summary>Signing out (here or everywhere) and changing a password end the session on the server, not only in this browser; idle and old sessions end too.</summary>
public class SessionEndTests
{
    private const string Email = "bien-tap@test.local", Password = "B1en!Tap#Passw0rd";

    [Fact]
    public async Task Sign_out_through_the_manager_form_ends_the_session_and_every_copy_of_its_cookie()
    {
        using var factory = new PortalFactory();
        await factory.EnsureUserAsync(Email, Password, PortalRoles.Editor);
        var (client, cookie) = await SignInKeepingCookieAsync(factory);
        var copy = WithCookie(factory, cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/quan-tri")).StatusCode);

        // The form as the manager's header renders it, token included.
        var form = await client.BrowserFormAsync("/quan-tri", "form[action='/tai-khoan/dang-xuat']");
        Assert.Contains(form, f => f.Key == "__RequestVerificationToken");
        var signOut = await client.PostAsync("/tai-khoan/dang-xuat", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The stamp is checked once any time has passed since the cookie was issued; the test clock stands still.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        AssertSentToSignIn(await client.GetAsync("/quan-tri"));
        AssertSentToSignIn(await copy.GetAsync("/quan-tri"));
    }

    [Fact]
    public async Task A_password_change_ends_other_sessions_and_keeps_the_one_that_changed_it()
    {
        using var factory = new PortalFactory();
        await factory.EnsureUserAsync(Email, Password, PortalRoles.Editor);
        var (client, cookie) = await SignInKeepingCookieAsync(factory);
        var copy = WithCookie(factory, cookie);

        const string newPassword = "M0i!Passw0rd#2026";
        var change = await client.PostFormAsync("/quan-tri/doi-mat-khau",
            new() { ["CurrentPassword"] = Password, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/quan-tri")).StatusCode);
        AssertSentToSignIn(await copy.GetAsync("/quan-tri"));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_account()
    {
        using var factory = new PortalFactory();
        await factory.EnsureUserAsync(Email, Password, PortalRoles.Editor);
        var (client, cookie) = await SignInKeepingCookieAsync(factory);
        var (other, _) = await SignInKeepingCookieAsync(factory);
        var copy = WithCookie(factory, cookie);

        var form = await client.BrowserFormAsync("/quan-tri/bao-mat-tai-khoan", "form[action*='SignOutEverywhere']");
        Assert.Contains("Đăng xuất khỏi mọi thiết bị", await client.GetStringAsync("/quan-tri/bao-mat-tai-khoan"));
        var signOut = await client.PostAsync("/quan-tri/bao-mat-tai-khoan?handler=SignOutEverywhere", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        AssertSentToSignIn(await client.GetAsync("/quan-tri"));
        AssertSentToSignIn(await other.GetAsync("/quan-tri"));
        AssertSentToSignIn(await copy.GetAsync("/quan-tri"));
    }

    [Fact]
    public async Task A_session_ends_after_two_idle_hours_and_twelve_hours_after_sign_in_however_active()
    {
        using var factory = new PortalFactory();
        await factory.EnsureUserAsync(Email, Password, PortalRoles.Editor);
        var (idle, _) = await SignInKeepingCookieAsync(factory);
        var (active, _) = await SignInKeepingCookieAsync(factory);

        // Active every 50 minutes for 11 hours 40 minutes: still signed in (the sliding cookie is renewed).
        for (var i = 0; i < 14; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/quan-tri")).StatusCode);
        }
        AssertSentToSignIn(await idle.GetAsync("/quan-tri"));

        factory.Clock.Advance(TimeSpan.FromMinutes(21));
        AssertSentToSignIn(await active.GetAsync("/quan-tri"));
    }

    private static async Task<(HttpClient Client, string Cookie)> SignInKeepingCookieAsync(PortalFactory factory)
    {
        var client = factory.Anonymous();
        var login = await client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = Email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".CchcPortal.Auth=")).Split(';')[0];
        return (client, cookie);
    }

    /// <summary>Another client that sends only the given cookie, as someone who copied it would.</summary>
    private static HttpClient WithCookie(PortalFactory factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/tai-khoan/dang-nhap", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }
}
