using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Security;

/// <summary>
/// Every endpoint of the app against the authorization matrix of docs/security.md: a route without a row (or a row
/// without a route) fails, and each identity, signed in through the real login form, is let in or turned away
/// exactly as its column says, for GET and, on pages, for POST (which must then stop at the antiforgery check).
/// </summary>
public class AuthorizationMatrixTests
{
    private const string NoRole = "Không vai trò";

    /// <summary>
    /// Pages that show a status and answer with it (the error pages re-executed for any failed request, POSTs too,
    /// so they take no antiforgery token; the "không có quyền" page answers 403): for them only a redirect denies.
    /// </summary>
    private static readonly HashSet<string> StatusPages = ["/loi/{code:int}", "/tai-khoan/khong-co-quyen"];

    /// <summary>
    /// Pages whose form sits on output-cached pages and so carries no antiforgery token (the page-feedback vote): they
    /// refuse cross-site posts by the browser's Sec-Fetch-Site header instead, so the POST is sent as one and must get 403.
    /// </summary>
    private static readonly HashSet<string> CrossSiteCheckedPages = ["/y-kien-trang"];

    [Fact]
    public void Every_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        using var factory = new PortalFactory();
        var routes = Routes(factory).Select(r => r.Pattern).ToHashSet(StringComparer.Ordinal);
        var rows = AuthorizationMatrix.Read().Rows.Select(r => r.Route).ToList();
        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(routes.Except(rows, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.Empty(rows.Except(routes, StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_identity_is_let_in_or_turned_away_as_the_matrix_says()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string>
        {
            ["Portal:RateLimits:PublicPostsPerMinute"] = "10000",
            ["Portal:RateLimits:SignInsPerFiveMinutes"] = "10000",
            ["Portal:RateLimits:LookupsPerMinute"] = "10000",
        });
        var matrix = AuthorizationMatrix.Read();
        var agency = await factory.AgencyIdAsync("so-tu-phap");
        var clients = new Dictionary<string, HttpClient>
        {
            ["Anonymous"] = factory.Anonymous(),
            [NoRole] = await NoRoleClientAsync(factory),
            [PortalRoles.Editor] = await factory.StaffAsync("matrix-editor@test.local", PortalRoles.Editor),
            [PortalRoles.Contributor] = await factory.StaffAsync("matrix-contributor@test.local", PortalRoles.Contributor),
            [PortalRoles.Approver] = await factory.StaffAsync("matrix-approver@test.local", PortalRoles.Approver),
            [PortalRoles.Moderator] = await factory.StaffAsync("matrix-moderator@test.local", PortalRoles.Moderator),
            [PortalRoles.AgencyResponder] = await factory.StaffAsync("matrix-responder@test.local", PortalRoles.AgencyResponder, agency),
            [PortalRoles.AgencyHead] = await factory.StaffAsync("matrix-head@test.local", PortalRoles.AgencyHead, agency),
            [PortalRoles.Administrator] = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword),
        };
        Assert.Equal(clients.Keys.Order(StringComparer.Ordinal), matrix.Identities.Order(StringComparer.Ordinal));

        var routes = Routes(factory).ToDictionary(r => r.Pattern, StringComparer.Ordinal);
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var row in matrix.Rows)
        {
            var route = routes[row.Route];
            var url = SampleUrl(route.Pattern);
            foreach (var (identity, client) in clients)
            {
                var expected = row.Allowed[identity];
                var statusPage = StatusPages.Contains(route.Pattern);
                using var get = await client.GetAsync(url);
                checkedCount++;
                if (IsDenied(get, statusPage) == expected)
                    wrong.Add($"GET {url} as {identity}: {(int)get.StatusCode} {get.Headers.Location}, matrix says {(expected ? "allowed" : "denied")}");
                if (!route.IsPage || statusPage) continue;

                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };
                var crossSiteChecked = CrossSiteCheckedPages.Contains(route.Pattern);
                if (crossSiteChecked) request.Headers.Add("Sec-Fetch-Site", "cross-site");
                using var post = await client.SendAsync(request);
                checkedCount++;
                if (crossSiteChecked)
                {
                    if (post.StatusCode != HttpStatusCode.Forbidden)
                        wrong.Add($"POST {url} (cross-site) as {identity}: {(int)post.StatusCode}, expected 403");
                    continue;
                }
                // Let in: the POST must stop at the antiforgery check. Turned away: sent away, or stopped by that check
                // (pages that turn visitors away in their handler, as the two-factor step does, never get that far).
                if (expected ? post.StatusCode != HttpStatusCode.BadRequest : !(IsDenied(post) || post.StatusCode == HttpStatusCode.BadRequest))
                    wrong.Add($"POST {url} (no antiforgery token) as {identity}: {(int)post.StatusCode} {post.Headers.Location}, " +
                              $"expected {(expected ? "400 (antiforgery)" : "denied")}");
            }
        }
        Assert.True(checkedCount > 1000, $"only {checkedCount} requests made");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Denied: sent to sign in (anonymous) or to "không có quyền" (signed in), or a bare 401/403.</summary>
    private static bool IsDenied(HttpResponseMessage response, bool statusPage = false) =>
        (!statusPage && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
            && (to.StartsWith("/tai-khoan/dang-nhap", StringComparison.Ordinal) || to.StartsWith("/tai-khoan/khong-co-quyen", StringComparison.Ordinal)));

    private static async Task<HttpClient> NoRoleClientAsync(PortalFactory factory)
    {
        await factory.EnsureUserAsync("matrix-norole@test.local", PortalFactory.StaffPassword);
        return await factory.SignedInAsync("matrix-norole@test.local", PortalFactory.StaffPassword);
    }

    private sealed record Route(string Pattern, bool IsPage);

    /// <summary>Every routed endpoint of the app but the static assets (files of the build, public by nature).</summary>
    private static List<Route> Routes(PortalFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Select(e => new Route("/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<PageActionDescriptor>() is not null))
            .DistinctBy(r => r.Pattern).ToList();

    /// <summary>
    /// A URL of the pattern with a sample value per parameter. Authorization runs before the page or endpoint, so
    /// an allowed identity may get a 404 for a sample id; a denied one never reaches that far.
    /// </summary>
    private static string SampleUrl(string pattern) =>
        Regex.Replace(pattern, @"\{\**(\w+)(:[^}?]*)?\??\}", m => m.Groups[1].Value switch
        {
            "year" => "2024",
            "width" => "320",
            "code" when m.Groups[2].Value.Contains("int") => "404",
            "path" => "khong-co.jpg",
            _ when m.Groups[2].Value.Contains("int") => "1",
            _ => "khong-co",
        });
}
