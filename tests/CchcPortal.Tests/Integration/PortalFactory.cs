using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// The real app on a real SQLite file in a fresh temp folder (migrations and seeding run as in production),
/// with a fake clock so scheduled publishing can be tested.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Adm1n!Passw0rd#Test";
    public const string EditorEmail = "editor@test.local";
    public const string EditorPassword = "Ed1tor!Passw0rd#Test";
    /// <summary>The password of every staff user made with <see cref="StaffAsync"/>.</summary>
    public const string StaffPassword = "Staff!Passw0rd#2026";

    public string DataPath { get; }
    /// <summary>Where mail goes when no SMTP host is configured (as in tests).</summary>
    public string MailPickupPath => Path.Combine(DataPath, "mail-pickup");
    public Support.PortalClock Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
    private readonly bool _deleteOnDispose;
    private readonly bool _seedProcedures;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly Support.PostgresDatabase? _postgres;
    /// <summary>Start from a copy of the seeded template instead of an empty folder (Support/SeededTemplate.cs).</summary>
    private bool _fromTemplate;

    /// <summary>SQL commands per request; set when the factory was made with countQueries: true.</summary>
    public Support.QueryCounter? Queries { get; }

    /// <param name="seedProcedures">The 1,601 seeded procedures add seconds to start-up; only tests that need them take them.</param>
    /// <param name="settings">Extra configuration, e.g. ["Portal:Smtp:Host"] = "127.0.0.1".</param>
    /// <param name="services">Extra or replaced services, e.g. a search document source that fails on purpose.</param>
    /// <param name="provider">PostgreSql: a database of its own on the test process's PostgreSQL cluster (Support/PostgresCluster.cs).</param>
    /// <param name="servicesActPerRequest">
    /// True when <paramref name="services"/> only add request-time middleware (an IStartupFilter that sets the client's
    /// address): start-up writes the same data, so the factory may still start from the seeded template.
    /// </param>
    public PortalFactory(string? dataPath = null, bool seedProcedures = false, IReadOnlyDictionary<string, string>? settings = null,
        bool countQueries = false, Action<IServiceCollection>? services = null, Support.TestDatabase provider = Support.TestDatabase.Sqlite,
        bool servicesActPerRequest = false)
    {
        _services = services;
        if (countQueries) Queries = new Support.QueryCounter();
        _seedProcedures = seedProcedures;
        _settings = settings ?? new Dictionary<string, string>();
        _deleteOnDispose = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        if (provider == Support.TestDatabase.PostgreSql)
            _postgres = Support.PostgresDatabase.Create(seedProcedures, _settings.GetValueOrDefault("Portal:SeedPath"), DataPath);
        else
            _fromTemplate = Support.SeededTemplate.Fits(dataPath, _settings, services is not null && !servicesActPerRequest);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_fromTemplate)
        {
            _fromTemplate = false;
            Support.SeededTemplate.CopyInto(DataPath, _seedProcedures);
        }
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:DataPath", DataPath);
        builder.UseSetting("CCHC_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("CCHC_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Portal:SeedProcedures", _seedProcedures ? "true" : "false");
        // Easy proof of work, so tests solve challenges in a few milliseconds (AltchaTestClient).
        builder.UseSetting("Portal:AntiSpam:MaxNumber", AltchaTestClient.TestMaxNumber.ToString());
        // Tests sign the administrator in with a password only; the two-factor tests turn the requirement on.
        builder.UseSetting("Portal:Security:RequireTwoFactorForAdministrators", "false");
        if (_postgres is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:ConnectionString", _postgres.ConnectionString);
        }
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (Queries is { } counter)
            {
                services.ConfigureDbContext<CchcPortal.Core.Data.PortalDbContext>(o => o.AddInterceptors(counter));
                services.AddSingleton(counter);
                services.AddTransient<IStartupFilter, Support.QueryCounter.StartupFilter>();
            }
            _services?.Invoke(services);
        });
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task EnsureUserAsync(string email, string password, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new PortalUser { UserName = email, Email = email, FullName = "Biên tập viên Thử nghiệm", EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
    }

    /// <summary>A client signed in through the real login form.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpClient> EditorAsync()
    {
        await EnsureUserAsync(EditorEmail, EditorPassword, PortalRoles.Editor);
        return await SignedInAsync(EditorEmail, EditorPassword);
    }

    /// <summary>The id of a seeded agency.</summary>
    public async Task<int> AgencyIdAsync(string slug)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Slug == slug)).Id;
    }

    /// <summary>
    /// A staff user (made with <see cref="StaffPassword"/> if new) in <paramref name="role"/>, set to <paramref name="agencyId"/>;
    /// the job title and full name change only when given. Returns a client signed in as that user.
    /// </summary>
    public async Task<HttpClient> StaffAsync(string email, string role, int? agencyId = null, string jobTitle = "", string fullName = "")
    {
        await EnsureUserAsync(email, StaffPassword, role);
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.AgencyId = agencyId;
            if (jobTitle.Length > 0) user.JobTitle = jobTitle;
            if (fullName.Length > 0) user.FullName = fullName;
            await users.UpdateAsync(user);
        }
        return await SignedInAsync(email, StaffPassword);
    }

    /// <summary>Waits until every change committed so far is in the search index (the indexer runs in the background).</summary>
    public Task WaitForSearchAsync(int seconds = 30) =>
        Services.GetRequiredService<CchcPortal.Web.Features.Search.SearchIndexer>().WaitUntilCurrentAsync(TimeSpan.FromSeconds(seconds));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _postgres?.Dispose();
        if (disposing && _deleteOnDispose)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
        }
    }
}

public static partial class HttpClientFormExtensions
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Loads a form page (which also sets the antiforgery cookie) and returns its token.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string formPageUrl)
    {
        var match = TokenPattern().Match(await client.GetStringAsync(formPageUrl));
        Assert.True(match.Success, $"No antiforgery token on {formPageUrl}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Loads the form page first (for the antiforgery token and cookie), then posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(formPageUrl ?? StripHandler(url));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string StripHandler(string url) => url.Split('?')[0];

    /// <summary>The fields a browser would submit for the first form matching <paramref name="selector"/>, as they stand on the page.</summary>
    public static async Task<List<KeyValuePair<string, string>>> BrowserFormAsync(this HttpClient client, string pageUrl, string selector) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(pageUrl)).BrowserForm(selector);

    /// <summary>The fields a browser would submit for the first form matching <paramref name="selector"/> of a page already loaded.</summary>
    public static List<KeyValuePair<string, string>> BrowserForm(this AngleSharp.Dom.IDocument doc, string selector)
    {
        var form = doc.QuerySelector(selector)!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            switch (e)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields.Add(new(name, box.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var result = fields.Where(f => f.Key != name).ToList();
        result.Add(new(name, value));
        return result;
    }
}
