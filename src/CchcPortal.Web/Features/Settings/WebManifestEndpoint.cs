using System.Text.Json;
using CchcPortal.Core.Settings;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Settings;

/// <summary>
/// /manifest.webmanifest: the portal's name, short name, colours and icons for "add to home screen", made from the
/// settings (a settings change evicts it with the rest of the site). Browsers may keep it for a day.
/// </summary>
public static class WebManifestEndpoint
{
    public const string ContentType = "application/manifest+json";

    public static void MapWebManifest(this IEndpointRouteBuilder app) =>
        app.MapGet(AppIcons.ManifestPath, async (HttpContext http, SiteSettingsService settings, CancellationToken ct) =>
            {
                var site = await settings.GetAsync(ct);
                http.Response.Headers.CacheControl = "public, max-age=86400";
                var manifest = new
                {
                    name = $"{site.SiteName} - {site.UnitName}",
                    short_name = SiteShortName.Of(site),
                    description = $"{site.SiteName} của {site.UnitName}: thủ tục hành chính, hỏi đáp, đường dây nóng, tin tức.",
                    lang = "vi",
                    dir = "ltr",
                    start_url = "/",
                    scope = "/",
                    display = "minimal-ui",
                    theme_color = AppIcons.ThemeColor,
                    background_color = AppIcons.BackgroundColor,
                    icons = new object[]
                    {
                        new { src = AppIcons.Svg, sizes = "any", type = "image/svg+xml" },
                        new { src = AppIcons.Small, sizes = "192x192", type = "image/png" },
                        new { src = AppIcons.Large, sizes = "512x512", type = "image/png" },
                    },
                };
                return Results.Json(manifest, contentType: ContentType);
            })
            .CacheOutput(CachePolicies.Site);
}
