using System.Security.Cryptography;
using CchcPortal.Core.AntiSpam;
using CchcPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.AntiSpam;

public static class AntiSpamSetup
{
    /// <summary>The anti-spam services, with their key from configuration or from a key file made on first start.</summary>
    public static IServiceCollection AddAntiSpam(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PortalOptions>>().Value.AntiSpam;
            return new AntiSpamSettings
            {
                HmacKey = string.IsNullOrWhiteSpace(options.HmacKey)
                    ? KeyFromFile(sp.GetRequiredService<PortalPaths>().AntiSpamKeyFile)
                    : Convert.FromBase64String(options.HmacKey),
                MaxNumber = Math.Max(1, options.MaxNumber),
                ChallengeLifetime = TimeSpan.FromMinutes(Math.Max(1, options.ChallengeMinutes)),
            };
        });
        return services.AddPortalAntiSpam();
    }

    public static void MapAntiSpamEndpoints(this IEndpointRouteBuilder app)
    {
        // The ALTCHA widget fetches its challenge here when the citizen presses "Gửi". Never cached: each is single-use.
        app.MapGet("/hoi-dap/thu-thach", (ProofOfWork pow, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(pow.Issue());
        }).RequireRateLimiting(PortalServiceExtensions.PublicLookupLimit);
    }

    private static byte[] KeyFromFile(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(path, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
