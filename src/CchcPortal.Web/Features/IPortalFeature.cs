using System.Reflection;
using CchcPortal.Themes.Default;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features;

/// <summary>
/// One feature of the portal, declared in one class in its own folder (Features/{Name}/{Name}Feature.cs): the services
/// it registers, the endpoints it maps, the manager folders it guards, its menu entries and the output-cache tags its
/// content changes evict. Features are found at start-up (<see cref="PortalFeatures.Discover"/>); no central list
/// names them. Every member has a default, so a feature declares only what it adds.
/// </summary>
public interface IPortalFeature
{
    /// <summary>The feature's name, as listed by the start-up test and docs/architecture.md.</summary>
    string Name { get; }

    /// <summary>
    /// Where the feature's services and endpoints come in the composition (lower first). It matters only where
    /// several features register the same kind of service: content-change listeners run, and hosted services start,
    /// in registration order (<see cref="FeatureOrder"/>).
    /// </summary>
    int Order => FeatureOrder.Default;

    void AddServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>Middleware served before routing, after the static assets (files the feature serves from disk).</summary>
    void UseBeforeRouting(IApplicationBuilder app) { }

    /// <summary>Middleware run after authorization and before the output cache, so it sees cached pages too.</summary>
    void UseBeforeOutputCache(IApplicationBuilder app) { }

    /// <summary>Minimal-API endpoints; Razor Pages are mapped after every feature's endpoints.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    /// <summary>The policies that guard the feature's folders of the manager (Areas/Manager/Pages).</summary>
    void AuthorizePages(PageConventionCollection conventions) { }

    /// <summary>Entries of the public main menu.</summary>
    IEnumerable<MenuItem> MainMenu => [];

    /// <summary>Entries of the manager's navigation, each shown to the users its policy admits.</summary>
    IEnumerable<ManagerMenuEntry> ManagerMenu => [];

    /// <summary>Output-cache tags to evict when content of a kind (ContentKinds) changes; kinds no feature names evict "site".</summary>
    IEnumerable<(string Kind, string[] Tags)> CacheEvictions => [];
}

/// <summary>
/// The order of the features whose registrations must keep a sequence: content-change listeners (citations are
/// relinked before cached pages are evicted, and the search indexer is woken last). Hosted services start in the
/// same order (the overdue digest of Questions first: it only queues mail; then the search indexer, scheduled
/// publishing, the procedure view counter and the outbox sender).
/// Features below <see cref="Host"/> are registered before the host's identity and output cache (whose eviction
/// listener comes after theirs), the others after.
/// </summary>
public static class FeatureOrder
{
    public const int Default = 100;
    public const int Documents = 200;
    public const int Questions = 300;
    public const int Host = 1000;
    public const int Search = 1100;
    public const int News = 1200;
    public const int Procedures = 1300;
    public const int Notifications = 1400;
    public const int HostDefault = 1500;
}

/// <summary>A link of the manager's navigation. <paramref name="Policy"/> null: shown to every signed-in staff member.</summary>
public sealed record ManagerMenuEntry(string Text, string Href, int Order, string? Policy = null, bool ExactMatch = false)
{
    public bool IsCurrent(string path) =>
        ExactMatch ? path == Href : path == Href || path.StartsWith(Href + "/", StringComparison.Ordinal);
}

/// <summary>The manager's navigation, gathered from every feature.</summary>
public sealed class ManagerMenu(IEnumerable<ManagerMenuEntry> entries)
{
    public IReadOnlyList<ManagerMenuEntry> Entries { get; } = entries.OrderBy(e => e.Order).ToList();
}

/// <summary>The features of this build, in composition order.</summary>
public sealed class PortalFeatures(IReadOnlyList<IPortalFeature> features)
{
    public IReadOnlyList<IPortalFeature> All { get; } = features;

    /// <summary>Every non-abstract <see cref="IPortalFeature"/> of the assembly, made with its parameterless constructor.</summary>
    public static PortalFeatures Discover(Assembly assembly) =>
        new(assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IPortalFeature).IsAssignableFrom(t))
            .Select(t => (IPortalFeature)Activator.CreateInstance(t)!)
            .OrderBy(f => f.Order).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList());

    public MainMenu MainMenu()
    {
        var menu = new MainMenu();
        foreach (var item in All.SelectMany(f => f.MainMenu)) menu.Add(item.Text, item.Href, item.Order);
        return menu;
    }

    public ManagerMenu ManagerMenu() => new(All.SelectMany(f => f.ManagerMenu));

    public IReadOnlyDictionary<string, string[]> CacheEvictions() =>
        All.SelectMany(f => f.CacheEvictions).ToDictionary(e => e.Kind, e => e.Tags);
}
