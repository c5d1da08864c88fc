using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using System.Threading.RateLimiting;
using CchcPortal.Core;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Data.Sqlite;
using CchcPortal.Web.Features;
using CchcPortal.Web.Infrastructure.Redis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Infrastructure;

public static class PortalServiceExtensions
{
    public const string PublicPostLimit = RateLimits.PublicPostLimit;
    public const string LoginLimit = RateLimits.LoginLimit;
    public const string PublicLookupLimit = RateLimits.PublicLookupLimit;

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        // Serve the theme's assets (a Razor Class Library) in every environment, not only Development;
        // a published app has them in wwwroot and the call is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        services.AddSingleton(sp => FileModes.ResolvePaths(sp.GetRequiredService<IOptions<PortalOptions>>().Value, builder.Environment.ContentRootPath));
        builder.AddPortalHttps().AddPortalKeyProtection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CchcPortal.Core.Common.PublicAddress(sp.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl));
        services.AddScoped<CchcPortal.Web.Features.RichText.BodyHtmlRenderer>();

        builder.AddPortalDatabase();
        services.AddPortalCore();

        // Every feature of this assembly (Features/*/*Feature.cs), in their order: those before FeatureOrder.Host are
        // registered before identity and the output cache, as their change listeners must run before its eviction.
        var features = PortalFeatures.Discover(typeof(PortalServiceExtensions).Assembly);
        services.AddSingleton(features);
        foreach (var feature in features.All.Where(f => f.Order < FeatureOrder.Host))
            feature.AddServices(services, builder.Configuration);
        services.AddPortalIdentity();
        services.AddPortalOutputCache(features.CacheEvictions());
        foreach (var feature in features.All.Where(f => f.Order >= FeatureOrder.Host))
            feature.AddServices(services, builder.Configuration);
        services.AddSingleton(features.MainMenu());
        services.AddSingleton(features.ManagerMenu());

        // Large imports (the national TTHC file) go through the manager.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 60L * 1024 * 1024);
        // Vietnamese text is written as UTF-8, not as &#x...; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            foreach (var feature in features.All) feature.AuthorizePages(options.Conventions);
        }).AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new CheckboxModelBinderProvider()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".CchcPortal.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/rss+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddPortalRateLimits();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddPortalRedis();
        return builder;
    }

    private static void AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 6;
                // No account lockout: it let anyone lock any known account, the administrator's included. Guessing
                // is slowed per (typed e-mail, address) and per address instead (ISignInThrottle, StaffSignIn); the
                // two-factor step would still count failures towards a lockout, so that count is never reached.
                o.Lockout.AllowedForNewUsers = false;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>();

        // Password reset links (PasswordResetMail) are valid this long; used once, the renewed stamp spends them.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Features.Identity.PasswordResetMail.TokenLifespan);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".CchcPortal.Auth";
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: a staff member follows the manager links of notification mails (a new case, the
            // overdue digest) and must arrive signed in. Cross-site POSTs still carry no cookie, and every form
            // checks its antiforgery token.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/tai-khoan/dang-nhap";
            o.LogoutPath = "/tai-khoan/dang-xuat";
            o.AccessDeniedPath = "/tai-khoan/khong-co-quyen";
            // Idle timeout (sliding, Portal:Security:SessionIdleMinutes) set below; the absolute maximum is checked here.
            o.SlidingExpiration = true;
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnSigningIn = ctx =>
            {
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                ctx.Properties.Items.TryAdd(SignedInAtItem, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async ctx =>
            {
                if (SessionExpired(ctx.HttpContext, ctx.Properties))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validate(ctx);
            };
            // The handler makes these redirects absolute from the request's Host header; a path is enough and
            // reflects nothing a client sent.
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = ctx => toLogin(WithLocalRedirect(ctx));
            o.Events.OnRedirectToAccessDenied = ctx => toDenied(WithLocalRedirect(ctx));
        });
        // Sign-out and a password change renew the user's security stamp; checking it on every request (one user
        // lookup and the principal rebuilt, for signed-in staff only; anonymous pages never reach it) ends a copied
        // cookie at once instead of up to 30 minutes later (Identity's default interval).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<PortalOptions>>((o, portal) =>
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, portal.Value.Security.SessionIdleMinutes)));
        services.AddPortalDataProtection();

        services.AddAuthorizationBuilder()
            // Any account (only administrators create them): the dashboard tells one without a role what to ask for;
            // every feature's folder adds its own role policy.
            .AddPolicy(PortalPolicies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(PortalPolicies.EditContent, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Approver, PortalRoles.Editor))
            .AddPolicy(PortalPolicies.WriteNews, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Approver, PortalRoles.Editor, PortalRoles.Contributor))
            .AddPolicy(PortalPolicies.ApproveNews, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Approver))
            .AddPolicy(PortalPolicies.NewsStatistics, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Approver, PortalRoles.Editor))
            .AddPolicy(PortalPolicies.ManageSubscriptions, p => p.RequireRole(PortalRoles.Administrator))
            .AddPolicy(PortalPolicies.HandleQuestions, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Moderator, PortalRoles.AgencyResponder, PortalRoles.AgencyHead))
            .AddPolicy(PortalPolicies.ManageProgramme, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Moderator))
            .AddPolicy(PortalPolicies.ManageDirectory, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Approver, PortalRoles.Editor))
            .AddPolicy(PortalPolicies.ManageUsers, p => p.RequireRole(PortalRoles.Administrator))
            .AddPolicy(PortalPolicies.ManageSettings, p => p.RequireRole(PortalRoles.Administrator));
    }

    /// <summary>When the session's first sign-in happened; kept by renewals and refreshes, so it bounds the session.</summary>
    private const string SignedInAtItem = ".signed-in-at";

    /// <summary>Portal:Security:SessionMaxHours after its sign-in a session ends, however active it was.</summary>
    private static bool SessionExpired(HttpContext context, AuthenticationProperties properties)
    {
        if (!properties.Items.TryGetValue(SignedInAtItem, out var at)
            || !DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedInAt))
            return false;
        var maxHours = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.Security.SessionMaxHours;
        return context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - signedInAt > TimeSpan.FromHours(Math.Max(1, maxHours));
    }

    private static RedirectContext<CookieAuthenticationOptions> WithLocalRedirect(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        if (Uri.TryCreate(ctx.RedirectUri, UriKind.Absolute, out var absolute)) ctx.RedirectUri = absolute.PathAndQuery;
        return ctx;
    }
}
